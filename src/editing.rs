//! Edit mode's part of the state: whether it is on, the undo history,
//! which editor is open, whether there are changes not yet exported, and the
//! draft brought back from the browser's storage; and the reducer's arm for
//! [`EditAction`]s.
//!
//! Pure like the rest of the state: an edit goes through
//! [`crate::model::edit::apply`], and the shown list and time index are
//! rebuilt from the new dataset as on a load. Saving drafts is the
//! browser's side (`hooks::use_drafts`).

use std::rc::Rc;

use crate::i18n::Msg;
use crate::layout::index::TimeIndex;
use crate::model::edit::{self, Edit, History};
use crate::model::Dataset;
use crate::state::State;

/// Which editor is open in edit mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The form for a new event.
    NewEvent,
    /// The form for the event with this id.
    Event(String),
    /// The dataset's title and description, lanes and eras.
    Dataset,
}

/// Edit mode's state.
#[derive(Clone, Debug, Default)]
pub struct Editing {
    /// Edit mode is on: edit controls show, marks can be moved.
    pub on: bool,
    /// What can be undone and redone.
    pub history: Rc<History>,
    /// The dataset has changes that were not exported.
    pub unsaved: bool,
    /// The open editor, if any.
    pub panel: Option<Panel>,
    /// The dataset shown before a draft from the browser's storage replaced
    /// it; Discard goes back to it. Set while the notice shows.
    pub before_draft: Option<Rc<Dataset>>,
    /// A draft that arrived while its dataset was still loading (and
    /// whether it was exported); it replaces the dataset when the load ends.
    pub pending_draft: Option<(Rc<Dataset>, bool)>,
}

impl PartialEq for Editing {
    fn eq(&self, other: &Editing) -> bool {
        let same = |a: &Option<Rc<Dataset>>, b: &Option<Rc<Dataset>>| match (a, b) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        self.on == other.on
            && Rc::ptr_eq(&self.history, &other.history)
            && self.unsaved == other.unsaved
            && self.panel == other.panel
            && same(&self.before_draft, &other.before_draft)
            && same(
                &self.pending_draft.as_ref().map(|d| d.0.clone()),
                &other.pending_draft.as_ref().map(|d| d.0.clone()),
            )
    }
}

/// What can happen in edit mode.
#[derive(Clone, Debug, PartialEq)]
pub enum EditAction {
    /// Turn edit mode on or off.
    SetOn(bool),
    /// Apply an edit; one that is refused changes nothing but the live region.
    Apply(Box<Edit>),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Open an editor, or close it (`None`).
    ShowPanel(Option<Panel>),
    /// A draft was found in the browser's storage.
    RestoreDraft {
        /// The draft.
        dataset: Rc<Dataset>,
        /// It was exported after its last change.
        exported: bool,
    },
    /// Throw the restored draft away and show the dataset from before it.
    DiscardDraft,
    /// Dismiss the notice that a draft was restored, keeping the draft.
    KeepDraft,
    /// The dataset was exported: nothing is unsaved any more.
    Exported,
}

impl State {
    /// The state showing `dataset` instead, with the shown list and the time
    /// index rebuilt and the open and focused events followed by id.
    pub(crate) fn with_dataset(&self, dataset: Rc<Dataset>) -> State {
        let id_at = |i: Option<usize>| {
            i.and_then(|i| self.dataset.events.get(i))
                .map(|e| e.id.clone())
        };
        let (open, focus) = (id_at(self.open), id_at(self.focus));
        let lanes = dataset.lanes.len();
        let mut filters = self.filters.clone();
        filters.lanes.retain(|&l| l < lanes);
        let next = State {
            open: open.and_then(|id| dataset.index_of(&id)),
            focus: focus.and_then(|id| dataset.index_of(&id)),
            // Every event may have moved: the index is rebuilt, not compared.
            visible: Rc::new(Vec::new()),
            index: Rc::new(TimeIndex::build(&dataset, &[])),
            filters,
            dataset,
            ..self.clone()
        };
        let visible = next.filters.visible(&next.dataset);
        State {
            index: Rc::new(TimeIndex::build(&next.dataset, &visible)),
            visible: Rc::new(visible),
            ..next
        }
        .refilter()
    }

    fn with_editing(&self, editing: Editing) -> State {
        State {
            editing,
            ..self.clone()
        }
    }

