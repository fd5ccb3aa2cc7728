//! The "Data" menu: open a file, paste text (and the paste panel), export.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{use_annals, use_ids, MenuButton, MenuItem};
use crate::browser::download::{download, download_png, file_stem, PngError};
use crate::browser::measure::{CanvasMeasure, FONT_FAMILY};
use crate::hooks::use_focus_on_mount;
use crate::hooks::Loader;
use crate::i18n::Msg;
use crate::layout::svg::{export_svg, export_width, SvgExport, SvgInput};
use crate::layout::Typeset;
use crate::model::to_native_json;
use crate::state::State;

/// A format the data can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    /// The native JSON format.
    Json,
    /// The TimelineJS spreadsheet as CSV.
    Csv,
    /// The plain text format (docs/text-format.md).
    Text,
    /// The whole timeline as an SVG drawing.
    Svg,
    /// The whole timeline as a PNG picture.
    Png,
}

impl ExportFormat {
    /// The file name extension, without the dot.
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Text => "txt",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
        }
    }

    /// The media type the download is offered with.
    fn mime(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv",
            ExportFormat::Text => "text/plain",
            ExportFormat::Svg => "image/svg+xml",
            ExportFormat::Png => "image/png",
        }
    }
}

/// The whole timeline as the filters show it, with the open event's
/// arrows, measured and set in the app's font.
fn whole_timeline(state: &State) -> SvgExport {
    let measure = CanvasMeasure::for_element(None);
    let input = SvgInput {
        dataset: &state.dataset,
        shown: &state.visible,
        index: &state.index,
        open: state.open,
        text: Typeset {
            measure: &measure,
            lang: &state.lang,
        },
        font_family: FONT_FAMILY,
        locale: state.locale(),
    };
    export_svg(input, export_width(input))
}

/// Offers `contents` as the download `name`; once it is, leaving the page
/// no longer needs to ask; if it cannot be, `problem` says so.
fn finish(
    state: &super::StateHandle,
    problem: &UseStateHandle<Option<Msg>>,
    name: &str,
    format: ExportFormat,
    contents: &str,
) {
    match download(name, format.mime(), contents) {
        Ok(()) => state.dispatch(crate::state::Action::Edit(
            crate::editing::EditAction::Exported,
        )),
        Err(why) => {
            gloo::console::error!(format!("export failed: {why}"));
            problem.set(Some(Msg::ExportFailed));
        }
    }
}

