//! Importing TimelineJS3 JSON, the format of <https://timeline.knightlab.com>.
//!
//! The mapping (documented in `docs/data-format.md`):
//! - `title` slide: `text.headline` → dataset title, `text.text` → description;
//! - each of `events`: `start_date`/`end_date` (parts may be numbers or
//!   strings; precision follows the parts present), `text.headline` → title,
//!   `text.text` → summary (HTML reduced to the Markdown subset),
//!   `display_date`, `media`, `group` → lane, `unique_id` → id (a slug of the
//!   headline when missing);
//! - `eras` → eras; `scale` `human` or `cosmological` (years are plain numbers
//!   either way, so the scale only needs to be valid);
//! - `background` is not supported and is ignored with a warning.
//!
//! Problems are located as "event 3 (id \"x\"), field `start_date.month`".

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::date::{days_in_month, month_message, Date};
use super::markdown::{self, Block, Inline};
use super::parse::{
    self, assemble, Draft, FieldStyle, Header, Location, Origin, Part, DEFAULT_LANGUAGE,
};
use super::{html, Loaded, Media, Message, Problem, Status, Text};
use crate::i18n::Msg;

/// Parses a TimelineJS3 JSON document.
pub fn parse_timelinejs(text: &str) -> Result<Loaded, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| vec![parse::json_problem(&e)])?;
    from_value(value)
}

/// [`parse_timelinejs`] after the JSON syntax has been read.
pub(crate) fn from_value(value: Value) -> Result<Loaded, Vec<Problem>> {
    let Value::Object(top) = value else {
        return Err(vec![Problem::error(
            Location::part(Part::Top),
            Message::new(Msg::PExpectedTimelinejs),
        )]);
    };
    let mut problems = Vec::new();
    let mut header = Header {
        language: DEFAULT_LANGUAGE.to_owned(),
        ..Header::default()
    };
    for key in top.keys() {
        if !matches!(key.as_str(), "title" | "events" | "eras" | "scale") {
            problems.push(Problem::warning(
                Location::part(Part::Top).field(key),
                Message::new(Msg::PUnknownFieldIgnored).with("field", key),
            ));
        }
    }
    match top.get("scale") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == "human" || s == "cosmological" => {}
        Some(other) => problems.push(Problem::warning(
            Location::part(Part::Top).field("scale"),
            Message::new(Msg::PTimelinejsScale).with("value", other),
        )),
    }
    if let Some(title) = top.get("title").filter(|v| !v.is_null()) {
        match title.as_object() {
            Some(slide) => {
                let title = Location::part(Part::Title);
                let (headline, text) = slide_text(slide, &title, &mut problems);
                header.title = Text::plain(plain(&headline));
                header.description = Text::plain(html::to_markdown(&text));
                for key in slide.keys().filter(|k| *k != "text") {
                    problems.push(Problem::warning(
                        title.field(key),
                        Message::new(Msg::PTitleSlideField).with("field", key),
                    ));
                }
            }
            None => problems.push(Problem::warning(
                Location::part(Part::Top).field("title"),
                Message::new(Msg::PTitleSlideObject),
            )),
        }
    }
    for (i, era) in array(&top, "eras", &mut problems).iter().enumerate() {
        let at = Location::part(Part::Era(i));
        let Some(era) = era.as_object() else {
            problems.push(Problem::error(at, Message::new(Msg::PEraObject)));
            continue;
        };
        let (headline, _) = slide_text(era, &at, &mut problems);
        let start = date_field(era, "start_date", &at, &mut problems);
        let end = match era.get("end_date") {
            None | Some(Value::Null) => {
                problems.push(Problem::error(
                    at.field("end_date"),
                    Message::new(Msg::PEraEndDate),
                ));
                None
            }
            Some(_) => date_field(era, "end_date", &at, &mut problems),
        };
        if let (Some(start), Some(end)) = (start, end) {
            let title = Text::plain(plain(&headline));
            if let Some(era) = parse::make_era(
                None,
                title,
                start,
                end,
                &at.field("end_date"),
                &mut problems,
            ) {
                header.eras.push(era);
            }
        }
    }

    let events = array(&top, "events", &mut problems);
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|e| e.get("unique_id").and_then(Value::as_str))
        .map(|s| s.trim().to_owned())
        .collect();
    let mut drafts = Vec::new();
    for (index, event) in events.iter().enumerate() {
        let id = event
            .get("unique_id")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        let origin = Origin::event(index, id.as_deref(), FieldStyle::TimelineJs);
        let Some(object) = event.as_object() else {
            problems.push(Problem::error(origin.at, Message::new(Msg::PEventObject)));
            continue;
        };
        if let Some(draft) = draft(object, id, origin, &mut used, &mut problems) {
            drafts.push(draft);
        }
    }
    assemble(header, drafts, problems)
}

