//! Fields a native file names that the format does not know.
//!
//! serde keeps them in each object's `extra` (see [`super::format`]) rather
//! than refusing the object, and this module turns each into a warning that
//! names it, with "did you mean `title`?" when a field of the same kind of
//! object is a small edit away. The object still loads; a rejected object
//! (an event whose `title` is missing because it was written `titel`) gets
//! the same warnings next to its errors, so the typo behind the error shows.
//!
//! Costs nothing for a file without unknown fields: a known field never
//! reaches `extra`, and an empty map is not walked. A file with a typo
//! usually has it in every event, so the last few suggestions are
//! remembered rather than worked out again for every event.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::format::{
    RawDataset, RawEra, RawEvent, RawHeader, RawLane, RawMedia, RawSource, RawTheme,
};
use super::parse::{Location, Message, Problem};
use crate::i18n::Msg;

/// One kind of object of the native format: the fields it knows, and the
/// unknown ones a file gave it.
pub(crate) trait Fields {
    /// Every field the format defines for this object, as written in files.
    const NAMES: &'static [&'static str];

    /// The fields the file gave that are not in [`Fields::NAMES`].
    fn extra(&self) -> &BTreeMap<String, Value>;
}

macro_rules! fields {
    ($raw:ty, [$($name:literal),* $(,)?]) => {
        impl Fields for $raw {
            const NAMES: &'static [&'static str] = &[$($name),*];

            fn extra(&self) -> &BTreeMap<String, Value> {
                &self.extra
            }
        }
    };
}

fields!(
    RawDataset,
    [
        "title",
        "description",
        "author",
        "license",
        "language",
        "sources",
        "eras",
        "lanes",
        "themes",
        "actors",
        "events"
    ]
);
// The header knows the same fields: a typo of `events` is still suggested.
impl Fields for RawHeader {
    const NAMES: &'static [&'static str] = RawDataset::NAMES;

    fn extra(&self) -> &BTreeMap<String, Value> {
        &self.extra
    }
}
fields!(RawLane, ["id", "label"]);
fields!(RawTheme, ["id", "label"]);
fields!(RawEra, ["id", "title", "start", "end"]);
fields!(
    RawEvent,
    [
        "id",
        "title",
        "start",
        "end",
        "circa",
        "display_date",
        "status",
        "lane",
        "actors",
        "tags",
        "summary",
        "media",
        "sources",
        "related",
        "importance"
    ]
);
fields!(RawMedia, ["url", "alt", "caption", "credit"]);
fields!(
    RawSource,
    [
        "title",
        "publisher",
        "author",
        "date",
        "dateline",
        "url",
        "note"
    ]
);

/// Warns about each unknown field of an object that was read, at `at`
/// ("event 3 (id \"x\")", "lanes[2]", "dataset").
pub(crate) fn warn_unknown<T: Fields>(raw: &T, at: &Location, problems: &mut Vec<Problem>) {
    if !raw.extra().is_empty() {
        warn_names(raw.extra().keys(), T::NAMES, at, problems);
    }
}

/// Warns about each unknown field of an object that could not be read as a
/// `T`, so that a typo behind a "missing field" error shows next to it.
pub(crate) fn warn_unknown_in<T: Fields>(
    object: &Map<String, Value>,
    at: &Location,
    problems: &mut Vec<Problem>,
) {
    warn_names(object.keys(), T::NAMES, at, problems);
}

/// One warning per name that is not in `known`. Not generic over the kind
/// of object, so that the wasm holds one copy.
fn warn_names<'a>(
    names: impl Iterator<Item = &'a String>,
    known: &'static [&'static str],
    at: &Location,
    problems: &mut Vec<Problem>,
) {
    for name in names.filter(|name| !known.contains(&name.as_str())) {
        let location = at.field(name);
        let message = match suggestion(name, known) {
            Some(field) => Message::new(Msg::PUnknownFieldSuggest)
                .with("field", name)
                .with("suggestion", field),
            None => Message::new(Msg::PUnknownFieldIgnored).with("field", name),
        };
        problems.push(Problem::warning(location, message));
    }
}

