//! Printing: while the page is printed (or shown as print media), the
//! timeline shows the whole dataset laid out for the paper's width.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::components::StateHandle;
use crate::layout::scale::Viewport;
use crate::state::Action;

/// The stage's inner width on paper, in CSS pixels: `annals.css` makes the
/// timeline 680 px wide in print (less the stage's two 1 px borders), which
/// fits A4 and US Letter at the browser's default margins.
pub const PRINT_WIDTH: f64 = 678.0;

/// Fits the whole dataset into [`PRINT_WIDTH`] when printing starts
/// (`beforeprint`, or the `print` media query matching, as under
/// emulation), and puts the view and width back when it ends. The app runs
/// its render in a microtask, so the new frame is in place before the
/// browser lays the page out for print.
///
/// # Arguments
/// * `state` - the app's state; its view and width are saved and restored.
///
/// # Example
/// ```text
/// use_print(state.clone());
/// ```
#[hook]
pub fn use_print(state: StateHandle) {
    // The latest view and width, read when printing starts.
    let latest = use_mut_ref(|| (state.view, state.width));
    *latest.borrow_mut() = (state.view, state.width);
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let saved: Rc<RefCell<Option<(Viewport, f64)>>> = Rc::default();
        let start = {
            let (saved, latest, dispatcher) = (saved.clone(), latest.clone(), dispatcher.clone());
            move || {
                if saved.borrow().is_none() {
                    *saved.borrow_mut() = Some(*latest.borrow());
                    dispatcher.dispatch(Action::Fit);
                    dispatcher.dispatch(Action::Resize(PRINT_WIDTH));
                }
            }
        };
        let end = {
            let (saved, dispatcher) = (saved.clone(), dispatcher.clone());
            move || {
                if let Some((view, width)) = saved.borrow_mut().take() {
                    dispatcher.dispatch(Action::Resize(width));
                    dispatcher.dispatch(Action::SetView(view));
                }
            }
        };
        let window = gloo::utils::window();
        let query = window.match_media("print").ok().flatten();
        let listeners = [
            EventListener::new(&window, "beforeprint", {
                let start = start.clone();
                move |_| start()
            }),
            EventListener::new(&window, "afterprint", {
                let end = end.clone();
                move |_| end()
            }),
        ];
        let media = query.map(|query| {
            let target = query.clone();
            EventListener::new(&target, "change", move |_| {
                if query.matches() {
                    start();
                } else {
                    end();
                }
            })
        });
        move || drop((listeners, media))
    });
}
