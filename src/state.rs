//! The view state, every action that changes it, and the reducer.
//!
//! This is the one place state changes. The reducer is a pure function of the
//! old state and an action, so it is tested natively; components only read the
//! state from context and dispatch actions.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::{Locale, Msg};
use crate::layout::index::TimeIndex;
use crate::layout::scale::Viewport;
use crate::layout::warp::{AxisKind, Warp};
#[cfg(feature = "default-dataset")]
use crate::model::{parse_dataset, DEFAULT_DATASET_JSON};
use crate::model::{Dataset, Days, Loaded, Problem, Status};
use crate::search::{search, Filters, Hit};
use crate::url_state::UrlState;

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
    /// The kind of axis the reader chose.
    pub axis: AxisKind,
    /// Whether the last change of the view glides to its place (the marks'
    /// and ticks' CSS transitions): true after a jump (a button, a key,
    /// Fit, opening an event), false while the view follows the reader's
    /// hand ([`Action::Live`]: the wheel, a drag, a pinch), where a glide
    /// would trail behind and every notch would restyle the stage twice.
    pub glide: bool,
    /// How time maps onto the axis for this dataset and `axis`: zooms and
    /// pans move the view in its units.
    pub warp: Rc<Warp>,
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
    /// The search text.
    pub query: String,
    /// Events matching the search, best first; only events the filters show.
    pub hits: Rc<Vec<Hit>>,
    /// What the reader has hidden.
    pub filters: Filters,
    /// Indexes of the events the filters show, in date order: the timeline,
    /// the list and the keyboard order all use this.
    pub visible: Rc<Vec<usize>>,
    /// The time index over `visible`, rebuilt only when `visible` changes:
    /// the timeline and the overview read it on every frame.
    pub index: Rc<TimeIndex>,
    /// The list view is shown instead of the timeline.
    pub list_view: bool,
    /// The keyboard shortcuts dialog is open.
    pub help_open: bool,
    /// A view from the URL, applied once the dataset it names has loaded.
    pub pending_url: Option<UrlState>,
    /// The latest message for screen readers' polite live region.
    pub announcement: String,
    /// The reader's language (a BCP 47 tag): the interface speaks it when
    /// annals has its table ([`crate::i18n::Locale::of`]), and the data's
    /// texts are shown in it where they have a translation. It stays when
    /// other data loads.
    pub lang: String,
    /// Edit mode: whether it is on, undo and redo, unsaved changes.
    pub editing: crate::editing::Editing,
    /// The reader chose the language (in the menu or the page's URL), so
    /// links to this view keep it.
    pub lang_in_url: bool,
}

/// A load in progress, for the progress indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Loading {
    /// Identifies the load, so that a cancelled or superseded one is ignored.
    pub id: u64,
    /// File name or URL.
    pub name: String,
    /// How much has been done: bytes read, or events checked.
    pub done: u64,
    /// How much there is in all, when known.
    pub total: Option<u64>,
    /// What `done` and `total` count.
    pub unit: ProgressUnit,
    /// Problems found in the events checked so far.
    pub problems: u64,
}

/// What a load's progress counts: first the bytes of the file, then the
/// events checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProgressUnit {
    /// Bytes read or downloaded.
    #[default]
    Bytes,
    /// Events checked.
    Events,
}

/// How the last load ended, for the problems panel's heading.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// The named input loaded; the problems are warnings and rejected events.
    Loaded(String),
    /// The named input could not be loaded; the timeline on screen is unchanged.
    Failed(String),
    /// The dataset a host app gave could not be shown.
    HostFailed,
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A change of the view that follows the reader's hand (the wheel, a
    /// drag, a pinch): applied without the glide ([`State::glide`]).
    Live(Box<Action>),
    /// The timeline was measured at this width.
    Resize(f64),
    /// Zoom by a factor (below 1 zooms in) keeping `anchor` in place.
    ZoomAt {
        /// The time that stays under the cursor.
        anchor: Days,
        /// The span is multiplied by this.
        factor: f64,
    },
    /// Zoom around the open event when it is on screen, else the middle of the view.
    Zoom(f64),
    /// Move the view by this fraction of its width (positive: later).
    Pan(f64),
    /// Switch between the straight and the logarithmic axis.
    SetAxis(AxisKind),
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
    /// Give the first shown event the tab stop (Home).
    FocusFirst,
    /// Give the last shown event the tab stop (End).
    FocusLast,
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
        /// How much has been done.
        done: u64,
        /// How much there is in all.
        total: u64,
        /// What `done` and `total` count.
        unit: ProgressUnit,
        /// Problems found so far.
        problems: u64,
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
    /// Search for this text.
    SetQuery(String),
    /// Hide or show a lane.
    ToggleLane(usize),
    /// Hide or show a theme.
    ToggleTag(String),
    /// Hide or show a status.
    ToggleStatus(Status),
    /// Show everything again.
    ClearFilters,
    /// Show the list view (true) or the timeline (false).
    SetListView(bool),
    /// Open or close the keyboard shortcuts dialog.
    SetHelp(bool),
    /// Restore a view from the URL (a link, a reload, back or forward).
    ApplyUrl(UrlState),
    /// Speak this language (a BCP 47 tag): the interface, where annals has
    /// its table, and the data's texts, where they have a translation.
    SetLanguage(String),
    /// The reader chose this language in the menu: as `SetLanguage`, and
    /// links to the view keep it.
    ChooseLanguage(String),
    /// Open the card of the event with this id, or close the card (`None`);
    /// used by embedders. During a load it waits for the new dataset.
    Select(Option<String>),
    /// Show this dataset, which a host app built (see [`State::for_host`]);
    /// it replaces any load in progress.
    ShowDataset(Rc<Dataset>),
    /// Something in edit mode (see [`crate::editing`]).
    Edit(crate::editing::EditAction),
}

