//! Round trips of the plain text format, and its located problems.

use proptest::prelude::*;

use super::*;
use crate::model::date::{Date, Season};
use crate::model::parse::locations;
use crate::model::{parse_bytes, parse_dataset, Dataset, ProblemKind, Status, Text};

const SAMPLE: &str = include_str!("../../../tests/fixtures/sample.txt");
const BAD_LINES: &str = include_str!("../../../tests/fixtures/bad-lines.txt");

/// Writes `dataset` as text and reads it back, which must give it unchanged.
fn round_trip(dataset: &Dataset) -> Result<(), String> {
    let text = to_text(dataset);
    let again = parse_text(&text).map_err(|p| format!("{p:#?}\n{text}"))?;
    if again.dataset != *dataset {
        return Err(format!(
            "{:#?}\nwas read back as\n{:#?}\nfrom\n{text}",
            dataset, again.dataset
        ));
    }
    Ok(())
}

#[test]
fn the_default_dataset_round_trips_without_problems() {
    let dataset = parse_dataset(crate::model::DEFAULT_DATASET_JSON)
        .unwrap()
        .dataset;
    let text = to_text(&dataset);
    let again = parse_text(&text).unwrap();
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.dataset, dataset);
    // It reads as the documentation shows it.
    assert!(text.starts_with("title: The U.S.–Japan alliance, 1960–2007\n"));
    assert!(text.contains(
        "\n\nfall 2005: Bush–Koizumi joint declaration expected\n  id: joint-declaration-planned\n"
    ));
    assert!(text.contains("\n  #\"missile threat\"\n"), "{text}");
}

#[test]
fn every_fixture_that_loads_round_trips() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut loaded = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(file) = parse_bytes(&std::fs::read(&path).unwrap()) {
            round_trip(&file.dataset).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            loaded.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    loaded.sort();
    for name in [
        "full.json",
        "sample.txt",
        "timelinejs.json",
        "timelinejs-sheet.csv",
    ] {
        assert!(loaded.iter().any(|l| l == name), "{name} in {loaded:?}");
    }
    assert!(loaded.len() >= 12, "{loaded:?}");
}

#[test]
fn the_sample_reads_every_kind_of_line() {
    let loaded = parse_text(SAMPLE).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let d = &loaded.dataset;
    assert_eq!(d.title.get("ja"), "プレーンテキストの例");
    assert_eq!(
        d.description.default_text(),
        "Every kind of line the *plain text* format has.\nA second paragraph follows a blank line:\n\n- it is Markdown, like summaries"
    );
    assert_eq!(
        (d.author.as_deref(), d.license.as_deref()),
        (Some("annals"), Some("CC0-1.0"))
    );
    assert_eq!(
        d.sources[0].url.as_deref(),
        Some("https://example.org/text-format")
    );
    let lanes: Vec<_> = d
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.label.default_text()))
        .collect();
    assert_eq!(lanes, [("earth", "Earth"), ("people", "People")]);
    assert_eq!(d.lanes[0].label.get("ja"), "地球");
    assert_eq!(d.themes.len(), 1);
    assert_eq!(d.themes[0].id, "extinction");
    assert_eq!(d.themes[0].label.default_text(), "Mass extinctions");
    assert_eq!(d.themes[0].label.get("ja"), "大量絶滅");
    assert_eq!(d.eras[0].id.as_deref(), Some("mesozoic"));
    assert_eq!(d.eras[0].title.get("ja"), "中生代");
    assert_eq!(
        (d.eras[0].start, d.eras[0].end),
        (Date::Year(-252_000_000), Date::Year(-66_000_000))
    );

    let event = |id: &str| &d.events[d.index_of(id).unwrap_or_else(|| panic!("{id}"))];
    let impact = event("chicxulub-impact");
    assert_eq!(
        impact.tags[..],
        ["extinction".to_owned(), "deep time".to_owned()]
    );
    assert_eq!(
        impact.display_date.as_deref().unwrap().default_text(),
        "66 million years ago"
    );
    assert_eq!(impact.media[0].caption.get("ja"), "クレーター");
    assert_eq!(impact.media[0].credit.default_text(), "Example");
    assert_eq!(d.lanes[impact.lane].id, "earth");
    assert_eq!(event("ides").start, Date::Year(-43));
    assert_eq!(event("ides").importance, Some(5));
    assert!(event("a-date-known-roughly").circa);
    let missile = event("taepodong");
    assert_eq!(missile.actors[..], ["North Korea".to_owned()]);
    let source = &missile.sources[0];
    assert_eq!(source.title, "U.S., Japan Redraw Alliance");
    assert_eq!(source.date, Some(Date::Day(2005, 4, 14)));
    assert_eq!(source.dateline.as_deref(), Some("Honolulu"));
    let talks = event("talks-on-the-alliance");
    assert_eq!(
        (talks.start, talks.end),
        (Date::Month(2005, 4), Some(Date::Season(2005, Season::Fall)))
    );
    assert_eq!(talks.status, Status::Proposed);
    let declaration = event("declaration");
    assert_eq!(declaration.status, Status::Planned);
    assert_eq!(declaration.related[..], [d.index_of("taepodong").unwrap()]);
    assert_eq!(
        declaration.summary.default_text(),
        "Expected in the fall; it came as the October 2005 \"2+2\" report.\nstatus: this line starts with a key, so a backslash keeps it text."
    );
    let landing = event("apollo-11-lands");
    assert_eq!(landing.start, Date::Minute(1969, 7, 20, 20 * 60 + 17));
    assert_eq!(landing.title.get("ja"), "アポロ11号着陸");
}

