//! The timeline itself: axis, lanes and event marks, with zoom, pan and
//! keyboard movement.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    use_annals, zoom_into, Arrows, AxisView, DensityStrip, EventMark, InlineStyle, Overview, Same,
};
use crate::browser::measure::CanvasMeasure;
use crate::hooks::{printing, refocus_after_render, use_element_width, use_pan_zoom};
use crate::i18n::{Locale, Msg};
use crate::layout::{layout, LayoutOptions, Typeset};
use crate::model::limits::excerpt;
use crate::state::{Action, State, ZOOM_STEP};

/// Draws the visible part of the dataset and handles input on it.
#[component]
pub fn Timeline() -> Html {
    let state = use_annals();
    let stage = use_node_ref();
    {
        let state = state.clone();
        use_element_width(
            stage.clone(),
            // While printing, the print layout owns the width (hooks/use_print.rs).
            Callback::from(move |width| {
                if !printing() {
                    state.dispatch(Action::Resize(width));
                }
            }),
        );
    }
    let handlers = use_pan_zoom(state.clone(), stage.clone());
    let dataset = state.dataset.clone();
    let index = state.index.clone();
    // Measured in the stage's own font once it is on the page (the width
    // only becomes known then), and again after the language changes, since
    // a language brings its own fonts (`:lang(ja)`): the effect runs once
    // the new `lang` is on the page.
    let fonts = use_state(|| 0u32);
    {
        let fonts = fonts.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.lang.clone(), move |_| {
            if !first.replace(false) {
                fonts.set(*fonts + 1);
            }
        });
    }
    let measure = use_memo((state.ready(), *fonts), {
        let stage = stage.clone();
        move |_| CanvasMeasure::for_element(stage.cast::<web_sys::Element>().as_ref())
    });
    let frame = use_memo(
        (
            Same(index.clone()),
            state.view,
            Same(state.warp.clone()),
            state.width,
            state.lang.clone(),
            Same(measure.clone()),
        ),
        {
            let dataset = dataset.clone();
            let index = index.clone();
            move |(_, view, warp, width, lang, measure)| {
                let text = Typeset {
                    measure: &*measure.0,
                    lang,
                };
                layout(
                    &dataset,
                    &index,
                    view,
                    &warp.0,
                    *width,
                    &LayoutOptions::default(),
                    text,
                )
            }
        },
    );

    let onkeydown = {
        let state = state.clone();
        let stage = stage.clone();
        Callback::from(move |event: KeyboardEvent| {
            // Keyboard zoom centres on the focused event, so it stays on
            // screen and keeps the focus.
            let zoom = |factor: f64| match state.focus.and_then(|i| state.dataset.events.get(i)) {
                Some(e) => Action::ZoomAt {
                    anchor: (e.range.0 + e.range.1) / 2.0,
                    factor,
                },
                None => Action::Zoom(factor),
            };
            // On a cluster, arrows move between clusters; Enter zooms in (it is a button).
            let on_cluster = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .filter(|el| el.has_attribute("data-cluster"));
            if let Some(cluster) = on_cluster {
                let sibling = match event.key().as_str() {
                    "ArrowRight" | "ArrowDown" => cluster.next_element_sibling(),
                    "ArrowLeft" | "ArrowUp" => cluster.previous_element_sibling(),
                    _ => None,
                };
                if let Some(next) = sibling.filter(|s| s.has_attribute("data-cluster")) {
                    event.prevent_default();
                    let _ = next.unchecked_into::<web_sys::HtmlElement>().focus();
                    return;
                }
            }
            // In edit mode, Alt with the arrows moves the focused mark.
            if let Some(edit) =
                crate::editing::key_edit(&state, &event.key(), event.alt_key(), event.shift_key())
            {
                event.prevent_default();
                state.dispatch(Action::Edit(edit));
                refocus_after_render(&stage, &event);
                return;
            }
            let action = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => Action::FocusStep(1),
                "ArrowLeft" | "ArrowUp" => Action::FocusStep(-1),
                "Home" => Action::FocusFirst,
                "End" => Action::FocusLast,
                "+" | "=" => zoom(1.0 / ZOOM_STEP),
                "-" | "_" => zoom(ZOOM_STEP),
                _ => return,
            };
            event.prevent_default();
            state.dispatch(action);
        })
    };
    let on_open = {
        let state = state.clone();
        let take_drag_click = handlers.take_drag_click.clone();
        Callback::from(move |index: usize| {
            if !take_drag_click.emit(()) {
                state.dispatch(Action::Open(index));
            }
        })
    };
    let on_focus = {
        let state = state.clone();
        Callback::from(move |index: usize| {
            if state.focus != Some(index) {
                state.dispatch(Action::Focus(index));
            }
        })
    };

    let tab_stop = state
        .focus
        .filter(|f| frame.events.iter().any(|e| e.index == *f))
        .or_else(|| frame.events.first().map(|e| e.index));
    let related: &[usize] = state
        .open
        .and_then(|i| dataset.events.get(i))
        .map_or(&[], |e| &e.related);
    let searching = !state.query.trim().is_empty();
    let matched = crate::search::matched(&state.hits, dataset.events.len());
    let is_match = |i: usize| matched.get(i).copied().unwrap_or(false);
    let ready = state.ready();
    let l = state.locale();

    let section_style = InlineStyle::new(format!(
        "--annals-stage-width:{:.0}px;--annals-lanes-height:{:.0}px",
        state.width, frame.height
    ));
    let lanes_style = InlineStyle::new(format!("height:{:.0}px", frame.height));
    html! {
        // The size the frame is laid out for: print zooms the timeline from
        // it to the page's width, short of its height (`annals.css`,
        // hooks/use_print.rs).
        <section class="annals-timeline" aria-label={l.f(Msg::TimelineLabel, &[("count", &l.count(dataset.events.len()))])}
            data-style={section_style.prerendered()} ~style={section_style}>
            <div class={classes!("annals-stage", state.glide.then_some("annals-animate"))} ref={stage}
                ondblclick={handlers.ondblclick}
                onwheel={handlers.onwheel}
                onpointerdown={handlers.onpointerdown}
                onpointermove={handlers.onpointermove}
                onpointerup={handlers.onpointerup.clone()}
                onpointercancel={handlers.onpointerup}
                {onkeydown}>
                if ready {
                    <AxisView axis={Rc::new(frame.axis.clone())} />
                    <div class="annals-lanes" data-style={lanes_style.prerendered()} ~style={lanes_style}>
                        { for frame.axis.ticks.iter().map(|t| {
                            let style = InlineStyle::new(format!("left:{:.1}px", t.x));
                            html! { <span class="annals-gridline" aria-hidden="true" data-style={style.prerendered()} ~style={style}></span> }
                        }) }
                        { for frame.lanes.iter().map(|band| {
                            let style = InlineStyle::new(format!("top:{:.0}px;height:{:.0}px", band.y, band.height));
                            html! {
                                <div class="annals-lane" aria-hidden="true" data-lane={band.lane.to_string()}
                                    data-style={style.prerendered()} ~style={style}>
                                    <span class="annals-lane-label">{ dataset.lanes[band.lane].label.get(&state.lang).to_owned() }</span>
                                </div>
                            }
                        }) }
                        { for frame.eras.iter().map(|placed| {
                            let era = &dataset.eras[placed.index];
                            let bottom = 2.0 + placed.label_row as f64 * LayoutOptions::default().era_row_height;
                            let style = InlineStyle::new(format!("left:{:.1}px;width:{:.1}px", placed.x0, placed.x1 - placed.x0));
                            let label_style = InlineStyle::new(format!("bottom:{bottom:.0}px;max-width:{:.1}px", placed.label_width));
                            html! {
                                <div class="annals-era" aria-hidden="true" data-style={style.prerendered()} ~style={style}>
                                    if placed.label_width > 0.0 {
                                        <span class="annals-era-label" data-style={label_style.prerendered()} ~style={label_style}>{ era.title.get(&state.lang).to_owned() }</span>
                                    }
                                </div>
                            }
                        }) }
                        if !frame.clusters.is_empty() {
                            <div class="annals-clusters" role="group" aria-label={l.t(Msg::ClustersLabel)}>
                                { for frame.clusters.iter().enumerate().map(|(k, c)| {
                                    let onclick = {
                                        let state = state.clone();
                                        let (start, end) = (c.start, c.end);
                                        Callback::from(move |_: MouseEvent| {
                                            zoom_into(&state, start, end);
                                        })
                                    };
                                    let label = l.f(Msg::ClusterLabel, &[("count", &l.count(c.count)), ("start", &day_text(l, c.start)), ("end", &day_text(l, c.end))]);
                                    let style = InlineStyle::new(format!("left:{:.1}px;top:{:.1}px;width:{:.1}px", c.x0, c.y, (c.x1 - c.x0).max(6.0)));
                                    html! {
                                        <button type="button" class="annals-cluster" data-cluster="" aria-label={label.clone()} title={label}
                                            tabindex={if frame.events.is_empty() && k == 0 { "0" } else { "-1" }}
                                            data-style={style.prerendered()} ~style={style}
                                            {onclick}>
                                            { l.dates().compact_count(c.count as u64) }
                                        </button>
                                    }
                                }) }
                            </div>
                        }
                        { for frame.axis.breaks.iter().map(|b| {
                            let style = InlineStyle::new(format!("left:{:.1}px;width:{:.1}px", b.x0, (b.x1 - b.x0).max(0.0)));
                            html! { <div class="annals-lane-break" aria-hidden="true" data-style={style.prerendered()} ~style={style}></div> }
                        }) }
                        if !frame.density.is_empty() {
                            <DensityStrip frame={frame.clone()} tab_stop={frame.events.is_empty() && frame.clusters.is_empty()}
                                take_drag_click={handlers.take_drag_click.clone()} />
                        }
                        <Arrows frame={frame.clone()} />
                        <div class="annals-events" role="group" aria-label={l.t(Msg::EventsLabel)}>
                            { for frame.events.iter().map(|placed| {
                                let event = &dataset.events[placed.index];
                                html! {
                                    <EventMark key={event.id.clone()}
                                        index={placed.index}
                                        id={AttrValue::from(event.id.clone())}
                                        title={AttrValue::from(excerpt(event.title.get(&state.lang)).into_owned())}
                                        accessible_name={AttrValue::from(event.accessible_name(&state.lang))}
                                        status={event.status}
                                        instant={placed.instant}
                                        x0={placed.x0} x1={placed.x1} y={placed.y}
                                        label_x={placed.label_x} label_width={placed.label_width}
                                        tab_stop={tab_stop == Some(placed.index)}
                                        open={state.open == Some(placed.index)}
                                        related={related.contains(&placed.index)}
                                        matched={is_match(placed.index)}
                                        dimmed={searching && !is_match(placed.index)}
                                        on_open={on_open.clone()}
                                        on_focus={on_focus.clone()} />
                                }
                            }) }
                        </div>
                        <Arrows frame={frame.clone()} edges_on_top=true />
                    </div>
                    if frame.events.is_empty() && frame.clusters.is_empty() && frame.density.is_empty() {
                        <p class="annals-empty">{ empty_message(&state) }</p>
                    }
                }
            </div>
            <Overview />
        </section>
    }
}

/// A time on the axis as a day for a reader ("August 31, 1998", "500 BCE",
/// "66 million years ago"; 1998年8月31日 in Japanese).
fn day_text(l: Locale, t: crate::model::Days) -> String {
    let (year, month, day) = crate::model::date::civil_from_days(t.floor() as i64);
    let words = l.dates();
    if let Some(ago) = words.years_ago(year) {
        ago
    } else if year.abs() > 9999 {
        words.year(year)
    } else {
        words.date(&crate::model::Date::Day(year, month, day))
    }
}

use wasm_bindgen::JsCast;

/// What the timeline says when nothing is drawn in the window.
fn empty_message(state: &State) -> &'static str {
    state.locale().t(if !state.dataset.events.is_empty() {
        if state.visible.is_empty() {
            Msg::EmptyFiltered
        } else {
            Msg::EmptyRange
        }
    } else if state.loading.is_some() {
        Msg::EmptyLoading
    } else {
        Msg::EmptyNone
    })
}