fn draft(
    event: &Map<String, Value>,
    id: Option<String>,
    origin: Origin,
    used: &mut HashSet<String>,
    problems: &mut Vec<Problem>,
) -> Option<Draft> {
    let at = origin.at.clone();
    for key in event.keys() {
        match key.as_str() {
            "start_date" | "end_date" | "text" | "media" | "group" | "display_date"
            | "unique_id" | "autolink" => {}
            "background" => problems.push(Problem::warning(
                at.field("background"),
                Message::new(Msg::PBackground),
            )),
            _ => problems.push(Problem::warning(
                at.field(key),
                Message::new(Msg::PUnknownFieldIgnored).with("field", key),
            )),
        }
    }
    let mut errors = Vec::new();
    let start = match event.get("start_date") {
        None | Some(Value::Null) => {
            errors.push(Problem::error(
                origin.field("start"),
                Message::new(Msg::PMissingStartDate),
            ));
            None
        }
        Some(_) => date_field(event, "start_date", &at, &mut errors),
    };
    let end = match event.get("end_date") {
        None | Some(Value::Null) => None,
        Some(_) => date_field(event, "end_date", &at, &mut errors),
    };
    let (headline, text) = slide_text(event, &at, &mut errors);
    let Some(start) = start.filter(|_| errors.is_empty()) else {
        problems.extend(errors);
        return None;
    };
    let display_date = string_field(event, "display_date")
        .or_else(|| {
            event
                .get("start_date")
                .and_then(|d| d.get("display_date"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .map(|d| plain(&d))
        .filter(|d| !d.is_empty());
    let mut title = plain(&headline);
    if title.is_empty() {
        title = display_date.clone().unwrap_or_else(|| start.display());
        problems.push(Problem::warning(
            origin.field("title"),
            Message::new(Msg::PNoHeadline).with("title", &title),
        ));
    }
    let id = id.unwrap_or_else(|| unique_slug(&title, used));
    let media = match event.get("media") {
        Some(Value::Object(media)) => media_from(media).into_iter().collect(),
        None | Some(Value::Null) => Vec::new(),
        Some(_) => {
            problems.push(Problem::warning(
                at.field("media"),
                Message::new(Msg::PMediaObject),
            ));
            Vec::new()
        }
    };
    Some(Draft {
        id,
        title: Text::plain(title),
        start,
        end,
        circa: false,
        display_date: display_date.map(Text::plain),
        status: Status::Occurred,
        lane: string_field(event, "group")
            .map(|g| plain(&g))
            .filter(|g| !g.is_empty()),
        actors: Vec::new(),
        tags: Vec::new(),
        summary: Text::plain(html::to_markdown(&text)),
        media,
        sources: Vec::new(),
        related: Vec::new(),
        importance: None,
        origin,
    })
}

fn media_from(media: &Map<String, Value>) -> Option<Media> {
    let url = string_field(media, "url")?.trim().to_owned();
    if url.is_empty() {
        return None;
    }
    let text = |key| {
        Text::plain(
            string_field(media, key)
                .map(|s| plain(&s))
                .unwrap_or_default(),
        )
    };
    Some(Media {
        url,
        alt: text("alt"),
        caption: text("caption"),
        credit: text("credit"),
    })
}

/// `text.headline` and `text.text` of a slide, as raw HTML.
fn slide_text(
    slide: &Map<String, Value>,
    at: &Location,
    problems: &mut Vec<Problem>,
) -> (String, String) {
    match slide.get("text") {
        Some(Value::Object(text)) => (
            string_field(text, "headline").unwrap_or_default(),
            string_field(text, "text").unwrap_or_default(),
        ),
        None | Some(Value::Null) => (String::new(), String::new()),
        Some(_) => {
            problems.push(Problem::warning(
                at.field("text"),
                Message::new(Msg::PTextObject),
            ));
            (String::new(), String::new())
        }
    }
}

fn string_field(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn array<'a>(top: &'a Map<String, Value>, key: &str, problems: &mut Vec<Problem>) -> &'a [Value] {
    match top.get(key) {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => &[],
        Some(_) => {
            problems.push(Problem::error(
                Location::part(Part::Top).field(key),
                Message::new(Msg::PShouldBeArray).with("field", key),
            ));
            &[]
        }
    }
}

/// Reads a date object such as `{"year": 1998, "month": "8"}`.
fn date_field(
    object: &Map<String, Value>,
    key: &str,
    at: &Location,
    problems: &mut Vec<Problem>,
) -> Option<Date> {
    let Some(Value::Object(date)) = object.get(key) else {
        problems.push(Problem::error(
            at.field(key),
            Message::new(Msg::PDateObject).with("example", r#"{"year": 1998, "month": 8}"#),
        ));
        return None;
    };
    let mut parts = DateParts::default();
    for (name, slot) in [
        ("year", &mut parts.year),
        ("month", &mut parts.month),
        ("day", &mut parts.day),
        ("hour", &mut parts.hour),
        ("minute", &mut parts.minute),
    ] {
        match date.get(name) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => *slot = Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Some(Value::Number(n)) => *slot = Some(n.to_string()),
            Some(other) => {
                problems.push(Problem::error(
                    at.field(&format!("{key}.{name}")),
                    Message::new(Msg::PNumberOrString).with("found", other),
                ));
                return None;
            }
        }
    }
    parts
        .to_date()
        .map_err(|(part, message)| {
            problems.push(Problem::error(at.field(&format!("{key}.{part}")), message))
        })
        .ok()
}

/// A date given as separate parts, as TimelineJS and its spreadsheet do.
#[derive(Clone, Debug, Default)]
pub(crate) struct DateParts {
    pub year: Option<String>,
    pub month: Option<String>,
    pub day: Option<String>,
    pub hour: Option<String>,
    pub minute: Option<String>,
}

impl DateParts {
    /// The date at the precision of the parts present, or the name of the
    /// part at fault and why.
    pub(crate) fn to_date(&self) -> Result<Date, (&'static str, Message)> {
        let Some(year_text) = &self.year else {
            return Err(("year", Message::new(Msg::PYearMissing)));
        };
        let year = match Date::parse(&whole_number(year_text)) {
            Ok(Date::Year(year)) => year,
            Ok(_) => return Err(("year", Message::new(Msg::PNotAYear).with("text", year_text))),
            Err(e) => return Err(("year", e.0)),
        };
        let number = |part: &'static str,
                      text: &str,
                      low: i64,
                      high: i64|
         -> Result<i64, (&'static str, Message)> {
            let n: i64 = whole_number(text).parse().map_err(|_| {
                let message = Message::new(Msg::PNotWholeNumber)
                    .with("part", part)
                    .with("text", text);
                (part, message)
            })?;
            if (low..=high).contains(&n) {
                Ok(n)
            } else {
                Err((
                    part,
                    Message::new(Msg::PPartRange)
                        .with("part", part)
                        .with("n", n)
                        .with("low", low)
                        .with("high", high),
                ))
            }
        };
        let Some(month_text) = &self.month else {
            if self.day.is_some() {
                return Err(("day", Message::new(Msg::PDayNeedsMonth)));
            }
            return Ok(Date::Year(year));
        };
        let month = number("month", month_text, 1, 12)? as u8;
        let Some(day_text) = &self.day else {
            if self.hour.is_some() || self.minute.is_some() {
                return Err(("hour", Message::new(Msg::PTimeNeedsDay)));
            }
            return Ok(Date::Month(year, month));
        };
        let last = days_in_month(year, month);
        let day = number("day", day_text, 1, 31)? as u8;
        if day > last {
            return Err((
                "day",
                Message::new(Msg::PMonthDays)
                    .with_message("month", month_message(month))
                    .with("year", year)
                    .with("last", last)
                    .with("day", day),
            ));
        }
        if self.hour.is_none() && self.minute.is_none() {
            return Ok(Date::Day(year, month, day));
        }
        let hour = match &self.hour {
            Some(h) => number("hour", h, 0, 23)?,
            None => 0,
        };
        let minute = match &self.minute {
            Some(m) => number("minute", m, 0, 59)?,
            None => 0,
        };
        Ok(Date::Minute(year, month, day, (hour * 60 + minute) as u16))
    }
}

/// "1998.0" (how spreadsheets and JSON serializers write whole numbers) → "1998".
fn whole_number(text: &str) -> String {
    let text = text.trim();
    match text.split_once('.') {
        Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => {
            whole.to_owned()
        }
        _ => text.to_owned(),
    }
}

/// HTML or Markdown-subset text reduced to plain text, for titles and captions.
pub(crate) fn plain(html_text: &str) -> String {
    fn inline_text(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => out.push_str(t),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                    inline_text(c, out)
                }
            }
        }
    }
    fn block_text(blocks: &[Block], out: &mut String) {
        for block in blocks {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            match block {
                Block::Paragraph(inlines) => inline_text(inlines, out),
                Block::List { items, .. } => items.iter().for_each(|item| block_text(item, out)),
            }
        }
    }
    let mut out = String::new();
    block_text(&markdown::parse(&html::to_markdown(html_text)).0, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A slug of `title` not yet in `used`: "treaty-signed", then "treaty-signed-2".
pub(crate) fn unique_slug(title: &str, used: &mut HashSet<String>) -> String {
    let base = slug(title);
    let mut candidate = base.clone();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// The slug of `title`, before [`unique_slug`] makes it unique:
/// "Treaty signed!" → "treaty-signed"; "event" when nothing is left.
pub(crate) fn slug(title: &str) -> String {
    let mut slug = String::new();
    for ch in title.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "event" } else { slug }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::locations;
    use crate::model::ProblemKind;

    const FIXTURE: &str = include_str!("../../tests/fixtures/timelinejs.json");

    #[test]
    fn imports_the_fixture() {
        let loaded = parse_timelinejs(FIXTURE).expect("the fixture loads");
        let d = &loaded.dataset;
        assert_eq!(d.title.default_text(), "Deep time to the Moon");
        assert!(
            d.description.default_text().contains("**TimelineJS**"),
            "{:?}",
            d.description
        );
        assert_eq!(d.eras.len(), 1);
        assert_eq!(d.eras[0].title.default_text(), "Space age");
        let dino = &d.events[d.index_of("chicxulub").unwrap()];
        assert_eq!(dino.start, Date::Year(-66_000_000));
        assert_eq!(
            dino.display_date.as_deref().unwrap().default_text(),
            "66 million years ago"
        );
        let landing = &d.events[d.index_of("apollo-11").unwrap()];
        assert_eq!(landing.start, Date::Minute(1969, 7, 20, 20 * 60 + 17));
        assert_eq!(landing.media[0].url, "https://example.org/aldrin.jpg");
        assert_eq!(landing.media[0].credit.default_text(), "NASA");
        assert_eq!(d.lanes[landing.lane].label.default_text(), "Spaceflight");
        let sputnik = &d.events[d.index_of("sputnik-1-launched").unwrap()];
        assert_eq!(
            sputnik.start,
            Date::Day(1957, 10, 4),
            "string parts read as numbers"
        );
        assert_eq!(sputnik.end, Some(Date::Month(1958, 1)));
        assert!(
            !sputnik.summary.default_text().contains("alert"),
            "script content is dropped: {:?}",
            sputnik.summary
        );
        assert!(
            d.index_of("sputnik-1-launched-2").is_some(),
            "slugs are deduplicated"
        );
        let warnings = locations(&loaded.problems);
        assert!(
            loaded
                .problems
                .iter()
                .all(|p| p.kind == ProblemKind::Warning),
            "{:#?}",
            loaded.problems
        );
        assert!(
            warnings.contains(&"event 0 (id \"apollo-11\"), field `background`".to_owned()),
            "{warnings:?}"
        );
    }

    #[test]
    fn date_parts_set_the_precision_and_are_checked() {
        let parts = |y: &str, m: &str, d: &str, h: &str| DateParts {
            year: Some(y.into()),
            month: Some(m.into()).filter(|s: &String| !s.is_empty()),
            day: Some(d.into()).filter(|s: &String| !s.is_empty()),
            hour: Some(h.into()).filter(|s: &String| !s.is_empty()),
            minute: None,
        };
        assert_eq!(parts("1998", "", "", "").to_date(), Ok(Date::Year(1998)));
        assert_eq!(
            parts("1998.0", "8", "", "").to_date(),
            Ok(Date::Month(1998, 8))
        );
        assert_eq!(
            parts("1998", "8", "31", "").to_date(),
            Ok(Date::Day(1998, 8, 31))
        );
        assert_eq!(
            parts("1998", "8", "31", "14").to_date(),
            Ok(Date::Minute(1998, 8, 31, 14 * 60))
        );
        assert_eq!(
            parts("-13800000000", "", "", "").to_date(),
            Ok(Date::Year(-13_800_000_000))
        );
        assert_eq!(parts("2005", "2", "30", "").to_date().unwrap_err().0, "day");
        assert_eq!(
            parts("2005", "13", "", "").to_date().unwrap_err().0,
            "month"
        );
        assert_eq!(parts("200000", "", "", "").to_date().unwrap_err().0, "year");
    }

    #[test]
    fn bad_events_are_located_by_timelinejs_field() {
        let text = r#"{"events": [
            {"start_date": {"year": 2000}, "text": {"headline": "Fine"}},
            {"unique_id": "feb", "start_date": {"year": 2005, "month": 2, "day": 30}, "text": {"headline": "Bad"}},
            {"unique_id": "rev", "start_date": {"year": 2005}, "end_date": {"year": "2004"}, "text": {"headline": "Backwards"}},
            {"unique_id": "typ", "start_date": {"year": [1]}, "text": {"headline": "Array"}}
        ]}"#;
        let loaded = parse_timelinejs(text).unwrap();
        assert_eq!(loaded.dataset.events.len(), 1);
        let locations = locations(&loaded.problems);
        assert_eq!(
            locations,
            [
                "event 1 (id \"feb\"), field `start_date.day`",
                "event 2 (id \"rev\"), field `end_date`",
                "event 3 (id \"typ\"), field `start_date.year`",
            ]
        );
    }

    #[test]
    fn slugs_are_stable_and_unique() {
        let mut used = HashSet::from(["treaty-signed".to_owned()]);
        assert_eq!(unique_slug("Treaty signed!", &mut used), "treaty-signed-2");
        assert_eq!(unique_slug("Treaty signed", &mut used), "treaty-signed-3");
        assert_eq!(unique_slug("   ", &mut used), "event");
        assert_eq!(unique_slug("条約調印", &mut used), "条約調印");
    }
}
