//! Reading a dataset in steps, so that a browser can keep painting, show
//! progress and offer Cancel while a large file is checked.
//!
//! [`Reader::new`] reads the file's outline: the dataset fields, lanes and
//! eras, and where each event's JSON text starts and ends. Each
//! [`Reader::step`] then checks the next few events, and the last one sorts
//! and links them. The result is exactly what [`parse_any`] returns for the
//! same bytes; only native JSON is read in steps, since the other formats
//! (TimelineJS3, spreadsheets) describe tens of slides, not millions.
//!
//! Knows nothing of time or the browser: the caller decides how many events
//! a step takes and what to do between steps.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::import::{decode, parse_any};
use super::parse::{native_event_text, native_header, Assembler, Location};
use super::{Loaded, Message, Problem};
use crate::i18n::Msg;

/// A load in progress.
pub struct Reader {
    state: State,
}

// Both variants are boxed so that a `Reader` is two words, whichever it
// holds (clippy's `large_enum_variant`).
enum State {
    /// Native JSON, checked an event at a time.
    Native(Box<Native>),
    /// Read in one go (another format, or a file with a problem at the top
    /// level); the result waits for the first step.
    Done(Option<Box<Result<Loaded, Vec<Problem>>>>),
}

struct Native {
    /// The whole file.
    text: String,
    /// Byte range of each event's JSON in `text`, in file order.
    events: Vec<(u32, u32)>,
    /// How many events have been checked.
    next: usize,
    assembler: Assembler,
}

impl Reader {
    /// Starts reading a file's bytes: checks the encoding and the JSON
    /// syntax, and reads everything but the events.
    pub fn new(bytes: Vec<u8>) -> Reader {
        match decode(bytes) {
            Ok(text) => Reader::from_text(text),
            Err(problems) => Reader {
                state: State::Done(Some(Box::new(Err(problems)))),
            },
        }
    }

    /// [`Reader::new`] for text that is already decoded.
    pub fn from_text(text: String) -> Reader {
        let state = match outline(&text) {
            Some(Ok((events, assembler))) => State::Native(Box::new(Native {
                text,
                events,
                next: 0,
                assembler,
            })),
            Some(Err(problems)) => State::Done(Some(Box::new(Err(problems)))),
            None => State::Done(Some(Box::new(parse_any(&text)))),
        };
        Reader { state }
    }

    /// How many events the file holds (0 until known, or when read in one go).
    pub fn total(&self) -> usize {
        match &self.state {
            State::Native(native) => native.events.len(),
            State::Done(_) => 0,
        }
    }

    /// How many events have been checked so far.
    pub fn done(&self) -> usize {
        match &self.state {
            State::Native(native) => native.next,
            State::Done(_) => 0,
        }
    }

    /// How many problems the events checked so far have (their details come
    /// with the result).
    pub fn problems(&self) -> usize {
        match &self.state {
            State::Native(native) => native.assembler.problem_count(),
            State::Done(_) => 0,
        }
    }

    /// Checks up to `max_events` more events. Returns the result once every
    /// event has been checked, and `None` while some remain. Calling it again
    /// after the result was returned gives an error, never a panic.
    pub fn step(&mut self, max_events: usize) -> Option<Result<Loaded, Vec<Problem>>> {
        let native = match &mut self.state {
            State::Native(native) => native,
            State::Done(result) => {
                return Some(result.take().map_or_else(
                    || {
                        Err(vec![Problem::error(
                            Location::File,
                            Message::new(Msg::PAlreadyRead),
                        )])
                    },
                    |result| *result,
                ));
            }
        };
        let end = native
            .events
            .len()
            .min(native.next.saturating_add(max_events.max(1)));
        for index in native.next..end {
            let (start, stop) = native.events[index];
            let json = &native.text[start as usize..stop as usize];
            if let Some(draft) = native_event_text(json, index, &mut native.assembler) {
                native.assembler.add(draft);
            }
        }
        native.next = end;
        if end < native.events.len() {
            return None;
        }
        let State::Native(native) = std::mem::replace(&mut self.state, State::Done(None)) else {
            return None;
        };
        let Native {
            text,
            events,
            assembler,
            ..
        } = *native;
        // Free the file before sorting: the events no longer borrow from it.
        drop((text, events));
        Some(assembler.finish())
    }
}

/// The top level of a native file, read in one pass: each event's JSON text,
/// and the JSON text of every other field.
struct Outline<'a> {
    events: Option<Vec<&'a RawValue>>,
    /// Every other field, each key once (a list rather than a map type of
    /// its own in the wasm; a header has a handful of fields).
    fields: Vec<(String, &'a RawValue)>,
}

