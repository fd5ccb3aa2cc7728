//! The view state, every action that changes it, and the reducer.
//!
//! This is the one place state changes. The reducer is a pure function of the
//! old state and an action, so it is tested natively; components only read the
//! state from context and dispatch actions.

use std::rc::Rc;

use yew::Reducible;

use crate::layout::scale::Viewport;
use crate::model::{parse_dataset, Dataset, Days, Loaded, Problem, DEFAULT_DATASET_JSON};

/// Empty axis kept on each side when fitting the data, as a fraction of the span.
pub const FIT_MARGIN: f64 = 0.04;
/// How far one press of + or - zooms.
pub const ZOOM_STEP: f64 = 1.6;

/// Everything the view shows.
#[derive(Clone, Debug)]
pub struct State {
    /// The loaded events.
    pub dataset: Rc<Dataset>,
    /// The visible window of the axis.
    pub view: Viewport,
    /// Width of the timeline in CSS pixels; 0 until it has been measured.
    pub width: f64,
    /// The event whose card is open.
    pub open: Option<usize>,
    /// The event that holds the timeline's single tab stop.
    pub focus: Option<usize>,
    /// Problems from the last load, shown until dismissed.
    pub problems: Rc<Vec<Problem>>,
    /// What the problems are about: the file or URL, and whether it loaded.
    pub problems_from: Option<LoadOutcome>,
    /// A load in progress.
    pub loading: Option<Loading>,
}

/// A load in progress, for the progress indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Loading {
    /// Identifies the load, so that a cancelled or superseded one is ignored.
    pub id: u64,
    /// File name or URL.
    pub name: String,
    /// Bytes read so far.
    pub done: u64,
    /// Bytes in all, when known.
    pub total: Option<u64>,
}

/// How the last load ended, for the problems panel's heading.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// The named input loaded; the problems are warnings and rejected events.
    Loaded(String),
    /// The named input could not be loaded; the timeline on screen is unchanged.
    Failed(String),
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The timeline was measured at this width.
    Resize(f64),
    /// Zoom by a factor (below 1 zooms in) keeping `anchor` in place.
    ZoomAt {
        /// The time that stays under the cursor.
        anchor: Days,
        /// The span is multiplied by this.
        factor: f64,
    },
    /// Zoom around the middle of the view.
    Zoom(f64),
    /// Move the view by this many days.
    Pan(Days),
    /// Show exactly this window (used while dragging).
    SetView(Viewport),
    /// Show every event.
    Fit,
    /// Open the card of an event.
    Open(usize),
    /// Open the card of the event this many places later (negative: earlier).
    Step(isize),
    /// Close the card.
    Close,
    /// Give an event the tab stop, scrolling it into view.
    Focus(usize),
    /// Move the tab stop this many events later (negative: earlier).
    FocusStep(isize),
    /// Hide the problems panel.
    DismissProblems,
    /// A load began; it replaces any load in progress.
    LoadStarted {
        /// Identifies this load.
        id: u64,
        /// File name or URL.
        name: String,
    },
    /// Part of the input has been read.
    LoadProgress {
        /// The load this is about.
        id: u64,
        /// Bytes read so far.
        done: u64,
        /// Bytes in all.
        total: u64,
    },
    /// A load ended: a dataset, or the problems that stopped it.
    LoadFinished {
        /// The load this is about; ignored unless it is the current one.
        id: u64,
        /// File name or URL.
        name: String,
        /// What the parser made of it.
        result: Result<Loaded, Vec<Problem>>,
    },
    /// The reader cancelled the load in progress.
    LoadCancelled,
}

impl State {
    /// The state for a freshly loaded dataset: everything in view, nothing open.
    pub fn new(dataset: Dataset, problems: Vec<Problem>) -> State {
        let view = fit_view(&dataset);
        let focus = if dataset.events.is_empty() { None } else { Some(0) };
        State {
            dataset: Rc::new(dataset),
            view,
            width: 0.0,
            open: None,
            focus,
            problems: Rc::new(problems),
            problems_from: None,
            loading: None,
        }
    }

    /// The state with the dataset that ships with annals.
    pub fn with_default_dataset() -> State {
        match parse_dataset(DEFAULT_DATASET_JSON) {
            Ok(loaded) => State::new(loaded.dataset, loaded.problems),
            // The shipped file is checked by the test suite; this only guards
            // a broken build from showing a blank page.
            Err(problems) => State::new(Dataset::default(), problems),
        }
    }

    /// Whether the timeline has been measured and can draw its events.
    pub fn ready(&self) -> bool {
        self.width > 0.0
    }

