//! The editor of the dataset as a whole: its title and description, its
//! lanes (add, rename, reorder) and its eras (add, change, delete). Each
//! change is one undoable edit; a refused one keeps what was typed and says
//! why next to it.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{close_on_escape, use_annals, use_ids, RichText};
use crate::editing::EditAction;
use crate::i18n::Msg;
use crate::model::edit::{self, Edit, EraFields};
use crate::state::{Action, State};

/// Where a refused change was typed, so its message shows there.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    Title,
    Description,
    Lane(usize),
    NewLane,
    Era(usize),
    NewEra,
}

/// Applies `change`, or returns why not.
fn try_apply(state: &UseReducerHandle<State>, change: Edit) -> Result<(), String> {
    match edit::apply(&state.dataset, &change) {
        Ok(_) => {
            state.dispatch(Action::Edit(EditAction::Apply(Box::new(change))));
            Ok(())
        }
        Err(problems) => Err(problems
            .iter()
            .map(|p| p.message.text_in(state.locale()))
            .collect::<Vec<_>>()
            .join("; ")),
    }
}

fn value_of(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The dataset's title, description, lanes and eras.
#[component]
pub fn DatasetForm() -> Html {
    let state = use_annals();
    let ids = use_ids();
    let problem = use_state(|| None::<(Place, String)>);
    let description = use_state(|| state.dataset.description.default.clone());
    let new_era = use_state(EraFields::default);
    let dataset = &state.dataset;
    let l = state.locale();

    let attempt = |place: Place| {
        let state = state.clone();
        let problem = problem.clone();
        move |change: Edit| match try_apply(&state, change) {
            Ok(()) => problem.set(None),
            Err(message) => problem.set(Some((place.clone(), message))),
        }
    };
    let message = |place: Place| match &*problem {
        Some((at, text)) if *at == place => {
            html! { <p class="annals-field-problems" role="alert">{ text.clone() }</p> }
        }
        _ => html! {},
    };
    let close = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Edit(EditAction::ShowPanel(None))))
    };

    let on_title = {
        let attempt = attempt(Place::Title);
        Callback::from(move |e: Event| attempt(Edit::SetTitle(value_of(&e))))
    };
    let on_description_input = {
        let description = description.clone();
        Callback::from(move |e: InputEvent| {
            description.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let save_description = {
        let attempt = attempt(Place::Description);
        let description = description.clone();
        Callback::from(move |_: MouseEvent| attempt(Edit::SetDescription((*description).clone())))
    };
    let lane_count = dataset.lanes.len();
    let lanes = dataset.lanes.iter().enumerate().map(|(i, lane)| {
        let rename = {
            let attempt = attempt(Place::Lane(i));
            Callback::from(move |e: Event| attempt(Edit::RenameLane { index: i, label: value_of(&e) }))
        };
        let move_to = |to: usize| {
            let attempt = attempt(Place::Lane(i));
            Callback::from(move |_: MouseEvent| attempt(Edit::MoveLane { from: i, to }))
        };
        let id = ids.id(&format!("edit-lane-{i}"));
        let label = lane.label.get(&state.lang).to_owned();
        html! {
            <li class="annals-field-row">
                <label for={id.clone()} class="annals-visually-hidden">{ l.f(Msg::LaneLabel, &[("n", &(i + 1))]) }</label>
                <input {id} type="text" value={label.clone()} onchange={rename} />
                <button type="button" class="annals-button" aria-label={l.f(Msg::MoveLaneUp, &[("lane", &label)])}
                    disabled={i == 0} onclick={move_to(i.saturating_sub(1))}>{ "\u{2191}" }</button>
                <button type="button" class="annals-button" aria-label={l.f(Msg::MoveLaneDown, &[("lane", &label)])}
                    disabled={i + 1 >= lane_count} onclick={move_to(i + 1)}>{ "\u{2193}" }</button>
                { message(Place::Lane(i)) }
            </li>
        }
    });
    let new_lane_ref = use_node_ref();
    let add_lane = {
        let attempt = attempt(Place::NewLane);
        let input = new_lane_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                attempt(Edit::AddLane(input.value()));
                input.set_value("");
            }
        })
    };
    // An era's fields: an existing era changes when a field is committed
    // (one undoable edit), the new era's row follows each keystroke.
    let era_inputs = |i: Option<usize>, fields: EraFields, on_change: Callback<EraFields>| {
        let key = i.map(|i| i.to_string()).unwrap_or_else(|| "new".into());
        let input = |name: &str, label: &str, value: &str, set: fn(&mut EraFields, String)| {
            let id = ids.id(&format!("edit-era-{key}-{name}"));
            let fields = fields.clone();
            let on_change = on_change.clone();
            let emit = Callback::from(move |value: String| {
                let mut next = fields.clone();
                set(&mut next, value);
                on_change.emit(next);
            });
            let (onchange, oninput) = if i.is_some() {
                (Some(emit.reform(|e: Event| value_of(&e))), None)
            } else {
                (
                    None,
                    Some(emit.reform(|e: InputEvent| {
                        e.target_unchecked_into::<HtmlInputElement>().value()
                    })),
                )
            };
            html! {
                <div class="annals-field">
                    <label for={id.clone()}>{ label.to_owned() }</label>
                    <input {id} type="text" value={value.to_owned()} {onchange} {oninput} />
                </div>
            }
        };
        html! {
            <>
                { input("title", l.t(Msg::Era), &fields.title, |f, v| f.title = v) }
                { input("start", l.t(Msg::EraFrom), &fields.start, |f, v| f.start = v) }
                { input("end", l.t(Msg::EraTo), &fields.end, |f, v| f.end = v) }
            </>
        }
    };
    let eras = dataset.eras.iter().enumerate().map(|(i, era)| {
        let attempt_change = attempt(Place::Era(i));
        let on_change = Callback::from(move |fields| {
            attempt_change(Edit::PutEra {
                index: Some(i),
                fields,
            })
        });
        let delete = {
            let attempt = attempt(Place::Era(i));
            Callback::from(move |_: MouseEvent| attempt(Edit::DeleteEra(i)))
        };
        html! {
            <li class="annals-field-row">
                { era_inputs(Some(i), EraFields::of(era), on_change) }
                <button type="button" class="annals-button" onclick={delete}>{ l.t(Msg::Delete) }</button>
                { message(Place::Era(i)) }
            </li>
        }
    });
    let on_new_era = {
        let new_era = new_era.clone();
        Callback::from(move |fields| new_era.set(fields))
    };
    let add_era = {
        let attempt = {
            let state = state.clone();
            let problem = problem.clone();
            let new_era = new_era.clone();
            move || match try_apply(
                &state,
                Edit::PutEra {
                    index: None,
                    fields: (*new_era).clone(),
                },
            ) {
                Ok(()) => {
                    problem.set(None);
                    new_era.set(EraFields::default());
                }
                Err(message) => problem.set(Some((Place::NewEra, message))),
            }
        };
        Callback::from(move |_: MouseEvent| attempt())
    };
    let title_id = ids.id("edit-dataset-title");
    let description_id = ids.id("edit-dataset-description");
    let new_lane_id = ids.id("edit-new-lane");
    let heading_id = ids.id("edit-dataset-heading");
    html! {
        <section class="annals-edit-panel" aria-labelledby={heading_id.clone()} data-dataset-form=""
            onkeydown={close_on_escape(close.clone())}>
            <h2 id={heading_id}>{ l.t(Msg::DatasetHeading) }</h2>
            <div class="annals-field">
                <label for={title_id.clone()}>{ l.t(Msg::FieldTitle) }</label>
                <input id={title_id} type="text" value={dataset.title.default.clone()} onchange={on_title} />
                { message(Place::Title) }
            </div>
            <div class="annals-field">
                <label for={description_id.clone()}>{ l.t(Msg::FieldDescription) }</label>
                <textarea id={description_id} rows="3" value={(*description).clone()} oninput={on_description_input} />
                if !description.trim().is_empty() {
                    <div class="annals-preview" role="region" aria-label={l.t(Msg::DescriptionPreview)}>
                        <RichText source={AttrValue::from((*description).clone())} />
                    </div>
                }
                <button type="button" class="annals-button" onclick={save_description}>{ l.t(Msg::SaveDescription) }</button>
                { message(Place::Description) }
            </div>
            <h3>{ l.t(Msg::Lanes) }</h3>
            <ol class="annals-edit-list">{ for lanes }</ol>
            <div class="annals-field-row">
                <div class="annals-field">
                    <label for={new_lane_id.clone()}>{ l.t(Msg::NewLane) }</label>
                    <input id={new_lane_id} ref={new_lane_ref} type="text" />
                </div>
                <button type="button" class="annals-button" onclick={add_lane}>{ l.t(Msg::AddLane) }</button>
            </div>
            { message(Place::NewLane) }
            <h3>{ l.t(Msg::Eras) }</h3>
            <p class="annals-field-hint">{ l.t(Msg::ErasHint) }</p>
            <ul class="annals-edit-list">{ for eras }</ul>
            <div class="annals-field-row">
                { era_inputs(None, (*new_era).clone(), on_new_era) }
                <button type="button" class="annals-button" onclick={add_era}>{ l.t(Msg::AddEra) }</button>
            </div>
            { message(Place::NewEra) }
            <div class="annals-form-actions">
                <button type="button" class="annals-button" onclick={close.reform(|_: MouseEvent| ())}>{ l.t(Msg::Done) }</button>
            </div>
        </section>
    }
}
