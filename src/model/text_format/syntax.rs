//! The small pieces of the plain text format that the reader and the writer
//! must agree on: which lines are fields, tags or lanes, and how values are
//! quoted and split (the date forms are in `dates`). The writer escapes a
//! line exactly when [`classify`] would read it as something other than
//! text, so the two cannot drift apart.

/// The keys of an event's field lines (`id: treaty-1960`).
pub(super) const EVENT_KEYS: &[&str] = &[
    "id",
    "status",
    "importance",
    "actors",
    "related",
    "source",
    "media",
    "display",
    "summary",
];
/// The event texts that take translations (`title.ja: 条約調印`).
pub(super) const EVENT_TRANSLATED: &[&str] = &["title", "summary", "display"];
/// The keys of an era's field lines.
pub(super) const ERA_KEYS: &[&str] = &["id"];
/// The era texts that take translations.
pub(super) const ERA_TRANSLATED: &[&str] = &["title"];
/// The keys of the header's lines, at the start of a line.
pub(super) const HEADER_KEYS: &[&str] = &[
    "title",
    "description",
    "language",
    "author",
    "license",
    "source",
    "era",
];
/// The header texts that take translations.
pub(super) const HEADER_TRANSLATED: &[&str] = &["title", "description"];

/// What one line of a block (after its indentation) is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// Empty, or only white space.
    Blank,
    /// `// …`, ignored.
    Comment,
    /// `key: value` or `key.lang: value`; `at` is the value's byte offset.
    Field {
        /// The key, one of the block's keys.
        key: &'a str,
        /// The language of a translation.
        lang: Option<&'a str>,
        /// The value as written (untrimmed).
        value: &'a str,
        /// Byte offset of `value` in the line.
        at: usize,
    },
    /// `#tag #"two words"`: every token a tag.
    Tags,
    /// `@lane` alone on its line.
    Lane,
    /// `\…`: text, whatever it looks like; the backslash is dropped.
    Escaped,
    /// Summary or description text.
    Text,
}

/// Which lines a block reads as fields: an event's, an era's, or none (the
/// lines under `description:`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Keys {
    /// Keys without a language.
    pub plain: &'static [&'static str],
    /// Keys that take `.lang`.
    pub translated: &'static [&'static str],
    /// Whether `#tag` and `@lane` lines mean something.
    pub marks: bool,
}

/// The keys of an event's lines.
pub(super) const EVENT: Keys = Keys {
    plain: EVENT_KEYS,
    translated: EVENT_TRANSLATED,
    marks: true,
};
/// The keys of an era's lines.
pub(super) const ERA: Keys = Keys {
    plain: ERA_KEYS,
    translated: ERA_TRANSLATED,
    marks: false,
};
/// The lines under a lane or theme: translated labels.
pub(super) const LABEL: Keys = Keys {
    plain: &[],
    translated: &["label"],
    marks: false,
};
/// Lines that are only text (a description's).
pub(super) const TEXT_ONLY: Keys = Keys {
    plain: &[],
    translated: &[],
    marks: false,
};

/// Reads what a line is. A line that starts with white space (deeper than
/// its block) is always text.
pub(super) fn classify<'a>(line: &'a str, keys: Keys) -> Line<'a> {
    if line.trim().is_empty() {
        return Line::Blank;
    }
    if line.starts_with("//") {
        return Line::Comment;
    }
    if line.starts_with('\\') {
        return Line::Escaped;
    }
    if line.starts_with(char::is_whitespace) {
        return Line::Text;
    }
    if let Some((key, lang, at)) = field_key(line, keys.plain, keys.translated) {
        return Line::Field {
            key,
            lang,
            value: &line[at..],
            at,
        };
    }
    if keys.marks {
        if line.starts_with('#') && marks(line, '#').is_some() {
            return Line::Tags;
        }
        if line.starts_with('@') && marks(line, '@').is_some_and(|m| m.len() == 1) {
            return Line::Lane;
        }
    }
    Line::Text
}