    fn with_view(&self, view: Viewport) -> State {
        State { view, ..self.clone() }
    }

    fn open_at(&self, index: usize) -> State {
        let Some(event) = self.dataset.events.get(index) else { return self.clone() };
        State {
            open: Some(index),
            focus: Some(index),
            view: self.view.reveal(event.range.0, event.range.1, 0.05),
            ..self.clone()
        }
    }

    fn step_from(&self, from: Option<usize>, delta: isize) -> Option<usize> {
        let last = self.dataset.events.len().checked_sub(1)?;
        let from = from? as isize;
        Some((from + delta).clamp(0, last as isize) as usize)
    }

    /// Applies an action; returns `None` when nothing changes, so that the
    /// view does not re-render for a no-op.
    pub fn apply(&self, action: Action) -> Option<State> {
        let next = match action {
            Action::Resize(width) if width.is_finite() && width > 0.0 => State { width, ..self.clone() },
            Action::Resize(_) => return None,
            Action::ZoomAt { anchor, factor } => self.with_view(self.view.zoom_at(anchor, factor)),
            Action::Zoom(factor) => self.with_view(self.view.zoom(factor)),
            Action::Pan(delta) => self.with_view(self.view.pan(delta)),
            Action::SetView(view) => self.with_view(Viewport::new(view.start, view.end)),
            Action::Fit => self.with_view(fit_view(&self.dataset)),
            Action::Open(index) => self.open_at(index),
            Action::Step(delta) => {
                let index = self.step_from(self.open, delta)?;
                self.open_at(index)
            }
            Action::Close => State { open: None, ..self.clone() },
            Action::Focus(index) => {
                let event = self.dataset.events.get(index)?;
                State { focus: Some(index), view: self.view.reveal(event.range.0, event.range.1, 0.02), ..self.clone() }
            }
            Action::FocusStep(delta) => {
                let index = self.step_from(self.focus.or(Some(0)), delta)?;
                return self.apply(Action::Focus(index));
            }
            Action::DismissProblems if self.problems.is_empty() => return None,
            Action::DismissProblems => State { problems: Rc::new(Vec::new()), problems_from: None, ..self.clone() },
            Action::LoadStarted { id, name } => {
                State { loading: Some(Loading { id, name, done: 0, total: None }), ..self.clone() }
            }
            Action::LoadProgress { id, done, total } => {
                let loading = self.loading.as_ref().filter(|l| l.id == id)?;
                State { loading: Some(Loading { done, total: Some(total), ..loading.clone() }), ..self.clone() }
            }
            Action::LoadFinished { id, name, result } => {
                self.loading.as_ref().filter(|l| l.id == id)?;
                match result {
                    Ok(loaded) => State {
                        width: self.width,
                        problems_from: (!loaded.problems.is_empty()).then(|| LoadOutcome::Loaded(name)),
                        ..State::new(loaded.dataset, loaded.problems)
                    },
                    // Nothing usable: the timeline on screen stays as it is.
                    Err(problems) => State {
                        loading: None,
                        problems: Rc::new(problems),
                        problems_from: Some(LoadOutcome::Failed(name)),
                        ..self.clone()
                    },
                }
            }
            Action::LoadCancelled => State { loading: None, ..self.clone() },
        };
        (next != *self).then_some(next)
    }
}

/// Datasets are compared by identity: a new load is a new `Rc`, and comparing
/// a million events field by field on every action would defeat the point.
impl PartialEq for State {
    fn eq(&self, other: &State) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && Rc::ptr_eq(&self.problems, &other.problems)
            && self.view == other.view
            && self.width == other.width
            && self.open == other.open
            && self.focus == other.focus
            && self.problems_from == other.problems_from
            && self.loading == other.loading
    }
}

