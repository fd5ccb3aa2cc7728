//! Writing a [`Dataset`] back out: the native JSON format, which reads back to
//! an equal dataset, and the TimelineJS spreadsheet columns as CSV.

use super::date::DateWriter as _;
use std::collections::BTreeMap;

use super::csv_import::{neutralise_formula, COLUMNS};
use super::date::Date;
use super::format::{
    RawDataset, RawEra, RawEvent, RawLane, RawMedia, RawSource, RawStatus, RawText, RawTheme,
};
use super::markdown::{self, Block, Inline};
use super::{Dataset, Event, Source, Status, Text};

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
            .map(|lane| RawLane {
                id: lane.id.clone(),
                label: Some(text(&lane.label)),
                extra: BTreeMap::new(),
            })
            .collect(),
        themes: dataset
            .themes
            .iter()
            .map(|theme| RawTheme {
                id: theme.id.clone(),
                label: Some(text(&theme.label)),
                extra: BTreeMap::new(),
            })
            .collect(),
        actors: dataset
            .actors
            .iter()
            .map(|actor| RawTheme {
                id: actor.id.clone(),
                label: Some(text(&actor.label)),
                extra: BTreeMap::new(),
            })
            .collect(),
        events: dataset
            .events
            .iter()
            .map(|event| raw_event(dataset, event))
            .collect(),
        extra: BTreeMap::new(),
    };
    serde_json::to_string_pretty(&raw).expect("plain data always serializes")
}

/// One event in the native format's shape, its related events by id.
pub(crate) fn raw_event(dataset: &Dataset, event: &Event) -> RawEvent {
    let language = dataset.language.as_str();
    let text = |t: &Text| raw_text(t, language);
    RawEvent {
        id: event.id.clone(),
        title: text(&event.title),
        start: event.start.to_string(),
        end: event.end.map(|d| d.to_string()),
        circa: event.circa,
        display_date: event.display_date.as_deref().map(text),
        status: Some(match event.status {
            Status::Occurred => RawStatus::Occurred,
            Status::Planned => RawStatus::Planned,
            Status::Proposed => RawStatus::Proposed,
            Status::Cancelled => RawStatus::Cancelled,
        }),
        lane: dataset.lanes.get(event.lane).map(|lane| lane.id.clone()),
        actors: event.actors.to_vec(),
        tags: event.tags.to_vec(),
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
        related: event
            .related
            .iter()
            .filter_map(|&i| dataset.events.get(i))
            .map(|e| e.id.clone())
            .collect(),
        importance: event.importance,
        extra: BTreeMap::new(),
    }
}

pub(crate) fn raw_text(text: &Text, language: &str) -> RawText {
    if text.translations.is_empty() {
        return RawText::Plain(text.default.clone());
    }
    let mut all = text.translations.to_map();
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
/// A cell that a spreadsheet program would run as a formula starts with an
/// apostrophe, which [`super::csv_import::parse_csv`] removes again.
pub fn to_csv(dataset: &Dataset) -> String {
    let mut rows: Vec<[String; COLUMNS.len()]> = Vec::new();
    let column = |name: &str| {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a template column")
    };
    if !dataset.title.default_text().is_empty() || !dataset.description.default_text().is_empty() {
        let mut row: [String; COLUMNS.len()] = Default::default();
        row[column("Headline")] = escape_html(dataset.title.default_text());
        row[column("Text")] = markdown_to_html(dataset.description.default_text());
        row[column("Type")] = "title".into();
        rows.push(row);
    }
    for era in &dataset.eras {
        let mut row: [String; COLUMNS.len()] = Default::default();
        write_date(&mut row, 0, &era.start);
        write_date(&mut row, 4, &era.end);
        row[column("Headline")] = escape_html(era.title.default_text());
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
            row[column("Display Date")] = escape_html(display.default_text());
        } else if super::date::English.years_ago(event.start.year()).is_some() {
            // The template's year columns hold a number; deep time also
            // gets its wording ("66 million years ago").
            row[column("Display Date")] = escape_html(&event.date_text(&dataset.language));
        }
        row[column("Headline")] = escape_html(event.title.default_text());
        row[column("Text")] = markdown_to_html(event.summary.default_text());
        if let Some(media) = event.media.first() {
            row[column("Media")] = media.url.clone();
            row[column("Media Credit")] = escape_html(media.credit.default_text());
            row[column("Media Caption")] = escape_html(media.caption.default_text());
        }
        row[column("Group")] = dataset
            .lanes
            .get(event.lane)
            .map(|l| l.label.default_text().to_owned())
            .unwrap_or_default();
        rows.push(row);
    }
    let mut out = String::new();
    csv_record(&COLUMNS.map(str::to_owned), &mut out);
    for row in rows {
        csv_record(&row.map(neutralise_formula), &mut out);
    }
    out
}

