//! Keeping the URL and the view in step: links and reloads restore the view,
//! and Back and Forward step through selections.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::browser::url;
use crate::state::{Action, State};

/// How long the view must rest before the URL follows a pan or zoom; browsers
/// limit how often history may be rewritten.
const SETTLE_MS: u32 = 250;

/// Writes the view into the URL as it changes, and applies the URL when the
/// reader goes back or forward.
///
/// # Arguments
/// * `state` - the reducer handle.
/// * `enabled` - false for embedded instances, which never touch the host page's URL.
///
/// # Example
/// ```text
/// use_url_sync(state.clone(), config.url_sync);
/// ```
#[hook]
pub fn use_url_sync(state: UseReducerHandle<State>, enabled: bool) {
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let dispatcher = state.dispatcher();
        use_effect_with(enabled, move |enabled| {
            let enabled = *enabled;
            let listener = enabled.then(|| {
                EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    dispatcher.dispatch(Action::ApplyUrl(url::read()));
                })
            });
            move || drop(listener)
        });
    }
    let wanted = state.url_state();
    let ready = enabled && state.loading.is_none() && state.pending_url.is_none();
    use_effect_with((wanted, ready), move |(wanted, ready)| {
        if *ready {
            let current = url::read();
            // A new selection is a new history entry; everything else, and
            // the state that Back or Forward just restored, replaces it.
            let push = wanted.event.is_some() && wanted.event != current.event;
            if push || wanted.event != current.event || wanted.query != current.query {
                pending.borrow_mut().take();
                url::write(wanted, push);
            } else {
                let wanted = wanted.clone();
                *pending.borrow_mut() =
                    Some(Timeout::new(SETTLE_MS, move || url::write(&wanted, false)));
            }
        }
    });
}
