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
    annals::browser::panic::show_panic_screen("index out of bounds <script>alert(1)</script>");
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
    let reload = button_with_text(&host, "Reload");
    assert_eq!(reload.get_attribute("type").as_deref(), Some("button"));
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
