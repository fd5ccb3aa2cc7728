//! The data model: a dataset of events in lanes, each with dated sources.
//!
//! Everything here is plain data, checked on the way in by [`parse`], so the
//! rest of the app can rely on the invariants listed on [`Dataset`]. Nothing in
//! this module knows about yew, the DOM or the network.
//!
//! The way in: [`import::parse_bytes`] and [`import::parse_any`] detect the
//! format and hand over to [`parse`] (native JSON, whose shapes live in
//! `format`), [`timelinejs`], [`csv_import`] or [`text_format`] (plain
//! text); all of them funnel into `parse::assemble`, so ids, lanes, links
//! and order are checked in one place. The way out is `export`
//! ([`to_native_json`], [`to_csv`]), [`to_timelinejs`] and [`to_text`].
//! Texts are translatable [`Text`]s; summaries are Markdown source, turned
//! into a safe tree by [`markdown::parse`]. The formats
//! are described for authors in `docs/data-format.md`.

pub mod csv_import;
pub mod date;
mod date_writer;
pub mod edit;
pub(crate) mod export;
pub mod foreign;
mod format;
pub(crate) mod html;
pub(crate) mod import;
pub mod limits;
pub mod markdown;
pub mod parse;
pub(crate) mod report;
pub(crate) mod stream;
pub mod text;
pub mod text_format;
pub mod timelinejs;
pub(crate) mod timelinejs_export;
mod unknown_fields;

pub use date::{Date, Days, Precision};
pub use export::{to_csv, to_native_json};
pub use import::{parse_any, parse_bytes};
pub use parse::{parse_dataset, Loaded, Location, Message, Problem, ProblemKind};
pub use stream::Reader;
pub use text::Text;
pub use text_format::{parse_text, to_text};
pub use timelinejs_export::to_timelinejs;

/// Whether an event happened, or was only planned or proposed. Ordered as
/// the legend shows them ([`Status::ALL`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// It happened.
    #[default]
    Occurred,
    /// It was scheduled or announced as going to happen.
    Planned,
    /// It was put forward, but not decided.
    Proposed,
    /// It was planned and then called off.
    Cancelled,
}

impl Status {
    /// Every status, in the order the legend shows them.
    pub const ALL: [Status; 4] = [
        Status::Occurred,
        Status::Planned,
        Status::Proposed,
        Status::Cancelled,
    ];

    /// The lower-case word used in data files, CSS classes and labels.
    pub fn name(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Proposed => "proposed",
            Status::Cancelled => "cancelled",
        }
    }

    /// Reads the lower-case word back.
    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A horizontal band of the timeline, usually one actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Stable identifier that events refer to.
    pub id: String,
    /// Text shown at the start of the lane, read in the reader's language.
    pub label: Text,
}

/// A theme that events name in their `tags`, declared so that its name can
/// be translated. A tag with no declared theme names itself. An actor that
/// events name in their `actors` is declared the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// The tag events use, and the filter and the URL keep.
    pub id: String,
    /// The name shown to readers, in their language.
    pub label: Text,
}

/// Where a statement comes from.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Source {
    /// Title of the article, document or page.
    pub title: String,
    /// Newspaper, publisher or office.
    pub publisher: Option<String>,
    /// Byline or author.
    pub author: Option<String>,
    /// Publication date, as a date at its precision.
    pub date: Option<Date>,
    /// Where the piece was filed from.
    pub dateline: Option<String>,
    /// Link to the source; only http and https survive parsing.
    pub url: Option<String>,
    /// A short remark on the source.
    pub note: Option<String>,
}

/// A picture, video or page shown with an event.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Media {
    /// Where the media lives; only http and https survive parsing.
    pub url: String,
    /// Text alternative for readers who cannot see it.
    pub alt: Text,
    /// Caption shown under it.
    pub caption: Text,
    /// Who made it or holds the rights.
    pub credit: Text,
}

