//! The interface's languages: every text the app itself shows, one table a
//! language, and the choice of language.
//!
//! The tables are data, `src/i18n/en.toml`, `ja.toml` and so on (how to add a
//! message or a language is at the top of en.toml). `build.rs` turns them into
//! [`Msg`], one variant a key of the English table, and one array of texts a
//! language: a language that lacks a key or whose placeholders differ fails
//! the build, and a key used in code but not in en.toml does not compile.
//!
//! A [`Locale`] is one of those languages; [`Locale::of`] finds the one for a
//! reader's language tag, English when annals does not speak it. The texts of
//! a dataset are not here: they are [`crate::model::Text`]s, read in the
//! reader's language with `Text::get`. How a language writes dates is its
//! [`crate::model::date::DateWriter`] ([`Locale::dates`]).
//!
//! Pure: no yew, no DOM; the components, the reducer, the layout and the
//! prerender all read it.

use std::fmt::Display;

use crate::model::date::{DateWriter, English, Japanese};
use crate::model::Status;

#[cfg(test)]
mod table;

/// One language's table.
struct Language {
    /// Its BCP 47 tag, the file's name: `en`, `ja`.
    tag: &'static str,
    /// Its texts, in the order of [`Msg`].
    texts: [&'static str; MESSAGES],
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A language of the interface. Cheap to copy; compare by tag.
#[derive(Clone, Copy)]
pub struct Locale(&'static Language);

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.0.tag == other.0.tag
    }
}

impl Eq for Locale {}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Locale({})", self.0.tag)
    }
}

impl Default for Locale {
    fn default() -> Locale {
        Locale::ENGLISH
    }
}

impl Locale {
    /// English, the reference and the fallback.
    pub const ENGLISH: Locale = Locale(&LANGUAGES[0]);

    /// Every language of the interface, English first.
    pub fn all() -> impl Iterator<Item = Locale> {
        LANGUAGES.iter().map(Locale)
    }

    /// Where the language comes in [`Locale::all`].
    pub fn position(self) -> usize {
        LANGUAGES
            .iter()
            .position(|l| l.tag == self.0.tag)
            .unwrap_or(0)
    }

    /// The language for a tag, when annals speaks it: the exact tag, or its
    /// primary language (`ja-JP` is `ja`), ignoring case.
    pub fn find(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        Locale::all()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
            .or_else(|| Locale::all().find(|l| l.tag().eq_ignore_ascii_case(primary)))
    }

    /// The language for a tag, or English.
    pub fn of(tag: &str) -> Locale {
        Locale::find(tag).unwrap_or_default()
    }

    /// The first of a reader's preferred languages (`navigator.languages`,
    /// best first) that annals speaks, as its tag; `None` if none is.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
        preferred
            .into_iter()
            .find_map(Locale::find)
            .map(Locale::tag)
    }

    /// The BCP 47 tag: `en`, `ja`.
    pub fn tag(self) -> &'static str {
        self.0.tag
    }

    /// The language's name in itself, for the language menu: "日本語".
    pub fn name(self) -> &'static str {
        self.t(Msg::LanguageName)
    }

    /// A message's text.
    pub fn t(self, msg: Msg) -> &'static str {
        self.0.texts[msg as usize]
    }

    /// A message with its `{placeholders}` filled in from `args`. A
    /// placeholder without an argument stays as written, so a mistake shows
    /// instead of vanishing (the tests fill every message).
    pub fn f(self, msg: Msg, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(msg), args)
    }

    /// How this language writes dates and numbers. A language without a
    /// writer of its own writes them the English way.
    pub fn dates(self) -> &'static dyn DateWriter {
        match self.tag() {
            "ja" => &Japanese,
            _ => &English,
        }
    }

    /// A status as the badge, the legend and the filters name it.
    pub fn status(self, status: Status) -> &'static str {
        self.t(match status {
            Status::Occurred => Msg::StatusOccurred,
            Status::Planned => Msg::StatusPlanned,
            Status::Proposed => Msg::StatusProposed,
            Status::Cancelled => Msg::StatusCancelled,
        })
    }

    /// A count with its digits grouped as the language groups them.
    pub fn count(self, n: impl TryInto<u64>) -> String {
        self.dates().count(n.try_into().unwrap_or(u64::MAX))
    }
}