/// A suggestion worked out before: the field list (by address), the unknown
/// name and the answer.
type Remembered = (usize, String, Option<&'static str>);

thread_local! {
    /// The last few suggestions: a file with a typo usually has it in every
    /// event, so most lookups hit one of these.
    static SUGGESTED: RefCell<Vec<Remembered>> = const { RefCell::new(Vec::new()) };
}

/// How many suggestions [`SUGGESTED`] keeps: a file with many different
/// unknown names gets no faster, but the list no longer either.
const REMEMBERED: usize = 32;

/// [`did_you_mean`], remembered. A field list is told apart by its address;
/// were two copies of one list at two addresses, that would only cost a
/// second lookup, never a wrong answer.
fn suggestion(name: &str, known: &'static [&'static str]) -> Option<&'static str> {
    let list = known.as_ptr() as usize;
    SUGGESTED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((.., field)) = cache.iter().find(|(l, n, _)| *l == list && n == name) {
            return *field;
        }
        let field = did_you_mean(name, known);
        if cache.len() < REMEMBERED {
            cache.push((list, name.to_owned(), field));
        }
        field
    })
}

/// The known field `name` most likely stands for: the same letters in
/// another case, or the nearest within a small edit distance (one edit up to
/// four letters, two up to eight, three beyond), a swap of two neighbours
/// counting as one.
fn did_you_mean(name: &str, known: &'static [&'static str]) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let allowed = match lower.chars().count() {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    known
        .iter()
        .map(|&k| (strsim::osa_distance(&lower, k), k))
        .filter(|&(distance, _)| distance <= allowed)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field_of_the_same_object() {
        let cases = [
            ("titel", RawEvent::NAMES, Some("title")),
            ("Title", RawEvent::NAMES, Some("title")),
            ("sumary", RawEvent::NAMES, Some("summary")),
            ("displaydate", RawEvent::NAMES, Some("display_date")),
            ("satrt", RawEvent::NAMES, Some("start")),
            ("tag", RawEvent::NAMES, Some("tags")),
            ("colour", RawEvent::NAMES, None),
            ("x", RawEvent::NAMES, None),
            ("captoin", RawMedia::NAMES, Some("caption")),
            ("lable", RawLane::NAMES, Some("label")),
            // Media's `caption` is not an event's field.
            ("caption", RawEvent::NAMES, None),
            ("publsher", RawSource::NAMES, Some("publisher")),
            ("descripton", RawDataset::NAMES, Some("description")),
            ("theme", RawDataset::NAMES, Some("themes")),
            ("labell", RawTheme::NAMES, Some("label")),
        ];
        for (name, known, expected) in cases {
            assert_eq!(did_you_mean(name, known), expected, "{name}");
        }
    }

    #[test]
    fn rejected_objects_name_their_unknown_fields_only() {
        let object: Map<String, Value> =
            serde_json::from_str(r#"{"id": "a", "titel": "A", "start": "2000"}"#).unwrap();
        let mut problems = Vec::new();
        let at = Location::Event {
            index: 0,
            id: Some("a".into()),
            inner: Default::default(),
        };
        warn_unknown_in::<RawEvent>(&object, &at, &mut problems);
        assert_eq!(
            problems,
            [Problem::warning(
                at.field("titel"),
                Message::new(Msg::PUnknownFieldSuggest)
                    .with("field", "titel")
                    .with("suggestion", "title")
            )]
        );
        assert_eq!(
            problems[0].location.to_string(),
            "event 0 (id \"a\"), field `titel`"
        );
    }

    const TYPOS: &str = r#"{"titel": "T", "lanes": [{"id": "a", "lable": "A"}],
        "eras": [{"title": "E", "start": "1990", "end": "1991", "ned": "1992"}],
        "sources": [{"title": "S", "publsher": "P"}],
        "events": [
            {"id": "ok", "title": "Fine", "start": "2000", "lane": "a", "sumary": "s", "colour": "red",
             "media": [{"url": "https://example.org/a.png", "captoin": "c"}],
             "sources": [{"title": "S", "ulr": "https://example.org/"}]},
            {"id": "typo", "titel": "Typo", "start": "2001"}
        ]}"#;

    #[test]
    fn typos_are_named_at_every_level_with_a_suggestion_and_valid_events_load() {
        let loaded = crate::model::parse_dataset(TYPOS).unwrap();
        assert_eq!(loaded.dataset.events.len(), 1, "the valid event loads");
        let found: Vec<(String, &str)> = loaded
            .problems
            .iter()
            .map(|p| (p.location.to_string(), p.message.as_str()))
            .collect();
        let did_you_mean = |at: &'static str, name: &'static str, known: &str| {
            (
                at,
                format!("unknown field `{name}` was ignored; did you mean `{known}`?"),
            )
        };
        let expected = [
            did_you_mean("dataset, field `titel`", "titel", "title"),
            did_you_mean(
                "dataset, sources[0], field `publsher`",
                "publsher",
                "publisher",
            ),
            did_you_mean("lanes[0], field `lable`", "lable", "label"),
            did_you_mean("eras[0], field `ned`", "ned", "end"),
            (
                "event 0 (id \"ok\"), field `colour`",
                "unknown field `colour` was ignored".to_owned(),
            ),
            did_you_mean("event 0 (id \"ok\"), field `sumary`", "sumary", "summary"),
            did_you_mean(
                "event 0 (id \"ok\"), media[0], field `captoin`",
                "captoin",
                "caption",
            ),
            did_you_mean("event 0 (id \"ok\"), sources[0], field `ulr`", "ulr", "url"),
            (
                "event 1 (id \"typo\"), field `title`",
                "missing field `title`".to_owned(),
            ),
            did_you_mean("event 1 (id \"typo\"), field `titel`", "titel", "title"),
        ];
        let expected: Vec<(String, &str)> = expected
            .iter()
            .map(|(a, m)| (a.to_string(), m.as_str()))
            .collect();
        assert_eq!(found, expected);
        assert_eq!(loaded.problems[8].kind, crate::model::ProblemKind::Error);
    }

    #[test]
    fn typos_read_the_same_in_steps() {
        let mut reader = crate::model::Reader::new(TYPOS.as_bytes().to_vec());
        let stepped = loop {
            if let Some(result) = reader.step(1) {
                break result;
            }
        };
        assert_eq!(stepped, crate::model::parse_bytes(TYPOS.as_bytes()));
    }

    /// The lists above must name exactly the fields of the types they stand
    /// for, as the JSON Schema (generated from the same types) does.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_field_lists_match_the_schema() {
        fn properties<T: schemars::JsonSchema>() -> Vec<String> {
            let schema = schemars::schema_for!(T);
            let mut names: Vec<String> = schema
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            names.sort();
            names
        }
        fn sorted(names: &[&str]) -> Vec<String> {
            let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            names.sort();
            names
        }
        assert_eq!(properties::<RawDataset>(), sorted(RawDataset::NAMES));
        assert_eq!(properties::<RawLane>(), sorted(RawLane::NAMES));
        assert_eq!(properties::<RawTheme>(), sorted(RawTheme::NAMES));
        assert_eq!(properties::<RawEra>(), sorted(RawEra::NAMES));
        assert_eq!(properties::<RawEvent>(), sorted(RawEvent::NAMES));
        assert_eq!(properties::<RawMedia>(), sorted(RawMedia::NAMES));
        assert_eq!(properties::<RawSource>(), sorted(RawSource::NAMES));
    }
}
