//! Calendar dates at a stated precision, and where they sit on the time axis.
//!
//! A [`Date`] is what an author wrote ("1998", "Fall 2005", "1960-01-19"), never
//! more precise than that. Every date covers a half-open range of the continuous
//! axis, measured in days since 1970-01-01 in the proleptic Gregorian calendar
//! ([`Date::range`]); the layout code only ever sees those numbers.
//!
//! Years are astronomical, as in ISO 8601: year 0 is 1 BCE and year -1 is 2 BCE.
//! The supported years run from 13.8 billion years ago to 100,000 years ahead,
//! all in exact integer arithmetic, so deep time and day-precise dates share one
//! axis.
//!
//! Deep time may also be written as geologists do: `12 ka`, `66 Ma`, `13.8 Ga`
//! (thousand, million, billion years ago). They count back from year 0, not
//! from 1950 as radiocarbon "before present" does, so that `12 ka` is the year
//! -12000 and lands exactly on the axis tick labelled "12 ka" (see
//! `layout::ticks`); at these scales the 1950-year difference is below the
//! precision the units are written at. They read as a [`Date::Year`] and are
//! written back as plain years.

use std::fmt;

use super::Message;
use crate::i18n::Msg;

/// The earliest supported year: the age of the universe, about 13.8 billion years ago.
pub const MIN_YEAR: i64 = -13_800_000_000;
/// The latest supported year: 100,000 years from now, rounded.
pub const MAX_YEAR: i64 = 102_000;

/// Days on the continuous axis: days since 1970-01-01T00:00, proleptic Gregorian.
pub type Days = f64;

/// How precisely a date is known; ordered from coarse to fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A whole year.
    Year,
    /// A meteorological season of the northern hemisphere (three months).
    Season,
    /// A calendar quarter.
    Quarter,
    /// A calendar month.
    Month,
    /// A calendar day.
    Day,
    /// A minute of a day.
    Minute,
}

impl Precision {
    /// The lower-case name used in messages and documentation.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Season => "season",
            Precision::Quarter => "quarter",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Minute => "minute",
        }
    }
}

/// Seasons as the northern hemisphere's meteorological seasons: spring is
/// March to May, summer June to August, fall September to November, and
/// winter December to February (winter 2005 runs from December 2005).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// March, April, May.
    Spring,
    /// June, July, August.
    Summer,
    /// September, October, November.
    Fall,
    /// December and the next January and February.
    Winter,
}

impl Season {
    const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

    /// The month (1–12) the season starts in.
    fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Fall => "fall",
            Season::Winter => "winter",
        }
    }

    fn parse(s: &str) -> Option<Season> {
        let lower = s.to_ascii_lowercase();
        let lower = if lower == "autumn" {
            "fall".to_string()
        } else {
            lower
        };
        Season::ALL
            .into_iter()
            .find(|season| season.name() == lower)
    }
}

/// A date as written, at its precision. Construct with [`Date::parse`] or the
/// checked constructors so that every value is a real calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Date {
    /// A year.
    Year(i64),
    /// A season of a year.
    Season(i64, Season),
    /// A quarter (1–4) of a year.
    Quarter(i64, u8),
    /// A month (1–12) of a year.
    Month(i64, u8),
    /// A day: year, month (1–12), day of month.
    Day(i64, u8, u8),
    /// A minute: year, month, day, minute of the day (0–1439).
    Minute(i64, u8, u8, u16),
}

/// Why a date string was not accepted. The message says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub Message);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

pub use super::date_writer::{DateWriter, English, Japanese};

/// The English name of a month, 1–12, for messages about data.
pub fn month_name(month: u8) -> &'static str {
    English::month(month)
}

/// A month's name as a message: "February", "2月".
pub(crate) fn month_message(month: u8) -> Message {
    const MONTHS: [Msg; 12] = [
        Msg::Month1,
        Msg::Month2,
        Msg::Month3,
        Msg::Month4,
        Msg::Month5,
        Msg::Month6,
        Msg::Month7,
        Msg::Month8,
        Msg::Month9,
        Msg::Month10,
        Msg::Month11,
        Msg::Month12,
    ];
    Message::new(MONTHS[usize::from(month.clamp(1, 12)) - 1])
}

fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// Number of days in a month of a (proleptic Gregorian) year.
pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
/// Exact for every year in [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    // Count from March 1 so the leap day falls at the end of the counting year;
    // a 400-year era has exactly 146,097 days.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let m = month as i64;
    let month_from_march = if m > 2 { m - 3 } else { m + 9 };
    let day_of_year = (153 * month_from_march + 2) / 5 + day as i64 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date (year, month, day) of a day number; the inverse of [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The start of a year on the axis.
pub fn year_start(year: i64) -> Days {
    days_from_civil(year, 1, 1) as Days
}

/// The start of a month on the axis; `month` may run past 12 into later years.
pub fn month_start(year: i64, month: i64) -> Days {
    let total = year * 12 + (month - 1);
    days_from_civil(total.div_euclid(12), (total.rem_euclid(12) + 1) as u8, 1) as Days
}

fn check_year(year: i64) -> Result<i64, DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(DateError(
            Message::new(Msg::PYearRange)
                .with("year", year)
                .with("min", MIN_YEAR)
                .with("max", MAX_YEAR),
        ))
    }
}

/// The commonest forms, `1998`, `1998-08` and `1998-08-31` with a
/// four-digit year, read straight from the bytes: a large file has one or two
/// dates per event. `None` for anything else, valid or not, which
/// [`Date::parse_general`] then reads (and explains, when it is wrong).
fn parse_iso_digits(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u16> {
        b.get(range)?.iter().try_fold(0u16, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0'))
        })
    };
    let year = i64::from(digits(0..4)?);
    if b.len() == 4 {
        return Some(Date::Year(year));
    }
    let month = u8::try_from(digits(5..7)?)
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    if b[4] != b'-' {
        return None;
    }
    if b.len() == 7 {
        return Some(Date::Month(year, month));
    }
    let day = u8::try_from(digits(8..10)?).ok()?;
    (b.len() == 10 && b[7] == b'-' && day >= 1 && day <= days_in_month(year, month))
        .then_some(Date::Day(year, month, day))
}

/// `part`, the `what` of date `whole` (its year, month, …), as a number.
fn parse_number<T: std::str::FromStr>(part: &str, what: Msg, whole: &str) -> Result<T, DateError> {
    let problem = |msg| {
        DateError(
            Message::new(msg)
                .with("text", whole)
                .with_message("what", Message::new(what))
                .with("part", part),
        )
    };
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(problem(Msg::PDateNotNumber));
    }
    part.parse::<T>().map_err(|_| problem(Msg::PDateTooLarge))
}

