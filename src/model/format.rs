//! The native JSON format's shapes, exactly as written in a file.
//!
//! These structs are the single description of the format: [`super::parse`]
//! reads them, [`super::export`] writes them, and the JSON Schema in
//! `docs/annals.schema.json` is generated from them (native tests only, so
//! `schemars` never reaches the wasm bundle). Checking and resolving (dates,
//! ids, lanes, links) happens in `parse`, not here.
//!
//! Unknown keys are collected in `extra` rather than refused, so the parser
//! can warn about them and still load the rest.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A text field: a plain string in the default language, or an object of
/// language tag to string.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(
    untagged,
    expecting = "expected text: a string, or an object of language tag to string such as {\"en\": \"…\", \"ja\": \"…\"}"
)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Text"))]
pub(crate) enum RawText {
    /// Text in the dataset's default language only.
    Plain(String),
    /// The same text in several languages, keyed by BCP 47 tag.
    Translated(BTreeMap<String, String>),
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
    /// The events, in any order.
    pub events: Vec<RawEvent>,
    /// Keys the format does not know; warned about and ignored.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// A lane.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Lane"))]
pub(crate) struct RawLane {
    /// Identifier events use in `lane`.
    pub id: String,
    /// Text shown at the start of the lane; the id when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Unknown keys.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

/// An era: a labelled background band.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(rename = "Era"))]
pub(crate) struct RawEra {
    /// Optional identifier, unique among eras.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The band's label.
    pub title: RawText,
    /// Start date, in any native date form.
    pub start: String,
    /// End date, in any native date form; not before `start`.
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
pub(crate) struct RawEvent {
    /// Unique, stable identifier.
    pub id: String,
    /// Short title shown on the timeline.
    pub title: RawText,
    /// Start date: `1998`, `2005-fall`, `2005-Q3`, `1998-08`, `1998-08-31`,
    /// `1998-08-31T14:05`, `-500`, or deep time such as `66 Ma`.
    pub start: String,
    /// End date, same forms; not before `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    /// Themes.
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

fn is_false(b: &bool) -> bool {
    !*b
}

/// A minimal valid instance of each kind of object, used to find which field
/// of a rejected object is at fault: each field is tried alone on top of it.
pub(crate) const MINIMAL_EVENT: &str = r#"{"id": "x", "title": "x", "start": "2000"}"#;
pub(crate) const MINIMAL_ERA: &str = r#"{"title": "x", "start": "2000", "end": "2000"}"#;
pub(crate) const MINIMAL_LANE: &str = r#"{"id": "x"}"#;
pub(crate) const MINIMAL_DATASET: &str = r#"{"events": []}"#;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

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

    #[test]
    fn the_shipped_dataset_matches_the_schema_shapes() {
        // Strict reading (no unknown keys) of the shipped file through the raw types.
        let raw: RawDataset = serde_json::from_str(crate::model::DEFAULT_DATASET_JSON)
            .expect("the shipped dataset reads");
        assert!(raw.extra.is_empty());
        assert!(raw.events.iter().all(|e| e.extra.is_empty()));
    }
}
