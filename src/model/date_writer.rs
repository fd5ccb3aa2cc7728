//! How each language writes dates and counts for a reader: one
//! [`DateWriter`] a language ([`English`], [`Japanese`]), so that the
//! wording of a language lives in one place and a new one (or era names
//! such as 平成17年 later) is one more implementation, not branches spread
//! through the code. [`crate::i18n::Locale::dates`] picks the writer.
//!
//! The axis ([`crate::layout::ticks`]), the card, the list, the search
//! results, the accessible names and the prerendered list all write dates
//! through a writer.

use super::date::{group_thousands, Date, Season, DEEP_TIME_YEARS};

/// One language's way of writing dates, times and counts.
pub trait DateWriter {
    /// A date at its precision, as in the card; past [`DEEP_TIME_YEARS`] ago
    /// every precision reads in years ago ([`DateWriter::years_ago`]).
    fn date(&self, date: &Date) -> String {
        match self.years_ago(date.year()) {
            Some(ago) => ago,
            None => self.calendar(date),
        }
    }

    /// A date at its precision in calendar words, however long ago.
    fn calendar(&self, date: &Date) -> String;

    /// An event's dates: one date, or a range from `start` to `end`, each
    /// approximate when `circa`.
    fn span(&self, start: &Date, end: Option<&Date>, circa: bool) -> String;

    /// A year, with its era when it is before year 1.
    fn year(&self, year: i64) -> String;

    /// A year more than [`DEEP_TIME_YEARS`] before year zero, in years ago
    /// (counted back from year zero, as `66 Ma` is read); `None` for later
    /// years.
    fn years_ago(&self, year: i64) -> Option<String>;

    /// A month's axis tick, 1–12.
    fn month_tick(&self, month: u8) -> String;

    /// A day's axis tick, 1–31.
    fn day_tick(&self, day: u8) -> String;

    /// A time of day, from the minute of the day (0–1439).
    fn time(&self, minute: u16) -> String;

    /// The axis tick of year 1, which marks the change of era.
    fn first_year(&self) -> String;

    /// A tick of a deep-time axis, `ago` (more than 0) years before year
    /// zero, on an axis whose step is `step` years (a thousand or more).
    /// English writes it as geologists do, in the step's unit: "12 ka",
    /// "66 Ma", "13.8 Ga".
    fn deep_tick(&self, ago: u64, step: i64) -> String {
        let (value, unit) = if step >= 1_000_000_000 {
            (ago as f64 / 1e9, "Ga")
        } else if step >= 1_000_000 {
            (ago as f64 / 1e6, "Ma")
        } else {
            (ago as f64 / 1e3, "ka")
        };
        format!("{} {unit}", one_decimal(value))
    }

    /// A tick of a logarithmic years-ago axis, `ago` years back (a power of
    /// ten, or twice or five times one).
    fn log_tick(&self, ago: f64) -> String;

    /// What a break in the axis says: the years it compresses.
    fn compressed(&self, from: i64, to: i64) -> String;

    /// The heading of a logarithmic years-ago axis.
    fn log_axis(&self) -> String;

    /// A count with its digits grouped.
    fn count(&self, n: u64) -> String {
        group_thousands(n)
    }

    /// A count that fits a narrow cluster: "7", "840", "12k", "3.4M".
    fn compact_count(&self, n: u64) -> String {
        match n {
            0..=999 => n.to_string(),
            1_000..=9_999 => format!("{:.1}k", n as f64 / 1e3),
            10_000..=999_999 => format!("{}k", n / 1000),
            _ => format!("{:.1}M", n as f64 / 1e6),
        }
    }
}

/// A year's number: grouped by thousands from five digits on ("2005",
/// "10,000").
fn year_digits(n: i64) -> String {
    let magnitude = n.unsigned_abs();
    let digits = if magnitude < 10_000 {
        magnitude.to_string()
    } else {
        group_thousands(magnitude)
    };
    if n < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

/// A number to one decimal, without a trailing ".0": "66", "2.6".
fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// Years before year zero, when they count as deep time.
fn deep_years(year: i64) -> Option<u64> {
    let ago = year.checked_neg()?;
    (ago > DEEP_TIME_YEARS).then_some(ago.unsigned_abs())
}

/// English: "August 31, 1998", "Fall 2005", "44 BCE", "66 million years ago".
#[derive(Clone, Copy, Debug, Default)]
pub struct English;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl English {
    /// The English name of a month, 1–12.
    pub fn month(month: u8) -> &'static str {
        MONTHS[(month.clamp(1, 12) - 1) as usize]
    }

    fn season(season: Season) -> &'static str {
        match season {
            Season::Spring => "Spring",
            Season::Summer => "Summer",
            Season::Fall => "Fall",
            Season::Winter => "Winter",
        }
    }
}

