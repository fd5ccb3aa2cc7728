//! The open event's relations drawn on the timeline: curved arrows to its
//! related events (an SVG overlay beneath the marks and labels), and the same
//! relations as text for screen readers.

use std::rc::Rc;

use yew::prelude::*;

use super::use_annals;
use crate::i18n::{Locale, Msg};
use crate::layout::arrows::{arrows, ArrowInput, Edge};
use crate::layout::{LayoutOptions, TimelineLayout};
use crate::model::limits::excerpt;

/// Props of [`Arrows`].
#[derive(Properties, PartialEq)]
pub struct ArrowsProps {
    /// The frame the timeline drew, which the arrows join up.
    pub frame: Rc<TimelineLayout>,
    /// Draw only the heads of the arrows to the edge, for a layer above the
    /// marks and labels, so that a label at the edge never hides where an
    /// arrow leaves the screen (the rest is drawn beneath them).
    #[prop_or_default]
    pub edges_on_top: bool,
}

/// Arrows from the open event's mark to each related event's mark, or to the
/// edge for those off screen. Nothing while no card is open.
#[component]
pub fn Arrows(props: &ArrowsProps) -> Html {
    let state = use_annals();
    let Some(open) = state.open else {
        return html! {};
    };
    let options = LayoutOptions::default();
    let input = ArrowInput {
        dataset: &state.dataset,
        shown: &state.visible,
        view: &state.view,
        width: state.width,
        options: &options,
    };
    let found = arrows(&props.frame, open, input);
    if found.is_empty() {
        return html! {};
    }
    let (width, height) = (state.width.max(1.0), props.frame.height.max(1.0));
    let svg = |class: &'static str, content: Html| {
        html! {
            <svg class={classes!("annals-arrows", class)} aria-hidden="true" focusable="false"
                width={format!("{width:.0}")} height={format!("{height:.0}")}
                viewBox={format!("0 0 {width:.0} {height:.0}")}>
                { content }
            </svg>
        }
    };
    if props.edges_on_top {
        return svg(
            "annals-arrows-over",
            html! {
                for arrow in found.iter().filter(|a| a.edge.is_some()) {
                    <path class="annals-arrow-head" d={arrow.head()} />
                }
            },
        );
    }
    let title = |i: usize| excerpt(state.dataset.events[i].title.get(&state.lang)).into_owned();
    let arrows = html! {
        for arrow in found.iter() {
            <g class="annals-arrow" data-arrow-to={state.dataset.events[arrow.target].id.clone()}
                data-edge={arrow.edge.map(Edge::name)}>
                <path class="annals-arrow-curve" d={arrow.curve()} />
                <path class="annals-arrow-head" d={arrow.head()} />
            </g>
        }
    };
    html! {
        <>
            { svg("annals-arrows-under", arrows) }
            <p class="annals-visually-hidden">
                { relations_text(state.locale(), &title(open), &found.iter().map(|a| (title(a.target), a.edge)).collect::<Vec<_>>()) }
            </p>
        </>
    }
}

/// The arrows as a sentence in the interface's language: "Arrows connect A
/// to: B; C (off screen, earlier)."
fn relations_text(l: Locale, from: &str, to: &[(String, Option<Edge>)]) -> String {
    let names: Vec<String> = to
        .iter()
        .map(|(name, edge)| match edge {
            Some(Edge::Left) => l.f(Msg::ArrowEarlier, &[("title", name)]),
            Some(Edge::Right) => l.f(Msg::ArrowLater, &[("title", name)]),
            None => name.clone(),
        })
        .collect();
    let to = names.join(l.t(Msg::ArrowsSeparator));
    l.f(Msg::ArrowsText, &[("from", &from), ("to", &to)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relations_read_as_one_sentence() {
        let to = [
            ("Kyoto summit".to_owned(), None),
            ("Treaty signed".to_owned(), Some(Edge::Left)),
            ("Intercept".to_owned(), Some(Edge::Right)),
        ];
        assert_eq!(
            relations_text(Locale::of("en"), "Declaration", &to),
            "Arrows connect Declaration to: Kyoto summit; Treaty signed (off screen, earlier); Intercept (off screen, later)."
        );
        assert_eq!(
            relations_text(Locale::of("ja"), "宣言", &to[..2]),
            "矢印は「宣言」から次の出来事へ向かっています：「Kyoto summit」、「Treaty signed（画面外、より前）」。"
        );
    }
}
