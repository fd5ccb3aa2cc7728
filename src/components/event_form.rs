//! The form that adds or changes an event: every field, checked live with
//! the loader's checks, each problem next to its field. Saving an event with
//! problems is refused and the form stays open.

use std::collections::BTreeSet;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{close_on_escape, use_annals, use_ids, RelatedPicker, RichText, SourcesEditor};
use crate::editing::{EditAction, Panel};
use crate::hooks::use_focus_on_mount;
use crate::i18n::Msg;
use crate::model::date::civil_from_days;
use crate::model::edit::{self, field_of, Edit, EventFields};
use crate::model::{Date, Precision, Problem, Status};
use crate::state::Action;

/// Props of [`EventForm`].
#[derive(Properties, PartialEq)]
pub struct EventFormProps {
    /// The event changed, by id; `None` adds one.
    #[prop_or_default]
    pub id: Option<String>,
}

/// The precisions the form offers, with their names.
const PRECISIONS: [(Precision, Msg); 5] = [
    (Precision::Year, Msg::PrecisionYear),
    (Precision::Season, Msg::PrecisionSeason),
    (Precision::Month, Msg::PrecisionMonth),
    (Precision::Day, Msg::PrecisionDay),
    (Precision::Minute, Msg::PrecisionMinute),
];

/// The edit the form's fields stand for.
fn edit_for(id: &Option<String>, fields: &EventFields) -> Edit {
    Edit::PutEvent {
        replace: id.clone(),
        fields: fields.clone(),
    }
}