impl Date {
    /// Parses the native date forms: `1998`, `-500` (astronomical year),
    /// `2005-fall` (season), `2005-Q3` (quarter), `1998-08` (month),
    /// `1998-08-31` (day) and `1998-08-31T14:05` (minute). The precision is the
    /// form's; surrounding white space is ignored.
    pub fn parse(input: &str) -> Result<Date, DateError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(DateError(Message::new(Msg::PDateEmpty)));
        }
        if let Some(date) = parse_iso_digits(text) {
            return Ok(date);
        }
        Date::parse_general(text)
    }

    /// [`Date::parse`] for every form, on trimmed, non-empty text.
    fn parse_general(text: &str) -> Result<Date, DateError> {
        if let Some(date) = parse_before_present(text) {
            return date;
        }
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (date_part, time_part) = match body.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (body, None),
        };
        let mut parts = date_part.split('-');
        let year_text = parts.next().unwrap_or_default();
        let magnitude: i64 = parse_number(year_text, Msg::DatePartYear, text)?;
        let year = check_year(if negative { -magnitude } else { magnitude })?;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(DateError(
                Message::new(Msg::PDateTooManyParts).with("text", text),
            ));
        }
        let date = match (second, third) {
            (None, _) => Date::Year(year),
            (Some(part), None) if part.starts_with(['Q', 'q']) => {
                let quarter: u8 = parse_number(&part[1..], Msg::DatePartQuarter, text)?;
                if !(1..=4).contains(&quarter) {
                    return Err(DateError(
                        Message::new(Msg::PDateQuarter)
                            .with("text", text)
                            .with("quarter", quarter),
                    ));
                }
                Date::Quarter(year, quarter)
            }
            (Some(part), None)
                if part.bytes().all(|b| b.is_ascii_alphabetic()) && !part.is_empty() =>
            {
                let season = Season::parse(part).ok_or_else(|| {
                    DateError(
                        Message::new(Msg::PDateSeason)
                            .with("text", text)
                            .with("part", part),
                    )
                })?;
                Date::Season(year, season)
            }
            (Some(month_text), day_text) => {
                let month: u8 = parse_number(month_text, Msg::DatePartMonth, text)?;
                if !(1..=12).contains(&month) {
                    return Err(DateError(
                        Message::new(Msg::PDateMonth)
                            .with("text", text)
                            .with("month", month),
                    ));
                }
                match day_text {
                    None => Date::Month(year, month),
                    Some(day_text) => {
                        let day: u8 = parse_number(day_text, Msg::DatePartDay, text)?;
                        let last = days_in_month(year, month);
                        if day == 0 || day > last {
                            return Err(DateError(
                                Message::new(Msg::PDateDay)
                                    .with("text", text)
                                    .with_message("month", month_message(month))
                                    .with("year", year)
                                    .with("last", last)
                                    .with("day", day),
                            ));
                        }
                        Date::Day(year, month, day)
                    }
                }
            }
        };
        match (time_part, date) {
            (None, date) => Ok(date),
            (Some(time), Date::Day(y, m, d)) => {
                let (h, min) = time.split_once(':').ok_or_else(|| {
                    DateError(
                        Message::new(Msg::PDateTimeForm)
                            .with("text", text)
                            .with("time", time),
                    )
                })?;
                let h: u16 = parse_number(h, Msg::DatePartHour, text)?;
                let min: u16 = parse_number(min, Msg::DatePartMinute, text)?;
                if h > 23 || min > 59 {
                    return Err(DateError(
                        Message::new(Msg::PDateTimeRange)
                            .with("text", text)
                            .with("time", time),
                    ));
                }
                Ok(Date::Minute(y, m, d, h * 60 + min))
            }
            (Some(_), _) => Err(DateError(
                Message::new(Msg::PDateTimeWithoutDay).with("text", text),
            )),
        }
    }

    /// The astronomical year the date falls in (the starting year, for winter).
    pub fn year(&self) -> i64 {
        match *self {
            Date::Year(y) | Date::Season(y, _) | Date::Quarter(y, _) | Date::Month(y, _) => y,
            Date::Day(y, _, _) | Date::Minute(y, _, _, _) => y,
        }
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match self {
            Date::Year(_) => Precision::Year,
            Date::Season(..) => Precision::Season,
            Date::Quarter(..) => Precision::Quarter,
            Date::Month(..) => Precision::Month,
            Date::Day(..) => Precision::Day,
            Date::Minute(..) => Precision::Minute,
        }
    }

    /// The half-open range `[start, end)` of the axis that this date covers:
    /// a whole year, three months for a season or quarter, and so on.
    pub fn range(&self) -> (Days, Days) {
        match *self {
            Date::Year(y) => (year_start(y), year_start(y + 1)),
            Date::Season(y, s) => {
                let m = s.first_month() as i64;
                (month_start(y, m), month_start(y, m + 3))
            }
            Date::Quarter(y, q) => {
                let m = (q as i64 - 1) * 3 + 1;
                (month_start(y, m), month_start(y, m + 3))
            }
            Date::Month(y, m) => (month_start(y, m as i64), month_start(y, m as i64 + 1)),
            Date::Day(y, m, d) => {
                let start = days_from_civil(y, m, d) as Days;
                (start, start + 1.0)
            }
            Date::Minute(y, m, d, minute) => {
                let start = days_from_civil(y, m, d) as Days + minute as Days / 1440.0;
                (start, start + 1.0 / 1440.0)
            }
        }
    }

    /// The date written in English, at its precision: "1998", "Fall 2005",
    /// "Q3 2005", "August 1998", "August 31, 1998", "August 31, 1998, 14:05";
    /// years before 1 CE end in "BCE". Past ten thousand years ago a date
    /// reads in years ago, whatever its precision ("12,000 years ago",
    /// "66 million years ago"): a month or a day means nothing there. For
    /// the reader's language, use its [`DateWriter`].
    pub fn display(&self) -> String {
        English.date(self)
    }
}

