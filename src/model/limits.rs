//! How long a text from a file may be, and the short excerpts that labels,
//! tooltips and accessible names use.
//!
//! A file can hold a 50 MB title. Kept whole, it would be copied into every
//! label, tooltip and card that shows it, and the page would run out of
//! memory. So each text is cut at load to [`SHORT_TEXT_BYTES`] (titles and
//! other one-line texts) or [`LONG_TEXT_BYTES`] (summaries and
//! descriptions), with a located warning, and on-screen names use an
//! [`excerpt`]. The limits are stated in `docs/data-format.md`.

use std::borrow::Cow;

use super::date::group_thousands;
use super::parse::{Draft, Header, Location, Part};
use super::{Message, Problem, Source, Text};
use crate::i18n::Msg;

/// The most a title, display date, caption, credit, alt text, lane, actor
/// or theme keeps, in bytes of UTF-8.
pub const SHORT_TEXT_BYTES: usize = 2_000;

/// The most a summary or description keeps, in bytes of UTF-8.
pub const LONG_TEXT_BYTES: usize = 200_000;

/// The most characters a label, tooltip or accessible name shows of a title.
pub const EXCERPT_CHARS: usize = 200;

/// Cuts `text` to at most `max` bytes, at a character boundary, and frees
/// the rest. Returns the length it had when it was cut.
pub fn cut(text: &mut String, max: usize) -> Option<usize> {
    if text.len() <= max {
        return None;
    }
    let before = text.len();
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.shrink_to_fit();
    Some(before)
}

/// The first [`EXCERPT_CHARS`] characters of `text`, with "…" when there
/// is more; borrowed when the text is short enough already.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}\u{2026}", &text[..end])),
    }
}

/// Cuts every language of `text` to `max` bytes, with a warning at `at`
/// (formatted only when something is cut).
pub(crate) fn cut_text(
    text: &mut Text,
    max: usize,
    at: &dyn Fn() -> Location,
    problems: &mut Vec<Problem>,
) {
    let mut longest = cut(&mut text.default, max);
    if !text.translations.is_empty() {
        let mut translations = text.translations.to_map();
        for value in translations.values_mut() {
            longest = longest.max(cut(value, max));
        }
        if longest.is_some() {
            text.translations = translations.into();
        }
    }
    if let Some(length) = longest {
        problems.push(cut_warning(at(), length, max));
    }
}

fn cut_string(
    text: &mut String,
    max: usize,
    at: &dyn Fn() -> Location,
    problems: &mut Vec<Problem>,
) {
    if let Some(length) = cut(text, max) {
        problems.push(cut_warning(at(), length, max));
    }
}

fn cut_warning(at: Location, length: usize, max: usize) -> Problem {
    Problem::warning(
        at,
        Message::new(Msg::PTextCut)
            .with("length", group_thousands(length as u64))
            .with("max", group_thousands(max as u64)),
    )
}

/// Cuts the texts of an event read by any importer to the limits.
pub(crate) fn limit_draft(draft: &mut Draft, problems: &mut Vec<Problem>) {
    let origin = &draft.origin;
    cut_text(
        &mut draft.title,
        SHORT_TEXT_BYTES,
        &|| origin.field("title"),
        problems,
    );
    cut_text(
        &mut draft.summary,
        LONG_TEXT_BYTES,
        &|| origin.field("summary"),
        problems,
    );
    if let Some(display) = &mut draft.display_date {
        cut_text(
            display,
            SHORT_TEXT_BYTES,
            &|| origin.field("display_date"),
            problems,
        );
    }
    if let Some(lane) = &mut draft.lane {
        cut_string(lane, SHORT_TEXT_BYTES, &|| origin.field("lane"), problems);
    }
    for (name, list) in [("actors", &mut draft.actors), ("tags", &mut draft.tags)] {
        for item in list.iter_mut() {
            cut_string(item, SHORT_TEXT_BYTES, &|| origin.field(name), problems);
        }
    }
    for source in &mut draft.sources {
        limit_source(source, &|| origin.field("sources"), problems);
    }
    for media in &mut draft.media {
        for text in [&mut media.alt, &mut media.caption, &mut media.credit] {
            cut_text(text, SHORT_TEXT_BYTES, &|| origin.field("media"), problems);
        }
    }
}

/// Cuts the texts of a source: its title, publisher, author and dateline
/// as short texts, its note as a long one.
fn limit_source(source: &mut Source, at: &dyn Fn() -> Location, problems: &mut Vec<Problem>) {
    cut_string(&mut source.title, SHORT_TEXT_BYTES, at, problems);
    for text in [
        &mut source.publisher,
        &mut source.author,
        &mut source.dateline,
    ]
    .into_iter()
    .flatten()
    {
        cut_string(text, SHORT_TEXT_BYTES, at, problems);
    }
    if let Some(note) = &mut source.note {
        cut_string(note, LONG_TEXT_BYTES, at, problems);
    }
}

