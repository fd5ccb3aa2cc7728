//! annals inside other pages and apps: the yew component [`Timeline`] for
//! yew apps (with [`STYLESHEET`], the styles it needs), and (in [`js_api`])
//! the JavaScript API behind `mount()` and the `<annals-timeline>` custom
//! element. Embedded instances never read or write the host page's URL.

// Left out of the import module (`import-module`): the JS API's exports
// would bring the whole app into it.
#[cfg(not(feature = "import-module"))]
pub mod js_api;

use std::rc::Rc;

use yew::prelude::*;

use crate::components::App;
use crate::config::{Config, Theme};
use crate::model::Dataset;

/// The stylesheet the [`Timeline`] component needs (`static/annals.css`), for
/// host apps that depend on the crate: write it to a file the page links
/// (a `<link rel="stylesheet">` works under a strict `style-src 'self'`), or
/// put it in a `<style>` element. It is only in a host's wasm if the host
/// uses it; with trunk, `<link data-trunk rel="css" href="PATH/static/annals.css">`
/// needs no copy in the wasm at all.
pub const STYLESHEET: &str = include_str!("../../static/annals.css");

/// What a host yew app can set on [`Timeline`]. Every prop can change later:
/// a new `dataset` or `data_url` replaces the timeline (if it cannot be
/// loaded, the one on screen stays), a new `start_at` opens that card.
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The events to show; without it and without `data_url`, the default dataset.
    #[prop_or_default]
    pub dataset: Option<Rc<Dataset>>,
    /// Fetch the dataset from this address instead.
    #[prop_or_default]
    pub data_url: Option<AttrValue>,
    /// Open the card of this event once the data is there.
    #[prop_or_default]
    pub start_at: Option<AttrValue>,
    /// Colour scheme.
    #[prop_or_default]
    pub theme: Theme,
    /// Hide the toolbar and the legend.
    #[prop_or_default]
    pub hide_controls: bool,
    /// The reader's language (a BCP 47 tag such as `ja`), as the JS API's
    /// `language` option: the interface speaks it where annals has its
    /// table, and the data's texts are shown in it where they have a
    /// translation. Unset, the browser's languages decide, then English.
    #[prop_or_default]
    pub language: Option<AttrValue>,
    /// Called with the event's id when a card opens, and `None` when it closes.
    #[prop_or_default]
    pub on_select: Callback<Option<String>>,
    /// Let the reader edit the data (read-only by default).
    #[prop_or_default]
    pub editable: bool,
    /// Called with the dataset after each edit, undo or redo.
    #[prop_or_default]
    pub on_change: Callback<Rc<Dataset>>,
}

/// The annals timeline as a component of another yew app. It owns its own
/// state and leaves the page's URL alone; include [`STYLESHEET`] in the page.
/// Several can share a page: each has its own element ids. The `dataset` is
/// shared with the host, not copied; one that breaks the invariants listed
/// on [`Dataset`] is not shown, and the problems panel says why.
///
/// ```text
/// html! { <Timeline dataset={dataset.clone()} on_select={on_select} /> }
/// ```
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let config = Config {
        dataset: props.dataset.clone(),
        data_url: props.data_url.as_ref().map(|u| u.to_string()),
        start_at: props.start_at.as_ref().map(|s| s.to_string()),
        theme: props.theme,
        hide_controls: props.hide_controls,
        language: props.language.as_ref().map(|l| l.to_string()),
        on_select: props.on_select.clone(),
        editable: props.editable,
        on_change: props.on_change.clone(),
        ..Config::embedded()
    };
    html! { <App {config} /> }
}

/// Escapes text for an HTML attribute value in double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The iframe snippet that embeds the page at `link`, titled `title`.
pub(crate) fn iframe_snippet(link: &str, title: &str) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="600" style="border:0" loading="lazy"></iframe>"#,
        attribute(link),
        attribute(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iframe_snippet_escapes_the_link_and_the_title() {
        let snippet = iframe_snippet(
            "https://x.org/a/?data=d.json&event=e1",
            r#"Cats & "dogs" <1900>"#,
        );
        assert_eq!(
            snippet,
            r#"<iframe src="https://x.org/a/?data=d.json&amp;event=e1" title="Cats &amp; &quot;dogs&quot; &lt;1900&gt;" width="100%" height="600" style="border:0" loading="lazy"></iframe>"#
        );
    }
}
