//! The top level of a native JSON file, found as its bytes arrive: each
//! field other than `events` with the byte range of its value, and the byte
//! range of each event in the `events` array.
//!
//! Only the file's outer structure is checked here (the braces, keys, colons
//! and commas of the top-level object, and the commas and brackets of the
//! events array); what lies inside a value or an event is left whole to
//! `serde_json`, which checks it when it is read. Anything else than a plain
//! top-level object with an `events` array (a syntax error in the outer
//! structure, `events` that is not an array or given twice, more than
//! 4 GiB) stops the scan: such files are read in one go, which gives
//! the exact problems.

use std::ops::Range;

/// What the scan found, in file order.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Piece {
    /// A field other than `events`: its key, and its value's bytes (no
    /// surrounding white space).
    Field(String, Range<usize>),
    /// The `events` array opens.
    Events,
    /// One event's bytes (no surrounding white space).
    Event(Range<usize>),
    /// The top-level object closed.
    Closed,
}

/// Where the scan is in the outer structure.
#[derive(Debug, Clone, PartialEq, Eq)]
enum At {
    /// Before the opening brace.
    Open,
    /// After the opening brace: a key or the closing brace.
    FirstKey,
    /// After a comma: a key.
    Key,
    /// Inside a key, which starts at this byte.
    InKey(usize),
    /// After a key.
    Colon(String),
    /// After a key's colon, before its value.
    ValueStart(String),
    /// Inside the value of a field, which starts at this byte.
    Value(String, usize),
    /// Inside the events array; an event starts at the byte given, if one has
    /// started since the last comma; `comma` tells whether one was seen.
    Events { start: Option<usize>, comma: bool },
    /// After the events array.
    AfterEvents,
    /// After the closing brace: only white space may follow.
    Closed,
}

/// The scan of one file, fed its bytes as they arrive.
#[derive(Debug)]
pub(super) struct Scan {
    /// The next byte to look at.
    pos: usize,
    at: At,
    /// Nesting depth inside the current value or event.
    depth: u32,
    in_string: bool,
    escape: bool,
    /// The end of the last byte that was not white space.
    last: usize,
    /// Whether the events array has been met.
    events_seen: bool,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Scan {
    /// A scan that starts at byte `start` (after a byte-order mark).
    pub(super) fn new(start: usize) -> Scan {
        Scan {
            pos: start,
            at: At::Open,
            depth: 0,
            in_string: false,
            escape: false,
            last: start,
            events_seen: false,
        }
    }

    /// Whether the top-level object has closed.
    pub(super) fn closed(&self) -> bool {
        self.at == At::Closed
    }

    /// Looks at the bytes from where the last call stopped to the end of
    /// `bytes` (the whole file so far), adding what it finds to `found`.
    /// Returns `false` when the file is not a plain native top level; the
    /// scan must not be fed again then.
    pub(super) fn feed(&mut self, bytes: &[u8], found: &mut Vec<Piece>) -> bool {
        if bytes.len() > u32::MAX as usize {
            return false;
        }
        while self.pos < bytes.len() {
            if self.in_string {
                if !self.string(bytes) {
                    return false;
                }
                continue;
            }
            if self.depth > 0 {
                // Deep inside a value only brackets and strings matter.
                let rest = &bytes[self.pos..];
                match rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'{' | b'}' | b'[' | b']'))
                {
                    Some(skip) => self.pos += skip,
                    None => {
                        self.pos = bytes.len();
                        break;
                    }
                }
            }
            let pos = self.pos;
            self.pos += 1;
            if !self.byte(pos, bytes[pos], found) {
                return false;
            }
        }
        true
    }

    /// Goes on inside a string: to its end, or to the end of `bytes`.
    /// `false` when it was a key that is not one.
    fn string(&mut self, bytes: &[u8]) -> bool {
        if self.escape {
            self.escape = false;
            self.pos += 1;
            return true;
        }
        let Some(at) = memchr::memchr2(b'"', b'\\', &bytes[self.pos..]) else {
            self.pos = bytes.len();
            return true;
        };
        let pos = self.pos + at;
        self.pos = pos + 1;
        if bytes[pos] == b'\\' {
            self.escape = true;
            return true;
        }
        self.in_string = false;
        self.last = pos + 1;
        if let At::InKey(start) = self.at {
            let Some(key) = key(&bytes[start..=pos]) else {
                return false;
            };
            self.at = At::Colon(key);
        }
        true
    }

    /// One byte outside a string.
    fn byte(&mut self, pos: usize, b: u8, found: &mut Vec<Piece>) -> bool {
        let space = is_space(b);
        let next = match &mut self.at {
            At::Value(key, start) => {
                if self.depth == 0 && (b == b',' || b == b'}') {
                    found.push(Piece::Field(std::mem::take(key), *start..self.last));
                    if b == b'}' {
                        found.push(Piece::Closed);
                        At::Closed
                    } else {
                        At::Key
                    }
                } else {
                    return self.value_byte(pos, b);
                }
            }
            At::Events { start, comma } => {
                let (start, comma) = (*start, *comma);
                return self.events_byte(pos, b, start, comma, found);
            }
            _ if space => return true,
            At::Open if b == b'{' => At::FirstKey,
            At::FirstKey | At::Key if b == b'"' => {
                self.in_string = true;
                At::InKey(pos)
            }
            At::FirstKey if b == b'}' => {
                found.push(Piece::Closed);
                At::Closed
            }
            At::Colon(key) if b == b':' => At::ValueStart(std::mem::take(key)),
            At::ValueStart(key) if key == "events" => {
                // A second `events` key is left to the reading in one go.
                if b != b'[' || self.events_seen {
                    return false;
                }
                self.events_seen = true;
                found.push(Piece::Events);
                self.depth = 0;
                At::Events {
                    start: None,
                    comma: false,
                }
            }
            At::ValueStart(key) => {
                let key = std::mem::take(key);
                self.depth = 0;
                self.at = At::Value(key, pos);
                return self.value_byte(pos, b);
            }
            At::AfterEvents if b == b',' => At::Key,
            At::AfterEvents if b == b'}' => {
                found.push(Piece::Closed);
                At::Closed
            }
            // Anything else the outer structure does not allow.
            _ => return false,
        };
        self.at = next;
        true
    }

    /// One byte inside a field's value (outside strings), at depth `self.depth`.
    fn value_byte(&mut self, pos: usize, b: u8) -> bool {
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => match self.depth.checked_sub(1) {
                Some(depth) => self.depth = depth,
                None => return false,
            },
            _ => {}
        }
        if !is_space(b) {
            self.last = pos + 1;
        }
        true
    }

    fn events_byte(
        &mut self,
        pos: usize,
        b: u8,
        start: Option<usize>,
        comma: bool,
        found: &mut Vec<Piece>,
    ) -> bool {
        if self.depth == 0 && (b == b',' || b == b']') {
            match start {
                Some(start) => found.push(Piece::Event(start..self.last)),
                // An empty item (`[1,,2]`, `[1,]`, `[,]`).
                None if b == b',' || comma => return false,
                None => {}
            }
            self.at = if b == b',' {
                At::Events {
                    start: None,
                    comma: true,
                }
            } else {
                At::AfterEvents
            };
            return true;
        }
        let start = if is_space(b) {
            start
        } else {
            Some(start.unwrap_or(pos))
        };
        self.at = At::Events { start, comma };
        self.value_byte(pos, b)
    }
}

