//! The dates of the plain text format: every native form, and the ones a
//! person writes (`fall 2005`, `Q3 2005`, `August 1998`, `44 BCE`). The
//! reader and the writer share this module, and a property test holds them
//! to each other: whatever [`write_date`] writes, [`read_date`] reads back.

use super::super::date::{month_name, Date, DateError, Season, DEEP_TIME_YEARS};
use super::super::Message;
use crate::i18n::Msg;

/// The longest date text read, so a line of garbage is not echoed whole.
const MAX_DATE_LEN: usize = 80;

/// Reads a date in the text format: every native form (`1998-08-31`,
/// `2005-fall`, `2005-Q3`, `-500`, `66 Ma`), and `fall 2005`, `Q3 2005`,
/// `August 1998`, `Aug 1998`, `44 BCE`, `1066 CE`. The checks and messages
/// are [`Date::parse`]'s.
pub(super) fn read_date(text: &str) -> Result<Date, DateError> {
    let text = text.trim();
    if text.len() > MAX_DATE_LEN {
        return Err(DateError(
            Message::new(Msg::PTextDateTooLong).with("count", text.chars().count()),
        ));
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
    DateError(Message::new(Msg::PTextDateHint).with_message("message", message))
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
        let n: i64 = number.parse().ok().filter(|_| valid).ok_or_else(|| {
            DateError(
                Message::new(Msg::PTextEraYears)
                    .with("text", text)
                    .with("number", number),
            )
        })?;
        if n == 0 {
            return Err(DateError(
                Message::new(Msg::PTextYearZero).with("text", text),
            ));
        }
        return Ok(if before { 1 - n } else { n });
    }
    match Date::parse(text) {
        Ok(Date::Year(year)) => Ok(year),
        Ok(_) => Err(DateError(Message::new(Msg::PNotAYear).with("text", text))),
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

    }
}
