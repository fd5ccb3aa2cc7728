//! Reading a file whose format is not known: native JSON, TimelineJS3 JSON,
//! a TimelineJS spreadsheet saved as CSV or the plain text format, from text
//! or from raw bytes.
//!
//! Detection looks at the shape, never at a file name: text that does not
//! start with `{` or `[` is CSV when its first line has a comma and no colon
//! (a header row), and the plain text format otherwise; a JSON object whose events carry
//! `start_date` (or that has a TimelineJS title slide or `scale`) is
//! TimelineJS; any other JSON is read as the native format, whose messages
//! then say what was expected.
//!
//! The readers of the formats other than native JSON are built in with the
//! `importers` feature (on by default: the native tools, the tests, a yew app
//! that uses the library). The release bundle's app module is built without
//! them, and reads those files through annals' import module instead
//! ([`super::foreign`]), which a page loads only when such a file arrives.

use serde_json::Value;

use super::parse::{json_problem, parse_native_value, Location};
#[cfg(feature = "importers")]
use super::{csv_import, text_format, timelinejs};
use super::{Loaded, Message, Problem};
use crate::i18n::Msg;

/// Which format a JSON text is in (text that is not JSON is read as CSV).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// annals' own JSON.
    Native,
    /// TimelineJS3 JSON.
    TimelineJs,
}

/// Parses a dataset in any supported format, detected from its content.
pub fn parse_any(text: &str) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if !trimmed.starts_with(['{', '[']) {
        #[cfg(feature = "importers")]
        return if looks_like_csv(trimmed) {
            csv_import::parse_csv(text)
        } else {
            text_format::parse_text(text)
        };
        #[cfg(not(feature = "importers"))]
        return super::foreign::read(text);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| vec![json_problem(&e)])?;
    match detect_json(&value) {
        #[cfg(feature = "importers")]
        Format::TimelineJs => timelinejs::from_value(value),
        #[cfg(not(feature = "importers"))]
        Format::TimelineJs => super::foreign::read(text),
        Format::Native => parse_native_value(value),
    }
}

/// Like [`parse_any`], for bytes straight from a file: a UTF-8 byte order
/// mark is skipped, and input that is not UTF-8 is refused with the offset of
/// the first bad byte.
pub fn parse_bytes(bytes: &[u8]) -> Result<Loaded, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_any(text),
        Err(e) => Err(vec![not_utf8(bytes, e)]),
    }
}

/// The text of a file's bytes, without a byte order mark; an error that says
/// where the bytes stop being UTF-8 otherwise.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<String, Vec<Problem>> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| vec![not_utf8(e.as_bytes(), e.utf8_error())])
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> Problem {
    let offset = e.valid_up_to();
    let key = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        Msg::PNotUtf8Utf16
    } else {
        Msg::PNotUtf8
    };
    Problem::error(
        Location::Byte(offset),
        Message::new(key)
            .with("byte", format!("0x{:02X}", bytes[offset]))
            .with("offset", offset),
    )
}

/// Whether text that is not JSON is a spreadsheet rather than the plain
/// text format: its first line has a comma and no colon (a header row such
/// as `Year,Month,Headline`), where a line of the text format has a colon
/// (`title: …`, `1998-08-31: …`) or starts with `@` or `//`.
#[cfg(feature = "importers")]
fn looks_like_csv(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default();
    first.contains(',')
        && !first.contains(':')
        && !first.starts_with('@')
        && !first.starts_with("//")
}

/// Tells a JSON document's format from its shape.
fn detect_json(value: &Value) -> Format {
    let Some(top) = value.as_object() else {
        return Format::Native;
    };
    let events = top.get("events").and_then(Value::as_array);
    let has = |key: &str| events.is_some_and(|events| events.iter().any(|e| e.get(key).is_some()));
    if has("start_date") {
        Format::TimelineJs
    } else if has("start") {
        Format::Native
    } else if top.get("title").is_some_and(|t| t.get("text").is_some()) || top.contains_key("scale")
    {
        Format::TimelineJs
    } else {
        Format::Native
    }
}

#[cfg(all(test, feature = "importers"))]
mod tests {
    use super::*;
    use crate::model::DEFAULT_DATASET_JSON;

    #[test]
    fn detects_each_format() {
        let native = parse_any(DEFAULT_DATASET_JSON).unwrap();
        assert!(native.problems.is_empty());
        let tl = parse_any(include_str!("../../tests/fixtures/timelinejs.json")).unwrap();
        assert_eq!(tl.dataset.title.default_text(), "Deep time to the Moon");
        let sheet = parse_any(include_str!("../../tests/fixtures/timelinejs-sheet.csv")).unwrap();
        assert_eq!(sheet.dataset.title.default_text(), "Space race");
        let text = parse_any(include_str!("../../tests/fixtures/sample.txt")).unwrap();
        assert_eq!(text.dataset.title.default_text(), "A sample in plain text");
    }

    #[test]
    fn csv_and_text_are_told_apart_by_the_first_line() {
        let cases = [
            ("Year,Month,Headline\n2000,1,A", true),
            ("  Year , Headline", true),
            ("Yaer,Headlin", true),
            ("title: A, B and C", false),
            ("1998-08-31: Taepodong-1, over Japan", false),
            ("@region: China, the Koreas", false),
            ("// a comment, with a comma", false),
            ("fall 2005: Declaration", false),
            ("no comma here", false),
            ("", false),
        ];
        for (text, csv) in cases {
            assert_eq!(looks_like_csv(text), csv, "{text:?}");
        }
    }

    #[test]
    fn bytes_with_a_bom_and_bad_utf8() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(DEFAULT_DATASET_JSON.as_bytes());
        assert!(parse_bytes(&bytes).is_ok());
        let errors = parse_bytes(b"{\"events\": [\xC3\x28]}").unwrap_err();
        assert_eq!(errors[0].location, Location::Byte(12));
    }
}
