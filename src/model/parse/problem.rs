//! Problems found in input, located, and the result of a load that worked.

use std::fmt;

use super::super::{Dataset, Date};
use crate::i18n::{Locale, Msg};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Something was left out: an event, or the whole file.
    Error,
    /// Loaded, but something was ignored or guessed.
    Warning,
}

/// One thing wrong with the input, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub kind: ProblemKind,
    /// Where: "line 3, column 7" or "event 4 (id \"treaty\"), field `start`".
    pub location: Location,
    /// What is wrong and what was expected.
    pub message: Message,
}

impl Problem {
    pub(crate) fn error(location: Location, message: impl Into<Message>) -> Problem {
        Problem {
            kind: ProblemKind::Error,
            location,
            message: message.into(),
        }
    }

    pub(crate) fn warning(location: Location, message: impl Into<Message>) -> Problem {
        Problem {
            kind: ProblemKind::Warning,
            location,
            message: message.into(),
        }
    }
}

impl Problem {
    /// The problem as one line in `locale`: "error: line 3, column 7: …".
    pub fn text_in(&self, locale: Locale) -> String {
        let kind = match self.kind {
            ProblemKind::Error => Msg::ProblemLineError,
            ProblemKind::Warning => Msg::ProblemLineWarning,
        };
        locale.f(
            kind,
            &[
                ("location", &self.location.text_in(locale)),
                ("message", &self.message.text_in(locale)),
            ],
        )
    }
}

/// In English, as the CLI and the tests read it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Locale::ENGLISH))
    }
}

/// What a problem says: a key of the interface's tables (`src/i18n/*.toml`)
/// with its arguments, written in the reader's language when shown
/// ([`Message::text_in`]). Its English text is kept too: `Display`, the CLI
/// and the tests read that, and it derefs to it (`message.contains(..)`).
///
/// Every message has a key: there is no conversion from a `String`, so a
/// problem written with `format!` does not compile. For a new problem, add a
/// key to en.toml and ja.toml whose text names each value as a placeholder,
/// e.g. `p_lane_unknown = "lane `{lane}` is not declared"`, and write
/// `Message::new(Msg::PLaneUnknown).with("lane", &id)`. A value that is
/// itself words (a noun such as "lane", another problem) is a message too,
/// set with [`Message::with_message`], so it is translated as well.
#[derive(Clone, Debug)]
pub struct Message {
    /// The message's key.
    key: Msg,
    /// The placeholders' values by name.
    args: Vec<(&'static str, Arg)>,
    /// The text in English.
    english: String,
}

/// The value of a placeholder.
#[derive(Clone, Debug)]
enum Arg {
    /// Written as is in every language: a field name, a number, text from
    /// the file, a library's own message.
    Verbatim(String),
    /// A message of its own, translated as well.
    Message(Message),
    /// A place in the file, written in the reader's language.
    Location(Location),
    /// A date, written as the reader's language writes dates.
    Date(Date),
    /// Text written ahead in every language, in [`Locale::all`]'s order.
    Written(Box<[String]>),
}

impl Message {
    /// The message `key`, with no arguments yet.
    pub fn new(key: Msg) -> Message {
        Message {
            key,
            args: Vec::new(),
            english: Locale::ENGLISH.t(key).to_owned(),
        }
    }

    /// With placeholder `name` set to `value`, written the same in every
    /// language.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Message {
        self.args.push((name, Arg::Verbatim(value.to_string())));
        self.english = self.text_in(Locale::ENGLISH);
        self
    }