/// A labelled span of time drawn as a background band, such as "Cold War".
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    /// Optional identifier, unique among eras when given.
    pub id: Option<String>,
    /// The label of the band.
    pub title: Text,
    /// When it starts, at its precision.
    pub start: Date,
    /// When it ends; never before `start`.
    pub end: Date,
    /// Axis range covered: `[start.range().0, end.range().1)`.
    pub range: (Days, Days),
}

/// One thing that happened, or was planned, at a date or over a span.
///
/// Kept small, since a dataset may hold a million: lists are boxed slices
/// and the rarely used display date is boxed (see `docs/benchmarks.md` for
/// the measured bytes per event).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Unique within the dataset, and stable across edits.
    pub id: String,
    /// Short title shown on the timeline.
    pub title: Text,
    /// When it starts, at its precision.
    pub start: Date,
    /// When it ends, if it is a span; never before `start`.
    pub end: Option<Date>,
    /// The dates are approximate ("circa").
    pub circa: bool,
    /// How to write the date for a reader, replacing [`Event::date_text`]'s
    /// output in the card, e.g. "Late Cretaceous".
    pub display_date: Option<Box<Text>>,
    /// Whether it happened.
    pub status: Status,
    /// Index into [`Dataset::lanes`].
    pub lane: usize,
    /// Who took part.
    pub actors: Box<[String]>,
    /// Themes, by tag (a [`Theme`]'s id when the dataset declares it; read
    /// the name through [`Dataset::theme_label`]).
    pub tags: Box<[String]>,
    /// Summary in the safe Markdown subset, as written; render it through
    /// [`markdown::parse`], never as HTML.
    pub summary: Text,
    /// Pictures and pages shown with the event.
    pub media: Box<[Media]>,
    /// Where the facts come from.
    pub sources: Box<[Source]>,
    /// Indexes into [`Dataset::events`] of related events.
    pub related: Box<[usize]>,
    /// How much the event matters to the story, from 1 (a detail) to 5
    /// (central), when the author said; labels of more important events
    /// show first when not all fit.
    pub importance: Option<u8>,
    /// Axis range covered, cached from the dates: `[start.range().0, end.range().1)`.
    pub range: (Days, Days),
}

impl Event {
    /// True when the event is drawn as a point: a single date of day precision
    /// or finer. Everything else covers a visible span.
    pub fn is_instant(&self) -> bool {
        self.end.is_none() && self.start.precision() >= Precision::Day
    }

    /// The dates written for a reader in `lang`: "August 31, 1998",
    /// "April 2005 – Fall 2005", "c. 1200" (1998年8月31日, 2005年4月～秋,
    /// 1200年頃 in Japanese), or the `display_date` in `lang` when the author
    /// gave one.
    pub fn date_text(&self, lang: &str) -> String {
        if let Some(text) = self.display_date.as_ref().map(|t| t.get(lang)) {
            if !text.is_empty() {
                return text.to_owned();
            }
        }
        crate::i18n::Locale::of(lang)
            .dates()
            .span(&self.start, self.end.as_ref(), self.circa)
    }

    /// How strongly the event claims a label when not all fit: the author's
    /// importance (3 when not given) first, then whether it is planned or
    /// proposed, then how many events it is related to.
    pub fn label_priority(&self) -> u32 {
        let importance = u32::from(self.importance.unwrap_or(DEFAULT_IMPORTANCE));
        let pending = u32::from(matches!(self.status, Status::Planned | Status::Proposed));
        importance * 1_000 + pending * 100 + self.related.len().min(99) as u32
    }

    /// The name a screen reader announces: date, status and title in `lang`
    /// (or the default language), as in
    /// "Fall 2005, planned: Joint declaration by Bush and Koizumi".
    pub fn accessible_name(&self, lang: &str) -> String {
        let locale = crate::i18n::Locale::of(lang);
        locale.f(
            crate::i18n::Msg::EventName,
            &[
                ("date", &self.date_text(lang)),
                ("status", &locale.status(self.status)),
                ("title", &limits::excerpt(self.title.get(lang))),
            ],
        )
    }
}

