//! Reading the native JSON format: the dataset header, lanes, eras and each
//! event, into drafts for the [`Assembler`].

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::super::date::{Date, DateError};
use super::super::format::{
    RawEra, RawEvent, RawHeader, RawLane, RawSource, RawStatus, RawText, RawTheme, MINIMAL_DATASET,
    MINIMAL_ERA, MINIMAL_EVENT, MINIMAL_LANE, MINIMAL_THEME,
};
use super::super::markdown::safe_url;
use super::super::{Lane, Media, Source, Status, Text, Theme};
use super::assemble::{make_era, Assembler, Draft, Header, DEFAULT_LANGUAGE};
use super::origin::{FieldStyle, Origin};
use super::problem::{Item, Loaded, Location, Message, Part, Problem};
use super::serde_error::{json_problem, kind_of, read_lenient, read_strict};
use crate::i18n::Msg;
use crate::model::unknown_fields::warn_unknown;

/// Parses and checks a native JSON dataset.
///
/// Returns `Err` with every problem when nothing usable could be read: broken
/// JSON, a wrong top-level shape, or no valid event. Otherwise returns the
/// valid events, and the problems of the others, as [`Loaded`].
pub fn parse_dataset(text: &str) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| vec![json_problem(&e)])?;
    parse_native_value(value)
}

/// [`parse_dataset`] after the JSON syntax has been read.
pub(crate) fn parse_native_value(value: Value) -> Result<Loaded, Vec<Problem>> {
    let Value::Object(mut top) = value else {
        return Err(vec![Problem::error(
            Location::part(Part::Top),
            Message::new(Msg::PExpectedEventsObject).with("example", r#"{"events": [...]}"#),
        )]);
    };
    let mut problems = Vec::new();
    let events = take_array(&mut top, "events", &mut problems);
    if events.is_none() && problems.is_empty() {
        return Err(vec![Problem::error(
            Location::part(Part::Top),
            Message::new(Msg::PMissingEvents),
        )]);
    }
    let events = events.unwrap_or_default();
    let mut assembler = native_header(top, problems)?;
    for (index, value) in events.into_iter().enumerate() {
        if let Some(draft) = native_event_value(value, index, &mut assembler) {
            assembler.add(draft);
        }
    }
    assembler.finish()
}

/// Reads everything but the events (which `top` no longer holds): the
/// dataset fields, lanes, themes and eras. Returns the [`Assembler`] that takes the
/// events, or every problem when the header is unusable.
pub(crate) fn native_header(
    mut top: Map<String, Value>,
    mut problems: Vec<Problem>,
) -> Result<Assembler, Vec<Problem>> {
    let lanes = take_array(&mut top, "lanes", &mut problems).unwrap_or_default();
    let eras = take_array(&mut top, "eras", &mut problems).unwrap_or_default();
    let themes = take_array(&mut top, "themes", &mut problems).unwrap_or_default();
    let actors = take_array(&mut top, "actors", &mut problems).unwrap_or_default();
    let dataset = Location::part(Part::Dataset);
    let raw: RawHeader = read_lenient(top, MINIMAL_DATASET, &dataset, &mut problems)
        .ok_or_else(|| problems.clone())?;
    warn_unknown(&raw, &dataset, &mut problems);
    let language = raw
        .language
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned());

    let mut header = Header {
        title: text(
            raw.title,
            &language,
            &|| dataset.field("title"),
            &mut problems,
        ),
        description: text(
            raw.description,
            &language,
            &|| dataset.field("description"),
            &mut problems,
        ),
        author: raw.author,
        license: raw.license,
        sources: raw
            .sources
            .into_iter()
            .enumerate()
            .map(|(i, s)| native_source(s, &dataset.item(Item::Source(i)), &mut problems))
            .collect(),
        language,
        eras: Vec::new(),
        lanes: Vec::new(),
        themes: Vec::new(),
        actors: Vec::new(),
    };

    let mut lane_ids: HashMap<String, usize> = HashMap::new();
    for (i, value) in lanes.into_iter().enumerate() {
        let at = Location::part(Part::Lane(i));
        let Some(lane) = read_strict::<RawLane>(value, MINIMAL_LANE, &at, &mut problems) else {
            continue;
        };
        warn_unknown(&lane, &at, &mut problems);
        let id = lane.id.trim().to_owned();
        if id.is_empty() {
            problems.push(Problem::warning(at, Message::new(Msg::PLaneWithoutId)));
            continue;
        }
        if lane_ids.contains_key(&id) {
            problems.push(Problem::warning(
                at,
                Message::new(Msg::PLaneTwice).with("id", &id),
            ));
            continue;
        }
        lane_ids.insert(id.clone(), i);
        let label = label(lane.label, &id, &header.language, &at, &mut problems);
        header.lanes.push(Lane { label, id });
    }

    header.themes = labelled(themes, Part::Theme, &header.language, &mut problems);
    header.actors = labelled(actors, Part::Actor, &header.language, &mut problems);

    for (i, value) in eras.into_iter().enumerate() {
        let at = Location::part(Part::Era(i));
        let Some(era) = read_strict::<RawEra>(value, MINIMAL_ERA, &at, &mut problems) else {
            continue;
        };
        warn_unknown(&era, &at, &mut problems);
        let mut errors = Vec::new();
        let start = check_date(&era.start, &|| at.field("start"), &mut errors);
        let end = check_date(&era.end, &|| at.field("end"), &mut errors);
        let title = text(
            era.title,
            &header.language,
            &|| at.field("title"),
            &mut errors,
        );
        match (start, end, errors.is_empty()) {
            (Some(start), Some(end), true) => {
                if let Some(era) =
                    make_era(era.id, title, start, end, &at.field("end"), &mut problems)
                {
                    header.eras.push(era);
                }
            }
            _ => problems.extend(errors),
        }
    }
    Ok(Assembler::new(header, problems))
}

