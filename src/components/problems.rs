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
use crate::i18n::{Locale, Msg};
use crate::model::report::{problems_csv_in, problems_text_in, SHOWN};
use crate::model::{Problem, ProblemKind};
use crate::state::{Action, LoadOutcome};

/// The heading of a failed load, true to what is on screen: the timeline
/// that was there stays, but a first load leaves nothing to show.
fn failed_heading(l: Locale, name: &str, nothing_shown: bool) -> String {
    let msg = if nothing_shown {
        Msg::FailedNothingShown
    } else {
        Msg::FailedUnchanged
    };
    l.f(msg, &[("name", &name)])
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
    let l = state.locale();
    let name = match &state.problems_from {
        Some(LoadOutcome::Failed(name) | LoadOutcome::Loaded(name)) => name.as_str(),
        Some(LoadOutcome::HostFailed) => l.t(Msg::HostDataset),
        None => l.t(Msg::DataFallback),
    };
    let mut heading = match &state.problems_from {
        Some(LoadOutcome::Failed(_) | LoadOutcome::HostFailed) => {
            failed_heading(l, name, state.dataset.events.is_empty())
        }
        Some(LoadOutcome::Loaded(name)) => match *rejected {
            0 => l.f(Msg::LoadedWithWarnings, &[("name", name)]),
            1 => l.f(Msg::LoadedOneLeftOut, &[("name", name)]),
            n => l.f(
                Msg::LoadedLeftOut,
                &[("name", name), ("count", &l.count(n))],
            ),
        },
        None => l.t(Msg::ProblemsLabel).to_owned(),
    };
    let total = state.problems.len();
    let more = total.saturating_sub(SHOWN);
    if more > 0 {
        heading.push_str(&l.f(
            Msg::ProblemsFirstListed,
            &[("count", &l.count(total)), ("shown", &l.count(SHOWN))],
        ));
    }
    let save = |extension: &'static str| {
        let problems = state.problems.clone();
        let file = format!("{}-problems.{extension}", source_stem(name));
        Callback::from(move |_: MouseEvent| {
            let (mime, contents) = match extension {
                "csv" => ("text/csv", problems_csv_in(&problems, l)),
                _ => ("text/plain", problems_text_in(&problems, l)),
            };
            if let Err(problem) = download(&file, mime, &contents) {
                gloo::console::error!(format!("download failed: {problem}"));
            }
        })
    };
    html! {
        <section class="annals-problems" aria-label={l.t(Msg::ProblemsLabel)}>
            <div class="annals-problems-body">
            <p class="annals-problems-heading" role="alert">{ heading }</p>
            <ul>
                { for state.problems.iter().take(SHOWN).map(|p| item(p, l)) }
            </ul>
            if more > 0 {
                <p class="annals-problems-more">{ l.f(Msg::ProblemsMore, &[("count", &l.count(more))]) }</p>
            }
            <p class="annals-problems-downloads">
                <button type="button" class="annals-button" onclick={save("txt")}>{ l.t(Msg::DownloadText) }</button>
                <button type="button" class="annals-button" onclick={save("csv")}>{ l.t(Msg::DownloadCsv) }</button>
            </p>
            </div>
            if matches!(state.problems_from, Some(LoadOutcome::Failed(_))) && loader.can_retry() {
                <button type="button" class="annals-button" onclick={loader.retry.reform(|_: MouseEvent| ())}>{ l.t(Msg::Retry) }</button>
            }
            <button type="button" class="annals-button" onclick={dismiss}>{ l.t(Msg::Dismiss) }</button>
        </section>
    }
}

/// One problem as a plain list item: its kind in the reader's language, its
/// location and message as the parser wrote them (in English).
fn item(problem: &Problem, l: Locale) -> Html {
    let (class, kind) = match problem.kind {
        ProblemKind::Error => ("error", l.t(Msg::ProblemError)),
        ProblemKind::Warning => ("warning", l.t(Msg::ProblemWarning)),
    };
    html! {
        <li class={classes!("annals-problem", class)}>
            <strong>{ kind }</strong>{ " — " }<span class="annals-problem-location">{ problem.location.text_in(l) }</span>
            { l.t(Msg::ProblemSeparator) }{ problem.message.text_in(l) }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::failed_heading;
    use crate::i18n::Locale;

    #[test]
    fn a_failed_load_says_what_is_on_screen() {
        let english = Locale::ENGLISH;
        assert_eq!(
            failed_heading(english, "d.json", true),
            "d.json could not be loaded. No timeline is shown."
        );
        assert!(failed_heading(english, "d.json", false)
            .ends_with("The timeline on screen is unchanged."));
        assert_eq!(
            failed_heading(Locale::of("ja"), "d.json", false),
            "d.json を読み込めませんでした。表示中の年表はそのままです。"
        );
    }
}
