//! Serde error forensics: which fields of an object are wrong, and JSON
//! syntax errors, as located problems.

use std::cell::{Cell, RefCell};

use serde::de::value::MapDeserializer;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::problem::{Location, Message, Problem};
use crate::i18n::Msg;
use crate::model::unknown_fields::{warn_unknown_in, Fields};

/// Reads an object of type `T`; on failure reports which fields are wrong, as
/// errors, and returns `None`.
pub(crate) fn read_strict<T: DeserializeOwned + Fields>(
    value: Value,
    minimal: &'static str,
    at: &Location,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let Value::Object(map) = value else {
        problems.push(Problem::error(
            at.clone(),
            Message::new(Msg::PExpectedObject).with_message("found", kind_of(&value)),
        ));
        return None;
    };
    let Faults { fields, rest } = match read_fields::<T>(&map, minimal) {
        Ok(t) => return Some(t),
        Err(faults) => faults,
    };
    if fields.is_empty() {
        if let Some(e) = rest {
            let message = e.to_string();
            let at = match missing_field(&message) {
                Some(name) => at.field(name),
                None => at.clone(),
            };
            problems.push(Problem::error(at, serde_message(message)));
        }
    }
    for (name, message) in fields {
        problems.push(Problem::error(at.field(&name), serde_message(message)));
    }
    // A typo is often why a required field is missing.
    warn_unknown_in::<T>(&map, at, problems);
    None
}

/// Reads an object of type `T`, dropping the fields that are wrong (each an
/// error) and keeping the rest. For the dataset header, where one bad field
/// should not cost every event.
pub(super) fn read_lenient<T: DeserializeOwned + Fields>(
    mut map: Map<String, Value>,
    minimal: &'static str,
    at: &Location,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let fields = match read_fields::<T>(&map, minimal) {
        Ok(t) => return Some(t),
        Err(faults) => faults.fields,
    };
    for (name, message) in fields {
        problems.push(Problem::error(
            at.field(&name),
            Message::new(Msg::PFieldIgnored).with_message("message", serde_message(message)),
        ));
        map.remove(&name);
    }
    read_strict(Value::Object(map), minimal, at, problems)
}

/// Why an object did not read as its type.
struct Faults {
    /// Each field whose value is wrong, in the object's order, with what is
    /// wrong with it.
    fields: Vec<(String, String)>,
    /// What still stops the object once those fields are set aside, such as
    /// a missing field; `None` when nothing does.
    rest: Option<serde_json::Error>,
}

/// Reads `map` as a `T`, or names the fields whose values are wrong.
///
/// serde stops at the first wrong value, so the field being read when it
/// stopped is a wrong one. That field then takes its value from the minimal
/// valid object (or is left out when that has none) and the object is read
/// again, until it reads or fails outside any field's value. That is one read
/// per wrong field, plus one: trying every field of a faulty event on top of
/// the minimal object cost a read per field, which made a file of many
/// faulty events much slower to check than one of as many valid events.
fn read_fields<T: DeserializeOwned>(
    map: &Map<String, Value>,
    minimal: &'static str,
) -> Result<T, Faults> {
    // Each wrong field with its message and stand-in.
    let mut wrong: Vec<(&str, String, Option<Value>)> = Vec::new();
    loop {
        // The field being read, and whether every field has been read.
        let reading = Cell::new(None::<&str>);
        let past_end = Cell::new(false);
        let mut entries = map.iter().filter_map(|(name, value)| {
            match wrong.iter().find(|(wrong, _, _)| wrong == name) {
                Some((_, _, stand_in)) => Some((name.as_str(), stand_in.as_ref()?)),
                None => Some((name.as_str(), value)),
            }
        });
        let tracked = std::iter::from_fn(|| {
            let entry = entries.next();
            match entry {
                Some((name, _)) => reading.set(Some(name)),
                None => past_end.set(true),
            }
            entry
        });
        let read = T::deserialize(MapDeserializer::<_, serde_json::Error>::new(tracked));
        let rest = match read {
            Ok(t) if wrong.is_empty() => return Ok(t),
            Ok(_) => None,
            Err(error) => match reading.get().filter(|_| !past_end.get()) {
                // A stand-in that fails too would be read again and again.
                Some(name) if !wrong.iter().any(|(wrong, _, _)| *wrong == name) => {
                    wrong.push((name, error.to_string(), stand_in(minimal, name)));
                    continue;
                }
                _ => Some(error),
            },
        };
        let fields = wrong
            .into_iter()
            .map(|(name, message, _)| (name.to_owned(), message))
            .collect();
        return Err(Faults { fields, rest });
    }
}

