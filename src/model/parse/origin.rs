//! Where an event came from, and how each format names a native field, so
//! that messages point into the file the author wrote.

use super::problem::{Inner, Location};

/// Where an event or era came from, so that messages point into the file the
/// author wrote: "event 3 (id \"x\"), field `end`" for JSON, "row 5, column
/// `End Year`" for a spreadsheet.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    /// "event 3 (id \"x\")" or "row 5".
    pub at: Location,
    /// The event's index or the row's number: 3 or 5 above.
    pub number: usize,
    /// How the importer's format names a native field.
    pub style: FieldStyle,
    /// Where each field was written, for a format that can say (the plain
    /// text format: the line and column of each field); empty otherwise.
    pub fields: Box<[(&'static str, Location)]>,
}

/// The naming scheme of the format an event was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldStyle {
    /// Native JSON: "field `end`".
    Native,
    /// TimelineJS3 JSON: "field `end_date`".
    TimelineJs,
    /// TimelineJS spreadsheet: "column `End Year`".
    Sheet,
    /// The plain text format: "line 3, column 7", from `Origin::fields`.
    Text,
}

impl Origin {
    /// A native or TimelineJS event, by index and id if it has one.
    pub(crate) fn event(index: usize, id: Option<&str>, style: FieldStyle) -> Origin {
        Origin {
            at: Location::Event {
                index,
                id: id.map(str::to_owned),
                inner: Inner::default(),
            },
            number: index,
            style,
            fields: Box::default(),
        }
    }

    /// A spreadsheet row, numbered as the spreadsheet shows it (header is row 1).
    pub(crate) fn row(row: usize) -> Origin {
        Origin {
            at: Location::Row { row, column: None },
            number: row,
            style: FieldStyle::Sheet,
            fields: Box::default(),
        }
    }

    /// An event of a plain text file, at the line (from 1) where it starts,
    /// with where each of its fields was written.
    pub(crate) fn text(line: usize, fields: Vec<(&'static str, Location)>) -> Origin {
        Origin {
            at: Location::Text { line, column: 1 },
            number: line,
            style: FieldStyle::Text,
            fields: fields.into(),
        }
    }

    /// "event 3" or "row 5": the location without the id, for one event of
    /// this format numbered `number`.
    pub(super) fn short(style: FieldStyle, number: usize) -> Location {
        match style {
            FieldStyle::Sheet => Location::Row {
                row: number,
                column: None,
            },
            FieldStyle::Text => Location::Text {
                line: number,
                column: 1,
            },
            FieldStyle::Native | FieldStyle::TimelineJs => Location::Event {
                index: number,
                id: None,
                inner: Inner::default(),
            },
        }
    }

    /// The location of one field, named as the source format names it.
    pub(crate) fn field(&self, native: &str) -> Location {
        if let Some((_, at)) = self.fields.iter().find(|(name, _)| *name == native) {
            return at.clone();
        }
        let name = match self.style {
            FieldStyle::Native | FieldStyle::Text => native,
            FieldStyle::TimelineJs => match native {
                "id" => "unique_id",
                "title" => "text.headline",
                "summary" => "text.text",
                "start" => "start_date",
                "end" => "end_date",
                "lane" => "group",
                other => other,
            },
            FieldStyle::Sheet => match native {
                "id" | "title" => "Headline",
                "summary" => "Text",
                "start" => "Year",
                "end" => "End Year",
                "lane" => "Group",
                "display_date" => "Display Date",
                "media" => "Media",
                other => other,
            },
        };
        self.at.field(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_name_events_and_rows() {
        let at = |origin: Origin| origin.at.to_string();
        assert_eq!(
            at(Origin::event(12, Some("x"), FieldStyle::Native)),
            "event 12 (id \"x\")"
        );
        assert_eq!(
            at(Origin::event(0, None, FieldStyle::TimelineJs)),
            "event 0"
        );
        assert_eq!(at(Origin::row(5)), "row 5");
        assert_eq!(Origin::short(FieldStyle::Sheet, 5).to_string(), "row 5");
        assert_eq!(Origin::short(FieldStyle::Native, 3).to_string(), "event 3");
        let event = Origin::event(2, Some("x"), FieldStyle::TimelineJs);
        assert_eq!(
            event.field("end").to_string(),
            "event 2 (id \"x\"), field `end_date`"
        );
        assert_eq!(
            Origin::row(5).field("end").to_string(),
            "row 5, column `End Year`"
        );
        let text = Origin::text(3, vec![("id", Location::Text { line: 4, column: 7 })]);
        assert_eq!(text.field("id").to_string(), "line 4, column 7");
        assert_eq!(
            text.field("lane").to_string(),
            "line 3, column 1",
            "a field not written is located at the event's line"
        );
        assert_eq!(
            Origin::short(FieldStyle::Text, 3).to_string(),
            "line 3, column 1"
        );
    }
}
