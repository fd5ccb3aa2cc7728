//! An example yew app that hosts the annals timeline as one of its
//! components, with its own data, and shows which event the reader selected.

use std::rc::Rc;

use annals::model::{parse_dataset, Dataset};
use annals::{Theme, Timeline};
use yew::prelude::*;

/// The host app's own data, in annals' JSON format.
const CAPITALS: &str = r#"{
  "title": "Capitals of Japan",
  "events": [
    {"id": "nara", "title": "Nara becomes the capital", "start": "710", "lane": "Capital"},
    {"id": "heian", "title": "Heian-kyō becomes the capital", "start": "794", "lane": "Capital"},
    {"id": "tokyo", "title": "Edo, renamed Tokyo, becomes the capital", "start": "1869", "lane": "Capital"}
  ]
}"#;

/// The host page: a heading, the selection, and the timeline.
#[component]
fn Host() -> Html {
    let dataset = use_memo((), |_| -> Rc<Dataset> {
        Rc::new(
            parse_dataset(CAPITALS)
                .expect("the example's data is valid")
                .dataset,
        )
    });
    let selected = use_state(|| None::<String>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |id: Option<String>| selected.set(id))
    };
    html! {
        <main>
            <h1>{ "A yew app with an annals timeline" }</h1>
            <p id="selected">{ format!("Selected: {}", selected.as_deref().unwrap_or("nothing")) }</p>
            <Timeline dataset={(*dataset).clone()} theme={Theme::Light} {on_select} />
        </main>
    }
}

fn main() {
    yew::Renderer::<Host>::new().render();
}