#[test]
fn bad_lines_are_located_by_line_and_column() {
    let loaded = parse_text(BAD_LINES).unwrap();
    let found: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| {
            let kind = if p.kind == ProblemKind::Error {
                "error"
            } else {
                "warning"
            };
            let first_words: String = p.message.split(' ').take(3).collect::<Vec<_>>().join(" ");
            format!("{}: {kind}: {first_words}", p.location)
        })
        .collect();
    assert_eq!(
        found,
        [
            "line 2, column 1: error: expected an event",
            "line 3, column 1: error: `2005-02-30`: February 2005",
            "line 4, column 1: error: `20x5`: the year",
            "line 5, column 8: error: it ends (2004)",
            "line 7, column 11: error: `rumoured` is not",
            "line 10, column 15: warning: importance runs from",
            "line 11, column 22: warning: `someday`: the year",
            "line 11, column 38: warning: only http and",
            "line 12, column 10: warning: media must be",
            "line 13, column 12: warning: no event has",
            "line 14, column 13: error: expected `@id: Label`",
            "line 15, column 3: warning: a lane takes",
            "line 16, column 13: error: it ends (1980)",
            "line 18, column 7: error: duplicate id: line",
        ]
    );
    assert_eq!(
        loaded.dataset.events.len(),
        1,
        "only `twice` at line 8 loads"
    );
}

#[test]
fn a_web_page_is_named_as_such() {
    let errors = parse_text("\n  <!DOCTYPE html>\n<html><body>Sign in</body></html>").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].location.to_string(), "line 2, column 3");
    assert!(
        errors[0].message.contains("web page"),
        "{}",
        errors[0].message
    );
}

#[test]
fn hand_written_forms_read_as_the_model_says() {
    let text = "title: \"  quoted, kept as written \"\n\
                @\"two words\": \"A label: with a colon\"\n\
                1998: \"Quoted\" title, not JSON\n  @\"two words\"\n  actors: a, \"b, c\", , d\n  related:\n\
                2000 – 2001: En dash\n  id: dash\n  title.en: ignored, it is the default language\n";
    let loaded = parse_text(text).unwrap();
    let d = &loaded.dataset;
    assert_eq!(
        d.title.default_text(),
        "quoted, kept as written",
        "the checks trim titles"
    );
    assert_eq!(d.lanes[0].label.default_text(), "A label: with a colon");
    let quoted = &d.events[0];
    assert_eq!(quoted.title.default_text(), "\"Quoted\" title, not JSON");
    assert_eq!(d.lanes[quoted.lane].id, "two words");
    assert_eq!(quoted.actors[..], ["a", "b, c", "d"].map(str::to_owned));
    assert_eq!(d.events[1].end, Some(Date::Year(2001)));
    assert_eq!(locations(&loaded.problems), ["line 9, column 13"]);
}

