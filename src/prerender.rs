//! Rendering ahead of time (the `ssr` feature, used by `annals-cli` only):
//! the app's own components rendered to HTML natively, so a page shows its
//! timeline before the wasm arrives and reads without JavaScript.
//!
//! [`render`] lays the dataset out for one width ([`WIDTH`], the stage at a
//! 1280 px window) with the same `App` the browser runs, then adds what a
//! reader without JavaScript needs: every event with its date, status and
//! title, its card text in a `<details>` ([`EventList`]). Positions stay in
//! `data-style` (no `style` attributes, for a strict CSP); [`stylesheet`]
//! turns them into an external stylesheet, one rule per distinct value,
//! matched on the attribute itself, so the markup is exactly the app's. When
//! the wasm starts it replaces the markup with its own first frame, laid out
//! for the width the prerendered stage has on screen (`startPage`).
//!
//! [`page`] is a whole page that becomes the app when annals' files are
//! beside it (the dataset travels in a `<script type="application/json">`,
//! which is data, not script); [`fragment`] is the markup to paste into
//! `<annals-timeline>`, as a declarative shadow root the element replaces.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::rc::Rc;

use yew::prelude::*;
use yew::LocalServerRenderer;

use crate::components::{App, AppProps, RichText};
use crate::config::Config;
use crate::i18n::{Locale, Msg};
use crate::model::{export, Dataset};

/// Width of the timeline's stage in a 1280 px wide window: the window less
/// the page's side padding (24 px each) and the stage's border (1 px each).
pub const WIDTH: f64 = 1230.0;

/// The attribute that marks prerendered markup, which the app replaces
/// (and `annals.css` hides while a `?data=` file loads).
pub const MARKER: &str = "data-prerendered";

/// The id of the `<script type="application/json">` that carries a rendered
/// page's dataset to the app (`loader.js` reads it).
pub const DATA_ID: &str = "annals-data";

/// What [`render`] produces: markup, and the stylesheet its positions need.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The app's root element, as the standalone page's first frame.
    pub app: String,
    /// Every event for readers without JavaScript.
    pub list: String,
    /// One rule per distinct `data-style` value in `app`.
    pub css: String,
}

/// Renders `dataset` as the standalone page first shows it, `width` pixels
/// wide (usually [`WIDTH`]).
pub fn render(dataset: Rc<Dataset>, width: f64) -> Rendered {
    let config = Config {
        dataset: Some(dataset.clone()),
        layout_width: Some(width),
        ..Config::default()
    };
    let app = mark(&ssr::<App>(AppProps { config }));
    let list = mark(&ssr::<EventList>(EventListProps { dataset }));
    let css = stylesheet(&app);
    Rendered { app, list, css }
}

/// Runs yew's server renderer to completion on this thread.
fn ssr<C>(props: C::Properties) -> String
where
    C: BaseComponent,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-threaded tokio runtime needs no resources that can be missing");
    let local = tokio::task::LocalSet::new();
    local.block_on(
        &runtime,
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// Adds [`MARKER`] to the first element of `html`. Prerendered markup is not
/// interactive, so its root says `data-ready="false"` until the app
/// replaces it (the attribute is how tests and embedders wait for the app).
fn mark(html: &str) -> String {
    match html.find('>') {
        Some(end) if html.starts_with('<') => {
            let (open, rest) = html.split_at(end);
            let open = open.strip_suffix('/').unwrap_or(open);
            let open = open.replace("data-ready=\"true\"", "data-ready=\"false\"");
            format!("{open} {MARKER}=\"\"{rest}")
        }
        _ => html.to_owned(),
    }
}

/// The stylesheet that positions prerendered markup without `style`
/// attributes: for each distinct `data-style="…"` value in `html`, a rule
/// matching that attribute value and declaring it (`!important`, as an inline
/// style outranks the stylesheet's rules). Values that are not plain
/// declarations of numbers are skipped rather than copied into CSS.
pub fn stylesheet(html: &str) -> String {
    let needle = format!("{}=\"", crate::components::InlineStyle::ATTRIBUTE);
    let mut values = BTreeSet::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        rest = &rest[at + needle.len()..];
        let Some(end) = rest.find('"') else { break };
        values.insert(unescape(&rest[..end]));
        rest = &rest[end..];
    }
    let mut css = String::from(
        "/* Positions of the prerendered markup (annals-cli); the app sets the same through the CSSOM. */\n",
    );
    for value in values.iter().filter(|v| safe_declarations(v)) {
        let declarations: Vec<String> = value
            .split(';')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| format!("{d} !important"))
            .collect();
        let _ = writeln!(
            css,
            "[data-style=\"{value}\"]{{{}}}",
            declarations.join(";")
        );
    }
    css
}

