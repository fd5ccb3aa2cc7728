//! Ranked, typo-tolerant search over events, and the filters by lane, theme
//! and status.
//!
//! Pure functions of a dataset and a query. Search ranks every event that
//! matches all query words, by where the words match (title above themes and
//! actors, above the summary) and how closely (whole word, prefix, or within a
//! small edit distance). Filters decide which events are on the timeline at
//! all; search only highlights and lists.

use std::collections::BTreeSet;

use crate::model::{Dataset, Event, Status};

/// How many results the search lists.
pub const MAX_RESULTS: usize = 50;

/// One ranked result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the event in the dataset.
    pub index: usize,
    /// Higher is better.
    pub score: u32,
}

/// The words of a text, lower-cased, with full-width Latin letters and
/// digits (ＮＡＴＯ, ２００５) read as their ASCII forms. Japanese and
/// Chinese write without spaces, so a run of kana and kanji is one "word";
/// [`word_score`] matches CJK queries anywhere inside it.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(fold_width).collect::<String>().to_lowercase())
}

/// A full-width ASCII form (U+FF01–U+FF5E) as its ASCII character.
fn fold_width(c: char) -> char {
    match c as u32 {
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Kana and kanji: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3FFFD)
}

/// How well one query word matches one text word: 0 for no match.
fn word_score(query: &str, word: &str) -> u32 {
    if word == query {
        return 10;
    }
    if word.starts_with(query) {
        return 7;
    }
    // No spaces mark the words of Japanese: a CJK query matches inside a run.
    if query.chars().any(is_cjk) && word.contains(query) {
        return 6;
    }
    let q = query.chars().count();
    // Typos: one edit allowed from four letters, two from eight.
    let allowed = match q {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if allowed == 0 {
        return 0;
    }
    // Compare with the word's prefix of the same length too, so a typo in
    // the first letters of a long word still matches.
    let prefix: String = word.chars().take(q).collect();
    let distance = strsim::osa_distance(query, word).min(strsim::osa_distance(query, &prefix) + 1);
    if distance <= allowed {
        5 - distance as u32
    } else {
        0
    }
}

fn field_score(query: &str, text: &str) -> u32 {
    words(text)
        .map(|w| word_score(query, &w))
        .max()
        .unwrap_or(0)
}

/// Scores an event for all query words, on its texts in `lang` (the ones the
/// reader sees: its title, summary, lane, theme and actor names); `None` unless
/// every word matches somewhere.
fn event_score(
    query_words: &[String],
    event: &Event,
    dataset: &Dataset,
    lang: &str,
) -> Option<u32> {
    let (title, summary) = (event.title.get(lang), event.summary.get(lang));
    let lane = dataset
        .lanes
        .get(event.lane)
        .map_or("", |l| l.label.get(lang));
    let mut total = 0;
    for q in query_words {
        let title = field_score(q, title) * 3;
        let tags = event
            .tags
            .iter()
            .map(|t| dataset.theme_label(t, lang))
            .chain(event.actors.iter().map(|a| dataset.actor_label(a, lang)))
            .map(|t| field_score(q, t) * 2)
            .max()
            .unwrap_or(0);
        let lane = field_score(q, lane) * 2;
        let summary = field_score(q, summary);
        let best = title.max(tags).max(lane).max(summary);
        if best == 0 {
            return None;
        }
        total += best;
    }
    Some(total)
}

/// The events matching `query` in their texts in `lang` (the default
/// language where there is no translation), best first (ties in date
/// order), at most [`MAX_RESULTS`]. An empty query matches nothing.
pub fn search(dataset: &Dataset, query: &str, lang: &str) -> Vec<Hit> {
    let query_words: Vec<String> = words(query).collect();
    if query_words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = dataset
        .events
        .iter()
        .enumerate()
        .filter_map(|(index, e)| {
            event_score(&query_words, e, dataset, lang).map(|score| Hit { index, score })
        })
        .collect();
    // Best first, then in date order.
    crate::order::sort_by_key(&mut hits, |hit| {
        (u64::from(u32::MAX - hit.score), hit.index as u64)
    });
    hits.truncate(MAX_RESULTS);
    hits
}

/// What the reader has hidden. Empty sets show everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Hidden lanes, by index.
    pub lanes: BTreeSet<usize>,
    /// Hidden themes.
    pub tags: BTreeSet<String>,
    /// Hidden statuses.
    pub statuses: BTreeSet<Status>,
}