/// A loaded, checked dataset.
///
/// Invariants, established by [`parse_dataset`]:
/// - `events` are sorted chronologically (by start, then end, then id), so an
///   index is also the reading order;
/// - ids are unique; every `lane` and `related` index is in bounds;
/// - every event's `range` is non-empty (`start < end`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dataset {
    /// Title shown in the header.
    pub title: Text,
    /// One or two sentences about the dataset, in the Markdown subset.
    pub description: Text,
    /// Who compiled the dataset.
    pub author: Option<String>,
    /// Under what terms it may be reused, e.g. "CC-BY-4.0".
    pub license: Option<String>,
    /// Where the dataset as a whole comes from.
    pub sources: Vec<Source>,
    /// BCP 47 language tag of the default-language texts.
    pub language: String,
    /// Background bands, in chronological order.
    pub eras: Vec<Era>,
    /// Lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Declared themes, with their names; ids are unique.
    pub themes: Vec<Theme>,
    /// Declared actors, with their names; ids (as events write them in
    /// `actors`) are unique.
    pub actors: Vec<Theme>,
    /// Events, in chronological order.
    pub events: Vec<Event>,
}

impl Dataset {
    /// The index of the event with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// Checks the invariants listed on [`Dataset`] that the view indexes by
    /// (lanes and related events in bounds, unique ids, reading order, non-empty
    /// finite ranges), for datasets that did not come through the parser, such
    /// as one a host app built itself. The error is located at the event and
    /// says what to fix.
    pub fn check(&self) -> Result<(), Box<Problem>> {
        use crate::i18n::Msg;
        let mut ids = std::collections::HashSet::with_capacity(self.events.len());
        let mut previous = f64::NEG_INFINITY;
        for (i, event) in self.events.iter().enumerate() {
            let at = |field: &str| {
                Location::Event {
                    index: i,
                    id: Some(event.id.clone()),
                    inner: parse::Inner::default(),
                }
                .field(field)
            };
            if event.lane >= self.lanes.len() {
                return Err(Box::new(Problem::error(
                    at("lane"),
                    Message::new(Msg::PCheckLane)
                        .with("lane", event.lane)
                        .with("count", self.lanes.len()),
                )));
            }
            if let Some(&r) = event.related.iter().find(|&&r| r >= self.events.len()) {
                return Err(Box::new(Problem::error(
                    at("related"),
                    Message::new(Msg::PCheckRelated)
                        .with("related", r)
                        .with("count", self.events.len()),
                )));
            }
            if !ids.insert(event.id.as_str()) {
                return Err(Box::new(Problem::error(
                    at("id"),
                    Message::new(Msg::PCheckSameId),
                )));
            }
            let (start, end) = event.range;
            if !(start.is_finite() && end.is_finite() && start < end) {
                return Err(Box::new(Problem::error(
                    at("range"),
                    Message::new(Msg::PCheckRange),
                )));
            }
            if start < previous {
                return Err(Box::new(Problem::error(
                    at("range"),
                    Message::new(Msg::PCheckOrder),
                )));
            }
            previous = start;
        }
        Ok(())
    }

    /// The name of the theme an event's tag names, in `lang` (the default
    /// language where there is no translation); a tag with no declared
    /// theme, or a theme without a label, reads as the tag itself.
    pub fn theme_label<'a>(&'a self, tag: &'a str, lang: &str) -> &'a str {
        self.themes
            .iter()
            .find(|t| t.id == tag)
            .map(|t| t.label.get(lang))
            .filter(|label| !label.is_empty())
            .unwrap_or(tag)
    }

    /// The name of an actor an event names, in `lang`; an actor that is
    /// not declared, or has no label, reads as written.
    pub fn actor_label<'a>(&'a self, actor: &'a str, lang: &str) -> &'a str {
        self.actors
            .iter()
            .find(|a| a.id == actor)
            .map(|a| a.label.get(lang))
            .filter(|label| !label.is_empty())
            .unwrap_or(actor)
    }

