//! Files in the formats the app's own module leaves out (TimelineJS3 JSON,
//! spreadsheets as CSV, the plain text format), read by annals' *import
//! module*, a second, smaller wasm module that a page loads only when such a
//! file arrives.
//!
//! The import module is this crate built with the `importers` feature
//! (`src/bin/annals_import.rs`). It reads the file with [`parse_any`] and
//! answers with [`convert`]: the dataset as native JSON, and its problems
//! written out in every language of the interface, since a problem's
//! location and message are types of this crate, not data. The app's module,
//! built without the feature, has the browser layer register the import
//! module with [`set_reader`]; `read` then turns its answer back into a
//! [`Loaded`] or the problems ([`read_converted`]), exactly as reading the
//! file here would have. The module writes the spreadsheet (CSV) and plain
//! text exports too ([`export`]), from the dataset as native JSON. Knows
//! nothing of the browser: how the module is fetched and called is
//! `browser::importer`'s.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;

use super::parse::Location;
use super::{parse_any, Loaded, Message, Problem, ProblemKind};
#[cfg(feature = "importers")]
use crate::i18n::Locale;
use crate::i18n::Msg;

/// How a build without the `importers` feature reads a file in another format.
type ForeignReader = Rc<dyn Fn(&str) -> Result<Loaded, Vec<Problem>>>;

thread_local! {
    static READER: RefCell<Option<ForeignReader>> = const { RefCell::new(None) };
}

/// Says how files in the formats this build leaves out are read from now on:
/// through the import module once it has loaded, or with the problem that
/// says why it could not be ([`unavailable`]).
pub fn set_reader(read: impl Fn(&str) -> Result<Loaded, Vec<Problem>> + 'static) {
    READER.with(|reader| *reader.borrow_mut() = Some(Rc::new(read)));
}

/// Reads `text`, a file in a format this build leaves out, through the reader
/// registered with [`set_reader`]; without one, the problem that says the
/// page does not offer the import module.
#[cfg_attr(feature = "importers", allow(dead_code))]
pub(crate) fn read(text: &str) -> Result<Loaded, Vec<Problem>> {
    let reader = READER.with(|reader| reader.borrow().clone());
    match reader {
        Some(read) => read(text),
        None => Err(vec![unavailable(Message::new(Msg::PImportModuleAbsent))]),
    }
}

/// The problem of a file that needs the import module when it cannot be had,
/// and `reason` why (the module's fetch failed, or the page has none).
pub fn unavailable(reason: Message) -> Problem {
    Problem::error(
        Location::File,
        Message::new(Msg::PImportModule).with_message("reason", reason),
    )
}

/// What the import module answers for a file's `text`: the dataset as
/// native JSON (`null` when nothing loaded), and every problem with its
/// location and message written in each language of [`Locale::all`].
///
/// ```json
/// {"dataset": "{\"title\": …}", "problems": [{"error": true, "location": ["row 5", "5行目"], "message": ["…", "…"]}]}
/// ```
#[cfg(feature = "importers")]
pub fn convert(text: &str) -> String {
    let (dataset, problems) = match parse_any(text) {
        Ok(loaded) => (
            Value::String(super::to_native_json(&loaded.dataset)),
            loaded.problems,
        ),
        Err(problems) => (Value::Null, problems),
    };
    let in_each = |write: &dyn Fn(Locale) -> String| -> Value {
        Value::Array(Locale::all().map(|l| Value::String(write(l))).collect())
    };
    let problems = problems
        .iter()
        .map(|p| {
            let mut entry = serde_json::Map::new();
            entry.insert("error".into(), Value::Bool(p.kind == ProblemKind::Error));
            entry.insert("location".into(), in_each(&|l| p.location.text_in(l)));
            entry.insert("message".into(), in_each(&|l| p.message.text_in(l)));
            Value::Object(entry)
        })
        .collect();
    let mut answer = serde_json::Map::new();
    answer.insert("dataset".into(), dataset);
    answer.insert("problems".into(), Value::Array(problems));
    Value::Object(answer).to_string()
}

/// The export of the dataset `json` (native JSON, as [`super::to_native_json`]
/// writes it) as a spreadsheet (`"csv"`) or in the plain text format
/// (`"text"`): what the import module writes for a build without those
/// writers. `None` for another format, or JSON that is not a dataset.
#[cfg(feature = "importers")]
pub fn export(json: &str, format: &str) -> Option<String> {
    let dataset = parse_any(json).ok()?.dataset;
    match format {
        "csv" => Some(super::to_csv(&dataset)),
        "text" => Some(super::to_text(&dataset)),
        _ => None,
    }
}

