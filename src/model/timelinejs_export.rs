//! Writing a [`Dataset`] as TimelineJS3 JSON, the format of
//! <https://timeline.knightlab.com>, which [`super::timelinejs`] reads back.
//!
//! TimelineJS3 carries less than annals, so the file keeps what it can:
//! the title slide (title and description), eras, and for each event its
//! id, dates, title, summary (as HTML), first media item, lane (as `group`,
//! by label) and display date. Seasons and quarters become their first
//! month, the closest its date parts can say; their wording ("Fall 2005"),
//! "c." for circa and deep time's "66 million years ago" go in
//! `display_date` so the slide still reads right. Status, themes, actors,
//! sources, related events, importance and translations have no place in
//! it and are left out.

use serde_json::{json, Map, Value};

use super::date::{civil_from_days, Date, DateWriter as _, English};
use super::export::{escape_html, markdown_to_html};
use super::{Dataset, Event, Precision};

/// Years past which TimelineJS needs its cosmological scale (JavaScript
/// dates reach about 271,821 years either side of 1970).
const HUMAN_SCALE_YEARS: i64 = 271_000;

/// The dataset as a TimelineJS3 JSON document, pretty-printed.
pub fn to_timelinejs(dataset: &Dataset) -> String {
    let mut top = Map::new();
    let title = dataset.title.default_text();
    let description = dataset.description.default_text();
    if !title.is_empty() || !description.is_empty() {
        top.insert(
            "title".into(),
            json!({"text": {"headline": escape_html(title), "text": markdown_to_html(description)}}),
        );
    }
    let cosmological = dataset
        .events
        .iter()
        .flat_map(|e| [Some(e.start), e.end])
        .chain(
            dataset
                .eras
                .iter()
                .flat_map(|e| [Some(e.start), Some(e.end)]),
        )
        .flatten()
        .any(|d| d.year().abs() > HUMAN_SCALE_YEARS);
    top.insert(
        "scale".into(),
        Value::from(if cosmological {
            "cosmological"
        } else {
            "human"
        }),
    );
    if !dataset.eras.is_empty() {
        let eras = dataset
            .eras
            .iter()
            .map(|era| {
                json!({
                    "start_date": date_parts(&era.start),
                    "end_date": date_parts(&era.end),
                    "text": {"headline": escape_html(era.title.default_text())},
                })
            })
            .collect();
        top.insert("eras".into(), Value::Array(eras));
    }
    // By lane, then date: TimelineJS sorts slides by date itself, and a
    // reader makes groups in the order they first appear, which is then the
    // order of the lanes.
    let mut order: Vec<&Event> = dataset.events.iter().collect();
    order.sort_by_key(|event| event.lane);
    let events = order
        .into_iter()
        .map(|event| slide(dataset, event))
        .collect();
    top.insert("events".into(), Value::Array(events));
    serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default()
}

fn slide(dataset: &Dataset, event: &Event) -> Value {
    let mut slide = Map::new();
    slide.insert("unique_id".into(), Value::from(event.id.as_str()));
    slide.insert("start_date".into(), date_parts(&event.start));
    if let Some(end) = &event.end {
        slide.insert("end_date".into(), date_parts(end));
    }
    if let Some(display) = display_date(dataset, event) {
        slide.insert("display_date".into(), Value::from(escape_html(&display)));
    }
    slide.insert(
        "text".into(),
        json!({
            "headline": escape_html(event.title.default_text()),
            "text": markdown_to_html(event.summary.default_text()),
        }),
    );
    if let Some(media) = event.media.first() {
        let mut object = Map::new();
        object.insert("url".into(), Value::from(media.url.as_str()));
        for (key, text) in [
            ("caption", &media.caption),
            ("credit", &media.credit),
            ("alt", &media.alt),
        ] {
            if !text.default_text().is_empty() {
                object.insert(key.into(), Value::from(escape_html(text.default_text())));
            }
        }
        slide.insert("media".into(), Value::Object(object));
    }
    if let Some(lane) = dataset.lanes.get(event.lane) {
        slide.insert(
            "group".into(),
            Value::from(escape_html(lane.label.default_text())),
        );
    }
    Value::Object(slide)
}

/// The author's display date, or the date's own wording when the date
/// parts would lose it (a season, a quarter, circa, deep time).
fn display_date(dataset: &Dataset, event: &Event) -> Option<String> {
    if let Some(display) = &event.display_date {
        return Some(display.default_text().to_owned());
    }
    let loses = |date: &Date| {
        matches!(date.precision(), Precision::Season | Precision::Quarter)
            || English.years_ago(date.year()).is_some()
    };
    let worded = event.circa || loses(&event.start) || event.end.as_ref().is_some_and(loses);
    worded.then(|| event.date_text(&dataset.language))
}

