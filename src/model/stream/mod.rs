//! Reading a dataset in steps, so that a browser can keep painting, show
//! progress and offer Cancel while a large file arrives and is checked.
//!
//! A [`Reader`] is given the file's bytes, whole ([`Reader::new`]) or a
//! chunk at a time as they arrive ([`Reader::push`], then [`Reader::end`]).
//! It finds the top level of a native JSON file as the bytes come
//! ([`scan`]): the dataset's fields, then where each event's JSON text
//! starts and ends. Each [`Reader::step`] checks the next few events that
//! have arrived, so checking overlaps the download; the last step sorts and
//! links them. The result is exactly what [`parse_any`] returns for the same
//! bytes. Only native JSON is read in steps: any other format (TimelineJS3,
//! spreadsheets, text, which describe tens of slides, not millions), and
//! any file whose outer structure is not a plain object with an `events`
//! array, is read in one go when it has all arrived, which gives the exact
//! problems.
//!
//! Knows nothing of time or the browser: the caller decides how many events
//! a step takes and what to do between steps.

mod scan;

use serde_json::{Map, Value};

use super::import::{decode, parse_any};
use super::parse::{native_event_text, native_header, Assembler, Location};
use super::{Loaded, Message, Problem};
use crate::i18n::Msg;
use scan::{Piece, Scan};

/// A load in progress.
pub struct Reader {
    state: State,
}

// Both variants are boxed so that a `Reader` is two words, whichever it
// holds (clippy's `large_enum_variant`).
enum State {
    /// A file arriving, or arrived, whose events are checked a few at a time.
    Stream(Box<Stream>),
    /// The result, waiting for the next step.
    Done(Option<Box<Result<Loaded, Vec<Problem>>>>),
}

struct Stream {
    /// The file so far.
    bytes: Vec<u8>,
    /// The scan of the top level; `None` before the first bytes are looked
    /// at (a byte-order mark takes three).
    scan: Option<Scan>,
    /// Whether the file is read in one go once it has arrived: its top level
    /// is not a plain native one, or an event is not JSON at all.
    in_one_go: bool,
    /// The dataset's fields other than `events`, parsed.
    fields: Map<String, Value>,
    /// Whether a field came after the events, whose checks may depend on it:
    /// they are checked again at the end.
    late_field: bool,
    /// The checked header, from the fields before the events; `None` until
    /// the events array opens.
    header: Option<Result<Assembler, Vec<Problem>>>,
    /// Byte range of each event's JSON that has arrived, in file order.
    events: Vec<(u32, u32)>,
    /// How many events have been checked.
    next: usize,
    /// Whether the whole file has arrived.
    ended: bool,
    /// Scratch space for what a scan finds.
    found: Vec<Piece>,
    /// The file's size as announced ([`Reader::expect`]), 0 when unknown;
    /// set back to 0 once the room for its events has been made.
    expected: usize,
}

/// Events seen before their number in the whole file is estimated from the
/// announced size ([`Reader::expect`]).
const EVENTS_TO_ESTIMATE: usize = 64;

/// The largest announced size that room is made for ahead (256 MiB, about
/// two million events): past it, the file is grown into as it arrives. The
/// room for the events is about as large again, so a server that announces
/// more than it sends cannot make the app hold gigabytes.
const MAX_EXPECTED: usize = 1 << 28;

impl Reader {
    /// A reader for a file that arrives in chunks: give it each chunk with
    /// [`Reader::push`], and say when there are no more with
    /// [`Reader::end`].
    pub fn streaming() -> Reader {
        Reader::from_bytes(Vec::new())
    }

    /// Starts reading a whole file's bytes.
    pub fn new(bytes: Vec<u8>) -> Reader {
        let mut reader = Reader::from_bytes(bytes);
        reader.end();
        reader
    }

    /// [`Reader::new`] for text that is already decoded.
    pub fn from_text(text: String) -> Reader {
        Reader::new(text.into_bytes())
    }

    fn from_bytes(bytes: Vec<u8>) -> Reader {
        let mut stream = Stream {
            bytes,
            scan: None,
            in_one_go: false,
            fields: Map::new(),
            late_field: false,
            header: None,
            events: Vec::new(),
            next: 0,
            ended: false,
            found: Vec::new(),
            expected: 0,
        };
        stream.look();
        Reader {
            state: State::Stream(Box::new(stream)),
        }
    }