impl DateWriter for English {
    fn calendar(&self, date: &Date) -> String {
        let year = self.year(date.year());
        match *date {
            Date::Year(_) => year,
            Date::Season(_, s) => format!("{} {year}", English::season(s)),
            Date::Quarter(_, q) => format!("Q{q} {year}"),
            Date::Month(_, m) => format!("{} {year}", English::month(m)),
            Date::Day(_, m, d) => format!("{} {d}, {year}", English::month(m)),
            Date::Minute(_, m, d, minute) => {
                format!("{} {d}, {year}, {}", English::month(m), self.time(minute))
            }
        }
    }

    fn span(&self, start: &Date, end: Option<&Date>, circa: bool) -> String {
        let circa = if circa { "c. " } else { "" };
        match end {
            Some(end) if end != start => {
                format!("{circa}{} – {circa}{}", self.date(start), self.date(end))
            }
            _ => format!("{circa}{}", self.date(start)),
        }
    }

    fn year(&self, year: i64) -> String {
        if year >= 1 {
            year_digits(year)
        } else {
            format!("{} BCE", year_digits(1 - year))
        }
    }

    fn years_ago(&self, year: i64) -> Option<String> {
        let ago = deep_years(year)?;
        let scaled = |unit: f64, name: &str| {
            let text = format!("{:.3}", ago as f64 / unit);
            let text = text.trim_end_matches('0').trim_end_matches('.');
            format!("{text} {name} years ago")
        };
        Some(if ago >= 1_000_000_000 {
            scaled(1e9, "billion")
        } else if ago >= 1_000_000 {
            scaled(1e6, "million")
        } else {
            format!("{} years ago", group_thousands(ago))
        })
    }

    fn month_tick(&self, month: u8) -> String {
        English::month(month)[..3].to_owned()
    }

    fn day_tick(&self, day: u8) -> String {
        day.to_string()
    }

    fn time(&self, minute: u16) -> String {
        format!("{:02}:{:02}", minute / 60, minute % 60)
    }

    fn first_year(&self) -> String {
        "1 CE".to_owned()
    }

    /// From a thousand years on, as a deep-time tick in its own magnitude's
    /// unit ([`DateWriter::deep_tick`]): "1 Ga", "66 Ma", "10 ka"; under
    /// that, "100 years ago".
    fn log_tick(&self, ago: f64) -> String {
        if ago >= 1e3 {
            self.deep_tick(ago as u64, ago as i64)
        } else if ago == 1.0 {
            "1 year ago".to_owned()
        } else {
            format!("{} years ago", one_decimal(ago))
        }
    }

    fn compressed(&self, from: i64, to: i64) -> String {
        format!("{}\u{2013}{} compressed", self.year(from), self.year(to))
    }

    fn log_axis(&self) -> String {
        "Years ago, logarithmic".to_owned()
    }
}

/// Japanese: 1998年8月31日, 2005年秋, 紀元前44年, 6600万年前, 2005年4月～秋.
#[derive(Clone, Copy, Debug, Default)]
pub struct Japanese;

