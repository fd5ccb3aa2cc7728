//! Reading the plain text format: each top-level line with the indented
//! lines under it is one block (an event, an era, a header line or a lane).
//! The header, lanes and eras are read first, wherever they are in the file;
//! then each event goes to the shared checks ([`Assembler`]) as it is read,
//! so a large file never holds all its drafts at once. Every problem is
//! located by line and column.

use std::collections::{BTreeMap, HashSet};

use super::super::date::Date;
use super::super::markdown::safe_url;
use super::super::parse::{make_era, Assembler, Draft, Header, Location, Origin, DEFAULT_LANGUAGE};
use super::super::timelinejs::unique_slug;
use super::super::{Lane, Loaded, Media, Message, Problem, Source, Status, Text, Theme};
use crate::i18n::Msg;
mod event;
mod parts;

use super::dates::read_date;
use super::syntax::{
    classify, field_key, json_string, marks, part_key, read_value, split_parts, Line, ERA, EVENT,
    HEADER_KEYS, HEADER_TRANSLATED, LABEL, TEXT_ONLY,
};

/// Parses a dataset written in the plain text format (`docs/text-format.md`).
///
/// Returns `Err` with every problem when no event could be read; otherwise
/// the events that passed every check, and the problems of the others.
pub fn parse_text(text: &str) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(problem) = web_page(text) {
        return Err(vec![problem]);
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect();
    let language = lines
        .iter()
        .filter_map(|line| {
            field_key(line, &["language"], &[]).map(|(_, _, at)| read_value(&line[at..]))
        })
        .find(|language| !language.is_empty())
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned());
    let mut reader = Reader {
        header: Header {
            language: language.clone(),
            ..Header::default()
        },
        language,
        problems: Vec::new(),
        given: HashSet::new(),
    };
    let blocks = blocks(&lines, &mut reader.problems);
    // The header, lanes and eras first, wherever they are in the file, so
    // that the events can go straight to the checks one at a time.
    let mut events = Vec::new();
    for &(start, end) in &blocks {
        let body = body(&lines[start + 1..end], start + 2);
        if !reader.outside_events(start + 1, lines[start], &body) {
            events.push((start, end));
        }
    }
    // An event without an `id:` gets a slug of its title that no written id uses.
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|&(start, end)| written_id(&body(&lines[start + 1..end], start + 2)))
        .collect();
    let header = std::mem::take(&mut reader.header);
    let mut assembler = Assembler::new(header, std::mem::take(&mut reader.problems));
    assembler.reserve(events.len());
    for (start, end) in events {
        let body = body(&lines[start + 1..end], start + 2);
        let draft = reader.event(start + 1, lines[start], &body);
        assembler
            .language_and_problems()
            .1
            .append(&mut reader.problems);
        if let Some((mut draft, written)) = draft {
            if !written {
                draft.id = unique_slug(draft.title.default.trim(), &mut used);
            }
            assembler.add(draft);
        }
    }
    assembler.finish()
}

/// Each block's lines, as the index of its first line and the end of its
/// indented lines (trailing blank lines left out). An indented line with no
/// block above it gets a warning.
fn blocks(lines: &[&str], problems: &mut Vec<Problem>) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with("//") {
            i += 1;
            continue;
        }
        if is_indented(line) {
            problems.push(Problem::warning(
                at(i + 1, line, line.len() - trimmed.len()),
                Message::new(Msg::PTextStrayIndent),
            ));
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < lines.len() && (lines[end].trim().is_empty() || is_indented(lines[end])) {
            end += 1;
        }
        while end > i + 1 && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        blocks.push((i, end));
        i = end;
    }
    blocks
}

/// The id an event's first `id:` line gives, if it has one.
fn written_id(body: &[BodyLine]) -> Option<String> {
    body.iter()
        .find_map(|item| match classify(item.text, EVENT) {
            Line::Field {
                key: "id", value, ..
            } => Some(read_value(value)),
            _ => None,
        })
}

/// One line under a block, with its indentation taken off.
struct BodyLine<'a> {
    /// Line number, from 1.
    number: usize,
    /// The whole line, for columns.
    line: &'a str,
    /// Byte offset of `text` in `line`.
    offset: usize,
    /// The line without the block's indentation.
    text: &'a str,
}