/// A date as TimelineJS's parts; a season or quarter as its first month.
fn date_parts(date: &Date) -> Value {
    let (year, month, day, minute) = match *date {
        Date::Year(y) => (y, None, None, None),
        Date::Season(..) | Date::Quarter(..) => {
            let (y, m, _) = civil_from_days(date.range().0 as i64);
            (y, Some(m), None, None)
        }
        Date::Month(y, m) => (y, Some(m), None, None),
        Date::Day(y, m, d) => (y, Some(m), Some(d), None),
        Date::Minute(y, m, d, min) => (y, Some(m), Some(d), Some(min)),
    };
    let mut parts = Map::new();
    parts.insert("year".into(), Value::from(year));
    if let Some(month) = month {
        parts.insert("month".into(), Value::from(month));
    }
    if let Some(day) = day {
        parts.insert("day".into(), Value::from(day));
    }
    if let Some(minute) = minute {
        parts.insert("hour".into(), Value::from(minute / 60));
        parts.insert("minute".into(), Value::from(minute % 60));
    }
    Value::Object(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timelinejs::parse_timelinejs;
    use crate::model::{parse_dataset, Text};

    /// Id, title, start, end, summary, lane label, first media.
    type Carried = (String, String, Date, Option<Date>, String, String, String);

    /// What of an event TimelineJS3 carries: id, title, dates (seasons and
    /// quarters as their first month), summary, lane label, first media.
    fn carried(dataset: &Dataset) -> Vec<Carried> {
        let month = |date: Date| match date {
            Date::Season(..) | Date::Quarter(..) => {
                let (y, m, _) = civil_from_days(date.range().0 as i64);
                Date::Month(y, m)
            }
            other => other,
        };
        dataset
            .events
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    e.title.default.clone(),
                    month(e.start),
                    e.end.map(month),
                    e.summary.default.clone(),
                    dataset.lanes[e.lane].label.default.clone(),
                    e.media
                        .first()
                        .map(|m| format!("{} {} {}", m.url, m.caption.default, m.alt.default))
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn the_default_dataset_reads_back_as_far_as_timelinejs_carries_it() {
        let dataset = parse_dataset(crate::model::DEFAULT_DATASET_JSON)
            .unwrap()
            .dataset;
        let json = to_timelinejs(&dataset);
        let back = parse_timelinejs(&json).unwrap();
        assert!(back.problems.is_empty(), "{:#?}", back.problems);
        assert_eq!(carried(&back.dataset), carried(&dataset));
        assert_eq!(
            back.dataset.title,
            Text::plain(dataset.title.default.clone())
        );
        assert_eq!(
            back.dataset.description.default_text(),
            dataset.description.default_text(),
            "translations have no place in TimelineJS"
        );
        let planned =
            &back.dataset.events[back.dataset.index_of("joint-declaration-planned").unwrap()];
        assert_eq!(
            planned.display_date.as_deref().map(Text::default_text),
            Some("Fall 2005")
        );
        assert!(json.contains("\"scale\": \"human\""));
    }

    #[test]
    fn a_timelinejs_file_reads_back_unchanged() {
        let original = parse_timelinejs(include_str!("../../tests/fixtures/timelinejs.json"))
            .unwrap()
            .dataset;
        let json = to_timelinejs(&original);
        let back = parse_timelinejs(&json).unwrap();
        assert!(back.problems.is_empty(), "{:#?}", back.problems);
        assert_eq!(back.dataset, original);
        assert!(
            json.contains("\"scale\": \"cosmological\""),
            "66 Ma needs it"
        );
    }

    #[test]
    fn deep_time_circa_and_seasons_keep_their_wording() {
        let dataset = parse_dataset(
            r#"{"events": [
                {"id": "k", "title": "Impact", "start": "66 Ma"},
                {"id": "c", "title": "Roughly", "start": "1600", "circa": true},
                {"id": "s", "title": "Season", "start": "2005-fall", "end": "2006-Q1"},
                {"id": "p", "title": "Plain <b>&</b>", "start": "1998-08-31T14:05"}
            ]}"#,
        )
        .unwrap()
        .dataset;
        let back = parse_timelinejs(&to_timelinejs(&dataset)).unwrap().dataset;
        let display = |id: &str| {
            let e = &back.events[back.index_of(id).unwrap()];
            e.display_date
                .as_deref()
                .map(|d| d.default_text().to_owned())
        };
        assert_eq!(display("k").as_deref(), Some("66 million years ago"));
        assert_eq!(display("c").as_deref(), Some("c. 1600"));
        assert_eq!(display("s").as_deref(), Some("Fall 2005 – Q1 2006"));
        assert_eq!(display("p"), None);
        let plain = &back.events[back.index_of("p").unwrap()];
        assert_eq!(
            plain.title.default_text(),
            "Plain <b>&</b>",
            "escaped, then read as text"
        );
        assert_eq!(plain.start, Date::Minute(1998, 8, 31, 14 * 60 + 5));
    }
}
