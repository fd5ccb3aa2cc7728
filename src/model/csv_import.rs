//! Importing the TimelineJS spreadsheet template, saved as CSV.
//!
//! Columns are matched by header, ignoring case and surrounding space: Year,
//! Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
//! Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type,
//! Group, Background. A row whose Type is `title` gives the dataset's title
//! and description; `era` rows give eras; every other row is an event, with
//! an id made from its headline. Text cells may hold HTML, which is reduced to
//! the Markdown subset as for TimelineJS JSON.
//!
//! Problems are located as the spreadsheet shows them: "row 5, column `Month`",
//! with the header as row 1, a cell spanning several lines counting once, and
//! blank lines counting as rows.

use std::collections::{HashMap, HashSet};

use super::parse::{assemble, make_era, Draft, Header, Origin, DEFAULT_LANGUAGE};
use super::timelinejs::{plain, unique_slug, DateParts};
use super::{html, Loaded, Media, Problem, Status, Text};

/// The template's columns, in its order; also the order [`super::to_csv`] writes.
pub const COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// Parses a TimelineJS spreadsheet saved as CSV.
pub fn parse_csv(text: &str) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header =
        match records.next() {
            Some(Ok(header)) => header,
            Some(Err(e)) => {
                return Err(vec![Problem::error(
                    "row 1",
                    format!("the header row could not be read: {e}"),
                )])
            }
            None => return Err(vec![Problem::error(
                "row 1",
                "the file is empty; expected a header row such as `Year,Month,Day,…,Headline,Text`",
            )]),
        };
    let mut problems = Vec::new();
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.trim();
        match COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(name)) {
            Some(column) if columns.contains_key(column) => problems.push(Problem::warning(
                format!("row 1, column {}", index + 1),
                format!("column `{column}` appears twice; the first one is used"),
            )),
            Some(column) => {
                columns.insert(column, index);
            }
            None if name.is_empty() => {}
            None => problems.push(Problem::warning(
                format!("row 1, column `{name}`"),
                format!("`{name}` is not a TimelineJS column; it was ignored"),
            )),
        }
    }
    if !columns.contains_key("Year") {
        problems.push(Problem::error(
            "row 1",
            "no `Year` column: the first row should name the TimelineJS columns, e.g. `Year,Month,Day,Time,…,Headline,Text`",
        ));
        return Err(problems);
    }

    let mut sheet = Header {
        language: DEFAULT_LANGUAGE.to_owned(),
        ..Header::default()
    };
    let mut drafts = Vec::new();
    let mut used_ids = HashSet::new();
    let mut titled = false;
    // Rows as a spreadsheet shows them: the record's line in the file, less the
    // line breaks inside earlier cells. (Blank lines, which the reader skips,
    // still count, as they do in a spreadsheet.)
    let mut lines = Lines {
        text,
        byte: 0,
        line: 1,
        breaks_in_cells: line_breaks(&header),
        last_row: 1,
    };
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let row = lines.row(e.position().map(csv::Position::byte));
                problems.push(Problem::error(
                    format!("row {row}"),
                    format!("the row could not be read: {e}"),
                ));
                continue;
            }
        };
        let row = lines.row(record.position().map(csv::Position::byte));
        lines.breaks_in_cells += line_breaks(&record);
        let cell = |column: &str| -> String {
            columns
                .get(column)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .unwrap_or_default()
                .to_owned()
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = |column: &str| format!("row {row}, column `{column}`");
        for column in ["Background", "Media Thumbnail"] {
            if !cell(column).is_empty() {
                problems.push(Problem::warning(
                    at(column),
                    format!("`{column}` is not supported; it was ignored"),
                ));
            }
        }
        let kind = cell("Type").to_ascii_lowercase();
        match kind.as_str() {
            "title" => {
                if titled {
                    problems.push(Problem::warning(at("Type"), "a second title row was ignored"));
                } else {
                    titled = true;
                    sheet.title = Text::plain(plain(&cell("Headline")));
                    sheet.description = Text::plain(html::to_markdown(&cell("Text")));
                }
                continue;
            }
            "era" => {
                let mut errors = Vec::new();
                let start = date(&cell, "", row, &mut errors);
                let end = if cell("End Year").is_empty() {
                    errors.push(Problem::error(at("End Year"), "an era needs an end year"));
                    None
                } else {
                    date(&cell, "End ", row, &mut errors)
                };
                if let (Some(start), Some(end), true) = (start, end, errors.is_empty()) {
                    let title = Text::plain(plain(&cell("Headline")));
                    if let Some(era) = make_era(None, title, start, end, &at("End Year"), &mut problems) {
                        sheet.eras.push(era);
                    }
                }
                problems.extend(errors);
                continue;
            }
            "" => {}
            other => problems.push(Problem::warning(
                at("Type"),
                format!("unknown type \"{other}\"; the row was read as an event (types are `title`, `era` or empty)"),
            )),
        }

        let mut errors = Vec::new();
        let start = date(&cell, "", row, &mut errors);
        let end = if cell("End Year").is_empty() {
            None
        } else {
            date(&cell, "End ", row, &mut errors)
        };
        let Some(start) = start.filter(|_| errors.is_empty()) else {
            problems.extend(errors);
            continue;
        };
        let display_date = Some(plain(&cell("Display Date"))).filter(|d| !d.is_empty());
        let mut title = plain(&cell("Headline"));
        if title.is_empty() {
            title = display_date.clone().unwrap_or_else(|| start.display());
            problems.push(Problem::warning(
                at("Headline"),
                format!("the row has no headline; \"{title}\" is used as its title"),
            ));
        }
        let media_url = cell("Media");
        let media = if media_url.is_empty() {
            Vec::new()
        } else {
            vec![Media {
                url: media_url,
                alt: Text::default(),
                caption: Text::plain(plain(&cell("Media Caption"))),
                credit: Text::plain(plain(&cell("Media Credit"))),
            }]
        };
        drafts.push(Draft {
            id: unique_slug(&title, &mut used_ids),
            title: Text::plain(title),
            start,
            end,
            circa: false,
            display_date: display_date.map(Text::plain),
            status: Status::Occurred,
            lane: Some(plain(&cell("Group"))).filter(|g| !g.is_empty()),
            actors: Vec::new(),
            tags: Vec::new(),
            summary: Text::plain(html::to_markdown(&cell("Text"))),
            media,
            sources: Vec::new(),
            related: Vec::new(),
            importance: None,
            origin: Origin::row(row),
        });
    }
    assemble(sheet, drafts, problems)
}

