//! The progress indicator of a load in progress, with its Cancel button.

use yew::prelude::*;

use super::use_annals;
use crate::hooks::Loader;
use crate::i18n::{Locale, Msg};
use crate::state::ProgressUnit;

fn megabytes(l: Locale, bytes: u64) -> String {
    let size = format!("{:.1}", bytes as f64 / 1_000_000.0);
    l.f(Msg::Megabytes, &[("size", &size)])
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
    let l = state.locale();
    let detail = match (loading.total, loading.unit) {
        (Some(total), ProgressUnit::Bytes) if total > 0 => l.f(
            Msg::ProgressOf,
            &[
                ("done", &megabytes(l, loading.done)),
                ("total", &megabytes(l, total)),
            ],
        ),
        (Some(total), ProgressUnit::Events) if total > 0 => {
            let mut detail = l.f(
                Msg::CheckingEvents,
                &[("done", &l.count(loading.done)), ("total", &l.count(total))],
            );
            match loading.problems {
                0 => {}
                1 => detail.push_str(l.t(Msg::OneProblemSoFar)),
                n => detail.push_str(&l.f(Msg::ProblemsSoFar, &[("count", &l.count(n))])),
            }
            detail
        }
        (_, ProgressUnit::Bytes) if loading.done > 0 => {
            l.f(Msg::BytesRead, &[("size", &megabytes(l, loading.done))])
        }
        _ => l.t(Msg::Reading).to_owned(),
    };
    let cancel = loader.cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="annals-loading" role="status">
            <span class="annals-loading-text">{ l.f(Msg::Loading, &[("name", &loading.name), ("detail", &detail)]) }</span>
            if let Some(total) = loading.total.filter(|t| *t > 0) {
                <progress max={total.to_string()} value={loading.done.to_string()} aria-label={l.t(Msg::LoadingProgress)}></progress>
            } else {
                <progress aria-label={l.t(Msg::LoadingProgress)}></progress>
            }
            <button type="button" class="annals-button" onclick={cancel}>{ l.t(Msg::Cancel) }</button>
        </div>
    }
}
