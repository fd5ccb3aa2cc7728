//! Writing a [`Dataset`] in the plain text format, so that [`super::parse_text`]
//! reads it back to an equal dataset.

use std::fmt::Write as _;

use super::super::timelinejs::slug;
use super::super::{Dataset, Date, Event, Media, Source, Status, Text};
use super::dates::write_date;
use super::syntax::{classify, quote, Delimiter, Keys, Line, EVENT, TEXT_ONLY};

/// The lane that events naming neither a lane nor an actor go to (as the
/// shared checks name it).
const FALLBACK_LANE: &str = "Events";

/// The dataset in the plain text format (`docs/text-format.md`): a header,
/// the lanes and eras, then one block per event. Reading it back with
/// [`super::parse_text`] gives an equal dataset.
pub fn to_text(dataset: &Dataset) -> String {
    let mut out = String::new();
    let title = &dataset.title;
    if !title.default.is_empty() {
        field(&mut out, "", "title", &title.default);
    }
    translations(&mut out, "", "title", title);
    let description = &dataset.description;
    if description.default.contains('\n') && !description.default.contains('\r') {
        out.push_str("description:\n");
        text_lines(&mut out, &description.default, TEXT_ONLY);
    } else if !description.default.is_empty() {
        field(&mut out, "", "description", &description.default);
    }
    translations(&mut out, "", "description", description);
    field(&mut out, "", "language", &dataset.language);
    if let Some(author) = &dataset.author {
        field(&mut out, "", "author", author);
    }
    if let Some(license) = &dataset.license {
        field(&mut out, "", "license", license);
    }
    for source in &dataset.sources {
        source_line(&mut out, "", source);
    }

    if !lanes_implied(dataset) {
        out.push('\n');
        for lane in &dataset.lanes {
            declaration(&mut out, '@', &lane.id, &lane.label);
        }
    }
    if !dataset.themes.is_empty() {
        out.push('\n');
        for theme in &dataset.themes {
            declaration(&mut out, '#', &theme.id, &theme.label);
        }
    }
    if !dataset.actors.is_empty() {
        out.push('\n');
        for actor in &dataset.actors {
            declaration(&mut out, '&', &actor.id, &actor.label);
        }
    }

    if !dataset.eras.is_empty() {
        out.push('\n');
    }
    for era in &dataset.eras {
        let end = (era.end != era.start).then_some(era.end);
        out.push_str("era: ");
        out.push_str(&dates(&era.start, end.as_ref(), false));
        out.push_str(": ");
        out.push_str(&quote(&era.title.default, Delimiter::None));
        out.push('\n');
        if let Some(id) = &era.id {
            field(&mut out, "  ", "id", id);
        }
        translations(&mut out, "  ", "title", &era.title);
    }

    for event in &dataset.events {
        out.push('\n');
        event_block(&mut out, dataset, event);
    }
    out
}

fn event_block(out: &mut String, dataset: &Dataset, event: &Event) {
    out.push_str(&dates(&event.start, event.end.as_ref(), event.circa));
    out.push_str(": ");
    out.push_str(&quote(&event.title.default, Delimiter::None));
    out.push('\n');
    if event.id != slug(&event.title.default) {
        field(out, "  ", "id", &event.id);
    }
    let lane = dataset.lanes.get(event.lane).map_or("", |l| l.id.as_str());
    if lane != implied_lane(event) {
        let _ = writeln!(out, "  @{}", quote(lane, Delimiter::Mark));
    }
    if !event.tags.is_empty() {
        let tags: Vec<String> = event
            .tags
            .iter()
            .map(|t| format!("#{}", quote(t, Delimiter::Mark)))
            .collect();
        let _ = writeln!(out, "  {}", tags.join(" "));
    }
    if event.status != Status::Occurred {
        field(out, "  ", "status", event.status.name());
    }
    if let Some(importance) = event.importance {
        field(out, "  ", "importance", &importance.to_string());
    }
    if let Some(display) = &event.display_date {
        field(out, "  ", "display", &display.default);
        translations(out, "  ", "display", display);
    }
    list(out, "actors", event.actors.iter().map(String::as_str));
    list(
        out,
        "related",
        event
            .related
            .iter()
            .filter_map(|&i| dataset.events.get(i))
            .map(|e| e.id.as_str()),
    );
    for media in event.media.iter() {
        media_line(out, media);
    }
    for source in event.sources.iter() {
        source_line(out, "  ", source);
    }
    translations(out, "  ", "title", &event.title);
    translations(out, "  ", "summary", &event.summary);
    let summary = &event.summary.default;
    if summary.contains('\r') {
        field(out, "  ", "summary", summary);
    } else if !summary.is_empty() {
        text_lines(out, summary, EVENT);
    }
}