/// Adds or changes one event.
#[component]
pub fn EventForm(props: &EventFormProps) -> Html {
    let state = use_annals();
    let ids = use_ids();
    let fields = {
        let state = state.clone();
        let id = props.id.clone();
        use_state(move || {
            let existing = id
                .as_deref()
                .and_then(|id| state.dataset.index_of(id))
                .map(|i| EventFields::of(&state.dataset, &state.dataset.events[i]));
            existing.unwrap_or_else(|| {
                // A new event starts in the middle of the view, at year precision.
                let middle = (state.view.start + state.view.end) / 2.0;
                let (year, ..) = civil_from_days(middle.floor() as i64);
                EventFields {
                    start: Date::Year(year).to_string(),
                    ..EventFields::default()
                }
            })
        })
    };
    // Problems show for the fields the author has changed, and for all once
    // they tried to save.
    let touched = use_state(BTreeSet::<&'static str>::new);
    let submitted = use_state(|| false);
    let problems: Rc<Vec<Problem>> = {
        let edit = edit_for(&props.id, &fields);
        use_memo(
            (edit, super::Same(state.dataset.clone())),
            |(edit, dataset)| edit::apply(&dataset.0, edit).err().unwrap_or_default(),
        )
    };
    let title_ref = use_node_ref();
    use_focus_on_mount(title_ref.clone());
    // After a refused save, focus goes to the first field with a problem.
    let attempts = use_state(|| 0u32);
    {
        let title_ref = title_ref.clone();
        use_effect_with(*attempts, move |attempts| {
            let form = title_ref
                .cast::<web_sys::Element>()
                .and_then(|t| t.closest("form").ok().flatten());
            if let (true, Some(form)) = (*attempts > 0, form) {
                if let Ok(Some(field)) = form.query_selector("[aria-invalid=\"true\"]") {
                    if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field)
                    {
                        let _ = field.focus();
                    }
                }
            }
        });
    }

    let update = |name: &'static str, set: fn(&mut EventFields, String)| {
        let fields = fields.clone();
        let touched = touched.clone();
        move |value: String| {
            let mut next = (*fields).clone();
            set(&mut next, value);
            fields.set(next);
            if !touched.contains(name) {
                let mut all = (*touched).clone();
                all.insert(name);
                touched.set(all);
            }
        }
    };
    let on_input = |name: &'static str, set: fn(&mut EventFields, String)| {
        let update = update(name, set);
        Callback::from(move |e: InputEvent| {
            update(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_select = |name: &'static str, set: fn(&mut EventFields, String)| {
        let update = update(name, set);
        Callback::from(move |e: Event| {
            update(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_summary = {
        let update = update("summary", |f, v| f.summary = v);
        Callback::from(move |e: InputEvent| {
            update(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_circa = {
        let update = update("circa", |f, v| f.circa = v == "true");
        Callback::from(move |e: Event| {
            update(
                e.target_unchecked_into::<HtmlInputElement>()
                    .checked()
                    .to_string(),
            )
        })
    };
    let on_precision = on_select("start", |f, v| {
        let Some(&(precision, _)) = PRECISIONS.iter().find(|(p, _)| p.name() == v) else {
            return;
        };
        let convert = |text: &str| {
            Date::parse(text)
                .ok()
                .map(|d| d.at_precision(precision).to_string())
        };
        if let Some(start) = convert(&f.start) {
            f.start = start;
        }
        if let Some(end) = convert(&f.end) {
            f.end = end;
        }
    });
    let set_sources = {
        let fields = fields.clone();
        Callback::from(move |sources| {
            fields.set(EventFields {
                sources,
                ..(*fields).clone()
            })
        })
    };
    let set_related = {
        let fields = fields.clone();
        Callback::from(move |related| {
            fields.set(EventFields {
                related,
                ..(*fields).clone()
            })
        })
    };

    let close = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Edit(EditAction::ShowPanel(None))))
    };
    let onsubmit = {
        let state = state.clone();
        let fields = fields.clone();
        let submitted = submitted.clone();
        let attempts = attempts.clone();
        let id = props.id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let edit = edit_for(&id, &fields);
            match edit::apply(&state.dataset, &edit) {
                Ok(after) => {
                    let saved = match &id {
                        Some(old) if fields.id.trim().is_empty() => old.clone(),
                        Some(_) => fields.id.trim().to_owned(),
                        None => after
                            .events
                            .iter()
                            .find(|e| state.dataset.index_of(&e.id).is_none())
                            .map(|e| e.id.clone())
                            .unwrap_or_default(),
                    };
                    state.dispatch(Action::Edit(EditAction::Apply(Box::new(edit))));
                    state.dispatch(Action::Edit(EditAction::ShowPanel(None)));
                    state.dispatch(Action::Select(Some(saved)));
                }
                // Refused: the form stays open, every problem showing.
                Err(_) => {
                    submitted.set(true);
                    attempts.set(*attempts + 1);
                }
            }
        })
    };
    let delete = props.id.clone().map(|id| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Edit(EditAction::ShowPanel(None)));
            state.dispatch(Action::Edit(EditAction::Apply(Box::new(
                Edit::DeleteEvent(id.clone()),
            ))));
        })
    });

    // The problems of one field, and the attributes its input needs.
    let shown = |name: &str| -> Vec<&Problem> {
        if *submitted || touched.contains(name) {
            problems
                .iter()
                .filter(|p| field_of(p) == Some(name))
                .collect()
        } else {
            Vec::new()
        }
    };
    let field_id = |name: &str| ids.id(&format!("edit-{name}"));
    let problem_id = |name: &str| ids.id(&format!("edit-{name}-problem"));
    let problem_list = |name: &str| {
        let list = shown(name);
        html! {
            if !list.is_empty() {
                <ul class="annals-field-problems" id={problem_id(name)} data-problem-for={name.to_owned()}>
                    { for list.iter().map(|p| html! { <li>{ p.message.text_in(state.locale()) }</li> }) }
                </ul>
            }
        }
    };
    let invalid = |name: &str| (!shown(name).is_empty()).then_some("true");
    let described = |name: &str| (!shown(name).is_empty()).then(|| problem_id(name));
    let text_field = |name: &'static str,
                      label: &str,
                      value: &str,
                      hint: Html,
                      set: fn(&mut EventFields, String)| {
        html! {
            <div class="annals-field">
                <label for={field_id(name)}>{ label.to_owned() }</label>
                <input id={field_id(name)} type="text" value={value.to_owned()} data-field={name}
                    aria-invalid={invalid(name)} aria-describedby={described(name)}
                    oninput={on_input(name, set)} />
                { hint }
                { problem_list(name) }
            </div>
        }
    };
    let l = state.locale();
    let reading = |text: &str| match Date::parse(text) {
        Ok(date) => html! {
            <p class="annals-field-hint">{ l.f(Msg::Reads, &[("date", &l.dates().span(&date, None, fields.circa))]) }</p>
        },
        Err(_) => html! {},
    };
    let precision = Date::parse(&fields.start).map(|d| d.precision()).ok();
    let lang = state.lang.clone();
    let heading = l.t(if props.id.is_some() {
        Msg::EditEventHeading
    } else {
        Msg::AddEventHeading
    });
    let heading_id = ids.id("edit-heading");

    html! {
        <section class="annals-edit-panel annals-event-form" aria-labelledby={heading_id.clone()}
            data-event-form="" onkeydown={close_on_escape(close.clone())}>
            <h2 id={heading_id}>{ heading }</h2>
            <form novalidate=true {onsubmit}>
                <div class="annals-field">
                    <label for={field_id("title")}>{ l.t(Msg::FieldTitle) }</label>
                    <input id={field_id("title")} ref={title_ref} type="text" value={fields.title.clone()} data-field="title"
                        aria-invalid={invalid("title")} aria-describedby={described("title")}
                        oninput={on_input("title", |f, v| f.title = v)} />
                    { problem_list("title") }
                </div>
                <div class="annals-field-row">
                    { text_field("start", l.t(Msg::FieldDate), &fields.start, reading(&fields.start), |f, v| f.start = v) }
                    <div class="annals-field">
                        <label for={field_id("precision")}>{ l.t(Msg::FieldPrecision) }</label>
                        <select id={field_id("precision")} data-field="precision" onchange={on_precision}>
                            { for PRECISIONS.iter().map(|(p, name)| html! {
                                <option value={p.name()} selected={precision == Some(*p)}>{ l.t(*name) }</option>
                            }) }
                            if precision == Some(Precision::Quarter) {
                                <option value="quarter" selected=true>{ l.t(Msg::PrecisionQuarter) }</option>
                            }
                        </select>
                    </div>
                    <div class="annals-field annals-field-check">
                        <input id={field_id("circa")} type="checkbox" checked={fields.circa} onchange={on_circa} />
                        <label for={field_id("circa")}>{ l.t(Msg::FieldCirca) }</label>
                    </div>
                </div>
                <p class="annals-field-hint">{ l.t(Msg::DateForms) }</p>
                { text_field("end", l.t(Msg::FieldEnd), &fields.end, reading(&fields.end), |f, v| f.end = v) }
                <div class="annals-field-row">
                    <div class="annals-field">
                        <label for={field_id("status")}>{ l.t(Msg::Status) }</label>
                        <select id={field_id("status")} data-field="status"
                            onchange={on_select("status", |f, v| f.status = Status::from_name(&v).unwrap_or_default())}>
                            { for Status::ALL.iter().map(|s| html! {
                                <option value={s.name()} selected={*s == fields.status}>{ l.status(*s) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="annals-field">
                        <label for={field_id("lane")}>{ l.t(Msg::FieldLane) }</label>
                        <select id={field_id("lane")} data-field="lane" aria-invalid={invalid("lane")} aria-describedby={described("lane")}
                            onchange={on_select("lane", |f, v| f.lane = v.parse().unwrap_or(0))}>
                            { for state.dataset.lanes.iter().enumerate().map(|(i, l)| html! {
                                <option value={i.to_string()} selected={i == fields.lane}>{ l.label.get(&state.lang).to_owned() }</option>
                            }) }
                        </select>
                        { problem_list("lane") }
                    </div>
                </div>
                { text_field("tags", l.t(Msg::FieldThemes), &fields.tags, html! {}, |f, v| f.tags = v) }
                <div class="annals-field">
                    <label for={field_id("summary")}>{ l.t(Msg::FieldSummary) }</label>
                    <textarea id={field_id("summary")} rows="4" value={fields.summary.clone()} data-field="summary"
                        aria-invalid={invalid("summary")} aria-describedby={described("summary")} oninput={on_summary} />
                    <p class="annals-field-hint">{ l.t(Msg::MarkdownHint) }</p>
                    { problem_list("summary") }
                    if !fields.summary.trim().is_empty() {
                        <div class="annals-preview" aria-label={l.t(Msg::SummaryPreview)} role="region">
                            <RichText source={AttrValue::from(fields.summary.clone())} />
                        </div>
                    }
                </div>
                <SourcesEditor sources={fields.sources.clone()} on_change={set_sources} />
                { problem_list("sources") }
                <RelatedPicker related={fields.related.clone()} own_id={props.id.clone()} lang={lang} on_change={set_related} />
                { problem_list("related") }
                { text_field("id", l.t(Msg::FieldId), &fields.id, html! {}, |f, v| f.id = v) }
                if *submitted && !problems.is_empty() {
                    <p class="annals-form-problems" role="alert">
                        { l.t(Msg::NotSaved) }
                    </p>
                }
                <div class="annals-form-actions">
                    <button type="submit" class="annals-button annals-primary" data-edit-save="">{ l.t(Msg::Save) }</button>
                    <button type="button" class="annals-button" onclick={close.reform(|_: MouseEvent| ())}>{ l.t(Msg::Cancel) }</button>
                    if let Some(delete) = delete {
                        <button type="button" class="annals-button annals-danger" data-edit-delete="" onclick={delete}>{ l.t(Msg::DeleteThisEvent) }</button>
                    }
                </div>
            </form>
        </section>
    }
}

/// Opens the form for an existing event: the card's Edit button.
pub(crate) fn edit_event(id: &str) -> Action {
    Action::Edit(EditAction::ShowPanel(Some(Panel::Event(id.to_owned()))))
}
