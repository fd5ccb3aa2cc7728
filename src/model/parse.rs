//! Reading the native JSON format into a checked [`Dataset`].
//!
//! Input is never trusted. Parsing never panics; it returns every problem it
//! finds, each with a location a person can act on: line and column for JSON
//! syntax, event index, id and field for content. Events with errors are left
//! out and listed; the valid ones still load, so one typo never costs the
//! author the rest of the timeline.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::date::{Date, DateError};
use super::format::{
    RawDataset, RawEra, RawEvent, RawLane, RawSource, RawStatus, RawText, MINIMAL_DATASET,
    MINIMAL_ERA, MINIMAL_EVENT, MINIMAL_LANE,
};
use super::{markdown, Dataset, Days, Era, Event, Lane, Media, Source, Status, Text};

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
    pub(crate) fn error(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            kind: ProblemKind::Error,
            location: location.into(),
            message: message.into(),
        }
    }

    pub(crate) fn warning(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            kind: ProblemKind::Warning,
            location: location.into(),
            message: message.into(),
        }
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

/// Where an event or era came from, so that messages point into the file the
/// author wrote: "event 3 (id \"x\"), field `end`" for JSON, "row 5, column
/// `End Year`" for a spreadsheet.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    /// "event 3 (id \"x\")" or "row 5".
    pub at: String,
    /// The event's index or the row's number: 3 or 5 above.
    pub number: usize,
    /// How the importer's format names a native field.
    pub style: FieldStyle,
}

/// The naming scheme of the format an event was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldStyle {
    /// Native JSON: "field `end`".
    Native,
    /// TimelineJS3 JSON: "field `end_date`".
    TimelineJs,
    /// TimelineJS spreadsheet: "column `End Year`".
    Sheet,
}

impl Origin {
    /// A native or TimelineJS event, by index and id if it has one.
    pub(crate) fn event(index: usize, id: Option<&str>, style: FieldStyle) -> Origin {
        // Built by hand rather than with `format!`: every event of a large
        // file gets one, and the formatting machinery was a measurable part
        // of checking it.
        let mut at = String::with_capacity(16 + id.map_or(0, str::len));
        at.push_str("event ");
        push_number(&mut at, index);
        if let Some(id) = id {
            at.push_str(" (id \"");
            at.push_str(id);
            at.push_str("\")");
        }
        Origin {
            at,
            number: index,
            style,
        }
    }

    /// A spreadsheet row, numbered as the spreadsheet shows it (header is row 1).
    pub(crate) fn row(row: usize) -> Origin {
        Origin {
            at: format!("row {row}"),
            number: row,
            style: FieldStyle::Sheet,
        }
    }

    /// "event 3" or "row 5": the location without the id, for one event of
    /// this format numbered `number`.
    fn short(style: FieldStyle, number: usize) -> String {
        match style {
            FieldStyle::Sheet => format!("row {number}"),
            FieldStyle::Native | FieldStyle::TimelineJs => format!("event {number}"),
        }
    }

    /// The location of one field, named as the source format names it.
    pub(crate) fn field(&self, native: &str) -> String {
        match self.style {
            FieldStyle::Native => field(&self.at, native),
            FieldStyle::TimelineJs => {
                let name = match native {
                    "id" => "unique_id",
                    "title" => "text.headline",
                    "summary" => "text.text",
                    "start" => "start_date",
                    "end" => "end_date",
                    "lane" => "group",
                    other => other,
                };
                field(&self.at, name)
            }
            FieldStyle::Sheet => {
                let name = match native {
                    "id" | "title" => "Headline",
                    "summary" => "Text",
                    "start" => "Year",
                    "end" => "End Year",
                    "lane" => "Group",
                    "display_date" => "Display Date",
                    "media" => "Media",
                    other => other,
                };
                format!("{}, column `{name}`", self.at)
            }
        }
    }
}

