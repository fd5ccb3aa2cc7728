//! The JavaScript API: `mount(element, { url | data, options })` renders an
//! instance into a shadow root on `element` and returns a [`Handle`].
//!
//! The shadow root keeps the app's styles in and the host page's styles out;
//! the stylesheet is linked from the app's own origin (`stylesheet`, filled in
//! by `embed.js`), which a strict `style-src 'self'` allows where an inline
//! `<style>` would not be. Each call makes an independent instance with its
//! own state; nothing here touches the host page's URL.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::components::{App, AppProps};
use crate::config::{Config, Control, Theme};
use crate::layout::scale::Viewport;
use crate::model::{Date, Days};
use crate::state::Action;

/// Milliseconds in a day, to turn a JS `Date` into [`Days`].
const MS_PER_DAY: f64 = 86_400_000.0;

fn get(object: &JsValue, key: &str) -> JsValue {
    if object.is_object() {
        Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// `options.key`, else `spec.key`, so both `{ options: { theme } }` and `{ theme }` work.
fn option(spec: &JsValue, key: &str) -> JsValue {
    let nested = get(&get(spec, "options"), key);
    if nested.is_undefined() || nested.is_null() {
        get(spec, key)
    } else {
        nested
    }
}

fn string(value: JsValue) -> Option<String> {
    value.as_string().filter(|s| !s.trim().is_empty())
}

/// Applies the display options of `spec` (theme, startAt, hideControls, language) to `config`.
fn apply_options(mut config: Config, spec: &JsValue) -> Config {
    if let Some(theme) = string(option(spec, "theme")) {
        config.theme = Theme::parse(&theme);
    }
    if let Some(id) = string(option(spec, "startAt")) {
        config.start_at = Some(id);
    }
    if let Some(hide) = option(spec, "hideControls").as_bool() {
        config.hide_controls = hide;
    }
    // `lang` as the iframe's parameter and the element's attribute say it.
    if let Some(language) =
        string(option(spec, "language")).or_else(|| string(option(spec, "lang")))
    {
        config.language = Some(language);
    }
    // Embedded instances are read-only unless the host opts in.
    if let Some(editable) = option(spec, "editable").as_bool() {
        config.editable = editable;
    }
    config
}

/// A dataset as the object the native JSON format describes.
fn data_object(dataset: &crate::model::Dataset) -> JsValue {
    js_sys::JSON::parse(&crate::model::to_native_json(dataset)).unwrap_or(JsValue::NULL)
}

/// Calls each listener with `arg`.
fn notify(listeners: &RefCell<Vec<Function>>, arg: &JsValue) {
    // Cloned so that a listener may call `on` without a double borrow.
    let current = listeners.borrow().clone();
    for listener in current {
        let _ = listener.call1(&JsValue::NULL, arg);
    }
}

/// Reads one end of `setRange`: a date string such as "1998" or
/// "1998-08-31", or a JS `Date`. `end` takes the end of the date's range.
fn read_time(value: &JsValue, end: bool) -> Result<Days, JsValue> {
    if let Some(text) = value.as_string() {
        let date = Date::parse(&text).map_err(|e| {
            JsValue::from_str(&format!(
                "annals setRange: could not read \"{text}\" as a date: {}",
                e.0
            ))
        })?;
        let (start, stop) = date.range();
        return Ok(if end { stop } else { start });
    }
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        let ms = date.get_time();
        if ms.is_finite() {
            return Ok(ms / MS_PER_DAY);
        }
    }
    Err(JsValue::from_str("annals setRange: give dates as strings such as \"1998\" or \"1998-08-31\", or as Date objects"))
}

/// `data` as text to load: a string as it is, an object as JSON.
fn data_text(data: &JsValue) -> Result<Option<String>, JsValue> {
    Ok(if data.is_string() {
        data.as_string()
    } else if data.is_object() {
        Some(String::from(js_sys::JSON::stringify(data)?))
    } else {
        None
    })
}

struct Mounted {
    app: AppHandle<App>,
    root: Element,
    config: Config,
    shadow: ShadowRoot,
}

/// One mounted instance, as JavaScript sees it.
#[wasm_bindgen]
pub struct Handle {
    mounted: RefCell<Option<Mounted>>,
    control: Control,
    listeners: Rc<RefCell<Vec<Function>>>,
    change_listeners: Rc<RefCell<Vec<Function>>>,
}

/// Renders annals into a shadow root on `element`. `spec` is
/// `{ url, data, options: { theme, startAt, hideControls, language, editable }, stylesheet }`
/// (`theme` is `light`, `dark`, `contrast` or `auto`):
/// `url` is fetched, `data` (an object or JSON/CSV text) is loaded directly,
/// and with neither the default dataset is shown where it is built in (the
/// `default-dataset` feature; `embed.js` gives the release bundle's
/// `data/alliance.json` instead).
#[wasm_bindgen]
pub fn mount(element: Element, spec: JsValue) -> Result<Handle, JsValue> {
    crate::browser::panic::install();
    let shadow = match element.shadow_root() {
        Some(shadow) => shadow,
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| {
            JsValue::from_str(&format!(
                "annals mount: a <{}> cannot hold a shadow root; mount into a <div> or another container element",
                element.tag_name().to_ascii_lowercase()
            ))
        })?,
    };
    shadow.set_text_content(None);
    let document = gloo::utils::document();
    if let Some(href) = string(get(&spec, "stylesheet")) {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", &href)?;
        shadow.append_child(&link)?;
    }
    let root = document.create_element("div")?;
    root.set_class_name("annals-host");
    shadow.append_child(&root)?;

    let data_text = data_text(&get(&spec, "data"))?;
    let listeners: Rc<RefCell<Vec<Function>>> = Rc::default();
    let on_select = {
        let listeners = listeners.clone();
        Callback::from(move |id: Option<String>| {
            notify(&listeners, &id.map(JsValue::from).unwrap_or(JsValue::NULL));
        })
    };
    let change_listeners: Rc<RefCell<Vec<Function>>> = Rc::default();
    let on_change = {
        let listeners = change_listeners.clone();
        Callback::from(move |dataset: Rc<crate::model::Dataset>| {
            if !listeners.borrow().is_empty() {
                notify(&listeners, &data_object(&dataset));
            }
        })
    };
    let control = Control::default();
    let config = apply_options(
        Config {
            data_url: string(get(&spec, "url")),
            data_text,
            on_select,
            on_change,
            control: Some(control.clone()),
            ..Config::embedded()
        },
        &spec,
    );
    crate::browser::panic::register_root(&root);
    let app = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            config: config.clone(),
        },
    )
    .render();
    Ok(Handle {
        mounted: RefCell::new(Some(Mounted {
            app,
            root,
            config,
            shadow,
        })),
        control,
        listeners,
        change_listeners,
    })
}

