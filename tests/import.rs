//! Bad and good input files, read through the public entry points
//! (`parse_bytes`, `parse_any`): every problem is reported at once, located,
//! and the valid events still load. Fixtures live in `tests/fixtures/`.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use annals::model::markdown::{self, Block, Inline};
use annals::model::{parse_any, parse_bytes, Date, Loaded, Problem, ProblemKind, Status};

use ProblemKind::{Error, Warning};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn load(name: &str) -> Loaded {
    parse_bytes(&fixture(name))
        .unwrap_or_else(|problems| panic!("{name} should load, but: {problems:#?}"))
}

fn located(problems: &[Problem]) -> Vec<(ProblemKind, String)> {
    problems
        .iter()
        .map(|p| (p.kind, p.location.to_string()))
        .collect()
}

/// Expected locations, in the shape [`located`] returns.
fn owned(expected: &[(ProblemKind, &str)]) -> Vec<(ProblemKind, String)> {
    expected
        .iter()
        .map(|&(kind, at)| (kind, at.to_owned()))
        .collect()
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    loaded
        .dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect()
}

/// A fixture, the ids that still load, and the problems expected, in file order.
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [(ProblemKind, &'static str)],
);

#[test]
fn located_problems_for_each_bad_fixture() {
    let cases: &[Case] = &[
        (
            "duplicate-ids.json",
            &["treaty", "other"],
            &[(Error, "event 1 (id \"treaty\"), field `id`")],
        ),
        (
            "end-before-start.json",
            &["fine"],
            &[(Error, "event 1 (id \"backwards\"), field `end`")],
        ),
        (
            "impossible-dates.json",
            &["fine"],
            &[
                (Error, "event 1 (id \"feb-30\"), field `start`"),
                (Error, "event 2 (id \"month-13\"), field `start`"),
                (Error, "event 3 (id \"hour-25\"), field `start`"),
            ],
        ),
        (
            "years-out-of-range.json",
            &["big-bang"],
            &[
                (Error, "event 1 (id \"too-early\"), field `start`"),
                (Error, "event 2 (id \"too-late\"), field `start`"),
                (Error, "event 3 (id \"too-deep\"), field `start`"),
            ],
        ),
        (
            "wrong-types.json",
            &["fine"],
            &[
                (Error, "dataset, field `title`"),
                (Error, "event 1 (id \"title-number\"), field `title`"),
                (Error, "event 2 (id \"start-number\"), field `start`"),
                (Error, "event 3 (id \"tags-string\"), field `tags`"),
                (Error, "event 4 (id \"bad-status\"), field `status`"),
                (Error, "event 5"),
                (Error, "event 6 (id \"no-start\"), field `start`"),
            ],
        ),
        (
            "unknown-fields.json",
            &["a"],
            &[
                (Warning, "dataset, field `colour_scheme`"),
                (Warning, "event 0 (id \"a\"), field `colour`"),
                (Warning, "event 0 (id \"a\"), media[0], field `width`"),
                (Warning, "event 0 (id \"a\"), sources[0], field `pages`"),
            ],
        ),
        (
            "bad-sheet.csv",
            &["fine"],
            &[
                (Error, "row 3, column `Day`"),
                (Error, "row 4, column `Month`"),
                (Error, "row 5, column `End Year`"),
                (Error, "row 6, column `Year`"),
            ],
        ),
        (
            // The quote opened on line 3 is never closed: the reader takes the
            // rest of the file as one cell. Reported, and that row left out.
            "unterminated-quote.csv",
            &["fine"],
            &[(Error, "row 3, column `Headline`")],
        ),
    ];
    for (name, loaded_ids, expected) in cases {
        let loaded = load(name);
        assert_eq!(ids(&loaded), *loaded_ids, "{name}: events that load");
        assert_eq!(
            located(&loaded.problems),
            owned(expected),
            "{name}: {:#?}",
            loaded.problems
        );
        for problem in &loaded.problems {
            assert!(
                !problem.message.is_empty(),
                "{name}: {problem:?} says nothing"
            );
        }
    }
}

#[test]
fn messages_say_what_is_wrong() {
    let cases = [
        (
            "duplicate-ids.json",
            "duplicate id: event 0 already uses \"treaty\"",
        ),
        (
            "end-before-start.json",
            "ends (December 31, 2004) before it starts (2005)",
        ),
        (
            "impossible-dates.json",
            "February 2005 has 28 days, so day 30 does not exist",
        ),
        ("impossible-dates.json", "month 13 does not exist"),
        ("years-out-of-range.json", "out of range"),
        (
            "wrong-types.json",
            "expected text: a string, or an object of language tag to string",
        ),
        (
            "wrong-types.json",
            "invalid type: integer `2000`, expected a string",
        ),
        ("wrong-types.json", "unknown variant `rumoured`"),
        ("wrong-types.json", "expected an object, found a string"),
        ("wrong-types.json", "missing field `start`"),
        ("unknown-fields.json", "unknown field `colour` was ignored"),
    ];
    for (name, needle) in cases {
        let loaded = load(name);
        assert!(
            loaded.problems.iter().any(|p| p.message.contains(needle)),
            "{name}: no message contains {needle:?}: {:#?}",
            loaded.problems
        );
    }
}

#[test]
fn an_empty_dataset_is_refused() {
    let errors = parse_bytes(&fixture("empty.json")).unwrap_err();
    assert_eq!(located(&errors), owned(&[(Error, "events")]));
    assert!(errors[0].message.contains("no events"));
}

#[test]
fn non_utf8_bytes_are_located() {
    let errors = parse_bytes(&fixture("non-utf8.json")).unwrap_err();
    assert_eq!(located(&errors), owned(&[(Error, "byte 37")]));
    assert!(errors[0].message.contains("0xE9"), "{errors:?}");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let loaded = load("bom.json");
    assert_eq!(
        loaded.dataset.events[0].title.default_text(),
        "With a byte order mark"
    );
    assert!(loaded.problems.is_empty());
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let errors = parse_bytes(&fixture("deeply-nested.json")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("recursion limit exceeded"),
        "{errors:?}"
    );
    assert_eq!(errors[0].location.to_string(), "line 1, column 128");
    let objects = "{\"a\":".repeat(10_000);
    let errors = parse_any(&objects).unwrap_err();
    assert!(
        errors[0].message.contains("recursion limit exceeded"),
        "{errors:?}"
    );
}

fn quickly<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    eprintln!("{what}: {:?}", started.elapsed());
    // Generous: debug builds take seconds here; quadratic behaviour on 10 MB
    // would take hours, so the bound still catches it.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{what} took {:?}",
        started.elapsed()
    );
    out
}

