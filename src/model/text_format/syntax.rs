//! The small pieces of the plain text format that the reader and the writer
//! must agree on: which lines are fields, tags or lanes, how values are
//! quoted and split, and the date forms. The writer escapes a line exactly
//! when [`classify`] would read it as something other than text, so the two
//! cannot drift apart.

use super::super::date::{month_name, Date, DateError, Season, DEEP_TIME_YEARS};

/// The keys of an event's field lines (`id: treaty-1960`).
pub(super) const EVENT_KEYS: &[&str] = &[
    "id",
    "status",
    "importance",
    "actors",
    "related",
    "source",
    "media",
    "display",
    "summary",
];
/// The event texts that take translations (`title.ja: 条約調印`).
pub(super) const EVENT_TRANSLATED: &[&str] = &["title", "summary", "display"];
/// The keys of an era's field lines.
pub(super) const ERA_KEYS: &[&str] = &["id"];
/// The era texts that take translations.
pub(super) const ERA_TRANSLATED: &[&str] = &["title"];
/// The keys of the header's lines, at the start of a line.
pub(super) const HEADER_KEYS: &[&str] = &[
    "title",
    "description",
    "language",
    "author",
    "license",
    "source",
    "era",
];
/// The header texts that take translations.
pub(super) const HEADER_TRANSLATED: &[&str] = &["title", "description"];

/// What one line of a block (after its indentation) is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// Empty, or only white space.
    Blank,
    /// `// …`, ignored.
    Comment,
    /// `key: value` or `key.lang: value`; `at` is the value's byte offset.
    Field {
        /// The key, one of the block's keys.
        key: &'a str,
        /// The language of a translation.
        lang: Option<&'a str>,
        /// The value as written (untrimmed).
        value: &'a str,
        /// Byte offset of `value` in the line.
        at: usize,
    },
    /// `#tag #"two words"`: every token a tag.
    Tags,
    /// `@lane` alone on its line.
    Lane,
    /// `\…`: text, whatever it looks like; the backslash is dropped.
    Escaped,
    /// Summary or description text.
    Text,
}

/// Which lines a block reads as fields: an event's, an era's, or none (the
/// lines under `description:`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Keys {
    /// Keys without a language.
    pub plain: &'static [&'static str],
    /// Keys that take `.lang`.
    pub translated: &'static [&'static str],
    /// Whether `#tag` and `@lane` lines mean something.
    pub marks: bool,
}

/// The keys of an event's lines.
pub(super) const EVENT: Keys = Keys {
    plain: EVENT_KEYS,
    translated: EVENT_TRANSLATED,
    marks: true,
};
/// The keys of an era's lines.
pub(super) const ERA: Keys = Keys {
    plain: ERA_KEYS,
    translated: ERA_TRANSLATED,
    marks: false,
};
/// Lines that are only text (a description's).
pub(super) const TEXT_ONLY: Keys = Keys {
    plain: &[],
    translated: &[],
    marks: false,
};

/// Reads what a line is. A line that starts with white space (deeper than
/// its block) is always text.
pub(super) fn classify<'a>(line: &'a str, keys: Keys) -> Line<'a> {
    if line.trim().is_empty() {
        return Line::Blank;
    }
    if line.starts_with("//") {
        return Line::Comment;
    }
    if line.starts_with('\\') {
        return Line::Escaped;
    }
    if line.starts_with(char::is_whitespace) {
        return Line::Text;
    }
    if let Some((key, lang, at)) = field_key(line, keys.plain, keys.translated) {
        return Line::Field {
            key,
            lang,
            value: &line[at..],
            at,
        };
    }
    if keys.marks {
        if line.starts_with('#') && marks(line, '#').is_some() {
            return Line::Tags;
        }
        if line.starts_with('@') && marks(line, '@').is_some_and(|m| m.len() == 1) {
            return Line::Lane;
        }
    }
    Line::Text
}