/// The result of reading a file, from the import module's answer
/// ([`convert`]): its dataset read as native JSON, with the module's
/// problems first; an answer that is not one (a module of another version)
/// is a problem too, never a panic.
pub fn read_converted(answer: &str) -> Result<Loaded, Vec<Problem>> {
    let garbled = || {
        vec![unavailable(Message::written(Box::from([String::from(
            "its answer could not be read",
        )])))]
    };
    let Ok(Value::Object(answer)) = serde_json::from_str::<Value>(answer) else {
        return Err(garbled());
    };
    let texts = |value: Option<&Value>| -> Option<Box<[String]>> {
        value?
            .as_array()?
            .iter()
            .map(|t| t.as_str().map(str::to_owned))
            .collect()
    };
    let mut problems = Vec::new();
    for entry in answer
        .get("problems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (Some(location), Some(message)) =
            (texts(entry.get("location")), texts(entry.get("message")))
        else {
            return Err(garbled());
        };
        let kind = if entry.get("error").and_then(Value::as_bool).unwrap_or(true) {
            ProblemKind::Error
        } else {
            ProblemKind::Warning
        };
        problems.push(Problem {
            kind,
            location: Location::Written(location),
            message: Message::written(message),
        });
    }
    match answer.get("dataset") {
        Some(Value::String(json)) => match parse_any(json) {
            Ok(mut loaded) => {
                problems.append(&mut loaded.problems);
                loaded.problems = problems;
                Ok(loaded)
            }
            Err(mut more) => {
                problems.append(&mut more);
                Err(problems)
            }
        },
        Some(Value::Null) if !problems.is_empty() => Err(problems),
        _ => Err(garbled()),
    }
}

#[cfg(all(test, feature = "importers"))]
mod tests {
    use super::*;

    /// What each problem reads as in every language.
    fn texts(problems: &[Problem]) -> Vec<Vec<String>> {
        problems
            .iter()
            .map(|p| Locale::all().map(|l| p.text_in(l)).collect())
            .collect()
    }

    fn same_as_reading_here(text: &str) {
        let here = parse_any(text);
        let there = read_converted(&convert(text));
        match (here, there) {
            (Ok(here), Ok(there)) => {
                assert_eq!(here.dataset, there.dataset);
                assert_eq!(texts(&here.problems), texts(&there.problems));
                for (a, b) in here.problems.iter().zip(&there.problems) {
                    assert_eq!(a.kind, b.kind);
                }
            }
            (Err(here), Err(there)) => assert_eq!(texts(&here), texts(&there)),
            (here, there) => panic!("read here: {here:?}\nthrough the module: {there:?}"),
        }
    }

    #[test]
    fn every_format_reads_the_same_through_the_import_module() {
        for text in [
            include_str!("../../tests/fixtures/timelinejs.json"),
            include_str!("../../tests/fixtures/timelinejs-sheet.csv"),
            include_str!("../../tests/fixtures/sample.txt"),
            crate::model::DEFAULT_DATASET_JSON,
        ] {
            same_as_reading_here(text);
        }
    }

    #[test]
    fn exports_written_by_the_module_equal_those_written_here() {
        for text in [
            crate::model::DEFAULT_DATASET_JSON,
            include_str!("../../tests/fixtures/timelinejs.json"),
            include_str!("../../tests/fixtures/sample.txt"),
        ] {
            let dataset = parse_any(text).unwrap().dataset;
            let json = crate::model::to_native_json(&dataset);
            assert_eq!(export(&json, "csv"), Some(crate::model::to_csv(&dataset)));
            assert_eq!(export(&json, "text"), Some(crate::model::to_text(&dataset)));
        }
        assert_eq!(export("{", "csv"), None);
        assert_eq!(export(crate::model::DEFAULT_DATASET_JSON, "svg"), None);
    }

    #[test]
    fn problems_keep_their_words_in_each_language() {
        // A sheet with a bad date (an error for its row) and a file that is
        // no dataset at all.
        let sheet = "Year,Month,Day,Headline\n2000,1,1,Fine\nyesterday,,,Bad\n";
        same_as_reading_here(sheet);
        let loaded = read_converted(&convert(sheet)).unwrap();
        assert!(!loaded.problems.is_empty());
        let ja = Locale::find("ja").unwrap();
        let problem = &loaded.problems[0];
        assert_ne!(problem.text_in(ja), problem.text_in(Locale::ENGLISH));
        same_as_reading_here("title: nothing else\n");
        same_as_reading_here("{\"title\": {\"text\": {\"headline\": \"No events\"}}}");
    }

    #[test]
    fn a_garbled_answer_is_a_problem_not_a_panic() {
        for answer in [
            "",
            "[]",
            "{\"dataset\": 3}",
            "{\"problems\": [{}]}",
            "{\"dataset\": null, \"problems\": []}",
        ] {
            let problems = read_converted(answer).unwrap_err();
            assert_eq!(problems.len(), 1);
            assert!(problems[0].message.contains("import module"), "{answer}");
        }
    }

    #[test]
    fn without_a_registered_reader_the_page_is_said_not_to_offer_it() {
        let problems = read("Year,Headline\n2000,A\n").unwrap_err();
        assert!(problems[0].message.contains("does not offer it"));
        set_reader(|text| read_converted(&convert(text)));
        assert!(read("Year,Headline\n2000,A\n").is_ok());
    }
}