fn fit_view(dataset: &Dataset) -> Viewport {
    match dataset.extent() {
        Some((start, end)) => Viewport::fit(start, end, FIT_MARGIN),
        None => Viewport::new(0.0, 365.0),
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State { width: 1000.0, ..State::with_default_dataset() }
    }

    #[test]
    fn default_state_fits_every_event() {
        let s = state();
        let (a, b) = s.dataset.extent().unwrap();
        assert!(s.view.start < a && s.view.end > b);
        assert!(s.problems.is_empty());
        assert_eq!(s.focus, Some(0));
    }

    #[test]
    fn next_and_previous_walk_in_chronological_order_and_stop_at_the_ends() {
        let s = state();
        let last = s.dataset.events.len() - 1;
        let opened = s.apply(Action::Open(0)).unwrap();
        assert_eq!(opened.open, Some(0));
        assert_eq!(opened.apply(Action::Step(-1)), None, "no event before the first");
        let second = opened.apply(Action::Step(1)).unwrap();
        assert_eq!(second.open, Some(1));
        assert!(s.dataset.events[0].range.0 <= s.dataset.events[1].range.0);
        let end = s.apply(Action::Open(last)).unwrap();
        assert_eq!(end.apply(Action::Step(1)), None, "no event after the last");
        assert_eq!(s.apply(Action::Step(1)), None, "stepping needs an open card");
    }

    #[test]
    fn opening_an_event_brings_it_into_view() {
        let s = state();
        let zoomed = s.apply(Action::SetView(Viewport::new(0.0, 30.0))).unwrap();
        let last = s.dataset.events.len() - 1;
        let opened = zoomed.apply(Action::Open(last)).unwrap();
        let e = &s.dataset.events[last];
        assert!(opened.view.start <= e.range.0 && opened.view.end >= e.range.1);
        assert!((opened.view.span() - 30.0).abs() < 1e-6, "the zoom level is kept");
    }

    #[test]
    fn close_keeps_the_focus_on_the_event() {
        let s = state().apply(Action::Open(3)).unwrap().apply(Action::Close).unwrap();
        assert_eq!((s.open, s.focus), (None, Some(3)));
    }

    #[test]
    fn focus_moves_in_order_and_stays_in_bounds() {
        let s = state();
        assert_eq!(s.apply(Action::FocusStep(-1)), None);
        let moved = s.apply(Action::FocusStep(2)).unwrap();
        assert_eq!(moved.focus, Some(2));
        let end = s.apply(Action::FocusStep(isize::MAX / 2)).unwrap();
        assert_eq!(end.focus, Some(s.dataset.events.len() - 1));
    }

    fn load(s: &State, id: u64, text: &str) -> Option<State> {
        let result = parse_dataset(text);
        s.apply(Action::LoadStarted { id, name: "data.json".into() })?
            .apply(Action::LoadFinished { id, name: "data.json".into(), result })
    }

    #[test]
    fn a_good_load_replaces_the_dataset_and_keeps_the_width() {
        let s = state().apply(Action::Open(2)).unwrap();
        let next = load(&s, 1, r#"{"events": [{"id": "a", "title": "A", "start": "1999"}]}"#).unwrap();
        assert_eq!(next.dataset.events.len(), 1);
        assert_eq!((next.open, next.loading.clone(), next.width), (None, None, 1000.0));
        assert_eq!(next.problems_from, None);
    }

    #[test]
    fn a_failed_load_keeps_the_timeline_and_reports_why() {
        let s = state().apply(Action::Open(2)).unwrap();
        let next = load(&s, 1, "{ not json").unwrap();
        assert!(Rc::ptr_eq(&next.dataset, &s.dataset), "the current timeline stays");
        assert_eq!(next.open, Some(2));
        assert_eq!(next.problems_from, Some(LoadOutcome::Failed("data.json".into())));
        assert!(next.problems[0].location.starts_with("line 1"));
        assert_eq!(next.loading, None);
    }

    #[test]
    fn a_cancelled_or_superseded_load_is_ignored() {
        let s = state();
        let started = s.apply(Action::LoadStarted { id: 1, name: "a".into() }).unwrap();
        let cancelled = started.apply(Action::LoadCancelled).unwrap();
        let late = Action::LoadFinished { id: 1, name: "a".into(), result: parse_dataset("{}") };
        assert_eq!(cancelled.apply(late.clone()), None);
        let superseded = started.apply(Action::LoadStarted { id: 2, name: "b".into() }).unwrap();
        assert_eq!(superseded.apply(late), None);
        assert_eq!(superseded.apply(Action::LoadProgress { id: 1, done: 5, total: 10 }), None);
        let progressed = superseded.apply(Action::LoadProgress { id: 2, done: 5, total: 10 }).unwrap();
        assert_eq!(progressed.loading.unwrap().total, Some(10));
    }

    #[test]
    fn zoom_and_fit_round_trip() {
        let s = state();
        let zoomed = s.apply(Action::Zoom(1.0 / ZOOM_STEP)).unwrap();
        assert!(zoomed.view.span() < s.view.span());
        assert_eq!(zoomed.apply(Action::Fit).unwrap().view, s.view);
        assert_eq!(s.apply(Action::Resize(f64::NAN)), None);
        assert_eq!(s.apply(Action::Open(10_000)), None, "an unknown index changes nothing");
    }
}
