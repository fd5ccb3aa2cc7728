//! Serde error forensics: which fields of an object are wrong, and JSON
//! syntax errors, as located problems.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::problem::{Location, Problem};
use crate::model::unknown_fields::{warn_unknown_in, Fields};

/// Reads an object of type `T`; on failure reports which fields are wrong, as
/// errors, and returns `None`.
pub(crate) fn read_strict<T: DeserializeOwned + Fields>(
    value: Value,
    minimal: &str,
    at: &Location,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    if !value.is_object() {
        problems.push(Problem::error(
            at.clone(),
            format!("expected an object, found {}", kind_of(&value)),
        ));
        return None;
    }
    // Read through a reference: a copy of the whole value for an event that
    // is most likely valid doubled the cost of every faulty one.
    match T::deserialize(&value) {
        Ok(t) => Some(t),
        Err(e) => {
            let Value::Object(map) = value else {
                return None;
            };
            let faults = faulty_fields::<T>(&map, minimal);
            if faults.is_empty() {
                let message = e.to_string();
                let at = match missing_field(&message) {
                    Some(name) => at.field(name),
                    None => at.clone(),
                };
                problems.push(Problem::error(at, message));
            }
            for (name, message) in faults {
                problems.push(Problem::error(at.field(&name), message));
            }
            // A typo is often why a required field is missing.
            warn_unknown_in::<T>(&map, at, problems);
            None
        }
    }
}

/// Reads an object of type `T`, dropping the fields that are wrong (each an
/// error) and keeping the rest. For the dataset header, where one bad field
/// should not cost every event.
pub(super) fn read_lenient<T: DeserializeOwned + Fields>(
    map: Map<String, Value>,
    minimal: &str,
    at: &Location,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    // Through a reference, as everywhere else, so that the wasm holds one
    // copy of the deserializers, not one per way of reading a value.
    let value = Value::Object(map);
    if let Ok(t) = T::deserialize(&value) {
        return Some(t);
    }
    let Value::Object(mut map) = value else {
        return None;
    };
    for (name, message) in faulty_fields::<T>(&map, minimal) {
        problems.push(Problem::error(
            at.field(&name),
            format!("{message}; the field was ignored"),
        ));
        map.remove(&name);
    }
    read_strict(Value::Object(map), minimal, at, problems)
}

/// Tries each field alone on top of a minimal valid object, to name the fields
/// that a deserialization error comes from.
fn faulty_fields<T: DeserializeOwned>(
    map: &Map<String, Value>,
    minimal: &str,
) -> Vec<(String, String)> {
    let Ok(mut probe @ Value::Object(_)) = serde_json::from_str::<Value>(minimal) else {
        return Vec::new();
    };
    // One probe object, each field put in and taken out again, rather than
    // a copy of the minimal object per field.
    let mut faults = Vec::new();
    for (name, value) in map {
        let Value::Object(fields) = &mut probe else {
            break;
        };
        let before = fields.insert(name.clone(), value.clone());
        if let Err(e) = T::deserialize(&probe) {
            faults.push((name.clone(), e.to_string()));
        }
        let Value::Object(fields) = &mut probe else {
            break;
        };
        match before {
            Some(before) => fields.insert(name.clone(), before),
            None => fields.remove(name),
        };
    }
    faults
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

pub(super) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn json_problem(e: &serde_json::Error) -> Problem {
    // serde_json appends " at line L column C" to its message; the location
    // gets its own field instead.
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    Problem::error(
        Location::Text {
            line: e.line(),
            column: e.column(),
        },
        message,
    )
}
