//! Component tests in headless Chromium: the timeline and the card, mounted
//! for real, driven through the DOM.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see
//! scripts/test.sh, which sets CHROMEDRIVER).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets yew render and the browser run observers and timers.
async fn settle() {
    for _ in 0..4 {
        yew::scheduler::flush().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
    yew::scheduler::flush().await;
}

/// Mounts a fresh app in its own 1000-pixel-wide host element, with a clean
/// URL (the app keeps its view in the URL, and earlier tests changed it).
async fn mount() -> Element {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    host.set_attribute("style", "width: 1000px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<annals::App>::with_root(host.clone()).render();
    settle().await;
    host
}

fn find(host: &Element, selector: &str) -> Option<HtmlElement> {
    host.query_selector(selector)
        .unwrap()
        .map(|e| e.dyn_into().unwrap())
}

fn mark(host: &Element, id: &str) -> HtmlElement {
    find(host, &format!("[data-event-id=\"{id}\"]")).unwrap_or_else(|| panic!("no mark for {id}"))
}

fn open_card_id(host: &Element) -> Option<String> {
    find(host, "[data-card-for]").and_then(|c| c.get_attribute("data-card-for"))
}

fn button_with_text(host: &Element, text: &str) -> HtmlElement {
    let buttons = host.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.dyn_into::<HtmlElement>().unwrap())
        .find(|b| b.text_content().unwrap_or_default().contains(text))
        .unwrap_or_else(|| panic!("no button with text {text:?}"))
}

fn press(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn renders_every_event_with_the_automation_contract() {
    let host = mount().await;
    let root = find(&host, "[data-annals-root]").expect("root element");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    assert_eq!(
        root.get_attribute("data-event-count").as_deref(),
        Some("26")
    );
    assert_eq!(
        host.query_selector_all("[data-event-id]").unwrap().length(),
        26
    );
    let tab_stops = host
        .query_selector_all("[data-event-id][tabindex=\"0\"]")
        .unwrap()
        .length();
    assert_eq!(tab_stops, 1, "the timeline is a single tab stop");
    let planned = mark(&host, "joint-declaration-planned");
    assert!(planned.class_name().contains("annals-status-planned"));
    assert_eq!(
        planned.get_attribute("aria-label").as_deref(),
        Some("Fall 2005, planned: Bush–Koizumi joint declaration expected")
    );
    assert!(
        host.query_selector_all(".annals-tick").unwrap().length() >= 5,
        "the axis has ticks"
    );
    assert!(
        find(&host, "[data-card-for]").is_none(),
        "no card is open at first"
    );
}

#[wasm_bindgen_test]
async fn clicking_an_event_opens_its_card_and_next_previous_walk_in_order() {
    let host = mount().await;
    mark(&host, "treaty-signed-1960").click();
    settle().await;
    assert_eq!(open_card_id(&host).as_deref(), Some("treaty-signed-1960"));
    let card = find(&host, "[data-card-for]").unwrap();
    let text = card.text_content().unwrap();
    for expected in [
        "January 19, 1960",
        "occurred",
        "Revised Security Treaty signed",
        "Sources",
        "1 of 26",
    ] {
        assert!(text.contains(expected), "card lacks {expected:?}: {text}");
    }
    assert!(
        button_with_text(&host, "Previous").has_attribute("disabled"),
        "nothing before the first event"
    );

    button_with_text(&host, "Next").click();
    settle().await;
    assert_eq!(open_card_id(&host).as_deref(), Some("treaty-in-force-1960"));
    button_with_text(&host, "Next").click();
    settle().await;
    assert_eq!(open_card_id(&host).as_deref(), Some("taepodong-1-launch"));
    assert!(find(&host, "[data-card-for]")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("August 31, 1998"));
    button_with_text(&host, "Previous").click();
    settle().await;
    assert_eq!(open_card_id(&host).as_deref(), Some("treaty-in-force-1960"));
}

#[wasm_bindgen_test]
async fn escape_closes_the_card_and_returns_focus_to_the_event() {
    let host = mount().await;
    mark(&host, "joint-declaration-planned").click();
    settle().await;
    let heading = find(&host, "[data-card-heading]").expect("card heading");
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(
        active,
        Element::from(heading.clone()),
        "focus moves into the card"
    );
    let date = find(&host, ".annals-card-date")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        date.starts_with("Fall 2005"),
        "season precision is kept: {date}"
    );

    press(&heading, "Escape");
    settle().await;
    assert_eq!(open_card_id(&host), None);
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-event-id").as_deref(),
        Some("joint-declaration-planned")
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_tab_stop_in_date_order() {
    let host = mount().await;
    let first = mark(&host, "treaty-signed-1960");
    first.focus().unwrap();
    press(&first, "ArrowRight");
    settle().await;
    let second = mark(&host, "treaty-in-force-1960");
    assert_eq!(second.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("-1"));
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-event-id").as_deref(),
        Some("treaty-in-force-1960")
    );
}

#[wasm_bindgen_test]
async fn a_panic_screen_replaces_the_view_with_a_reload_button() {
    let host = mount().await;
    annals::show_panic_screen("index out of bounds <script>alert(1)</script>");
    assert!(
        find(&host, "[data-annals-root]").is_none(),
        "the broken view is gone"
    );
    let crash = find(&host, "[data-annals-crash]").expect("crash panel");
    assert_eq!(crash.get_attribute("role").as_deref(), Some("alert"));
    assert!(crash
        .text_content()
        .unwrap()
        .contains("Something went wrong"));
    assert!(
        find(&host, "[data-annals-crash] script").is_none(),
        "the message is text, not HTML"
    );
    // The instance is dead after a panic, so the reload runs no Rust and no
    // script: it is a plain link to this page (without its fragment, which
    // would only scroll).
    let reload = find(&host, "[data-annals-crash] a.annals-crash-reload").expect("a reload link");
    assert_eq!(reload.text_content().as_deref(), Some("Reload"));
    let page = web_sys::window().unwrap().location().href().unwrap();
    let page = page.split('#').next().unwrap();
    assert_eq!(reload.get_attribute("href").as_deref(), Some(page));
    assert!(
        find(&host, "[data-annals-crash] button").is_none(),
        "no button with a Rust click handler"
    );
}

/// Regression guard for embedding: an instance set up with
/// `Config::embedded()` must never read or write the host page's URL, and
/// it reports selections through `on_select`.
#[wasm_bindgen_test]
async fn an_embedded_instance_leaves_the_page_url_alone_and_reports_selections() {
    let window = web_sys::window().unwrap();
    // Standalone apps from earlier tests are still mounted; let their delayed
    // URL writes (use_url_sync waits 250 ms) happen before the URL is set here.
    let quiet = js_sys::Promise::new(&mut |resolve, _| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 400)
            .unwrap();
    });
    JsFuture::from(quiet).await.unwrap();
    let path = window.location().pathname().unwrap();
    // A URL the standalone page would act on.
    let before = format!("{path}?event=taepodong-1-launch&theme=dark");
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before))
        .unwrap();
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    host.set_attribute("style", "width: 1000px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let selected = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let config = annals::Config {
        on_select: {
            let selected = selected.clone();
            yew::Callback::from(move |id: Option<String>| selected.borrow_mut().push(id))
        },
        ..annals::Config::embedded()
    };
    yew::Renderer::<annals::App>::with_root_and_props(host.clone(), annals::AppProps { config })
        .render();
    settle().await;

    assert_eq!(open_card_id(&host), None, "the page's ?event= is not read");
    let root = find(&host, "[data-annals-root]").unwrap();
    assert!(
        root.class_name().contains("annals-theme-light"),
        "the page's ?theme= is not read"
    );
    mark(&host, "treaty-signed-1960").click();
    settle().await;
    assert_eq!(open_card_id(&host).as_deref(), Some("treaty-signed-1960"));
    assert_eq!(
        *selected.borrow(),
        vec![Some("treaty-signed-1960".to_owned())]
    );
    let after = format!(
        "{}{}",
        window.location().pathname().unwrap(),
        window.location().search().unwrap()
    );
    assert!(
        !after.contains("treaty-signed-1960"),
        "the page's URL is not written: {after}"
    );
    assert_eq!(after, before, "the page's URL is not written");
}