    /// With placeholder `name` set to another message, translated as well.
    pub fn with_message(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Message(value)));
        self.english = self.text_in(Locale::ENGLISH);
        self
    }

    /// With placeholder `name` set to a place in the file.
    pub fn with_location(mut self, name: &'static str, value: Location) -> Message {
        self.args.push((name, Arg::Location(value)));
        self.english = self.text_in(Locale::ENGLISH);
        self
    }

    /// With placeholder `name` set to a date.
    pub fn with_date(mut self, name: &'static str, value: Date) -> Message {
        self.args.push((name, Arg::Date(value)));
        self.english = self.text_in(Locale::ENGLISH);
        self
    }

    /// A message written ahead in every language, in [`Locale::all`]'s
    /// order: one found by annals' import module, which sends its problems
    /// as text (see `model::import::read_converted`).
    pub fn written(texts: Box<[String]>) -> Message {
        let english = written_in(&texts, Locale::ENGLISH).to_owned();
        Message {
            key: Msg::PWritten,
            args: vec![("text", Arg::Written(texts))],
            english,
        }
    }

    /// The message in `locale`.
    pub fn text_in(&self, locale: Locale) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| match arg {
                Arg::Verbatim(text) => (*name, text.clone()),
                Arg::Message(message) => (*name, message.text_in(locale)),
                Arg::Location(location) => (*name, location.text_in(locale)),
                Arg::Date(date) => (*name, locale.dates().date(date)),
                Arg::Written(texts) => (*name, written_in(texts, locale).to_owned()),
            })
            .collect();
        let args: Vec<(&str, &dyn fmt::Display)> = values
            .iter()
            .map(|(name, text)| (*name, text as &dyn fmt::Display))
            .collect();
        locale.f(self.key, &args)
    }

    /// The message's key and the keys of the messages inside it, outermost
    /// first: for tests that check what each reads as.
    pub fn keys(&self) -> Vec<Msg> {
        let mut keys = vec![self.key];
        for (_, arg) in &self.args {
            if let Arg::Message(message) = arg {
                keys.extend(message.keys());
            }
        }
        keys
    }

    /// The English text.
    pub fn as_str(&self) -> &str {
        &self.english
    }
}

impl From<Message> for String {
    fn from(message: Message) -> String {
        message.english
    }
}

impl std::ops::Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

/// Two messages are equal when they read the same in English.
impl PartialEq for Message {
    fn eq(&self, other: &Message) -> bool {
        self.english == other.english
    }
}

impl Eq for Message {}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

/// The text for `locale` of texts written in [`Locale::all`]'s order (the
/// first, English, when there is none for it).
fn written_in(texts: &[String], locale: Locale) -> &str {
    texts
        .get(locale.position())
        .or(texts.first())
        .map_or("", String::as_str)
}

/// A dataset that loaded, with whatever problems were found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The events that passed every check.
    pub dataset: Dataset,
    /// Errors for events that were left out, and warnings.
    pub problems: Vec<Problem>,
}
/// Puts problems in file order: dataset-level ones first, then by event index
/// or row, keeping the order found within each.
pub(super) fn sort_by_position(problems: &mut Vec<Problem>) {
    crate::order::sort_by_key(problems, |p| {
        let (part, position) = p.location.file_order();
        (u64::from(part), position as u64)
    });
}

/// Where a problem is, in the terms of the file the author wrote. Shown with
/// [`Display`](fmt::Display): "line 3, column 7", "event 4 (id \"treaty\"),
/// field `start`", "row 5, column `End Year`".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A whole input the app names: a file name or a URL.
    Named(String),
    /// The file as a whole, read a second time: "file".
    File,
    /// Line and column of the text, both from 1 (JSON syntax, and every
    /// problem of the plain text format).
    Text {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// A byte offset in the file (the text encoding).
    Byte(usize),
    /// A part of the file outside its events (the dataset's own fields,
    /// lanes, eras), and where inside it.
    Part {
        /// Which part.
        part: Part,
        /// Where inside it.
        inner: Inner,
    },
    /// One event of a JSON file, by index and by id when it has one.
    Event {
        /// Index in the file's `events` array, from 0.
        index: usize,
        /// The event's id as written, if it has one.
        id: Option<String>,
        /// Where inside the event; fields are named as the format names them.
        inner: Inner,
    },
    /// One spreadsheet row, numbered as a spreadsheet shows it (the header
    /// is row 1), and the column if one.
    Row {
        /// Row number, from 1.
        row: usize,
        /// The column, if one.
        column: Option<Column>,
    },
    /// A place written ahead in every language, in [`Locale::all`]'s order:
    /// where annals' import module found a problem (it sends its problems as
    /// text, see `model::import::read_converted`).
    Written(Box<[String]>),
}

/// A part of a file outside its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// The top-level object: "top level", or just the field.
    Top,
    /// The dataset's own fields: "dataset".
    Dataset,
    /// The events as a whole: "events".
    Events,
    /// The title slide of a TimelineJS file: "title".
    Title,
    /// One of `lanes`: `lanes[2]`.
    Lane(usize),
    /// One of `eras`: `eras[0]`.
    Era(usize),
    /// One of `themes`: `themes[1]`.
    Theme(usize),
    /// One of the dataset's `actors`: `actors[0]`.
    Actor(usize),
}

/// Where inside an event or part: a sub-item, a field, a translation. Each
/// is optional; an empty `Inner` is the event or part itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inner {
    /// A media item or source inside it.
    pub item: Option<Item>,
    /// The field, named as the file's format names it ("start_date.year").
    pub field: Option<String>,
    /// The translation of a translated text.
    pub language: Option<String>,
}

