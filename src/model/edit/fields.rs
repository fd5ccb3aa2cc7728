//! What an author types into the event and era forms, and how it is checked:
//! the fields go through the loader's own per-event and header checks
//! (`parse::native_event_value`, the `Assembler`, `parse::native_header`), so
//! an edit meets exactly the rules a file does, and each problem names the
//! field it is about.

use serde_json::{Map, Value};

use super::super::export::{raw_event, raw_text};
use super::super::format::{RawSource, RawStatus, RawText};
use super::super::parse::{
    native_event_value, native_header, Assembler, Header, Inner, Item, Location, Message, Part,
    Problem,
};
use super::super::{Dataset, Era, Event, Status};
use crate::i18n::Msg;

/// One source as the event form edits it. Fields the form does not show
/// (author, dateline, note) are kept from the source at the same place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFields {
    /// Title of the article or document; a source needs one.
    pub title: String,
    /// Link, http or https; may be empty.
    pub url: String,
    /// Publisher; may be empty.
    pub publisher: String,
    /// Publication date in a native date form; may be empty.
    pub date: String,
}

/// An event as the form edits it: texts as typed, dates in the native forms
/// (`1998`, `2005-fall`, `1998-08-31`, `66 Ma`…). Fields the form does not
/// show (translations, media, actors, importance) are kept from the event
/// being edited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFields {
    /// The event's id; left empty for a new event, one is made from the title.
    pub id: String,
    /// Title, in the dataset's language.
    pub title: String,
    /// Start date, as written.
    pub start: String,
    /// End date, as written; empty for none.
    pub end: String,
    /// The dates are approximate.
    pub circa: bool,
    /// Whether it happened.
    pub status: Status,
    /// Index into the dataset's lanes.
    pub lane: usize,
    /// Themes, separated by commas.
    pub tags: String,
    /// Summary in the Markdown subset.
    pub summary: String,
    /// Sources, in order.
    pub sources: Vec<SourceFields>,
    /// Ids of related events.
    pub related: Vec<String>,
}

impl EventFields {
    /// The fields of an event of `dataset`, as the form shows them.
    pub fn of(dataset: &Dataset, event: &Event) -> EventFields {
        EventFields {
            id: event.id.clone(),
            title: event.title.default.clone(),
            start: event.start.to_string(),
            end: event.end.map(|d| d.to_string()).unwrap_or_default(),
            circa: event.circa,
            status: event.status,
            lane: event.lane,
            tags: event.tags.join(", "),
            summary: event.summary.default.clone(),
            sources: event
                .sources
                .iter()
                .map(|s| SourceFields {
                    title: s.title.clone(),
                    url: s.url.clone().unwrap_or_default(),
                    publisher: s.publisher.clone().unwrap_or_default(),
                    date: s.date.map(|d| d.to_string()).unwrap_or_default(),
                })
                .collect(),
            related: event
                .related
                .iter()
                .filter_map(|&r| dataset.events.get(r))
                .map(|e| e.id.clone())
                .collect(),
        }
    }
}

/// An era as the form edits it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EraFields {
    /// The band's label.
    pub title: String,
    /// Start date, as written.
    pub start: String,
    /// End date, as written.
    pub end: String,
}

impl EraFields {
    /// The fields of an era, as the form shows them.
    pub fn of(era: &Era) -> EraFields {
        EraFields {
            title: era.title.default.clone(),
            start: era.start.to_string(),
            end: era.end.to_string(),
        }
    }
}

/// The problems found in an edit, each located at the field it is about;
/// `field` gives the one a form shows it next to.
pub fn field_of(problem: &Problem) -> Option<&str> {
    match &problem.location {
        Location::Event { inner, .. } | Location::Part { inner, .. } => match &inner.item {
            Some(Item::Source(_) | Item::SourceTitled(_)) => Some("sources"),
            Some(Item::Media(_)) => Some("media"),
            None => inner.field.as_deref(),
        },
        _ => None,
    }
}

