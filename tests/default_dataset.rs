//! The shipped dataset (`static/data/alliance.json`) in its second language:
//! every text a reader sees (titles, summaries, the dataset's title and
//! description, lane and theme names) has a Japanese translation, the Japanese names
//! the official documents and things by their official Japanese names
//! (`alliance-facts.md`), and it hedges where the English hedges.
#![cfg(not(target_arch = "wasm32"))]

use annals::model::{parse_dataset, Dataset, Text, DEFAULT_DATASET_JSON};

fn dataset() -> Dataset {
    let loaded = parse_dataset(DEFAULT_DATASET_JSON).expect("the shipped dataset loads");
    assert!(
        loaded.problems.is_empty(),
        "the shipped dataset loads cleanly: {:#?}",
        loaded.problems
    );
    loaded.dataset
}

/// Kana and CJK ideographs: a Japanese text holds at least one, so an
/// English title copied into the `ja` slot shows up.
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
    )
}

/// The Japanese of `text`, checked to be there, to differ from the English
/// and to read as Japanese.
fn japanese<'a>(text: &'a Text, what: &str) -> &'a str {
    let ja = text
        .translations
        .get("ja")
        .unwrap_or_else(|| panic!("{what} has no Japanese text"));
    assert!(!ja.trim().is_empty(), "{what}: the Japanese text is empty");
    assert_ne!(
        ja,
        text.default_text(),
        "{what}: the Japanese is the English"
    );
    assert!(
        ja.chars().any(is_japanese),
        "{what}: {ja:?} holds no kana or kanji"
    );
    assert_eq!(text.get("ja-JP"), ja, "{what}: ja-JP reads the Japanese");
    ja
}

#[test]
fn every_text_a_reader_sees_has_japanese() {
    let d = dataset();
    assert_eq!(d.language, "en", "English stays the default language");
    japanese(&d.title, "the dataset's title");
    japanese(&d.description, "the dataset's description");
    assert_eq!(d.events.len(), 26);
    for e in &d.events {
        japanese(&e.title, &format!("event {} title", e.id));
        japanese(&e.summary, &format!("event {} summary", e.id));
        assert!(
            e.display_date.is_none(),
            "{}: a display date wants Japanese too",
            e.id
        );
        assert!(
            e.media.is_empty(),
            "{}: media captions want Japanese too",
            e.id
        );
    }
    assert!(d.eras.is_empty(), "era names want Japanese too");
    assert_eq!(d.lanes.len(), 5);
    for lane in &d.lanes {
        japanese(&lane.label, &format!("lane {}", lane.id));
    }
    for theme in &d.themes {
        japanese(&theme.label, &format!("theme {}", theme.id));
        assert_eq!(
            theme.label.default_text(),
            theme.id,
            "the English name is the tag"
        );
    }
    for e in &d.events {
        for tag in e.tags.iter() {
            assert!(
                d.themes.iter().any(|t| &t.id == tag),
                "event {}: theme {tag:?} is not declared in `themes`, so it has no Japanese name",
                e.id
            );
        }
    }
}

/// The names listed in `alliance-facts.md` ("Official Japanese names"), with
/// the English that names the same thing in our text: wherever an English
/// title or summary says the one, its Japanese says the other, exactly.
const OFFICIAL_NAMES: &[(&str, &str)] = &[
    (
        "Treaty of Mutual Cooperation and Security",
        "日本国とアメリカ合衆国との間の相互協力及び安全保障条約（日米安全保障条約）",
    ),
    (
        "Security Consultative Committee",
        "日米安全保障協議委員会（「2+2」）",
    ),
    ("common strategic objectives", "共通戦略目標"),
    (
        "Transformation and Realignment for the Future",
        "「日米同盟：未来のための変革と再編」",
    ),
    (
        "Roadmap for Realignment Implementation",
        "「再編実施のための日米のロードマップ」",
    ),
    ("Alliance of the New Century", "「新世紀の日米同盟」"),
    ("I Corps", "第1軍団"),
    ("Camp Zama", "キャンプ座間"),
    ("Taepodong-1", "テポドン1号"),
    ("Kongo", "護衛艦「こんごう」"),
];

#[test]
fn the_japanese_uses_the_official_names_where_the_english_names_the_documents() {
    let d = dataset();
    let mut used = vec![0; OFFICIAL_NAMES.len()];
    for e in &d.events {
        for (field, text) in [("title", &e.title), ("summary", &e.summary)] {
            let ja = japanese(text, &e.id);
            for (n, (english, official)) in OFFICIAL_NAMES.iter().enumerate() {
                if text.default_text().contains(english) {
                    used[n] += 1;
                    assert!(
                        ja.contains(official),
                        "event {} {field} names {english:?}, so its Japanese should say {official}: {ja}",
                        e.id
                    );
                }
            }
        }
    }
    for (n, (english, _)) in OFFICIAL_NAMES.iter().enumerate() {
        assert!(
            used[n] > 0,
            "no English text names {english:?}: the table is stale"
        );
    }
}

