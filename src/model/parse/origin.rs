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
        }
    }

    /// A spreadsheet row, numbered as the spreadsheet shows it (header is row 1).
    pub(crate) fn row(row: usize) -> Origin {
        Origin {
            at: Location::Row { row, column: None },
            number: row,
            style: FieldStyle::Sheet,
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
            FieldStyle::Native | FieldStyle::TimelineJs => Location::Event {
                index: number,
                id: None,
                inner: Inner::default(),
            },
        }
    }

    /// The location of one field, named as the source format names it.
    pub(crate) fn field(&self, native: &str) -> Location {
        let name = match self.style {
            FieldStyle::Native => native,
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
    }
}
