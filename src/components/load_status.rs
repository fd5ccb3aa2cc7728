//! The progress indicator of a load in progress, with its Cancel button.

use yew::prelude::*;

use super::use_annals;
use crate::hooks::Loader;
use crate::model::date::group_thousands;
use crate::state::ProgressUnit;

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Shows what is loading and how far it got; Cancel stops it and keeps the
/// timeline on screen.
#[component]
pub fn LoadStatus() -> Html {
    let state = use_annals();
    let loader = use_context::<Loader>().expect("LoadStatus needs the Loader context from App");
    let Some(loading) = state.loading.clone() else {
        return html! {};
    };
    let detail = match (loading.total, loading.unit) {
        (Some(total), ProgressUnit::Bytes) if total > 0 => {
            format!("{} of {}", megabytes(loading.done), megabytes(total))
        }
        (Some(total), ProgressUnit::Events) if total > 0 => {
            let mut detail = format!(
                "checking events: {} of {}",
                group_thousands(loading.done),
                group_thousands(total)
            );
            match loading.problems {
                0 => {}
                1 => detail.push_str(", 1 problem so far"),
                n => detail.push_str(&format!(", {} problems so far", group_thousands(n))),
            }
            detail
        }
        (_, ProgressUnit::Bytes) if loading.done > 0 => format!("{} read", megabytes(loading.done)),
        _ => "reading\u{2026}".to_owned(),
    };
    let cancel = loader.cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="annals-loading" role="status">
            <span class="annals-loading-text">{ format!("Loading {} \u{2014} {detail}", loading.name) }</span>
            if let Some(total) = loading.total.filter(|t| *t > 0) {
                <progress max={total.to_string()} value={loading.done.to_string()} aria-label="Loading progress"></progress>
            } else {
                <progress aria-label="Loading progress"></progress>
            }
            <button type="button" class="annals-button" onclick={cancel}>{ "Cancel" }</button>
        </div>
    }
}