/// `START[ - END]`, with `~` for circa.
fn dates(start: &Date, end: Option<&Date>, circa: bool) -> String {
    let mut text = String::new();
    if circa {
        text.push('~');
    }
    text.push_str(&write_date(start));
    if let Some(end) = end {
        text.push_str(" - ");
        text.push_str(&write_date(end));
    }
    text
}

/// `@id: Label` or `#id: Label` (the id alone when the label is the id),
/// with its translated labels under it.
fn declaration(out: &mut String, sigil: char, id: &str, label: &Text) {
    out.push(sigil);
    out.push_str(&quote(id, Delimiter::Mark));
    if label.default != id {
        out.push_str(": ");
        out.push_str(&quote(&label.default, Delimiter::None));
    }
    out.push('\n');
    translations(out, "  ", "label", label);
}

/// The lane the reader gives an event without an `@lane` line.
fn implied_lane(event: &Event) -> &str {
    event.actors.first().map_or(FALLBACK_LANE, String::as_str)
}

/// Whether the reader, given no lane lines, makes exactly the dataset's
/// lanes: each labelled with its id alone, in the order events first use them.
fn lanes_implied(dataset: &Dataset) -> bool {
    if dataset
        .lanes
        .iter()
        .any(|lane| lane.label.default != lane.id || !lane.label.translations.is_empty())
    {
        return false;
    }
    let mut next = 0;
    for event in &dataset.events {
        if event.lane == next {
            next += 1;
        } else if event.lane > next {
            return false;
        }
    }
    next == dataset.lanes.len()
}

/// `key: value`, quoted when it must be.
fn field(out: &mut String, indent: &str, key: &str, value: &str) {
    let _ = writeln!(out, "{indent}{key}: {}", quote(value, Delimiter::None));
}

/// `key.lang: value` for each translation of `text`.
fn translations(out: &mut String, indent: &str, key: &str, text: &Text) {
    for (lang, value) in text.translations.iter() {
        field(out, indent, &format!("{key}.{lang}"), value);
    }
}

/// `key: a, b, c`, when there are items.
fn list<'a>(out: &mut String, key: &str, items: impl Iterator<Item = &'a str>) {
    let items: Vec<String> = items.map(|i| quote(i, Delimiter::Comma)).collect();
    if !items.is_empty() {
        let _ = writeln!(out, "  {key}: {}", items.join(", "));
    }
}

fn source_line(out: &mut String, indent: &str, source: &Source) {
    let _ = write!(
        out,
        "{indent}source: {}",
        quote(&source.title, Delimiter::Pipe)
    );
    let date = source.date.as_ref().map(write_date);
    for (key, value) in [
        ("publisher", source.publisher.as_deref()),
        ("author", source.author.as_deref()),
        ("date", date.as_deref()),
        ("dateline", source.dateline.as_deref()),
        ("url", source.url.as_deref()),
        ("note", source.note.as_deref()),
    ] {
        if let Some(value) = value {
            let _ = write!(out, " | {key}: {}", quote(value, Delimiter::Pipe));
        }
    }
    out.push('\n');
}

fn media_line(out: &mut String, media: &Media) {
    let _ = write!(out, "  media: {}", quote(&media.url, Delimiter::Pipe));
    for (key, text) in [
        ("alt", &media.alt),
        ("caption", &media.caption),
        ("credit", &media.credit),
    ] {
        if !text.default.is_empty() {
            let _ = write!(out, " | {key}: {}", quote(&text.default, Delimiter::Pipe));
        }
        for (lang, value) in text.translations.iter() {
            let _ = write!(out, " | {key}.{lang}: {}", quote(value, Delimiter::Pipe));
        }
    }
    out.push('\n');
}

/// A summary or description as indented lines: a line that would read as
/// something else (a field, a tag, a comment, deeper indentation) starts
/// with `\`.
fn text_lines(out: &mut String, text: &str, keys: Keys) {
    for line in text.split('\n') {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        let plain = classify(line, keys) == Line::Text && !line.starts_with(char::is_whitespace);
        out.push_str(if plain { "  " } else { "  \\" });
        out.push_str(line);
        out.push('\n');
    }
}
