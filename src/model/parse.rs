//! Reading the native JSON format into a checked [`Dataset`].
//!
//! Input is never trusted. Parsing never panics; it returns every problem it
//! finds, each with a location a person can act on: line and column for JSON
//! syntax, event index, id and field for content. Events with errors are left
//! out and listed; the valid ones still load, so one typo never costs the
//! author the rest of the timeline.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::date::{Date, DateError};
use super::{Dataset, Event, Lane, Source, Status};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Something was left out: an event, or the whole file.
    Error,
    /// Loaded, but something was ignored or guessed.
    Warning,
}

/// One thing wrong with the input, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub kind: ProblemKind,
    /// Where: "line 3, column 7" or "event 4 (id \"treaty\"), field `start`".
    pub location: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Problem {
    fn error(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { kind: ProblemKind::Error, location: location.into(), message: message.into() }
    }

    fn warning(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { kind: ProblemKind::Warning, location: location.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ProblemKind::Error => "error",
            ProblemKind::Warning => "warning",
        };
        write!(f, "{kind}: {}: {}", self.location, self.message)
    }
}

/// A dataset that loaded, with whatever problems were found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The events that passed every check.
    pub dataset: Dataset,
    /// Errors for events that were left out, and warnings.
    pub problems: Vec<Problem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    lanes: Vec<RawLane>,
    events: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLane {
    id: String,
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    title: String,
    start: String,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    lane: Option<String>,
    #[serde(default)]
    actors: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    related: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: String,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// The lane used for events that name neither a lane nor an actor.
const FALLBACK_LANE: &str = "Events";

/// Parses and checks a native JSON dataset.
///
/// Returns `Err` with every problem when nothing usable could be read: broken
/// JSON, a wrong top-level shape, or no valid event. Otherwise returns the
/// valid events, and the problems of the others, as [`Loaded`].
pub fn parse_dataset(text: &str) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawDataset = serde_json::from_str(text).map_err(|e| vec![json_problem(&e)])?;
    let mut problems = Vec::new();

    let mut lanes: Vec<Lane> = Vec::new();
    let mut lane_index: HashMap<String, usize> = HashMap::new();
    for (i, lane) in raw.lanes.into_iter().enumerate() {
        if lane.id.trim().is_empty() {
            problems.push(Problem::warning(format!("lanes[{i}]"), "a lane without an id was ignored"));
            continue;
        }
        if lane_index.contains_key(&lane.id) {
            problems.push(Problem::warning(format!("lanes[{i}]"), format!("lane id \"{}\" is declared twice; the first one is used", lane.id)));
            continue;
        }
        lane_index.insert(lane.id.clone(), lanes.len());
        lanes.push(Lane { label: lane.label.unwrap_or_else(|| lane.id.clone()), id: lane.id });
    }
    let declared_lanes = !lanes.is_empty();

    // First pass: shape and per-event checks. Related ids are resolved after
    // sorting, once every id is known.
    let mut accepted: Vec<(Event, Vec<String>)> = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    for (index, value) in raw.events.into_iter().enumerate() {
        let id_hint = value.get("id").and_then(Value::as_str).map(str::to_owned);
        let at = event_location(index, id_hint.as_deref());
        let raw_event: RawEvent = match serde_json::from_value(value) {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::error(at, e.to_string()));
                continue;
            }
        };
        let mut errors = Vec::new();
        let id = raw_event.id.trim().to_owned();
        if id.is_empty() {
            errors.push(Problem::error(field(&at, "id"), "the id is empty; every event needs a unique id"));
        } else if let Some(first) = seen_ids.get(&id) {
            errors.push(Problem::error(field(&at, "id"), format!("duplicate id: event {first} already uses \"{id}\"")));
        }
        let title = raw_event.title.trim().to_owned();
        if title.is_empty() {
            errors.push(Problem::error(field(&at, "title"), "the title is empty"));
        }
        let start = check_date(&raw_event.start, &field(&at, "start"), &mut errors);
        let end = raw_event.end.as_deref().and_then(|text| check_date(text, &field(&at, "end"), &mut errors));
        let status = match raw_event.status.as_deref() {
            None => Status::Occurred,
            Some(name) => Status::from_name(name).unwrap_or_else(|| {
                errors.push(Problem::error(
                    field(&at, "status"),
                    format!("unknown status \"{name}\"; use occurred, planned, proposed or cancelled"),
                ));
                Status::Occurred
            }),
        };
        let (Some(start), true) = (start, errors.is_empty()) else {
            problems.extend(errors);
            continue;
        };
        let mut range = start.range();
        if let Some(end) = end {
            let (end_start, end_end) = end.range();
            if end_start < range.0 {
                problems.push(Problem::error(
                    field(&at, "end"),
                    format!("the event ends ({}) before it starts ({})", end.display(), start.display()),
                ));
                continue;
            }
            range.1 = range.1.max(end_end);
        }

        let lane_name = raw_event
            .lane
            .clone()
            .or_else(|| raw_event.actors.first().cloned())
            .unwrap_or_else(|| FALLBACK_LANE.to_owned());
        let lane = match lane_index.get(&lane_name) {
            Some(&lane) => lane,
            None => {
                if declared_lanes {
                    problems.push(Problem::warning(
                        field(&at, "lane"),
                        format!("lane \"{lane_name}\" is not declared in `lanes`; it was added at the bottom"),
                    ));
                }
                lane_index.insert(lane_name.clone(), lanes.len());
                lanes.push(Lane { id: lane_name.clone(), label: lane_name });
                lanes.len() - 1
            }
        };

        let sources = raw_event
            .sources
            .into_iter()
            .enumerate()
            .map(|(i, s)| check_source(s, &format!("{at}, sources[{i}]"), &mut problems))
            .collect();

        seen_ids.insert(id.clone(), index);
        accepted.push((
            Event {
                id,
                title,
                start,
                end,
                status,
                lane,
                actors: raw_event.actors,
                tags: raw_event.tags,
                summary: raw_event.summary.trim().to_owned(),
                sources,
                related: Vec::new(),
                range,
            },
            raw_event.related,
        ));
    }

    if accepted.is_empty() {
        problems.push(Problem::error("events", "the dataset has no events that could be loaded"));
        return Err(problems);
    }

    accepted.sort_by(|(a, _), (b, _)| {
        a.range.0.total_cmp(&b.range.0).then(a.range.1.total_cmp(&b.range.1)).then_with(|| a.id.cmp(&b.id))
    });
    let positions: HashMap<String, usize> =
        accepted.iter().enumerate().map(|(i, (e, _))| (e.id.clone(), i)).collect();
    let events = accepted
        .into_iter()
        .map(|(mut event, related)| {
            for id in related {
                match positions.get(&id) {
                    Some(&i) if event.related.contains(&i) => {}
                    Some(&i) => event.related.push(i),
                    None => problems.push(Problem::warning(
                        format!("event \"{}\", field `related`", event.id),
                        format!("no event has the id \"{id}\"; the link was dropped"),
                    )),
                }
            }
            event
        })
        .collect();

    Ok(Loaded {
        dataset: Dataset {
            title: raw.title.trim().to_owned(),
            description: raw.description.trim().to_owned(),
            language: raw.language.unwrap_or_else(|| "en".to_owned()),
            lanes,
            events,
        },
        problems,
    })
}