/// The Japanese names of the documents are written only as listed: the
/// quoted titles never appear cut short or in other brackets.
#[test]
fn the_document_names_are_never_written_half() {
    let d = dataset();
    for e in &d.events {
        for text in [&e.title, &e.summary] {
            let ja = japanese(text, &e.id);
            for (part, whole) in [
                (
                    "未来のための変革と再編",
                    "「日米同盟：未来のための変革と再編」",
                ),
                ("再編実施のための", "「再編実施のための日米のロードマップ」"),
                ("新世紀の日米同盟", "「新世紀の日米同盟」"),
                (
                    "日米安全保障協議委員会",
                    "日米安全保障協議委員会（「2+2」）",
                ),
            ] {
                assert_eq!(
                    ja.matches(part).count(),
                    ja.matches(whole).count(),
                    "event {}: {part} only as part of {whole}: {ja}",
                    e.id
                );
            }
        }
    }
}

/// Where the English hedges or reports a plan, and how the Japanese does:
/// (event id, English words, Japanese words). Every English summary with a
/// word of [`HEDGES`] has its rows here, so new hedged English cannot go
/// without a look at its Japanese.
const HEDGED: &[(&str, &str, &str)] = &[
    ("taepodong-1-launch", "would aim", "ことになる"),
    ("bush-global-realignment", "would bring", "とする"),
    ("article-published", "would turn", "ことになる"),
    ("alliance-talks", "are to meet", "予定"),
    ("joint-declaration-planned", "expected", "見込んでいた"),
    (
        "joint-declaration-planned",
        "appears to have come",
        "とみられる",
    ),
    ("rumsfeld-asia-posture-plan", "would dismantle", "とされる"),
    (
        "agenda-roles-and-missions",
        "are to settle",
        "ことになっている",
    ),
    ("agenda-combined-training", "would grow", "見通し"),
    ("agenda-combined-training", "would widen", "とされる"),
    ("agenda-intelligence-sharing", "would share", "とされる"),
    ("agenda-war-plans", "would say only", "述べるにとどめた"),
    ("agenda-army-corps-hq", "would move", "とされる"),
    ("agenda-missile-defense", "would research", "とされる"),
    (
        "scc-transformation-realignment",
        "appears to be",
        "とみられる",
    ),
    ("scc-transformation-realignment", "expected", "予想した"),
    ("alliance-new-century-statement", "expected", "予想していた"),
];

/// English words that hedge or report a plan.
const HEDGES: &[&str] = &["would", "appear", "seem", "expect", "are to", "is to"];

#[test]
fn the_japanese_hedges_where_the_english_does() {
    let d = dataset();
    for e in &d.events {
        let (en, ja) = (e.summary.default_text(), japanese(&e.summary, &e.id));
        let rows: Vec<_> = HEDGED.iter().filter(|(id, _, _)| *id == e.id).collect();
        for (_, english, japanese) in &rows {
            assert!(
                en.contains(english),
                "{}: the English says {english:?}",
                e.id
            );
            assert!(
                ja.contains(japanese),
                "{}: the English says {english:?}, so the Japanese should say {japanese}: {ja}",
                e.id
            );
        }
        for hedge in HEDGES {
            if en.contains(hedge) {
                assert!(
                    rows.iter().any(|(_, english, _)| english.contains(hedge)),
                    "{}: the English says {hedge:?}; add how the Japanese says it to HEDGED",
                    e.id
                );
            }
        }
    }
    for (id, _, _) in HEDGED {
        assert!(d.index_of(id).is_some(), "HEDGED names no event {id}");
    }
    let description = japanese(&d.description, "the description");
    assert!(d.description.default_text().contains("expected"));
    assert!(description.contains("予想していた"), "{description}");
}

/// The planned declaration stays planned in Japanese: "expected", never a
/// declaration that was issued.
#[test]
fn the_planned_declaration_reads_as_expected_in_japanese() {
    let d = dataset();
    let planned = &d.events[d.index_of("joint-declaration-planned").unwrap()];
    let title = japanese(&planned.title, "the planned declaration");
    assert!(title.contains("見通し"), "{title}");
    let summary = japanese(&planned.summary, "the planned declaration");
    assert!(summary.contains("出されなかった"), "{summary}");
}

/// Every actor an event names is declared with a Japanese name, so a
/// Japanese card reads 米国、日本 rather than "United States, Japan"; an
/// English reader still reads the names as the events write them.
#[test]
fn every_actor_has_a_japanese_name() {
    let d = dataset();
    let expected = [
        ("United States", "米国"),
        ("Japan", "日本"),
        ("North Korea", "北朝鮮"),
        ("China", "中国"),
        ("South Korea", "韓国"),
    ];
    let mut named = 0;
    for e in &d.events {
        for actor in e.actors.iter() {
            named += 1;
            let declared = d
                .actors
                .iter()
                .find(|a| &a.id == actor)
                .unwrap_or_else(|| panic!("{}: actor {actor:?} is not declared", e.id));
            let ja = japanese(&declared.label, &format!("actor {actor}"));
            assert_eq!(d.actor_label(actor, "ja"), ja);
            assert_eq!(d.actor_label(actor, "en"), actor.as_str());
            if let Some((_, want)) = expected.iter().find(|(en, _)| en == actor) {
                assert_eq!(ja, *want, "{actor}");
            }
        }
    }
    assert!(named > 40, "the events name their actors ({named})");
    let both = d
        .events
        .iter()
        .find(|e| e.actors.len() == 2 && e.actors[0] == "United States" && e.actors[1] == "Japan")
        .expect("an event of both countries");
    assert_eq!(d.actors_in(both, "ja"), "米国、日本");
    assert_eq!(d.actors_in(both, "en"), "United States, Japan");
}
