//! The part of the view that lives in the URL, so a link or a reload shows
//! exactly the same thing: the open event, the visible range, the search,
//! the filters and the language the reader chose.
//!
//! Pure: this module turns a [`UrlState`] into query pairs and back; the
//! browser layer does the percent-encoding and the history calls. Unknown
//! keys (such as `data`) are left alone, and malformed values are ignored
//! rather than trusted.

/// What a link restores.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    /// Id of the event whose card is open.
    pub event: Option<String>,
    /// The visible range, in days since 1970-01-01.
    pub view: Option<(f64, f64)>,
    /// The search text.
    pub query: String,
    /// Ids of hidden lanes.
    pub hidden_lanes: Vec<String>,
    /// Hidden themes.
    pub hidden_tags: Vec<String>,
    /// Hidden statuses, by name.
    pub hidden_statuses: Vec<String>,
    /// Whether the list view is shown instead of the timeline.
    pub list: bool,
    /// Whether the axis is logarithmic in years ago (`axis=log`).
    pub log_axis: bool,
    /// The language the reader chose, as a BCP 47 tag.
    pub lang: Option<String>,
}

/// Query keys this module owns; everything else in the URL is preserved.
pub const KEYS: [&str; 9] = [
    "event",
    "view",
    "q",
    "hide-lane",
    "hide-tag",
    "hide-status",
    "list",
    "axis",
    "lang",
];

impl UrlState {
    /// Reads the keys of [`KEYS`] from decoded query pairs.
    pub fn from_pairs<I, K, V>(pairs: I) -> UrlState
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut state = UrlState::default();
        for (key, value) in pairs {
            let value = value.as_ref();
            match key.as_ref() {
                "event" if !value.is_empty() => state.event = Some(value.to_owned()),
                "view" => state.view = parse_view(value),
                "q" => state.query = value.to_owned(),
                "hide-lane" => state.hidden_lanes.push(value.to_owned()),
                "hide-tag" => state.hidden_tags.push(value.to_owned()),
                "hide-status" => state.hidden_statuses.push(value.to_owned()),
                "list" => state.list = value == "1",
                "axis" => state.log_axis = value == "log",
                "lang" if !value.trim().is_empty() => state.lang = Some(value.trim().to_owned()),
                _ => {}
            }
        }
        state
    }

    /// The query pairs that describe this state, in a stable order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(event) = &self.event {
            pairs.push(("event", event.clone()));
        }
        if let Some((start, end)) = self.view {
            pairs.push(("view", format!("{},{}", compact(start), compact(end))));
        }
        if !self.query.is_empty() {
            pairs.push(("q", self.query.clone()));
        }
        pairs.extend(self.hidden_lanes.iter().map(|v| ("hide-lane", v.clone())));
        pairs.extend(self.hidden_tags.iter().map(|v| ("hide-tag", v.clone())));
        pairs.extend(
            self.hidden_statuses
                .iter()
                .map(|v| ("hide-status", v.clone())),
        );
        if self.list {
            pairs.push(("list", "1".to_owned()));
        }
        if self.log_axis {
            pairs.push(("axis", "log".to_owned()));
        }
        if let Some(lang) = &self.lang {
            pairs.push(("lang", lang.clone()));
        }
        pairs
    }
}