#[test]
fn ten_megabyte_strings_load_quickly() {
    let big = "x".repeat(10 * 1024 * 1024);
    let title = format!(r#"{{"events": [{{"id": "a", "title": "{big}", "start": "2000"}}]}}"#);
    let loaded = quickly("a 10 MB title", || parse_any(&title)).unwrap();
    // Cut at load to the limit for titles, with a located warning.
    assert_eq!(
        loaded.dataset.events[0].title.default_text().len(),
        annals::model::limits::SHORT_TEXT_BYTES
    );
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(
        loaded.problems[0].location.to_string(),
        "event 0 (id \"a\"), field `title`"
    );

    let summary_text = "*a* [b](javascript:x) ".repeat(500_000);
    let summary = format!(
        r#"{{"events": [{{"id": "a", "title": "A", "start": "2000", "summary": "{summary_text}"}}]}}"#
    );
    let loaded = quickly("a 10 MB summary", || parse_any(&summary)).unwrap();
    // The summary is cut to its limit first; then one warning per dropped link.
    let kept = &loaded.dataset.events[0].summary.default;
    assert_eq!(
        loaded.problems[0].location.to_string(),
        "event 0 (id \"a\"), field `summary`"
    );
    assert_eq!(
        loaded.problems.len() - 1,
        kept.matches("(javascript:x)").count(),
        "one warning per dropped link"
    );

    let cell = quickly("a 10 MB CSV cell", || {
        parse_any(&format!("Year,Headline\n2000,{big}\n"))
    })
    .unwrap();
    assert_eq!(cell.dataset.events.len(), 1);

    let garbage = quickly("10 MB of garbage", || parse_any(&big));
    assert!(garbage.is_err());
    let html = format!(
        r#"{{"events": [{{"start_date": {{"year": 2000}}, "text": {{"headline": "H", "text": "{}"}}}}]}}"#,
        "<b>x</b>&amp;".repeat(800_000)
    );
    quickly("10 MB of TimelineJS HTML", || parse_any(&html)).unwrap();
}

#[test]
fn the_full_fixture_uses_every_field() {
    let loaded = load("full.json");
    let d = &loaded.dataset;
    assert_eq!(d.title.default_text(), "Everything at once");
    assert_eq!(d.title.get("ja"), "全部入り");
    assert_eq!(
        (d.author.as_deref(), d.license.as_deref()),
        (Some("annals"), Some("CC0-1.0"))
    );
    assert_eq!(d.sources.len(), 1);
    assert_eq!(
        d.eras.iter().map(|e| e.title.get("ja")).collect::<Vec<_>>(),
        ["中生代", "Holocene"]
    );
    assert_eq!(d.eras[0].start, Date::Year(-252_000_000));

    let big_bang = &d.events[d.index_of("big-bang").unwrap()];
    assert!(big_bang.circa);
    assert_eq!(big_bang.start, Date::Year(-13_800_000_000));
    assert_eq!(big_bang.date_text("en"), "13.8 billion years ago");
    assert_eq!(
        big_bang.display_date.as_ref().unwrap().get("ja"),
        "138億年前"
    );
    let (blocks, _) = markdown::parse(big_bang.summary.default_text());
    let Block::Paragraph(inlines) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert!(inlines.contains(&Inline::Link {
        href: "https://science.nasa.gov/".into(),
        children: vec![Inline::Text("NASA".into())]
    }));
    assert!(
        inlines
            .iter()
            .any(|i| matches!(i, Inline::Text(t) if t.contains("<b>"))),
        "raw HTML stays text"
    );

    let crater = &d.events[d.index_of("chicxulub").unwrap()];
    assert_eq!(crater.media.len(), 1, "the javascript: media was dropped");
    assert_eq!(crater.media[0].caption.get("ja"), "クレーター");
    assert_eq!(*crater.related, [d.index_of("big-bang").unwrap()]);

    let base = &d.events[d.index_of("moon-base").unwrap()];
    assert_eq!(base.status, Status::Proposed);
    assert_eq!(d.lanes[base.lane].label.default_text(), "people");
    let (blocks, _) = markdown::parse(base.summary.default_text());
    assert!(
        matches!(
            &blocks[..],
            [
                Block::List { start: None, .. },
                Block::List { start: Some(1), .. }
            ]
        ),
        "{blocks:?}"
    );

    assert_eq!(
        located(&loaded.problems),
        owned(&[
            (Warning, "event 0 (id \"big-bang\"), field `summary`"),
            (Warning, "event 1 (id \"chicxulub\"), field `media`")
        ])
    );
}

#[test]
fn good_timelinejs_and_csv_fixtures_load() {
    let tl = load("timelinejs.json");
    assert_eq!(tl.dataset.events.len(), 4);
    assert_eq!(tl.dataset.eras.len(), 1);
    let sheet = load("timelinejs-sheet.csv");
    assert_eq!(sheet.dataset.events.len(), 3);
    assert!(sheet.problems.is_empty(), "{:#?}", sheet.problems);
}

#[test]
fn plain_text_fixtures_are_detected_and_located_by_line() {
    let sample = load("sample.txt");
    assert_eq!(sample.dataset.events.len(), 7);
    assert!(sample.problems.is_empty(), "{:#?}", sample.problems);
    let bad = load("bad-lines.txt");
    assert_eq!(bad.dataset.events.len(), 1);
    let first = &bad.problems[0];
    assert_eq!(
        (first.kind, first.location.to_string()),
        (Error, "line 2, column 1".to_owned())
    );
    assert!(bad
        .problems
        .iter()
        .all(|p| matches!(p.location, annals::model::Location::Text { .. })));
}

mod never_panics {
    use annals::model::{parse_any, parse_bytes, to_csv, to_native_json};
    use proptest::prelude::*;

    /// Small JSON-ish or CSV-ish documents built from the formats' own words,
    /// so that random input gets past the syntax check often.
    fn document() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("\"events\"".to_owned()),
            Just("\"start\"".to_owned()),
            Just("\"start_date\"".to_owned()),
            Just("\"year\"".to_owned()),
            Just("\"month\"".to_owned()),
            Just("\"title\"".to_owned()),
            Just("\"text\"".to_owned()),
            Just("\"headline\"".to_owned()),
            Just("\"id\"".to_owned()),
            Just("\"2005-02-30\"".to_owned()),
            Just("\"66 Ma\"".to_owned()),
            Just("-13800000000".to_owned()),
            Just("\"<a href='javascript:x'>x</a>\"".to_owned()),
            Just("\"[x](javascript:y)\"".to_owned()),
            Just("{".to_owned()),
            Just("}".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just(":".to_owned()),
            Just(",".to_owned()),
            Just("\n".to_owned()),
            Just("\"".to_owned()),
            Just("Year,Month,Day,Headline,Type\n".to_owned()),
            Just("era".to_owned()),
            Just("title".to_owned()),
            "[ -~]{0,6}",
        ];
        proptest::collection::vec(word, 0..40).prop_map(|words| words.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn on_any_text(text in document()) {
            if let Ok(loaded) = parse_any(&text) {
                // Whatever loads, from any format, exports and reads back unchanged.
                let again = parse_any(&to_native_json(&loaded.dataset));
                prop_assert_eq!(again.map(|a| a.dataset), Ok(loaded.dataset.clone()));
                to_csv(&loaded.dataset);
            }
        }

        #[test]
        fn on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = parse_bytes(&bytes);
        }

        #[test]
        fn on_valid_events_with_random_fields(title in "[ -~]{0,20}", start in "[-0-9a-zQ ]{0,12}", summary in "[ -~]{0,40}") {
            let json = serde_json::json!({"events": [{"id": "a", "title": title, "start": start, "summary": summary}]}).to_string();
            let tl = serde_json::json!({"events": [{"start_date": {"year": start}, "text": {"headline": title, "text": summary}}]}).to_string();
            for text in [json, tl] {
                if let Ok(loaded) = parse_any(&text) {
                    let again = parse_any(&to_native_json(&loaded.dataset));
                    prop_assert_eq!(again.map(|a| a.dataset), Ok(loaded.dataset.clone()));
                }
            }
        }
    }
}

