//! The panel that lists problems found while loading data.
//!
//! A file can hold hundreds of thousands of problems, so the panel lists the
//! first [`SHOWN`] and counts the rest; the full list downloads as text or
//! CSV. Only the summary is a live region: the items are plain list items,
//! so a screen reader announces one sentence, not every problem.

use yew::prelude::*;

use super::use_annals;
use crate::browser::download::{download, source_stem};
use crate::hooks::Loader;
use crate::model::date::group_thousands;
use crate::model::report::{problems_csv, problems_text, SHOWN};
use crate::model::{Problem, ProblemKind};
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

/// Lists the first load errors and warnings under one announced summary,
/// with the full list as downloads, until dismissed.
#[component]
pub fn ProblemsPanel() -> Html {
    let state = use_annals();
    let loader = use_context::<Loader>().expect("ProblemsPanel needs the Loader context from App");
    let rejected = use_memo(super::Same(state.problems.clone()), |problems| {
        problems
            .0
            .iter()
            .filter(|p| p.kind == ProblemKind::Error)
            .count()
    });
    if state.problems.is_empty() {
        return html! {};
    }
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissProblems))
    };
    let name = match &state.problems_from {
        Some(LoadOutcome::Failed(name) | LoadOutcome::Loaded(name)) => name.as_str(),
        None => "data",
    };
    let mut heading = match &state.problems_from {
        Some(LoadOutcome::Failed(name)) => failed_heading(name, state.dataset.events.is_empty()),
        Some(LoadOutcome::Loaded(name)) => match *rejected {
            0 => format!("{name} loaded, with warnings."),
            n => format!(
                "{name} loaded, but {} {} left out.",
                group_thousands(n as u64),
                if n == 1 { "entry was" } else { "entries were" }
            ),
        },
        None => "Problems with the data".to_owned(),
    };
    let total = state.problems.len();
    let more = total.saturating_sub(SHOWN);
    if more > 0 {
        heading.push_str(&format!(
            " {} problems; the first {SHOWN} are listed.",
            group_thousands(total as u64)
        ));
    }
    let save = |extension: &'static str| {
        let problems = state.problems.clone();
        let file = format!("{}-problems.{extension}", source_stem(name));
        Callback::from(move |_: MouseEvent| {
            let (mime, contents) = match extension {
                "csv" => ("text/csv", problems_csv(&problems)),
                _ => ("text/plain", problems_text(&problems)),
            };
            if let Err(problem) = download(&file, mime, &contents) {
                gloo::console::error!(format!("download failed: {problem}"));
            }
        })
    };
    html! {
        <section class="annals-problems" aria-label="Problems with the data">
            <div class="annals-problems-body">
            <p class="annals-problems-heading" role="alert">{ heading }</p>
            <ul>
                { for state.problems.iter().take(SHOWN).map(item) }
            </ul>
            if more > 0 {
                <p class="annals-problems-more">{ format!("and {} more", group_thousands(more as u64)) }</p>
            }
            <p class="annals-problems-downloads">
                <button type="button" class="annals-button" onclick={save("txt")}>{ "Download all as text" }</button>
                <button type="button" class="annals-button" onclick={save("csv")}>{ "Download all as CSV" }</button>
            </p>
            </div>
            if matches!(state.problems_from, Some(LoadOutcome::Failed(_))) && loader.can_retry() {
                <button type="button" class="annals-button" onclick={loader.retry.reform(|_: MouseEvent| ())}>{ "Retry" }</button>
            }
            <button type="button" class="annals-button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}

/// One problem as a plain list item.
fn item(problem: &Problem) -> Html {
    let kind = match problem.kind {
        ProblemKind::Error => "Error",
        ProblemKind::Warning => "Warning",
    };
    html! {
        <li class={classes!("annals-problem", kind.to_ascii_lowercase())}>
            <strong>{ kind }</strong>{ " — " }<span class="annals-problem-location">{ problem.location.to_string() }</span>
            { ": " }{ problem.message.clone() }
        </li>
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
