//! Editing a dataset: every change an author can make ([`Edit`]), applied
//! with [`apply`] to give a new, checked [`Dataset`], and the undo and redo
//! [`History`].
//!
//! An edit never breaks the invariants listed on [`Dataset`]: after each one
//! the events are sorted again, ids stay unique, and lane and related indices
//! are remapped so that they stay in bounds. What an author types (an event's
//! or era's fields) is checked by the loader's own checks (`fields`), so an
//! edit that a file could not hold is refused with located problems, never
//! half applied.

mod fields;
mod history;

pub use fields::{field_of, EraFields, EventFields, SourceFields};
pub use history::{History, HISTORY_LIMIT};

use super::parse::{Location, Message, Part, Problem};
use super::{limits, Dataset, Event, Lane, Text};
use crate::i18n::{Locale, Msg};

/// One change to a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add an event (`replace: None`) or replace the event with this id.
    PutEvent {
        /// The id of the event replaced, if any.
        replace: Option<String>,
        /// The event as typed.
        fields: EventFields,
    },
    /// Delete the event with this id.
    DeleteEvent(String),
    /// Move an event this many units of its start's precision (an end moves
    /// by its own precision): a season by seasons, a year by years.
    Move {
        /// The event.
        id: String,
        /// Units later; negative for earlier.
        steps: i64,
    },
    /// Move an event's end this many units of its precision; an event
    /// without an end gets one, at its start's precision.
    Resize {
        /// The event.
        id: String,
        /// Units later; negative for earlier.
        steps: i64,
    },
    /// Put an event in another lane.
    SetLane {
        /// The event.
        id: String,
        /// Index of the lane.
        lane: usize,
    },
    /// Add a lane at the bottom.
    AddLane(String),
    /// Give a lane another label.
    RenameLane {
        /// Index of the lane.
        index: usize,
        /// The new label.
        label: String,
    },
    /// Move a lane to another place, top to bottom.
    MoveLane {
        /// Where the lane is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Add an era (`index: None`) or change era `index`; eras stay in date order.
    PutEra {
        /// The era changed, if any.
        index: Option<usize>,
        /// The era as typed.
        fields: EraFields,
    },
    /// Delete era `index`.
    DeleteEra(usize),
    /// Give the dataset another title.
    SetTitle(String),
    /// Give the dataset another description (Markdown subset).
    SetDescription(String),
}

/// The event with this id, or a problem saying it is gone.
fn find(dataset: &Dataset, id: &str) -> Result<usize, Vec<Problem>> {
    dataset.index_of(id).ok_or_else(|| {
        vec![Problem::error(
            Location::part(Part::Events),
            Message::new(Msg::PEditNoEvent).with("id", id),
        )]
    })
}

/// A problem with part `part`'s field `field`.
fn problem(part: Part, field: &str, message: Message) -> Vec<Problem> {
    vec![Problem::error(Location::part(part).field(field), message)]
}

/// A problem with part `part`'s field `field`, saying message `key`.
fn refused(part: Part, field: &str, key: Msg) -> Vec<Problem> {
    problem(part, field, Message::new(key))
}