/// A fresh 1000-pixel-wide host element in the document.
fn host_element() -> Element {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    host.set_attribute("style", "width: 1000px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn dataset(json: &str) -> std::rc::Rc<annals::model::Dataset> {
    std::rc::Rc::new(annals::model::parse_dataset(json).unwrap().dataset)
}

const TWO: &str = r#"{"title": "Two", "events": [
  {"id": "a", "title": "A", "start": "1990"},
  {"id": "b", "title": "B", "start": "1995", "lane": "Other"}]}"#;
const THREE: &str = r#"{"title": "Three", "events": [
  {"id": "x", "title": "X", "start": "2001"},
  {"id": "y", "title": "Y", "start": "2002"},
  {"id": "z", "title": {"en": "Z", "ja": "ゼット"}, "start": "2003"}]}"#;

fn attribute(host: &Element, selector: &str, name: &str) -> Option<String> {
    find(host, selector).and_then(|e| e.get_attribute(name))
}

/// Fires `input` on a text field after setting its value, as typing does.
fn type_into(input: &HtmlElement, text: &str) {
    input
        .clone()
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
        .set_value(text);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn two_timeline_components_in_one_document_share_no_element_ids() {
    let hosts = [host_element(), host_element()];
    for host in &hosts {
        let props = yew::props!(annals::TimelineProps {
            start_at: Some(yew::AttrValue::from("treaty-signed-1960")),
        });
        yew::Renderer::<annals::Timeline>::with_root_and_props(host.clone(), props).render();
    }
    settle().await;
    for host in &hosts {
        assert_eq!(open_card_id(host).as_deref(), Some("treaty-signed-1960"));
        type_into(&find(host, "input[type=\"search\"]").unwrap(), "treaty");
        button_with_text(host, "Filters").click();
    }
    settle().await;
    let mut ids = Vec::new();
    for host in &hosts {
        assert!(
            find(host, ".annals-search-count").is_some(),
            "the search ran"
        );
        let elements = host.query_selector_all("[id]").unwrap();
        ids.extend((0..elements.length()).map(|i| {
            elements
                .item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .id()
        }));
    }
    assert!(
        ids.len() > 10,
        "the card, search box and filters have ids: {ids:?}"
    );
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids repeat: {ids:?}");
    // Every reference points into its own instance.
    for host in &hosts {
        let card = find(host, "[data-card-for]").unwrap();
        let heading = card.get_attribute("aria-labelledby").unwrap();
        assert!(host
            .query_selector(&format!("#{heading}"))
            .unwrap()
            .is_some());
    }
}

#[wasm_bindgen_test]
async fn the_timeline_component_follows_later_props() {
    let host = host_element();
    let two = dataset(TWO);
    let three = dataset(THREE);
    let mut app = yew::Renderer::<annals::Timeline>::with_root_and_props(
        host.clone(),
        yew::props!(annals::TimelineProps {
            dataset: Some(two.clone())
        }),
    )
    .render();
    settle().await;
    let count = |host: &Element| attribute(host, "[data-annals-root]", "data-event-count");
    assert_eq!(count(&host).as_deref(), Some("2"));

    app.update(yew::props!(annals::TimelineProps {
        dataset: Some(three.clone())
    }));
    settle().await;
    assert_eq!(
        count(&host).as_deref(),
        Some("3"),
        "a new dataset replaces the old"
    );

    app.update(yew::props!(annals::TimelineProps {
        dataset: Some(three.clone()),
        start_at: Some(yew::AttrValue::from("y")),
        language: Some(yew::AttrValue::from("ja")),
    }));
    settle().await;
    assert_eq!(
        open_card_id(&host).as_deref(),
        Some("y"),
        "a new start_at opens its card"
    );
    assert_eq!(
        attribute(&host, "[data-annals-root]", "lang").as_deref(),
        Some("ja")
    );
    assert!(mark(&host, "z").text_content().unwrap().contains("ゼット"));
    // The interface follows the language prop too.
    assert_eq!(
        attribute(&host, ".annals-zoom button", "aria-label").as_deref(),
        Some("拡大")
    );

    let url = format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(TWO))
    );
    app.update(yew::props!(annals::TimelineProps {
        data_url: Some(yew::AttrValue::from(url)),
    }));
    for _ in 0..20 {
        settle().await;
        if count(&host).as_deref() == Some("2") {
            break;
        }
    }
    assert_eq!(count(&host).as_deref(), Some("2"), "a new data_url loads");
}

