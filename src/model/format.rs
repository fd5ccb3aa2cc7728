//! The native JSON format's shapes, exactly as written in a file.
//!
//! These structs are the single description of the format: [`super::parse`]
//! reads them, [`super::export`] writes them, and the JSON Schema in
//! `docs/annals.schema.json` is generated from them (native tests only, so
//! `schemars` never reaches the wasm bundle). Checking and resolving (dates,
//! ids, lanes, links) happens in `parse`, not here.
//!
//! Unknown keys are collected in `extra` rather than refused, so the parser
//! can warn about them (`unknown_fields`) and still load the rest. The
//! schema says `additionalProperties: false`, so that an editor flags the
//! same keys as the loader does.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a text field must be, in the message when it is not.
pub(crate) const TEXT_EXPECTED: &str = "expected text: a string, or an object of language tag to string such as {\"en\": \"…\", \"ja\": \"…\"}";

/// The example in [`TEXT_EXPECTED`], a placeholder of its translations.
pub(crate) const TEXT_EXAMPLE: &str = "{\"en\": \"…\", \"ja\": \"…\"}";

// Read by hand (see the `Deserialize` impl below); written and described in
// the schema as an untagged enum.
/// A text field: a plain string in the default language, or an object of
/// language tag to string.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(untagged)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Text"))]
pub(crate) enum RawText {
    /// Text in the dataset's default language only.
    Plain(String),
    /// The same text in several languages, keyed by BCP 47 tag.
    Translated(BTreeMap<String, String>),
}

/// Reads a string or an object of strings directly, rather than as serde's
/// untagged enums do: those buffer the value and try each variant in turn,
/// formatting an error for every variant that fails, which made a file of
/// events with a wrong-typed title several times slower to check than a
/// valid one. Any other value is the one error [`TEXT_EXPECTED`], as before.
impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RawText, D::Error> {
        use serde::de::{Error, MapAccess, SeqAccess, Visitor};
        use std::fmt;

        struct Text;
        fn wrong<E: Error>() -> E {
            E::custom(TEXT_EXPECTED)
        }
        impl<'de> Visitor<'de> for Text {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(TEXT_EXPECTED)
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(v.to_owned()))
            }
            fn visit_string<E: Error>(self, v: String) -> Result<RawText, E> {
                Ok(RawText::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some(lang) = map.next_key::<String>().map_err(|_| wrong())? {
                    let text = map.next_value::<String>().map_err(|_| wrong())?;
                    texts.insert(lang, text);
                }
                Ok(RawText::Translated(texts))
            }
            fn visit_bool<E: Error>(self, _: bool) -> Result<RawText, E> {
                Err(wrong())
            }
            fn visit_i64<E: Error>(self, _: i64) -> Result<RawText, E> {
                Err(wrong())
            }
            fn visit_u64<E: Error>(self, _: u64) -> Result<RawText, E> {
                Err(wrong())
            }
            fn visit_f64<E: Error>(self, _: f64) -> Result<RawText, E> {
                Err(wrong())
            }
            fn visit_unit<E: Error>(self) -> Result<RawText, E> {
                Err(wrong())
            }
            fn visit_none<E: Error>(self) -> Result<RawText, E> {
                Err(wrong())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<RawText, A::Error> {
                Err(wrong())
            }
        }
        deserializer.deserialize_any(Text)
    }
}

impl Default for RawText {
    fn default() -> RawText {
        RawText::Plain(String::new())
    }
}

impl RawText {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            RawText::Plain(text) => text.is_empty(),
            RawText::Translated(map) => map.values().all(String::is_empty),
        }
    }
}

/// Whether an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Status"))]
pub(crate) enum RawStatus {
    /// It happened (the default).
    Occurred,
    /// It was scheduled or announced.
    Planned,
    /// It was put forward but not decided.
    Proposed,
    /// It was planned and called off.
    Cancelled,
}

