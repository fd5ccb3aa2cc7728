//! The plain text reader never panics, and what it reads writes out and
//! reads back unchanged.
#![no_main]

use annals::model::{parse_text, to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = parse_text(text) {
        let again = parse_text(&to_text(&loaded.dataset)).expect("written text reads back");
        assert_eq!(again.dataset, loaded.dataset);
    }
});