/// The "Data" menu: open a file, paste data, the exports. Another entry is
/// one more [`MenuItem`] in `items`.
#[component]
pub fn DataMenu() -> Html {
    let state = use_annals();
    let loader = use_context::<Loader>().expect("DataMenu needs the Loader context from App");
    // Why the last export failed, shown in the page until dismissed or the
    // next export: a reader must never be left with silence.
    let problem = use_state_eq(|| None::<Msg>);
    let export = |format: ExportFormat| {
        let state = state.clone();
        let problem = problem.clone();
        Callback::from(move |()| {
            problem.set(None);
            let dataset = &state.dataset;
            let name = format!(
                "{}.{}",
                file_stem(dataset.title.default_text()),
                format.extension()
            );
            let contents = match format {
                ExportFormat::Json => to_native_json(dataset),
                ExportFormat::Svg => whole_timeline(&state).svg,
                // Written by the import module on a release page, fetched
                // the first time (browser::importer).
                ExportFormat::Csv | ExportFormat::Text => {
                    let state = state.clone();
                    let problem = problem.clone();
                    yew::platform::spawn_local(async move {
                        let kind = if format == ExportFormat::Csv {
                            "csv"
                        } else {
                            "text"
                        };
                        match crate::browser::importer::export(&state.dataset, kind).await {
                            Ok(contents) => finish(&state, &problem, &name, format, &contents),
                            Err(why) => {
                                gloo::console::error!(format!("export failed: {}", why.as_str()));
                                problem.set(Some(Msg::ExportNeedsModule));
                            }
                        }
                    });
                    return;
                }
                ExportFormat::Png => {
                    let picture = whole_timeline(&state);
                    let problem = problem.clone();
                    yew::platform::spawn_local(async move {
                        let done =
                            download_png(&name, &picture.svg, picture.width, picture.height).await;
                        match done {
                            Ok(()) => {}
                            Err(PngError::ImageBlocked) => {
                                problem.set(Some(Msg::ExportPngBlocked));
                            }
                            Err(PngError::Failed(why)) => {
                                gloo::console::error!(format!("export failed: {why}"));
                                problem.set(Some(Msg::ExportFailed));
                            }
                        }
                    });
                    return;
                }
            };
            finish(&state, &problem, &name, format, &contents);
        })
    };
    let pasting = use_state(|| false);
    let file_input = use_node_ref();
    let onchange = {
        let loader = loader.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                loader.open_file.emit(file);
            }
            // Choosing the same file again should load it again.
            input.set_value("");
        })
    };
    let open_file = {
        let file_input = file_input.clone();
        Callback::from(move |()| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let paste = {
        let pasting = pasting.clone();
        Callback::from(move |()| pasting.set(true))
    };
    let close = {
        let pasting = pasting.clone();
        Callback::from(move |()| pasting.set(false))
    };
    let dismiss = {
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| problem.set(None))
    };
    let l = state.locale();
    let items = vec![
        MenuItem::new(l.t(Msg::OpenFile), open_file),
        MenuItem::new(l.t(Msg::PasteData), paste),
        MenuItem::new(l.t(Msg::ExportJson), export(ExportFormat::Json)),
        MenuItem::new(l.t(Msg::ExportCsv), export(ExportFormat::Csv)),
        MenuItem::new(l.t(Msg::ExportText), export(ExportFormat::Text)),
        MenuItem::new(l.t(Msg::ExportSvg), export(ExportFormat::Svg)),
        MenuItem::new(l.t(Msg::ExportPng), export(ExportFormat::Png)),
    ];
    html! {
        <>
            <MenuButton label={l.t(Msg::DataGroup)} name="data" {items} />
            // Out of sight and out of the tab order: the menu's first item opens it.
            <input type="file" ref={file_input} hidden=true accept=".json,.csv,.txt,application/json,text/csv,text/plain" {onchange} />
            if *pasting {
                <PastePanel on_load={loader.open_text.clone()} on_close={close} />
            }
            if let Some(message) = *problem {
                <div class="annals-export-problem" role="alert">
                    <p>{ l.t(message) }</p>
                    <button type="button" class="annals-button" onclick={dismiss}>{ l.t(Msg::Dismiss) }</button>
                </div>
            }
        </>
    }
}

/// Props of [`PastePanel`].
#[derive(Properties, PartialEq)]
pub struct PastePanelProps {
    /// Called with the pasted text when the reader asks to load it.
    pub on_load: Callback<String>,
    /// Called when the panel should close.
    pub on_close: Callback<()>,
}

/// A text area for pasting JSON or CSV.
#[component]
pub fn PastePanel(props: &PastePanelProps) -> Html {
    let text_id = use_ids().id("paste-text");
    let area = use_node_ref();
    use_focus_on_mount(area.clone());
    let load = {
        let area = area.clone();
        let on_load = props.on_load.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                on_load.emit(area.value());
                on_close.emit(());
            }
        })
    };
    let cancel = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = super::close_on_escape(props.on_close.clone());
    let l = use_annals().locale();
    html! {
        <section class="annals-paste" aria-label={l.t(Msg::PasteLabel)} {onkeydown}>
            <label for={text_id.clone()}>{ l.t(Msg::PastePrompt) }</label>
            <textarea id={text_id} ref={area} rows="8" spellcheck="false" />
            <div class="annals-paste-actions">
                <button type="button" class="annals-button annals-primary" onclick={load}>{ l.t(Msg::Load) }</button>
                <button type="button" class="annals-button" onclick={cancel}>{ l.t(Msg::Cancel) }</button>
            </div>
        </section>
    }
}