impl Japanese {
    fn season(season: Season) -> &'static str {
        match season {
            Season::Spring => "春",
            Season::Summer => "夏",
            Season::Fall => "秋",
            Season::Winter => "冬",
        }
    }

    /// What follows the year: "8月31日", "秋", "第3四半期"; empty for a year.
    fn after_year(&self, date: &Date) -> String {
        match *date {
            Date::Year(_) => String::new(),
            Date::Season(_, s) => Japanese::season(s).to_owned(),
            Date::Quarter(_, q) => format!("第{q}四半期"),
            Date::Month(_, m) => format!("{m}月"),
            Date::Day(_, m, d) => format!("{m}月{d}日"),
            Date::Minute(_, m, d, minute) => format!("{m}月{d}日 {}", self.time(minute)),
        }
    }

    /// A number in 万 (10⁴) and 億 (10⁸): 66000000 is 6600万, 13800000000
    /// is 138億, 12000 is 1万2000.
    fn man_oku(n: u64) -> String {
        let oku = n / 100_000_000;
        let man = n / 10_000 % 10_000;
        let rest = n % 10_000;
        let mut out = String::new();
        if oku > 0 {
            out.push_str(&format!("{oku}億"));
        }
        if man > 0 {
            out.push_str(&format!("{man}万"));
        }
        if rest > 0 || out.is_empty() {
            out.push_str(&rest.to_string());
        }
        out
    }

    /// The end of a range, without what it shares with the start: the year
    /// (2005年4月～秋), and the month too for days (8月1日～15日).
    fn range_end(&self, start: &Date, end: &Date) -> String {
        let calendar =
            self.years_ago(start.year()).is_none() && self.years_ago(end.year()).is_none();
        if !calendar || start.year() != end.year() || matches!(end, Date::Year(_)) {
            return self.date(end);
        }
        match (*start, *end) {
            (Date::Day(_, m1, _) | Date::Minute(_, m1, _, _), Date::Day(_, m2, d)) if m1 == m2 => {
                format!("{d}日")
            }
            (
                Date::Day(_, m1, d1) | Date::Minute(_, m1, d1, _),
                Date::Minute(_, m2, d2, minute),
            ) if m1 == m2 => {
                if d1 == d2 {
                    self.time(minute)
                } else {
                    format!("{d2}日 {}", self.time(minute))
                }
            }
            _ => self.after_year(end),
        }
    }
}

impl DateWriter for Japanese {
    fn calendar(&self, date: &Date) -> String {
        format!("{}{}", self.year(date.year()), self.after_year(date))
    }

    fn span(&self, start: &Date, end: Option<&Date>, circa: bool) -> String {
        let circa = if circa { "頃" } else { "" };
        match end {
            Some(end) if end != start => {
                format!(
                    "{}{circa}～{}{circa}",
                    self.date(start),
                    self.range_end(start, end)
                )
            }
            _ => format!("{}{circa}", self.date(start)),
        }
    }

    fn year(&self, year: i64) -> String {
        if year >= 1 {
            format!("{}年", year_digits(year))
        } else {
            format!("紀元前{}年", year_digits(1 - year))
        }
    }

    fn years_ago(&self, year: i64) -> Option<String> {
        let ago = deep_years(year)?;
        // Past 1億 years, to the nearest 万 as the English rounds to a
        // thousandth of its unit.
        let ago = if ago >= 100_000_000 {
            (ago + 5_000) / 10_000 * 10_000
        } else {
            ago
        };
        Some(format!("{}年前", Japanese::man_oku(ago)))
    }

    fn month_tick(&self, month: u8) -> String {
        format!("{}月", month.clamp(1, 12))
    }

    fn day_tick(&self, day: u8) -> String {
        format!("{day}日")
    }

    fn time(&self, minute: u16) -> String {
        format!("{}時{:02}分", minute / 60, minute % 60)
    }

    /// In 万 and 億 years ago, as the cards write deep time: 1万年前,
    /// 6600万年前, 138億年前.
    fn deep_tick(&self, ago: u64, _step: i64) -> String {
        format!("{}年前", Japanese::man_oku(ago))
    }

    fn first_year(&self) -> String {
        "西暦1年".to_owned()
    }

    /// In 万 and 億 as the deep-time axis: 10年前, 1000年前, 1万年前,
    /// 6600万年前, 10億年前.
    fn log_tick(&self, ago: f64) -> String {
        if ago.fract() == 0.0 && (0.0..1e18).contains(&ago) {
            format!("{}年前", Japanese::man_oku(ago as u64))
        } else {
            format!("{}年前", one_decimal(ago))
        }
    }

    fn compressed(&self, from: i64, to: i64) -> String {
        format!("{}\u{ff5e}{}（圧縮）", self.year(from), self.year(to))
    }

    fn log_axis(&self) -> String {
        "何年前（対数目盛）".to_owned()
    }