/// An event read by an importer, with its dates checked, before the checks
/// that need the whole dataset (ids, lanes, links, order).
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    /// Where the event was read, for messages.
    pub origin: Origin,
    /// As written; checked for emptiness and uniqueness by [`assemble`].
    pub id: String,
    /// As written; trimmed and checked for emptiness by [`assemble`].
    pub title: Text,
    /// Checked date.
    pub start: Date,
    /// Checked date; compared with `start` by [`assemble`].
    pub end: Option<Date>,
    /// The dates are approximate.
    pub circa: bool,
    /// Date text given by the author.
    pub display_date: Option<Text>,
    /// Whether it happened.
    pub status: Status,
    /// Lane id, if named.
    pub lane: Option<String>,
    /// Who took part.
    pub actors: Vec<String>,
    /// Themes.
    pub tags: Vec<String>,
    /// Markdown source; links are checked by [`assemble`].
    pub summary: Text,
    /// Media; URLs are checked by [`assemble`].
    pub media: Vec<Media>,
    /// Sources; URLs are checked by [`assemble`].
    pub sources: Vec<Source>,
    /// Ids of related events, resolved by [`assemble`].
    pub related: Vec<String>,
    /// From 1 to 5, when given.
    pub importance: Option<u8>,
}

/// Everything about a dataset except its events, as read by an importer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Header {
    /// Dataset title.
    pub title: Text,
    /// Dataset description, Markdown.
    pub description: Text,
    /// Who compiled it.
    pub author: Option<String>,
    /// Reuse terms.
    pub license: Option<String>,
    /// Default language tag.
    pub language: String,
    /// Dataset-level sources; URLs are checked by [`assemble`].
    pub sources: Vec<Source>,
    /// Checked eras, in any order.
    pub eras: Vec<Era>,
    /// Lanes declared up front, in order.
    pub lanes: Vec<Lane>,
}

/// The lane used for events that name neither a lane nor an actor.
const FALLBACK_LANE: &str = "Events";