impl<'de> Deserialize<'de> for Outline<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Outline<'de>, D::Error> {
        struct Top;
        impl<'de> Visitor<'de> for Top {
            type Value = Outline<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object with an `events` array")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Outline<'de>, A::Error> {
                let mut outline = Outline {
                    events: None,
                    fields: Vec::new(),
                };
                while let Some(key) = map.next_key::<String>()? {
                    // A repeated key keeps its last value, as `serde_json::Value` does.
                    if key == "events" {
                        outline.events = Some(map.next_value()?);
                    } else {
                        let value = map.next_value()?;
                        match outline.fields.iter_mut().find(|(k, _)| *k == key) {
                            Some((_, old)) => *old = value,
                            None => outline.fields.push((key, value)),
                        }
                    }
                }
                Ok(outline)
            }
        }
        deserializer.deserialize_map(Top)
    }
}

/// Each event's byte range in a native JSON file, and the assembler holding
/// its checked header.
type Outlined = (Vec<(u32, u32)>, Assembler);

/// The outline of a native JSON file: each event's byte range, and the
/// assembler holding the checked header. `None` when the file is not native
/// JSON with an `events` array, or has a syntax error: those are read in one
/// go, which gives the exact messages.
fn outline(text: &str) -> Option<Result<Outlined, Vec<Problem>>> {
    let body = text.trim_start();
    if !body.starts_with('{') || u32::try_from(text.len()).is_err() {
        return None;
    }
    let Outline { events, fields } = serde_json::from_str(text).ok()?;
    let events = events?;
    // Formats are told apart as `detect_json` does; anything that might be
    // TimelineJS3 goes the one-go way.
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, raw)| raw)
    };
    let title_has_text = field("title")
        .and_then(|t| serde_json::from_str::<Value>(t.get()).ok())
        .is_some_and(|t| t.get("text").is_some());
    // One search over the events' text rather than one per event: between
    // events there are only commas and white space.
    let timelinejs_event = || match (events.first(), events.last()) {
        (Some(first), Some(last)) => {
            let from = first.get().as_ptr() as usize - text.as_ptr() as usize;
            let to = last.get().as_ptr() as usize - text.as_ptr() as usize + last.get().len();
            has_start_date_key(&text.as_bytes()[from..to])
        }
        _ => false,
    };
    if title_has_text || field("scale").is_some() || timelinejs_event() {
        return None;
    }
    let base = text.as_ptr() as usize;
    let ranges: Vec<(u32, u32)> = events
        .iter()
        .map(|item| {
            let start = item.get().as_ptr() as usize - base;
            (start as u32, (start + item.get().len()) as u32)
        })
        .collect();
    drop(events);
    let mut header = Map::new();
    for (key, raw) in fields {
        header.insert(key, serde_json::from_str(raw.get()).ok()?);
    }
    Some(native_header(header, Vec::new()).map(|mut assembler| {
        assembler.reserve(ranges.len());
        (ranges, assembler)
    }))
}