#[test]
fn risky_texts_are_escaped_and_read_back() {
    let mut dataset = parse_text("2000: A\n").unwrap().dataset;
    let event = &mut dataset.events[0];
    event.summary = Text::plain(
        "id: looks like a field\n#a #b\n@lane\n// not a comment\n\\backslash\n  indented\n\n   \nlast",
    );
    event.title = Text::plain("\"quoted\"");
    event.tags = vec!["two words".to_owned(), "\"q\"".to_owned(), "".to_owned()].into();
    event.actors = vec!["Smith, John".to_owned()].into();
    event.display_date = Some(Box::new(Text::plain("")));
    dataset.description = Text::plain("first\n  - nested\n#not a tag\nstatus: text");
    dataset.author = Some(String::new());
    round_trip(&dataset).unwrap();
}

fn document() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("title: ".to_owned()),
        Just("description:".to_owned()),
        Just("era: ".to_owned()),
        Just("source: ".to_owned()),
        Just("language: ".to_owned()),
        Just("@".to_owned()),
        Just("#".to_owned()),
        Just("~".to_owned()),
        Just("\\".to_owned()),
        Just("//".to_owned()),
        Just("\"".to_owned()),
        Just(" | ".to_owned()),
        Just("url: ".to_owned()),
        Just("date: ".to_owned()),
        Just(".ja".to_owned()),
        Just(", ".to_owned()),
        Just(": ".to_owned()),
        Just(" - ".to_owned()),
        Just("\n".to_owned()),
        Just("\n  ".to_owned()),
        Just("  id: ".to_owned()),
        Just("  status: ".to_owned()),
        Just("  related: ".to_owned()),
        Just("  media: ".to_owned()),
        Just("  importance: ".to_owned()),
        Just("1998-08-31".to_owned()),
        Just("fall 2005".to_owned()),
        Just("44 BCE".to_owned()),
        Just("66 Ma".to_owned()),
        Just("2005-02-30".to_owned()),
        Just("https://example.org/x".to_owned()),
        "[ -~é条]{0,6}",
    ];
    proptest::collection::vec(word, 0..40).prop_map(|words| words.concat())
}