/// The language assumed when a dataset does not name one.
pub(crate) const DEFAULT_LANGUAGE: &str = "en";

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
            "top level",
            "expected an object with an `events` array, e.g. {\"events\": [...]}",
        )]);
    };
    let mut problems = Vec::new();
    let events = take_array(&mut top, "events", &mut problems);
    if events.is_none() && problems.is_empty() {
        return Err(vec![Problem::error(
            "top level",
            "missing field `events`: a dataset needs an `events` array",
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
/// dataset fields, lanes and eras. Returns the [`Assembler`] that takes the
/// events, or every problem when the header is unusable.
pub(crate) fn native_header(
    mut top: Map<String, Value>,
    mut problems: Vec<Problem>,
) -> Result<Assembler, Vec<Problem>> {
    let lanes = take_array(&mut top, "lanes", &mut problems).unwrap_or_default();
    let eras = take_array(&mut top, "eras", &mut problems).unwrap_or_default();
    top.insert("events".into(), Value::Array(Vec::new()));
    let raw: RawDataset = read_lenient(top, MINIMAL_DATASET, "dataset", &mut problems)
        .ok_or_else(|| problems.clone())?;
    warn_unknown(&raw.extra, "dataset", &mut problems);
    let language = raw
        .language
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned());

    let mut header = Header {
        title: text(
            raw.title,
            &language,
            &|| "dataset, field `title`".into(),
            &mut problems,
        ),
        description: text(
            raw.description,
            &language,
            &|| "dataset, field `description`".into(),
            &mut problems,
        ),
        author: raw.author,
        license: raw.license,
        sources: raw
            .sources
            .into_iter()
            .enumerate()
            .map(|(i, s)| native_source(s, &format!("dataset, sources[{i}]"), &mut problems))
            .collect(),
        language,
        eras: Vec::new(),
        lanes: Vec::new(),
    };

    let mut lane_ids: HashMap<String, usize> = HashMap::new();
    for (i, value) in lanes.into_iter().enumerate() {
        let at = format!("lanes[{i}]");
        let Some(lane) = read_strict::<RawLane>(value, MINIMAL_LANE, &at, &mut problems) else {
            continue;
        };
        warn_unknown(&lane.extra, &at, &mut problems);
        let id = lane.id.trim().to_owned();
        if id.is_empty() {
            problems.push(Problem::warning(at, "a lane without an id was ignored"));
            continue;
        }
        if lane_ids.contains_key(&id) {
            problems.push(Problem::warning(
                at,
                format!("lane id \"{id}\" is declared twice; the first one is used"),
            ));
            continue;
        }
        lane_ids.insert(id.clone(), i);
        header.lanes.push(Lane {
            label: lane.label.unwrap_or_else(|| id.clone()),
            id,
        });
    }

    for (i, value) in eras.into_iter().enumerate() {
        let at = format!("eras[{i}]");
        let Some(era) = read_strict::<RawEra>(value, MINIMAL_ERA, &at, &mut problems) else {
            continue;
        };
        warn_unknown(&era.extra, &at, &mut problems);
        let mut errors = Vec::new();
        let start = check_date(&era.start, &|| field(&at, "start"), &mut errors);
        let end = check_date(&era.end, &|| field(&at, "end"), &mut errors);
        let title = text(
            era.title,
            &header.language,
            &|| field(&at, "title"),
            &mut errors,
        );
        match (start, end, errors.is_empty()) {
            (Some(start), Some(end), true) => {
                if let Some(era) =
                    make_era(era.id, title, start, end, &field(&at, "end"), &mut problems)
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
/// names the faulty fields.
pub(crate) fn native_event_text(
    json: &str,
    index: usize,
    assembler: &mut Assembler,
) -> Option<Draft> {
    match serde_json::from_str::<RawEvent>(json) {
        Ok(raw) => {
            let origin = Origin::event(index, Some(&raw.id), FieldStyle::Native);
            let (language, problems) = assembler.language_and_problems();
            native_draft(raw, origin, language, problems)
        }
        Err(_) => match serde_json::from_str::<Value>(json) {
            Ok(value) => native_event_value(value, index, assembler),
            Err(e) => {
                let origin = Origin::event(index, None, FieldStyle::Native);
                assembler
                    .language_and_problems()
                    .1
                    .push(Problem::error(origin.at, json_problem(&e).message));
                None
            }
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
    let at = origin.at.as_str();
    warn_unknown(&raw.extra, at, problems);
    let mut errors = Vec::new();
    let start = check_date(&raw.start, &|| field(at, "start"), &mut errors);
    let end = raw
        .end
        .as_deref()
        .and_then(|text| check_date(text, &|| field(at, "end"), &mut errors));
    let title = text(raw.title, language, &|| field(at, "title"), &mut errors);
    let (Some(start), true) = (start, errors.is_empty()) else {
        problems.extend(errors);
        return None;
    };
    let media = raw
        .media
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let at = format!("{at}, media[{i}]");
            warn_unknown(&m.extra, &at, problems);
            Media {
                url: m.url,
                alt: text(m.alt, language, &|| field(&at, "alt"), problems),
                caption: text(m.caption, language, &|| field(&at, "caption"), problems),
                credit: text(m.credit, language, &|| field(&at, "credit"), problems),
            }
        })
        .collect();
    let sources = raw
        .sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| native_source(s, &format!("{at}, sources[{i}]"), problems))
        .collect();
    Some(Draft {
        id: raw.id,
        title,
        start,
        end,
        circa: raw.circa,
        display_date: raw
            .display_date
            .map(|t| text(t, language, &|| field(at, "display_date"), problems)),
        status: match raw.status.unwrap_or(RawStatus::Occurred) {
            RawStatus::Occurred => Status::Occurred,
            RawStatus::Planned => Status::Planned,
            RawStatus::Proposed => Status::Proposed,
            RawStatus::Cancelled => Status::Cancelled,
        },
        lane: raw.lane,
        actors: raw.actors,
        tags: raw.tags,
        summary: text(raw.summary, language, &|| field(at, "summary"), problems),
        media,
        sources,
        related: raw.related,
        importance: checked_importance(raw.importance, at, problems),
        origin,
    })
}

/// Checks what needs the whole dataset (unique ids, lanes, links), sorts the
/// events and builds the [`Dataset`]. Shared by every importer.
pub(crate) fn assemble(
    header: Header,
    drafts: Vec<Draft>,
    problems: Vec<Problem>,
) -> Result<Loaded, Vec<Problem>> {
    let mut assembler = Assembler::new(header, problems);
    for draft in drafts {
        assembler.add(draft);
    }
    assembler.finish()
}

/// [`assemble`] one event at a time, so that a large file can be checked in
/// steps: [`Assembler::add`] takes each draft as it is read and keeps only the
/// accepted event, and [`Assembler::finish`] sorts and links them.
pub(crate) struct Assembler {
    header: Header,
    problems: Vec<Problem>,
    lane_index: HashMap<String, usize>,
    declared_lanes: bool,
    /// Accepted events, in file order.
    events: Vec<Event>,
    /// Each accepted id, with the position in `events` of its event.
    seen_ids: HashMap<String, usize>,
    /// Where each accepted event was read (the 3 of "event 3", the 5 of
    /// "row 5"), by position. One file has one format, so the style of the
    /// event at hand names these too.
    short_origins: Vec<u32>,
    /// Related ids still to resolve: position in `events`, ids, origin.
    links: Vec<(usize, Vec<String>, Origin)>,
}

impl Assembler {
    pub(crate) fn new(header: Header, problems: Vec<Problem>) -> Assembler {
        let lane_index = header
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        let declared_lanes = !header.lanes.is_empty();
        Assembler {
            header,
            problems,
            lane_index,
            declared_lanes,
            events: Vec::new(),
            seen_ids: HashMap::new(),
            short_origins: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Makes room for `events` more events, for readers that know how many
    /// are coming.
    pub(crate) fn reserve(&mut self, events: usize) {
        self.events.reserve_exact(events);
        // Sized once rather than grown: rehashing every id as the map
        // doubled was a measurable part of checking a large file.
        self.seen_ids.reserve(events);
    }

    /// The dataset's default language, and the problems found so far, for
    /// readers that check fields before handing a draft to [`Assembler::add`].
    pub(crate) fn language_and_problems(&mut self) -> (&str, &mut Vec<Problem>) {
        (&self.header.language, &mut self.problems)
    }

    /// Checks one event; keeps it when valid, otherwise records why not.
    pub(crate) fn add(&mut self, draft: Draft) {
        let problems = &mut self.problems;
        let origin = draft.origin;
        let mut errors = Vec::new();
        let id = match draft.id.trim() {
            trimmed if trimmed.len() == draft.id.len() => draft.id,
            trimmed => trimmed.to_owned(),
        };
        if id.is_empty() {
            errors.push(Problem::error(
                origin.field("id"),
                "the id is empty; every event needs a unique id",
            ));
        } else if let Some(&first) = self.seen_ids.get(&id) {
            let first = Origin::short(origin.style, self.short_origins[first] as usize);
            errors.push(Problem::error(
                origin.field("id"),
                format!("duplicate id: {first} already uses \"{id}\""),
            ));
        }
        let mut title = draft.title;
        trim_in_place(&mut title.default);
        if title.is_empty() {
            errors.push(Problem::error(origin.field("title"), "the title is empty"));
        }
        if !errors.is_empty() {
            problems.extend(errors);
            return;
        }
        let Some(range) = span(draft.start, draft.end, &|| origin.field("end"), problems) else {
            return;
        };

        let lane_name = draft
            .lane
            .as_deref()
            .filter(|l| !l.trim().is_empty())
            .or_else(|| draft.actors.first().map(String::as_str))
            .unwrap_or(FALLBACK_LANE);
        let lane = match self.lane_index.get(lane_name) {
            Some(&lane) => lane,
            None => {
                if self.declared_lanes && draft.lane.is_some() {
                    problems.push(Problem::warning(
                        origin.field("lane"),
                        format!("lane \"{lane_name}\" is not declared in `lanes`; it was added at the bottom"),
                    ));
                }
                let lanes = &mut self.header.lanes;
                self.lane_index.insert(lane_name.to_owned(), lanes.len());
                lanes.push(Lane {
                    id: lane_name.to_owned(),
                    label: lane_name.to_owned(),
                });
                lanes.len() - 1
            }
        };

        let mut summary = draft.summary;
        trim_in_place(&mut summary.default);
        for (lang, source) in std::iter::once(("", summary.default.as_str())).chain(
            summary
                .translations
                .iter()
                .map(|(l, t)| (l.as_str(), t.as_str())),
        ) {
            for warning in link_warnings(source) {
                let at = if lang.is_empty() {
                    origin.field("summary")
                } else {
                    format!("{} ({lang})", origin.field("summary"))
                };
                problems.push(Problem::warning(at, warning));
            }
        }
        let media = draft
            .media
            .into_iter()
            .filter(|m| {
                let ok = safe_url(&m.url);
                if !ok {
                    problems.push(Problem::warning(
                        origin.field("media"),
                        format!(
                            "media must be an http or https URL; \"{}\" was dropped",
                            m.url
                        ),
                    ));
                }
                ok
            })
            .collect();
        let sources = draft
            .sources
            .into_iter()
            .map(|s| checked_source(s, &origin.at, problems))
            .collect();

        let position = self.events.len();
        // "event 3" or "row 5", without the id the message repeats anyway.
        self.short_origins
            .push(u32::try_from(origin.number).unwrap_or(u32::MAX));
        self.seen_ids.insert(id.clone(), position);
        if !draft.related.is_empty() {
            self.links.push((position, draft.related, origin));
        }
        self.events.push(Event {
            id,
            title,
            start: draft.start,
            end: draft.end,
            circa: draft.circa,
            display_date: draft.display_date.map(Box::new),
            status: draft.status,
            lane,
            actors: draft.actors.into(),
            tags: draft.tags.into(),
            summary,
            media,
            sources,
            related: Box::default(),
            importance: draft.importance,
            range,
        });
    }

    /// Sorts the accepted events by date, resolves their links and builds the
    /// dataset; an error when no event was accepted.
    pub(crate) fn finish(self) -> Result<Loaded, Vec<Problem>> {
        let Assembler {
            header,
            mut problems,
            mut events,
            seen_ids,
            links,
            ..
        } = self;
        if events.is_empty() {
            sort_by_position(&mut problems);
            problems.push(Problem::error(
                "events",
                "the dataset has no events that could be loaded",
            ));
            return Err(problems);
        }

        // Sort a permutation rather than the events, so that links (given by
        // file position) can be mapped to sorted positions afterwards.
        // Ids are unique, so the order is total and an unstable sort is exact.
        let mut order: Vec<(Days, Days, usize)> = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.range.0, e.range.1, i))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then_with(|| events[a.2].id.cmp(&events[b.2].id))
        });
        let mut sorted_position = vec![0; events.len()];
        for (sorted, &(.., position)) in order.iter().enumerate() {
            sorted_position[position] = sorted;
        }
        drop(order);
        // `seen_ids` gives each id's position in file order; links point to
        // sorted positions.
        for (position, ids, origin) in links {
            let mut related: Vec<usize> = Vec::new();
            for id in ids {
                match seen_ids.get(&id).map(|&p| sorted_position[p]) {
                    Some(i) if related.contains(&i) => {}
                    Some(i) => related.push(i),
                    None => problems.push(Problem::warning(
                        origin.field("related"),
                        format!("no event has the id \"{id}\"; the link was dropped"),
                    )),
                }
            }
            events[position].related = related.into();
        }
        drop(seen_ids);
        apply_order(&mut events, &sorted_position);
        events.shrink_to_fit();

        sort_by_position(&mut problems);
        let mut eras = header.eras;
        eras.sort_by(|a, b| {
            a.range
                .0
                .total_cmp(&b.range.0)
                .then(a.range.1.total_cmp(&b.range.1))
        });
        let sources = header
            .sources
            .into_iter()
            .map(|s| checked_source(s, "dataset", &mut problems))
            .collect();
        let mut description = header.description;
        trim_in_place(&mut description.default);
        for warning in link_warnings(&description.default) {
            problems.insert(0, Problem::warning("dataset, field `description`", warning));
        }
        let mut title = header.title;
        trim_in_place(&mut title.default);
        Ok(Loaded {
            dataset: Dataset {
                title,
                description,
                author: header.author,
                license: header.license,
                sources,
                language: header.language,
                eras,
                lanes: header.lanes,
                events,
            },
            problems,
        })
    }
}

/// Moves each event to its sorted position, in place: `target[i]` is where
/// the event now at `i` belongs.
fn apply_order(events: &mut [Event], target: &[usize]) {
    let mut target = target.to_vec();
    for i in 0..events.len() {
        while target[i] != i {
            let j = target[i];
            events.swap(i, j);
            target.swap(i, j);
        }
    }
}

/// Trims a string without reallocating when there is nothing to trim.
fn trim_in_place(text: &mut String) {
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
    }
}

/// The warnings for link targets that Markdown `source` would drop. Only
/// text with a `[` or `<` can hold a link, so most summaries skip the parse.
fn link_warnings(source: &str) -> Vec<String> {
    // Bytes rather than chars: the same answer, as both are ASCII, without
    // decoding every summary of a large file.
    if source.bytes().any(|b| b == b'[' || b == b'<') {
        markdown::parse(source).1
    } else {
        Vec::new()
    }
}

/// Puts problems in file order: dataset-level ones first, then by event index
/// or row, keeping the order found within each.
fn sort_by_position(problems: &mut [Problem]) {
    problems.sort_by_key(|p| {
        let number = ["event ", "row "]
            .iter()
            .find_map(|prefix| p.location.strip_prefix(prefix))
            .and_then(|rest| {
                rest.split(|c: char| !c.is_ascii_digit())
                    .next()?
                    .parse::<usize>()
                    .ok()
            });
        number.map_or((0, 0), |n| (1, n))
    });
}

/// The axis range of `start`..`end`, or an error at `end_at` when the end
/// comes first; the location is only formatted when there is a problem.
fn span(
    start: Date,
    end: Option<Date>,
    end_at: &dyn Fn() -> String,
    problems: &mut Vec<Problem>,
) -> Option<(Days, Days)> {
    let mut range = start.range();
    if let Some(end) = end {
        let (end_start, end_end) = end.range();
        if end_start < range.0 {
            problems.push(Problem::error(
                end_at(),
                format!(
                    "it ends ({}) before it starts ({})",
                    end.display(),
                    start.display()
                ),
            ));
            return None;
        }
        range.1 = range.1.max(end_end);
    }
    Some(range)
}

/// An era, or an error at `end_at` when it ends before it starts.
pub(crate) fn make_era(
    id: Option<String>,
    title: Text,
    start: Date,
    end: Date,
    end_at: &str,
    problems: &mut Vec<Problem>,
) -> Option<Era> {
    let range = span(start, Some(end), &|| end_at.to_owned(), problems)?;
    Some(Era {
        id,
        title,
        start,
        end,
        range,
    })
}

/// Reads an object of type `T`; on failure reports which fields are wrong, as
/// errors, and returns `None`.
pub(crate) fn read_strict<T: DeserializeOwned>(
    value: Value,
    minimal: &str,
    at: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    if !value.is_object() {
        problems.push(Problem::error(
            at,
            format!("expected an object, found {}", kind_of(&value)),
        ));
        return None;
    }
    match serde_json::from_value::<T>(value.clone()) {
        Ok(t) => Some(t),
        Err(e) => {
            let Value::Object(map) = value else {
                return None;
            };
            let faults = faulty_fields::<T>(&map, minimal);
            if faults.is_empty() {
                let message = e.to_string();
                let at = match missing_field(&message) {
                    Some(name) => field(at, name),
                    None => at.to_owned(),
                };
                problems.push(Problem::error(at, message));
            }
            for (name, message) in faults {
                problems.push(Problem::error(field(at, &name), message));
            }
            None
        }
    }
}

/// Reads an object of type `T`, dropping the fields that are wrong (each an
/// error) and keeping the rest. For the dataset header, where one bad field
/// should not cost every event.
fn read_lenient<T: DeserializeOwned>(
    mut map: Map<String, Value>,
    minimal: &str,
    at: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    if let Ok(t) = serde_json::from_value::<T>(Value::Object(map.clone())) {
        return Some(t);
    }
    for (name, message) in faulty_fields::<T>(&map, minimal) {
        problems.push(Problem::error(
            field(at, &name),
            format!("{message}; the field was ignored"),
        ));
        map.remove(&name);
    }
    read_strict(Value::Object(map), minimal, at, problems)
}

/// Tries each field alone on top of a minimal valid object, to name the fields
/// that a deserialization error comes from.
fn faulty_fields<T: DeserializeOwned>(
    map: &Map<String, Value>,
    minimal: &str,
) -> Vec<(String, String)> {
    let Ok(Value::Object(base)) = serde_json::from_str::<Value>(minimal) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(name, value)| {
            let mut probe = base.clone();
            probe.insert(name.clone(), value.clone());
            serde_json::from_value::<T>(Value::Object(probe))
                .err()
                .map(|e| (name.clone(), e.to_string()))
        })
        .collect()
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
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
                format!("dataset, field `{name}`"),
                format!("expected an array, found {}", kind_of(&other)),
            ));
            None
        }
    }
}

