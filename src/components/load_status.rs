//! The progress indicator of a load in progress, with its Cancel button.

use yew::prelude::*;

use super::use_annals;
use crate::hooks::Loader;
use crate::model::date::group_thousands as grouped;
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
                grouped(loading.done),
                grouped(total)
            );
            match loading.problems {
                0 => {}
                1 => detail.push_str(", 1 problem so far"),
                n => detail.push_str(&format!(", {} problems so far", grouped(n))),
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

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
