//! One event on the timeline: a point or a bar, with its label.

use yew::prelude::*;

use super::InlineStyle;
use crate::model::Status;

/// Props of [`EventMark`]; plain values so that unchanged marks skip re-rendering.
#[derive(Properties, PartialEq)]
pub struct EventMarkProps {
    /// Index of the event in the dataset.
    pub index: usize,
    /// The event's id, for `data-event-id`.
    pub id: AttrValue,
    /// Title shown as the label.
    pub title: AttrValue,
    /// Date, status and title, for screen readers and the tooltip.
    pub accessible_name: AttrValue,
    /// Whether it happened, or was planned or proposed.
    pub status: Status,
    /// Drawn as a point rather than a bar.
    pub instant: bool,
    /// Left edge of the mark, in pixels.
    pub x0: f64,
    /// Right edge of the mark.
    pub x1: f64,
    /// Top of the event's row.
    pub y: f64,
    /// Where the label starts.
    pub label_x: f64,
    /// Room for the label; 0 hides it.
    pub label_width: f64,
    /// Holds the timeline's single tab stop.
    pub tab_stop: bool,
    /// Its card is open.
    pub open: bool,
    /// Related to the event whose card is open.
    pub related: bool,
    /// Matches the search.
    pub matched: bool,
    /// A search is active and this event does not match it.
    pub dimmed: bool,
    /// Called with `index` when activated by click, Enter or Space.
    pub on_open: Callback<usize>,
    /// Called with `index` when the mark receives focus.
    pub on_focus: Callback<usize>,
}

/// A focusable mark; a button, so Enter and Space open it natively.
#[component]
pub fn EventMark(props: &EventMarkProps) -> Html {
    let index = props.index;
    let onclick = props.on_open.reform(move |_: MouseEvent| index);
    let onfocus = props.on_focus.reform(move |_: FocusEvent| index);
    let right = if props.label_width > 0.0 {
        props.x1.max(props.label_x + props.label_width)
    } else {
        props.x1
    };
    let style = InlineStyle::new(format!(
        "left:{:.1}px;top:{:.1}px;width:{:.1}px",
        props.x0,
        props.y,
        right - props.x0
    ));
    let mark_style = InlineStyle::new(format!("width:{:.1}px", props.x1 - props.x0));
    // A hidden label (no width) gets no element, and no style to write.
    let left_label = props.label_x < props.x0;
    let label_style = (props.label_width > 0.0).then(|| {
        InlineStyle::new(if left_label {
            format!("max-width:{:.1}px", props.label_width)
        } else {
            format!(
                "left:{:.1}px;max-width:{:.1}px",
                props.label_x - props.x0,
                props.label_width
            )
        })
    });
    let class = classes!(
        "annals-event",
        format!("annals-status-{}", props.status.name()),
        if props.instant {
            "annals-instant"
        } else {
            "annals-span"
        },
        props.open.then_some("annals-open"),
        props.related.then_some("annals-related"),
        props.matched.then_some("annals-match"),
        props.dimmed.then_some("annals-dim"),
    );
    html! {
        <button type="button" {class} data-style={style.prerendered()} ~style={style}
            data-event-id={props.id.clone()}
            aria-label={props.accessible_name.clone()}
            aria-expanded={props.open.to_string()}
            title={props.accessible_name.clone()}
            tabindex={if props.tab_stop { "0" } else { "-1" }}
            {onclick} {onfocus}>
            <span class="annals-mark" aria-hidden="true" data-style={mark_style.prerendered()} ~style={mark_style}></span>
            if let Some(label_style) = label_style {
                // Left of the mark, its right edge is always the same gap
                // from the mark, whatever the text measures: the stylesheet
                // places it (`annals-label-left`), so it cannot jump before
                // its style is applied.
                <span class={classes!("annals-label", left_label.then_some("annals-label-left"))} aria-hidden="true"
                    data-style={label_style.prerendered()} ~style={label_style}>
                    { props.title.clone() }
                </span>
            }
        </button>
    }
}
