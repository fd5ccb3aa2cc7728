//! Writing a [`Dataset`] back out: the native JSON format, which reads back to
//! an equal dataset, and the TimelineJS spreadsheet columns as CSV.

use std::collections::BTreeMap;

use super::csv_import::COLUMNS;
use super::date::Date;
use super::format::{RawDataset, RawEra, RawEvent, RawLane, RawMedia, RawSource, RawStatus, RawText};
use super::markdown::{self, Block, Inline};
use super::{Dataset, Source, Status, Text};

/// The dataset in the native JSON format, pretty-printed. Reading it back with
/// [`super::parse_dataset`] gives an equal dataset.
pub fn to_native_json(dataset: &Dataset) -> String {
    let language = dataset.language.as_str();
    let text = |t: &Text| raw_text(t, language);
    let raw = RawDataset {
        title: text(&dataset.title),
        description: text(&dataset.description),
        author: dataset.author.clone(),
        license: dataset.license.clone(),
        language: Some(dataset.language.clone()),
        sources: dataset.sources.iter().map(raw_source).collect(),
        eras: dataset
            .eras
            .iter()
            .map(|era| RawEra {
                id: era.id.clone(),
                title: text(&era.title),
                start: era.start.to_string(),
                end: era.end.to_string(),
                extra: BTreeMap::new(),
            })
            .collect(),
        lanes: dataset
            .lanes
            .iter()
            .map(|lane| RawLane { id: lane.id.clone(), label: Some(lane.label.clone()), extra: BTreeMap::new() })
            .collect(),
        events: dataset
            .events
            .iter()
            .map(|event| RawEvent {
                id: event.id.clone(),
                title: text(&event.title),
                start: event.start.to_string(),
                end: event.end.map(|d| d.to_string()),
                circa: event.circa,
                display_date: event.display_date.as_ref().map(text),
                status: Some(match event.status {
                    Status::Occurred => RawStatus::Occurred,
                    Status::Planned => RawStatus::Planned,
                    Status::Proposed => RawStatus::Proposed,
                    Status::Cancelled => RawStatus::Cancelled,
                }),
                lane: dataset.lanes.get(event.lane).map(|lane| lane.id.clone()),
                actors: event.actors.clone(),
                tags: event.tags.clone(),
                summary: text(&event.summary),
                media: event
                    .media
                    .iter()
                    .map(|m| RawMedia {
                        url: m.url.clone(),
                        alt: text(&m.alt),
                        caption: text(&m.caption),
                        credit: text(&m.credit),
                        extra: BTreeMap::new(),
                    })
                    .collect(),
                sources: event.sources.iter().map(raw_source).collect(),
                related: event.related.iter().filter_map(|&i| dataset.events.get(i)).map(|e| e.id.clone()).collect(),
                extra: BTreeMap::new(),
            })
            .collect(),
        extra: BTreeMap::new(),
    };
    serde_json::to_string_pretty(&raw).expect("plain data always serializes")
}

fn raw_text(text: &Text, language: &str) -> RawText {
    if text.translations.is_empty() {
        return RawText::Plain(text.default.clone());
    }
    let mut all = text.translations.clone();
    all.insert(language.to_owned(), text.default.clone());
    RawText::Translated(all)
}

fn raw_source(source: &Source) -> RawSource {
    RawSource {
        title: source.title.clone(),
        publisher: source.publisher.clone(),
        author: source.author.clone(),
        date: source.date.map(|d| d.to_string()),
        dateline: source.dateline.clone(),
        url: source.url.clone(),
        note: source.note.clone(),
        extra: BTreeMap::new(),
    }
}