impl BodyLine<'_> {
    /// The location of byte `byte` of `text`.
    fn at(&self, byte: usize) -> Location {
        at(self.number, self.line, self.offset + byte)
    }
}

fn is_indented(line: &str) -> bool {
    line.starts_with([' ', '\t'])
}

/// The lines under a block, each without the block's indentation: that of
/// its first non-blank line.
fn body<'a>(lines: &[&'a str], first_number: usize) -> Vec<BodyLine<'a>> {
    let indentation = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let block = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .map_or(0, |l| indentation(l));
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let offset = if line.trim().is_empty() {
                line.len()
            } else {
                indentation(line).min(block)
            };
            BodyLine {
                number: first_number + i,
                line,
                offset,
                text: &line[offset..],
            }
        })
        .collect()
}

/// Line `number` at byte `byte` of `line`, as line and column (from 1, in characters).
fn at(number: usize, line: &str, byte: usize) -> Location {
    let column = line
        .get(..byte)
        .map_or(1, |before| before.chars().count() + 1);
    Location::Text {
        line: number,
        column,
    }
}

/// An event's or era's first line, read.
struct Head {
    start: Date,
    end: Option<Date>,
    circa: bool,
    title: String,
    start_at: Location,
    end_at: Location,
    title_at: Location,
}

/// A text being read: the default language's, and translations.
#[derive(Default)]
struct Texts {
    default: Option<String>,
    translations: BTreeMap<String, String>,
}

impl Texts {
    fn text(self) -> Text {
        Text {
            default: self.default.unwrap_or_default(),
            translations: self.translations.into(),
        }
    }
}

struct Reader {
    /// The header, lanes and eras read so far.
    header: Header,
    /// The dataset's language (`language:`, read before the rest).
    language: String,
    /// Problems not yet handed to the checks.
    problems: Vec<Problem>,
    /// The header keys already given (with their language), to warn on repeats.
    given: HashSet<(String, String)>,
}

impl Reader {
    /// Reads a header line, a lane or an era; false for an event's block,
    /// which is left for later.
    fn outside_events(&mut self, number: usize, line: &str, body: &[BodyLine]) -> bool {
        if let Some((key, lang, value_at)) = field_key(line, HEADER_KEYS, HEADER_TRANSLATED) {
            self.header_line(number, line, key, lang, value_at, body);
            true
        } else if let Some(rest) = line.strip_prefix(['@', '#', '&']) {
            self.declaration(number, line, rest, body);
            true
        } else {
            false
        }
    }

    /// Warns that the indented lines under `key:` were ignored.
    fn ignore_body(&mut self, body: &[BodyLine], key: &str) {
        if let Some(first) = body
            .iter()
            .find(|b| !matches!(classify(b.text, TEXT_ONLY), Line::Blank | Line::Comment))
        {
            self.problems.push(Problem::warning(
                first.at(0),
                Message::new(Msg::PTextNoBody).with("key", key),
            ));
        }
    }

    fn header_line(
        &mut self,
        number: usize,
        line: &str,
        key: &str,
        lang: Option<&str>,
        value_at: usize,
        body: &[BodyLine],
    ) {
        let place = at(number, line, 0);
        let value = read_value(&line[value_at..]);
        let lang = lang.filter(|l| *l != self.language);
        if key == "era" {
            return self.era(number, line, value_at, body);
        }
        if key == "source" {
            self.ignore_body(body, "source");
            let source = self.source(number, line, value_at);
            self.header.sources.push(source);
            return;
        }
        if key != "description" {
            self.ignore_body(body, key);
        }
        let repeat = !self
            .given
            .insert((key.to_owned(), lang.unwrap_or_default().to_owned()));
        if repeat {
            self.problems.push(Problem::warning(
                place,
                Message::new(Msg::PTextGivenTwice).with("key", key),
            ));
            return;
        }
        let header = &mut self.header;
        match (key, lang) {
            ("title", None) => header.title.default = value,
            ("description", None) => {
                header.description.default = continued(value, body);
            }
            ("title" | "description", Some(lang)) => {
                let text = if key == "title" {
                    &mut header.title
                } else {
                    &mut header.description
                };
                let mut translations = text.translations.to_map();
                translations.insert(lang.to_owned(), continued(value, body));
                text.translations = translations.into();
            }
            ("author", _) => header.author = Some(value),
            ("license", _) => header.license = Some(value),
            // `language:` was read before the rest.
            _ => {}
        }
    }

