//! Problems found in input, located, and the result of a load that worked.

use std::fmt;

use super::super::Dataset;

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
    pub message: String,
}

impl Problem {
    pub(crate) fn error(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            kind: ProblemKind::Error,
            location,
            message: message.into(),
        }
    }

    pub(crate) fn warning(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            kind: ProblemKind::Warning,
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ProblemKind::Error => "error",
            ProblemKind::Warning => "warning",
        };
        write!(f, "{kind}: {}: {}", self.location, self.message)
    }
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
            Location::Named(_) | Location::File | Location::Text { .. } | Location::Byte(_) => {}
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

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Named(name) => f.write_str(name),
            Location::File => f.write_str("file"),
            Location::Text { line, column } => write!(f, "line {line}, column {column}"),
            Location::Byte(offset) => write!(f, "byte {offset}"),
            Location::Part { part, inner } => {
                let empty = inner.is_empty();
                match part {
                    Part::Top if empty => f.write_str("top level")?,
                    Part::Top => {}
                    Part::Dataset => f.write_str("dataset")?,
                    Part::Events => f.write_str("events")?,
                    Part::Title => f.write_str("title")?,
                    Part::Lane(i) => write!(f, "lanes[{i}]")?,
                    Part::Era(i) => write!(f, "eras[{i}]")?,
                    Part::Theme(i) => write!(f, "themes[{i}]")?,
                }
                if !empty && *part != Part::Top {
                    f.write_str(", ")?;
                }
                inner.fmt(f)
            }
            Location::Event { index, id, inner } => {
                write!(f, "event {index}")?;
                if let Some(id) = id {
                    write!(f, " (id \"{id}\")")?;
                }
                if !inner.is_empty() {
                    f.write_str(", ")?;
                }
                inner.fmt(f)
            }
            Location::Row { row, column } => {
                write!(f, "row {row}")?;
                match column {
                    Some(Column::Named(name)) => write!(f, ", column `{name}`"),
                    Some(Column::Number(n)) => write!(f, ", column {n}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl Inner {
    fn is_empty(&self) -> bool {
        self.item.is_none() && self.field.is_none() && self.language.is_none()
    }
}

impl fmt::Display for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(Item::Media(i)) => write!(f, "media[{i}]")?,
            Some(Item::Source(i)) => write!(f, "sources[{i}]")?,
            Some(Item::SourceTitled(title)) => write!(f, "source \"{title}\"")?,
            None => {}
        }
        if let Some(field) = &self.field {
            if self.item.is_some() {
                f.write_str(", ")?;
            }
            write!(f, "field `{field}`")?;
        }
        if let Some(language) = &self.language {
            write!(f, " ({language})")?;
        }
        Ok(())
    }
}

/// Where each problem is, as the author reads it: for tests that pin the
/// locations a file's problems are reported at.
#[cfg(test)]
pub(crate) fn locations(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.location.to_string()).collect()
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
        let mut problems = vec![
            Problem::error(at(10), "a"),
            Problem::error(
                Location::Row {
                    row: 2,
                    column: None,
                },
                "b",
            ),
            Problem::warning(at(10).field("x"), "c"),
            Problem::error(Location::part(Part::Dataset), "d"),
            Problem::error(at(9), "e"),
        ];
        sort_by_position(&mut problems);
        let order: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(order, ["d", "b", "e", "a", "c"]);
    }
}