impl Date {
    /// The date `steps` units of its own precision later (earlier when
    /// negative): a season moves by seasons, a year by years, a day by days.
    /// `None` when the result would leave the supported years.
    pub fn shifted(self, steps: i64) -> Option<Date> {
        // Each precision as a count of its units, and back.
        let quarters = |y: i64, i: i64| y.checked_mul(4)?.checked_add(i)?.checked_add(steps);
        let date = match self {
            Date::Year(y) => Date::Year(y.checked_add(steps)?),
            Date::Season(y, s) => {
                let index = Season::ALL.iter().position(|x| *x == s).unwrap_or(0) as i64;
                let n = quarters(y, index)?;
                Date::Season(n.div_euclid(4), Season::ALL[n.rem_euclid(4) as usize])
            }
            Date::Quarter(y, q) => {
                let n = quarters(y, i64::from(q) - 1)?;
                Date::Quarter(n.div_euclid(4), (n.rem_euclid(4) + 1) as u8)
            }
            Date::Month(y, m) => {
                let n = y
                    .checked_mul(12)?
                    .checked_add(i64::from(m) - 1)?
                    .checked_add(steps)?;
                Date::Month(n.div_euclid(12), (n.rem_euclid(12) + 1) as u8)
            }
            Date::Day(y, m, d) => {
                check_year(y.checked_add(steps / 365)?).ok()?;
                let (y, m, d) = civil_from_days(days_from_civil(y, m, d).checked_add(steps)?);
                Date::Day(y, m, d)
            }
            Date::Minute(y, m, d, minute) => {
                check_year(y.checked_add(steps / 525_600)?).ok()?;
                let total = i64::from(minute).checked_add(steps)?;
                let day = days_from_civil(y, m, d).checked_add(total.div_euclid(1440))?;
                let (y, m, d) = civil_from_days(day);
                Date::Minute(y, m, d, total.rem_euclid(1440) as u16)
            }
        };
        check_year(date.year()).ok().map(|_| date)
    }

    /// The same moment at another precision: coarser keeps what contains
    /// the date (August 1998 becomes summer 1998, 1998), finer takes the
    /// first part of it (1998 becomes January 1998, January 1, 1998).
    pub fn at_precision(self, precision: Precision) -> Date {
        let (start, _) = self.range();
        let (y, m, d) = civil_from_days(start.floor() as i64);
        let minute = ((start - start.floor()) * 1440.0).round() as u16;
        match precision {
            Precision::Year => Date::Year(y),
            // December belongs to that year's winter, January and February to
            // the winter before.
            Precision::Season => match m {
                3..=5 => Date::Season(y, Season::Spring),
                6..=8 => Date::Season(y, Season::Summer),
                9..=11 => Date::Season(y, Season::Fall),
                12 => Date::Season(y, Season::Winter),
                _ => Date::Season(y - 1, Season::Winter),
            },
            Precision::Quarter => Date::Quarter(y, (m - 1) / 3 + 1),
            Precision::Month => Date::Month(y, m),
            Precision::Day => Date::Day(y, m, d),
            Precision::Minute => Date::Minute(y, m, d, minute.min(1439)),
        }
    }
}