/// The value of field `name` in the minimal object `minimal`. The objects are
/// parsed once, not once per faulty event.
fn stand_in(minimal: &'static str, name: &str) -> Option<Value> {
    thread_local! {
        static PARSED: RefCell<Vec<(&'static str, Map<String, Value>)>> =
            const { RefCell::new(Vec::new()) };
    }
    PARSED.with_borrow_mut(|parsed| {
        let index = match parsed.iter().position(|(text, _)| *text == minimal) {
            Some(index) => index,
            None => {
                parsed.push((minimal, serde_json::from_str(minimal).unwrap_or_default()));
                parsed.len() - 1
            }
        };
        parsed[index].1.get(name).cloned()
    })
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// What kind of JSON value `value` is: "a number".
pub(super) fn kind_of(value: &Value) -> Message {
    Message::new(match value {
        Value::Null => Msg::KindNull,
        Value::Bool(_) => Msg::KindBoolean,
        Value::Number(_) => Msg::KindNumber,
        Value::String(_) => Msg::KindString,
        Value::Array(_) => Msg::KindArray,
        Value::Object(_) => Msg::KindObject,
    })
}

/// serde's message for a field or object that did not read, keyed: a
/// missing field by its name, our own "expected text" message as itself, and
/// anything else (serde's own English, "invalid type: …") as a detail inside
/// a sentence of the reader's language.
fn serde_message(message: String) -> Message {
    if let Some(name) =
        missing_field(&message).filter(|n| message == format!("missing field `{n}`"))
    {
        return Message::new(Msg::PMissingField).with("field", name);
    }
    if message == crate::model::format::TEXT_EXPECTED {
        return Message::new(Msg::PTextExpected)
            .with("example", crate::model::format::TEXT_EXAMPLE);
    }
    Message::new(Msg::PInvalidValue).with("detail", message)
}

pub(crate) fn json_problem(e: &serde_json::Error) -> Problem {
    // serde_json appends " at line L column C" to its message; the location
    // gets its own field instead.
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    let message = Message::new(Msg::PJsonSyntax).with("detail", message);
    Problem::error(
        Location::Text {
            line: e.line(),
            column: e.column(),
        },
        message,
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    use super::super::problem::{Location, Part, Problem};
    use super::{read_lenient, read_strict, serde_message};
    use crate::model::format::{RawDataset, RawEvent, MINIMAL_DATASET, MINIMAL_EVENT};
    use crate::model::unknown_fields::{warn_unknown_in, Fields};

    /// The fields named the way they were before: each field alone on top of
    /// the minimal object, one read per field. What [`read_strict`] reports
    /// must not depend on how it finds the fields.
    fn probed<T: serde::de::DeserializeOwned + Fields>(
        map: &Map<String, Value>,
        minimal: &str,
        at: &Location,
    ) -> Vec<Problem> {
        let mut problems = Vec::new();
        let error = match T::deserialize(&Value::Object(map.clone())) {
            Ok(_) => return problems,
            Err(e) => e,
        };
        let base: Map<String, Value> = serde_json::from_str(minimal).unwrap();
        let faults: Vec<(String, String)> = map
            .iter()
            .filter_map(|(name, value)| {
                let mut probe = base.clone();
                probe.insert(name.clone(), value.clone());
                let e = T::deserialize(&Value::Object(probe)).err()?;
                Some((name.clone(), e.to_string()))
            })
            .collect();
        if faults.is_empty() {
            let message = error.to_string();
            let at = match super::missing_field(&message) {
                Some(name) => at.field(name),
                None => at.clone(),
            };
            problems.push(Problem::error(at, serde_message(message)));
        }
        for (name, message) in faults {
            problems.push(Problem::error(at.field(&name), serde_message(message)));
        }
        warn_unknown_in::<T>(map, at, &mut problems);
        problems
    }

    fn strict(json: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        let at = Location::part(Part::Events);
        let value = serde_json::from_str(json).unwrap();
        let read = read_strict::<RawEvent>(value, MINIMAL_EVENT, &at, &mut problems);
        assert_eq!(read.is_some(), problems.is_empty(), "{json}");
        problems
    }

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn every_wrong_field_is_named_and_a_missing_field_only_alone() {
        assert_eq!(
            messages(&strict(
                r#"{"id": 1, "title": "T", "circa": "yes", "start": "2000", "tags": "x"}"#
            )),
            [
                "error: events, field `circa`: invalid type: string \"yes\", expected a boolean",
                "error: events, field `id`: invalid type: integer `1`, expected a string",
                "error: events, field `tags`: invalid type: string \"x\", expected a sequence",
            ]
        );
        // The missing `start` is not reported next to the wrong `title`, as
        // before; alone, it is.
        assert_eq!(
            messages(&strict(r#"{"id": "a", "title": 5, "titel": "T"}"#)),
            [
                "error: events, field `title`: expected text: a string, or an object of language tag to string such as {\"en\": \"…\", \"ja\": \"…\"}",
                "warning: events, field `titel`: unknown field `titel` was ignored; did you mean `title`?",
            ]
        );
        assert_eq!(
            messages(&strict(r#"{"id": "a", "title": "T"}"#)),
            ["error: events, field `start`: missing field `start`"]
        );
        assert!(strict(r#"{"id": "a", "title": "T", "start": "2000", "x": 1}"#).is_empty());
    }

    #[test]
    fn the_header_keeps_its_good_fields() {
        let mut problems = Vec::new();
        let at = Location::part(Part::Dataset);
        let Ok(Value::Object(map)) = serde_json::from_str(
            r#"{"events": [], "title": 5, "author": "A", "language": ["en"], "license": "CC0"}"#,
        ) else {
            panic!("not an object");
        };
        let dataset = read_lenient::<RawDataset>(map, MINIMAL_DATASET, &at, &mut problems).unwrap();
        assert_eq!(dataset.author.as_deref(), Some("A"));
        assert_eq!(dataset.license.as_deref(), Some("CC0"));
        assert_eq!(
            messages(&problems),
            [
                "error: dataset, field `language`: invalid type: sequence, expected a string; the field was ignored",
                "error: dataset, field `title`: expected text: a string, or an object of language tag to string such as {\"en\": \"…\", \"ja\": \"…\"}; the field was ignored",
            ]
        );
    }

    /// A value for each field of an event, right or wrong, or no field.
    fn field(name: &'static str) -> impl Strategy<Value = Option<(&'static str, Value)>> {
        prop_oneof![
            Just(None),
            prop_oneof![
                Just(serde_json::json!("2000")),
                Just(serde_json::json!("not a date")),
                Just(serde_json::json!(5)),
                Just(serde_json::json!(300)),
                Just(serde_json::json!(true)),
                Just(Value::Null),
                Just(serde_json::json!(["a", "b"])),
                Just(serde_json::json!(["a", 1])),
                Just(serde_json::json!({"en": "E", "fr": "F"})),
                Just(serde_json::json!({"en": 1})),
                Just(serde_json::json!([{"url": "https://example.org/"}])),
                Just(serde_json::json!([{"url": 5}])),
                Just(serde_json::json!([{"title": "S", "date": 7}])),
            ]
            .prop_map(move |value| Some((name, value))),
        ]
    }

    proptest! {
        /// However many fields are wrong or missing, and whichever, the
        /// problems are those that trying each field alone on top of the
        /// minimal event finds.
        #[test]
        fn wrong_fields_are_those_that_fail_alone(fields in (
            (field("id"), field("title"), field("start"), field("end"), field("circa"), field("status")),
            (field("display_date"), field("lane"), field("actors"), field("summary"), field("media"), field("sources")),
            (field("related"), field("importance"), field("tags"), field("titel")),
        )) {
            let ((a, b, c, d, e, f), (g, h, i, j, k, l), (m, n, o, p)) = fields;
            let map: Map<String, Value> = [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]
                .into_iter()
                .flatten()
                .map(|(name, value)| (name.to_owned(), value))
                .collect();
            let at = Location::part(Part::Events);
            let expected = probed::<RawEvent>(&map, MINIMAL_EVENT, &at);
            let mut problems = Vec::new();
            let read = read_strict::<RawEvent>(Value::Object(map), MINIMAL_EVENT, &at, &mut problems);
            prop_assert_eq!(read.is_some(), expected.is_empty());
            prop_assert_eq!(problems, expected);
        }
    }
}