#[wasm_bindgen_test]
async fn a_host_dataset_with_a_lane_out_of_range_is_refused_with_a_message() {
    let host = host_element();
    let mut bad = annals::model::Dataset::clone(&dataset(TWO));
    bad.events[1].lane = 7;
    yew::Renderer::<annals::Timeline>::with_root_and_props(
        host.clone(),
        yew::props!(annals::TimelineProps {
            dataset: Some(std::rc::Rc::new(bad)),
            start_at: Some(yew::AttrValue::from("b")),
        }),
    )
    .render();
    settle().await;
    assert_eq!(
        attribute(&host, "[data-annals-root]", "data-event-count").as_deref(),
        Some("0")
    );
    let problems = find(&host, ".annals-problems").expect("the problems panel");
    let text = problems.text_content().unwrap();
    assert!(text.contains("is in lane 7"), "{text}");
    assert!(!text.contains("unchanged"), "{text}");
}

#[wasm_bindgen_test]
async fn the_standalone_page_titles_its_tab_and_an_embedded_one_does_not() {
    let document = gloo::utils::document();
    document.set_title("Host page");
    let host = document.create_element("div").unwrap();
    host.set_attribute("style", "width: 1000px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<annals::App>::with_root_and_props(
        host.clone(),
        annals::AppProps {
            config: annals::Config::embedded(),
        },
    )
    .render();
    settle().await;
    assert!(find(&host, "[data-annals-root]").is_some());
    assert_eq!(
        document.title(),
        "Host page",
        "an embedded instance leaves the title alone"
    );
    mount().await;
    assert_eq!(
        document.title(),
        "The U.S.\u{2013}Japan alliance, 1960\u{2013}2007 \u{2014} annals"
    );
}

