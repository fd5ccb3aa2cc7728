//! How one instance of the app is set up: where its data comes from, its
//! theme and language, whether it shows its controls, and whether it owns the
//! page's URL.
//!
//! The standalone page (and so an iframe) owns its URL: it reads `?data=`,
//! `?start-at=`, `?theme=`, `?lang=` and `?controls=` and keeps the view in the
//! address. Embedded instances (the JS API, the custom element, the yew
//! component) get everything from their [`Config`] and never read or write the
//! host page's URL, so several can share one page.

use std::cell::RefCell;
use std::rc::Rc;

use yew::{Callback, UseReducerDispatcher};

use crate::model::Dataset;
use crate::state::{Action, State};

/// Colour scheme of the app. Each theme is a class on the app's root
/// (`annals.css` keys its colours on it); on the standalone page the theme
/// is also on `<html>` (`data-annals-theme`), so the whole page follows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light surfaces.
    #[default]
    Light,
    /// Light text on dark surfaces.
    Dark,
    /// Black on white with strong borders and outlines, for low vision; the
    /// system's own colours under `forced-colors: active` (which every theme
    /// honours).
    Contrast,
    /// Light or dark as the reader's system prefers (`prefers-color-scheme`),
    /// decided by CSS alone, so it needs no script and never flashes.
    Auto,
}

impl Theme {
    /// Every theme, in the order the documentation lists them.
    pub const ALL: [Theme; 4] = [Theme::Light, Theme::Dark, Theme::Contrast, Theme::Auto];

    /// Reads a theme's name (`light`, `dark`, `contrast` or `auto`, in any
    /// case; `high-contrast` too); anything else is the default, light.
    pub fn parse(value: &str) -> Theme {
        let value = value.trim();
        Theme::ALL
            .into_iter()
            .find(|theme| value.eq_ignore_ascii_case(theme.name()))
            .or_else(|| {
                value
                    .eq_ignore_ascii_case("high-contrast")
                    .then_some(Theme::Contrast)
            })
            .unwrap_or_default()
    }

    /// The theme's name, as `?theme=` and the embed options spell it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
            Theme::Auto => "auto",
        }
    }

    /// The class the root carries for this theme.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "annals-theme-light",
            Theme::Dark => "annals-theme-dark",
            Theme::Contrast => "annals-theme-contrast",
            Theme::Auto => "annals-theme-auto",
        }
    }
}

/// A way in for code outside the component tree (the JS handle): the app
/// connects its dispatcher once it is mounted; actions sent before that wait.
#[derive(Clone, Default)]
pub struct Control(Rc<RefCell<ControlInner>>);

#[derive(Default)]
struct ControlInner {
    dispatcher: Option<UseReducerDispatcher<State>>,
    waiting: Vec<Action>,
    /// The dataset on screen, for `getData()`.
    dataset: Option<Rc<Dataset>>,
}

impl Control {
    /// Sends `action` to the app, or keeps it until the app is mounted.
    pub fn dispatch(&self, action: Action) {
        let mut inner = self.0.borrow_mut();
        match inner.dispatcher.as_ref() {
            Some(dispatcher) => dispatcher.dispatch(action),
            None => inner.waiting.push(action),
        }
    }

    /// The dataset the app shows now, once it is mounted.
    pub fn dataset(&self) -> Option<Rc<Dataset>> {
        self.0.borrow().dataset.clone()
    }

    pub(crate) fn show(&self, dataset: Rc<Dataset>) {
        self.0.borrow_mut().dataset = Some(dataset);
    }

    pub(crate) fn connect(&self, dispatcher: Option<UseReducerDispatcher<State>>) {
        let mut inner = self.0.borrow_mut();
        if let Some(dispatcher) = dispatcher.as_ref() {
            for action in inner.waiting.drain(..) {
                dispatcher.dispatch(action);
            }
        }
        inner.dispatcher = dispatcher;
    }
}