/// Cuts the dataset's title, description, era titles and the labels of
/// lanes and themes to the limits.
pub(crate) fn limit_header(header: &mut Header, problems: &mut Vec<Problem>) {
    let dataset = |name: &str| Location::part(Part::Dataset).field(name);
    cut_text(
        &mut header.title,
        SHORT_TEXT_BYTES,
        &|| dataset("title"),
        problems,
    );
    cut_text(
        &mut header.description,
        LONG_TEXT_BYTES,
        &|| dataset("description"),
        problems,
    );
    for source in &mut header.sources {
        limit_source(source, &|| dataset("sources"), problems);
    }
    for (i, era) in header.eras.iter_mut().enumerate() {
        cut_text(
            &mut era.title,
            SHORT_TEXT_BYTES,
            &|| Location::part(Part::Era(i)).field("title"),
            problems,
        );
    }
    for (i, lane) in header.lanes.iter_mut().enumerate() {
        cut_text(
            &mut lane.label,
            SHORT_TEXT_BYTES,
            &|| Location::part(Part::Lane(i)).field("label"),
            problems,
        );
    }
    for (i, theme) in header.themes.iter_mut().enumerate() {
        cut_text(
            &mut theme.label,
            SHORT_TEXT_BYTES,
            &|| Location::part(Part::Theme(i)).field("label"),
            problems,
        );
    }
    for (i, actor) in header.actors.iter_mut().enumerate() {
        cut_text(
            &mut actor.label,
            SHORT_TEXT_BYTES,
            &|| Location::part(Part::Actor(i)).field("label"),
            problems,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::locations;
    use crate::model::{parse_dataset, ProblemKind};

    #[test]
    fn the_header_is_cut_too() {
        let long = "D".repeat(LONG_TEXT_BYTES + 1);
        let json = format!(
            r#"{{"title": "{}", "description": "{long}", "eras": [{{"title": "{}", "start": "1990", "end": "2000"}}],
                "lanes": [{{"id": "l", "label": {{"en": "L", "ja": "{}"}}}}], "themes": [{{"id": "t", "label": "{}"}}],
                "events": [{{"id": "a", "title": "A", "start": "2000", "lane": "l", "tags": ["t"]}}]}}"#,
            "t".repeat(SHORT_TEXT_BYTES + 1),
            "e".repeat(SHORT_TEXT_BYTES * 2),
            "条".repeat(SHORT_TEXT_BYTES),
            "h".repeat(SHORT_TEXT_BYTES + 1),
        );
        let loaded = parse_dataset(&json).unwrap();
        assert_eq!(loaded.dataset.title.default.len(), SHORT_TEXT_BYTES);
        assert_eq!(loaded.dataset.description.default.len(), LONG_TEXT_BYTES);
        assert_eq!(loaded.dataset.eras[0].title.default.len(), SHORT_TEXT_BYTES);
        let lane = &loaded.dataset.lanes[0].label;
        assert_eq!(lane.default_text(), "L");
        assert!(lane.get("ja").len() <= SHORT_TEXT_BYTES && lane.get("ja").starts_with('条'));
        assert_eq!(
            loaded.dataset.themes[0].label.default.len(),
            SHORT_TEXT_BYTES
        );
        let locations = locations(&loaded.problems);
        assert_eq!(
            locations,
            [
                "dataset, field `title`",
                "dataset, field `description`",
                "eras[0], field `title`",
                "lanes[0], field `label`",
                "themes[0], field `label`"
            ]
        );
    }

    #[test]
    fn cuts_at_a_character_boundary() {
        let mut text = "条約".repeat(1_000); // 3 bytes a character
        assert_eq!(cut(&mut text, 100), Some(6_000));
        assert_eq!(text.len(), 99);
        assert_eq!(text.chars().count(), 33);
        let mut short = "Treaty".to_owned();
        assert_eq!(cut(&mut short, 100), None);
        assert_eq!(short, "Treaty");
    }

    #[test]
    fn excerpts_are_bounded() {
        assert!(matches!(excerpt("Treaty"), Cow::Borrowed("Treaty")));
        let long = "a".repeat(10_000);
        let short = excerpt(&long);
        assert_eq!(short.chars().count(), EXCERPT_CHARS + 1);
        assert!(short.ends_with('\u{2026}'));
    }

    #[test]
    fn a_huge_title_is_cut_at_load_with_a_located_warning() {
        let title = "T".repeat(5_000_000);
        let summary = "s".repeat(LONG_TEXT_BYTES + 10);
        let json = format!(
            r#"{{"events": [{{"id": "big", "title": {{"en": "{title}", "ja": "条約"}}, "start": "2000", "summary": "{summary}"}}, {{"id": "small", "title": "Small", "start": "2001"}}]}}"#
        );
        let loaded = parse_dataset(&json).unwrap();
        let big = &loaded.dataset.events[loaded.dataset.index_of("big").unwrap()];
        assert_eq!(big.title.default.len(), SHORT_TEXT_BYTES);
        assert_eq!(big.title.get("ja"), "条約");
        assert_eq!(big.summary.default.len(), LONG_TEXT_BYTES);
        let found: Vec<_> = loaded
            .problems
            .iter()
            .map(|p| (p.kind, p.location.to_string()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    ProblemKind::Warning,
                    "event 0 (id \"big\"), field `title`".to_owned()
                ),
                (
                    ProblemKind::Warning,
                    "event 0 (id \"big\"), field `summary`".to_owned()
                ),
            ]
        );
        assert!(loaded.problems[0].message.contains("5,000,000 bytes"));
        assert!(loaded.problems[0].message.len() < 200);
    }
}