/// The dataset as a TimelineJS spreadsheet (CSV with the template's columns):
/// a title row, one row per era, then one row per event. Summaries become
/// HTML, as the template expects. Only default-language texts are written,
/// and fields the template has no column for (status, tags, sources…) are left out.
pub fn to_csv(dataset: &Dataset) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; COLUMNS.len()]> = Vec::new();
    let column = |name: &str| COLUMNS.iter().position(|c| *c == name).expect("a template column");
    if !dataset.title.is_empty() || !dataset.description.is_empty() {
        let mut row: [String; COLUMNS.len()] = Default::default();
        row[column("Headline")] = escape_html(&dataset.title);
        row[column("Text")] = markdown_to_html(&dataset.description);
        row[column("Type")] = "title".into();
        rows.push(row);
    }
    for era in &dataset.eras {
        let mut row: [String; COLUMNS.len()] = Default::default();
        write_date(&mut row, 0, &era.start);
        write_date(&mut row, 4, &era.end);
        row[column("Headline")] = escape_html(&era.title);
        row[column("Type")] = "era".into();
        rows.push(row);
    }
    for event in &dataset.events {
        let mut row: [String; COLUMNS.len()] = Default::default();
        write_date(&mut row, 0, &event.start);
        if let Some(end) = &event.end {
            write_date(&mut row, 4, end);
        }
        if let Some(display) = &event.display_date {
            row[column("Display Date")] = escape_html(display);
        }
        row[column("Headline")] = escape_html(&event.title);
        row[column("Text")] = markdown_to_html(&event.summary);
        if let Some(media) = event.media.first() {
            row[column("Media")] = media.url.clone();
            row[column("Media Credit")] = escape_html(&media.credit);
            row[column("Media Caption")] = escape_html(&media.caption);
        }
        row[column("Group")] = dataset.lanes.get(event.lane).map(|l| l.label.clone()).unwrap_or_default();
        rows.push(row);
    }
    let mut write = |record: &[String]| writer.write_record(record).expect("writing to memory cannot fail");
    write(&COLUMNS.map(str::to_owned));
    for row in &rows {
        write(row);
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("every field is a Rust string")
}

/// Writes a date into the four columns starting at `first` (Year, Month, Day,
/// Time). Seasons and quarters become their first month, the closest the
/// template can say.
fn write_date(row: &mut [String], first: usize, date: &Date) {
    let (year, month, day, minute) = match *date {
        Date::Year(y) => (y, None, None, None),
        Date::Season(..) | Date::Quarter(..) => {
            let (y, m, _) = super::date::civil_from_days(date.range().0 as i64);
            (y, Some(m), None, None)
        }
        Date::Month(y, m) => (y, Some(m), None, None),
        Date::Day(y, m, d) => (y, Some(m), Some(d), None),
        Date::Minute(y, m, d, min) => (y, Some(m), Some(d), Some(min)),
    };
    row[first] = year.to_string();
    row[first + 1] = month.map(|m| m.to_string()).unwrap_or_default();
    row[first + 2] = day.map(|d| d.to_string()).unwrap_or_default();
    row[first + 3] = minute.map(|m| format!("{:02}:{:02}", m / 60, m % 60)).unwrap_or_default();
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown-subset text as HTML for the spreadsheet's Text column. Built from
/// the parsed tree with every text escaped, so it holds only the subset's tags.
fn markdown_to_html(source: &str) -> String {
    fn inlines(items: &[Inline], out: &mut String) {
        for item in items {
            match item {
                Inline::Text(t) => out.push_str(&escape_html(t).replace('\n', "<br>")),
                Inline::Emphasis(c) => {
                    out.push_str("<em>");
                    inlines(c, out);
                    out.push_str("</em>");
                }
                Inline::Strong(c) => {
                    out.push_str("<strong>");
                    inlines(c, out);
                    out.push_str("</strong>");
                }
                Inline::Link { href, children } => {
                    out.push_str(&format!("<a href=\"{}\">", escape_html(href)));
                    inlines(children, out);
                    out.push_str("</a>");
                }
            }
        }
    }
    fn blocks(items: &[Block], out: &mut String) {
        for block in items {
            match block {
                Block::Paragraph(c) => {
                    out.push_str("<p>");
                    inlines(c, out);
                    out.push_str("</p>");
                }
                Block::List { start, items } => {
                    let tag = if start.is_some() { "ol" } else { "ul" };
                    out.push_str(&format!("<{tag}>"));
                    for item in items {
                        out.push_str("<li>");
                        blocks(item, out);
                        out.push_str("</li>");
                    }
                    out.push_str(&format!("</{tag}>"));
                }
            }
        }
    }
    let mut out = String::new();
    blocks(&markdown::parse(source).0, &mut out);
    out
}
