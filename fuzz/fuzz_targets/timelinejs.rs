//! The TimelineJS3 JSON importer never panics, and its result exports.
#![no_main]

use annals::model::timelinejs::parse_timelinejs;
use annals::model::{parse_dataset, to_native_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = parse_timelinejs(text) {
        parse_dataset(&to_native_json(&loaded.dataset)).expect("an imported dataset exports to valid native JSON");
    }
});