/// `key:` or `key.lang:` at the start of `line`, with `key` among `plain`
/// (no language) or `translated` (language required for these only when
/// they are not also in `plain`). Returns the key, the language and the
/// byte offset just after the colon.
pub(super) fn field_key<'a>(
    line: &'a str,
    plain: &[&str],
    translated: &[&str],
) -> Option<(&'a str, Option<&'a str>, usize)> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let after = &line[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let (key, lang) = match name.split_once('.') {
        Some((key, lang)) => (key, Some(lang)),
        None => (name, None),
    };
    let known = match lang {
        None => plain.contains(&key),
        Some(lang) => translated.contains(&key) && is_language_tag(lang),
    };
    known.then_some((key, lang, colon + 1))
}

/// `ja`, `pt-BR`, `zh_Hant`: letters, digits, `-` and `_`, starting with a letter.
fn is_language_tag(tag: &str) -> bool {
    tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.len() <= 35
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The tokens of a line made only of `sigil`-marks (`#a #"b c"`), each with
/// its byte offset; `None` when anything else is on the line.
pub(super) fn marks(line: &str, sigil: char) -> Option<Vec<(String, usize)>> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return Some(out);
        }
        at += rest.len() - trimmed.len();
        let body = trimmed.strip_prefix(sigil)?;
        let start = at;
        at += sigil.len_utf8();
        let (value, used) = match json_string(body) {
            Some((value, used)) if body[used..].chars().next().is_none_or(char::is_whitespace) => {
                (value, used)
            }
            _ => {
                let used = body.find(char::is_whitespace).unwrap_or(body.len());
                (body[..used].to_owned(), used)
            }
        };
        if used == 0 {
            return None;
        }
        out.push((value, start));
        at += used;
    }
}

/// The JSON string literal at the start of `text`, decoded, and how many
/// bytes it takes; `None` when `text` does not start with a valid one.
pub(super) fn json_string(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => {
                let value = serde_json::from_str::<String>(&text[..=i]).ok()?;
                return Some((value, i + 1));
            }
            _ => i += 1,
        }
    }
    None
}

/// A value as written: trimmed, and unquoted when the whole of it is a JSON
/// string (`"  starts with spaces"`); anything else is taken as it is.
pub(super) fn read_value(raw: &str) -> String {
    let trimmed = raw.trim();
    match json_string(trimmed) {
        Some((value, used)) if used == trimmed.len() => value,
        _ => trimmed.to_owned(),
    }
}

/// Splits `text` at `separator` (`" | "` or `","`), returning each part and
/// its byte offset. A part whose value (after `key:` in a `keyed` part other
/// than the first) is a JSON string may hold the separator inside the quotes.
pub(super) fn split_parts<'a>(
    text: &'a str,
    separator: &str,
    keyed: bool,
) -> Vec<(usize, &'a str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    loop {
        let rest = &text[start..];
        let mut value = start + (rest.len() - rest.trim_start().len());
        if keyed && !parts.is_empty() {
            if let Some(colon) = part_key(&text[value..]) {
                let after = &text[value + colon..];
                value += colon + (after.len() - after.trim_start().len());
            }
        }
        let search = value + json_string(&text[value..]).map_or(0, |(_, used)| used);
        match text[search..].find(separator) {
            Some(found) => {
                parts.push((start, &text[start..search + found]));
                start = search + found + separator.len();
            }
            None => {
                parts.push((start, &text[start..]));
                return parts;
            }
        }
    }
}

/// The length of `key:` or `key.lang:` at the start of a part, through the colon.
pub(super) fn part_key(part: &str) -> Option<usize> {
    let colon = part.find(':')?;
    let name = &part[..colon];
    let (key, lang) = name.split_once('.').unwrap_or((name, "a"));
    let ok =
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase()) && is_language_tag(lang);
    ok.then_some(colon + 1)
}

