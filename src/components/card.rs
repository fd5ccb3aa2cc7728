//! The detail card of the open event.

use yew::prelude::*;

use super::{title_in, use_annals, use_ids, RichText};
use crate::i18n::{Locale, Msg};
use crate::model::{Dataset, Event, Media, Source};
use crate::state::Action;

/// Shows the open event in full: date at its precision, status, actors,
/// themes, summary, sources and related events, with previous and next.
#[component]
pub fn Card() -> Html {
    let state = use_annals();
    let heading_id = use_ids().id("card-title");
    let Some(event) = state.open.and_then(|i| state.dataset.events.get(i)) else {
        return html! {};
    };
    // Previous, Next and "3 of 12" walk the events the filters show.
    let (position, count) = state.open_position().unwrap_or((0, 1));
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let summary = event.summary.get(&state.lang);
    let l = state.locale();
    html! {
        <aside class={classes!("annals-card", format!("annals-status-{}", event.status.name()))}
            data-card-for={event.id.clone()} role="region" aria-labelledby={heading_id.clone()}>
            <div class="annals-card-top">
                <p class="annals-card-date">
                    { event.date_text(&state.lang) }
                    <span class="annals-badge">{ l.status(event.status) }</span>
                </p>
                if state.editing.on {
                    <button type="button" class="annals-button" data-card-edit="" onclick={dispatch(super::edit_event(&event.id))}>{ l.t(Msg::EditEvent) }</button>
                    <button type="button" class="annals-button annals-danger" data-card-delete=""
                        onclick={dispatch(Action::Edit(crate::editing::EditAction::Apply(Box::new(crate::model::edit::Edit::DeleteEvent(event.id.clone())))))}>{ l.t(Msg::DeleteEvent) }</button>
                }
                <button type="button" class="annals-button annals-card-close" aria-label={l.t(Msg::CloseCard)}
                    title={l.t(Msg::CloseCardTitle)} onclick={dispatch(Action::Close)}>{ "\u{00d7}" }</button>
            </div>
            <h2 id={heading_id} class="annals-card-title" tabindex="-1" data-card-heading="">{ title_in(event, &state.lang) }</h2>
            { for event.media.iter().map(|m| media(m, &state.lang)) }
            <dl class="annals-card-facts">
                if !event.actors.is_empty() {
                    <dt>{ l.t(Msg::Actors) }</dt><dd>{ state.dataset.actors_in(event, &state.lang) }</dd>
                }
                if !event.tags.is_empty() {
                    <dt>{ l.t(Msg::Themes) }</dt><dd>{ themes_in(&state.dataset, event, &state.lang) }</dd>
                }
                <dt>{ l.t(Msg::Lane) }</dt><dd>{ state.dataset.lanes[event.lane].label.get(&state.lang).to_owned() }</dd>
            </dl>
            if !summary.is_empty() {
                <div class="annals-card-summary"><RichText source={AttrValue::from(summary.to_owned())} /></div>
            }
            if !event.sources.is_empty() {
                <h3>{ l.t(Msg::Sources) }</h3>
                <ol class="annals-sources">{ for event.sources.iter().map(|s| source(s, l)) }</ol>
            }
            if !event.related.is_empty() {
                <h3>{ l.t(Msg::RelatedEvents) }</h3>
                <ul class="annals-related-list">
                    { for event.related.iter().filter_map(|&r| state.dataset.events.get(r).map(|e| (r, e))).map(|(r, e)| html! {
                        <li>
                            <button type="button" class="annals-link-button" onclick={dispatch(Action::Open(r))}>
                                { related_label(e, &state.lang) }
                            </button>
                        </li>
                    }) }
                </ul>
            }
            <nav class="annals-card-nav" aria-label={l.t(Msg::CardNav)}>
                <button type="button" class="annals-button" disabled={position == 0} onclick={dispatch(Action::Step(-1))}>
                    { l.t(Msg::Previous) }
                </button>
                <span class="annals-card-position">{ l.f(Msg::PositionOf, &[("position", &l.count(position + 1)), ("count", &l.count(count))]) }</span>
                <button type="button" class="annals-button" disabled={position + 1 >= count} onclick={dispatch(Action::Step(1))}>
                    { l.t(Msg::Next) }
                </button>
            </nav>
        </aside>
    }
}

/// The names of an event's themes in `lang`, in the event's order.
fn themes_in(dataset: &Dataset, event: &Event, lang: &str) -> String {
    let names: Vec<&str> = event
        .tags
        .iter()
        .map(|t| dataset.theme_label(t, lang))
        .collect();
    names.join(Locale::of(lang).t(Msg::ListSeparator))
}

fn related_label(e: &Event, lang: &str) -> String {
    let l = Locale::of(lang);
    l.f(
        Msg::RelatedLabel,
        &[
            ("date", &e.date_text(lang)),
            ("status", &l.status(e.status)),
            ("title", &title_in(e, lang)),
        ],
    )
}

fn media(m: &Media, lang: &str) -> Html {
    let caption = m.caption.get(lang).to_owned();
    let credit = m.credit.get(lang).to_owned();
    html! {
        <figure class="annals-media">
            <img src={m.url.clone()} alt={m.alt.get(lang).to_owned()} loading="lazy" referrerpolicy="no-referrer" />
            if !caption.is_empty() || !credit.is_empty() {
                <figcaption>
                    { caption }
                    if !credit.is_empty() {
                        <span class="annals-media-credit">{ Locale::of(lang).f(Msg::Credit, &[("credit", &credit)]) }</span>
                    }
                </figcaption>
            }
        </figure>
    }
}

/// One source as the card lists it (also in the prerendered event list),
/// its byline in the reader's language; the title stays as published.
pub(crate) fn source(s: &Source, l: Locale) -> Html {
    let mut byline: Vec<String> = Vec::new();
    if let Some(author) = &s.author {
        byline.push(l.f(Msg::SourceBy, &[("author", author)]));
    }
    if let Some(publisher) = &s.publisher {
        byline.push(publisher.clone());
    }
    if let Some(date) = &s.date {
        byline.push(l.dates().date(date));
    }
    if let Some(dateline) = &s.dateline {
        byline.push(l.f(Msg::SourceDateline, &[("dateline", dateline)]));
    }
    html! {
        <li class="annals-source">
            if let Some(url) = &s.url {
                <a href={url.clone()} target="_blank" rel="noopener noreferrer"><cite>{ s.title.clone() }</cite></a>
            } else {
                <cite>{ s.title.clone() }</cite>
            }
            if !byline.is_empty() {
                <span class="annals-byline">{ byline.join(" · ") }</span>
            }
            if let Some(note) = &s.note {
                <span class="annals-source-note">{ note.clone() }</span>
            }
        </li>
    }
}
