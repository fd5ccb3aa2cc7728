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

use super::parse::{assemble, make_era, Column, Draft, Header, Location, Origin, DEFAULT_LANGUAGE};
use super::timelinejs::{plain, unique_slug, DateParts};
use super::{html, Loaded, Media, Message, Problem, Status, Text};
use crate::i18n::Msg;

/// The header row, where problems with the columns are reported.
const HEADER_ROW: Location = Location::Row {
    row: 1,
    column: None,
};

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

/// A cell as [`super::to_csv`] writes it: text that a spreadsheet program
/// would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and is not a plain number such as `-500`) gets a leading
/// apostrophe, which spreadsheets read as "this is text" and do not show. So
/// that reading back is exact, text that already starts with an apostrophe
/// gets one more. [`strip_neutraliser`] undoes it.
pub(crate) fn neutralise_formula(cell: String) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(&cell);
    if risky || cell.starts_with('\'') {
        let mut out = String::with_capacity(cell.len() + 1);
        out.push('\'');
        out.push_str(&cell);
        out
    } else {
        cell
    }
}

/// Undoes [`neutralise_formula`]: drops a leading apostrophe that comes
/// before a formula character or another apostrophe. Any other apostrophe
/// ("'Tis the season") is the author's and stays.
fn strip_neutraliser(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => cell,
    }
}

/// `-500`, `+3`, `12.5`: a number a spreadsheet reads as a number, never as
/// a formula, so it is written as it is (negative years stay numbers).
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
}