/// A dataset from the native round-trip tests, with what they leave out:
/// importances, lanes labelled with their ids, texts that look like syntax.
fn dataset() -> impl Strategy<Value = Dataset> {
    let risky = prop_oneof![
        Just("id: x"),
        Just("#a #b"),
        Just("@lane"),
        Just("// c"),
        Just("\\"),
        Just("  - nested"),
        Just("a | b, c"),
        Just("\"q\""),
        Just("x:"),
        Just(""),
    ];
    (
        crate::model::export::tests::dataset(),
        proptest::collection::vec((0usize..8, 1u8..=5, risky), 0..6),
        any::<bool>(),
    )
        .prop_map(|(mut dataset, changes, plain_lanes)| {
            for (i, importance, risky) in changes {
                let n = dataset.events.len();
                let event = &mut dataset.events[i % n];
                event.importance = Some(importance);
                event.summary.default = format!("{}\n{risky}\nend", event.summary.default)
                    .trim()
                    .to_owned();
                event.tags = event
                    .tags
                    .iter()
                    .cloned()
                    .chain([risky.to_owned()])
                    .collect();
                if let Some(source) = event.sources.first_mut() {
                    source.note = Some(risky.to_owned());
                }
            }
            if plain_lanes {
                for lane in &mut dataset.lanes {
                    lane.label = Text::plain(lane.id.clone());
                }
            }
            dataset
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_datasets_round_trip(dataset in dataset()) {
        round_trip(&dataset).map_err(TestCaseError::fail)?;
    }

    /// Any text: never a panic, and whatever loads writes out and reads back.
    #[test]
    fn any_text_reads_without_panicking(text in document()) {
        if let Ok(loaded) = parse_text(&text) {
            round_trip(&loaded.dataset).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,200}") {
        let _ = parse_text(&text);
    }
}

#[test]
fn the_examples_in_the_documentation_load() {
    let doc = include_str!("../../../docs/text-format.md");
    let examples: Vec<&str> = doc
        .split("```text\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .filter(|block| !block.starts_with("bad-lines.txt"))
        .collect();
    assert!(examples.len() >= 4, "{examples:?}");
    let mut datasets = 0;
    for example in examples {
        // Fragments (lanes, eras) have no events, which is their only error.
        let problems = match parse_text(example) {
            Ok(loaded) => {
                datasets += 1;
                loaded.problems
            }
            Err(problems) => problems,
        };
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.kind == ProblemKind::Error)
            .filter(|p| !p.message.contains("no events"))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}\n{example}");
    }
    assert!(datasets >= 2);
}

/// Every problem the text format finds reads in Japanese: each of its own
/// messages (`p_text_*`) is met at least once below, and its Japanese is
/// Japanese, not the English again.
#[test]
fn every_text_problem_reads_in_japanese() {
    use crate::i18n::Msg;
    use crate::model::parse::japanese_keys;
    let long_date = "1".repeat(81);
    let text = format!(
        "  an indented line before anything\n\
         title: T\n  under the title\n\
         title: again\n\
         source: S | color: red | publisher.ja: X | nonsense | url: ftp://example.org\n\
         @lane extra\n\
         @lane2: L\n  not a label\n\
         @: No id\n\
         @lane2: Again\n\
         #theme: T\n#theme: T\n\
         &actor: A\n&actor\n\
         era: ~1990 - 2000: Era\n  not an era line\n\
         Not a line\n\
         2000: E\n  @lane2\n  @lane2\n  id: a\n  id: b\n  status: x\n\
         2001: F\n  title.en: other\n  media: https://example.org/a.jpg | size: big\n\
         12x BCE: Bad era year\n\
         0 BCE: No year zero\n\
         {long_date}: Long\n\
         2005-02-30: Hint\n"
    );
    let problems = match parse_text(&text) {
        Ok(loaded) => loaded.problems,
        Err(problems) => problems,
    };
    let html = parse_text("<html></html>").unwrap_err();
    let mut keys = Vec::new();
    for problem in problems.iter().chain(&html) {
        keys.extend(japanese_keys(&problem.message, "a text-format problem"));
    }
    for key in [
        Msg::PTextStrayIndent,
        Msg::PTextNoBody,
        Msg::PTextGivenTwice,
        Msg::PTextDeclarationForm,
        Msg::PTextDeclarationLine,
        Msg::NounLane,
        Msg::PLaneWithoutId,
        Msg::PLaneTwice,
        Msg::PThemeTwice,
        Msg::PActorTwice,
        Msg::PTextNotALine,
        Msg::PTextEraCirca,
        Msg::PTextEraLine,
        Msg::PTextHtml,
        Msg::PTextOneLane,
        Msg::PTextOneId,
        Msg::PTextStatus,
        Msg::PTextTitleOnLine,
        Msg::PTextSourcePart,
        Msg::PTextSourceTranslation,
        Msg::PTextMediaPart,
        Msg::PTextPartForm,
        Msg::PUnsafeUrl,
        Msg::PTextDateTooLong,
        Msg::PTextDateHint,
        Msg::PTextEraYears,
        Msg::PTextYearZero,
    ] {
        assert!(
            keys.contains(&key),
            "no problem says {key:?}:\n{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
