//! annals' import module: reads TimelineJS3 JSON, spreadsheets (CSV) and the
//! plain text format for an app module built without them, which fetches
//! this module when such a file arrives (`browser::importer`). One function,
//! `convert(text)`, whose answer `model::foreign::read_converted` reads back.

use wasm_bindgen::prelude::wasm_bindgen;

/// The file's dataset as native JSON and its problems written in every
/// language, as JSON (see `annals::model::foreign::convert`).
#[wasm_bindgen]
pub fn convert(text: &str) -> String {
    annals::model::foreign::convert(text)
}

fn main() {}