/// `value` as the writer puts it: plain when the reader gives it back as
/// it is, otherwise as a JSON string. `delimiter` is what may not appear
/// in a plain value where it is written.
pub(super) fn quote(value: &str, delimiter: Delimiter) -> String {
    let risky = value.is_empty()
        || value.starts_with('"')
        || value.trim() != value
        || value.contains(['\n', '\r'])
        || match delimiter {
            Delimiter::None => false,
            Delimiter::Pipe => value.contains('|'),
            Delimiter::Comma => value.contains(','),
            Delimiter::Mark => value.contains(char::is_whitespace) || value.ends_with(':'),
        };
    if risky {
        serde_json::to_string(value).unwrap_or_default()
    } else {
        value.to_owned()
    }
}

/// Where a value is written, and so which character would end it early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Delimiter {
    /// The rest of the line.
    None,
    /// A part of `source:` or `media:`, ended by ` | `.
    Pipe,
    /// An item of a list, ended by `,`.
    Comma,
    /// A `#tag` or `@lane`, ended by white space.
    Mark,
}

/// The longest date text read, so a line of garbage is not echoed whole.
const MAX_DATE_LEN: usize = 80;

/// Reads a date in the text format: every native form (`1998-08-31`,
/// `2005-fall`, `2005-Q3`, `-500`, `66 Ma`), and `fall 2005`, `Q3 2005`,
/// `August 1998`, `Aug 1998`, `44 BCE`, `1066 CE`. The checks and messages
/// are [`Date::parse`]'s.
pub(super) fn read_date(text: &str) -> Result<Date, DateError> {
    let text = text.trim();
    if text.len() > MAX_DATE_LEN {
        return Err(DateError(format!(
            "a date of {} characters is too long; write e.g. `1998-08-31`, `fall 2005` or `44 BCE`",
            text.chars().count()
        )));
    }
    let native = Date::parse(text);
    if native.is_ok() || !text.contains(char::is_whitespace) {
        return native.map_err(hint);
    }
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let lower = word.to_ascii_lowercase();
    let canonical = if let Some(season) = season(&lower) {
        format!("{}-{season}", read_year(rest)?)
    } else if let Some(quarter) = lower
        .strip_prefix('q')
        .filter(|q| q.len() == 1 && q.bytes().all(|b| b.is_ascii_digit()))
    {
        format!("{}-Q{quarter}", read_year(rest)?)
    } else if let Some(month) = month(&lower) {
        format!("{}-{month:02}", read_year(rest)?)
    } else {
        read_year(text)?.to_string()
    };
    Date::parse(&canonical).map_err(hint)
}

fn hint(DateError(message): DateError) -> DateError {
    DateError(format!(
        "{message} (the text format also reads `fall 2005`, `Q3 2005`, `August 1998` and `44 BCE`)"
    ))
}

/// `1998`, `-500`, `44 BCE`, `1066 CE`, `66 Ma`: an astronomical year.
fn read_year(text: &str) -> Result<i64, DateError> {
    let text = text.trim();
    let upper = text.to_ascii_uppercase();
    let era = [
        (" BCE", true),
        (" BC", true),
        (" CE", false),
        (" AD", false),
    ]
    .into_iter()
    .find(|(suffix, _)| upper.ends_with(suffix));
    if let Some((suffix, before)) = era {
        let number = text[..text.len() - suffix.len()].trim();
        let valid =
            !number.is_empty() && number.len() <= 12 && number.bytes().all(|b| b.is_ascii_digit());
        let n: i64 =
            number.parse().ok().filter(|_| valid).ok_or_else(|| {
                DateError(format!("`{text}`: `{number}` is not a number of years"))
            })?;
        if n == 0 {
            return Err(DateError(format!(
                "`{text}`: there is no year 0 BCE or CE; 1 BCE is followed by 1 CE"
            )));
        }
        return Ok(if before { 1 - n } else { n });
    }
    match Date::parse(text) {
        Ok(Date::Year(year)) => Ok(year),
        Ok(_) => Err(DateError(format!("`{text}` is not a year"))),
        Err(e) => Err(e),
    }
}

fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "spring",
        "summer" => "summer",
        "fall" | "autumn" => "fall",
        "winter" => "winter",
        _ => return None,
    })
}