/// Reads `66 Ma`-style years ago (counted from year 0), or `None` when `text`
/// does not end in a unit of `ka`, `Ma` or `Ga`.
fn parse_before_present(text: &str) -> Option<Result<Date, DateError>> {
    let split = text.len().checked_sub(2)?;
    let (number, unit) = (text.get(..split)?.trim_end(), text.get(split..)?);
    let factor: i128 = match unit {
        "ka" | "Ka" | "kA" | "KA" => 1_000,
        "Ma" | "ma" | "MA" => 1_000_000,
        "Ga" | "ga" | "GA" => 1_000_000_000,
        _ => return None,
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
        return Some(Err(DateError(
            Message::new(Msg::PDateYearsAgo)
                .with("text", text)
                .with("number", number),
        )));
    }
    let whole: i128 = whole.parse().ok()?;
    let scale = 10i128.pow(fraction.len() as u32);
    let fraction: i128 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    // Rounded to the nearest whole year.
    let years = whole * factor + (fraction * factor * 2 + scale) / (2 * scale);
    let year = i64::try_from(-years).unwrap_or(i64::MIN);
    Some(check_year(year).map(Date::Year))
}

/// How many years before year zero counts as deep time, written in years ago.
pub const DEEP_TIME_YEARS: i64 = 10_000;