    /// Applies an [`EditAction`]; `None` when nothing changes.
    pub(crate) fn apply_edit(&self, action: EditAction) -> Option<State> {
        let editing = &self.editing;
        Some(match action {
            EditAction::SetOn(on) if on == editing.on => return None,
            EditAction::SetOn(on) => State {
                announcement: self
                    .locale()
                    .t(if on {
                        Msg::EditModeOn
                    } else {
                        Msg::EditModeOff
                    })
                    .to_owned(),
                ..self.with_editing(Editing {
                    on,
                    panel: None,
                    ..editing.clone()
                })
            },
            EditAction::Apply(change) => match edit::apply(&self.dataset, &change) {
                Ok(after) => {
                    let what = edit::describe(&self.dataset, &after, &change, &self.lang);
                    let mut next = self.with_dataset(Rc::new(after));
                    // The event moved or changed stays in view and focused.
                    if let Edit::Move { id, .. }
                    | Edit::Resize { id, .. }
                    | Edit::SetLane { id, .. } = &*change
                    {
                        next.focus = next.dataset.index_of(id).or(next.focus);
                    }
                    next.editing = Editing {
                        history: Rc::new(
                            editing.history.record(self.dataset.clone(), what.clone()),
                        ),
                        unsaved: true,
                        before_draft: None,
                        ..editing.clone()
                    };
                    next.announcement = what;
                    next
                }
                Err(problems) => State {
                    announcement: problems
                        .first()
                        .map(|p| self.locale().f(Msg::NotChanged, &[("problem", &p.message)]))
                        .unwrap_or_default(),
                    ..self.clone()
                },
            },
            EditAction::Undo | EditAction::Redo => {
                let undo = action == EditAction::Undo;
                let current = self.dataset.clone();
                let (dataset, what, history) = if undo {
                    editing.history.undo(current)?
                } else {
                    editing.history.redo(current)?
                };
                let mut next = self.with_dataset(dataset);
                next.editing = Editing {
                    history: Rc::new(history),
                    unsaved: true,
                    ..editing.clone()
                };
                next.announcement = self.locale().f(
                    if undo { Msg::Undone } else { Msg::Redone },
                    &[("what", &what)],
                );
                next
            }
            EditAction::ShowPanel(panel) => self.with_editing(Editing {
                on: editing.on || panel.is_some(),
                panel,
                ..editing.clone()
            }),
            EditAction::RestoreDraft { dataset, exported } if self.loading.is_some() => self
                .with_editing(Editing {
                    pending_draft: Some((dataset, exported)),
                    ..editing.clone()
                }),
            EditAction::RestoreDraft {
                dataset: draft,
                exported,
            } => {
                draft.check().ok()?;
                let before = self.dataset.clone();
                let mut next = self.with_dataset(draft);
                next.view = fit_or_keep(&next);
                next.editing = Editing {
                    unsaved: !exported,
                    before_draft: Some(before),
                    pending_draft: None,
                    ..editing.clone()
                };
                next.announcement = self.locale().t(Msg::EditsRestored).to_owned();
                next
            }
            EditAction::DiscardDraft => {
                let before = editing.before_draft.clone()?;
                let mut next = self.with_dataset(before);
                next.editing = Editing {
                    unsaved: false,
                    history: Rc::default(),
                    ..Editing::default()
                };
                next.announcement = self.locale().t(Msg::EditsDiscarded).to_owned();
                next
            }
            EditAction::KeepDraft => self.with_editing(Editing {
                before_draft: None,
                ..editing.clone()
            }),
            EditAction::Exported if !editing.unsaved => return None,
            EditAction::Exported => self.with_editing(Editing {
                unsaved: false,
                ..editing.clone()
            }),
        })
    }

    /// After a load: the draft that waited for it, if any, replaces it.
    pub(crate) fn take_pending_draft(self) -> State {
        match self.editing.pending_draft.clone() {
            Some((dataset, exported)) => self
                .apply_edit(EditAction::RestoreDraft { dataset, exported })
                .unwrap_or(self),
            None => self,
        }
    }
}

/// The edit a key press asks for on the focused mark in edit mode, the
/// keyboard's way to drag: Alt+Left/Right moves it by one unit of its
/// precision, Alt+Shift+Left/Right moves its end, Alt+Up/Down moves it to
/// the lane above or below. `None` for any other key, or outside edit mode.
pub(crate) fn key_edit(state: &State, key: &str, alt: bool, shift: bool) -> Option<EditAction> {
    if !state.editing.on || !alt {
        return None;
    }
    let event = state.focus.and_then(|i| state.dataset.events.get(i))?;
    let id = event.id.clone();
    let edit = match (key, shift) {
        ("ArrowLeft", false) => Edit::Move { id, steps: -1 },
        ("ArrowRight", false) => Edit::Move { id, steps: 1 },
        ("ArrowLeft", true) => Edit::Resize { id, steps: -1 },
        ("ArrowRight", true) => Edit::Resize { id, steps: 1 },
        ("ArrowUp", _) => Edit::SetLane {
            id,
            lane: event.lane.checked_sub(1)?,
        },
        ("ArrowDown", _) if event.lane + 1 < state.dataset.lanes.len() => Edit::SetLane {
            id,
            lane: event.lane + 1,
        },
        _ => return None,
    };
    Some(EditAction::Apply(Box::new(edit)))
}