/// A media item or source inside an event or the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// `media[i]`.
    Media(usize),
    /// `sources[i]`.
    Source(usize),
    /// A source, by its title: `source "Title"`.
    SourceTitled(String),
}

/// A spreadsheet column, by header name or by number (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// By the name in the header row: "column `End Year`".
    Named(String),
    /// By number, when the name does not tell it apart: "column 3".
    Number(usize),
}

impl Location {
    /// The whole of `part`.
    pub(crate) fn part(part: Part) -> Location {
        Location::Part {
            part,
            inner: Inner::default(),
        }
    }

    /// The same place, narrowed to field `name` (for a row: its column).
    pub(crate) fn field(&self, name: &str) -> Location {
        let mut at = self.clone();
        match &mut at {
            Location::Part { inner, .. } | Location::Event { inner, .. } => {
                inner.field = Some(name.to_owned());
            }
            Location::Row { column, .. } => *column = Some(Column::Named(name.to_owned())),
            Location::Named(_)
            | Location::Written(_)
            | Location::File
            | Location::Text { .. }
            | Location::Byte(_) => {}
        }
        at
    }

    /// The same place, narrowed to a media item or source.
    pub(crate) fn item(&self, item: Item) -> Location {
        let mut at = self.clone();
        if let Location::Part { inner, .. } | Location::Event { inner, .. } = &mut at {
            inner.item = Some(item);
        }
        at
    }

    /// The same place, narrowed to the translation into `language`.
    pub(crate) fn language(mut self, language: &str) -> Location {
        if let Location::Part { inner, .. } | Location::Event { inner, .. } = &mut self {
            inner.language = Some(language.to_owned());
        }
        self
    }

    /// Where the problem comes in the file, for listing problems in file
    /// order: everything outside the events first, then by event, row or
    /// line.
    pub(crate) fn file_order(&self) -> (u8, usize) {
        match self {
            Location::Event { index, .. } => (1, *index),
            Location::Row { row, .. } => (1, *row),
            Location::Text { line, .. } => (1, *line),
            _ => (0, 0),
        }
    }
}

impl Location {
    /// Where, in `locale`: "line 3, column 7", "3行目、7列目".
    pub fn text_in(&self, l: Locale) -> String {
        match self {
            Location::Named(name) => name.clone(),
            Location::Written(texts) => written_in(texts, l).to_owned(),
            Location::File => l.t(Msg::LocFile).to_owned(),
            Location::Text { line, column } => {
                l.f(Msg::LocLineColumn, &[("line", line), ("column", column)])
            }
            Location::Byte(offset) => l.f(Msg::LocByte, &[("offset", offset)]),
            Location::Part { part, inner } => {
                let empty = inner.is_empty();
                let mut out = match part {
                    Part::Top if empty => l.t(Msg::LocTop).to_owned(),
                    Part::Top => String::new(),
                    Part::Dataset => l.t(Msg::LocDataset).to_owned(),
                    Part::Events => l.t(Msg::LocEvents).to_owned(),
                    Part::Title => l.t(Msg::LocTitle).to_owned(),
                    Part::Lane(i) => format!("lanes[{i}]"),
                    Part::Era(i) => format!("eras[{i}]"),
                    Part::Theme(i) => format!("themes[{i}]"),
                    Part::Actor(i) => format!("actors[{i}]"),
                };
                if !empty && *part != Part::Top {
                    out.push_str(l.t(Msg::LocSeparator));
                }
                out.push_str(&inner.text_in(l));
                out
            }
            Location::Event { index, id, inner } => {
                let mut out = match id {
                    Some(id) => l.f(Msg::LocEventId, &[("index", index), ("id", id)]),
                    None => l.f(Msg::LocEvent, &[("index", index)]),
                };
                if !inner.is_empty() {
                    out.push_str(l.t(Msg::LocSeparator));
                }
                out.push_str(&inner.text_in(l));
                out
            }
            Location::Row { row, column } => {
                let row = l.f(Msg::LocRow, &[("row", row)]);
                match column {
                    Some(Column::Named(name)) => {
                        l.f(Msg::LocRowColumnNamed, &[("row", &row), ("column", name)])
                    }
                    Some(Column::Number(n)) => {
                        l.f(Msg::LocRowColumnNumber, &[("row", &row), ("column", n)])
                    }
                    None => row,
                }
            }
        }
    }
}

/// In English, as the CLI and the tests read it.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Locale::ENGLISH))
    }
}

