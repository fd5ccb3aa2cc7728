//! The annals wasm module. It does nothing when it loads: `loader.js` calls
//! `startPage()` for the standalone page, and other pages call `mount()`
//! through `embed.js` (see `annals::embed::js_api`).

// Link the library's JS exports into this binary.
pub use annals::embed::js_api::{mount, start_page, Handle};

fn main() {}