pub(crate) fn warn_unknown(extra: &BTreeMap<String, Value>, at: &str, problems: &mut Vec<Problem>) {
    for name in extra.keys() {
        problems.push(Problem::warning(
            field(at, name),
            format!("unknown field `{name}` was ignored"),
        ));
    }
}

/// Turns a text field into [`Text`], keyed on the dataset's default language.
fn text(
    raw: RawText,
    language: &str,
    at: &dyn Fn() -> String,
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
                            format!("no text in the default language \"{language}\"; the \"{lang}\" text is used instead"),
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

pub(crate) fn json_problem(e: &serde_json::Error) -> Problem {
    // serde_json appends " at line L column C" to its message; the location
    // gets its own field instead.
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    Problem::error(format!("line {}, column {}", e.line(), e.column()), message)
}

/// Appends `n` in decimal, without the formatting machinery.
fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut rest = n;
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// An importance from 1 to 5; anything else is dropped with a warning.
fn checked_importance(value: Option<u8>, at: &str, problems: &mut Vec<Problem>) -> Option<u8> {
    let value = value?;
    if (1..=5).contains(&value) {
        Some(value)
    } else {
        problems.push(Problem::warning(
            field(at, "importance"),
            format!("importance runs from 1 (a detail) to 5 (central); {value} was ignored"),
        ));
        None
    }
}

fn field(at: &str, name: &str) -> String {
    format!("{at}, field `{name}`")
}

/// The date `text`, or `None` with an error at `at`; the location is only
/// formatted when there is a problem (every event of a large file is checked).
fn check_date(text: &str, at: &dyn Fn() -> String, errors: &mut Vec<Problem>) -> Option<Date> {
    Date::parse(text)
        .map_err(|DateError(message)| errors.push(Problem::error(at(), message)))
        .ok()
}

/// Only http and https links survive; anything else could run script or leak
/// to an unexpected handler when clicked.
pub(crate) fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn native_source(raw: RawSource, at: &str, problems: &mut Vec<Problem>) -> Source {
    warn_unknown(&raw.extra, at, problems);
    // Checked here too (not only in `assemble`) so the warning can name the
    // source by its index.
    let url = raw.url.filter(|url| {
        let ok = safe_url(url);
        if !ok {
            problems.push(Problem::warning(
                field(at, "url"),
                format!("only http and https links are allowed; \"{url}\" was dropped"),
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
                    field(at, "date"),
                    format!("{message}; the source date was dropped"),
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

/// Drops a source link that is not http or https, with a warning.
fn checked_source(mut source: Source, at: &str, problems: &mut Vec<Problem>) -> Source {
    if let Some(url) = source.url.take() {
        if safe_url(&url) {
            source.url = Some(url);
        } else {
            problems.push(Problem::warning(
                format!("{at}, source \"{}\", field `url`", source.title),
                format!("only http and https links are allowed; \"{url}\" was dropped"),
            ));
        }
    }
    source
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DEFAULT_DATASET_JSON;

    fn one_event(fields: &str) -> String {
        format!(r#"{{"events": [{{{fields}}}]}}"#)
    }

    #[test]
    fn origins_name_events_and_rows() {
        for n in [0, 7, 10, 305, usize::MAX] {
            let mut out = String::from(">");
            push_number(&mut out, n);
            assert_eq!(out, format!(">{n}"));
        }
        assert_eq!(
            Origin::event(12, Some("x"), FieldStyle::Native).at,
            "event 12 (id \"x\")"
        );
        assert_eq!(Origin::event(0, None, FieldStyle::TimelineJs).at, "event 0");
        assert_eq!(Origin::row(5).at, "row 5");
        assert_eq!(Origin::short(FieldStyle::Sheet, 5), "row 5");
        assert_eq!(Origin::short(FieldStyle::Native, 3), "event 3");
    }

    #[test]
    fn default_dataset_loads_without_problems() {
        let loaded = parse_dataset(DEFAULT_DATASET_JSON).expect("the shipped dataset loads");
        assert!(
            loaded.problems.is_empty(),
            "problems: {:#?}",
            loaded.problems
        );
        let d = &loaded.dataset;
        assert!(d.events.len() >= 20, "{} events", d.events.len());
        for id in [
            "treaty-signed-1960",
            "taepodong-1-launch",
            "joint-declaration-planned",
        ] {
            assert!(d.index_of(id).is_some(), "missing {id}");
        }
        let planned = &d.events[d.index_of("joint-declaration-planned").unwrap()];
        assert_eq!(planned.start.display(), "Fall 2005");
        assert_eq!(planned.status, Status::Planned);
        assert!(
            !planned.related.is_empty(),
            "the plan links to what happened"
        );
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
        let ids: Vec<_> = loaded
            .dataset
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(loaded.dataset.events[1].related[..], [0]);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].message.contains("\"missing\""));
    }

    #[test]
    fn json_syntax_errors_give_line_and_column() {
        let errors =
            parse_dataset("{\n  \"events\": [\n    {\"id\": \"a\",,}\n  ]\n}").unwrap_err();
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
        let locations: Vec<_> = loaded
            .problems
            .iter()
            .map(|p| p.location.as_str())
            .collect();
        assert_eq!(
            locations,
            [
                "event 1 (id \"ok\"), field `id`",
                "event 2 (id \"feb\"), field `start`",
                "event 3 (id \"rev\"), field `end`",
                "event 4 (id \"typ\"), field `title`",
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
    fn unknown_fields_are_named_warnings_and_the_event_loads() {
        let loaded = parse_dataset(&one_event(
            r#""id": "a", "title": "A", "start": "2000", "colour": "red""#,
        ))
        .unwrap();
        assert_eq!(loaded.dataset.events.len(), 1);
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].kind, ProblemKind::Warning);
        assert_eq!(
            loaded.problems[0].location,
            "event 0 (id \"a\"), field `colour`"
        );
        assert!(
            loaded.problems[0]
                .message
                .contains("unknown field `colour`"),
            "{:?}",
            loaded.problems
        );
    }

    #[test]
    fn unsafe_source_links_are_dropped_with_a_warning() {
        let text = one_event(
            r#""id": "a", "title": "A", "start": "2000", "sources": [{"title": "S", "url": "javascript:alert(1)"}, {"title": "T", "url": "https://example.org/x"}]"#,
        );
        let loaded = parse_dataset(&text).unwrap();
        let sources = &loaded.dataset.events[0].sources;
        assert_eq!(sources[0].url, None);
        assert_eq!(sources[1].url.as_deref(), Some("https://example.org/x"));
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].kind, ProblemKind::Warning);
        assert_eq!(
            loaded.problems[0].location,
            "event 0 (id \"a\"), sources[0], field `url`"
        );
    }

    #[test]
    fn unsafe_markdown_links_are_warned_about() {
        let text = r#"{"description": "[x](data:text/html,hi)", "events": [
            {"id": "a", "title": "A", "start": "2000", "summary": {"en": "[y](javascript:z)", "ja": "[z](vbscript:z)"}}
        ]}"#;
        let loaded = parse_dataset(text).unwrap();
        let locations: Vec<_> = loaded
            .problems
            .iter()
            .map(|p| p.location.as_str())
            .collect();
        assert_eq!(
            locations,
            [
                "dataset, field `description`",
                "event 0 (id \"a\"), field `summary`",
                "event 0 (id \"a\"), field `summary` (ja)",
            ]
        );
        assert!(loaded
            .problems
            .iter()
            .all(|p| p.kind == ProblemKind::Warning));
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = format!(
            "\u{feff}{}",
            one_event(r#""id": "a", "title": "A", "start": "2000""#)
        );
        assert!(parse_dataset(&text).is_ok());
    }

    #[test]
    fn lanes_default_to_the_first_actor() {
        let text =
            one_event(r#""id": "a", "title": "A", "start": "2000", "actors": ["Japan", "China"]"#);
        let d = parse_dataset(&text).unwrap().dataset;
        assert_eq!(d.lanes[d.events[0].lane].label, "Japan");
    }

    #[test]
    fn spans_cover_start_to_end_of_their_dates() {
        let text = one_event(r#""id": "a", "title": "A", "start": "2005-04", "end": "2005-fall""#);
        let e = &parse_dataset(&text).unwrap().dataset.events[0];
        assert_eq!(
            e.range,
            (
                Date::Month(2005, 4).range().0,
                Date::parse("2005-fall").unwrap().range().1
            )
        );
        assert_eq!(e.date_text(), "April 2005 – Fall 2005");
        assert!(!e.is_instant());
    }
}
