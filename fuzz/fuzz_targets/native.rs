//! The native JSON parser never panics, and whatever it accepts exports and
//! reads back.
#![no_main]

use annals::model::{parse_dataset, to_csv, to_native_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = parse_dataset(text) {
        let json = to_native_json(&loaded.dataset);
        let again = parse_dataset(&json).expect("an exported dataset reads back");
        assert_eq!(again.dataset, loaded.dataset, "the round trip changed the dataset");
        to_csv(&loaded.dataset);
    }
});
