//! Copying text to the clipboard.

use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; false when the browser refuses or has no
/// clipboard (then the caller shows the text for copying by hand).
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