impl Filters {
    /// Whether nothing is hidden.
    pub fn is_empty(&self) -> bool {
        self.lanes.is_empty() && self.tags.is_empty() && self.statuses.is_empty()
    }

    /// Whether an event passes. An event hidden by any of its lane, status or
    /// themes is hidden; an event with no themes is never hidden by themes.
    pub fn shows(&self, event: &Event) -> bool {
        !self.lanes.contains(&event.lane)
            && !self.statuses.contains(&event.status)
            && (event.tags.is_empty() || event.tags.iter().any(|t| !self.tags.contains(t)))
    }

    /// Indexes of the events that pass, in date order.
    pub fn visible(&self, dataset: &Dataset) -> Vec<usize> {
        (0..dataset.events.len())
            .filter(|&i| self.shows(&dataset.events[i]))
            .collect()
    }
}

/// Counts for the filter panel: how many events each choice covers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterCounts {
    /// Events per lane, by lane index.
    pub lanes: Vec<usize>,
    /// Events per theme: the declared themes in the dataset's order, then
    /// the undeclared tags alphabetically.
    pub tags: Vec<(String, usize)>,
    /// Events per status, in [`Status::ALL`] order, for statuses present.
    pub statuses: Vec<(Status, usize)>,
}

/// Counts every lane, theme and status in the dataset.
pub fn filter_counts(dataset: &Dataset) -> FilterCounts {
    let mut lanes = vec![0; dataset.lanes.len()];
    let mut tags: std::collections::BTreeMap<String, usize> = Default::default();
    let mut statuses = [0usize; 4];
    for e in &dataset.events {
        if let Some(n) = lanes.get_mut(e.lane) {
            *n += 1;
        }
        for t in &e.tags {
            *tags.entry(t.clone()).or_default() += 1;
        }
        let s = Status::ALL.iter().position(|s| *s == e.status).unwrap_or(0);
        statuses[s] += 1;
    }
    // The author's order where the dataset declares its themes: sorting
    // by name would shuffle the list whenever the reader changes language.
    // Plain loops: this runs once a load, and the iterator adaptors it
    // replaced cost 1.3 KB of wasm.
    let mut ordered = Vec::with_capacity(tags.len());
    for theme in &dataset.themes {
        if let Some(&n) = tags.get(&theme.id) {
            ordered.push((theme.id.clone(), n));
        }
    }
    for (tag, n) in tags {
        if !dataset.themes.iter().any(|t| t.id == tag) {
            ordered.push((tag, n));
        }
    }
    FilterCounts {
        lanes,
        tags: ordered,
        statuses: Status::ALL
            .into_iter()
            .zip(statuses)
            .filter(|(_, n)| *n > 0)
            .collect(),
    }
}