    /// Takes the next chunk of the file. Chunks given after [`Reader::end`]
    /// are ignored.
    pub fn push(&mut self, chunk: &[u8]) {
        if let State::Stream(stream) = &mut self.state {
            if !stream.ended {
                stream.bytes.extend_from_slice(chunk);
                stream.look();
            }
        }
    }

    /// Says how many bytes the file announces (an HTTP `Content-Length`, a
    /// file's size), so that room for it, and later for its events, is made
    /// once rather than grown as it arrives: growing copied the file and the
    /// events over and over, and rehashed every id. Only a hint: a file may
    /// turn out longer or shorter, and room that cannot be had is not made.
    pub fn expect(&mut self, bytes: usize) {
        if let State::Stream(stream) = &mut self.state {
            if !stream.ended && bytes > stream.bytes.len() && bytes <= MAX_EXPECTED {
                // Fallible: an announced size is untrusted, and a failed
                // allocation must not end the app.
                if stream
                    .bytes
                    .try_reserve_exact(bytes - stream.bytes.len())
                    .is_ok()
                {
                    stream.expected = bytes;
                }
            }
        }
    }

    /// Says that the whole file has arrived.
    pub fn end(&mut self) {
        if let State::Stream(stream) = &mut self.state {
            if !stream.ended {
                stream.ended = true;
                stream.look();
                stream.settle();
            }
        }
    }

    /// Whether the file, once it has ended, is read in one go by the format
    /// detection ([`parse_any`]) rather than checked in steps: it is not a
    /// plain native file. Such a file may need annals' import module
    /// ([`crate::model::foreign`]) in a build without the readers of other
    /// formats.
    pub fn read_in_one_go(&self) -> bool {
        match &self.state {
            State::Stream(stream) => stream.ended && stream.in_one_go,
            State::Done(_) => false,
        }
    }

    /// The bytes that have arrived so far, until the reading ends.
    pub fn received(&self) -> &[u8] {
        match &self.state {
            State::Stream(stream) => &stream.bytes,
            State::Done(_) => &[],
        }
    }

    /// How many events the file holds, as far as it has arrived (0 until
    /// known, or when it is read in one go).
    pub fn total(&self) -> usize {
        match &self.state {
            State::Stream(stream) if stream.checks() => stream.events.len(),
            _ => 0,
        }
    }

    /// How many events have been checked so far.
    pub fn done(&self) -> usize {
        match &self.state {
            State::Stream(stream) if stream.checks() => stream.next,
            _ => 0,
        }
    }

    /// How many events have arrived and wait to be checked.
    pub fn pending(&self) -> usize {
        self.total() - self.done()
    }

    /// How many problems the events checked so far have (their details come
    /// with the result).
    pub fn problems(&self) -> usize {
        match &self.state {
            State::Stream(stream) => match &stream.header {
                Some(Ok(assembler)) if !stream.in_one_go => assembler.problem_count(),
                _ => 0,
            },
            State::Done(_) => 0,
        }
    }

    /// Checks up to `max_events` more events of those that have arrived.
    /// Returns the result once the file has ended and every event has been
    /// checked, and `None` until then. Calling it again after the result was
    /// returned gives an error, never a panic.
    pub fn step(&mut self, max_events: usize) -> Option<Result<Loaded, Vec<Problem>>> {
        let stream = match &mut self.state {
            State::Stream(stream) => stream,
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
        stream.check(max_events);
        if !stream.ended || (stream.checks() && stream.next < stream.events.len()) {
            return None;
        }
        let State::Stream(stream) = std::mem::replace(&mut self.state, State::Done(None)) else {
            return None;
        };
        Some(stream.finish())
    }
}

impl Stream {
    /// Whether events are being checked as they arrive.
    fn checks(&self) -> bool {
        !self.in_one_go && matches!(self.header, Some(Ok(_)))
    }

    /// Scans the bytes that arrived since the last look.
    fn look(&mut self) {
        if self.in_one_go {
            return;
        }
        let scan = match &mut self.scan {
            Some(scan) => scan,
            None if self.bytes.len() < 3 && !self.ended => return,
            None => {
                let bom = usize::from(self.bytes.starts_with(b"\xEF\xBB\xBF")) * 3;
                self.scan.insert(Scan::new(bom))
            }
        };
        let plain = scan.feed(&self.bytes, &mut self.found);
        let mut found = std::mem::take(&mut self.found);
        for piece in found.drain(..) {
            if !self.take(piece) {
                self.in_one_go = true;
            }
        }
        self.found = found;
        if !plain {
            self.in_one_go = true;
        }
    }