/// A dataset file.
#[derive(Debug, Default, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(title = "annals dataset")
)]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(extend("additionalProperties" = false))
)]
pub(crate) struct RawDataset {
    /// Title shown in the header.
    #[serde(default, skip_serializing_if = "RawText::is_empty")]
    pub title: RawText,
    /// One or two sentences about the dataset, in the Markdown subset.
    #[serde(default, skip_serializing_if = "RawText::is_empty")]
    pub description: RawText,
    /// Who compiled the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Reuse terms, e.g. an SPDX id such as "CC-BY-4.0".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// BCP 47 tag of the default language; "en" when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Where the dataset as a whole comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawSource>,
    /// Labelled spans drawn as background bands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<RawEra>,
    /// Lanes, top to bottom.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lanes: Vec<RawLane>,
    /// Names of the themes events give in `tags`, so that they can be
    /// translated; a tag not declared here names itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<RawTheme>,
    /// Names of the actors events give in `actors`, so that they can be
    /// translated; an actor not declared here names itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<RawTheme>,
    /// The events, in any order.
    pub events: Vec<RawEvent>,
    /// Keys the format does not know; warned about and ignored.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// What the parser reads of a dataset file's top level: [`RawDataset`]
/// without `events`, `lanes` and `eras`, which are taken out and read one
/// item at a time. Reading the header as a `RawDataset` compiled a second
/// copy of the event, lane and era readers into the wasm (through serde's
/// buffered `flatten` path) that never ran.
#[derive(Debug, Deserialize)]
pub(crate) struct RawHeader {
    /// As in [`RawDataset`].
    #[serde(default)]
    pub title: RawText,
    /// As in [`RawDataset`].
    #[serde(default)]
    pub description: RawText,
    /// As in [`RawDataset`].
    #[serde(default)]
    pub author: Option<String>,
    /// As in [`RawDataset`].
    #[serde(default)]
    pub license: Option<String>,
    /// As in [`RawDataset`].
    #[serde(default)]
    pub language: Option<String>,
    /// As in [`RawDataset`].
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// Keys the format does not know (never `events`, `lanes`, `eras` or
    /// `themes`, which the parser has taken out).
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A lane.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Lane"))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(extend("additionalProperties" = false))
)]
pub(crate) struct RawLane {
    /// Identifier events use in `lane`.
    pub id: String,
    /// Text shown at the start of the lane; the id when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<RawText>,
    /// Unknown keys.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// A theme: the name of a tag that events give in `tags`.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Theme"))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(extend("additionalProperties" = false))
)]
pub(crate) struct RawTheme {
    /// The tag as events write it in `tags` (for an actor: as events write
    /// it in `actors`).
    pub id: String,
    /// The name shown to readers; the id when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<RawText>,
    /// Unknown keys.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// An era: a labelled background band.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Era"))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(extend("additionalProperties" = false))
)]
pub(crate) struct RawEra {
    /// Optional identifier, unique among eras.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The band's label.
    pub title: RawText,
    /// Start date, in any native date form.
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(regex(pattern = DATE_PATTERN)))]
    pub start: String,
    /// End date, in any native date form; not before `start`.
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(regex(pattern = DATE_PATTERN)))]
    pub end: String,
    /// Unknown keys.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// An event.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Event"))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(extend("additionalProperties" = false))
)]
pub(crate) struct RawEvent {
    /// Unique, stable identifier.
    pub id: String,
    /// Short title shown on the timeline.
    pub title: RawText,
    /// Start date: `1998`, `2005-fall`, `2005-Q3`, `1998-08`, `1998-08-31`,
    /// `1998-08-31T14:05`, `-500`, or deep time such as `66 Ma`.
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(regex(pattern = DATE_PATTERN)))]
    pub start: String,
    /// End date, same forms; not before `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(regex(pattern = DATE_PATTERN)))]
    pub end: Option<String>,
    /// The dates are approximate.
    #[serde(default, skip_serializing_if = "is_false")]
    pub circa: bool,
    /// How to write the date for a reader, replacing the generated text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_date: Option<RawText>,
    /// Whether it happened; "occurred" when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RawStatus>,
    /// Lane id; the first actor, or "Events", when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<String>,
    /// Who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// Themes, each a tag; `themes` may give a tag a translatable name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Summary in the safe Markdown subset (emphasis, links, lists).
    #[serde(default, skip_serializing_if = "RawText::is_empty")]
    pub summary: RawText,
    /// Pictures and pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<RawMedia>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawSource>,
    /// Ids of related events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// How much the event matters to the story, from 1 (a detail) to 5
    /// (central); when not every label fits, more important events keep
    /// theirs. Left out, an event counts as 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(range(min = 1, max = 5))
    )]
    pub importance: Option<u8>,
    /// Unknown keys.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// A picture, video or page.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Media"))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(extend("additionalProperties" = false))
)]
pub(crate) struct RawMedia {
    /// An http or https URL.
    pub url: String,
    /// Text alternative.
    #[serde(default, skip_serializing_if = "RawText::is_empty")]
    pub alt: RawText,
    /// Caption.
    #[serde(default, skip_serializing_if = "RawText::is_empty")]
    pub caption: RawText,
    /// Credit line.
    #[serde(default, skip_serializing_if = "RawText::is_empty")]
    pub credit: RawText,
    /// Unknown keys.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// A source.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Source"))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    schemars(extend("additionalProperties" = false))
)]
pub(crate) struct RawSource {
    /// Title of the article, document or page.
    pub title: String,
    /// Newspaper, publisher or office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date, any native date form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(regex(pattern = DATE_PATTERN)))]
    pub date: Option<String>,
    /// Where it was filed from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// An http or https link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A short remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Unknown keys.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// The shape of every native date form that `Date::parse` reads: a year
/// (`1998`, `-500`, `+2100`), with a season (`2005-fall`), a quarter
/// (`2005-Q3`), a month (`1998-08`), a day (`1998-08-31`) and a time
/// (`1998-08-31T14:05`), or deep time (`66 Ma`, `13.8 Ga`, `12 ka`), with
/// white space around. The schema carries it; it checks shapes only (not
/// that February 30 does not exist, nor the names of seasons): the parser
/// does the rest. Written for ECMAScript regular expressions, the dialect of
/// JSON Schema, using nothing Rust's `regex` reads differently.
#[cfg(all(test, not(target_arch = "wasm32")))]
const DATE_PATTERN: &str = r"^\s*(?:[0-9]+(?:\.[0-9]+)?\s*(?:[kK][aA]|[mM]a|MA|[gG]a|GA)|[+-]?[0-9]+(?:-(?:[Qq][0-9]+|[A-Za-z]+|[0-9]+(?:-[0-9]+(?:T[0-9]+:[0-9]+)?)?))?)\s*$";

fn is_false(b: &bool) -> bool {
    !*b
}

/// A minimal valid instance of each kind of object, used to find which field
/// of a rejected object is at fault: each field is tried alone on top of it.
pub(crate) const MINIMAL_EVENT: &str = r#"{"id": "x", "title": "x", "start": "2000"}"#;
pub(crate) const MINIMAL_ERA: &str = r#"{"title": "x", "start": "2000", "end": "2000"}"#;
pub(crate) const MINIMAL_LANE: &str = r#"{"id": "x"}"#;
pub(crate) const MINIMAL_THEME: &str = r#"{"id": "x"}"#;
pub(crate) const MINIMAL_DATASET: &str = r#"{"events": []}"#;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn texts_read_as_strings_or_objects_of_strings() {
        let read = |json: &str| serde_json::from_str::<RawText>(json).map_err(|e| e.to_string());
        let via_value = |json: &str| {
            serde_json::from_value::<RawText>(serde_json::from_str(json).unwrap())
                .map_err(|e| e.to_string())
        };
        assert_eq!(read(r#""Treaty""#), Ok(RawText::Plain("Treaty".into())));
        let both = RawText::Translated(BTreeMap::from([
            ("en".into(), "Treaty".into()),
            ("ja".into(), "条約".into()),
        ]));
        assert_eq!(read(r#"{"en": "Treaty", "ja": "条約"}"#), Ok(both.clone()));
        assert_eq!(via_value(r#"{"en": "Treaty", "ja": "条約"}"#), Ok(both));
        for wrong in ["7", "true", "null", "[\"a\"]", r#"{"en": 7}"#, "1.5"] {
            let message = via_value(wrong).unwrap_err();
            assert_eq!(message, TEXT_EXPECTED, "{wrong}");
            assert!(
                read(wrong).unwrap_err().starts_with(TEXT_EXPECTED),
                "{wrong}"
            );
        }
    }

    const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/annals.schema.json");

    /// The committed schema must be the one generated from these types.
    /// Regenerate with `UPDATE_SCHEMA=1 cargo test schema`.
    #[test]
    fn schema_file_is_up_to_date() {
        let schema = schemars::schema_for!(RawDataset);
        let generated = serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n";
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(SCHEMA_PATH, &generated).expect("writing docs/annals.schema.json");
            return;
        }
        let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
        assert!(
            committed == generated,
            "docs/annals.schema.json is out of date with src/model/format.rs; \
             regenerate it with `UPDATE_SCHEMA=1 cargo test schema` and commit it"
        );
    }

    fn date_pattern() -> regex::Regex {
        regex::Regex::new(DATE_PATTERN).expect("the date pattern compiles")
    }

    #[test]
    fn date_fields_carry_the_date_pattern() {
        let schema = serde_json::to_value(schemars::schema_for!(RawDataset)).unwrap();
        for pointer in [
            "/$defs/Event/properties/start/pattern",
            "/$defs/Event/properties/end/pattern",
            "/$defs/Era/properties/start/pattern",
            "/$defs/Era/properties/end/pattern",
            "/$defs/Source/properties/date/pattern",
        ] {
            assert_eq!(
                schema.pointer(pointer).and_then(Value::as_str),
                Some(DATE_PATTERN),
                "{pointer}"
            );
        }
    }

    #[test]
    fn the_date_pattern_takes_the_documented_forms_and_refuses_other_shapes() {
        let pattern = date_pattern();
        for good in [
            "1998",
            "-500",
            "+2100",
            "2005-fall",
            "2005-Autumn",
            "2005-Q3",
            "1998-08",
            "1998-08-31",
            "1998-08-31T14:05",
            "66 Ma",
            "13.8 Ga",
            "12ka",
            " 1998 ",
        ] {
            assert!(pattern.is_match(good), "{good:?} should match");
            assert!(crate::model::Date::parse(good).is_ok(), "{good:?} parses");
        }
        for bad in [
            "",
            "1998/08/31",
            "Aug 1998",
            "1998-08-31 14:05",
            "yesterday",
            "66 My",
            "-66 Ma",
            "1998T14:05",
            "1998-",
            "c. 1200",
        ] {
            assert!(!pattern.is_match(bad), "{bad:?} should not match");
            assert!(
                crate::model::Date::parse(bad).is_err(),
                "{bad:?} does not parse"
            );
        }
    }

    proptest::proptest! {
        /// The schema never refuses a date annals reads: every text the
        /// parser takes matches the pattern.
        #[test]
        fn every_date_the_parser_reads_matches_the_pattern(
            text in r"\s?[+-]?[0-9]{1,5}((-([0-9]{1,2}|[Qq][0-9]|spring|FALL|autumn|x)(-[0-9]{1,2}(T[0-9]{1,2}:[0-9]{1,2})?)?)|(\.[0-9]{1,2})? ?(ka|Ma|GA|mA|My))?\s?"
        ) {
            if crate::model::Date::parse(&text).is_ok() {
                proptest::prop_assert!(date_pattern().is_match(&text), "{:?} parses but does not match", text);
            }
        }
    }

    #[test]
    fn the_shipped_dataset_matches_the_schema_shapes() {
        // Strict reading (no unknown keys) of the shipped file through the raw types.
        let raw: RawDataset = serde_json::from_str(crate::model::DEFAULT_DATASET_JSON)
            .expect("the shipped dataset reads");
        assert!(raw.extra.is_empty());
        assert!(raw.events.iter().all(|e| e.extra.is_empty()));
        assert!(raw.lanes.iter().all(|l| l.extra.is_empty()));
        assert!(raw.themes.iter().all(|t| t.extra.is_empty()));
        assert!(!raw.themes.is_empty());
    }
}
