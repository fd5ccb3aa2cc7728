//! The panel that lists problems found while loading data.

use yew::prelude::*;

use super::use_annals;
use crate::model::ProblemKind;
use crate::state::{Action, LoadOutcome};

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
    let heading = match &state.problems_from {
        Some(LoadOutcome::Failed(name)) => {
            format!("{name} could not be loaded. The timeline on screen is unchanged.")
        }
        Some(LoadOutcome::Loaded(name)) => {
            let rejected = state
                .problems
                .iter()
                .filter(|p| p.kind == ProblemKind::Error)
                .count();
            match rejected {
                0 => format!("{name} loaded, with warnings."),
                n => format!(
                    "{name} loaded, but {n} {} left out.",
                    if n == 1 { "entry was" } else { "entries were" }
                ),
            }
        }
        None => "Problems with the data".to_owned(),
    };
    html! {
        <section class="annals-problems" aria-label="Problems with the data">
            <div class="annals-problems-body">
            <p class="annals-problems-heading" role="alert">{ heading }</p>
            <ul>
                { for state.problems.iter().map(|p| {
                    let kind = match p.kind { ProblemKind::Error => "Error", ProblemKind::Warning => "Warning" };
                    html! {
                        <li role="alert" class={classes!("annals-problem", kind.to_ascii_lowercase())}>
                            <strong>{ kind }</strong>{ " — " }<span class="annals-problem-location">{ p.location.to_string() }</span>
                            { ": " }{ p.message.clone() }
                        </li>
                    }
                }) }
            </ul>
            </div>
            <button type="button" class="annals-button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