    /// Takes one piece of the top level; `false` when the file must be read
    /// in one go.
    fn take(&mut self, piece: Piece) -> bool {
        match piece {
            Piece::Field(key, range) => {
                let Some(value) = std::str::from_utf8(&self.bytes[range])
                    .ok()
                    .and_then(|json| serde_json::from_str::<Value>(json).ok())
                else {
                    return false;
                };
                // A repeated key keeps its last value, as reading in one go does.
                self.fields.insert(key, value);
                self.late_field |= self.header.is_some();
                true
            }
            Piece::Events => match header(self.fields.clone()) {
                Some(header) => {
                    self.header = Some(header);
                    true
                }
                None => false,
            },
            // Formats are told apart as `detect_json` does: an event with a
            // `start_date` key makes it TimelineJS3.
            Piece::Event(range) => {
                let ok = !has_start_date_key(&self.bytes[range.clone()]);
                self.events.push((range.start as u32, range.end as u32));
                ok
            }
            Piece::Closed => true,
        }
    }

    /// Once the file has arrived: decides how it is read, and takes a field
    /// that came after the events into account.
    fn settle(&mut self) {
        let closed = self.scan.as_ref().is_some_and(Scan::closed);
        if !closed || self.header.is_none() {
            self.in_one_go = true;
        }
        if self.in_one_go || !self.late_field {
            return;
        }
        // The events were checked against a header that was not whole: the
        // header again, and every event again.
        match header(std::mem::take(&mut self.fields)) {
            Some(header) => {
                self.header = Some(header);
                self.next = 0;
            }
            None => self.in_one_go = true,
        }
    }

    /// Checks up to `max_events` of the events that have arrived.
    fn check(&mut self, max_events: usize) {
        if !self.checks() {
            return;
        }
        let Some(Ok(assembler)) = &mut self.header else {
            return;
        };
        if self.expected > 0 && self.events.len() >= EVENTS_TO_ESTIMATE {
            // The events so far, scaled from the bytes so far to the whole
            // file, and a twentieth more.
            let estimate = (self.events.len() as f64 * self.expected as f64
                / self.bytes.len() as f64
                * 1.05) as usize;
            assembler.try_reserve(estimate.saturating_sub(self.next));
            let more = estimate.saturating_sub(self.events.len());
            let _ = self.events.try_reserve_exact(more);
            self.expected = 0;
        }
        let end = self
            .events
            .len()
            .min(self.next.saturating_add(max_events.max(1)));
        for index in self.next..end {
            let (start, stop) = self.events[index];
            let checked = std::str::from_utf8(&self.bytes[start as usize..stop as usize])
                .map_err(drop)
                .and_then(|json| native_event_text(json, index, assembler));
            match checked {
                Ok(Some(draft)) => assembler.add(draft),
                Ok(None) => {}
                Err(()) => {
                    self.in_one_go = true;
                    return;
                }
            }
            self.next = index + 1;
        }
    }