/// A text as the native format writes it: the edited default, with the
/// translations the old text had.
fn edited_text(old: RawText, default: &str, language: &str) -> RawText {
    match old {
        RawText::Translated(mut all) if all.len() > 1 => {
            all.insert(language.to_owned(), default.to_owned());
            RawText::Translated(all)
        }
        _ => RawText::Plain(default.to_owned()),
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// An id made from a title ("Treaty signed" → "treaty-signed"), not used by
/// any event of `dataset`.
pub(crate) fn fresh_id(dataset: &Dataset, title: &str) -> String {
    let mut stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        stem = "event".into();
    }
    let taken = |id: &str| dataset.events.iter().any(|e| e.id == id);
    if !taken(&stem) {
        return stem;
    }
    (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// `raw` as a JSON value, through the text the export writes: the wasm
/// already holds that serializer and the value parser, while
/// `serde_json::to_value` would add a third.
fn as_value(raw: &impl serde::Serialize) -> Value {
    serde_json::to_string_pretty(raw)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// The dataset's header, for checking an event or era against its lanes and
/// language.
fn header_of(dataset: &Dataset) -> Header {
    Header {
        language: dataset.language.clone(),
        lanes: dataset.lanes.clone(),
        ..Header::default()
    }
}

/// Checks `fields` as the event at `index` of `dataset` (replacing the event
/// there when `replaces` is true, else added), with the checks a file's event
/// gets; returns the checked event with its related events by id, or every
/// problem, located at its field. Warnings count too: each would drop part of
/// what the author wrote, so the form stays open instead.
pub(crate) fn check_event(
    dataset: &Dataset,
    fields: &EventFields,
    index: usize,
    replaces: bool,
) -> Result<(Event, Vec<String>), Vec<Problem>> {
    let old = replaces.then(|| &dataset.events[index]);
    let language = dataset.language.as_str();
    let mut raw = match old {
        Some(event) => raw_event(dataset, event),
        None => raw_event(
            dataset,
            &Event {
                id: String::new(),
                title: Default::default(),
                start: super::super::Date::Year(2000),
                end: None,
                circa: false,
                display_date: None,
                status: Status::Occurred,
                lane: 0,
                actors: Box::default(),
                tags: Box::default(),
                summary: Default::default(),
                media: Box::default(),
                sources: Box::default(),
                related: Box::default(),
                importance: None,
                range: (0.0, 1.0),
            },
        ),
    };
    raw.id = match fields.id.trim() {
        "" if old.is_none() => fresh_id(dataset, &fields.title),
        id => id.to_owned(),
    };
    raw.title = edited_text(raw.title, &fields.title, language);
    raw.summary = edited_text(raw.summary, &fields.summary, language);
    raw.start = fields.start.trim().to_owned();
    raw.end = optional(&fields.end);
    raw.circa = fields.circa;
    raw.status = Some(match fields.status {
        Status::Occurred => RawStatus::Occurred,
        Status::Planned => RawStatus::Planned,
        Status::Proposed => RawStatus::Proposed,
        Status::Cancelled => RawStatus::Cancelled,
    });
    raw.lane = dataset.lanes.get(fields.lane).map(|l| l.id.clone());
    raw.tags = fields.tags.split(',').filter_map(optional).collect();
    raw.sources = fields
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| *s != &SourceFields::default())
        .map(|(i, s)| {
            let kept = raw.sources.get(i);
            RawSource {
                title: s.title.trim().to_owned(),
                url: optional(&s.url),
                publisher: optional(&s.publisher),
                date: optional(&s.date),
                author: kept.and_then(|k| k.author.clone()),
                dateline: kept.and_then(|k| k.dateline.clone()),
                note: kept.and_then(|k| k.note.clone()),
                extra: Default::default(),
            }
        })
        .collect();
    // Links are resolved against the whole dataset below, not the lone event.
    raw.related = Vec::new();
    let at = Location::Event {
        index,
        id: Some(raw.id.clone()),
        inner: Inner::default(),
    };
    let mut problems = Vec::new();
    for (i, source) in raw.sources.iter().enumerate() {
        if source.title.is_empty() {
            problems.push(Problem::error(
                at.item(Item::Source(i)).field("title"),
                Message::new(Msg::PEditSourceTitle),
            ));
        }
    }
    if dataset
        .events
        .iter()
        .enumerate()
        .any(|(i, e)| e.id == raw.id && Some(i) != old.map(|_| index))
    {
        problems.push(Problem::error(
            at.field("id"),
            Message::new(Msg::PEditIdTaken).with("id", &raw.id),
        ));
    }
    let mut related = Vec::new();
    for id in &fields.related {
        if *id == raw.id {
            problems.push(Problem::error(
                at.field("related"),
                Message::new(Msg::PEditRelatedSelf),
            ));
        } else if dataset.index_of(id).is_none() {
            problems.push(Problem::error(
                at.field("related"),
                Message::new(Msg::PEditNoEvent).with("id", id),
            ));
        } else if !related.contains(id) {
            related.push(id.clone());
        }
    }
    let value = as_value(&raw);
    let mut assembler = Assembler::new(header_of(dataset), Vec::new());
    if let Some(draft) = native_event_value(value, index, &mut assembler) {
        assembler.add(draft);
    }
    match assembler.finish() {
        Ok(loaded) if problems.is_empty() && loaded.problems.is_empty() => {
            let event = loaded.dataset.events.into_iter().next();
            match event {
                // A lane the dataset did not have would be added at the bottom.
                Some(event) if event.lane < dataset.lanes.len() => Ok((event, related)),
                _ => Err(vec![Problem::error(
                    at.field("lane"),
                    Message::new(Msg::PEditChooseLane),
                )]),
            }
        }
        Ok(loaded) => Err(problems.into_iter().chain(loaded.problems).collect()),
        Err(found) => Err(problems
            .into_iter()
            .chain(found.into_iter().filter(|p| {
                !matches!(
                    p.location,
                    Location::Part {
                        part: Part::Events,
                        ..
                    }
                )
            }))
            .collect()),
    }
}

/// Checks `fields` as era number `index`, with the checks a file's era gets.
pub(crate) fn check_era(
    dataset: &Dataset,
    fields: &EraFields,
    index: usize,
    old: Option<&Era>,
) -> Result<Era, Vec<Problem>> {
    let mut era = Map::new();
    if let Some(id) = old.and_then(|e| e.id.clone()) {
        era.insert("id".into(), Value::String(id));
    }
    let title = match old {
        Some(old) => raw_text(&old.title, &dataset.language),
        None => RawText::Plain(String::new()),
    };
    let title = edited_text(title, &fields.title, &dataset.language);
    era.insert("title".into(), as_value(&title));
    era.insert(
        "start".into(),
        Value::String(fields.start.trim().to_owned()),
    );
    era.insert("end".into(), Value::String(fields.end.trim().to_owned()));
    let mut top = Map::new();
    top.insert("language".into(), Value::String(dataset.language.clone()));
    top.insert("eras".into(), Value::Array(vec![Value::Object(era)]));
    let mut problems: Vec<Problem> = Vec::new();
    if fields.title.trim().is_empty() {
        problems.push(Problem::error(
            Location::part(Part::Era(index)).field("title"),
            Message::new(Msg::PEditEraTitle),
        ));
    }
    let (header, found) = native_header(top, Vec::new())
        .map(Assembler::into_header)
        .unwrap_or_else(|found| (Header::default(), found));
    // Checked alone, the era is the first: its problems name it by its own place.
    problems.extend(found.into_iter().map(|mut p| {
        if let Location::Part {
            part: Part::Era(i), ..
        } = &mut p.location
        {
            *i = index;
        }
        p
    }));
    match header.eras.into_iter().next() {
        Some(era) if problems.is_empty() => Ok(era),
        _ if problems.is_empty() => Err(vec![Problem::error(
            Location::part(Part::Era(index)),
            Message::new(Msg::PEditEraUnreadable),
        )]),
        _ => Err(problems),
    }
}