/// Parses a TimelineJS spreadsheet saved as CSV.
pub fn parse_csv(text: &str) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records().peekable();
    let unterminated = unterminated_quote(text);
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            return Err(vec![Problem::error(
                HEADER_ROW,
                Message::new(Msg::PHeaderUnreadable).with("detail", e),
            )])
        }
        None => {
            return Err(vec![Problem::error(
                HEADER_ROW,
                Message::new(Msg::PCsvEmpty),
            )])
        }
    };
    if let Some(open) = unterminated.as_ref().filter(|_| records.peek().is_none()) {
        return Err(vec![unterminated_problem(open, 1, text, &header)]);
    }
    let mut problems = Vec::new();
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.trim();
        match COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(name)) {
            Some(column) if columns.contains_key(column) => problems.push(Problem::warning(
                Location::Row {
                    row: 1,
                    column: Some(Column::Number(index + 1)),
                },
                Message::new(Msg::PColumnTwice).with("column", column),
            )),
            Some(column) => {
                columns.insert(column, index);
            }
            None if name.is_empty() => {}
            None => problems.push(Problem::warning(
                HEADER_ROW.field(name),
                Message::new(Msg::PUnknownColumn).with("column", name),
            )),
        }
    }
    if !columns.contains_key("Year") {
        problems.push(Problem::error(HEADER_ROW, Message::new(Msg::PNoYearColumn)));
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
    while let Some(record) = records.next() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let row = lines.row(e.position().map(csv::Position::byte));
                problems.push(Problem::error(
                    Location::Row { row, column: None },
                    Message::new(Msg::PRowUnreadable).with("detail", e),
                ));
                continue;
            }
        };
        let row = lines.row(record.position().map(csv::Position::byte));
        lines.breaks_in_cells += line_breaks(&record);
        if let Some(open) = unterminated.as_ref().filter(|_| records.peek().is_none()) {
            // The last record holds the open quote and everything after it.
            problems.push(unterminated_problem(open, row, text, &header));
            continue;
        }
        let cell = |column: &str| -> String {
            columns
                .get(column)
                .and_then(|&i| record.get(i))
                .map(|cell| strip_neutraliser(cell.trim()))
                .unwrap_or_default()
                .to_owned()
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = |column: &str| Location::Row {
            row,
            column: Some(Column::Named(column.to_owned())),
        };
        for column in ["Background", "Media Thumbnail"] {
            if !cell(column).is_empty() {
                problems.push(Problem::warning(
                    at(column),
                    Message::new(Msg::PColumnUnsupported).with("column", column),
                ));
            }
        }
        let kind = cell("Type").to_ascii_lowercase();
        match kind.as_str() {
            "title" => {
                if titled {
                    problems.push(Problem::warning(
                        at("Type"),
                        Message::new(Msg::PSecondTitleRow),
                    ));
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
                    errors.push(Problem::error(
                        at("End Year"),
                        Message::new(Msg::PEraEndYear),
                    ));
                    None
                } else {
                    date(&cell, "End ", row, &mut errors)
                };
                if let (Some(start), Some(end), true) = (start, end, errors.is_empty()) {
                    let title = Text::plain(plain(&cell("Headline")));
                    if let Some(era) =
                        make_era(None, title, start, end, &at("End Year"), &mut problems)
                    {
                        sheet.eras.push(era);
                    }
                }
                problems.extend(errors);
                continue;
            }
            "" => {}
            other => problems.push(Problem::warning(
                at("Type"),
                Message::new(Msg::PUnknownType).with("type", other),
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
                Message::new(Msg::PRowNoHeadline).with("title", &title),
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

/// Where a quoted cell opens that is never closed.
#[derive(Debug, PartialEq)]
struct OpenQuote {
    /// Line of the file (from 1) of the opening quote.
    line: usize,
    /// Byte offset of the opening quote.
    byte: usize,
    /// Index of the cell within its row.
    cell: usize,
}

/// The quoted cell left open at the end of `text`, read as the `csv` reader
/// reads it (RFC 4180: a quote opens a cell only as its first character, and
/// `""` inside a quoted cell is a quote). The reader itself ends such a cell
/// at the end of the file without a word, taking every row after it along.
fn unterminated_quote(text: &str) -> Option<OpenQuote> {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut at = At::CellStart;
    let (mut line, mut cell) = (1, 0);
    let mut open = None;
    for (byte, b) in text.bytes().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        at = match (at, b) {
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (At::CellStart, b'"') => {
                open = Some(OpenQuote { line, byte, cell });
                At::Quoted
            }
            (_, b',') => {
                cell += 1;
                At::CellStart
            }
            (_, b'\n' | b'\r') => {
                cell = 0;
                At::CellStart
            }
            _ => At::Unquoted,
        };
    }
    open.filter(|_| at == At::Quoted)
}

/// The error for a quoted cell that runs to the end of the file.
fn unterminated_problem(
    open: &OpenQuote,
    row: usize,
    text: &str,
    header: &csv::StringRecord,
) -> Problem {
    let column = header
        .get(open.cell)
        .and_then(|name| COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(name.trim())));
    let location = Location::Row {
        row,
        column: Some(match column {
            Some(name) => Column::Named((*name).to_owned()),
            None => Column::Number(open.cell + 1),
        }),
    };
    let excerpt: String = text[open.byte..]
        .chars()
        .take(24)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    Problem::error(
        location,
        Message::new(Msg::PUnclosedQuote)
            .with("line", open.line)
            .with("excerpt", excerpt),
    )
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
                    Location::Row {
                        row,
                        column: Some(Column::Named(column("Time"))),
                    },
                    Message::new(Msg::PCsvTime).with("time", time),
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
                Location::Row {
                    row,
                    column: Some(Column::Named(column(name))),
                },
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
    use crate::model::parse::locations;
    use crate::model::{Date, ProblemKind};

    const FIXTURE: &str = include_str!("../../tests/fixtures/timelinejs-sheet.csv");

    #[test]
    fn imports_the_fixture() {
        let loaded = parse_csv(FIXTURE).expect("the sheet loads");
        assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
        let d = &loaded.dataset;
        assert_eq!(d.title.default_text(), "Space race");
        assert_eq!(d.description.default_text(), "A *spreadsheet* sample.");
        assert_eq!(d.eras.len(), 1);
        assert_eq!(d.events.len(), 3);
        let landing = &d.events[d.index_of("apollo-11-lands").unwrap()];
        assert_eq!(landing.start, Date::Minute(1969, 7, 20, 20 * 60 + 17));
        assert_eq!(landing.media[0].credit.default_text(), "NASA");
        assert_eq!(d.lanes[landing.lane].label.default_text(), "Spaceflight");
        let sputnik = &d.events[d.index_of("sputnik-1").unwrap()];
        assert_eq!(sputnik.end, Some(Date::Month(1958, 1)));
        assert_eq!(
            sputnik.display_date.as_deref().unwrap().default_text(),
            "October 1957"
        );
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
            .map(|p| (p.kind, p.location.to_string()))
            .collect();
        let found: Vec<_> = found.iter().map(|(k, l)| (*k, l.as_str())).collect();
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
        let locations = locations(&loaded.problems);
        assert_eq!(locations, ["row 3, column `Year`", "row 5, column `Year`"]);
    }

    #[test]
    fn a_sheet_without_a_year_column_is_refused() {
        let errors = parse_csv("Headline,Text\nA,B\n").unwrap_err();
        assert!(errors[0].message.contains("no `Year` column"));
        assert!(parse_csv("").unwrap_err()[0].message.contains("empty"));
    }

    #[test]
    fn an_unterminated_quote_is_reported_with_its_line() {
        let text =
            "Year,Headline,Text\r\n2000,Fine,ok\r\n2001,\"broken,no end\r\n2002,Swallowed,one\r\n";
        let loaded = parse_csv(text).unwrap();
        assert_eq!(loaded.dataset.events.len(), 1);
        let [problem] = &loaded.problems[..] else {
            panic!("{:#?}", loaded.problems);
        };
        assert_eq!(problem.kind, ProblemKind::Error);
        assert_eq!(problem.location.to_string(), "row 3, column `Headline`");
        assert!(problem.message.contains("on line 3"), "{}", problem.message);
        assert!(
            problem.message.contains("\"broken,no end"),
            "{}",
            problem.message
        );

        // In the header itself: nothing can be read.
        let errors = parse_csv("Year,\"Headline\n2000,A\n").unwrap_err();
        assert_eq!(errors[0].location.to_string(), "row 1, column 2");
        assert!(errors[0].message.contains("line 1"));
    }

    #[test]
    fn quotes_are_read_as_the_csv_reader_reads_them() {
        for (text, open) in [
            ("a,\"b\"\"c\",d\n", None),
            ("a,b\"c,d\n", None),
            ("a,\"b\nc\"\n", None),
            ("a,\"\"\n", None),
            ("a,\"b\"x\"\n", None),
            ("a\nb,\"c", Some((2, 4, 1))),
            ("\"a\"\"", Some((1, 0, 0))),
            ("x,y\r\n\"", Some((2, 5, 0))),
        ] {
            assert_eq!(
                unterminated_quote(text).map(|o| (o.line, o.byte, o.cell)),
                open,
                "{text:?}"
            );
            // The csv reader agrees: a closed file reads without the quote
            // swallowing the end.
            let records = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes())
                .records()
                .count();
            assert!(records >= 1);
        }
    }

    #[test]
    fn neutralised_cells_read_back_exactly() {
        for (text, written) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("-1 reasons", "'-1 reasons"),
            ("@cmd", "'@cmd"),
            ("'=quoted", "''=quoted"),
            ("'Tis", "''Tis"),
            ("-500", "-500"),
            ("+3.5", "+3.5"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("Treaty", "Treaty"),
        ] {
            assert_eq!(neutralise_formula(text.to_owned()), written);
            assert_eq!(strip_neutraliser(written), text);
        }
        // An apostrophe the author wrote in a sheet by hand stays.
        assert_eq!(strip_neutraliser("'Tis the season"), "'Tis the season");
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