/// Appends one CSV record to `out` as the csv crate's default writer does
/// (RFC 4180): cells separated by commas, a cell that holds a comma, a quote
/// or a line break quoted with its quotes doubled, and `\n` at the end.
/// Written here rather than with `csv::Writer`, whose unused quoting styles
/// bring the standard library's float parser into the wasm.
pub(crate) fn csv_record(cells: &[String], out: &mut String) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
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
    row[first + 3] = minute
        .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
        .unwrap_or_default();
}

pub(super) fn escape_html(text: &str) -> String {
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
pub(super) fn markdown_to_html(source: &str) -> String {
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
                        // A one-paragraph item without its <p>, as a tight
                        // list is written: HTML readers turn `<li><p>`
                        // into a loose item.
                        match &item[..] {
                            [Block::Paragraph(c)] => inlines(c, out),
                            _ => blocks(item, out),
                        }
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

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::model::csv_import::parse_csv;
    use crate::model::date::{days_in_month, Season};
    use crate::model::{parse_dataset, Days, Era, Event, Lane, Media, Theme};

    fn date() -> impl Strategy<Value = Date> {
        (
            -10_000_000_000i64..=3000,
            1u8..=12,
            1u8..=31,
            0u16..1440,
            0u8..6,
        )
            .prop_map(|(year, month, day, minute, kind)| {
                let day = day.min(days_in_month(year, month));
                let seasons = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];
                match kind {
                    0 => Date::Year(year),
                    1 => Date::Season(year, seasons[(month % 4) as usize]),
                    2 => Date::Quarter(year, month % 4 + 1),
                    3 => Date::Month(year, month),
                    4 => Date::Day(year, month, day),
                    _ => Date::Minute(year, month, day, minute),
                }
            })
    }

    /// Dates with an end that is not before the start.
    fn span() -> impl Strategy<Value = (Date, Option<Date>)> {
        (date(), proptest::option::of(date())).prop_map(|(a, b)| match b {
            Some(b) if b.range().0 < a.range().0 => (b, Some(a)),
            other => (a, other),
        })
    }

    fn words(max: usize) -> impl Strategy<Value = String> {
        proptest::string::string_regex(&format!(
            "([A-Za-zé条約][A-Za-z0-9 ,.条約]{{0,{max}}}[a-z.])?"
        ))
        .expect("a valid regex")
    }

    /// A text; `required` ones have a non-empty default.
    fn text(required: bool) -> impl Strategy<Value = Text> {
        let default = if required {
            words(12)
                .prop_filter("non-empty", |s| !s.is_empty())
                .boxed()
        } else {
            words(12).boxed()
        };
        (
            default,
            proptest::collection::btree_map(
                prop_oneof![Just("ja".to_owned()), Just("fr".to_owned())],
                "[a-z条約]{1,8}",
                0..=2,
            ),
        )
            .prop_map(|(default, translations)| Text {
                default,
                translations: translations.into(),
            })
    }

    fn source() -> impl Strategy<Value = Source> {
        (
            words(10),
            proptest::option::of(words(6)),
            proptest::option::of(date()),
            proptest::option::of("[a-z]{1,8}"),
        )
            .prop_map(|(title, publisher, date, path)| Source {
                title,
                publisher: publisher.clone(),
                author: publisher.map(|p| format!("{p} jr")),
                date,
                dateline: None,
                url: path.map(|p| format!("https://example.org/{p}")),
                note: Some("note".into()),
            })
    }

    fn media() -> impl Strategy<Value = Media> {
        ("[a-z]{1,8}", text(false), text(false), text(false)).prop_map(
            |(path, alt, caption, credit)| Media {
                url: format!("https://example.org/{path}.jpg"),
                alt,
                caption,
                credit,
            },
        )
    }

    #[derive(Debug, Clone)]
    struct EventSeed {
        title: Text,
        span: (Date, Option<Date>),
        circa: bool,
        display_date: Option<Text>,
        status: usize,
        lane: usize,
        tags: Vec<String>,
        summary: Text,
        media: Vec<Media>,
        sources: Vec<Source>,
        related: Vec<usize>,
    }

    fn event_seed() -> impl Strategy<Value = EventSeed> {
        (
            (
                text(true),
                span(),
                any::<bool>(),
                proptest::option::of(text(false)),
                0usize..4,
                0usize..8,
            ),
            (
                proptest::collection::vec("[a-z]{1,6}", 0..3),
                text(false),
                proptest::collection::vec(media(), 0..2),
            ),
            (
                proptest::collection::vec(source(), 0..2),
                proptest::collection::btree_set(0usize..16, 0..3),
            ),
        )
            .prop_map(
                |(
                    (title, span, circa, display_date, status, lane),
                    (tags, summary, media),
                    (sources, related),
                )| EventSeed {
                    title,
                    span,
                    circa,
                    display_date,
                    status,
                    lane,
                    tags,
                    summary,
                    media,
                    sources,
                    related: related.into_iter().collect(),
                },
            )
    }

    pub(crate) fn dataset() -> impl Strategy<Value = Dataset> {
        (
            (
                text(false),
                text(false),
                proptest::option::of(words(8)),
                proptest::option::of("CC0-1.0|CC-BY-4.0"),
            ),
            proptest::collection::vec(source(), 0..2),
            proptest::collection::vec(
                (proptest::option::of("[a-z]{1,5}"), text(true), span()),
                0..3,
            ),
            (
                proptest::collection::vec(text(false), 1..4),
                proptest::collection::btree_map("[a-z]{1,6}", text(false), 0..3),
            ),
            proptest::collection::vec(event_seed(), 1..8),
        )
            .prop_map(
                |(
                    (title, description, author, license),
                    sources,
                    eras,
                    (lane_labels, themes),
                    seeds,
                )| {
                    let lanes: Vec<Lane> = lane_labels
                        .into_iter()
                        .enumerate()
                        .map(|(i, label)| Lane {
                            id: format!("lane-{i}"),
                            label,
                        })
                        .collect();
                    let mut eras: Vec<Era> = eras
                        .into_iter()
                        .map(|(id, title, (start, end))| {
                            let end = end.unwrap_or(start);
                            Era {
                                id,
                                title,
                                start,
                                end,
                                range: (start.range().0, end.range().1.max(start.range().1)),
                            }
                        })
                        .collect();
                    eras.sort_by(|a, b| {
                        a.range
                            .0
                            .total_cmp(&b.range.0)
                            .then(a.range.1.total_cmp(&b.range.1))
                    });
                    let count = seeds.len();
                    let mut events: Vec<(Event, Vec<usize>)> = seeds
                        .into_iter()
                        .enumerate()
                        .map(|(i, seed)| {
                            let (start, end) = seed.span;
                            let range: (Days, Days) = (
                                start.range().0,
                                end.map_or(start.range().1, |e| e.range().1.max(start.range().1)),
                            );
                            let event = Event {
                                id: format!("event-{i}"),
                                title: seed.title,
                                start,
                                end,
                                circa: seed.circa,
                                display_date: seed.display_date.map(Box::new),
                                status: Status::ALL[seed.status],
                                lane: seed.lane % lanes.len(),
                                actors: seed.tags.iter().map(|t| t.to_uppercase()).collect(),
                                tags: seed.tags.into(),
                                summary: seed.summary,
                                media: seed.media.into(),
                                sources: seed.sources.into(),
                                related: Box::default(),
                                importance: None,
                                range,
                            };
                            (
                                event,
                                seed.related.into_iter().filter(|&r| r < count).collect(),
                            )
                        })
                        .collect();
                    // Related indices refer to the generated order; the dataset's is chronological.
                    let original_ids: Vec<String> =
                        events.iter().map(|(e, _)| e.id.clone()).collect();
                    events.sort_by(|(a, _), (b, _)| {
                        a.range
                            .0
                            .total_cmp(&b.range.0)
                            .then(a.range.1.total_cmp(&b.range.1))
                            .then_with(|| a.id.cmp(&b.id))
                    });
                    let position = |id: &str| {
                        events
                            .iter()
                            .position(|(e, _)| e.id == id)
                            .expect("a generated id")
                    };
                    let related: Vec<Vec<usize>> = events
                        .iter()
                        .map(|(_, rel)| rel.iter().map(|&r| position(&original_ids[r])).collect())
                        .collect();
                    let events = events
                        .into_iter()
                        .zip(related)
                        .map(|((mut event, _), related)| {
                            event.related = related.into();
                            event
                        })
                        .collect();
                    Dataset {
                        title,
                        description,
                        author,
                        license,
                        sources,
                        language: "en".into(),
                        eras,
                        lanes,
                        // Actors declared like themes, under other ids.
                        actors: themes
                            .iter()
                            .map(|(id, label)| Theme {
                                id: format!("actor {id}"),
                                label: label.clone(),
                            })
                            .collect(),
                        themes: themes
                            .into_iter()
                            .map(|(id, label)| Theme { id, label })
                            .collect(),
                        events,
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn native_json_round_trips(dataset in dataset()) {
            let json = to_native_json(&dataset);
            let loaded = parse_dataset(&json).map_err(|p| TestCaseError::fail(format!("{p:#?}\n{json}")))?;
            prop_assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
            prop_assert_eq!(loaded.dataset, dataset);
        }
    }

    #[test]
    fn the_shipped_dataset_round_trips() {
        let dataset = parse_dataset(crate::model::DEFAULT_DATASET_JSON)
            .unwrap()
            .dataset;
        let again = parse_dataset(&to_native_json(&dataset)).unwrap();
        assert!(again.problems.is_empty(), "{:#?}", again.problems);
        assert_eq!(again.dataset, dataset);
    }

    #[test]
    fn translations_are_written_as_objects() {
        let text = Text {
            default: "Treaty".into(),
            translations: BTreeMap::from([("ja".into(), "条約".into())]).into(),
        };
        assert_eq!(
            serde_json::to_value(raw_text(&text, "en")).unwrap(),
            serde_json::json!({"en": "Treaty", "ja": "条約"})
        );
        assert_eq!(
            serde_json::to_value(raw_text(&Text::plain("Treaty"), "en")).unwrap(),
            serde_json::json!("Treaty")
        );
    }

    /// Texts a spreadsheet program would run as formulas, and texts that
    /// only look like the neutralised ones.
    const RISKY: [&str; 12] = [
        "=SUM(A1)",
        "-1 reasons",
        "+1 555 0100",
        "@cmd",
        "\tindented",
        "\rreturn",
        "=HYPERLINK(\"http://x\";\"y\")",
        "'=already quoted",
        "'plain apostrophe",
        "''two",
        "Ordinary",
        "-",
    ];

    #[test]
    fn csv_records_are_what_the_csv_crate_writes() {
        let cells = |texts: &[&str]| texts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        for record in [
            cells(&[
                "plain",
                "",
                "with, comma",
                "say \"hi\"",
                "two\nlines",
                "cr\r",
                "'x",
            ]),
            cells(&["", ""]),
            cells(&["é, ü", "\"", "日本"]),
        ] {
            let mut ours = String::new();
            csv_record(&record, &mut ours);
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(&record).unwrap();
            assert_eq!(ours.as_bytes(), writer.into_inner().unwrap());
        }
    }

    proptest! {
        #[test]
        fn csv_records_match_the_csv_crate(record in proptest::collection::vec("[a-z ,\"\r\n'é]{0,6}", 2..5)) {
            let mut ours = String::new();
            csv_record(&record, &mut ours);
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(&record).unwrap();
            prop_assert_eq!(ours.as_bytes(), &writer.into_inner().unwrap()[..]);
        }
    }

    #[test]
    fn csv_export_neutralises_formulas_and_reads_back() {
        let lane_of = |i: usize| i % 3;
        let dataset = Dataset {
            title: Text::plain("=cmd|' /C calc'!A0"),
            description: Text::default(),
            author: None,
            license: None,
            sources: Vec::new(),
            language: "en".into(),
            eras: vec![Era {
                id: None,
                title: Text::plain("+era"),
                start: Date::Year(-500),
                end: Date::Year(-400),
                range: (Date::Year(-500).range().0, Date::Year(-400).range().1),
            }],
            lanes: RISKY[..3]
                .iter()
                .enumerate()
                .map(|(i, label)| Lane {
                    id: format!("lane-{i}"),
                    label: Text::plain(*label),
                })
                .collect(),
            themes: Vec::new(),
            actors: Vec::new(),
            events: RISKY
                .iter()
                .enumerate()
                .map(|(i, risky)| Event {
                    id: format!("e{i}"),
                    title: Text::plain(*risky),
                    start: Date::Year(2000 + i as i64),
                    end: None,
                    circa: false,
                    display_date: Some(Box::new(Text::plain(*risky))),
                    status: Status::Occurred,
                    lane: lane_of(i),
                    actors: Box::default(),
                    tags: Box::default(),
                    summary: Text::default(),
                    importance: None,
                    media: vec![Media {
                        url: "https://example.org/a.jpg".into(),
                        alt: Text::default(),
                        caption: Text::plain(*risky),
                        credit: Text::plain(*risky),
                    }]
                    .into(),
                    sources: Box::default(),
                    related: Box::default(),
                    range: Date::Year(2000 + i as i64).range(),
                })
                .collect(),
        };
        let csv = to_csv(&dataset);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let formula = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell.parse::<i64>().is_err());
                assert!(!formula, "a live formula in the export: {cell:?}\n{csv}");
            }
        }
        // Negative years stay numbers.
        assert!(csv.contains("\n-500,"), "{csv}");

        let back = parse_csv(&csv).unwrap();
        assert_eq!(back.dataset.title, dataset.title);
        assert_eq!(back.dataset.eras[0].title.default_text(), "+era");
        assert_eq!(back.dataset.eras[0].start, Date::Year(-500));
        for event in &dataset.events {
            let read = back
                .dataset
                .events
                .iter()
                .find(|e| e.start == event.start)
                .unwrap_or_else(|| panic!("{:?} was lost: {:#?}", event.title, back.problems));
            let expected = event.title.default.trim();
            assert_eq!(read.title.default_text(), expected);
            assert_eq!(
                read.display_date.as_deref().unwrap().default_text(),
                expected
            );
            assert_eq!(read.media[0].caption.default_text(), expected);
            assert_eq!(read.media[0].credit.default_text(), expected);
            assert_eq!(
                back.dataset.lanes[read.lane].label,
                dataset.lanes[event.lane].label
            );
        }
    }

    #[test]
    fn deep_time_reads_in_years_ago_in_the_csv() {
        let d = crate::model::parse_dataset(
            r#"{"events": [{"id": "a", "title": "Chicxulub impact", "start": "66 Ma"},
                           {"id": "b", "title": "Rome founded", "start": "-0752"}]}"#,
        )
        .unwrap()
        .dataset;
        let csv = to_csv(&d);
        assert!(csv.contains("66 million years ago"), "{csv}");
        assert!(
            !csv.contains("753 BCE"),
            "a calendar year keeps its columns only: {csv}"
        );
    }

    #[test]
    fn the_csv_sheet_reads_back() {
        let sheet = parse_csv(include_str!("../../tests/fixtures/timelinejs-sheet.csv"))
            .unwrap()
            .dataset;
        let again = parse_csv(&to_csv(&sheet)).unwrap();
        assert!(again.problems.is_empty(), "{:#?}", again.problems);
        let summary = |d: &Dataset| -> Vec<(String, Date, Option<Date>, String)> {
            d.events
                .iter()
                .map(|e| {
                    (
                        e.title.default_text().to_owned(),
                        e.start,
                        e.end,
                        e.summary.default_text().to_owned(),
                    )
                })
                .collect()
        };
        assert_eq!(summary(&again.dataset), summary(&sheet));
        assert_eq!(again.dataset.title, sheet.title);
        assert_eq!(again.dataset.description, sheet.description);
        assert_eq!(again.dataset.eras, sheet.eras);
        let header = to_csv(&sheet).lines().next().unwrap().to_owned();
        assert_eq!(header, COLUMNS.join(","));
    }
}
