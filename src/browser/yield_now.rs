//! Giving the browser a turn between steps of long work, so it can paint,
//! handle input and run other tasks.
//!
//! A message posted to a `MessageChannel` runs as a new task right away;
//! `setTimeout(0)` would also work, but browsers hold nested timeouts back by
//! at least 4 ms, which over the hundreds of steps of a large load adds up.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// Resolves in a later task, after the browser had its turn.
pub async fn yield_now() {
    let Ok(channel) = MessageChannel::new() else {
        gloo::timers::future::TimeoutFuture::new(0).await;
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
    });
    if channel.port2().post_message(&JsValue::NULL).is_err() {
        gloo::timers::future::TimeoutFuture::new(0).await;
        return;
    }
    let _ = JsFuture::from(promise).await;
    // Held until here so the ports live until the message has arrived.
    channel.port1().set_onmessage(None);
}
