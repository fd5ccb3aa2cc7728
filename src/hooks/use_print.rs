//! Printing: while the page is printed (or shown as print media), the
//! timeline shows the whole dataset laid out for the paper's width.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use web_sys::Element;
use yew::prelude::*;

use crate::components::StateHandle;
use crate::layout::scale::Viewport;
use crate::state::Action;

/// The stage's inner width on paper when the page cannot be measured, in
/// CSS pixels: 680 px less the stage's two 1 px borders, which fits A4 and
/// US Letter in portrait at every browser's default margins. The stylesheet
/// then zooms the timeline to the page's whole width (`annals.css`, print).
pub const PRINT_WIDTH: f64 = 678.0;

/// The stage's two borders, in CSS pixels: the stage's inner width, which
/// the layout fills, is the page's width less these.
const STAGE_BORDERS: f64 = 2.0;

thread_local! {
    /// Whether the page is being printed: printing is the window's, so one
    /// flag serves every instance.
    static PRINTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the page is being printed. While it is, the print layout owns
/// the timeline's width: the stage's screen size (which a `ResizeObserver`
/// may still report between `beforeprint` and the print layout) must not
/// undo it.
pub fn printing() -> bool {
    PRINTING.with(|p| p.get())
}

/// Fits the whole dataset to the paper when printing starts, and puts the
/// view and width back when it ends.
///
/// Printing starts with `beforeprint` (a real print, or a PDF) or with the
/// `print` media query matching (as under emulation). When the print media
/// already applies, the app's root is measured and the timeline laid out
/// for the page's width itself. On `beforeprint` the page is still laid out
/// for the screen and the paper's size is unknown (the reader may still
/// switch to landscape in the print preview, and no script runs then): the
/// timeline is laid out [`PRINT_WIDTH`] wide, and the stylesheet zooms it to
/// whatever width the page has (it reads the laid-out width from
/// `--annals-stage-width`, which the timeline sets). The app runs its render
/// in a microtask, so the new frame is in place before the browser lays the
/// page out for print.
///
/// Returns whether the page is being printed, so that what only paper
/// needs (every event's card as text) is in the DOM only then: at 100k
/// events it would be thousands of elements on screen for nothing.
///
/// # Arguments
/// * `state` - the app's state; its view and width are saved and restored.
/// * `root` - the app's root element, whose width is the page's in print.
///
/// # Example
/// ```text
/// let printing = use_print(state.clone(), root.clone());
/// ```
#[hook]
pub fn use_print(state: StateHandle, root: NodeRef) -> bool {
    let printing = use_state_eq(|| false);
    // The latest view and width, read when printing starts.
    let latest = use_mut_ref(|| (state.view, state.width));
    *latest.borrow_mut() = (state.view, state.width);
    let dispatcher = state.dispatcher();
    let flag = printing.setter();
    use_effect_with((), move |_| {
        let saved: Rc<RefCell<Option<(Viewport, f64)>>> = Rc::default();
        // `measured`: the print media applies, so the root has the page's width.
        let start = {
            let (saved, latest, dispatcher) = (saved.clone(), latest.clone(), dispatcher.clone());
            let flag = flag.clone();
            move |measured: bool| {
                PRINTING.with(|p| p.set(true));
                flag.set(true);
                if saved.borrow().is_none() {
                    *saved.borrow_mut() = Some(*latest.borrow());
                    let width = root
                        .cast::<Element>()
                        .filter(|_| measured)
                        .map(|root| f64::from(root.client_width()) - STAGE_BORDERS)
                        .filter(|width| *width > 0.0)
                        .unwrap_or(PRINT_WIDTH);
                    dispatcher.dispatch(Action::Fit);
                    dispatcher.dispatch(Action::Resize(width));
                }
            }
        };
        let end = {
            let (saved, dispatcher) = (saved.clone(), dispatcher.clone());
            move || {
                PRINTING.with(|p| p.set(false));
                flag.set(false);
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
                move |_| start(false)
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
                    start(true);
                } else {
                    end();
                }
            })
        });
        move || drop((listeners, media))
    });
    *printing
}
