//! The TimelineJS spreadsheet importer never panics, and its result exports.
#![no_main]

use annals::model::csv_import::parse_csv;
use annals::model::{to_csv, to_native_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = parse_csv(text) {
        to_native_json(&loaded.dataset);
        to_csv(&loaded.dataset);
    }
});