/// Reads event number `index` from its JSON text. Valid events take the
/// direct route; anything else goes through [`native_event_value`], which
/// names the faulty fields. `Err` when the text is not JSON at all: the
/// caller then reads the whole file in one go, which places the syntax error
/// in the file.
pub(crate) fn native_event_text(
    json: &str,
    index: usize,
    assembler: &mut Assembler,
) -> Result<Option<Draft>, ()> {
    match serde_json::from_str::<RawEvent>(json) {
        Ok(raw) => {
            let origin = Origin::event(index, Some(&raw.id), FieldStyle::Native);
            let (language, problems) = assembler.language_and_problems();
            Ok(native_draft(raw, origin, language, problems))
        }
        Err(_) => match serde_json::from_str::<Value>(json) {
            Ok(value) => Ok(native_event_value(value, index, assembler)),
            Err(_) => Err(()),
        },
    }
}

/// Reads event number `index` from parsed JSON, naming each faulty field.
pub(crate) fn native_event_value(
    value: Value,
    index: usize,
    assembler: &mut Assembler,
) -> Option<Draft> {
    let id_hint = value.get("id").and_then(Value::as_str).map(str::to_owned);
    let origin = Origin::event(index, id_hint.as_deref(), FieldStyle::Native);
    let (language, problems) = assembler.language_and_problems();
    let raw = read_strict::<RawEvent>(value, MINIMAL_EVENT, &origin.at, problems)?;
    native_draft(raw, origin, language, problems)
}

fn native_draft(
    raw: RawEvent,
    origin: Origin,
    language: &str,
    problems: &mut Vec<Problem>,
) -> Option<Draft> {
    let at = &origin.at;
    warn_unknown(&raw, at, problems);
    let mut errors = Vec::new();
    let start = check_date(&raw.start, &|| at.field("start"), &mut errors);
    let end = raw
        .end
        .as_deref()
        .and_then(|text| check_date(text, &|| at.field("end"), &mut errors));
    let title = text(raw.title, language, &|| at.field("title"), &mut errors);
    let (Some(start), true) = (start, errors.is_empty()) else {
        problems.extend(errors);
        return None;
    };
    let media = raw
        .media
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let at = at.item(Item::Media(i));
            warn_unknown(&m, &at, problems);
            Media {
                url: m.url,
                alt: text(m.alt, language, &|| at.field("alt"), problems),
                caption: text(m.caption, language, &|| at.field("caption"), problems),
                credit: text(m.credit, language, &|| at.field("credit"), problems),
            }
        })
        .collect();
    let sources = raw
        .sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| native_source(s, &at.item(Item::Source(i)), problems))
        .collect();
    Some(Draft {
        id: raw.id,
        title,
        start,
        end,
        circa: raw.circa,
        display_date: raw
            .display_date
            .map(|t| text(t, language, &|| at.field("display_date"), problems)),
        status: match raw.status.unwrap_or(RawStatus::Occurred) {
            RawStatus::Occurred => Status::Occurred,
            RawStatus::Planned => Status::Planned,
            RawStatus::Proposed => Status::Proposed,
            RawStatus::Cancelled => Status::Cancelled,
        },
        lane: raw.lane,
        actors: raw.actors,
        tags: raw.tags,
        summary: text(raw.summary, language, &|| at.field("summary"), problems),
        media,
        sources,
        related: raw.related,
        importance: checked_importance(raw.importance, at, problems),
        origin,
    })
}

