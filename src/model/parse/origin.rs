//! Where an event came from, and how each format names a native field, so
//! that messages point into the file the author wrote.

/// Where an event or era came from, so that messages point into the file the
/// author wrote: "event 3 (id \"x\"), field `end`" for JSON, "row 5, column
/// `End Year`" for a spreadsheet.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    /// "event 3 (id \"x\")" or "row 5".
    pub at: String,
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
        // Built by hand rather than with `format!`: every event of a large
        // file gets one, and the formatting machinery was a measurable part
        // of checking it.
        let mut at = String::with_capacity(16 + id.map_or(0, str::len));
        at.push_str("event ");
        push_number(&mut at, index);
        if let Some(id) = id {
            at.push_str(" (id \"");
            at.push_str(id);
            at.push_str("\")");
        }
        Origin {
            at,
            number: index,
            style,
        }
    }

    /// A spreadsheet row, numbered as the spreadsheet shows it (header is row 1).
    pub(crate) fn row(row: usize) -> Origin {
        Origin {
            at: format!("row {row}"),
            number: row,
            style: FieldStyle::Sheet,
        }
    }

    /// "event 3" or "row 5": the location without the id, for one event of
    /// this format numbered `number`.
    pub(super) fn short(style: FieldStyle, number: usize) -> String {
        match style {
            FieldStyle::Sheet => format!("row {number}"),
            FieldStyle::Native | FieldStyle::TimelineJs => format!("event {number}"),
        }
    }

    /// The location of one field, named as the source format names it.
    pub(crate) fn field(&self, native: &str) -> String {
        match self.style {
            FieldStyle::Native => field(&self.at, native),
            FieldStyle::TimelineJs => {
                let name = match native {
                    "id" => "unique_id",
                    "title" => "text.headline",
                    "summary" => "text.text",
                    "start" => "start_date",
                    "end" => "end_date",
                    "lane" => "group",
                    other => other,
                };
                field(&self.at, name)
            }
            FieldStyle::Sheet => {
                let name = match native {
                    "id" | "title" => "Headline",
                    "summary" => "Text",
                    "start" => "Year",
                    "end" => "End Year",
                    "lane" => "Group",
                    "display_date" => "Display Date",
                    "media" => "Media",
                    other => other,
                };
                format!("{}, column `{name}`", self.at)
            }
        }
    }
}
/// Appends `n` in decimal, without the formatting machinery.
pub(super) fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut rest = n;
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

pub(super) fn field(at: &str, name: &str) -> String {
    format!("{at}, field `{name}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_name_events_and_rows() {
        for n in [0, 7, 10, 305, usize::MAX] {
            let mut out = String::from(">");
            push_number(&mut out, n);
            assert_eq!(out, format!(">{n}"));
        }
        assert_eq!(
            Origin::event(12, Some("x"), FieldStyle::Native).at,
            "event 12 (id \"x\")"
        );
        assert_eq!(Origin::event(0, None, FieldStyle::TimelineJs).at, "event 0");
        assert_eq!(Origin::row(5).at, "row 5");
        assert_eq!(Origin::short(FieldStyle::Sheet, 5), "row 5");
        assert_eq!(Origin::short(FieldStyle::Native, 3), "event 3");
    }
}