/// The dataset after `edit`, or the problems that stop it; `dataset` itself
/// is left as it was.
pub fn apply(dataset: &Dataset, edit: &Edit) -> Result<Dataset, Vec<Problem>> {
    let mut next = dataset.clone();
    match edit {
        Edit::PutEvent { replace, fields } => {
            let (index, replaces) = match replace {
                Some(id) => (find(dataset, id)?, true),
                None => (dataset.events.len(), false),
            };
            let (mut event, related) = fields::check_event(dataset, fields, index, replaces)?;
            event.related = related
                .iter()
                .filter_map(|id| dataset.index_of(id))
                .collect();
            if replaces {
                // Links to the event hold its index, so they follow it even
                // when its id changes.
                next.events[index] = event;
            } else {
                next.events.push(event);
            }
        }
        Edit::DeleteEvent(id) => {
            let index = find(dataset, id)?;
            next.events.remove(index);
            for event in &mut next.events {
                event.related = event
                    .related
                    .iter()
                    .filter(|&&r| r != index)
                    .map(|&r| if r > index { r - 1 } else { r })
                    .collect();
            }
        }
        Edit::Move { id, steps } => {
            let index = find(dataset, id)?;
            let event = &mut next.events[index];
            let moved = |date: super::Date| {
                date.shifted(*steps)
                    .ok_or_else(|| refused(Part::Events, "start", Msg::PEditPastYears))
            };
            event.start = moved(event.start)?;
            // An end moves by as much time as the start did, in its own units.
            if let Some(end) = event.end {
                let delta = event.start.range().0 - dataset.events[index].start.range().0;
                event.end = Some(shift_by_days(end, delta)?);
            }
            event.range = range_of(event);
        }
        Edit::Resize { id, steps } => {
            let index = find(dataset, id)?;
            let event = &mut next.events[index];
            let end = event.end.unwrap_or(event.start);
            let end = end
                .shifted(*steps)
                .ok_or_else(|| refused(Part::Events, "end", Msg::PEditPastYears))?;
            if end.range().0 < event.start.range().0 {
                return Err(refused(Part::Events, "end", Msg::PEditEndBeforeStart));
            }
            event.end = (end != event.start).then_some(end);
            event.range = range_of(event);
        }
        Edit::SetLane { id, lane } => {
            let index = find(dataset, id)?;
            if *lane >= dataset.lanes.len() {
                return Err(refused(Part::Events, "lane", Msg::PEditNoLane));
            }
            next.events[index].lane = *lane;
        }
        Edit::AddLane(label) => {
            let label = lane_label(label, Part::Lane(dataset.lanes.len()))?;
            let id = fresh_lane_id(dataset, &label);
            next.lanes.push(Lane {
                id,
                label: Text::plain(label),
            });
        }
        Edit::RenameLane { index, label } => {
            let label = lane_label(label, Part::Lane(*index))?;
            let lane = next
                .lanes
                .get_mut(*index)
                .ok_or_else(|| refused(Part::Lane(*index), "label", Msg::PEditNoLane))?;
            lane.label = Text {
                default: label,
                ..lane.label.clone()
            };
        }
        Edit::MoveLane { from, to } => {
            let count = dataset.lanes.len();
            if *from >= count || *to >= count {
                return Err(refused(Part::Lane(*from), "id", Msg::PEditNoLane));
            }
            let lane = next.lanes.remove(*from);
            next.lanes.insert(*to, lane);
            // Where each old lane index went.
            let mut order: Vec<usize> = (0..count).collect();
            let moved = order.remove(*from);
            order.insert(*to, moved);
            let mut place = vec![0; count];
            for (new, &old) in order.iter().enumerate() {
                place[old] = new;
            }
            for event in &mut next.events {
                event.lane = place[event.lane];
            }
        }
        Edit::PutEra { index, fields } => {
            let at = index.unwrap_or(dataset.eras.len());
            let old = index.and_then(|i| dataset.eras.get(i));
            if index.is_some() && old.is_none() {
                return Err(refused(Part::Era(at), "title", Msg::PEditNoEra));
            }
            let era = fields::check_era(dataset, fields, at, old)?;
            match index {
                Some(i) => next.eras[*i] = era,
                None => next.eras.push(era),
            }
            crate::order::sort_by_key(&mut next.eras, |era| {
                (
                    crate::order::float_key(era.range.0),
                    crate::order::float_key(era.range.1),
                )
            });
        }
        Edit::DeleteEra(index) => {
            if *index >= next.eras.len() {
                return Err(refused(Part::Era(*index), "title", Msg::PEditNoEra));
            }
            next.eras.remove(*index);
        }
        Edit::SetTitle(title) => {
            let title = title.trim();
            too_long(
                title,
                limits::SHORT_TEXT_BYTES,
                "title",
                Msg::PEditTitleTooLong,
            )?;
            next.title = Text {
                default: title.to_owned(),
                ..dataset.title.clone()
            };
        }
        Edit::SetDescription(description) => {
            let description = description.trim();
            too_long(
                description,
                limits::LONG_TEXT_BYTES,
                "description",
                Msg::PEditDescriptionTooLong,
            )?;
            let warnings = super::parse::link_warnings(description);
            if let Some(warning) = warnings.into_iter().next() {
                return Err(problem(Part::Dataset, "description", warning));
            }
            next.description = Text {
                default: description.to_owned(),
                ..dataset.description.clone()
            };
        }
    }
    sort_events(&mut next.events);
    Ok(next)
}