impl State {
    /// The state for a freshly loaded dataset: everything in view, nothing open.
    pub fn new(dataset: Dataset, problems: Vec<Problem>) -> State {
        State::shared(Rc::new(dataset), problems)
    }

    /// Like [`State::new`], for a dataset that is already shared: the `Rc`
    /// is kept, not the dataset copied.
    pub fn shared(dataset: Rc<Dataset>, problems: Vec<Problem>) -> State {
        let warp = Rc::new(Warp::for_dataset(&dataset, AxisKind::Linear));
        let view = fit_view(&dataset, &warp);
        let focus = if dataset.events.is_empty() {
            None
        } else {
            Some(0)
        };
        let visible: Rc<Vec<usize>> = Rc::new((0..dataset.events.len()).collect());
        let index = Rc::new(TimeIndex::build(&dataset, &visible));
        let lang = dataset.language.clone();
        State {
            dataset,
            view,
            axis: AxisKind::Linear,
            glide: true,
            warp,
            width: 0.0,
            open: None,
            focus,
            problems: Rc::new(problems),
            problems_from: None,
            loading: None,
            query: String::new(),
            hits: Rc::new(Vec::new()),
            filters: Filters::default(),
            visible,
            index,
            list_view: false,
            help_open: false,
            pending_url: None,
            announcement: String::new(),
            lang,
            editing: Default::default(),
            lang_in_url: false,
        }
    }

    /// The state for a dataset a host app built and passed in: shared, and
    /// checked first, since it did not come through the parser. A dataset
    /// that breaks the invariants the view indexes by is not shown; the
    /// problems panel says what is wrong with it.
    pub fn for_host(dataset: Rc<Dataset>) -> State {
        match dataset.check() {
            Ok(()) => State::shared(dataset, Vec::new()),
            Err(problem) => State {
                problems_from: Some(LoadOutcome::HostFailed),
                ..State::new(Dataset::default(), vec![*problem])
            },
        }
    }

    /// The part of the state a link restores.
    pub fn url_state(&self) -> UrlState {
        let events = &self.dataset.events;
        UrlState {
            event: self.open.and_then(|i| events.get(i)).map(|e| e.id.clone()),
            view: Some((self.view.start, self.view.end)),
            query: self.query.clone(),
            hidden_lanes: self
                .filters
                .lanes
                .iter()
                .filter_map(|&l| self.dataset.lanes.get(l))
                .map(|l| l.id.clone())
                .collect(),
            hidden_tags: self.filters.tags.iter().cloned().collect(),
            hidden_statuses: self
                .filters
                .statuses
                .iter()
                .map(|s| s.name().to_owned())
                .collect(),
            list: self.list_view,
            log_axis: matches!(*self.warp, Warp::LogAgo { .. }),
            lang: self.lang_in_url.then(|| self.lang.clone()),
        }
    }

    /// The interface's language: the reader's, when annals speaks it, or
    /// English.
    pub fn locale(&self) -> Locale {
        Locale::of(&self.lang)
    }

    /// Whether the filters show this event.
    pub fn is_visible(&self, index: usize) -> bool {
        self.visible.binary_search(&index).is_ok()
    }

    /// Where the open event stands among the shown ones: its position from 0
    /// and how many are shown, for the card's "3 of 12" and its Previous and
    /// Next. `None` when no card is open.
    pub fn open_position(&self) -> Option<(usize, usize)> {
        let position = self.visible.binary_search(&self.open?).ok()?;
        Some((position, self.visible.len()))
    }

    /// Recomputes what depends on the filters and the search, and closes or
    /// moves whatever the filters just hid.
    pub(crate) fn refilter(mut self) -> State {
        // A search alone leaves the same events shown: keep the list and its
        // index rather than rebuild them on every keystroke.
        let visible = self.filters.visible(&self.dataset);
        if *self.visible != visible {
            self.index = Rc::new(TimeIndex::build(&self.dataset, &visible));
            self.visible = Rc::new(visible);
        }
        let hits: Vec<Hit> = search(&self.dataset, &self.query, &self.lang)
            .into_iter()
            .filter(|h| self.is_visible(h.index))
            .collect();
        // The same results keep the same `Rc`, so an unchanged search is a
        // no-op the view skips (at most `MAX_RESULTS` hits to compare).
        if *self.hits != hits {
            self.hits = Rc::new(hits);
        }
        if self.open.is_some_and(|i| !self.is_visible(i)) {
            self.open = None;
        }
        if self.focus.is_none_or(|i| !self.is_visible(i)) {
            self.focus = self.visible.first().copied();
        }
        self
    }

    fn announce_filters(mut self) -> State {
        let locale = self.locale();
        self.announcement = locale.f(
            Msg::ShowingOf,
            &[
                ("shown", &locale.count(self.visible.len())),
                ("total", &locale.count(self.dataset.events.len())),
            ],
        );
        self
    }