/// Whether `value` is a list of `property:number-with-unit` declarations.
fn safe_declarations(value: &str) -> bool {
    value
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .all(|d| {
            d.split_once(':').is_some_and(|(property, amount)| {
                !property.is_empty()
                    && property.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !amount.is_empty()
                    && amount
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '%' | ' '))
            })
        })
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Text safe inside an HTML element or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The dataset as native JSON, safe inside `<script type="application/json">`:
/// `<` only occurs inside JSON strings, where `\u003c` reads the same.
pub fn data_json(dataset: &Dataset) -> String {
    export::to_native_json(dataset).replace('<', "\\u003c")
}

/// Where a page finds its files: annals' own (`annals.css`, `loader.js`,
/// `embed.js`) and the stylesheet written beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Links {
    /// Prefix of annals' files, e.g. `""` (beside the page) or `"/annals/"`.
    pub assets: String,
    /// Address of the stylesheet [`render`] returned, as written.
    pub stylesheet: String,
}

/// A whole page: `Rendered` inside `<div id="annals">`, the dataset for the
/// app, and the links that make it the app when annals' files are at
/// `links.assets`.
pub fn page(dataset: &Dataset, rendered: &Rendered, links: &Links) -> String {
    let title = match dataset.title.default_text() {
        "" => "Timeline".to_owned(),
        title => title.to_owned(),
    };
    let description = dataset.description.default_text().to_owned();
    let assets = escape(&links.assets);
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{description}">
  <title>{title}</title>
  <link rel="icon" href="{assets}favicon.svg">
  <link rel="stylesheet" href="{assets}annals.css">
  <script src="{assets}early.js"></script>
  <script type="module" src="{assets}loader.js"></script>
{head}</head>
<body>
  <div id="annals">{body}</div>
</body>
</html>
"#,
        lang = escape(&dataset.language),
        description = escape(description.trim()),
        title = escape(&title),
        head = head_links(links),
        body = body(dataset, rendered),
    )
}

/// What a page's `<head>` adds for the prerender: its stylesheet.
pub fn head_links(links: &Links) -> String {
    format!(
        "  <link rel=\"stylesheet\" href=\"{}\">\n",
        escape(&links.stylesheet)
    )
}

/// What goes inside the page's `<div id="annals">`: the app's first frame,
/// the event list, and the dataset for the app.
pub fn body(dataset: &Dataset, rendered: &Rendered) -> String {
    format!(
        "{}{}<script type=\"application/json\" id=\"{DATA_ID}\">{}</script>",
        rendered.app,
        rendered.list,
        data_json(dataset)
    )
}

/// The markup to paste inside `<annals-timeline src=…>`: a declarative
/// shadow root holding the first frame and the event list, with annals'
/// stylesheet and the positions' stylesheet. The browser shows it before any
/// script runs; the element's upgrade replaces the shadow root's content.
pub fn fragment(rendered: &Rendered, links: &Links) -> String {
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}annals.css\"><link rel=\"stylesheet\" href=\"{}\"><div class=\"annals-host\">{}{}</div></template>\n",
        escape(&links.assets),
        escape(&links.stylesheet),
        rendered.app,
        rendered.list
    )
}

/// Props of [`EventList`].
#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// The events to list.
    pub dataset: Rc<Dataset>,
}