#[test]
fn importance_runs_from_one_to_five_and_ranks_labels() {
    let loaded = parse_any(
        r#"{"events": [
            {"id": "a", "title": "A", "start": "2000", "importance": 5},
            {"id": "b", "title": "B", "start": "2001", "importance": 9},
            {"id": "c", "title": "C", "start": "2002", "status": "planned"},
            {"id": "d", "title": "D", "start": "2003", "importance": 1, "status": "planned", "related": ["a"]}
        ]}"#,
    )
    .expect("loads");
    let events = &loaded.dataset.events;
    assert_eq!(events[0].importance, Some(5));
    assert_eq!(events[1].importance, None, "9 is out of range");
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.kind == Warning && p.message.contains("importance runs from 1")));
    let priority: Vec<u32> = events.iter().map(|e| e.label_priority()).collect();
    assert!(priority[0] > priority[2], "importance 5 beats planned");
    assert!(priority[2] > priority[1], "planned beats plain");
    assert!(
        priority[1] > priority[3],
        "importance 1 loses to the default"
    );
}

/// Every problem any fixture yields, in every format (the plain text format
/// too), reads in Japanese: its message, not just its location, is Japanese
/// and not the English again, and so is each message inside it. That every
/// message has a key of the interface's tables the compiler sees to
/// (`Message` has no conversion from a `String`); this checks that the
/// Japanese table translates what the keys say.
#[test]
fn fixtures_have_only_keyed_messages() {
    use annals::i18n::{Locale, Msg};
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let japanese = Locale::of("ja");
    let mut seen = 0;
    for name in &names {
        let problems = match parse_bytes(&fixture(name)) {
            Ok(loaded) => loaded.problems,
            Err(problems) => problems,
        };
        for problem in &problems {
            seen += 1;
            let ja = problem.message.text_in(japanese);
            assert_ne!(ja, problem.message.as_str(), "{name}");
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{name}: {ja:?} has no kana"
            );
            for key in problem.message.keys() {
                assert!(
                    key == Msg::KindNull || japanese.t(key) != Locale::ENGLISH.t(key),
                    "{name}: {key:?} reads the same in Japanese as in English"
                );
            }
        }
    }
    assert!(seen > 20, "the fixtures yield problems to check ({seen})");
}