/// The edits a mark dropped after a drag asks for: moved by `days` on the
/// axis, snapped to whole units of its precision (a season by seasons), and
/// put in `lane` when that is another lane. With `resize`, the end moves
/// instead. Nothing for a drop where it started.
pub(crate) fn drop_edits(
    state: &State,
    id: &str,
    days: f64,
    lane: Option<usize>,
    resize: bool,
) -> Vec<EditAction> {
    let Some(event) = state.dataset.index_of(id).map(|i| &state.dataset.events[i]) else {
        return Vec::new();
    };
    let date = if resize {
        event.end.unwrap_or(event.start)
    } else {
        event.start
    };
    let (start, end) = date.range();
    let steps = (days / (end - start)).round();
    let mut edits = Vec::new();
    if steps.is_finite() && steps != 0.0 {
        let (id, steps) = (id.to_owned(), steps as i64);
        edits.push(if resize {
            Edit::Resize { id, steps }
        } else {
            Edit::Move { id, steps }
        });
    }
    if let Some(lane) = lane.filter(|&l| l != event.lane && !resize) {
        edits.push(Edit::SetLane {
            id: id.to_owned(),
            lane,
        });
    }
    edits
        .into_iter()
        .map(|e| EditAction::Apply(Box::new(e)))
        .collect()
}