/// Every event, in date order, for readers without JavaScript (and search
/// engines, reader modes and printers): date, status and title in view, the
/// card's text (summary, sources) one click away in a `<details>`.
#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let dataset = &props.dataset;
    let lang = dataset.language.as_str();
    let l = Locale::of(lang);
    html! {
        <section class="annals annals-static-list" aria-labelledby="annals-static-heading">
            <h2 id="annals-static-heading">{ l.f(Msg::AllEvents, &[("count", &l.count(dataset.events.len()))]) }</h2>
            <ol>
                { for dataset.events.iter().map(|event| html! {
                    <li class={classes!("annals-static-event", format!("annals-status-{}", event.status.name()))}
                        data-static-event={event.id.clone()}>
                        <details>
                            <summary>
                                <span class="annals-static-date">{ event.date_text(lang) }</span>
                                { " " }
                                <span class="annals-badge">{ l.status(event.status) }</span>
                                { " " }
                                <span class="annals-static-title">{ event.title.get(lang).to_owned() }</span>
                            </summary>
                            <div class="annals-static-body">
                                <p class="annals-static-lane">{ l.f(Msg::LaneIs, &[("lane", &dataset.lanes[event.lane].label.get(lang))]) }</p>
                                if !event.summary.get(lang).is_empty() {
                                    <RichText source={AttrValue::from(event.summary.get(lang).to_owned())} />
                                }
                                if !event.sources.is_empty() {
                                    <h3>{ l.t(Msg::Sources) }</h3>
                                    <ol class="annals-sources">{ for event.sources.iter().map(|s| crate::components::source(s, l)) }</ol>
                                }
                            </div>
                        </details>
                    </li>
                }) }
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_dataset, DEFAULT_DATASET_JSON};

    fn default_dataset() -> Rc<Dataset> {
        Rc::new(parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset)
    }

    #[test]
    fn the_first_frame_has_every_mark_of_the_default_view() {
        let dataset = default_dataset();
        let rendered = render(dataset.clone(), WIDTH);
        assert!(rendered.app.contains("data-annals-root"));
        assert!(rendered.app.contains(MARKER));
        assert!(rendered.app.contains("data-ready=\"false\""));
        assert!(!rendered.app.contains("data-ready=\"true\""));
        let marks = rendered.app.matches("data-event-id=").count();
        assert_eq!(marks, dataset.events.len());
        assert!(rendered.app.contains("annals-axis"));
        assert!(rendered.app.contains("annals-lane-label"));
    }

    #[test]
    fn every_position_has_a_rule_and_no_style_attribute_is_written() {
        let rendered = render(default_dataset(), WIDTH);
        assert!(!rendered.app.contains(" style="));
        assert!(!rendered.list.contains(" style="));
        let count = rendered.app.matches("data-style=\"").count();
        assert!(count > 50);
        let rules = rendered.css.lines().filter(|l| l.starts_with('[')).count();
        let distinct: BTreeSet<&str> = rendered
            .app
            .split("data-style=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(rules, distinct.len());
        assert!(rendered.css.contains("[data-style=\"height:"));
    }

    #[test]
    fn only_numeric_declarations_reach_the_stylesheet() {
        let css = stylesheet(
            r#"<i data-style="left:1.5px;top:-2px"></i><i data-style="left:1px}body{color:red"></i><i data-style="background:url(x)"></i>"#,
        );
        assert!(css.contains(
            "[data-style=\"left:1.5px;top:-2px\"]{left:1.5px !important;top:-2px !important}"
        ));
        assert!(!css.contains("color"));
        assert!(!css.contains("url"));
    }

    #[test]
    fn the_list_holds_every_title_date_status_and_summary() {
        let dataset = default_dataset();
        let rendered = render(dataset.clone(), WIDTH);
        for event in &dataset.events {
            assert!(rendered
                .list
                .contains(&format!("data-static-event=\"{}\"", event.id)));
            assert!(rendered
                .list
                .contains(&escape(&event.date_text(&dataset.language))));
        }
        assert_eq!(
            rendered.list.matches("<details>").count(),
            dataset.events.len()
        );
        assert!(rendered.list.contains("annals-sources"));
    }

    #[test]
    fn the_page_carries_its_data_as_inert_json() {
        let dataset = default_dataset();
        let rendered = render(dataset.clone(), WIDTH);
        let links = Links {
            assets: String::new(),
            stylesheet: "index.css".into(),
        };
        let html = page(&dataset, &rendered, &links);
        let start = html.find("<script type=\"application/json\"").unwrap();
        let json_start = start + html[start..].find('>').unwrap() + 1;
        let json_end = json_start + html[json_start..].find("</script>").unwrap();
        let back = parse_dataset(&html[json_start..json_end]).unwrap().dataset;
        assert_eq!(back, *dataset);
        assert!(html.contains("<link rel=\"stylesheet\" href=\"index.css\">"));
        assert!(!html.contains("<noscript"));
    }

    #[test]
    fn markup_in_data_stays_text() {
        let json = r#"{"title":"</script><script>alert(1)</script>","lanes":[{"id":"a","label":"<b>A</b>"}],
            "events":[{"id":"x","title":"<img src=x onerror=alert(1)>","start":"2000","lane":"a","summary":"</script>"}]}"#;
        let dataset = Rc::new(parse_dataset(json).unwrap().dataset);
        let rendered = render(dataset.clone(), WIDTH);
        let html = page(
            &dataset,
            &rendered,
            &Links {
                assets: String::new(),
                stylesheet: "x.css".into(),
            },
        );
        assert!(!html.contains("<img src=x"));
        assert!(!html.contains("<b>A</b>"));
        assert_eq!(html.matches("</script>").count(), 3, "{html}");
    }
}