/// Whether `json` holds the text `"start_date"`, the key that marks a
/// TimelineJS3 event. A scan for the rare `_` with a look back, which is
/// several times faster in wasm than a substring search over every event.
fn has_start_date_key(json: &[u8]) -> bool {
    const KEY: &[u8] = b"\"start_date\"";
    json.iter()
        .enumerate()
        .any(|(i, &b)| b == b'_' && i >= 6 && json[i - 6..].starts_with(KEY))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_bytes, DEFAULT_DATASET_JSON};
    use proptest::prelude::*;

    fn read_in_steps(bytes: &[u8], step: usize) -> (Result<Loaded, Vec<Problem>>, usize) {
        let mut reader = Reader::new(bytes.to_vec());
        let mut steps = 1;
        loop {
            if let Some(result) = reader.step(step) {
                return (result, steps);
            }
            assert!(reader.done() <= reader.total());
            steps += 1;
        }
    }

    #[test]
    fn the_default_dataset_reads_the_same_in_steps() {
        let (stepped, steps) = read_in_steps(DEFAULT_DATASET_JSON.as_bytes(), 5);
        assert_eq!(stepped, parse_bytes(DEFAULT_DATASET_JSON.as_bytes()));
        assert!(steps > 5, "{steps} steps");
    }

    #[test]
    fn every_fixture_reads_the_same_in_steps() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            for step in [1, 3, 1000] {
                assert_eq!(read_in_steps(&bytes, step).0, parse_bytes(&bytes));
            }
            read += 1;
        }
        assert!(read >= 5, "{read} fixtures");
    }

    #[test]
    fn the_timelinejs_key_is_found_anywhere() {
        for (text, found) in [
            (r#"{"start_date": {"year": 1}}"#, true),
            (r#"{"a": 1}, {"b": 2, "start_date": {}}"#, true),
            (r#""start_date""#, true),
            (r#"{"start": "2000", "display_date": "x"}"#, false),
            (r#"start_date"#, false),
            ("_", false),
            ("", false),
        ] {
            assert_eq!(has_start_date_key(text.as_bytes()), found, "{text}");
        }
    }

    #[test]
    fn a_finished_reader_does_not_panic() {
        let mut reader =
            Reader::new(br#"{"events": [{"id": "a", "title": "A", "start": "2000"}]}"#.to_vec());
        assert_eq!(reader.total(), 1);
        assert!(reader.step(10).unwrap().is_ok());
        assert!(reader.step(10).unwrap().is_err());
    }

    #[test]
    fn progress_counts_events() {
        let events: Vec<String> = (0..10)
            .map(|i| format!(r#"{{"id": "e{i}", "title": "E", "start": "{}"}}"#, 1990 + i))
            .collect();
        let text = format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(","));
        let mut reader = Reader::new(text.into_bytes());
        assert_eq!((reader.done(), reader.total()), (0, 10));
        assert!(reader.step(4).is_none());
        assert_eq!((reader.done(), reader.problems()), (4, 0));
        assert!(reader.step(4).is_none());
        let loaded = reader.step(4).unwrap().unwrap();
        assert_eq!(loaded.dataset.events.len(), 10);
        assert_eq!(loaded.dataset.title.default_text(), "T");
    }

    #[test]
    fn problems_are_counted_as_events_are_checked() {
        let events: Vec<String> = (0..10)
            .map(|i| {
                format!(
                    r#"{{"id": "e{}", "title": "E", "start": "2005-02-3{i}"}}"#,
                    i % 2
                )
            })
            .collect();
        let text = format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(","));
        let mut reader = Reader::new(text.into_bytes());
        assert!(reader.step(4).is_none());
        // Four bad dates; e0 and e1 used once each so far.
        assert_eq!(reader.problems(), 4);
        assert!(reader.step(4).is_none());
        assert_eq!(reader.problems(), 8);
        let problems = reader.step(4).unwrap().unwrap_err();
        assert_eq!(problems.len(), 10 + 1);
    }

    /// Pieces of events, good and bad, to build files from.
    fn event_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            (0..40u32, 1900..2030i32).prop_map(|(id, year)| format!(r#"{{"id": "e{id}", "title": "T{id}", "start": "{year}"}}"#)),
            (0..40u32, 1900..2030i32, 0..3i32).prop_map(|(id, year, len)| format!(
                r#"{{"id": "e{id}", "title": "T", "start": "{year}", "end": "{}", "related": ["e{}"], "colour": 1}}"#,
                year + len - 1,
                id + 1
            )),
            Just(r#"{"id": "x", "title": 7, "start": "2000"}"#.to_owned()),
            Just(r#"{"id": "", "title": "No id", "start": "2000"}"#.to_owned()),
            Just(r#""not an object""#.to_owned()),
            Just(r#"{"id": "bad", "title": "Bad date", "start": "2005-02-30"}"#.to_owned()),
            Just(r#"{"id": "l", "title": "Lane", "start": "2001", "lane": "nowhere", "summary": "[x](javascript:y)"}"#.to_owned()),
            Just(r#"{"id": "t", "titel": "Typo", "start": "2001"}"#.to_owned()),
            Just(r#"{"id": "m", "title": "M", "start": "2002", "sumary": "s", "media": [{"url": "https://example.org/", "captoin": "c"}]}"#.to_owned()),
        ]
    }

    proptest! {
        /// Whatever the events and the step size, reading in steps gives what
        /// reading in one go gives: the same events, in the same order, with
        /// the same problems.
        #[test]
        fn stepped_reading_equals_reading_in_one_go(pieces in prop::collection::vec(event_piece(), 0..30), step in 1usize..8, lanes in any::<bool>()) {
            let lanes = if lanes { r#""lanes": [{"id": "a", "lable": "A"}], "descripton": "D", "# } else { "" };
            let text = format!(r#"{{"title": "P", {lanes}"events": [{}]}}"#, pieces.join(", "));
            prop_assert_eq!(read_in_steps(text.as_bytes(), step).0, parse_bytes(text.as_bytes()));
        }
    }
}