#[wasm_bindgen_test]
async fn the_timeline_component_is_read_only_unless_editable_and_reports_each_change() {
    let read_only = host_element();
    yew::Renderer::<annals::Timeline>::with_root_and_props(
        read_only.clone(),
        yew::props!(annals::TimelineProps {
            dataset: Some(dataset(TWO))
        }),
    )
    .render();
    settle().await;
    assert!(find(&read_only, ".annals-toolbar").is_some());
    assert!(
        find(&read_only, "[data-edit-toggle]").is_none(),
        "no edit controls"
    );

    let host = host_element();
    let changes = std::rc::Rc::new(std::cell::RefCell::new(Vec::<usize>::new()));
    let on_change = {
        let changes = changes.clone();
        yew::Callback::from(move |d: std::rc::Rc<annals::model::Dataset>| {
            changes.borrow_mut().push(d.events.len())
        })
    };
    yew::Renderer::<annals::Timeline>::with_root_and_props(
        host.clone(),
        yew::props!(annals::TimelineProps {
            dataset: Some(dataset(TWO)),
            editable: true,
            on_change,
        }),
    )
    .render();
    settle().await;
    find(&host, "[data-edit-toggle]")
        .expect("an Edit button")
        .click();
    settle().await;
    mark(&host, "b").click();
    settle().await;
    find(&host, "[data-card-delete]")
        .expect("Delete on the card")
        .click();
    settle().await;
    assert_eq!(
        attribute(&host, "[data-annals-root]", "data-event-count").as_deref(),
        Some("1")
    );
    assert_eq!(*changes.borrow(), [1], "one change, after the delete");
    find(&host, "[data-edit-undo]").expect("Undo").click();
    settle().await;
    assert_eq!(*changes.borrow(), [1, 2], "undo is a change too");
}
