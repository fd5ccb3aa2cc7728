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
    /// The language the reader chose, as a BCP 47 tag.
    pub lang: Option<String>,
}

/// Query keys this module owns; everything else in the URL is preserved.
pub const KEYS: [&str; 8] = [
    "event",
    "view",
    "q",
    "hide-lane",
    "hide-tag",
    "hide-status",
    "list",
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
    let (a, b) = (a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?);
    (a.is_finite() && b.is_finite() && a < b).then_some((a, b))
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
            lang: Some("ja".into()),
        };
        assert_eq!(UrlState::from_pairs(state.to_pairs()), state);
    }

    #[test]
    fn ignores_malformed_and_foreign_values() {
        let state = UrlState::from_pairs([
            ("view", "5,2"),
            ("data", "x.json"),
            ("event", ""),
            ("list", "yes"),
            ("lang", " "),
        ]);
        assert_eq!(state, UrlState::default());
        assert_eq!(UrlState::from_pairs([("view", "NaN,1")]).view, None);
        assert_eq!(UrlState::from_pairs([("view", "1,inf")]).view, None);
    }

    proptest! {
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