    fn apply_url(&self, url: UrlState) -> State {
        let lanes = &self.dataset.lanes;
        // Sets filled by `extend`, which inserts: `collect` would sort first,
        // a copy of the sort in the wasm per element type.
        let mut filters = Filters::default();
        filters.lanes.extend(
            url.hidden_lanes
                .iter()
                .filter_map(|id| lanes.iter().position(|l| &l.id == id)),
        );
        filters.tags.extend(url.hidden_tags);
        filters.statuses.extend(
            url.hidden_statuses
                .iter()
                .filter_map(|s| Status::from_name(s)),
        );
        filters.tags.retain(|t| !t.is_empty());
        let (lang, lang_in_url) = match url.lang {
            Some(lang) => (lang, true),
            None => (self.lang.clone(), self.lang_in_url),
        };
        let mut next = State {
            filters,
            query: url.query,
            list_view: url.list,
            pending_url: None,
            lang,
            lang_in_url,
            ..self.clone()
        }
        .refilter();
        let axis = if url.log_axis {
            AxisKind::Log
        } else {
            AxisKind::Linear
        };
        if axis != next.axis {
            next = next.with_axis(axis);
        }
        if let Some((start, end)) = url.view {
            next.view = Viewport::new(start, end);
        }
        next.open = url
            .event
            .and_then(|id| self.dataset.index_of(&id))
            .filter(|&i| next.is_visible(i));
        if let Some(open) = next.open {
            next.focus = Some(open);
        }
        next
    }

    /// The state an instance starts with when it is given no data: the
    /// dataset that ships with annals where it is built in (the
    /// `default-dataset` feature). The release bundle leaves it out, and its
    /// scripts always give data (`loader.js` the page's own, `embed.js` the
    /// address of `data/alliance.json`), so there it starts with no events.
    pub fn with_default_dataset() -> State {
        #[cfg(feature = "default-dataset")]
        let state = match parse_dataset(DEFAULT_DATASET_JSON) {
            Ok(loaded) => State::new(loaded.dataset, loaded.problems),
            // The shipped file is checked by the test suite; this only guards
            // a broken build from showing a blank page.
            Err(problems) => State::new(Dataset::default(), problems),
        };
        #[cfg(not(feature = "default-dataset"))]
        let state = State::new(Dataset::default(), Vec::new());
        state
    }

    /// Whether the timeline has been measured and can draw its events.
    pub fn ready(&self) -> bool {
        self.width > 0.0
    }

    /// The state on the `axis` kind of axis, fitted to the data when the
    /// mapping changes.
    fn with_axis(&self, axis: AxisKind) -> State {
        let warp = Rc::new(Warp::for_dataset(&self.dataset, axis));
        let view = if warp == self.warp {
            self.view
        } else {
            fit_view(&self.dataset, &warp)
        };
        State {
            axis,
            warp,
            view,
            ..self.clone()
        }
    }

    fn with_view(&self, view: Viewport) -> State {
        State {
            view,
            ..self.clone()
        }
    }

    fn open_at(&self, index: usize) -> Option<State> {
        let event = self
            .dataset
            .events
            .get(index)
            .filter(|_| self.is_visible(index))?;
        Some(State {
            open: Some(index),
            focus: Some(index),
            view: self
                .warp
                .reveal(&self.view, event.range.0, event.range.1, 0.05),
            announcement: self
                .locale()
                .f(Msg::Opened, &[("name", &event.accessible_name(&self.lang))]),
            ..self.clone()
        })
    }

    /// The visible event `delta` places from `from` in date order.
    fn step_from(&self, from: Option<usize>, delta: isize) -> Option<usize> {
        let last = self.visible.len().checked_sub(1)?;
        let position = match self.visible.binary_search(&from?) {
            Ok(p) => p as isize,
            // A hidden starting point: step from where it would be.
            Err(p) => p as isize - if delta > 0 { 1 } else { 0 },
        };
        Some(self.visible[(position + delta).clamp(0, last as isize) as usize])
    }

    /// Applies an action; returns `None` when nothing changes, so that the
    /// view does not re-render for a no-op.
    pub fn apply(&self, action: Action) -> Option<State> {
        let (action, glide) = match action {
            Action::Live(action) => (*action, false),
            action => (action, true),
        };
        let mut next = self.change(action)?;
        if next.view != self.view || next.axis != self.axis {
            next.glide = glide;
        }
        Some(next)
    }

