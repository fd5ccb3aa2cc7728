//! Undo and redo: the datasets before and after each edit, as shared
//! snapshots.
//!
//! A snapshot is the whole dataset behind an `Rc`, which the state holds
//! anyway, so undo gives back exactly the dataset that was shown (no inverse
//! edit to get wrong) and costs nothing until the next edit copies. Each edit
//! does copy the events once, so the history keeps the last
//! [`HISTORY_LIMIT`] steps.

use std::rc::Rc;

use super::super::Dataset;

/// How many edits can be undone.
pub const HISTORY_LIMIT: usize = 100;

/// The edits that can be undone and redone, newest last, each with the
/// words that name it ("Moved Treaty signed").
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Datasets before each edit, with what the edit was.
    undo: Vec<(Rc<Dataset>, String)>,
    /// Datasets undone, with what the edit was, to redo.
    redo: Vec<(Rc<Dataset>, String)>,
}

impl History {
    /// The history after an edit named `what` replaced `before`: it can be
    /// undone, and what was undone before can no longer be redone.
    pub fn record(&self, before: Rc<Dataset>, what: String) -> History {
        let mut undo = self.undo.clone();
        if undo.len() == HISTORY_LIMIT {
            undo.remove(0);
        }
        undo.push((before, what));
        History {
            undo,
            redo: Vec::new(),
        }
    }

    /// Undoes the last edit: the dataset to show instead of `current`, what
    /// was undone, and the history after. `None` when there is nothing to undo.
    pub fn undo(&self, current: Rc<Dataset>) -> Option<(Rc<Dataset>, String, History)> {
        let mut next = self.clone();
        let (before, what) = next.undo.pop()?;
        next.redo.push((current, what.clone()));
        Some((before, what, next))
    }

    /// Redoes the last undone edit, like [`History::undo`].
    pub fn redo(&self, current: Rc<Dataset>) -> Option<(Rc<Dataset>, String, History)> {
        let mut next = self.clone();
        let (after, what) = next.redo.pop()?;
        next.undo.push((current, what.clone()));
        Some((after, what, next))
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would undo, for its button's label.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|(_, what)| what.as_str())
    }

    /// What redo would redo.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|(_, what)| what.as_str())
    }
}