impl Inner {
    fn is_empty(&self) -> bool {
        self.item.is_none() && self.field.is_none() && self.language.is_none()
    }

    fn text_in(&self, l: Locale) -> String {
        let mut out = match &self.item {
            Some(Item::Media(i)) => format!("media[{i}]"),
            Some(Item::Source(i)) => format!("sources[{i}]"),
            Some(Item::SourceTitled(title)) => l.f(Msg::LocSourceTitled, &[("title", title)]),
            None => String::new(),
        };
        if let Some(field) = &self.field {
            if self.item.is_some() {
                out.push_str(l.t(Msg::LocSeparator));
            }
            out.push_str(&l.f(Msg::LocField, &[("field", field)]));
        }
        if let Some(language) = &self.language {
            out.push_str(&l.f(Msg::LocLanguage, &[("language", language)]));
        }
        out
    }
}

/// Where each problem is, as the author reads it: for tests that pin the
/// locations a file's problems are reported at.
#[cfg(test)]
pub(crate) fn locations(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.location.to_string()).collect()
}

/// Checks that `message` reads in Japanese (kana in it, and not its English
/// text) and gives its keys: for tests that walk every problem a reader can
/// meet.
#[cfg(test)]
pub(crate) fn japanese_keys(message: &Message, context: &str) -> Vec<Msg> {
    let ja = message.text_in(Locale::of("ja"));
    assert_ne!(ja, message.as_str(), "{context}");
    assert!(
        ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "{context}: {ja:?} is not Japanese"
    );
    message.keys()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_read_as_before() {
        let event = Location::Event {
            index: 4,
            id: Some("treaty".into()),
            inner: Inner::default(),
        };
        let cases = [
            (Location::Text { line: 3, column: 7 }, "line 3, column 7"),
            (Location::Byte(12), "byte 12"),
            (Location::File, "file"),
            (Location::Named("data.csv".into()), "data.csv"),
            (Location::part(Part::Top), "top level"),
            (Location::part(Part::Top).field("scale"), "field `scale`"),
            (Location::part(Part::Events), "events"),
            (
                Location::part(Part::Title).field("media"),
                "title, field `media`",
            ),
            (
                Location::part(Part::Dataset).field("title"),
                "dataset, field `title`",
            ),
            (
                Location::part(Part::Dataset)
                    .item(Item::Source(2))
                    .field("url"),
                "dataset, sources[2], field `url`",
            ),
            (Location::part(Part::Lane(2)), "lanes[2]"),
            (
                Location::part(Part::Theme(1)).field("label"),
                "themes[1], field `label`",
            ),
            (
                Location::part(Part::Era(0)).field("end"),
                "eras[0], field `end`",
            ),
            (event.clone(), "event 4 (id \"treaty\")"),
            (
                event.field("start"),
                "event 4 (id \"treaty\"), field `start`",
            ),
            (
                event.field("summary").language("ja"),
                "event 4 (id \"treaty\"), field `summary` (ja)",
            ),
            (
                event.item(Item::Media(0)).field("alt"),
                "event 4 (id \"treaty\"), media[0], field `alt`",
            ),
            (
                event.item(Item::SourceTitled("S".into())).field("url"),
                "event 4 (id \"treaty\"), source \"S\", field `url`",
            ),
            (
                Location::Event {
                    index: 0,
                    id: None,
                    inner: Inner::default(),
                },
                "event 0",
            ),
            (
                Location::Row {
                    row: 5,
                    column: None,
                },
                "row 5",
            ),
            (
                Location::Row {
                    row: 5,
                    column: None,
                }
                .field("End Year"),
                "row 5, column `End Year`",
            ),
            (
                Location::Row {
                    row: 1,
                    column: Some(Column::Number(3)),
                },
                "row 1, column 3",
            ),
        ];
        for (location, text) in cases {
            assert_eq!(location.to_string(), text);
        }
    }

    #[test]
    fn problems_sort_into_file_order() {
        let at = |index| Location::Event {
            index,
            id: None,
            inner: Inner::default(),
        };
        let says = |text: &str| Message::new(Msg::PInvalidValue).with("detail", text);
        let mut problems = vec![
            Problem::error(at(10), says("a")),
            Problem::error(
                Location::Row {
                    row: 2,
                    column: None,
                },
                says("b"),
            ),
            Problem::warning(at(10).field("x"), says("c")),
            Problem::error(Location::part(Part::Dataset), says("d")),
            Problem::error(at(9), says("e")),
        ];
        sort_by_position(&mut problems);
        let order: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(order, ["d", "b", "e", "a", "c"]);
    }
}