/// Whether each of `len` events is among `hits`, by index: a mask rather
/// than a `HashSet<usize>`, which is faster to ask and is no extra copy of the
/// hash table in the wasm.
pub(crate) fn matched(hits: &[Hit], len: usize) -> Vec<bool> {
    let mut mask = vec![false; len];
    for hit in hits {
        if let Some(slot) = mask.get_mut(hit.index) {
            *slot = true;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_mask_marks_the_hits_only() {
        let hits = [
            Hit { index: 3, score: 1 },
            Hit { index: 0, score: 9 },
            Hit { index: 7, score: 2 },
        ];
        assert_eq!(super::matched(&hits, 5), [true, false, false, true, false]);
    }

    use super::*;
    use crate::model::{parse_dataset, DEFAULT_DATASET_JSON};
    use proptest::prelude::*;

    fn dataset() -> Dataset {
        parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset
    }

    fn ids(d: &Dataset, hits: &[Hit]) -> Vec<String> {
        hits.iter().map(|h| d.events[h.index].id.clone()).collect()
    }

    #[test]
    fn title_matches_rank_first() {
        let d = dataset();
        let hits = ids(&d, &search(&d, "taepodong", "en"));
        assert_eq!(hits.first().map(String::as_str), Some("taepodong-1-launch"));
    }

    #[test]
    fn japanese_text_is_found_inside_runs_without_spaces() {
        let d = parse_dataset(
            r#"{"events": [
                {"id": "t", "title": {"en": "North Korea launches Taepodong-1", "ja": "北朝鮮がテポドン1号を発射"}, "start": "1998"},
                {"id": "n", "title": {"en": "NATO summit", "ja": "ＮＡＴＯ首脳会議"}, "start": "1999"}
            ]}"#,
        )
        .unwrap()
        .dataset;
        assert_eq!(ids(&d, &search(&d, "テポドン", "ja")), ["t"]);
        assert_eq!(ids(&d, &search(&d, "発射", "ja")), ["t"]);
        assert_eq!(ids(&d, &search(&d, "テポドン", "en")), Vec::<String>::new());
        assert_eq!(
            ids(&d, &search(&d, "nato", "ja")),
            ["n"],
            "full-width letters fold"
        );
        assert_eq!(ids(&d, &search(&d, "首脳", "ja")), ["n"]);
        assert_eq!(
            ids(&d, &search(&d, "taepodong", "ja-JP")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn searches_the_texts_in_the_chosen_language() {
        let d = parse_dataset(
            r#"{"events": [
                {"id": "t", "title": {"en": "Treaty signed", "fr": "Traité signé"}, "start": "1960",
                 "summary": {"en": "In Washington.", "fr": "À Washington, par Kishi."}},
                {"id": "v", "title": "Visit", "start": "1961"}
            ]}"#,
        )
        .unwrap()
        .dataset;
        assert_eq!(ids(&d, &search(&d, "traité", "fr")), ["t"]);
        assert_eq!(
            ids(&d, &search(&d, "kishi", "fr-CA")),
            ["t"],
            "the summary too"
        );
        assert!(
            search(&d, "traité", "en").is_empty(),
            "not the text the reader sees"
        );
        assert_eq!(ids(&d, &search(&d, "treaty", "en")), ["t"]);
        assert_eq!(
            ids(&d, &search(&d, "visit", "fr")),
            ["v"],
            "untranslated texts are searched in the default language"
        );
    }

    #[test]
    fn tolerates_typos() {
        let d = dataset();
        for typo in ["taepodnog", "koizumy", "declaraton", "missle"] {
            assert!(!search(&d, typo, "en").is_empty(), "{typo} found nothing");
        }
        assert_eq!(
            ids(&d, &search(&d, "koizumy", "en"))[0],
            ids(&d, &search(&d, "koizumi", "en"))[0]
        );
    }

    #[test]
    fn every_word_must_match() {
        let d = dataset();
        let both = ids(&d, &search(&d, "kyoto summit", "en"));
        assert_eq!(both[0], "kyoto-summit", "the title match ranks first");
        assert!(
            both.iter()
                .all(|id| id == "kyoto-summit" || id == "joint-declaration-planned"),
            "{both:?}"
        );
        assert!(search(&d, "kyoto zebra", "en").is_empty());
        assert!(search(&d, "  ", "en").is_empty());
    }

    #[test]
    fn searches_themes_and_actors() {
        let d = dataset();
        let by_theme = search(&d, "intelligence", "en");
        assert!(by_theme
            .iter()
            .any(|h| d.events[h.index].tags.iter().any(|t| t == "intelligence")));
        let by_actor = search(&d, "china", "en");
        assert!(by_actor
            .iter()
            .any(|h| d.events[h.index].actors.iter().any(|a| a == "China")));
    }

    #[test]
    fn lane_and_theme_names_are_searched_in_the_readers_language() {
        let d = dataset();
        // Only the "China & the Koreas" lane's Japanese name says 朝鮮半島,
        // and only the "intelligence" theme's says インテリジェンス.
        assert_eq!(
            ids(&d, &search(&d, "朝鮮半島", "ja")),
            ["anti-japanese-sentiment"]
        );
        assert_eq!(
            ids(&d, &search(&d, "インテリジェンス", "ja")),
            ["agenda-intelligence-sharing"]
        );
        assert!(search(&d, "朝鮮半島", "en").is_empty());
        assert!(search(&d, "インテリジェンス", "en").is_empty());
    }

    #[test]
    fn actor_names_are_searched_in_the_readers_language() {
        let mut d = dataset();
        // A word no text of the dataset holds, as China's Japanese name.
        let china = d.actors.iter_mut().find(|a| a.id == "China").unwrap();
        china.label = crate::model::Text {
            default: "China".into(),
            translations: std::collections::BTreeMap::from([(
                "ja".to_owned(),
                "ちゅうごくてすと".to_owned(),
            )])
            .into(),
        };
        let hits = search(&d, "ちゅうごくてすと", "ja");
        assert!(!hits.is_empty());
        assert!(hits
            .iter()
            .all(|h| d.events[h.index].actors.iter().any(|a| a == "China")));
        assert!(search(&d, "ちゅうごくてすと", "en").is_empty());
    }

    #[test]
    fn themes_are_counted_in_the_declared_order_then_alphabetically() {
        let d = parse_dataset(
            r#"{"themes": [{"id": "z"}, {"id": "unused"}, {"id": "m"}], "events": [
                {"id": "a", "title": "A", "start": "2000", "tags": ["b", "m", "z"]},
                {"id": "b", "title": "B", "start": "2001", "tags": ["a", "z"]}]}"#,
        )
        .unwrap()
        .dataset;
        let counts = filter_counts(&d).tags;
        assert_eq!(
            counts,
            [("z", 2), ("m", 1), ("a", 1), ("b", 1)].map(|(t, n)| (t.to_owned(), n))
        );
        let shipped = dataset();
        let order: Vec<String> = filter_counts(&shipped)
            .tags
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        let declared: Vec<String> = shipped.themes.iter().map(|t| t.id.clone()).collect();
        assert_eq!(
            order, declared,
            "the shipped dataset declares every theme it uses"
        );
    }

    #[test]
    fn filters_hide_by_lane_status_and_theme() {
        let d = dataset();
        let mut f = Filters::default();
        assert_eq!(f.visible(&d).len(), d.events.len());
        f.statuses.insert(Status::Proposed);
        assert!(f
            .visible(&d)
            .iter()
            .all(|&i| d.events[i].status != Status::Proposed));
        f.lanes.insert(0);
        assert!(f.visible(&d).iter().all(|&i| d.events[i].lane != 0));
        let counts = filter_counts(&d);
        assert_eq!(counts.lanes.iter().sum::<usize>(), d.events.len());
        assert_eq!(
            counts.statuses.iter().map(|(_, n)| n).sum::<usize>(),
            d.events.len()
        );
    }

    proptest! {
        #[test]
        fn visible_events_are_exactly_those_that_pass(hide_lanes in proptest::collection::btree_set(0usize..6, 0..4), hide_status in any::<bool>()) {
            let d = dataset();
            let mut f = Filters { lanes: hide_lanes, ..Filters::default() };
            if hide_status { f.statuses.insert(Status::Occurred); }
            let visible = f.visible(&d);
            prop_assert!(visible.windows(2).all(|w| w[0] < w[1]), "date order");
            for (i, e) in d.events.iter().enumerate() {
                prop_assert_eq!(visible.contains(&i), f.shows(e));
            }
        }

        #[test]
        fn search_never_panics_and_stays_bounded(query in "\\PC{0,40}") {
            let d = dataset();
            let hits = search(&d, &query, "en");
            prop_assert!(hits.len() <= MAX_RESULTS);
            prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }
}
