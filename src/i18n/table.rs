//! Reading a message table: the small subset of TOML the language files are
//! written in, and the placeholders a message uses.
//!
//! `build.rs` includes this file to turn `src/i18n/*.toml` into Rust, and the
//! crate's tests read the files with it again, so the build and the tests
//! agree on what a file says.

/// One message: its key, its text, and the line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The key, in snake case: `zoom_in`.
    pub key: String,
    /// The text, with `{name}` placeholders.
    pub text: String,
    /// The line of the file it is on, from 1.
    pub line: usize,
}

/// Reads a table: one `key = "text"` a line, `#` comments and blank lines
/// between. A key is lower-case ASCII letters, digits and `_`; the text is a
/// TOML basic string (escapes `\"`, `\\`, `\n`, `\t`, `\uXXXX`). Every key
/// appears once. The error names the line and what was expected.
pub fn parse(source: &str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    for (n, raw) in source.lines().enumerate() {
        let line = n + 1;
        let text = raw.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let (key, value) = text
            .split_once('=')
            .ok_or_else(|| format!("line {line}: expected `key = \"text\"`"))?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            || !key.as_bytes()[0].is_ascii_lowercase()
        {
            return Err(format!(
                "line {line}: the key `{key}` should be lower-case letters, digits and `_`, starting with a letter"
            ));
        }
        if entries.iter().any(|e| e.key == key) {
            return Err(format!("line {line}: the key `{key}` is given twice"));
        }
        let text = string(value.trim()).map_err(|why| format!("line {line}: {why}"))?;
        entries.push(Entry {
            key: key.to_owned(),
            text,
            line,
        });
    }
    Ok(entries)
}

/// A TOML basic string, quotes included, with nothing but a comment after it.
fn string(value: &str) -> Result<String, String> {
    let body = value
        .strip_prefix('"')
        .ok_or("the text should be in double quotes")?;
    let mut out = String::new();
    let mut chars = body.chars();
    loop {
        match chars.next() {
            None => return Err("the text has no closing quote".into()),
            Some('"') => break,
            Some('\\') => match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16)
                        .ok()
                        .filter(|_| hex.len() == 4)
                        .and_then(char::from_u32)
                        .ok_or_else(|| {
                            format!("`\\u{hex}` is not a character; write \\u and four hex digits")
                        })?;
                    out.push(code);
                }
                other => {
                    return Err(format!(
                        "`\\{}` is not an escape; use \\\", \\\\, \\n, \\t or \\uXXXX",
                        other.map(String::from).unwrap_or_default()
                    ))
                }
            },
            Some(c) => out.push(c),
        }
    }
    let rest = chars.as_str().trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return Err(format!("unexpected `{rest}` after the text"));
    }
    Ok(out)
}

/// The names of a text's `{name}` placeholders, sorted, each once.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        names.push(rest[..close].to_owned());
        rest = &rest[close + 1..];
    }
    names.sort();
    names.dedup();
    names
}

/// Differences between a table and the reference (English) table: keys
/// missing, keys the reference does not have, and placeholders that differ.
/// Empty when the table is complete.
pub fn compare(reference: &[Entry], table: &[Entry], file: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for entry in reference {
        match table.iter().find(|e| e.key == entry.key) {
            None => problems.push(format!(
                "{file}: the key `{}` is missing (en.toml line {} has it)",
                entry.key, entry.line
            )),
            Some(other) if placeholders(&other.text) != placeholders(&entry.text) => {
                problems.push(format!(
                    "{file} line {}: `{}` uses the placeholders {:?}, but en.toml uses {:?}",
                    other.line,
                    entry.key,
                    placeholders(&other.text),
                    placeholders(&entry.text)
                ))
            }
            Some(_) => {}
        }
    }
    for entry in table {
        if !reference.iter().any(|e| e.key == entry.key) {
            problems.push(format!(
                "{file} line {}: the key `{}` is not in en.toml; add it there first",
                entry.line, entry.key
            ));
        }
    }
    problems
}

/// The Rust name of a key: `zoom_in` is `ZoomIn`.
pub fn variant(key: &str) -> String {
    key.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}