/// `key:` or `key.lang:` at the start of `line`, with `key` among `plain`
/// (no language) or `translated` (language required for these only when
/// they are not also in `plain`). Returns the key, the language and the
/// byte offset just after the colon.
pub(super) fn field_key<'a>(
    line: &'a str,
    plain: &[&str],
    translated: &[&str],
) -> Option<(&'a str, Option<&'a str>, usize)> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let after = &line[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let (key, lang) = match name.split_once('.') {
        Some((key, lang)) => (key, Some(lang)),
        None => (name, None),
    };
    let known = match lang {
        None => plain.contains(&key),
        Some(lang) => translated.contains(&key) && is_language_tag(lang),
    };
    known.then_some((key, lang, colon + 1))
}

/// `ja`, `pt-BR`, `zh_Hant`: letters, digits, `-` and `_`, starting with a letter.
fn is_language_tag(tag: &str) -> bool {
    tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.len() <= 35
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The tokens of a line made only of `sigil`-marks (`#a #"b c"`), each with
/// its byte offset; `None` when anything else is on the line.
pub(super) fn marks(line: &str, sigil: char) -> Option<Vec<(String, usize)>> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return Some(out);
        }
        at += rest.len() - trimmed.len();
        let body = trimmed.strip_prefix(sigil)?;
        let start = at;
        at += sigil.len_utf8();
        let (value, used) = match json_string(body) {
            Some((value, used)) if body[used..].chars().next().is_none_or(char::is_whitespace) => {
                (value, used)
            }
            _ => {
                let used = body.find(char::is_whitespace).unwrap_or(body.len());
                (body[..used].to_owned(), used)
            }
        };
        if used == 0 {
            return None;
        }
        out.push((value, start));
        at += used;
    }
}

/// The JSON string literal at the start of `text`, decoded, and how many
/// bytes it takes; `None` when `text` does not start with a valid one.
pub(super) fn json_string(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => {
                let value = serde_json::from_str::<String>(&text[..=i]).ok()?;
                return Some((value, i + 1));
            }
            _ => i += 1,
        }
    }
    None
}

/// A value as written: trimmed, and unquoted when the whole of it is a JSON
/// string (`"  starts with spaces"`); anything else is taken as it is.
pub(super) fn read_value(raw: &str) -> String {
    let trimmed = raw.trim();
    match json_string(trimmed) {
        Some((value, used)) if used == trimmed.len() => value,
        _ => trimmed.to_owned(),
    }
}

/// Splits `text` at `separator` (`" | "` or `","`), returning each part and
/// its byte offset. A part whose value (after `key:` in a `keyed` part other
/// than the first) is a JSON string may hold the separator inside the quotes.
pub(super) fn split_parts<'a>(
    text: &'a str,
    separator: &str,
    keyed: bool,
) -> Vec<(usize, &'a str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    loop {
        let rest = &text[start..];
        let mut value = start + (rest.len() - rest.trim_start().len());
        if keyed && !parts.is_empty() {
            if let Some(colon) = part_key(&text[value..]) {
                let after = &text[value + colon..];
                value += colon + (after.len() - after.trim_start().len());
            }
        }
        let search = value + json_string(&text[value..]).map_or(0, |(_, used)| used);
        match text[search..].find(separator) {
            Some(found) => {
                parts.push((start, &text[start..search + found]));
                start = search + found + separator.len();
            }
            None => {
                parts.push((start, &text[start..]));
                return parts;
            }
        }
    }
}

/// The length of `key:` or `key.lang:` at the start of a part, through the colon.
pub(super) fn part_key(part: &str) -> Option<usize> {
    let colon = part.find(':')?;
    let name = &part[..colon];
    let (key, lang) = name.split_once('.').unwrap_or((name, "a"));
    let ok =
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase()) && is_language_tag(lang);
    ok.then_some(colon + 1)
}