/// `text` with each `{name}` replaced by the argument of that name.
fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => {
                        use std::fmt::Write as _;
                        let _ = write!(out, "{value}");
                    }
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::table::{compare, parse, placeholders};
    use super::*;

    /// Every language file, read again as the build read it.
    fn files() -> Vec<(&'static str, Vec<table::Entry>)> {
        [
            ("en", include_str!("en.toml")),
            ("ja", include_str!("ja.toml")),
        ]
        .into_iter()
        .map(|(tag, source)| (tag, parse(source).expect(tag)))
        .collect()
    }

    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let files = files();
        let (_, english) = &files[0];
        assert!(
            english.len() > 100,
            "the English table is the whole interface"
        );
        assert_eq!(english.len(), MESSAGES);
        for (tag, entries) in &files[1..] {
            assert_eq!(compare(english, entries, tag), Vec::<String>::new());
            assert_eq!(entries.len(), english.len(), "{tag}");
        }
        assert_eq!(
            Locale::all().map(Locale::tag).collect::<Vec<_>>(),
            files.iter().map(|(tag, _)| *tag).collect::<Vec<_>>(),
            "the build and this test read the same files"
        );
    }

    #[test]
    fn the_comparison_finds_missing_keys_extra_keys_and_other_placeholders() {
        let english = parse("a = \"A {n}\"\nb = \"B\"\n").unwrap();
        let other = parse("a = \"A {m}\"\nc = \"C\"\n").unwrap();
        let problems = compare(&english, &other, "xx.toml");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("placeholders [\"m\"]"));
        assert!(problems[1].contains("`b` is missing"));
        assert!(problems[2].contains("`c` is not in en.toml"));
    }

    #[test]
    fn the_table_format_reads_strings_and_rejects_mistakes_with_the_line() {
        let read = parse("# note\n\nkey_1 = \"say \\\"hi\\\" \\u65e5 {x}\"  # why\n").unwrap();
        assert_eq!(read[0].key, "key_1");
        assert_eq!(read[0].text, "say \"hi\" 日 {x}");
        assert_eq!(read[0].line, 3);
        assert_eq!(placeholders("{b} and {a} and {b}"), ["a", "b"]);
        assert_eq!(table::variant("zoom_in"), "ZoomIn");
        assert_eq!(table::variant("status_2d"), "Status2d");
        let cases = [
            ("a = b", "line 1: the text should be in double quotes"),
            ("\nA = \"x\"", "line 2: the key `A`"),
            ("a = \"x\"\na = \"y\"", "line 2: the key `a` is given twice"),
            ("a = \"x", "no closing quote"),
            ("a = \"\\q\"", "not an escape"),
            ("a = \"x\" y", "unexpected `y`"),
            ("just text", "expected `key = \"text\"`"),
        ];
        for (source, needle) in cases {
            let error = parse(source).expect_err(source);
            assert!(error.contains(needle), "{source:?}: {error}");
        }
    }

    #[test]
    fn every_message_fills_in_every_placeholder_in_every_language() {
        let (_, english) = &files()[0];
        for locale in Locale::all() {
            for (i, entry) in english.iter().enumerate() {
                let names = placeholders(&entry.text);
                let args: Vec<(&str, &dyn Display)> = names
                    .iter()
                    .map(|n| (n.as_str(), &"X" as &dyn Display))
                    .collect();
                let text = fill(locale.0.texts[i], &args);
                assert!(!text.is_empty(), "{}: {} is empty", locale.tag(), entry.key);
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{}: {} leaves {text:?}",
                    locale.tag(),
                    entry.key
                );
            }
        }
    }

    /// A control's accessible name contains the text it shows (WCAG 2.5.3,
    /// axe's label-content-name-mismatch), in every language.
    #[test]
    fn accessible_names_contain_the_visible_text() {
        let pairs = [
            (Msg::FitAll, Msg::Fit),
            (Msg::ShortcutsButtonTitle, Msg::Shortcuts),
        ];
        for locale in Locale::all() {
            for (name, shown) in pairs {
                assert!(
                    locale.t(name).contains(locale.t(shown)),
                    "{}: {:?} does not contain {:?}",
                    locale.tag(),
                    locale.t(name),
                    locale.t(shown)
                );
            }
        }
    }

    #[test]
    fn a_reader_gets_the_first_language_annals_speaks_then_english() {
        assert_eq!(Locale::negotiate(["fr-FR", "ja-JP", "en"]), Some("ja"));
        assert_eq!(Locale::negotiate(["EN-gb"]), Some("en"));
        assert_eq!(Locale::negotiate(["fr", "de"]), None);
        assert_eq!(Locale::of("ja_JP").tag(), "ja");
        assert_eq!(Locale::of("fr"), Locale::ENGLISH);
        assert_eq!(Locale::of("ja").t(Msg::ZoomIn), "拡大");
        assert_eq!(Locale::ENGLISH.name(), "English");
    }

    /// static/early.js hides the English prerender when the reader's
    /// language is another one annals speaks: its list of languages is
    /// this one.
    #[test]
    fn early_js_knows_every_language() {
        let early = include_str!("../../static/early.js");
        let tags: Vec<String> = Locale::all().map(|l| format!("'{}'", l.tag())).collect();
        let list = format!("var spoken = [{}];", tags.join(", "));
        assert!(early.contains(&list), "static/early.js should say {list}");
    }

    #[test]
    fn placeholders_fill_by_name_and_unknown_ones_stay() {
        let shown = Locale::ENGLISH.f(Msg::ShowingOf, &[("total", &26), ("shown", &"3")]);
        assert_eq!(shown, "Showing 3 of 26 events");
        let ja = Locale::of("ja").f(Msg::ShowingOf, &[("total", &26), ("shown", &3)]);
        assert_eq!(ja, "26件中3件を表示");
        assert_eq!(fill("a {x} {y} {", &[("x", &1)]), "a 1 {y} {");
    }
}
