//! Reading the native JSON format into a checked [`Dataset`](super::Dataset).
//!
//! Input is never trusted. Parsing never panics; it returns every problem it
//! finds, each with a location a person can act on: line and column for JSON
//! syntax, event index, id and field for content. Events with errors are left
//! out and listed; the valid ones still load, so one typo never costs the
//! author the rest of the timeline.
//!
//! One job per module: `problem` (what a problem is and where),
//! `origin` (how each format names a field), `native` (the native format),
//! `assemble` (the checks every format shares) and `serde_error` (which field
//! a serde error comes from).

mod assemble;
mod native;
mod origin;
mod problem;
mod serde_error;

pub(crate) use assemble::{
    assemble, link_warnings, make_era, Assembler, Draft, Header, DEFAULT_LANGUAGE,
};
pub use native::parse_dataset;
pub(crate) use native::{native_event_text, native_event_value, native_header, parse_native_value};
pub(crate) use origin::{FieldStyle, Origin};
#[cfg(test)]
pub(crate) use problem::{japanese_keys, locations};
pub use problem::{Column, Inner, Item, Loaded, Location, Message, Part, Problem, ProblemKind};
pub(crate) use serde_error::json_problem;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DEFAULT_DATASET_JSON;
    use crate::model::{Date, Status};

    fn one_event(fields: &str) -> String {
        format!(r#"{{"events": [{{{fields}}}]}}"#)
    }

    #[test]
    fn default_dataset_loads_without_problems() {
        let loaded = parse_dataset(DEFAULT_DATASET_JSON).expect("the shipped dataset loads");
        assert!(
            loaded.problems.is_empty(),
            "problems: {:#?}",
            loaded.problems
        );
        let d = &loaded.dataset;
        assert!(d.events.len() >= 20, "{} events", d.events.len());
        for id in [
            "treaty-signed-1960",
            "taepodong-1-launch",
            "joint-declaration-planned",
        ] {
            assert!(d.index_of(id).is_some(), "missing {id}");
        }
        let planned = &d.events[d.index_of("joint-declaration-planned").unwrap()];
        assert_eq!(planned.start.display(), "Fall 2005");
        assert_eq!(planned.status, Status::Planned);
        assert!(
            !planned.related.is_empty(),
            "the plan links to what happened"
        );
        for e in &d.events {
            assert!(!e.sources.is_empty(), "{} cites no source", e.id);
        }
    }

    #[test]
    fn events_are_sorted_and_related_ids_resolve() {
        let text = r#"{"events": [
            {"id": "b", "title": "B", "start": "2001", "related": ["a", "missing"]},
            {"id": "a", "title": "A", "start": "1999-05-01"}
        ]}"#;
        let loaded = parse_dataset(text).unwrap();
        let ids: Vec<_> = loaded
            .dataset
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(loaded.dataset.events[1].related[..], [0]);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].message.contains("\"missing\""));
    }

    /// Events with the same range are in id order, whatever their order in
    /// the file, and links follow them to their places.
    #[test]
    fn equal_ranges_are_ordered_by_id() {
        let text = r#"{"events": [
            {"id": "d", "title": "D", "start": "2001"},
            {"id": "c", "title": "C", "start": "2000", "related": ["a"]},
            {"id": "a", "title": "A", "start": "2000"},
            {"id": "b", "title": "B", "start": "2000", "related": ["d", "c"]},
            {"id": "0", "title": "Z", "start": "1999"}
        ]}"#;
        let loaded = parse_dataset(text).unwrap();
        let d = &loaded.dataset;
        let ids: Vec<_> = d.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["0", "a", "b", "c", "d"]);
        assert_eq!(d.events[3].related[..], [1]);
        assert_eq!(d.events[2].related[..], [4, 3]);
    }

    #[test]
    fn json_syntax_errors_give_line_and_column() {
        let errors =
            parse_dataset("{\n  \"events\": [\n    {\"id\": \"a\",,}\n  ]\n}").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].location.to_string(), "line 3, column 16");
        assert_eq!(errors[0].kind, ProblemKind::Error);
    }

    #[test]
    fn bad_events_are_reported_together_and_good_ones_load() {
        let text = r#"{"events": [
            {"id": "ok", "title": "Fine", "start": "1998-08-31"},
            {"id": "ok", "title": "Duplicate", "start": "1998"},
            {"id": "feb", "title": "Impossible", "start": "2005-02-30"},
            {"id": "rev", "title": "Backwards", "start": "2005", "end": "2004"},
            {"id": "typ", "title": 7, "start": "2005"},
            {"id": "st", "title": "Status", "start": "2005", "status": "rumoured"}
        ]}"#;
        let loaded = parse_dataset(text).unwrap();
        assert_eq!(loaded.dataset.events.len(), 1);
        let locations = locations(&loaded.problems);
        assert_eq!(
            locations,
            [
                "event 1 (id \"ok\"), field `id`",
                "event 2 (id \"feb\"), field `start`",
                "event 3 (id \"rev\"), field `end`",
                "event 4 (id \"typ\"), field `title`",
                "event 5 (id \"st\"), field `status`",
            ]
        );
        assert!(loaded.problems.iter().all(|p| p.kind == ProblemKind::Error));
    }

    #[test]
    fn empty_dataset_is_an_error() {
        let errors = parse_dataset(r#"{"events": []}"#).unwrap_err();
        assert!(errors[0].message.contains("no events"));
    }

    #[test]
    fn unknown_fields_are_named_warnings_and_the_event_loads() {
        let loaded = parse_dataset(&one_event(
            r#""id": "a", "title": "A", "start": "2000", "colour": "red""#,
        ))
        .unwrap();
        assert_eq!(loaded.dataset.events.len(), 1);
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].kind, ProblemKind::Warning);
        assert_eq!(
            loaded.problems[0].location.to_string(),
            "event 0 (id \"a\"), field `colour`"
        );
        assert!(
            loaded.problems[0]
                .message
                .contains("unknown field `colour`"),
            "{:?}",
            loaded.problems
        );
    }

    #[test]
    fn unsafe_source_links_are_dropped_with_a_warning() {
        let text = one_event(
            r#""id": "a", "title": "A", "start": "2000", "sources": [{"title": "S", "url": "javascript:alert(1)"}, {"title": "T", "url": "https://example.org/x"}]"#,
        );
        let loaded = parse_dataset(&text).unwrap();
        let sources = &loaded.dataset.events[0].sources;
        assert_eq!(sources[0].url, None);
        assert_eq!(sources[1].url.as_deref(), Some("https://example.org/x"));
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].kind, ProblemKind::Warning);
        assert_eq!(
            loaded.problems[0].location.to_string(),
            "event 0 (id \"a\"), sources[0], field `url`"
        );
    }

    #[test]
    fn unsafe_markdown_links_are_warned_about() {
        let text = r#"{"description": "[x](data:text/html,hi)", "events": [
            {"id": "a", "title": "A", "start": "2000", "summary": {"en": "[y](javascript:z)", "ja": "[z](vbscript:z)"}}
        ]}"#;
        let loaded = parse_dataset(text).unwrap();
        let locations = locations(&loaded.problems);
        assert_eq!(
            locations,
            [
                "dataset, field `description`",
                "event 0 (id \"a\"), field `summary`",
                "event 0 (id \"a\"), field `summary` (ja)",
            ]
        );
        assert!(loaded
            .problems
            .iter()
            .all(|p| p.kind == ProblemKind::Warning));
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = format!(
            "\u{feff}{}",
            one_event(r#""id": "a", "title": "A", "start": "2000""#)
        );
        assert!(parse_dataset(&text).is_ok());
    }

    #[test]
    fn lanes_default_to_the_first_actor() {
        let text =
            one_event(r#""id": "a", "title": "A", "start": "2000", "actors": ["Japan", "China"]"#);
        let d = parse_dataset(&text).unwrap().dataset;
        assert_eq!(d.lanes[d.events[0].lane].label.default_text(), "Japan");
    }

    #[test]
    fn lanes_and_themes_have_translated_labels() {
        let text = r#"{"lanes": [{"id": "jp", "label": {"en": "Japan", "ja": "日本"}}, {"id": "us"}],
            "themes": [{"id": "treaty", "label": {"en": "Treaty", "ja": "条約"}}, {"id": "treaty", "label": "again"},
                       {"id": " ", "label": "blank"}, {"id": "bare"}, {"id": "t", "labl": "x"}, {"label": "no id"}],
            "events": [{"id": "a", "title": "A", "start": "2000", "lane": "jp", "tags": ["treaty", "bare", "other"]},
                       {"id": "b", "title": "B", "start": "2001", "lane": "us"}]}"#;
        let loaded = parse_dataset(text).unwrap();
        let d = &loaded.dataset;
        let lanes: Vec<_> = d
            .lanes
            .iter()
            .map(|l| (l.label.get("en"), l.label.get("ja")))
            .collect();
        assert_eq!(lanes, [("Japan", "日本"), ("us", "us")]);
        let themes: Vec<_> = d.themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            themes,
            ["treaty", "bare", "t"],
            "the first of a repeated id wins"
        );
        let names = |lang| -> Vec<&str> {
            d.events[0]
                .tags
                .iter()
                .map(|t| d.theme_label(t, lang))
                .collect()
        };
        assert_eq!(names("ja-JP"), ["条約", "bare", "other"]);
        assert_eq!(
            names("en"),
            ["Treaty", "bare", "other"],
            "undeclared and unlabelled tags name themselves"
        );
        assert_eq!(
            locations(&loaded.problems),
            [
                "themes[1]",
                "themes[2]",
                "themes[4], field `labl`",
                "themes[5], field `id`"
            ]
        );
        assert!(loaded.problems[0].message.contains("declared twice"));
    }

    #[test]
    fn spans_cover_start_to_end_of_their_dates() {
        let text = one_event(r#""id": "a", "title": "A", "start": "2005-04", "end": "2005-fall""#);
        let e = &parse_dataset(&text).unwrap().dataset.events[0];
        assert_eq!(
            e.range,
            (
                Date::Month(2005, 4).range().0,
                Date::parse("2005-fall").unwrap().range().1
            )
        );
        assert_eq!(e.date_text("en"), "April 2005 – Fall 2005");
        assert!(!e.is_instant());
    }
}
