//! The print list: every shown event's card as text, after the timeline on
//! paper. `annals.css` hides it on screen (`display: none`, so it costs no
//! layout), and it renders only when the shown events or the language change,
//! never per frame: its props are the shared `Rc`s, compared by identity.

use std::rc::Rc;

use yew::prelude::*;

use super::{source, RichText};
use crate::i18n::{Locale, Msg};
use crate::model::Dataset;

/// At most this many events are printed; past it a note says how many more
/// there are (a million cards would not print, and would weigh on the page).
pub(crate) const PRINT_LIMIT: usize = 2_000;

/// Props of [`PrintList`].
#[derive(Properties)]
pub struct PrintListProps {
    /// The dataset the events come from.
    pub dataset: Rc<Dataset>,
    /// The shown events (`State::visible`), in date order.
    pub shown: Rc<Vec<usize>>,
    /// The reader's language.
    pub lang: AttrValue,
}

impl PartialEq for PrintListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && Rc::ptr_eq(&self.shown, &other.shown)
            && self.lang == other.lang
    }
}

/// Each shown event as its card reads: title, date, status and lane, the
/// summary, and the sources.
#[component]
pub fn PrintList(props: &PrintListProps) -> Html {
    let dataset = &props.dataset;
    let lang = props.lang.as_str();
    let l = Locale::of(lang);
    let total = props.shown.len();
    let events = props
        .shown
        .iter()
        .take(PRINT_LIMIT)
        .filter_map(|&i| dataset.events.get(i));
    html! {
        <section class="annals-print">
            <h2>{ l.f(Msg::AllEvents, &[("count", &l.count(total))]) }</h2>
            <ol>
                { for events.map(|event| html! {
                    <li class="annals-print-event" data-print-event={event.id.clone()}>
                        <h3>{ event.title.get(lang).to_owned() }</h3>
                        <p class="annals-print-meta">
                            { format!(
                                "{} \u{b7} {} \u{b7} {}",
                                event.date_text(lang),
                                l.status(event.status),
                                dataset.lanes.get(event.lane).map(|lane| lane.label.get(lang)).unwrap_or_default()
                            ) }
                        </p>
                        if !event.summary.get(lang).is_empty() {
                            <RichText source={AttrValue::from(event.summary.get(lang).to_owned())} />
                        }
                        if !event.sources.is_empty() {
                            <ol class="annals-sources">{ for event.sources.iter().map(|s| source(s, l)) }</ol>
                        }
                    </li>
                }) }
            </ol>
            if total > PRINT_LIMIT {
                <p>{ l.f(Msg::PrintMore, &[("count", &l.count(total - PRINT_LIMIT))]) }</p>
            }
        </section>
    }
}