#[wasm_bindgen]
impl Handle {
    /// Opens the card of the event with this id; `null` closes the card.
    pub fn select(&self, id: Option<String>) {
        self.control.dispatch(Action::Select(id));
    }

    /// Shows the time between `start` and `end` (date strings or `Date`s).
    #[wasm_bindgen(js_name = setRange)]
    pub fn set_range(&self, start: JsValue, end: JsValue) -> Result<(), JsValue> {
        let (start, end) = (read_time(&start, false)?, read_time(&end, true)?);
        // Not `start >= end`: a NaN must fail too.
        if start.partial_cmp(&end) != Some(std::cmp::Ordering::Less) {
            return Err(JsValue::from_str(
                "annals setRange: the start must be before the end",
            ));
        }
        self.control
            .dispatch(Action::SetView(Viewport::new(start, end)));
        Ok(())
    }

    /// Calls `callback` on `event`: `select` gives the id of the event whose
    /// card opened, or `null` when it closed; `change` gives the data (as
    /// `getData()` does) after each edit, undo or redo.
    pub fn on(&self, event: &str, callback: Function) -> Result<(), JsValue> {
        match event {
            "select" => self.listeners.borrow_mut().push(callback),
            "change" => self.change_listeners.borrow_mut().push(callback),
            _ => {
                return Err(JsValue::from_str(&format!(
                    "annals on: unknown event \"{event}\"; the events are \"select\" and \"change\""
                )))
            }
        }
        Ok(())
    }

    /// The data on screen, edits included, as an object in the native JSON
    /// format; `null` before the instance has shown any.
    #[wasm_bindgen(js_name = getData)]
    pub fn get_data(&self) -> JsValue {
        self.control
            .dataset()
            .map(|d| data_object(&d))
            .unwrap_or(JsValue::NULL)
    }

    /// Loads other data into this instance: `{ url }` or `{ data }` (an
    /// object, or JSON or CSV text). If it cannot be loaded, the timeline on
    /// screen stays and the problems panel says why.
    pub fn load(&self, spec: JsValue) -> Result<(), JsValue> {
        let (url, text) = (string(get(&spec, "url")), data_text(&get(&spec, "data"))?);
        if url.is_none() && text.is_none() {
            return Err(JsValue::from_str(
                "annals load: give { url: 'data.json' } or { data: { events: [...] } }",
            ));
        }
        if let Some(mounted) = self.mounted.borrow_mut().as_mut() {
            mounted.config.data_url = url;
            mounted.config.data_text = text;
            mounted.app.update(AppProps {
                config: mounted.config.clone(),
            });
        }
        Ok(())
    }

    /// Changes display options (`theme`, `hideControls`, `language`, `editable`) in place.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&self, options: JsValue) {
        if let Some(mounted) = self.mounted.borrow_mut().as_mut() {
            mounted.config = apply_options(mounted.config.clone(), &options);
            mounted.app.update(AppProps {
                config: mounted.config.clone(),
            });
        }
    }

    /// Removes the instance and its listeners; calling it again does nothing.
    pub fn destroy(&self) {
        if let Some(mounted) = self.mounted.borrow_mut().take() {
            mounted.app.destroy();
            crate::browser::panic::unregister_root(&mounted.root);
            mounted.shadow.set_text_content(None);
        }
        self.listeners.borrow_mut().clear();
        self.change_listeners.borrow_mut().clear();
    }
}

/// Mounts the standalone page into the element with id `annals`, or `<body>`;
/// called by `loader.js`, and by the single-file build with its inlined data
/// (JSON or CSV text). `prefetch` is the `?data=` fetch `loader.js` started
/// early, if any (see `browser::load::adopt_prefetch`). `default_url` is
/// where the default dataset is, for a page that carries no data (the
/// release bundle does not build it in); a `?data=` address comes first.
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(data: Option<String>, prefetch: JsValue, default_url: Option<String>) {
    if !prefetch.is_undefined() && !prefetch.is_null() {
        crate::browser::load::adopt_prefetch(&prefetch);
    }
    let mut config = Config {
        data_text: data,
        data_url: crate::browser::load::data_param().or(default_url),
        layout_width: crate::browser::dom::prerendered_width(),
        ..Config::default()
    };
    // Replacing a prerendered page: its dataset is small enough to have been
    // rendered ahead of time, so read it now, and the first frame is the one
    // on screen rather than a loading state.
    if config.layout_width.is_some() {
        if let Some(Ok(loaded)) = config.data_text.as_deref().map(crate::model::parse_any) {
            config.dataset = Some(std::rc::Rc::new(loaded.dataset));
            config.data_text = None;
        }
    }
    crate::start_with(config);
}