    /// The result, once the file has arrived and its events are checked.
    fn finish(self) -> Result<Loaded, Vec<Problem>> {
        let Stream {
            bytes,
            in_one_go,
            header,
            ..
        } = self;
        match header {
            Some(Ok(assembler)) if !in_one_go => {
                // Free the file before sorting: the events no longer borrow from it.
                drop(bytes);
                assembler.finish()
            }
            // Anything else, a header with problems among them (whose
            // events were not read), is read in one go.
            _ => decode(bytes).and_then(|text| parse_any(&text)),
        }
    }
}

/// The checked header of a native file from its fields other than `events`,
/// or `None` when they mark a TimelineJS3 file (a title with `text`, or a
/// `scale`), as `detect_json` tells formats apart.
fn header(fields: Map<String, Value>) -> Option<Result<Assembler, Vec<Problem>>> {
    let title_has_text = fields
        .get("title")
        .is_some_and(|title| title.get("text").is_some());
    if title_has_text || fields.contains_key("scale") {
        return None;
    }
    Some(native_header(fields, Vec::new()))
}

/// Whether `json` holds the text `"start_date"`, the key that marks a
/// TimelineJS3 event. A search for the rare `_` with a look back, which is
/// several times faster than a substring search over every event.
fn has_start_date_key(json: &[u8]) -> bool {
    const KEY: &[u8] = b"\"start_date\"";
    memchr::memchr_iter(b'_', json).any(|i| i >= 6 && json[i - 6..].starts_with(KEY))
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

    /// Reads `bytes` as they would arrive in chunks of the sizes given (in
    /// turn), checking `step` events after each chunk.
    fn read_streamed(bytes: &[u8], chunks: &[usize], step: usize) -> Result<Loaded, Vec<Problem>> {
        read_streamed_expecting(bytes, chunks, step, None)
    }

    /// [`read_streamed`], with the size the file announced, if any.
    fn read_streamed_expecting(
        bytes: &[u8],
        chunks: &[usize],
        step: usize,
        expected: Option<usize>,
    ) -> Result<Loaded, Vec<Problem>> {
        let mut reader = Reader::streaming();
        if let Some(expected) = expected {
            reader.expect(expected);
        }
        let mut rest = bytes;
        for size in chunks.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (chunk, after) = rest.split_at((*size).clamp(1, rest.len()));
            reader.push(chunk);
            rest = after;
            assert!(reader.step(step).is_none(), "a result before the end");
            assert!(reader.done() <= reader.total());
        }
        reader.end();
        loop {
            if let Some(result) = reader.step(step) {
                return result;
            }
        }
    }

