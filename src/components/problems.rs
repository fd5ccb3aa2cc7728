//! The panel that lists problems found while loading data.

use yew::prelude::*;

use super::use_annals;
use crate::model::ProblemKind;
use crate::state::Action;

/// Lists load errors and warnings, each announced with `role="alert"`, until dismissed.
#[component]
pub fn ProblemsPanel() -> Html {
    let state = use_annals();
    if state.problems.is_empty() {
        return html! {};
    }
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissProblems))
    };
    html! {
        <section class="annals-problems" aria-label="Problems with the data">
            <ul>
                { for state.problems.iter().map(|p| {
                    let kind = match p.kind { ProblemKind::Error => "Error", ProblemKind::Warning => "Warning" };
                    html! {
                        <li role="alert" class={classes!("annals-problem", kind.to_ascii_lowercase())}>
                            <strong>{ kind }</strong>{ " — " }<span class="annals-problem-location">{ p.location.clone() }</span>
                            { ": " }{ p.message.clone() }
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="annals-button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
