//! Format detection and decoding of raw bytes never panic.
#![no_main]

use annals::model::parse_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_bytes(data);
});
