//! The checks every importer shares: one event at a time ([`Assembler`]),
//! then what needs the whole dataset (unique ids, lanes, links, order).

use std::collections::HashMap;

use super::super::date::Date;
use super::super::markdown::{self, safe_url};
use super::super::{Dataset, Days, Era, Event, Lane, Media, Source, Status, Text, Theme};
use super::origin::Origin;
use super::problem::{sort_by_position, Item, Loaded, Location, Message, Part, Problem};
use crate::i18n::Msg;
use crate::order::{float_key, positions_by, sorted_positions};

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
    /// Themes declared up front, ids unique.
    pub themes: Vec<Theme>,
    /// Actors declared up front, ids unique.
    pub actors: Vec<Theme>,
}

/// The lane used for events that name neither a lane nor an actor.
const FALLBACK_LANE: &str = "Events";

/// The language assumed when a dataset does not name one.
pub(crate) const DEFAULT_LANGUAGE: &str = "en";
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

    /// [`Assembler::reserve`] for a number that is only an estimate from
    /// untrusted input: room that cannot be had is not made.
    pub(crate) fn try_reserve(&mut self, events: usize) {
        if self.events.try_reserve_exact(events).is_ok()
            && self.short_origins.try_reserve_exact(events).is_ok()
        {
            let _ = self.seen_ids.try_reserve(events);
        }
    }

    /// The dataset's default language, and the problems found so far, for
    /// readers that check fields before handing a draft to [`Assembler::add`].
    pub(crate) fn language_and_problems(&mut self) -> (&str, &mut Vec<Problem>) {
        (&self.header.language, &mut self.problems)
    }

    /// The header as checked, and the problems found, for a reader that
    /// checks a header alone (an edit of the eras).
    pub(crate) fn into_header(self) -> (Header, Vec<Problem>) {
        (self.header, self.problems)
    }

    /// How many problems have been found so far.
    pub(crate) fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// Checks one event; keeps it when valid, otherwise records why not.
    pub(crate) fn add(&mut self, mut draft: Draft) {
        crate::model::limits::limit_draft(&mut draft, &mut self.problems);
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
                Message::new(Msg::PIdEmpty),
            ));
        } else if let Some(&first) = self.seen_ids.get(&id) {
            let first = Origin::short(origin.style, self.short_origins[first] as usize);
            errors.push(Problem::error(
                origin.field("id"),
                Message::new(Msg::PDuplicateId)
                    .with_location("first", first)
                    .with("id", &id),
            ));
        }
        let mut title = draft.title;
        trim_in_place(&mut title.default);
        if title.default.is_empty() {
            errors.push(Problem::error(
                origin.field("title"),
                Message::new(Msg::PTitleEmpty),
            ));
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
                        Message::new(Msg::PLaneUndeclared).with("lane", lane_name),
                    ));
                }
                let lanes = &mut self.header.lanes;
                self.lane_index.insert(lane_name.to_owned(), lanes.len());
                lanes.push(Lane {
                    id: lane_name.to_owned(),
                    label: Text::plain(lane_name),
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
                    origin.field("summary").language(lang)
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
                        Message::new(Msg::PUnsafeMedia).with("url", &m.url),
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
            mut header,
            mut problems,
            mut events,
            seen_ids,
            links,
            ..
        } = self;
        crate::model::limits::limit_header(&mut header, &mut problems);
        if events.is_empty() {
            sort_by_position(&mut problems);
            problems.push(Problem::error(
                Location::part(Part::Events),
                Message::new(Msg::PNoEvents),
            ));
            return Err(problems);
        }

        // Sort a permutation rather than the events, so that links (given by
        // file position) can be mapped to sorted positions afterwards.
        // Ids are unique, so the order is total and an unstable sort is exact.
        // By range with the crate's one sort of integer keys, then each run
        // of equal ranges (rare) by id.
        let key = |e: &Event| (float_key(e.range.0), float_key(e.range.1));
        let mut order = sorted_positions(events.iter().map(key).collect());
        let mut start = 0;
        while start < order.len() {
            let run_key = key(&events[order[start]]);
            let mut end = start + 1;
            while end < order.len() && key(&events[order[end]]) == run_key {
                end += 1;
            }
            if end - start > 1 {
                let run = order[start..end].to_vec();
                let by_id =
                    positions_by(run.len(), &|a, b| events[run[a]].id.cmp(&events[run[b]].id));
                for (slot, i) in order[start..end].iter_mut().zip(by_id) {
                    *slot = run[i];
                }
            }
            start = end;
        }
        let mut sorted_position = vec![0; events.len()];
        for (sorted, &position) in order.iter().enumerate() {
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
                        Message::new(Msg::PRelatedUnknown).with("id", &id),
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
        crate::order::sort_by_key(&mut eras, |era| {
            (float_key(era.range.0), float_key(era.range.1))
        });
        let sources = header
            .sources
            .into_iter()
            .map(|s| checked_source(s, &Location::part(Part::Dataset), &mut problems))
            .collect();
        let mut description = header.description;
        trim_in_place(&mut description.default);
        for warning in link_warnings(&description.default) {
            problems.insert(
                0,
                Problem::warning(Location::part(Part::Dataset).field("description"), warning),
            );
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
                themes: header.themes,
                actors: header.actors,
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
pub(crate) fn link_warnings(source: &str) -> Vec<Message> {
    // Bytes rather than chars: the same answer, as both are ASCII, without
    // decoding every summary of a large file.
    if source.bytes().any(|b| b == b'[' || b == b'<') {
        markdown::parse(source).1
    } else {
        Vec::new()
    }
}

/// The axis range of `start`..`end`, or an error at `end_at` when the end
/// comes first; the location is only formatted when there is a problem.
fn span(
    start: Date,
    end: Option<Date>,
    end_at: &dyn Fn() -> Location,
    problems: &mut Vec<Problem>,
) -> Option<(Days, Days)> {
    let mut range = start.range();
    if let Some(end) = end {
        let (end_start, end_end) = end.range();
        if end_start < range.0 {
            problems.push(Problem::error(
                end_at(),
                Message::new(Msg::PEndsBeforeStart)
                    .with_date("end", end)
                    .with_date("start", start),
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
    end_at: &Location,
    problems: &mut Vec<Problem>,
) -> Option<Era> {
    let range = span(start, Some(end), &|| end_at.clone(), problems)?;
    Some(Era {
        id,
        title,
        start,
        end,
        range,
    })
}
/// Drops a source link that is not http or https, with a warning.
fn checked_source(mut source: Source, at: &Location, problems: &mut Vec<Problem>) -> Source {
    if let Some(url) = source.url.take() {
        if safe_url(&url) {
            source.url = Some(url);
        } else {
            problems.push(Problem::warning(
                at.item(Item::SourceTitled(source.title.clone()))
                    .field("url"),
                Message::new(Msg::PUnsafeUrl).with("url", &url),
            ));
        }
    }
    source
}
