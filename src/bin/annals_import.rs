//! annals' import module: reads TimelineJS3 JSON, spreadsheets (CSV) and the
//! plain text format for an app module built without them, which fetches
//! this module when such a file arrives (`browser::importer`): `convert(text)`,
//! whose answer `model::foreign::read_converted` reads back, and the CSV and
//! plain text exports, `exportAs(json, format)`.

use wasm_bindgen::prelude::wasm_bindgen;

/// The file's dataset as native JSON and its problems written in every
/// language, as JSON (see `annals::model::foreign::convert`).
#[wasm_bindgen]
pub fn convert(text: &str) -> String {
    annals::model::foreign::convert(text)
}

/// The dataset `json` (native JSON) written as `format`, `"csv"` or
/// `"text"`; `undefined` for anything else (see
/// `annals::model::foreign::export`). `exportAs` in JavaScript, where
/// `export` is a keyword.
#[wasm_bindgen(js_name = exportAs)]
pub fn export(json: &str, format: &str) -> Option<String> {
    annals::model::foreign::export(json, format)
}

fn main() {}
