//! The time axis: tick labels with a context row above them.

use std::rc::Rc;

use yew::prelude::*;

use crate::layout::ticks::Axis;

/// Props of [`AxisView`].
#[derive(Properties, PartialEq)]
pub struct AxisViewProps {
    /// The ticks to draw.
    pub axis: Rc<Axis>,
}

/// Draws the context row and the ticks. Decorative for screen readers: every
/// event announces its own date.
#[component]
pub fn AxisView(props: &AxisViewProps) -> Html {
    html! {
        <div class={classes!("annals-axis", props.axis.context.is_empty().then_some("annals-axis-flat"))} aria-hidden="true">
            <div class="annals-axis-context">
                { for props.axis.context.iter().map(|t| html! {
                    <span class="annals-context-label" data-style={format!("left:{:.1}px", t.x)}>{ t.label.clone() }</span>
                }) }
            </div>
            <div class="annals-axis-ticks">
                { for props.axis.ticks.iter().map(|t| html! {
                    <span class="annals-tick" data-style={format!("left:{:.1}px", t.x)}>
                        <span class="annals-tick-label">{ t.label.clone() }</span>
                    </span>
                }) }
            </div>
        </div>
    }
}