/// The view after a restored draft: the same window when the draft has
/// events in it, else every event.
fn fit_or_keep(state: &State) -> crate::layout::scale::Viewport {
    match state.dataset.extent() {
        Some((start, end)) if state.view.overlaps(start, end) => state.view,
        Some((start, end)) => {
            crate::layout::scale::Viewport::fit(start, end, crate::state::FIT_MARGIN)
        }
        None => state.view,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::EventFields;
    use crate::state::Action;

    fn state() -> State {
        State {
            width: 1000.0,
            ..State::with_default_dataset()
        }
    }

    fn edit(state: &State, action: EditAction) -> State {
        state.apply(Action::Edit(action)).expect("a change")
    }

    #[test]
    fn an_edit_rebuilds_the_index_and_undo_brings_the_same_dataset_back() {
        let s = edit(&state(), EditAction::SetOn(true));
        let id = "joint-declaration-planned";
        let opened = s.apply(Action::Select(Some(id.into()))).unwrap();
        let moved = edit(
            &opened,
            EditAction::Apply(Box::new(Edit::Move {
                id: id.into(),
                steps: -2,
            })),
        );
        let event = &moved.dataset.events[moved.open.unwrap()];
        assert_eq!(event.id, id, "the card follows the event");
        assert_eq!(event.start.display(), "Spring 2005");
        assert_eq!(moved.focus, moved.open);
        assert!(moved.editing.unsaved && moved.editing.history.can_undo());
        assert!(
            moved.announcement.contains("Spring 2005"),
            "{}",
            moved.announcement
        );
        assert!(!Rc::ptr_eq(&moved.index, &opened.index));
        assert_eq!(moved.visible.len(), moved.dataset.events.len());

        let undone = edit(&moved, EditAction::Undo);
        assert!(Rc::ptr_eq(&undone.dataset, &opened.dataset));
        assert_eq!(undone.open, opened.open);
        assert!(undone.announcement.starts_with("Undone: Moved"));
        let redone = edit(&undone, EditAction::Redo);
        assert!(Rc::ptr_eq(&redone.dataset, &moved.dataset));
        assert_eq!(
            undone
                .apply(Action::Edit(EditAction::Redo))
                .map(|s| s.dataset.events.len()),
            Some(moved.dataset.events.len())
        );
    }

    #[test]
    fn alt_arrows_move_the_focused_mark_only_in_edit_mode() {
        let s = state();
        let id = "joint-declaration-planned";
        let focused = s
            .apply(Action::Focus(s.dataset.index_of(id).unwrap()))
            .unwrap();
        assert_eq!(
            key_edit(&focused, "ArrowRight", true, false),
            None,
            "not in edit mode"
        );
        let on = edit(&focused, EditAction::SetOn(true));
        assert_eq!(
            key_edit(&on, "ArrowRight", false, false),
            None,
            "plain arrows step focus"
        );
        let cases = [
            (
                "ArrowRight",
                false,
                Edit::Move {
                    id: id.into(),
                    steps: 1,
                },
            ),
            (
                "ArrowLeft",
                false,
                Edit::Move {
                    id: id.into(),
                    steps: -1,
                },
            ),
            (
                "ArrowRight",
                true,
                Edit::Resize {
                    id: id.into(),
                    steps: 1,
                },
            ),
        ];
        for (key, shift, expected) in cases {
            assert_eq!(
                key_edit(&on, key, true, shift),
                Some(EditAction::Apply(Box::new(expected)))
            );
        }
        let lane = on.dataset.events[on.focus.unwrap()].lane;
        let down = key_edit(&on, "ArrowDown", true, false);
        let up = key_edit(&on, "ArrowUp", true, false);
        assert_eq!(down.is_some(), lane + 1 < on.dataset.lanes.len());
        assert_eq!(up.is_some(), lane > 0);
        let moved = edit(&on, key_edit(&on, "ArrowRight", true, false).unwrap());
        assert_eq!(
            moved.dataset.events[moved.focus.unwrap()].id,
            id,
            "focus stays on it"
        );
        assert_eq!(
            moved.announcement,
            "Moved Bush–Koizumi joint declaration expected to Winter 2005"
        );
    }

    #[test]
    fn a_drop_snaps_to_the_events_precision() {
        let s = state();
        let id = "joint-declaration-planned";
        let lane = s.dataset.events[s.dataset.index_of(id).unwrap()].lane;
        let moved = |days: f64| drop_edits(&s, id, days, Some(lane), false);
        assert_eq!(moved(20.0), vec![], "less than half a season stays");
        assert_eq!(
            moved(100.0),
            vec![EditAction::Apply(Box::new(Edit::Move {
                id: id.into(),
                steps: 1
            }))]
        );
        assert_eq!(
            moved(-200.0),
            vec![EditAction::Apply(Box::new(Edit::Move {
                id: id.into(),
                steps: -2
            }))]
        );
        let other = (lane + 1) % s.dataset.lanes.len();
        assert_eq!(
            drop_edits(&s, id, 0.0, Some(other), false),
            vec![EditAction::Apply(Box::new(Edit::SetLane {
                id: id.into(),
                lane: other
            }))]
        );
        assert_eq!(
            drop_edits(&s, id, 95.0, Some(other), true),
            vec![EditAction::Apply(Box::new(Edit::Resize {
                id: id.into(),
                steps: 1
            }))],
            "a resize keeps the lane"
        );
        assert_eq!(drop_edits(&s, "missing", 500.0, None, false), vec![]);
    }

    #[test]
    fn a_refused_edit_is_announced_and_changes_no_data() {
        let s = state();
        let refused = edit(
            &s,
            EditAction::Apply(Box::new(Edit::PutEvent {
                replace: None,
                fields: EventFields {
                    title: "No date".into(),
                    ..EventFields::default()
                },
            })),
        );
        assert!(Rc::ptr_eq(&refused.dataset, &s.dataset));
        assert!(
            refused
                .announcement
                .starts_with("Not changed: the date is empty"),
            "{}",
            refused.announcement
        );
        assert!(!refused.editing.unsaved);
    }

    #[test]
    fn a_draft_waits_for_its_load_and_can_be_discarded() {
        let s = state();
        let first = s.dataset.events[0].id.clone();
        let draft = Rc::new(edit::apply(&s.dataset, &Edit::DeleteEvent(first)).unwrap());
        let loading = s
            .apply(Action::LoadStarted {
                id: 1,
                name: "x".into(),
            })
            .unwrap();
        let waiting = edit(
            &loading,
            EditAction::RestoreDraft {
                dataset: draft.clone(),
                exported: false,
            },
        );
        assert!(
            Rc::ptr_eq(&waiting.dataset, &s.dataset),
            "not before the load ends"
        );
        let loaded = waiting
            .apply(Action::LoadFinished {
                id: 1,
                name: "x".into(),
                result: crate::model::parse_dataset(crate::model::DEFAULT_DATASET_JSON),
            })
            .unwrap();
        assert!(Rc::ptr_eq(&loaded.dataset, &draft));
        assert!(loaded.editing.unsaved && loaded.editing.before_draft.is_some());
        let discarded = edit(&loaded, EditAction::DiscardDraft);
        assert_eq!(discarded.dataset.events.len(), draft.events.len() + 1);
        assert!(!discarded.editing.unsaved);
        let exported = edit(&loaded, EditAction::Exported);
        assert!(!exported.editing.unsaved);
        assert_eq!(exported.apply(Action::Edit(EditAction::Exported)), None);
    }
}