fn month(word: &str) -> Option<u8> {
    (1..=12u8).find(|&m| {
        let name = month_name(m);
        word.eq_ignore_ascii_case(name)
            || (word.len() == 3 && word.eq_ignore_ascii_case(&name[..3]))
    })
}

/// A date as the writer puts it, which [`read_date`] reads back to the same
/// value: `1998-08-31`, `fall 2005`, `Q3 2005`, `44 BCE`, `66 Ma`.
pub(super) fn write_date(date: &Date) -> String {
    match *date {
        Date::Year(year) => deep_time(year).unwrap_or_else(|| calendar_year(year)),
        Date::Season(year, season) => {
            let name = match season {
                Season::Spring => "spring",
                Season::Summer => "summer",
                Season::Fall => "fall",
                Season::Winter => "winter",
            };
            format!("{name} {}", calendar_year(year))
        }
        Date::Quarter(year, quarter) => format!("Q{quarter} {}", calendar_year(year)),
        Date::Month(..) | Date::Day(..) | Date::Minute(..) => date.to_string(),
    }
}

/// `1998`, or `44 BCE` for year -43.
fn calendar_year(year: i64) -> String {
    if year >= 1 {
        year.to_string()
    } else {
        format!("{} BCE", 1 - year)
    }
}

/// `66 Ma`, `13.8 Ga`, `12.345 ka`: a year past [`DEEP_TIME_YEARS`] ago,
/// when a unit says it exactly (to three decimals).
fn deep_time(year: i64) -> Option<String> {
    let ago = year.checked_neg()?;
    if ago <= DEEP_TIME_YEARS {
        return None;
    }
    let (unit, name) = if ago % 1_000_000 == 0 && ago >= 1_000_000_000 {
        (1_000_000_000, "Ga")
    } else if ago % 1_000 == 0 && ago >= 1_000_000 {
        (1_000_000, "Ma")
    } else if ago < 1_000_000 {
        (1_000, "ka")
    } else {
        return None;
    };
    let whole = ago / unit;
    let thousandths = (ago % unit) / (unit / 1_000);
    let number = if thousandths == 0 {
        whole.to_string()
    } else {
        let fraction = format!("{thousandths:03}");
        format!("{whole}.{}", fraction.trim_end_matches('0'))
    };
    Some(format!("{number} {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{days_in_month, MAX_YEAR, MIN_YEAR};
    use proptest::prelude::*;

    #[test]
    fn lines_are_fields_marks_or_text() {
        let cases = [
            ("id: treaty", "field id"),
            ("title.ja: 条約", "field title"),
            ("title: not an event field", "text"),
            ("summary.x y: no", "text"),
            ("status:planned", "text"),
            ("status:", "field status"),
            ("#treaty #\"missile threat\"", "tags"),
            ("#1 priority", "text"),
            ("# heading", "text"),
            ("@alliance", "lane"),
            ("@someone said", "text"),
            ("// note", "comment"),
            ("\\id: text", "escaped"),
            ("  id: deeper", "text"),
            ("   ", "blank"),
            ("Plain text: with a colon", "text"),
        ];
        for (line, expected) in cases {
            let got = match classify(line, EVENT) {
                Line::Blank => "blank".to_owned(),
                Line::Comment => "comment".to_owned(),
                Line::Field { key, .. } => format!("field {key}"),
                Line::Tags => "tags".to_owned(),
                Line::Lane => "lane".to_owned(),
                Line::Escaped => "escaped".to_owned(),
                Line::Text => "text".to_owned(),
            };
            assert_eq!(got, expected, "{line:?}");
        }
        assert_eq!(classify("#treaty", ERA), Line::Text, "eras have no tags");
    }

    #[test]
    fn marks_and_parts_keep_quoted_separators() {
        assert_eq!(
            marks("#treaty  #\"missile threat\"", '#'),
            Some(vec![("treaty".into(), 0), ("missile threat".into(), 9)])
        );
        assert_eq!(marks("#a b", '#'), None);
        assert_eq!(marks("#\"open", '#'), Some(vec![("\"open".into(), 0)]));
        let parts: Vec<_> = split_parts("A | B | note: \"x | y\" | url: z", " | ", true)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        assert_eq!(parts, ["A", "B", "note: \"x | y\"", "url: z"]);
        let items: Vec<_> = split_parts("a, \"b, c\" ,d", ",", false)
            .into_iter()
            .map(|(at, p)| (at, read_value(p)))
            .collect();
        assert_eq!(
            items,
            [
                (0, "a".to_owned()),
                (2, "b, c".to_owned()),
                (11, "d".to_owned())
            ]
        );
        assert_eq!(read_value(" \"a\" and \"b\" "), "\"a\" and \"b\"");
        assert_eq!(read_value("\"  padded \""), "  padded ");
    }

    #[test]
    fn dates_read_in_every_form() {
        let cases = [
            ("1998-08-31", Date::Day(1998, 8, 31)),
            ("fall 2005", Date::Season(2005, Season::Fall)),
            ("Autumn 2005", Date::Season(2005, Season::Fall)),
            ("winter 44 BCE", Date::Season(-43, Season::Winter)),
            ("Q3 2005", Date::Quarter(2005, 3)),
            ("August 1998", Date::Month(1998, 8)),
            ("aug 1998", Date::Month(1998, 8)),
            ("44 BCE", Date::Year(-43)),
            ("1 BC", Date::Year(0)),
            ("1066 CE", Date::Year(1066)),
            ("66 Ma", Date::Year(-66_000_000)),
            ("2005-fall", Date::Season(2005, Season::Fall)),
        ];
        for (text, expected) in cases {
            assert_eq!(read_date(text), Ok(expected), "{text}");
        }
        for (text, needle) in [
            ("0 BCE", "no year 0"),
            ("fall 20x5", "not a number"),
            ("Q5 2005", "quarter 5"),
            ("2005-02-30", "has 28 days"),
            ("someday", "not a number"),
        ] {
            let error = read_date(text).unwrap_err().0;
            assert!(error.contains(needle), "{text}: {error}");
        }
        assert!(read_date(&"9".repeat(200))
            .unwrap_err()
            .0
            .contains("too long"));
    }

    #[test]
    fn dates_are_written_readably() {
        let cases = [
            ("1998-08-31", "1998-08-31"),
            ("2005-fall", "fall 2005"),
            ("2005-Q3", "Q3 2005"),
            ("-43", "44 BCE"),
            ("0", "1 BCE"),
            ("66 Ma", "66 Ma"),
            ("13.8 Ga", "13.8 Ga"),
            ("-12345", "12.345 ka"),
            ("-12345678", "12345679 BCE"),
            ("-0043-03-15", "-0043-03-15"),
        ];
        for (native, text) in cases {
            assert_eq!(write_date(&Date::parse(native).unwrap()), text, "{native}");
        }
    }

    proptest! {
        #[test]
        fn written_dates_read_back(year in MIN_YEAR..=MAX_YEAR, month in 1u8..=12, day in 1u8..=31, minute in 0u16..1440, kind in 0u8..6) {
            let day = day.min(days_in_month(year, month));
            let seasons = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];
            let date = match kind {
                0 => Date::Year(year),
                1 => Date::Season(year, seasons[(month % 4) as usize]),
                2 => Date::Quarter(year, month % 4 + 1),
                3 => Date::Month(year, month),
                4 => Date::Day(year, month, day),
                _ => Date::Minute(year, month, day, minute),
            };
            prop_assert_eq!(read_date(&write_date(&date)), Ok(date));
        }

        #[test]
        fn quoted_values_read_back(value in "[ -~\n\"|,#@é]{0,12}", delimiter in 0usize..4) {
            let delimiter = [Delimiter::None, Delimiter::Pipe, Delimiter::Comma, Delimiter::Mark][delimiter];
            let written = quote(&value, delimiter);
            prop_assert_eq!(read_value(&written), value.clone());
            prop_assert!(!written.contains('\n'));
        }
    }
}