    /// In 万 (ten thousand), as Japanese counts: "7", "9999", "1.2万",
    /// "12万", "340万".
    fn compact_count(&self, n: u64) -> String {
        match n {
            0..=9_999 => n.to_string(),
            10_000..=99_999 => format!("{:.1}万", n as f64 / 1e4),
            _ => format!("{}万", n / 10_000),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::MIN_YEAR;
    use proptest::prelude::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn japanese_dates_at_every_precision_and_era() {
        let cases = [
            ("1998", "1998年"),
            ("2005-fall", "2005年秋"),
            ("2005-spring", "2005年春"),
            ("2005-winter", "2005年冬"),
            ("2005-Q3", "2005年第3四半期"),
            ("1998-08", "1998年8月"),
            ("1998-08-31", "1998年8月31日"),
            ("1998-08-31T14:05", "1998年8月31日 14時05分"),
            ("1998-08-31T09:00", "1998年8月31日 9時00分"),
            ("-43", "紀元前44年"),
            ("0", "紀元前1年"),
            ("-0043-03-15", "紀元前44年3月15日"),
            ("-0043-fall", "紀元前44年秋"),
            ("-9999", "紀元前10,000年"),
            ("-10001", "1万1年前"),
            ("12 ka", "1万2000年前"),
            ("300 ka", "30万年前"),
            ("66 Ma", "6600万年前"),
            ("2.58 Ma", "258万年前"),
            ("13.8 Ga", "138億年前"),
            ("-4567891234", "45億6789万年前"),
            // Every precision reads the same in deep time.
            ("-50000-fall", "5万年前"),
            ("-50000-08-31T10:00", "5万年前"),
            ("0001-01-01", "1年1月1日"),
            ("12345", "12,345年"),
        ];
        for (text, shown) in cases {
            assert_eq!(Japanese.date(&date(text)), shown, "writing {text:?}");
        }
    }

    #[test]
    fn japanese_ranges_leave_out_what_the_end_shares_with_the_start() {
        let span = |a: &str, b: Option<&str>, circa: bool| {
            Japanese.span(&date(a), b.map(date).as_ref(), circa)
        };
        let cases = [
            (span("2005-04", Some("2005-fall"), false), "2005年4月～秋"),
            (
                span("1998-08-01", Some("1998-08-15"), false),
                "1998年8月1日～15日",
            ),
            (
                span("1998-08-31", Some("1998-09-02"), false),
                "1998年8月31日～9月2日",
            ),
            (
                span("1960-01", Some("1962-05"), false),
                "1960年1月～1962年5月",
            ),
            (
                span("1998-08-31T14:05", Some("1998-08-31T16:30"), false),
                "1998年8月31日 14時05分～16時30分",
            ),
            (span("2005", Some("2005-04"), false), "2005年～4月"),
            (span("2005-04", Some("2005"), false), "2005年4月～2005年"),
            (span("1600", None, true), "1600年頃"),
            (span("1600", Some("1650"), true), "1600年頃～1650年頃"),
            (span("66 Ma", Some("-50000"), false), "6600万年前～5万年前"),
            (span("2005-fall", Some("2005-fall"), false), "2005年秋"),
        ];
        for (written, expected) in cases {
            assert_eq!(written, expected);
        }
    }

    #[test]
    fn english_ranges_and_circa() {
        let start = date("2005-04");
        assert_eq!(
            English.span(&start, Some(&date("2005-fall")), false),
            "April 2005 – Fall 2005"
        );
        assert_eq!(English.span(&date("1200"), None, true), "c. 1200");
        assert_eq!(English.span(&start, Some(&start), false), "April 2005");
    }

    #[test]
    fn ticks_and_times_in_both_languages() {
        let cases: [(&dyn DateWriter, [&str; 5]); 2] = [
            (&English, ["Jan", "Dec", "31", "14:05", "1 CE"]),
            (&Japanese, ["1月", "12月", "31日", "14時05分", "西暦1年"]),
        ];
        for (writer, [jan, dec, day, time, first]) in cases {
            assert_eq!(writer.month_tick(1), jan);
            assert_eq!(writer.month_tick(12), dec);
            assert_eq!(writer.day_tick(31), day);
            assert_eq!(writer.time(14 * 60 + 5), time);
            assert_eq!(writer.first_year(), first);
            assert_eq!(writer.count(1_234_567), "1,234,567");
        }
        let compact = |writer: &dyn DateWriter| {
            [7, 840, 1_234, 12_345, 999_999, 3_400_000].map(|n| writer.compact_count(n))
        };
        assert_eq!(
            compact(&English),
            ["7", "840", "1.2k", "12k", "999k", "3.4M"]
        );
        assert_eq!(
            compact(&Japanese),
            ["7", "840", "1234", "1.2万", "99万", "340万"]
        );
    }

    /// Any date at any precision, in any era.
    fn any_date() -> impl Strategy<Value = Date> {
        (MIN_YEAR..=9999i64, 1u8..=12, 1u8..=28, 0u16..1440, 0u8..6).prop_map(
            |(year, month, day, minute, kind)| match kind {
                0 => Date::Year(year),
                1 => Date::Season(
                    year,
                    [Season::Spring, Season::Summer, Season::Fall, Season::Winter]
                        [(month % 4) as usize],
                ),
                2 => Date::Quarter(year, month % 4 + 1),
                3 => Date::Month(year, month),
                4 => Date::Day(year, month, day),
                _ => Date::Minute(year, month, day, minute),
            },
        )
    }

    proptest! {
        /// What English promises, Japanese keeps: deep time reads in years
        /// ago whatever the precision, and every calendar date names its
        /// year as the year alone reads.
        #[test]
        fn both_languages_write_the_year_and_deep_time_alike(date in any_date()) {
            let writers: [&dyn DateWriter; 2] = [&English, &Japanese];
            for writer in writers {
                let written = writer.date(&date);
                prop_assert!(!written.is_empty());
                match writer.years_ago(date.year()) {
                    Some(ago) => {
                        prop_assert_eq!(&written, &ago);
                        prop_assert_eq!(&written, &writer.date(&Date::Year(date.year())));
                    }
                    None => prop_assert!(written.contains(&writer.year(date.year())), "{} lacks its year", written),
                }
                // A single date and a range to itself read the same.
                prop_assert_eq!(writer.span(&date, Some(&date), false), written.clone());
            }
        }

        /// In Japanese a finer date extends the coarser one it lies in:
        /// 1998年 → 1998年8月 → 1998年8月31日 → 1998年8月31日 14時05分.
        #[test]
        fn japanese_finer_dates_extend_the_coarser(year in -9999i64..=9999, month in 1u8..=12, day in 1u8..=28, minute in 0u16..1440) {
            let chain = [
                Date::Year(year),
                Date::Month(year, month),
                Date::Day(year, month, day),
                Date::Minute(year, month, day, minute),
            ];
            for pair in chain.windows(2) {
                let (coarse, fine) = (Japanese.date(&pair[0]), Japanese.date(&pair[1]));
                prop_assert!(fine.starts_with(&coarse), "{} does not extend {}", fine, coarse);
            }
        }

        /// A Japanese range's end, written in full, is the date it stands for:
        /// what was left out is exactly what the start says.
        #[test]
        fn japanese_range_ends_leave_out_only_the_shared_part(start in any_date(), end in any_date()) {
            let range = Japanese.span(&start, Some(&end), false);
            if start != end {
                let (from, to) = range.split_once('～').expect("a range has its mark");
                prop_assert_eq!(from, Japanese.date(&start));
                let full = Japanese.date(&end);
                prop_assert!(full.ends_with(to), "{} is not the end of {}", to, full);
                prop_assert!(to == full || start.year() == end.year(), "{}: only a shared year is left out", range);
            }
        }

        /// Deep time in 万 and 億 reads back as the number of years.
        #[test]
        fn japanese_years_ago_read_back(ago in (DEEP_TIME_YEARS + 1)..100_000_000i64) {
            let written = Japanese.years_ago(-ago).unwrap();
            let number = written.strip_suffix("年前").unwrap();
            let (oku, rest) = number.split_once('億').unwrap_or(("0", number));
            let (man, ones) = rest.split_once('万').unwrap_or(("0", rest));
            let parse = |s: &str| if s.is_empty() { 0 } else { s.parse::<i64>().unwrap() };
            prop_assert_eq!(parse(oku) * 100_000_000 + parse(man) * 10_000 + parse(ones), ago);
        }
    }
}