/// 1234567 as "1,234,567": the one digit grouping, for years and counts.
pub(crate) fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The canonical native form, which [`Date::parse`] reads back to the same value.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.year();
        let year = if y < 0 {
            format!("-{:04}", -y)
        } else {
            format!("{y:04}")
        };
        match *self {
            Date::Year(_) => write!(f, "{year}"),
            Date::Season(_, s) => write!(f, "{year}-{}", s.name()),
            Date::Quarter(_, q) => write!(f, "{year}-Q{q}"),
            Date::Month(_, m) => write!(f, "{year}-{m:02}"),
            Date::Day(_, m, d) => write!(f, "{year}-{m:02}-{d:02}"),
            Date::Minute(_, m, d, min) => {
                write!(f, "{year}-{m:02}-{d:02}T{:02}:{:02}", min / 60, min % 60)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifting_moves_by_the_dates_own_precision() {
        let cases = [
            ("2005-fall", 1, "2005-winter"),
            ("2005-winter", 1, "2006-spring"),
            ("2005-spring", -1, "2004-winter"),
            ("2005-Q4", 1, "2006-Q1"),
            ("1998-12", 2, "1999-02"),
            ("2000-02-28", 1, "2000-02-29"),
            ("1999-12-31T23:59", 1, "2000-01-01T00:00"),
            ("1998", -10, "1988"),
        ];
        for (from, steps, to) in cases {
            let shifted = Date::parse(from).unwrap().shifted(steps);
            assert_eq!(shifted, Some(Date::parse(to).unwrap()), "{from} {steps:+}");
        }
        assert_eq!(
            Date::Year(MAX_YEAR).shifted(1),
            None,
            "past the supported years"
        );
        assert_eq!(Date::Year(MIN_YEAR).shifted(i64::MIN), None, "no overflow");
    }

    #[test]
    fn changing_precision_keeps_the_date_that_contains_it() {
        let cases = [
            ("1998-08-31", Precision::Season, "1998-summer"),
            ("1998-01-15", Precision::Season, "1997-winter"),
            ("1998-12-15", Precision::Season, "1998-winter"),
            ("2005-fall", Precision::Month, "2005-09"),
            ("2005-fall", Precision::Year, "2005"),
            ("1998", Precision::Day, "1998-01-01"),
            ("1998-08-31T14:05", Precision::Quarter, "1998-Q3"),
            ("1998-08-31", Precision::Minute, "1998-08-31T00:00"),
        ];
        for (from, precision, to) in cases {
            let changed = Date::parse(from).unwrap().at_precision(precision);
            assert_eq!(changed, Date::parse(to).unwrap(), "{from} at {precision:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn shifting_there_and_back_is_the_same_date(y in -5000i64..5000, m in 1u8..=12, d in 1u8..=28, n in -3000i64..3000) {
            for date in [Date::Year(y), Date::Month(y, m), Date::Day(y, m, d), Date::Minute(y, m, d, 600), Date::Day(y, m, d).at_precision(Precision::Season)] {
                let there = date.shifted(n).unwrap();
                proptest::prop_assert_eq!(there.precision(), date.precision());
                proptest::prop_assert_eq!(there.shifted(-n), Some(date));
                if n > 0 { proptest::prop_assert!(there.range().0 > date.range().0); }
            }
        }
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }
    use proptest::prelude::*;

    #[test]
    fn parses_each_form_at_its_precision() {
        let cases = [
            ("1998", Date::Year(1998)),
            ("-500", Date::Year(-500)),
            ("2005-fall", Date::Season(2005, Season::Fall)),
            ("2005-Autumn", Date::Season(2005, Season::Fall)),
            ("2005-Q3", Date::Quarter(2005, 3)),
            ("1998-08", Date::Month(1998, 8)),
            ("1998-08-31", Date::Day(1998, 8, 31)),
            ("1998-08-31T14:05", Date::Minute(1998, 8, 31, 14 * 60 + 5)),
            ("  1960-01-19 ", Date::Day(1960, 1, 19)),
            ("-13800000000", Date::Year(-13_800_000_000)),
            ("12 ka", Date::Year(-12_000)),
            ("66 Ma", Date::Year(-66_000_000)),
            ("66Ma", Date::Year(-66_000_000)),
            ("13.8 Ga", Date::Year(-13_800_000_000)),
            ("2.5 ka", Date::Year(-2_500)),
            ("0.0015 ka", Date::Year(-2)),
        ];
        for (text, expected) in cases {
            assert_eq!(Date::parse(text), Ok(expected), "parsing {text:?}");
        }
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let cases = [
            ("2005-02-30", "has 28 days"),
            ("2004-02-30", "has 29 days"),
            ("1998-13", "month 13 does not exist"),
            ("1998-00-10", "month 0 does not exist"),
            ("2005-Q5", "quarter 5"),
            ("2005-monsoon", "not a season"),
            ("200000", "out of range"),
            ("-14000000000", "out of range"),
            ("", "empty"),
            ("19x8", "not a number"),
            ("1998-08-31T25:00", "not a time of day"),
            ("1998-08T10:00", "needs a full date"),
            ("1998-08-31-02", "too many parts"),
            ("14 Ga", "out of range"),
            ("x Ma", "not a number of years ago"),
            ("1.2.3 ka", "not a number of years ago"),
        ];
        for (text, needle) in cases {
            let err = Date::parse(text).expect_err(text);
            assert!(
                err.0.contains(needle),
                "{text:?} gave {err:?}, expected it to mention {needle:?}"
            );
        }
    }

    #[test]
    fn displays_at_precision() {
        let cases = [
            ("1998", "1998"),
            ("2005-fall", "Fall 2005"),
            ("2005-Q3", "Q3 2005"),
            ("1998-08", "August 1998"),
            ("1998-08-31", "August 31, 1998"),
            ("1998-08-31T09:05", "August 31, 1998, 09:05"),
            ("-43", "44 BCE"),
            ("0", "1 BCE"),
            ("-9999", "10,000 BCE"),
            ("-10000", "10,001 BCE"),
            ("-10001", "10,001 years ago"),
            ("12 ka", "12,000 years ago"),
            ("66 Ma", "66 million years ago"),
            ("2.58 Ma", "2.58 million years ago"),
            ("13.8 Ga", "13.8 billion years ago"),
            ("-13800000000", "13.8 billion years ago"),
            // Every precision reads the same in deep time.
            ("-50000-fall", "50,000 years ago"),
            ("-50000-Q2", "50,000 years ago"),
            ("-50000-08", "50,000 years ago"),
            ("-50000-08-31", "50,000 years ago"),
            ("-50000-08-31T10:00", "50,000 years ago"),
            // And in BCE, every precision keeps its calendar wording.
            ("-0043-fall", "Fall 44 BCE"),
            ("-0043-Q2", "Q2 44 BCE"),
            ("-0043-03", "March 44 BCE"),
            ("-0043-03-15", "March 15, 44 BCE"),
            ("-0043-03-15T11:00", "March 15, 44 BCE, 11:00"),
            ("0001-01-01", "January 1, 1"),
            ("12345", "12,345"),
        ];
        for (text, shown) in cases {
            assert_eq!(
                Date::parse(text).unwrap().display(),
                shown,
                "displaying {text:?}"
            );
        }
    }

    #[test]
    fn ranges_cover_the_stated_period() {
        let day = |y, m, d| days_from_civil(y, m, d) as Days;
        assert_eq!(Date::parse("1970-01-01").unwrap().range(), (0.0, 1.0));
        assert_eq!(
            Date::parse("2005-fall").unwrap().range(),
            (day(2005, 9, 1), day(2005, 12, 1))
        );
        assert_eq!(
            Date::parse("2005-winter").unwrap().range(),
            (day(2005, 12, 1), day(2006, 3, 1))
        );
        assert_eq!(
            Date::parse("2005-Q4").unwrap().range(),
            (day(2005, 10, 1), day(2006, 1, 1))
        );
        assert_eq!(
            Date::parse("2004").unwrap().range(),
            (day(2004, 1, 1), day(2005, 1, 1))
        );
        assert_eq!(
            day(2000, 3, 1) - day(2000, 2, 28),
            2.0,
            "2000 is a leap year"
        );
        assert_eq!(day(1900, 3, 1) - day(1900, 2, 28), 1.0, "1900 is not");
    }

    #[test]
    fn the_digit_fast_path_agrees_on_every_month_and_day() {
        let mut fast = 0;
        for year in ["0000", "1900", "2000", "2023", "2024", "9999"] {
            for month in 0..=13 {
                for day in [
                    None,
                    Some(0),
                    Some(1),
                    Some(28),
                    Some(29),
                    Some(30),
                    Some(31),
                    Some(32),
                ] {
                    let text = match day {
                        None => format!("{year}-{month:02}"),
                        Some(day) => format!("{year}-{month:02}-{day:02}"),
                    };
                    if let Some(date) = parse_iso_digits(&text) {
                        assert_eq!(Date::parse_general(&text), Ok(date), "{text}");
                        fast += 1;
                    } else {
                        assert!(
                            Date::parse_general(&text).is_err(),
                            "{text} is valid but missed the fast path"
                        );
                    }
                }
            }
            assert_eq!(
                parse_iso_digits(year),
                Some(Date::Year(year.parse().unwrap()))
            );
        }
        assert!(fast > 6 * 12 * 4, "{fast}");
    }

    proptest! {
        /// The fast path reads what the general one reads, and leaves the
        /// rest (errors included) to it.
        #[test]
        fn the_digit_fast_path_agrees_with_the_general_parser(
            text in prop_oneof![
                "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
                "[0-9]{3,5}[-T]?[0-9]{1,3}-?[0-9]{0,3}",
                "[0-9a-zQ+ -]{0,12}",
            ]
        ) {
            if let Some(fast) = parse_iso_digits(&text) {
                prop_assert_eq!(Date::parse_general(&text), Ok(fast));
            }
        }

        #[test]
        fn civil_round_trips(days in -5_000_000_000_000i64..40_000_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert!((1..=12).contains(&m));
            prop_assert!(d >= 1 && d <= days_in_month(y, m));
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }

        #[test]
        fn canonical_form_reads_back(year in MIN_YEAR..=MAX_YEAR, month in 1u8..=12, day in 1u8..=31, minute in 0u16..1440, kind in 0u8..6) {
            let day = day.min(days_in_month(year, month));
            let date = match kind {
                0 => Date::Year(year),
                1 => Date::Season(year, Season::ALL[(month % 4) as usize]),
                2 => Date::Quarter(year, month % 4 + 1),
                3 => Date::Month(year, month),
                4 => Date::Day(year, month, day),
                _ => Date::Minute(year, month, day, minute),
            };
            prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
        }

        #[test]
        fn ranges_are_ordered_and_nested(year in -100_000i64..=MAX_YEAR - 1, month in 1u8..=12, day in 1u8..=28) {
            let (ys, ye) = Date::Year(year).range();
            let (ms, me) = Date::Month(year, month).range();
            let (ds, de) = Date::Day(year, month, day).range();
            prop_assert!(ys < ye && ms < me && ds < de);
            prop_assert!(ys <= ms && me <= ye, "a month lies inside its year");
            prop_assert!(ms <= ds && de <= me, "a day lies inside its month");
        }
    }
}