/// Removes `name` from the object when it is an array; a wrong type is an error.
fn take_array(
    top: &mut Map<String, Value>,
    name: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Value>> {
    match top.remove(name)? {
        Value::Array(items) => Some(items),
        Value::Null => None,
        other => {
            problems.push(Problem::error(
                Location::part(Part::Dataset).field(name),
                Message::new(Msg::PExpectedArray).with_message("found", kind_of(&other)),
            ));
            None
        }
    }
}

/// The declared themes (or actors) of `values`, each at `part(index)`:
/// ids unique, labels translated.
fn labelled(
    values: Vec<Value>,
    part: fn(usize) -> Part,
    language: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Theme> {
    let (without_id, twice) = match part(0) {
        Part::Actor(_) => (Msg::PActorWithoutId, Msg::PActorTwice),
        _ => (Msg::PThemeWithoutId, Msg::PThemeTwice),
    };
    let mut out: Vec<Theme> = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let at = Location::part(part(i));
        let Some(theme) = read_strict::<RawTheme>(value, MINIMAL_THEME, &at, problems) else {
            continue;
        };
        warn_unknown(&theme, &at, problems);
        let id = theme.id;
        if id.trim().is_empty() {
            problems.push(Problem::warning(at, Message::new(without_id)));
            continue;
        }
        if out.iter().any(|t| t.id == id) {
            problems.push(Problem::warning(at, Message::new(twice).with("id", &id)));
            continue;
        }
        let label = label(theme.label, &id, language, &at, problems);
        out.push(Theme { label, id });
    }
    out
}

/// Turns a text field into [`Text`], keyed on the dataset's default language.
fn text(
    raw: RawText,
    language: &str,
    at: &dyn Fn() -> Location,
    problems: &mut Vec<Problem>,
) -> Text {
    match raw {
        RawText::Plain(text) => Text::plain(text),
        RawText::Translated(mut translations) => {
            let default = match translations.remove(language) {
                Some(text) => text,
                None => {
                    let first = translations
                        .iter()
                        .next()
                        .map(|(l, t)| (l.clone(), t.clone()));
                    if let Some((lang, text)) = first {
                        problems.push(Problem::warning(
                            at(),
                            Message::new(Msg::PNoDefaultLanguage)
                                .with("language", language)
                                .with("lang", &lang),
                        ));
                        text
                    } else {
                        String::new()
                    }
                }
            };
            Text {
                default,
                translations: translations.into(),
            }
        }
    }
}

/// The label of a lane or theme: its text, or its id when it has none.
fn label(
    raw: Option<RawText>,
    id: &str,
    language: &str,
    at: &Location,
    problems: &mut Vec<Problem>,
) -> Text {
    match raw {
        Some(raw) => text(raw, language, &|| at.field("label"), problems),
        None => Text::plain(id),
    }
}

/// The date `text`, or `None` with an error at `at`; the location is only
/// formatted when there is a problem (every event of a large file is checked).
fn check_date(text: &str, at: &dyn Fn() -> Location, errors: &mut Vec<Problem>) -> Option<Date> {
    Date::parse(text)
        .map_err(|DateError(message)| errors.push(Problem::error(at(), message)))
        .ok()
}

fn native_source(raw: RawSource, at: &Location, problems: &mut Vec<Problem>) -> Source {
    warn_unknown(&raw, at, problems);
    // Checked here too (not only in `assemble`) so the warning can name the
    // source by its index.
    let url = raw.url.filter(|url| {
        let ok = safe_url(url);
        if !ok {
            problems.push(Problem::warning(
                at.field("url"),
                Message::new(Msg::PUnsafeUrl).with("url", url),
            ));
        }
        ok
    });
    let date = raw
        .date
        .as_deref()
        .and_then(|text| match Date::parse(text) {
            Ok(date) => Some(date),
            Err(DateError(message)) => {
                problems.push(Problem::warning(
                    at.field("date"),
                    Message::new(Msg::PSourceDateDropped).with_message("message", message),
                ));
                None
            }
        });
    Source {
        title: raw.title,
        publisher: raw.publisher,
        author: raw.author,
        date,
        dateline: raw.dateline,
        url,
        note: raw.note,
    }
}

/// An importance from 1 to 5; anything else is dropped with a warning.
fn checked_importance(value: Option<u8>, at: &Location, problems: &mut Vec<Problem>) -> Option<u8> {
    let value = value?;
    if (1..=5).contains(&value) {
        Some(value)
    } else {
        problems.push(Problem::warning(
            at.field("importance"),
            Message::new(Msg::PImportanceRange).with("value", value),
        ));
        None
    }
}