/// Days to a short string that reads back to within a second.
fn compact(days: f64) -> String {
    let text = format!("{days:.5}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn parse_view(value: &str) -> Option<(f64, f64)> {
    let (a, b) = value.split_once(',')?;
    let (a, b) = (decimal(a.trim())?, decimal(b.trim())?);
    (a < b).then_some((a, b))
}

/// A decimal number as [`compact`] writes it (`-1234.5`, `13000.25`), or
/// with an exponent (`-1e308`), to within one part in 10^14;
/// `None` for anything else, `inf` and `NaN` included. Not
/// `str::parse::<f64>`: the standard library's correctly rounded parser
/// brings about 20 KB of power-of-five tables into the wasm, for a number
/// that only has to come back to within a second.
fn decimal(text: &str) -> Option<f64> {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => {
            let digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            (mantissa, exponent.parse::<i32>().ok()?)
        }
        None => (text, 0),
    };
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let value = |digits: &str| {
        digits
            .bytes()
            .fold(0.0, |sum: f64, digit| sum * 10.0 + f64::from(digit - b'0'))
    };
    // Fifteen decimals are far below a second; their value is exact in an
    // f64, and so is the power of ten.
    let fraction = &fraction[..fraction.len().min(15)];
    let mut number = value(whole) + value(fraction) / 10f64.powi(fraction.len() as i32);
    // Dividing by an exact power of ten rounds once; multiplying by an
    // inexact inverse would round twice.
    if exponent < 0 {
        number /= 10f64.powi(-exponent);
    } else {
        number *= 10f64.powi(exponent);
    }
    number
        .is_finite()
        .then_some(if negative { -number } else { number })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_it_writes() {
        let state = UrlState {
            event: Some("kyoto-summit".into()),
            view: Some((-1234.5, 13000.25)),
            query: "missile defense".into(),
            hidden_lanes: vec!["japan".into()],
            hidden_tags: vec!["treaty".into(), "diplomacy".into()],
            hidden_statuses: vec!["proposed".into()],
            list: true,
            log_axis: true,
            lang: Some("ja".into()),
        };
        assert!(state.to_pairs().contains(&("axis", "log".to_owned())));
        assert_eq!(UrlState::from_pairs(state.to_pairs()), state);
    }

    #[test]
    fn ignores_malformed_and_foreign_values() {
        let state = UrlState::from_pairs([
            ("view", "5,2"),
            ("data", "x.json"),
            ("event", ""),
            ("list", "yes"),
            ("axis", "sideways"),
            ("lang", " "),
        ]);
        assert_eq!(state, UrlState::default());
        assert_eq!(UrlState::from_pairs([("view", "NaN,1")]).view, None);
        assert_eq!(UrlState::from_pairs([("view", "1,inf")]).view, None);
    }

    #[test]
    fn decimals_read_as_written_and_nothing_else() {
        assert_eq!(decimal("-1234.5"), Some(-1234.5));
        assert_eq!(decimal("13000.25"), Some(13000.25));
        assert_eq!(decimal("+7"), Some(7.0));
        assert_eq!(decimal(".5"), Some(0.5));
        assert_eq!(decimal("3."), Some(3.0));
        let huge = decimal("-1e308").unwrap();
        assert!((huge / -1e308 - 1.0).abs() < 1e-14, "{huge}");
        assert_eq!(decimal("2.5E-3"), Some(0.0025));
        for bad in [
            "", "-", ".", "e5", "1e", "1e+", "1e400", "inf", "NaN", "1.2.3", "--1", "1,5", " 1",
        ] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
    }

    proptest! {
        /// The short parser agrees with the standard library's to within a
        /// part in 10^14, on what `compact` writes and more.
        #[test]
        fn decimals_agree_with_std(text in "-?[0-9]{1,16}(\\.[0-9]{0,12})?(e-?[0-9]{1,2})?") {
            let std: f64 = text.parse().unwrap();
            let ours = decimal(&text).unwrap();
            prop_assert!((ours - std).abs() <= std.abs() * 1e-14, "{} {} {}", text, ours, std);
        }

        #[test]
        fn views_round_trip_to_within_a_second(a in -5e12f64..1e8, span in 1e-3f64..1e12) {
            let state = UrlState { view: Some((a, a + span)), ..UrlState::default() };
            let back = UrlState::from_pairs(state.to_pairs()).view;
            if let Some((x, y)) = back {
                let second: f64 = 1.0 / 86_400.0;
                prop_assert!((x - a).abs() <= second.max(a.abs() * 1e-15));
                prop_assert!((y - (a + span)).abs() <= second.max((a + span).abs() * 1e-15));
            } else {
                // Only a span too small to write at this precision may be lost.
                prop_assert!(span < 1e-4);
            }
        }
    }
}