    /// An event's actors in `lang`, in the event's order, joined as the
    /// language lists them.
    pub fn actors_in(&self, event: &Event, lang: &str) -> String {
        let names: Vec<&str> = event
            .actors
            .iter()
            .map(|a| self.actor_label(a, lang))
            .collect();
        names.join(crate::i18n::Locale::of(lang).t(crate::i18n::Msg::ListSeparator))
    }

    /// The axis range from the earliest start to the latest end, if there are events.
    pub fn extent(&self) -> Option<(Days, Days)> {
        let start = self.events.iter().map(|e| e.range.0).reduce(f64::min)?;
        let end = self.events.iter().map(|e| e.range.1).reduce(f64::max)?;
        Some((start, end))
    }
}

/// The importance of an event whose author did not give one.
pub const DEFAULT_IMPORTANCE: u8 = 3;

/// The dataset that ships with annals: the U.S.–Japan alliance story. Built
/// in with the `default-dataset` feature; the release bundle leaves it out
/// and reads the same file from its page or from `data/alliance.json`.
#[cfg(feature = "default-dataset")]
pub const DEFAULT_DATASET_JSON: &str = include_str!("../../static/data/alliance.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_text_and_the_accessible_name_use_the_chosen_language() {
        let loaded = parse_dataset(
            r#"{"events": [{"id": "k", "title": {"en": "Cretaceous ends", "de": "Ende der Kreide"}, "start": "66 Ma",
                "display_date": {"en": "66 million years ago", "de": "vor 66 Millionen Jahren"}},
                {"id": "p", "title": "Plain", "start": "1998-08-31"}]}"#,
        )
        .unwrap();
        let [k, p] = &loaded.dataset.events[..] else {
            panic!("two events")
        };
        assert_eq!(k.date_text("de"), "vor 66 Millionen Jahren");
        assert_eq!(k.date_text("de-AT"), "vor 66 Millionen Jahren");
        assert_eq!(k.date_text("en"), "66 million years ago");
        assert_eq!(k.date_text("fr"), "66 million years ago", "falls back");
        assert_eq!(
            k.accessible_name("de"),
            "vor 66 Millionen Jahren, occurred: Ende der Kreide"
        );
        assert_eq!(
            p.date_text("de"),
            "August 31, 1998",
            "no display date: generated"
        );
    }

    #[test]
    fn the_default_story_reads_in_japanese() {
        let dataset = parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset;
        let event = |id: &str| &dataset.events[dataset.index_of(id).unwrap()];
        assert_eq!(event("taepodong-1-launch").date_text("ja"), "1998年8月31日");
        assert_eq!(
            event("joint-declaration-planned").date_text("ja"),
            "2005年秋"
        );
        assert_eq!(event("alliance-talks").date_text("ja"), "2005年4月～秋");
        assert_eq!(
            event("alliance-talks").date_text("en"),
            "April 2005 – Fall 2005"
        );
        let name = event("joint-declaration-planned").accessible_name("ja");
        assert!(name.starts_with("2005年秋、予定："), "{name}");
    }

    #[test]
    fn check_accepts_parsed_datasets_and_names_what_a_hand_built_one_breaks() {
        let good = parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset;
        assert_eq!(good.check(), Ok(()));
        let broken = |change: fn(&mut Dataset)| {
            let mut dataset = good.clone();
            change(&mut dataset);
            let problem = dataset.check().unwrap_err();
            let ja = problem.message.text_in(crate::i18n::Locale::of("ja"));
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{309f}').contains(&c)),
                "{ja} has no hiragana"
            );
            problem.to_string()
        };
        assert!(broken(|d| d.events[3].lane = 99).contains("is in lane 99, but there are"));
        assert!(
            broken(|d| d.events[0].related = vec![1000].into()).contains("related to event 1000")
        );
        assert!(broken(|d| d.events[1].id = d.events[0].id.clone()).contains("same id"));
        assert!(broken(|d| d.events.reverse()).contains("sort the events"));
        assert!(broken(|d| d.events[2].range = (f64::NAN, 1.0)).contains("range"));
    }
}