    /// `@id: Label` (a lane), `#id: Label` (a theme) or `&id: Label` (an
    /// actor), or the id alone,
    /// where `rest` follows the sigil; translated labels (`label.ja: …`) on
    /// the lines under it.
    fn declaration(&mut self, number: usize, line: &str, rest: &str, body: &[BodyLine]) {
        let (what, sigil) = if line.starts_with('#') {
            (Msg::NounTheme, '#')
        } else if line.starts_with('&') {
            (Msg::NounActor, '&')
        } else {
            (Msg::NounLane, '@')
        };
        let (id, after) = match json_string(rest) {
            Some((id, used)) => (id, &rest[used..]),
            None => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                match rest[..end].strip_suffix(':') {
                    // The colon ends the id: `@alliance: U.S.–Japan alliance`.
                    Some(id) => (id.to_owned(), &rest[end - 1..]),
                    None => (rest[..end].to_owned(), &rest[end..]),
                }
            }
        };
        let after_trimmed = after.trim_start();
        let mut label = Texts::default();
        let mut malformed = false;
        if let Some(text) = after_trimmed.strip_prefix(':') {
            label.default = Some(read_value(text));
        } else if !after_trimmed.is_empty() {
            malformed = true;
            self.problems.push(Problem::error(
                at(number, line, line.len() - after_trimmed.len()),
                Message::new(Msg::PTextDeclarationForm)
                    .with("sigil", sigil)
                    .with_message("what", Message::new(what)),
            ));
        }
        for item in body {
            match classify(item.text, LABEL) {
                Line::Blank | Line::Comment => {}
                Line::Field {
                    lang: Some(lang),
                    value,
                    ..
                } => {
                    let value = read_value(value);
                    if lang == self.language {
                        label.default = Some(value);
                    } else {
                        label.translations.insert(lang.to_owned(), value);
                    }
                }
                _ => self.problems.push(Problem::warning(
                    item.at(0),
                    Message::new(Msg::PTextDeclarationLine)
                        .with_message("what", Message::new(what)),
                )),
            }
        }
        if malformed {
            return;
        }
        // A plain id holds no white space; a quoted one is taken as written.
        let place = at(number, line, 0);
        let ids: Vec<&str> = match sigil {
            '@' => self.header.lanes.iter().map(|l| l.id.as_str()).collect(),
            '&' => self.header.actors.iter().map(|a| a.id.as_str()).collect(),
            _ => self.header.themes.iter().map(|t| t.id.as_str()).collect(),
        };
        if id.trim().is_empty() {
            let without_id = match sigil {
                '@' => Msg::PLaneWithoutId,
                '&' => Msg::PActorWithoutId,
                _ => Msg::PThemeWithoutId,
            };
            self.problems
                .push(Problem::warning(place, Message::new(without_id)));
        } else if ids.contains(&id.as_str()) {
            let twice = match sigil {
                '@' => Msg::PLaneTwice,
                '&' => Msg::PActorTwice,
                _ => Msg::PThemeTwice,
            };
            self.problems
                .push(Problem::warning(place, Message::new(twice).with("id", &id)));
        } else {
            label.default.get_or_insert_with(|| id.clone());
            let label = label.text();
            match sigil {
                '@' => self.header.lanes.push(Lane { label, id }),
                '&' => self.header.actors.push(Theme { label, id }),
                _ => self.header.themes.push(Theme { label, id }),
            }
        }
    }

    /// Reads `DATE[ - END]: Title` from byte `from` of `line`.
    fn head(&mut self, number: usize, line: &str, from: usize) -> Option<Head> {
        let text = &line[from..];
        let split = text.find(": ").map(|colon| (colon, colon + 2)).or_else(|| {
            let trimmed = text.trim_end();
            trimmed
                .ends_with(':')
                .then(|| (trimmed.len() - 1, trimmed.len()))
        });
        let Some((colon, title_from)) = split else {
            self.problems.push(Problem::error(
                at(number, line, from),
                Message::new(Msg::PTextNotALine),
            ));
            return None;
        };
        let dates = &text[..colon];
        let (start_text, end_text) = match [" - ", " – ", " — "]
            .iter()
            .filter_map(|sep| dates.find(sep).map(|i| (i, sep.len())))
            .min()
        {
            Some((i, len)) => (&dates[..i], Some((i + len, &dates[i + len..]))),
            None => (dates, None),
        };
        let mut errors = Vec::new();
        let mut circa = false;
        let mut date = |offset: usize, written: &str| {
            let lead = written.len() - written.trim_start().len();
            let mut trimmed = written.trim();
            let mut place = at(number, line, from + offset + lead);
            if let Some(rest) = trimmed.strip_prefix('~') {
                circa = true;
                trimmed = rest.trim_start();
                place = at(
                    number,
                    line,
                    from + offset + lead + (written.trim().len() - trimmed.len()),
                );
            }
            let date = read_date(trimmed)
                .map_err(|e| errors.push(Problem::error(place.clone(), e.0)))
                .ok();
            (date, place)
        };
        let (start, start_at) = date(0, start_text);
        let (end, end_at) = match end_text {
            Some((offset, written)) => {
                let (end, place) = date(offset, written);
                (end.map(Some), place)
            }
            None => (Some(None), start_at.clone()),
        };
        let title_lead = text[title_from..].len() - text[title_from..].trim_start().len();
        let title_at = at(number, line, from + title_from + title_lead);
        match (start, end) {
            (Some(start), Some(end)) if errors.is_empty() => Some(Head {
                start,
                end,
                circa,
                title: read_value(&text[title_from..]),
                start_at,
                end_at,
                title_at,
            }),
            _ => {
                self.problems.extend(errors);
                None
            }
        }
    }

    fn era(&mut self, number: usize, line: &str, from: usize, body: &[BodyLine]) {
        let Some(head) = self.head(number, line, from) else {
            return;
        };
        if head.circa {
            self.problems.push(Problem::warning(
                head.start_at.clone(),
                Message::new(Msg::PTextEraCirca),
            ));
        }
        let mut id = None;
        let mut title = Texts {
            default: Some(head.title),
            ..Texts::default()
        };
        for item in body {
            match classify(item.text, ERA) {
                Line::Blank | Line::Comment => {}
                Line::Field {
                    key: "id", value, ..
                } => id = Some(read_value(value)),
                Line::Field {
                    lang: Some(lang),
                    value,
                    ..
                } if lang != self.language => {
                    title
                        .translations
                        .insert(lang.to_owned(), read_value(value));
                }
                _ => self.problems.push(Problem::warning(
                    item.at(0),
                    Message::new(Msg::PTextEraLine),
                )),
            }
        }
        let end = head.end.unwrap_or(head.start);
        if let Some(era) = make_era(
            id,
            title.text(),
            head.start,
            end,
            &head.end_at,
            &mut self.problems,
        ) {
            self.header.eras.push(era);
        }
    }
}

/// A header value and the lines under it (a description's paragraphs), as one text.
fn continued(value: String, body: &[BodyLine]) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for item in body {
        match classify(item.text, TEXT_ONLY) {
            Line::Comment => {}
            Line::Blank => lines.push(""),
            Line::Escaped => lines.push(&item.text[1..]),
            _ => lines.push(item.text),
        }
    }
    if lines.is_empty() {
        return value;
    }
    let rest = lines.join("\n");
    if value.is_empty() {
        rest
    } else {
        format!("{value}\n{rest}")
    }
}

/// An error for a web page (a sign-in page, a sheet's viewer) handed over
/// as data: its first line opens with `<`, which no line of the format does.
fn web_page(text: &str) -> Option<Problem> {
    let (number, line) = text
        .split('\n')
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty())?;
    let lead = line.len() - line.trim_start().len();
    line.trim_start()
        .starts_with('<')
        .then(|| Problem::error(at(number + 1, line, lead), Message::new(Msg::PTextHtml)))
}