    #[test]
    fn events_are_checked_while_the_file_arrives() {
        let events: Vec<String> = (0..10)
            .map(|i| format!(r#"{{"id": "e{i}", "title": "E", "start": "{}"}}"#, 1990 + i))
            .collect();
        let text = format!(r#"{{"title": "T", "events": [{}]}}"#, events.join(","));
        let (first, second) = text.split_at(text.len() / 2);
        let mut reader = Reader::streaming();
        reader.push(first.as_bytes());
        assert!(reader.pending() >= 3, "{} events arrived", reader.pending());
        assert!(reader.step(100).is_none());
        let checked = reader.done();
        assert!((3..10).contains(&checked), "{checked}");
        reader.push(second.as_bytes());
        assert!(reader.step(100).is_none(), "the end was not said");
        assert_eq!(reader.done(), 10);
        reader.end();
        assert_eq!(reader.step(100).unwrap().unwrap().dataset.events.len(), 10);
    }

    #[test]
    fn a_field_after_the_events_is_taken_into_account() {
        // The language comes last: the events' texts are in Japanese.
        let text = r#"{"events": [{"id": "a", "title": "甲", "start": "2000"}], "language": "ja", "title": "T"}"#;
        let streamed = read_streamed(text.as_bytes(), &[7], 1);
        assert_eq!(streamed, parse_bytes(text.as_bytes()));
        let loaded = streamed.unwrap();
        assert_eq!(loaded.dataset.events[0].title.get("ja"), "甲");
    }

    #[test]
    fn what_is_not_plain_native_json_is_read_in_one_go() {
        for text in [
            "",
            "{",
            "{}",
            "[]",
            "\u{feff}{\"events\": []}",
            "\u{a0}{\"events\": []}",
            r#"{"events": [1,]}"#,
            r#"{"events": [,]}"#,
            r#"{"events": {}}"#,
            r#"{"events": [], "events": []}"#,
            r#"{"events": [{"id": "a", "title": "A", "start": "2000"} x]}"#,
            r#"{"events": [{"id": "a", "title": "A", "start": "2000"}]} x"#,
            r#"{"title": {"text": {"headline": "H"}}, "events": []}"#,
            r#"{"events": [{"start_date": {"year": 2000}}]}"#,
            r#"{"scale": "human", "events": [{"id": "a", "title": "A", "start": "2000"}]}"#,
            r#"{"lanes": 5, "events": [{"id": "a", "title": "A", "start": "2000"}]}"#,
            r#"{"title": "T" "events": []}"#,
            "a,b\n1,2\n",
        ] {
            for chunk in [1, 2, 5, 1000] {
                assert_eq!(
                    read_streamed(text.as_bytes(), &[chunk], 3),
                    parse_bytes(text.as_bytes()),
                    "{text:?} in chunks of {chunk}"
                );
            }
        }
        // Files in other formats say so, for a build that reads them
        // through the import module (`model::foreign`).
        for text in [
            "a,b\n1,2\n",
            "title: T\n2000: A\n",
            r#"{"events": [{"start_date": {"year": 2000}}]}"#,
            r#"{"title": {"text": {"headline": "H"}}, "events": []}"#,
        ] {
            assert!(
                Reader::new(text.as_bytes().to_vec()).read_in_one_go(),
                "{text:?}"
            );
        }
        let bad_utf8 = b"{\"events\": [{\"id\": \"a\", \"title\": \"\xFF\", \"start\": \"2000\"}]}";
        assert_eq!(read_streamed(bad_utf8, &[4], 1), parse_bytes(bad_utf8));
    }

    #[test]
    fn the_default_dataset_reads_the_same_in_steps() {
        let (stepped, steps) = read_in_steps(DEFAULT_DATASET_JSON.as_bytes(), 5);
        assert_eq!(stepped, parse_bytes(DEFAULT_DATASET_JSON.as_bytes()));
        assert!(steps > 5, "{steps} steps");
        assert!(!Reader::new(DEFAULT_DATASET_JSON.as_bytes().to_vec()).read_in_one_go());
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

    /// Bits of JSON, to build text that is almost a native file.
    fn token() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\n",
            "\"",
            "\\",
            "\"events\"",
            "\"title\"",
            "\"language\"",
            "\"x\"",
            "\"ja\"",
            "1",
            "null",
            "\"start\"",
            "\"2000\"",
            "\"id\"",
            "\u{e9}",
            "\u{feff}",
            "{\"id\": \"a\", \"title\": \"A\", \"start\": \"2000\"}",
        ])
    }

    proptest! {
        /// Whatever the bytes and however they arrive, reading them as they
        /// arrive gives what reading in one go gives.
        #[test]
        fn streamed_reading_equals_reading_in_one_go(
            tokens in prop::collection::vec(token(), 0..40),
            chunks in prop::collection::vec(1usize..20, 1..5),
            step in 1usize..4,
        ) {
            let text = format!(r#"{{"events": [{}"#, tokens.concat());
            for text in [text.as_str(), &text[12..]] {
                prop_assert_eq!(read_streamed(text.as_bytes(), &chunks, step), parse_bytes(text.as_bytes()));
            }
        }

        /// Whatever the events, the header's place and the chunks, a native
        /// file read as it arrives gives what reading in one go gives.
        #[test]
        fn streamed_native_files_equal_reading_in_one_go(
            pieces in prop::collection::vec(event_piece(), 0..30),
            chunks in prop::collection::vec(1usize..200, 1..5),
            step in 1usize..8,
            header_after in any::<bool>(),
            bom in any::<bool>(),
        ) {
            let header = r#""title": "P", "language": "en", "lanes": [{"id": "a", "label": "A"}]"#;
            let events = format!(r#""events": [{}]"#, pieces.join(", "));
            let body = if header_after {
                format!("{{ {events},\n{header} }}\n")
            } else {
                format!("{{{header}, {events}}}")
            };
            let text = format!("{}{body}", if bom { "\u{feff}" } else { "" });
            prop_assert_eq!(read_streamed(text.as_bytes(), &chunks, step), parse_bytes(text.as_bytes()));
        }

        /// Whatever size a file announces (its own, less, more, or absurd),
        /// reading it as it arrives gives what reading in one go gives. Over
        /// 64 events, so that their number is estimated from it.
        #[test]
        fn an_announced_size_changes_nothing_read(
            pieces in prop::collection::vec(event_piece(), 60..140),
            chunks in prop::collection::vec(1usize..400, 1..4),
            step in 1usize..50,
            scale in prop::sample::select(vec![0.0, 0.5, 1.0, 1.0, 3.0, 1e12]),
        ) {
            let events = pieces.join(", ");
            let text = format!(r#"{{"title": "P", "events": [{events}]}}"#);
            let expected = (text.len() as f64 * scale) as usize;
            prop_assert_eq!(
                read_streamed_expecting(text.as_bytes(), &chunks, step, Some(expected)),
                parse_bytes(text.as_bytes())
            );
        }

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