impl PartialEq for Control {
    fn eq(&self, other: &Control) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Everything that sets one instance up. `Config::default()` is the
/// standalone page: it owns the URL and reads its settings from it.
#[derive(Clone)]
pub struct Config {
    /// Read the settings and the view from the page's URL and keep the view
    /// there. Only the standalone page does this.
    pub url_sync: bool,
    /// Fetch the dataset from this address.
    pub data_url: Option<String>,
    /// Load the dataset from this text (JSON or CSV).
    pub data_text: Option<String>,
    /// Show this dataset.
    pub dataset: Option<Rc<Dataset>>,
    /// Open the card of this event once the data has loaded.
    pub start_at: Option<String>,
    /// Colour scheme.
    pub theme: Theme,
    /// The reader's language (a BCP 47 tag such as `ja`): the interface's,
    /// where annals has its table, and the data's, where it has a
    /// translation. `None`: the first of the browser's languages annals
    /// speaks, else English (the dataset's own when rendered ahead of time).
    pub language: Option<String>,
    /// Hide the toolbar and the legend: only the timeline and its cards.
    pub hide_controls: bool,
    /// Called with the event's id when a card opens, and `None` when it closes.
    pub on_select: Callback<Option<String>>,
    /// The reader may edit the data: the Edit button shows. The standalone
    /// page is editable; embedded instances only when the host opts in.
    pub editable: bool,
    /// Start in edit mode (`?edit=1`), when `editable`.
    pub start_editing: bool,
    /// Called with the dataset after each edit, undo or redo.
    pub on_change: Callback<Rc<Dataset>>,
    /// Lets code outside the component tree send actions.
    pub control: Option<Control>,
    /// The timeline's width, in pixels, for the first render, before the
    /// stage is measured: the width a page was rendered ahead of time for
    /// (`annals-cli`), or the width of the prerendered markup the app
    /// replaces, so its first frame matches what is on screen.
    pub layout_width: Option<f64>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            url_sync: true,
            data_url: None,
            data_text: None,
            dataset: None,
            start_at: None,
            theme: Theme::Light,
            language: None,
            hide_controls: false,
            on_select: Callback::noop(),
            editable: true,
            start_editing: false,
            on_change: Callback::noop(),
            control: None,
            layout_width: None,
        }
    }
}

impl Config {
    /// An embedded instance: nothing is read from or written to the page's URL.
    pub fn embedded() -> Config {
        Config {
            url_sync: false,
            editable: false,
            ..Config::default()
        }
    }

    /// Fills in the standalone page's settings from its query pairs:
    /// `data`, `start-at`, `theme`, `lang`, `controls=0` and `edit=1`.
    pub fn with_page_params<I, K, V>(mut self, pairs: I) -> Config
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        for (key, value) in pairs {
            let value = value.as_ref().trim();
            match key.as_ref() {
                "start-at" if !value.is_empty() => self.start_at = Some(value.to_owned()),
                "theme" => self.theme = Theme::parse(value),
                "lang" if !value.is_empty() => self.language = Some(value.to_owned()),
                "controls" => self.hide_controls = matches!(value, "0" | "false" | "no"),
                "edit" => self.start_editing = matches!(value, "1" | "true" | "yes"),
                _ => {}
            }
        }
        self
    }
}

impl PartialEq for Config {
    fn eq(&self, other: &Config) -> bool {
        let same_dataset = match (&self.dataset, &other.dataset) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_dataset
            && self.url_sync == other.url_sync
            && self.data_url == other.data_url
            && self.data_text == other.data_text
            && self.start_at == other.start_at
            && self.theme == other.theme
            && self.language == other.language
            && self.hide_controls == other.hide_controls
            && self.on_select == other.on_select
            && self.editable == other.editable
            && self.start_editing == other.start_editing
            && self.on_change == other.on_change
            && self.control == other.control
            && self.layout_width == other.layout_width
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_params_set_the_standalone_options() {
        let pairs = [
            ("start-at", "taepodong-1-launch"),
            ("theme", "dark"),
            ("lang", "ja"),
            ("controls", "0"),
            ("q", "x"),
            ("edit", "1"),
        ];
        let config = Config::default().with_page_params(pairs);
        assert!(config.url_sync);
        assert!(config.editable && config.start_editing);
        assert_eq!(config.start_at.as_deref(), Some("taepodong-1-launch"));
        assert_eq!(
            (
                config.theme,
                config.language.as_deref(),
                config.hide_controls
            ),
            (Theme::Dark, Some("ja"), true)
        );
    }

    #[test]
    fn every_theme_reads_back_from_its_name() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.name()), theme);
            assert_eq!(
                Theme::parse(&format!(" {} ", theme.name().to_uppercase())),
                theme
            );
            assert_eq!(theme.class(), format!("annals-theme-{}", theme.name()));
        }
        assert_eq!(Theme::parse("High-Contrast"), Theme::Contrast);
        assert_eq!(Theme::parse(""), Theme::Light);
    }

    #[test]
    fn missing_or_unknown_params_keep_the_defaults() {
        let config = Config::default().with_page_params([
            ("theme", "purple"),
            ("controls", "1"),
            ("start-at", " "),
        ]);
        assert_eq!(
            (config.theme, config.hide_controls, config.start_at),
            (Theme::Light, false, None)
        );
        assert!(!Config::embedded().url_sync);
        assert!(
            !Config::embedded().editable,
            "embedded instances are read-only by default"
        );
        assert!(!config.start_editing);
    }
}
