//! The toolbar (zoom, view switch, search, filters, the Data and Share
//! menus, language, help) and the legend.

use yew::prelude::*;

use super::{
    use_annals, use_config, use_ids, DataMenu, EditBar, FilterPanel, LanguageMenu, SearchBox,
    ShareMenu,
};
use crate::i18n::Msg;
use crate::layout::warp::{offers_log_axis, AxisKind};
use crate::model::Status;
use crate::state::{Action, ZOOM_STEP};

/// Zoom, view switch, search, filters, data and sharing controls, and a
/// legend for the status styles.
#[component]
pub fn Toolbar() -> Html {
    let state = use_annals();
    let config = use_config();
    let controls_id = use_ids().id("toolbar-controls");
    let filters_open = use_state(|| false);
    // On a narrow stage the controls fold behind one button (see annals.css).
    let controls_open = use_state(|| false);
    let toggle_controls = {
        let controls_open = controls_open.clone();
        Callback::from(move |_: MouseEvent| controls_open.set(!*controls_open))
    };
    let toggle_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| filters_open.set(!*filters_open))
    };
    let close_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |()| filters_open.set(false))
    };
    let l = state.locale();
    let hidden = state.dataset.events.len() - state.visible.len();
    let view_button = |list: bool, text: &'static str| {
        let pressed = (state.list_view == list).to_string();
        let state = state.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| state.dispatch(Action::SetListView(list)));
        html! {
            <button type="button" class="annals-button" aria-pressed={pressed} {onclick}>{ text }</button>
        }
    };
    let help = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetHelp(true)))
    };
    let button = |label: &'static str, text: &'static str, action: Action| {
        let state = state.clone();
        let onclick = Callback::from(move |_| state.dispatch(action.clone()));
        html! {
            <button type="button" class="annals-button" aria-label={label} title={label} {onclick}>{ text }</button>
        }
    };
    // Walks every event: once per dataset, not once per frame.
    let present = use_memo(super::Same(state.dataset.clone()), |d| {
        Status::ALL
            .into_iter()
            .filter(|s| d.0.events.iter().any(|e| e.status == *s))
            .collect::<Vec<Status>>()
    });
    let log_axis = use_memo(super::Same(state.dataset.clone()), |d| {
        offers_log_axis(&d.0)
    });
    // One toggle, for deep time only: the logarithmic "years ago" axis.
    let axis_toggle = (*log_axis).then(|| {
        let on = state.axis == AxisKind::Log;
        let next = if on { AxisKind::Linear } else { AxisKind::Log };
        let onclick = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::SetAxis(next)))
        };
        html! {
            <button type="button" class="annals-button" aria-pressed={on.to_string()}
                title={l.t(Msg::LogAxisTitle)} {onclick}>{ l.t(Msg::LogAxis) }</button>
        }
    });
    html! {
        <>
        <div class={classes!("annals-toolbar", controls_open.then_some("annals-toolbar-open"))}>
            <button type="button" class="annals-button annals-toolbar-toggle" aria-expanded={controls_open.to_string()}
                aria-controls={controls_id.clone()} onclick={toggle_controls}>
                <span class="annals-toolbar-toggle-icon" aria-hidden="true">{ "\u{2630}" }</span>
                { l.t(Msg::Controls) }
            </button>
            <div class="annals-toolbar-controls" id={controls_id}>
            <div class="annals-zoom" role="group" aria-label={l.t(Msg::ZoomGroup)}>
                { button(l.t(Msg::ZoomIn), "+", Action::Zoom(1.0 / ZOOM_STEP)) }
                { button(l.t(Msg::ZoomOut), "\u{2212}", Action::Zoom(ZOOM_STEP)) }
                { button(l.t(Msg::FitAll), l.t(Msg::Fit), Action::Fit) }
            </div>
            { for axis_toggle }
            <div class="annals-view-switch" role="group" aria-label={l.t(Msg::ViewGroup)}>
                { view_button(false, l.t(Msg::ViewTimeline)) }
                { view_button(true, l.t(Msg::ViewList)) }
            </div>
            <SearchBox />
            <button type="button" class="annals-button" aria-expanded={filters_open.to_string()} onclick={toggle_filters}>
                { if hidden > 0 { l.f(Msg::FiltersHidden, &[("count", &l.count(hidden))]) } else { l.t(Msg::Filters).to_owned() } }
            </button>
            <DataMenu />
            if config.editable {
                <EditBar />
            }
            // Only the standalone page owns its address; embedded instances have none to share.
            if config.url_sync {
                <ShareMenu />
            }
            <LanguageMenu />
            <button type="button" class="annals-button" aria-label={l.t(Msg::Shortcuts)} title={l.t(Msg::ShortcutsButtonTitle)} onclick={help}>{ "?" }</button>
            </div>
        </div>
        if *filters_open {
            <FilterPanel on_close={close_filters} />
        }
        <div class="annals-legend-row">
            <ul class="annals-legend" aria-label={l.t(Msg::Legend)}>
                { for present.iter().copied().map(|status| html! {
                    <li class={classes!("annals-legend-item", format!("annals-status-{}", status.name()))}>
                        <span class="annals-legend-swatch" aria-hidden="true"></span>
                        { capitalised(l.status(status)) }
                    </li>
                }) }
            </ul>
            <p class="annals-hint">{ l.t(Msg::Hint) }</p>
        </div>
        </>
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