/// Turns record offsets into spreadsheet rows. The reader's own line count
/// skips blank lines, so lines are counted here from byte offsets.
struct Lines<'a> {
    text: &'a str,
    /// Offset up to which line breaks have been counted.
    byte: usize,
    /// Line number at `byte`.
    line: usize,
    /// Line breaks inside the cells of the records so far.
    breaks_in_cells: usize,
    /// The row of the previous record.
    last_row: usize,
}

impl Lines<'_> {
    fn row(&mut self, byte: Option<u64>) -> usize {
        let mut byte = byte.map_or(self.byte, |b| {
            (b as usize).clamp(self.byte, self.text.len())
        });
        // A record's offset is where the previous one ended, before any blank lines.
        while matches!(self.text.as_bytes().get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        self.line += self.text.as_bytes()[self.byte..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.byte = byte;
        let row = (self.line - self.breaks_in_cells.min(self.line - 1)).max(self.last_row + 1);
        self.last_row = row;
        row
    }
}

fn line_breaks(record: &csv::StringRecord) -> usize {
    record.iter().map(|cell| cell.matches('\n').count()).sum()
}

/// Reads the date in the Year…Time columns, or End Year…End Time with
/// `prefix` "End ".
fn date(
    cell: &dyn Fn(&str) -> String,
    prefix: &str,
    row: usize,
    errors: &mut Vec<Problem>,
) -> Option<crate::model::Date> {
    let column = |name: &str| format!("{prefix}{name}");
    let some = |s: String| Some(s).filter(|s| !s.is_empty());
    let mut parts = DateParts {
        year: some(cell(&column("Year"))),
        month: some(cell(&column("Month"))),
        day: some(cell(&column("Day"))),
        hour: None,
        minute: None,
    };
    let time = cell(&column("Time"));
    if !time.is_empty() {
        match parse_time(&time) {
            Some((hour, minute)) => {
                parts.hour = Some(hour.to_string());
                parts.minute = Some(minute.to_string());
            }
            None => {
                errors.push(Problem::error(
                    format!("row {row}, column `{}`", column("Time")),
                    format!("`{time}` is not a time of day; write e.g. 14:05 or 2:05 PM"),
                ));
                return None;
            }
        }
    }
    match parts.to_date() {
        Ok(date) => Some(date),
        Err((part, message)) => {
            let name = match part {
                "year" => "Year",
                "month" => "Month",
                "day" => "Day",
                _ => "Time",
            };
            errors.push(Problem::error(
                format!("row {row}, column `{}`", column(name)),
                message,
            ));
            None
        }
    }
}

/// "14:05", "14:05:30", "2:05 PM" or "2 pm" → (hour, minute).
fn parse_time(text: &str) -> Option<(u32, u32)> {
    let lower = text.trim().to_ascii_lowercase();
    let (clock, offset) = if let Some(rest) = lower.strip_suffix("pm") {
        (rest.trim(), Some(12))
    } else if let Some(rest) = lower.strip_suffix("am") {
        (rest.trim(), Some(0))
    } else {
        (lower.as_str(), None)
    };
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.trim().parse().ok()?;
    let minute: u32 = match parts.next() {
        Some(m) => m.trim().parse().ok()?,
        None if offset.is_some() => 0,
        None => return None,
    };
    if let Some(seconds) = parts.next() {
        seconds
            .trim()
            .split('.')
            .next()?
            .parse::<u32>()
            .ok()
            .filter(|s| *s < 60)?;
    }
    if parts.next().is_some() || minute > 59 {
        return None;
    }
    let hour = match offset {
        Some(offset) if (1..=12).contains(&hour) => hour % 12 + offset,
        Some(_) => return None,
        None if hour <= 23 => hour,
        None => return None,
    };
    Some((hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, ProblemKind};

    const FIXTURE: &str = include_str!("../../tests/fixtures/timelinejs-sheet.csv");

    #[test]
    fn imports_the_fixture() {
        let loaded = parse_csv(FIXTURE).expect("the sheet loads");
        assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
        let d = &loaded.dataset;
        assert_eq!(d.title, "Space race");
        assert_eq!(d.description, "A *spreadsheet* sample.");
        assert_eq!(d.eras.len(), 1);
        assert_eq!(d.events.len(), 3);
        let landing = &d.events[d.index_of("apollo-11-lands").unwrap()];
        assert_eq!(landing.start, Date::Minute(1969, 7, 20, 20 * 60 + 17));
        assert_eq!(landing.media[0].credit, "NASA");
        assert_eq!(d.lanes[landing.lane].label, "Spaceflight");
        let sputnik = &d.events[d.index_of("sputnik-1").unwrap()];
        assert_eq!(sputnik.end, Some(Date::Month(1958, 1)));
        assert_eq!(sputnik.display_date.as_deref().unwrap(), "October 1957");
    }

    #[test]
    fn errors_name_row_and_column() {
        let text = "year , Month,Day,Time,End Year,Headline,Colour\n\
                    1998,8,31,,,Fine,red\n\
                    2005,2,30,,,February 30,\n\
                    2005,13,,,,Month 13,\n\
                    2005,,,,2004,Backwards,\n\
                    200000,,,,,Too late,\n\
                    1999,1,1,25:00,,Bad time,\n\
                    x,,,,,Not a year,\n";
        let loaded = parse_csv(text).unwrap();
        assert_eq!(loaded.dataset.events.len(), 1);
        let found: Vec<_> = loaded
            .problems
            .iter()
            .map(|p| (p.kind, p.location.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (ProblemKind::Warning, "row 1, column `Colour`"),
                (ProblemKind::Error, "row 3, column `Day`"),
                (ProblemKind::Error, "row 4, column `Month`"),
                (ProblemKind::Error, "row 5, column `End Year`"),
                (ProblemKind::Error, "row 6, column `Year`"),
                (ProblemKind::Error, "row 7, column `Time`"),
                (ProblemKind::Error, "row 8, column `Year`"),
            ]
        );
    }

    #[test]
    fn rows_are_counted_as_a_spreadsheet_shows_them() {
        // A cell spanning three lines is one row; a blank line is a row.
        let text = "Year,Headline,Text\n2000,A,\"one\ntwo\nthree\"\n2005-x,Bad,\n\n2006-x,Bad after a blank row,\n";
        let loaded = parse_csv(text).unwrap();
        let locations: Vec<_> = loaded
            .problems
            .iter()
            .map(|p| p.location.as_str())
            .collect();
        assert_eq!(locations, ["row 3, column `Year`", "row 5, column `Year`"]);
    }

    #[test]
    fn a_sheet_without_a_year_column_is_refused() {
        let errors = parse_csv("Headline,Text\nA,B\n").unwrap_err();
        assert!(errors[0].message.contains("no `Year` column"));
        assert!(parse_csv("").unwrap_err()[0].message.contains("empty"));
    }

    #[test]
    fn times_of_day() {
        let cases = [
            ("14:05", Some((14, 5))),
            ("2:05 PM", Some((14, 5))),
            ("12 am", Some((0, 0))),
            ("09:30:15", Some((9, 30))),
            ("25:00", None),
            ("noon", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_time(text), expected, "{text}");
        }
    }
}