/// Words that name an applied edit in the reader's language `lang`, for
/// the live region and the undo button: "Moved Treaty signed to Fall 2005".
/// `before` and `after` are the datasets either side of it.
pub fn describe(before: &Dataset, after: &Dataset, edit: &Edit, lang: &str) -> String {
    let l = Locale::of(lang);
    let title = |dataset: &Dataset, id: &str| {
        dataset
            .index_of(id)
            .map(|i| limits::excerpt(dataset.events[i].title.get(lang)).into_owned())
            .unwrap_or_default()
    };
    let when = |id: &str| {
        after
            .index_of(id)
            .map(|i| after.events[i].date_text(lang))
            .unwrap_or_default()
    };
    let what = |msg: Msg, what: &str| l.f(msg, &[("what", &what)]);
    match edit {
        Edit::PutEvent { replace: None, .. } => match after
            .events
            .iter()
            .find(|e| before.index_of(&e.id).is_none())
        {
            Some(added) => what(Msg::DidAdd, &limits::excerpt(added.title.get(lang))),
            None => l.t(Msg::DidAddEvent).to_owned(),
        },
        Edit::PutEvent {
            replace: Some(id),
            fields,
        } => what(
            Msg::DidChange,
            &title(after, if fields.id.is_empty() { id } else { &fields.id }),
        ),
        Edit::DeleteEvent(id) => what(Msg::DidDelete, &title(before, id)),
        Edit::Move { id, .. } => l.f(
            Msg::DidMove,
            &[("what", &title(after, id)), ("when", &when(id))],
        ),
        Edit::Resize { id, .. } => l.f(
            Msg::DidResize,
            &[("what", &title(after, id)), ("when", &when(id))],
        ),
        Edit::SetLane { id, lane } => l.f(
            Msg::DidSetLane,
            &[
                ("what", &title(after, id)),
                (
                    "lane",
                    &after
                        .lanes
                        .get(*lane)
                        .map(|l| l.label.get(lang))
                        .unwrap_or_default(),
                ),
            ],
        ),
        Edit::AddLane(label) => what(Msg::DidAddLane, label.trim()),
        Edit::RenameLane { label, .. } => what(Msg::DidRenameLane, label.trim()),
        Edit::MoveLane { from, to } => l.f(
            Msg::DidMoveLane,
            &[("from", &(from + 1)), ("to", &(to + 1))],
        ),
        Edit::PutEra {
            index: None,
            fields,
        } => what(Msg::DidAddEra, fields.title.trim()),
        Edit::PutEra { fields, .. } => what(Msg::DidChangeEra, fields.title.trim()),
        Edit::DeleteEra(i) => what(
            Msg::DidDeleteEra,
            before
                .eras
                .get(*i)
                .map(|e| e.title.get(lang))
                .unwrap_or_default(),
        ),
        Edit::SetTitle(_) => l.t(Msg::DidTitle).to_owned(),
        Edit::SetDescription(_) => l.t(Msg::DidDescription).to_owned(),
    }
}

/// A date moved by `delta` days on the axis, in its own units (rounded to
/// the nearest whole number of them).
fn shift_by_days(date: super::Date, delta: f64) -> Result<super::Date, Vec<Problem>> {
    let (start, end) = date.range();
    let unit = end - start;
    let steps = (delta / unit).round() as i64;
    date.shifted(steps)
        .ok_or_else(|| refused(Part::Events, "end", Msg::PEditPastYears))
}

/// An event's axis range from its dates.
fn range_of(event: &Event) -> (f64, f64) {
    let mut range = event.start.range();
    if let Some(end) = event.end {
        range.1 = range.1.max(end.range().1);
    }
    range
}

/// The loader cuts a text longer than `max` bytes; an edit is refused
/// instead, with message `key` (its `{max}` is the limit).
fn too_long(text: &str, max: usize, field: &str, key: Msg) -> Result<(), Vec<Problem>> {
    if text.len() > max {
        return Err(problem(
            Part::Dataset,
            field,
            Message::new(key).with("max", super::date::group_thousands(max as u64)),
        ));
    }
    Ok(())
}

fn lane_label(label: &str, part: Part) -> Result<String, Vec<Problem>> {
    match label.trim() {
        "" => Err(refused(part, "label", Msg::PEditLaneLabel)),
        label => {
            if label.len() > limits::SHORT_TEXT_BYTES {
                return Err(refused(part, "label", Msg::PEditLabelTooLong));
            }
            Ok(label.to_owned())
        }
    }
}

/// A lane id made from a label, not used by another lane.
fn fresh_lane_id(dataset: &Dataset, label: &str) -> String {
    let stem = fields::fresh_id(&Dataset::default(), label);
    let taken = |id: &str| dataset.lanes.iter().any(|l| l.id == id);
    std::iter::once(stem.clone())
        .chain((2..).map(|n| format!("{stem}-{n}")))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// Puts events back in reading order (by start, then end, then id, as the
/// loader sorts them) and remaps their related indices to the new places.
fn sort_events(events: &mut Vec<Event>) {
    // Ids are unique; the position breaks any tie left, as a stable sort would.
    let order = crate::order::positions_by(events.len(), &|i, j| {
        let (a, b) = (&events[i], &events[j]);
        a.range
            .0
            .total_cmp(&b.range.0)
            .then(a.range.1.total_cmp(&b.range.1))
            .then_with(|| a.id.cmp(&b.id))
            .then(i.cmp(&j))
    });
    if order.iter().enumerate().all(|(i, &o)| i == o) {
        return;
    }
    let mut place = vec![0; events.len()];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let mut taken: Vec<Option<Event>> = std::mem::take(events).into_iter().map(Some).collect();
    *events = order
        .iter()
        .map(|&old| taken[old].take().expect("each event once"))
        .collect();
    for event in events.iter_mut() {
        event.related = event.related.iter().map(|&r| place[r]).collect();
    }
}

#[cfg(test)]
mod tests;
