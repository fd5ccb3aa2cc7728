//! The panel that lists problems found while loading data.

use yew::prelude::*;

use super::use_annals;
use crate::hooks::Loader;
use crate::model::ProblemKind;
use crate::state::{Action, LoadOutcome};

/// The heading of a failed load, true to what is on screen: the timeline
/// that was there stays, but a first load leaves nothing to show.
fn failed_heading(name: &str, nothing_shown: bool) -> String {
    if nothing_shown {
        format!("{name} could not be loaded. No timeline is shown.")
    } else {
        format!("{name} could not be loaded. The timeline on screen is unchanged.")
    }
}

/// Lists load errors and warnings, each announced with `role="alert"`, until
/// dismissed; a failed load of an address can be tried again.
#[component]
pub fn ProblemsPanel() -> Html {
    let state = use_annals();
    let loader = use_context::<Loader>().expect("ProblemsPanel needs the Loader context from App");
    if state.problems.is_empty() {
        return html! {};
    }
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissProblems))
    };
    let heading = match &state.problems_from {
        Some(LoadOutcome::Failed(name)) => failed_heading(name, state.dataset.events.is_empty()),
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
            if matches!(state.problems_from, Some(LoadOutcome::Failed(_))) && loader.can_retry() {
                <button type="button" class="annals-button" onclick={loader.retry.reform(|_: MouseEvent| ())}>{ "Retry" }</button>
            }
            <button type="button" class="annals-button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::failed_heading;

    #[test]
    fn a_failed_load_says_what_is_on_screen() {
        assert_eq!(
            failed_heading("d.json", true),
            "d.json could not be loaded. No timeline is shown."
        );
        assert!(failed_heading("d.json", false).ends_with("The timeline on screen is unchanged."));
    }
}