/// `value` as the writer puts it: plain when the reader gives it back as
/// it is, otherwise as a JSON string. `delimiter` is what may not appear
/// in a plain value where it is written.
pub(super) fn quote(value: &str, delimiter: Delimiter) -> String {
    let risky = value.is_empty()
        || value.starts_with('"')
        || value.trim() != value
        || value.contains(['\n', '\r'])
        || match delimiter {
            Delimiter::None => false,
            Delimiter::Pipe => value.contains('|'),
            Delimiter::Comma => value.contains(','),
            Delimiter::Mark => value.contains(char::is_whitespace) || value.ends_with(':'),
        };
    if risky {
        serde_json::to_string(value).unwrap_or_default()
    } else {
        value.to_owned()
    }
}

/// Where a value is written, and so which character would end it early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Delimiter {
    /// The rest of the line.
    None,
    /// A part of `source:` or `media:`, ended by ` | `.
    Pipe,
    /// An item of a list, ended by `,`.
    Comma,
    /// A `#tag` or `@lane`, ended by white space.
    Mark,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lines_are_fields_marks_or_text() {
        let cases = [
            ("id: treaty", "field id"),
            ("title.ja: 条約", "field title"),
            ("title: not an event field", "text"),
            ("summary.x y: no", "text"),
            ("status:planned", "text"),
            ("status:", "field status"),
            ("#treaty #\"missile threat\"", "tags"),
            ("#1 priority", "text"),
            ("# heading", "text"),
            ("@alliance", "lane"),
            ("@someone said", "text"),
            ("// note", "comment"),
            ("\\id: text", "escaped"),
            ("  id: deeper", "text"),
            ("   ", "blank"),
            ("Plain text: with a colon", "text"),
        ];
        for (line, expected) in cases {
            let got = match classify(line, EVENT) {
                Line::Blank => "blank".to_owned(),
                Line::Comment => "comment".to_owned(),
                Line::Field { key, .. } => format!("field {key}"),
                Line::Tags => "tags".to_owned(),
                Line::Lane => "lane".to_owned(),
                Line::Escaped => "escaped".to_owned(),
                Line::Text => "text".to_owned(),
            };
            assert_eq!(got, expected, "{line:?}");
        }
        assert_eq!(classify("#treaty", ERA), Line::Text, "eras have no tags");
    }

    #[test]
    fn marks_and_parts_keep_quoted_separators() {
        assert_eq!(
            marks("#treaty  #\"missile threat\"", '#'),
            Some(vec![("treaty".into(), 0), ("missile threat".into(), 9)])
        );
        assert_eq!(marks("#a b", '#'), None);
        assert_eq!(marks("#\"open", '#'), Some(vec![("\"open".into(), 0)]));
        let parts: Vec<_> = split_parts("A | B | note: \"x | y\" | url: z", " | ", true)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        assert_eq!(parts, ["A", "B", "note: \"x | y\"", "url: z"]);
        let items: Vec<_> = split_parts("a, \"b, c\" ,d", ",", false)
            .into_iter()
            .map(|(at, p)| (at, read_value(p)))
            .collect();
        assert_eq!(
            items,
            [
                (0, "a".to_owned()),
                (2, "b, c".to_owned()),
                (11, "d".to_owned())
            ]
        );
        assert_eq!(read_value(" \"a\" and \"b\" "), "\"a\" and \"b\"");
        assert_eq!(read_value("\"  padded \""), "  padded ");
    }

    proptest! {
        #[test]
        fn quoted_values_read_back(value in "[ -~\n\"|,#@é]{0,12}", delimiter in 0usize..4) {
            let delimiter = [Delimiter::None, Delimiter::Pipe, Delimiter::Comma, Delimiter::Mark][delimiter];
            let written = quote(&value, delimiter);
            prop_assert_eq!(read_value(&written), value.clone());
            prop_assert!(!written.contains('\n'));
        }
    }
}