/// A key's text from its JSON string (quotes included).
fn key(json: &[u8]) -> Option<String> {
    let inner = &json[1..json.len() - 1];
    if inner.contains(&b'\\') {
        serde_json::from_slice(json).ok()
    } else {
        std::str::from_utf8(inner).ok().map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a scan of `text` finds, fed in chunks of `chunk` bytes, and
    /// whether the top level is plain.
    fn scan(text: &str, chunk: usize) -> (Vec<Piece>, bool) {
        let bytes = text.as_bytes();
        let mut scan = Scan::new(0);
        let mut found = Vec::new();
        let mut end = 0;
        while end < bytes.len() {
            end = (end + chunk).min(bytes.len());
            if !scan.feed(&bytes[..end], &mut found) {
                return (found, false);
            }
        }
        (found, scan.closed())
    }

    #[test]
    fn fields_and_events_are_found_in_any_chunks() {
        let text = r#" { "title" : "a, [b]" ,"lanes":[{"id":"x"}], "events" : [ {"a": "}"} , "q\"" ,3 ] , "z": {} } "#;
        for chunk in [1, 2, 3, 7, 1000] {
            let (found, plain) = scan(text, chunk);
            assert!(plain, "chunks of {chunk}");
            let pieces: Vec<String> = found
                .iter()
                .map(|piece| match piece {
                    Piece::Field(key, range) => format!("{key}={}", &text[range.clone()]),
                    Piece::Events => "events".to_owned(),
                    Piece::Event(range) => format!("<{}>", &text[range.clone()]),
                    Piece::Closed => "closed".to_owned(),
                })
                .collect();
            assert_eq!(
                pieces,
                [
                    r#"title="a, [b]""#,
                    r#"lanes=[{"id":"x"}]"#,
                    "events",
                    r#"<{"a": "}"}>"#,
                    r#"<"q\"">"#,
                    "<3>",
                    "z={}",
                    "closed"
                ],
                "chunks of {chunk}"
            );
        }
    }

    #[test]
    fn keys_are_read_with_their_escapes() {
        let (found, plain) = scan(r#"{"ev\u0065nts": []}"#, 4);
        assert!(plain);
        assert_eq!(found, [Piece::Events, Piece::Closed]);
    }

    #[test]
    fn an_outer_structure_that_is_not_plain_stops_the_scan() {
        for text in [
            "x",
            "[]",
            r#"{"a" 1}"#,
            r#"{"a": 1,}"#,
            r#"{,}"#,
            r#"{"a": 1]}"#,
            r#"{"events": 1}"#,
            r#"{"events": [1,,2]}"#,
            r#"{"events": [,]}"#,
            r#"{"events": [1,]}"#,
            r#"{"events": [1}"#,
            r#"{"events": [], "events": []}"#,
            r#"{"events": [] x}"#,
            "{} x",
        ] {
            assert!(!scan(text, 1).1, "{text}");
        }
        // Unfinished is not refused, only not closed.
        assert_eq!(scan(r#"{"events": [1"#, 3), (vec![Piece::Events], false));
    }
}
