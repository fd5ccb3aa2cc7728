//! The time axis: tick labels with a context row above them, and a mark on
//! each compressed stretch.

use std::rc::Rc;

use yew::prelude::*;

use super::InlineStyle;
use crate::layout::ticks::Axis;

/// Props of [`AxisView`].
#[derive(Properties, PartialEq)]
pub struct AxisViewProps {
    /// The ticks to draw.
    pub axis: Rc<Axis>,
}

/// Draws the context row and the ticks, decorative for screen readers (every
/// event announces its own date), and the breaks, which say what they hide.
#[component]
pub fn AxisView(props: &AxisViewProps) -> Html {
    html! {
        <div class={classes!("annals-axis", props.axis.context.is_empty().then_some("annals-axis-flat"))}>
            <div class="annals-axis-context" aria-hidden="true">
                { for props.axis.context.iter().map(|t| {
                    let style = InlineStyle::new(format!("left:{:.1}px", t.x));
                    html! {
                        <span class="annals-context-label" data-style={style.prerendered()} ~style={style}>{ t.label.clone() }</span>
                    }
                }) }
            </div>
            <div class="annals-axis-ticks" aria-hidden="true">
                { for props.axis.ticks.iter().map(|t| {
                    let style = InlineStyle::new(format!("left:{:.1}px", t.x));
                    html! {
                        <span class="annals-tick" data-style={style.prerendered()} ~style={style}>
                            <span class="annals-tick-label">{ t.label.clone() }</span>
                        </span>
                    }
                }) }
            </div>
            { for props.axis.breaks.iter().map(|b| {
                let style = InlineStyle::new(format!("left:{:.1}px;width:{:.1}px", b.x0, (b.x1 - b.x0).max(0.0)));
                html! {
                    <span class="annals-break" role="note" aria-label={b.label.clone()} title={b.label.clone()}
                        data-style={style.prerendered()} ~style={style}>
                        <span class="annals-break-mark" aria-hidden="true"></span>
                    </span>
                }
            }) }
        </div>
    }
}