fn json_problem(e: &serde_json::Error) -> Problem {
    // serde_json appends " at line L column C" to its message; the location
    // gets its own field instead.
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    Problem::error(format!("line {}, column {}", e.line(), e.column()), message)
}

fn event_location(index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("event {index} (id \"{id}\")"),
        None => format!("event {index}"),
    }
}

fn field(at: &str, name: &str) -> String {
    format!("{at}, field `{name}`")
}

fn check_date(text: &str, at: &str, errors: &mut Vec<Problem>) -> Option<Date> {
    Date::parse(text).map_err(|DateError(message)| errors.push(Problem::error(at, message))).ok()
}

/// Only http and https links survive; anything else could run script or leak
/// to an unexpected handler when clicked.
pub(crate) fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn check_source(raw: RawSource, at: &str, problems: &mut Vec<Problem>) -> Source {
    let url = raw.url.filter(|url| {
        let ok = safe_url(url);
        if !ok {
            problems.push(Problem::warning(field(at, "url"), format!("only http and https links are allowed; \"{url}\" was dropped")));
        }
        ok
    });
    let date = raw.date.as_deref().and_then(|text| match Date::parse(text) {
        Ok(date) => Some(date),
        Err(DateError(message)) => {
            problems.push(Problem::warning(field(at, "date"), format!("{message}; the source date was dropped")));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DEFAULT_DATASET_JSON;

    fn one_event(fields: &str) -> String {
        format!(r#"{{"events": [{{{fields}}}]}}"#)
    }

    #[test]
    fn default_dataset_loads_without_problems() {
        let loaded = parse_dataset(DEFAULT_DATASET_JSON).expect("the shipped dataset loads");
        assert!(loaded.problems.is_empty(), "problems: {:#?}", loaded.problems);
        let d = &loaded.dataset;
        assert!(d.events.len() >= 20, "{} events", d.events.len());
        for id in ["treaty-signed-1960", "taepodong-1-launch", "joint-declaration-planned"] {
            assert!(d.index_of(id).is_some(), "missing {id}");
        }
        let planned = &d.events[d.index_of("joint-declaration-planned").unwrap()];
        assert_eq!(planned.start.display(), "Fall 2005");
        assert_eq!(planned.status, Status::Planned);
        assert!(!planned.related.is_empty(), "the plan links to what happened");
        for e in &d.events {
            assert!(!e.sources.is_empty(), "{} cites no source", e.id);
        }
    }

    #[test]
    fn events_are_sorted_and_related_ids_resolve() {
        let text = r#"{"events": [
            {"id": "b", "title": "B", "start": "2001", "related": ["a", "missing"]},
            {"id": "a", "title": "A", "start": "1999-05-01"}
        ]}"#;
        let loaded = parse_dataset(text).unwrap();
        let ids: Vec<_> = loaded.dataset.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(loaded.dataset.events[1].related, vec![0]);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].message.contains("\"missing\""));
    }

    #[test]
    fn json_syntax_errors_give_line_and_column() {
        let errors = parse_dataset("{\n  \"events\": [\n    {\"id\": \"a\",,}\n  ]\n}").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].location, "line 3, column 16");
        assert_eq!(errors[0].kind, ProblemKind::Error);
    }

    #[test]
    fn bad_events_are_reported_together_and_good_ones_load() {
        let text = r#"{"events": [
            {"id": "ok", "title": "Fine", "start": "1998-08-31"},
            {"id": "ok", "title": "Duplicate", "start": "1998"},
            {"id": "feb", "title": "Impossible", "start": "2005-02-30"},
            {"id": "rev", "title": "Backwards", "start": "2005", "end": "2004"},
            {"id": "typ", "title": 7, "start": "2005"},
            {"id": "st", "title": "Status", "start": "2005", "status": "rumoured"}
        ]}"#;
        let loaded = parse_dataset(text).unwrap();
        assert_eq!(loaded.dataset.events.len(), 1);
        let locations: Vec<_> = loaded.problems.iter().map(|p| p.location.as_str()).collect();
        assert_eq!(
            locations,
            [
                "event 1 (id \"ok\"), field `id`",
                "event 2 (id \"feb\"), field `start`",
                "event 3 (id \"rev\"), field `end`",
                "event 4 (id \"typ\")",
                "event 5 (id \"st\"), field `status`",
            ]
        );
        assert!(loaded.problems.iter().all(|p| p.kind == ProblemKind::Error));
    }

    #[test]
    fn empty_dataset_is_an_error() {
        let errors = parse_dataset(r#"{"events": []}"#).unwrap_err();
        assert!(errors[0].message.contains("no events"));
    }

    #[test]
    fn unknown_fields_are_named() {
        let errors = parse_dataset(&one_event(r#""id": "a", "title": "A", "start": "2000", "colour": "red""#)).unwrap_err();
        assert!(errors[0].message.contains("unknown field `colour`"), "{errors:?}");
    }

    #[test]
    fn unsafe_source_links_are_dropped_with_a_warning() {
        let text = one_event(r#""id": "a", "title": "A", "start": "2000", "sources": [{"title": "S", "url": "javascript:alert(1)"}, {"title": "T", "url": "https://example.org/x"}]"#);
        let loaded = parse_dataset(&text).unwrap();
        let sources = &loaded.dataset.events[0].sources;
        assert_eq!(sources[0].url, None);
        assert_eq!(sources[1].url.as_deref(), Some("https://example.org/x"));
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].kind, ProblemKind::Warning);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = format!("\u{feff}{}", one_event(r#""id": "a", "title": "A", "start": "2000""#));
        assert!(parse_dataset(&text).is_ok());
    }

    #[test]
    fn lanes_default_to_the_first_actor() {
        let text = one_event(r#""id": "a", "title": "A", "start": "2000", "actors": ["Japan", "China"]"#);
        let d = parse_dataset(&text).unwrap().dataset;
        assert_eq!(d.lanes[d.events[0].lane].label, "Japan");
    }

    #[test]
    fn spans_cover_start_to_end_of_their_dates() {
        let text = one_event(r#""id": "a", "title": "A", "start": "2005-04", "end": "2005-fall""#);
        let e = &parse_dataset(&text).unwrap().dataset.events[0];
        assert_eq!(e.range, (Date::Month(2005, 4).range().0, Date::parse("2005-fall").unwrap().range().1));
        assert_eq!(e.date_text(), "April 2005 – Fall 2005");
        assert!(!e.is_instant());
    }
}