    /// What [`State::apply`] applies, glide aside.
    fn change(&self, action: Action) -> Option<State> {
        let next = match action {
            Action::Live(_) => return self.apply(action),
            Action::Resize(width) if width.is_finite() && width > 0.0 => State {
                width,
                ..self.clone()
            },
            Action::Resize(_) => return None,
            Action::ZoomAt { anchor, factor } => {
                self.with_view(self.warp.zoom_at(&self.view, anchor, factor))
            }
            Action::Zoom(factor) => {
                let open = self.open.and_then(|i| self.dataset.events.get(i));
                let anchor = open
                    .map(|e| (e.range.0 + e.range.1) / 2.0)
                    .filter(|t| self.view.overlaps(*t, *t))
                    .unwrap_or_else(|| {
                        let (u0, u1) = (
                            self.warp.to_axis(self.view.start),
                            self.warp.to_axis(self.view.end),
                        );
                        self.warp.to_time(u0 + (u1 - u0) / 2.0)
                    });
                self.with_view(self.warp.zoom_at(&self.view, anchor, factor))
            }
            Action::Pan(fraction) => self.with_view(self.warp.pan(&self.view, fraction)),
            Action::SetAxis(axis) if axis == self.axis => return None,
            Action::SetAxis(axis) => self.with_axis(axis),
            Action::SetView(view) => self.with_view(Viewport::new(view.start, view.end)),
            Action::Fit => self.with_view(fit_view(&self.dataset, &self.warp)),
            Action::Open(index) => self.open_at(index)?,
            Action::Step(delta) => {
                let index = self.step_from(self.open, delta)?;
                self.open_at(index)?
            }
            Action::Close => State {
                open: None,
                ..self.clone()
            },
            Action::Focus(index) => {
                let event = self
                    .dataset
                    .events
                    .get(index)
                    .filter(|_| self.is_visible(index))?;
                State {
                    focus: Some(index),
                    view: self
                        .warp
                        .reveal(&self.view, event.range.0, event.range.1, 0.02),
                    ..self.clone()
                }
            }
            Action::FocusStep(delta) => {
                let index = self.step_from(self.focus.or(self.visible.first().copied()), delta)?;
                return self.apply(Action::Focus(index));
            }
            Action::FocusFirst => return self.apply(Action::Focus(*self.visible.first()?)),
            Action::FocusLast => return self.apply(Action::Focus(*self.visible.last()?)),
            Action::DismissProblems if self.problems.is_empty() => return None,
            Action::DismissProblems => State {
                problems: Rc::new(Vec::new()),
                problems_from: None,
                ..self.clone()
            },
            Action::LoadStarted { id, name } => State {
                loading: Some(Loading {
                    id,
                    name,
                    done: 0,
                    total: None,
                    unit: ProgressUnit::Bytes,
                    problems: 0,
                }),
                ..self.clone()
            },
            Action::LoadProgress {
                id,
                done,
                total,
                unit,
                problems,
            } => {
                let loading = self.loading.as_ref().filter(|l| l.id == id)?;
                State {
                    loading: Some(Loading {
                        done,
                        total: Some(total),
                        unit,
                        problems,
                        ..loading.clone()
                    }),
                    ..self.clone()
                }
            }
            Action::LoadFinished { id, name, result } => {
                self.loading.as_ref().filter(|l| l.id == id)?;
                match result {
                    Ok(loaded) => {
                        let fresh = State {
                            width: self.width,
                            lang: self.lang.clone(),
                            lang_in_url: self.lang_in_url,
                            problems_from: (!loaded.problems.is_empty())
                                .then_some(LoadOutcome::Loaded(name)),
                            ..State::new(loaded.dataset, loaded.problems)
                        };
                        let fresh = State {
                            editing: crate::editing::Editing {
                                pending_draft: self.editing.pending_draft.clone(),
                                on: self.editing.on,
                                ..Default::default()
                            },
                            ..fresh
                        }
                        .take_pending_draft();
                        match self.pending_url.clone() {
                            Some(url) => fresh.apply_url(url),
                            None => fresh,
                        }
                    }
                    // Nothing usable: the timeline on screen stays as it is,
                    // and a view that waited for this dataset is dropped.
                    Err(problems) => State {
                        loading: None,
                        pending_url: None,
                        problems: Rc::new(problems),
                        problems_from: Some(LoadOutcome::Failed(name)),
                        ..self.clone()
                    },
                }
            }
            Action::LoadCancelled => State {
                loading: None,
                pending_url: None,
                ..self.clone()
            },
            Action::SetQuery(query) => {
                let next = State {
                    query,
                    ..self.clone()
                }
                .refilter();
                let locale = next.locale();
                let announcement = match (next.query.trim().is_empty(), next.hits.len()) {
                    (true, _) => String::new(),
                    (false, 0) => locale.t(Msg::NoMatches).to_owned(),
                    (false, 1) => locale.t(Msg::OneMatch).to_owned(),
                    (false, n) => locale.f(Msg::Matches, &[("count", &locale.count(n))]),
                };
                State {
                    announcement,
                    ..next
                }
            }
            Action::ToggleLane(lane) => {
                let mut filters = self.filters.clone();
                if !filters.lanes.remove(&lane) {
                    filters.lanes.insert(lane);
                }
                State {
                    filters,
                    ..self.clone()
                }
                .refilter()
                .announce_filters()
            }
            Action::ToggleTag(tag) => {
                let mut filters = self.filters.clone();
                if !filters.tags.remove(&tag) {
                    filters.tags.insert(tag);
                }
                State {
                    filters,
                    ..self.clone()
                }
                .refilter()
                .announce_filters()
            }
            Action::ToggleStatus(status) => {
                let mut filters = self.filters.clone();
                if !filters.statuses.remove(&status) {
                    filters.statuses.insert(status);
                }
                State {
                    filters,
                    ..self.clone()
                }
                .refilter()
                .announce_filters()
            }
            Action::ClearFilters if self.filters.is_empty() => return None,
            Action::ClearFilters => State {
                filters: Filters::default(),
                ..self.clone()
            }
            .refilter()
            .announce_filters(),
            Action::SetListView(list_view) => State {
                list_view,
                ..self.clone()
            },
            Action::SetHelp(help_open) => State {
                help_open,
                ..self.clone()
            },
            Action::ApplyUrl(url) if self.loading.is_some() => State {
                pending_url: Some(url),
                ..self.clone()
            },
            Action::ApplyUrl(url) => self.apply_url(url),
            // Search reads the texts in the reader's language.
            Action::SetLanguage(lang) => State {
                lang,
                ..self.clone()
            }
            .refilter(),
            Action::ChooseLanguage(lang) => State {
                lang,
                lang_in_url: true,
                ..self.clone()
            }
            .refilter(),
            Action::Select(None) => return self.apply(Action::Close),
            Action::Select(Some(id)) if self.loading.is_some() => {
                let pending = UrlState {
                    event: Some(id),
                    ..self.pending_url.clone().unwrap_or_default()
                };
                State {
                    pending_url: Some(pending),
                    ..self.clone()
                }
            }
            Action::Select(Some(id)) => self.open_at(self.dataset.index_of(&id)?)?,
            Action::ShowDataset(dataset) if Rc::ptr_eq(&dataset, &self.dataset) => return None,
            Action::ShowDataset(dataset) => State {
                width: self.width,
                editing: crate::editing::Editing {
                    on: self.editing.on,
                    ..Default::default()
                },
                lang: self.lang.clone(),
                lang_in_url: self.lang_in_url,
                ..State::for_host(dataset)
            },
            Action::Edit(action) => return self.apply_edit(action),
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
            && self.axis == other.axis
            && Rc::ptr_eq(&self.warp, &other.warp)
            && self.width == other.width
            && self.open == other.open
            && self.focus == other.focus
            && self.problems_from == other.problems_from
            && self.loading == other.loading
            && self.query == other.query
            && Rc::ptr_eq(&self.hits, &other.hits)
            && self.filters == other.filters
            && Rc::ptr_eq(&self.visible, &other.visible)
            && Rc::ptr_eq(&self.index, &other.index)
            && self.list_view == other.list_view
            && self.help_open == other.help_open
            && self.pending_url == other.pending_url
            && self.announcement == other.announcement
            && self.lang == other.lang
            && self.editing == other.editing
            && self.lang_in_url == other.lang_in_url
    }
}

fn fit_view(dataset: &Dataset, warp: &Warp) -> Viewport {
    match dataset.extent() {
        Some((start, end)) => warp.fit(start, end, FIT_MARGIN),
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
    use crate::layout::warp::Scale;

    fn state() -> State {
        State {
            width: 1000.0,
            ..State::with_default_dataset()
        }
    }

    #[test]
    fn the_view_glides_after_jumps_and_not_while_it_follows_the_hand() {
        let s = state();
        assert!(s.glide);
        let wheel = Action::Live(Box::new(Action::ZoomAt {
            anchor: s.view.start,
            factor: 0.5,
        }));
        let wheeled = s.apply(wheel).unwrap();
        assert!(!wheeled.glide);
        assert_ne!(wheeled.view, s.view);
        // Changes of anything but the view leave it as it was.
        let opened = wheeled.apply(Action::SetHelp(true)).unwrap();
        assert!(!opened.glide);
        assert!(wheeled.apply(Action::Zoom(2.0)).unwrap().glide);
        assert!(wheeled.apply(Action::Fit).unwrap().glide);
        // A live change that changes nothing is still a no-op.
        assert!(s
            .apply(Action::Live(Box::new(Action::Resize(-1.0))))
            .is_none());
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
        assert_eq!(
            opened.apply(Action::Step(-1)),
            None,
            "no event before the first"
        );
        let second = opened.apply(Action::Step(1)).unwrap();
        assert_eq!(second.open, Some(1));
        assert!(s.dataset.events[0].range.0 <= s.dataset.events[1].range.0);
        let end = s.apply(Action::Open(last)).unwrap();
        assert_eq!(end.apply(Action::Step(1)), None, "no event after the last");
        assert_eq!(
            s.apply(Action::Step(1)),
            None,
            "stepping needs an open card"
        );
    }

    #[test]
    fn opening_an_event_brings_it_into_view() {
        let s = state();
        // Thirty days of 2000, on straight axis (1962–1997 is compressed).
        let zoomed = s
            .apply(Action::SetView(Viewport::new(11_000.0, 11_030.0)))
            .unwrap();
        let last = s.dataset.events.len() - 1;
        let opened = zoomed.apply(Action::Open(last)).unwrap();
        let e = &s.dataset.events[last];
        assert!(opened.view.start <= e.range.0 && opened.view.end >= e.range.1);
        assert!(
            (opened.view.span() - 30.0).abs() < 1e-6,
            "the zoom level is kept"
        );
    }

    #[test]
    fn close_keeps_the_focus_on_the_event() {
        let s = state()
            .apply(Action::Open(3))
            .unwrap()
            .apply(Action::Close)
            .unwrap();
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
        s.apply(Action::LoadStarted {
            id,
            name: "data.json".into(),
        })?
        .apply(Action::LoadFinished {
            id,
            name: "data.json".into(),
            result,
        })
    }

    #[test]
    fn a_good_load_replaces_the_dataset_and_keeps_the_width() {
        let s = state().apply(Action::Open(2)).unwrap();
        let next = load(
            &s,
            1,
            r#"{"events": [{"id": "a", "title": "A", "start": "1999"}]}"#,
        )
        .unwrap();
        assert_eq!(next.dataset.events.len(), 1);
        assert_eq!(
            (next.open, next.loading.clone(), next.width),
            (None, None, 1000.0)
        );
        assert_eq!(next.problems_from, None);
    }

    #[test]
    fn a_failed_load_keeps_the_timeline_and_reports_why() {
        let s = state().apply(Action::Open(2)).unwrap();
        let next = load(&s, 1, "{ not json").unwrap();
        assert!(
            Rc::ptr_eq(&next.dataset, &s.dataset),
            "the current timeline stays"
        );
        assert_eq!(next.open, Some(2));
        assert_eq!(
            next.problems_from,
            Some(LoadOutcome::Failed("data.json".into()))
        );
        assert!(next.problems[0].location.to_string().starts_with("line 1"));
        assert_eq!(next.loading, None);
    }

    #[test]
    fn a_cancelled_or_superseded_load_is_ignored() {
        let s = state();
        let started = s
            .apply(Action::LoadStarted {
                id: 1,
                name: "a".into(),
            })
            .unwrap();
        let cancelled = started.apply(Action::LoadCancelled).unwrap();
        let late = Action::LoadFinished {
            id: 1,
            name: "a".into(),
            result: parse_dataset("{}"),
        };
        assert_eq!(cancelled.apply(late.clone()), None);
        let superseded = started
            .apply(Action::LoadStarted {
                id: 2,
                name: "b".into(),
            })
            .unwrap();
        assert_eq!(superseded.apply(late), None);
        assert_eq!(
            superseded.apply(Action::LoadProgress {
                id: 1,
                done: 5,
                total: 10,
                unit: ProgressUnit::Bytes,
                problems: 0,
            }),
            None
        );
        let progressed = superseded
            .apply(Action::LoadProgress {
                id: 2,
                done: 5,
                total: 10,
                unit: ProgressUnit::Bytes,
                problems: 0,
            })
            .unwrap();
        assert_eq!(progressed.loading.as_ref().unwrap().total, Some(10));
        let checking = progressed
            .apply(Action::LoadProgress {
                id: 2,
                done: 3,
                total: 40,
                unit: ProgressUnit::Events,
                problems: 2,
            })
            .unwrap();
        let loading = checking.loading.unwrap();
        assert_eq!(
            (loading.done, loading.total, loading.unit, loading.problems),
            (3, Some(40), ProgressUnit::Events, 2)
        );
    }

    #[test]
    fn filters_leave_the_keyboard_order_and_close_hidden_cards() {
        let s = state();
        let lane = s.dataset.events[1].lane;
        let opened = s.apply(Action::Open(1)).unwrap();
        let hidden = opened.apply(Action::ToggleLane(lane)).unwrap();
        assert_eq!(hidden.open, None, "the open event was hidden");
        assert!(hidden
            .visible
            .iter()
            .all(|&i| hidden.dataset.events[i].lane != lane));
        assert_eq!(
            hidden.announcement,
            format!("Showing {} of 26 events", hidden.visible.len())
        );
        // Arrow keys walk only visible events, in date order.
        let mut walk = vec![hidden.focus.unwrap()];
        let mut cur = hidden.clone();
        while let Some(next) = cur.apply(Action::FocusStep(1)) {
            walk.push(next.focus.unwrap());
            cur = next;
        }
        assert_eq!(walk, *hidden.visible);
        assert_eq!(
            hidden.apply(Action::Open(1)),
            None,
            "a hidden event cannot be opened"
        );
        let shown = hidden.apply(Action::ToggleLane(lane)).unwrap();
        assert_eq!(shown.visible.len(), 26);
    }

    #[test]
    fn search_lists_visible_matches_and_announces_the_count() {
        let s = state().apply(Action::SetQuery("missile".into())).unwrap();
        assert!(!s.hits.is_empty());
        assert!(s.announcement.ends_with("matches"));
        let lane = s.dataset.events[s.hits[0].index].lane;
        let filtered = s.apply(Action::ToggleLane(lane)).unwrap();
        assert!(filtered
            .hits
            .iter()
            .all(|h| filtered.dataset.events[h.index].lane != lane));
    }

    #[test]
    fn the_url_round_trips_the_view() {
        let s = state()
            .apply(Action::SetQuery("kyoto".into()))
            .unwrap()
            .apply(Action::ToggleStatus(Status::Proposed))
            .unwrap()
            .apply(Action::ToggleLane(1))
            .unwrap()
            .apply(Action::Open(0))
            .unwrap()
            .apply(Action::Zoom(0.5))
            .unwrap();
        let url = s.url_state();
        let restored = state().apply(Action::ApplyUrl(url.clone())).unwrap();
        assert_eq!(restored.url_state(), url);
        assert_eq!(
            (restored.open, restored.view, restored.filters.clone()),
            (s.open, s.view, s.filters.clone())
        );
        assert_eq!(*restored.visible, *s.visible);
    }

    #[test]
    fn a_url_waits_for_the_dataset_it_names() {
        let started = state()
            .apply(Action::LoadStarted {
                id: 1,
                name: "d.json".into(),
            })
            .unwrap();
        let url = UrlState {
            event: Some("b".into()),
            ..UrlState::default()
        };
        let waiting = started.apply(Action::ApplyUrl(url)).unwrap();
        assert!(waiting.pending_url.is_some());
        let text = r#"{"events": [{"id": "a", "title": "A", "start": "1999"}, {"id": "b", "title": "B", "start": "2000"}]}"#;
        let loaded = waiting
            .apply(Action::LoadFinished {
                id: 1,
                name: "d.json".into(),
                result: parse_dataset(text),
            })
            .unwrap();
        assert_eq!(loaded.open, Some(1));
        assert_eq!(loaded.pending_url, None);
    }

    #[test]
    fn a_failed_or_cancelled_load_drops_the_view_that_waited_for_it() {
        let url = UrlState {
            event: Some("b".into()),
            ..UrlState::default()
        };
        let waiting = state()
            .apply(Action::LoadStarted {
                id: 1,
                name: "d.json".into(),
            })
            .unwrap()
            .apply(Action::ApplyUrl(url))
            .unwrap();
        let failed = waiting
            .apply(Action::LoadFinished {
                id: 1,
                name: "d.json".into(),
                result: parse_dataset("{ not json"),
            })
            .unwrap();
        assert_eq!(failed.pending_url, None, "a failed load");
        let cancelled = waiting.apply(Action::LoadCancelled).unwrap();
        assert_eq!(cancelled.pending_url, None, "a cancelled load");
        // The next dataset opens as it is, not with the dropped view.
        let text = r#"{"events": [{"id": "a", "title": "A", "start": "1999"}, {"id": "b", "title": "B", "start": "2000"}]}"#;
        let next = load(&cancelled, 2, text).unwrap();
        assert_eq!((next.open, next.pending_url), (None, None));
    }

    #[test]
    fn a_host_dataset_is_shared_and_checked() {
        let s = state();
        let dataset = Rc::new(parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset);
        assert!(Rc::ptr_eq(
            &State::for_host(dataset.clone()).dataset,
            &dataset
        ));
        let shown = s.apply(Action::ShowDataset(dataset.clone())).unwrap();
        assert!(Rc::ptr_eq(&shown.dataset, &dataset), "shared, not copied");
        assert_eq!(shown.width, 1000.0);
        assert_eq!(shown.apply(Action::ShowDataset(dataset.clone())), None);
        let mut bad = Dataset::clone(&dataset);
        bad.events[0].lane = 42;
        let refused = shown.apply(Action::ShowDataset(Rc::new(bad))).unwrap();
        assert!(refused.dataset.events.is_empty());
        assert!(refused.problems[0].message.contains("lane 42"));
        assert_eq!(refused.problems_from, Some(LoadOutcome::HostFailed));
    }

    fn deep_time() -> State {
        let loaded =
            crate::model::parse_dataset(include_str!("../tests/fixtures/deep-time.json")).unwrap();
        State::new(loaded.dataset, Vec::new())
            .apply(Action::Resize(1000.0))
            .unwrap()
    }

    #[test]
    fn the_log_axis_round_trips_through_the_url() {
        let s = deep_time();
        assert!(!s.url_state().log_axis);
        let log = s.apply(Action::SetAxis(AxisKind::Log)).unwrap();
        assert!(matches!(*log.warp, Warp::LogAgo { .. }));
        assert_ne!(log.view, s.view, "the log axis is fitted anew");
        let zoomed = log
            .apply(Action::Zoom(0.5))
            .unwrap()
            .apply(Action::Pan(0.1))
            .unwrap();
        let url = zoomed.url_state();
        assert!(url.log_axis);
        assert!(url.to_pairs().contains(&("axis", "log".to_owned())));
        let restored = deep_time().apply(Action::ApplyUrl(url)).unwrap();
        assert_eq!(restored.axis, AxisKind::Log);
        assert_eq!(restored.warp, zoomed.warp);
        assert_eq!(restored.view, zoomed.view);
        // And back: a link without `axis=log` restores the straight axis.
        let straight = restored.apply(Action::ApplyUrl(s.url_state())).unwrap();
        assert_eq!(straight.axis, AxisKind::Linear);
        assert_eq!(straight.view, s.view);
        assert_eq!(log.apply(Action::SetAxis(AxisKind::Log)), None, "a no-op");
    }

    #[test]
    fn the_log_axis_keeps_the_default_dataset_straight() {
        let s = state();
        let log = s.apply(Action::SetAxis(AxisKind::Log)).unwrap();
        assert_eq!(log.warp, s.warp, "1960–2007 is no deep time");
        assert!(!log.url_state().log_axis);
    }

    #[test]
    fn the_zoom_buttons_keep_the_open_event_in_place() {
        let s = state().apply(Action::Open(20)).unwrap();
        let e = &s.dataset.events[20];
        let t = (e.range.0 + e.range.1) / 2.0;
        let zoomed = s.apply(Action::Zoom(0.25)).unwrap();
        let x = |s: &State| Scale::new(&s.view, &s.warp, 1000.0).x(t);
        assert!(
            (x(&s) - x(&zoomed)).abs() < 1e-6,
            "{} {}",
            x(&s),
            x(&zoomed)
        );
    }

    #[test]
    fn select_opens_by_id_closes_with_none_and_waits_for_a_load() {
        let s = state();
        let id = s.dataset.events[4].id.clone();
        let opened = s.apply(Action::Select(Some(id.clone()))).unwrap();
        assert_eq!(opened.open, Some(4));
        assert_eq!(opened.apply(Action::Select(None)).unwrap().open, None);
        assert_eq!(s.apply(Action::Select(Some("no-such-event".into()))), None);
        assert_eq!(s.apply(Action::Select(None)), None, "nothing to close");
        let started = s
            .apply(Action::LoadStarted {
                id: 1,
                name: "d.json".into(),
            })
            .unwrap();
        let waiting = started.apply(Action::Select(Some("b".into()))).unwrap();
        let text = r#"{"events": [{"id": "a", "title": "A", "start": "1999"}, {"id": "b", "title": "B", "start": "2000"}]}"#;
        let loaded = waiting
            .apply(Action::LoadFinished {
                id: 1,
                name: "d.json".into(),
                result: parse_dataset(text),
            })
            .unwrap();
        assert_eq!(loaded.open, Some(1));
    }

    /// The invariant: `State::visible` is the one list the keyboard and the
    /// card walk, so Home, End, Previous, Next and "N of M" skip what the
    /// filters hide.
    #[test]
    fn home_end_and_the_card_walk_only_the_shown_events() {
        let s = state();
        let last = s.dataset.events.len() - 1;
        let mut hidden = s
            .apply(Action::ToggleLane(s.dataset.events[0].lane))
            .unwrap();
        if hidden.is_visible(last) {
            hidden = hidden
                .apply(Action::ToggleLane(s.dataset.events[last].lane))
                .unwrap();
        }
        assert!(!hidden.is_visible(0) && !hidden.is_visible(last));
        let (first, final_) = (hidden.visible[0], *hidden.visible.last().unwrap());
        let count = hidden.visible.len();
        assert!(count >= 3, "the test needs a few shown events");

        let middle = hidden.apply(Action::Focus(hidden.visible[1])).unwrap();
        let home = middle.apply(Action::FocusFirst).unwrap();
        assert_eq!(
            home.focus,
            Some(first),
            "Home focuses the first shown event"
        );
        let end = middle.apply(Action::FocusLast).unwrap();
        assert_eq!(end.focus, Some(final_), "End focuses the last shown event");
        assert_eq!(home.apply(Action::FocusFirst), None, "already there");
        assert_eq!(
            hidden.apply(Action::Focus(0)),
            None,
            "a hidden event cannot be focused"
        );

        let opened = hidden.apply(Action::Open(first)).unwrap();
        assert_eq!(
            opened.open_position(),
            Some((0, count)),
            "1 of the shown count"
        );
        assert_eq!(
            opened.apply(Action::Step(-1)),
            None,
            "nothing shown before it"
        );
        let mut walk = vec![first];
        let mut cur = opened;
        while let Some(next) = cur.apply(Action::Step(1)) {
            let position = next.open_position().unwrap();
            assert_eq!(position, (walk.len(), count));
            walk.push(next.open.unwrap());
            cur = next;
        }
        assert_eq!(
            walk, *hidden.visible,
            "Next walks the shown events in order"
        );
        assert_eq!(cur.open_position(), Some((count - 1, count)));
        assert_eq!(state().open_position(), None, "no card, no position");
    }

    /// The invariant: the reducer returns the same `Rc` for a no-op, so yew
    /// skips the render.
    #[test]
    fn a_no_op_returns_the_same_state() {
        let searched = Rc::new(state().apply(Action::SetQuery("missile".into())).unwrap());
        let same_query = searched.clone().reduce(Action::SetQuery("missile".into()));
        assert!(
            Rc::ptr_eq(&same_query, &searched),
            "the same query again is a no-op"
        );
        let noops = [
            Action::SetQuery("missile".into()),
            Action::SetLanguage(searched.lang.clone()),
            Action::ApplyUrl(searched.url_state()),
            Action::SetListView(false),
            Action::SetHelp(false),
            Action::Close,
            Action::ClearFilters,
            Action::DismissProblems,
            Action::Resize(searched.width),
            Action::SetView(searched.view),
            Action::FocusStep(0),
        ];
        for action in noops {
            let next = searched.clone().reduce(action.clone());
            assert!(Rc::ptr_eq(&next, &searched), "{action:?} is a no-op");
        }
    }

    #[test]
    fn search_follows_the_chosen_language() {
        let s = State::new(
            parse_dataset(
                r#"{"events": [{"id": "t", "title": {"en": "Treaty signed", "fr": "Traité signé"}, "start": "1960"}]}"#,
            )
            .unwrap()
            .dataset,
            Vec::new(),
        );
        let english = s.apply(Action::SetQuery("traité".into())).unwrap();
        assert!(english.hits.is_empty());
        let french = english.apply(Action::SetLanguage("fr".into())).unwrap();
        assert_eq!(french.hits.iter().map(|h| h.index).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn choosing_a_language_keeps_the_card_and_the_view_and_goes_into_links() {
        let s = state().apply(Action::Open(3)).unwrap();
        assert_eq!(s.url_state().lang, None, "nobody chose a language yet");
        let ja = s.apply(Action::ChooseLanguage("ja".into())).unwrap();
        assert_eq!((ja.open, ja.view), (s.open, s.view));
        assert_eq!(ja.locale().tag(), "ja");
        assert_eq!(ja.url_state().lang.as_deref(), Some("ja"));
        let back = ja.apply_url(UrlState {
            lang: Some("en".into()),
            ..ja.url_state()
        });
        assert_eq!((back.lang.as_str(), back.open), ("en", s.open));
    }

    #[test]
    fn the_reader_s_language_stays_when_other_data_loads() {
        let s = State {
            lang: "ja".into(),
            ..state()
        };
        let started = s
            .apply(Action::LoadStarted {
                id: 1,
                name: "d.json".into(),
            })
            .unwrap();
        let loaded = started
            .apply(Action::LoadFinished {
                id: 1,
                name: "d.json".into(),
                result: parse_dataset(
                    r#"{"language": "en", "events": [{"id": "a", "title": "A", "start": "1999"}]}"#,
                ),
            })
            .unwrap();
        assert_eq!(loaded.lang, "ja");
        let shown = loaded
            .apply(Action::ShowDataset(Rc::new(Dataset::default())))
            .unwrap();
        assert_eq!(shown.lang, "ja");
    }

    #[test]
    fn announcements_speak_the_reader_s_language() {
        let s = State {
            lang: "ja".into(),
            ..state()
        };
        let opened = s.apply(Action::Open(0)).unwrap();
        assert!(
            opened.announcement.ends_with("を開きました"),
            "{}",
            opened.announcement
        );
        // The default dataset's Japanese titles are searched in Japanese.
        let searched = s.apply(Action::SetQuery("テポドン".into())).unwrap();
        assert!(!searched.hits.is_empty());
        assert!(
            searched.announcement.ends_with('件'),
            "{}",
            searched.announcement
        );
        let filtered = s.apply(Action::ToggleLane(0)).unwrap();
        assert!(
            filtered.announcement.ends_with("件を表示"),
            "{}",
            filtered.announcement
        );
    }

    #[test]
    fn zoom_and_fit_round_trip() {
        let s = state();
        let zoomed = s.apply(Action::Zoom(1.0 / ZOOM_STEP)).unwrap();
        assert!(zoomed.view.span() < s.view.span());
        assert_eq!(zoomed.apply(Action::Fit).unwrap().view, s.view);
        assert_eq!(s.apply(Action::Resize(f64::NAN)), None);
        assert_eq!(
            s.apply(Action::Open(10_000)),
            None,
            "an unknown index changes nothing"
        );
    }
}
