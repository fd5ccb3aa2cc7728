//! The safe Markdown subset of summaries, parsed into a tiny tree that a view
//! renders as elements, never through `innerHTML`.
//!
//! Kept: paragraphs, bulleted and numbered lists, emphasis, strong emphasis and
//! links to http, https and mailto. Everything else degrades to its text:
//! headings and code become paragraphs, images become their alt text, and raw
//! HTML is shown as the literal text the author typed. A link to any other
//! scheme (`javascript:`, `data:`, relative paths) keeps its text, loses its
//! target and produces a warning.
//!
//! The parser is our own and reads the CommonMark syntax of that subset:
//! block quotes, lists with their indentation and lazy continuation lines,
//! ATX and setext headings, fenced and indented code, thematic breaks (dropped)
//! and HTML blocks (`block.rs`); backslash escapes, code spans, `*` and `_`
//! emphasis with CommonMark's delimiter rules, inline links with optional
//! titles, images, autolinks, raw inline HTML and hard line breaks
//! (`inline.rs`). Not read, so shown as written: reference links and their
//! `[label]: url` definitions, and every extension (tables, strikethrough,
//! footnotes). Character references: every numeric one (`&#39;`, `&#x263A;`),
//! but only the named ones in `named_entity` (`&amp; &lt; &gt; &quot; &apos;
//! &nbsp;`, dashes, quotes, ellipsis and a few letters), not HTML's table of
//! more than two thousand; any other `&name;` stays as written.
//!
//! Input is untrusted. Nothing panics; the work stays near linear in the
//! input (see `inline.rs` for how); at most a fixed number of containers are
//! open at once; and lists and inline markup nested deeper than [`MAX_DEPTH`]
//! are flattened into their parent, so neither building, rendering nor
//! dropping the tree can overflow the stack.

mod block;
#[cfg(test)]
mod commonmark;
mod inline;

/// Deepest nesting of lists and inline markup kept; deeper markup is flattened
/// into its parent.
pub const MAX_DEPTH: usize = 24;

/// A run of inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text; "\n" stands for a hard line break.
    Text(String),
    /// Emphasis, usually italic.
    Emphasis(Vec<Inline>),
    /// Strong emphasis, usually bold.
    Strong(Vec<Inline>),
    /// A link to an http, https or mailto URL.
    Link {
        /// The target, already checked to be http, https or mailto.
        href: String,
        /// The link text.
        children: Vec<Inline>,
    },
}

/// A block of a summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list; each item is a sequence of blocks.
    List {
        /// The first number of a numbered list, or `None` for bullets.
        start: Option<u64>,
        /// The items.
        items: Vec<Vec<Block>>,
    },
}

/// Whether a link target may be followed: http, https and mailto only.
pub fn safe_link(href: &str) -> bool {
    safe_url(href) || has_scheme(href, "mailto:")
}

/// Whether a media or source URL may be used: http and https only; anything
/// else could run script or leak to an unexpected handler when clicked.
pub(crate) fn safe_url(url: &str) -> bool {
    has_scheme(url, "https://") || has_scheme(url, "http://")
}

/// Whether `url` (after leading space) starts with `scheme`, in any case.
fn has_scheme(url: &str, scheme: &str) -> bool {
    url.trim_start()
        .get(..scheme.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
}

/// Parses Markdown into blocks, with a warning for each link target dropped.
pub fn parse(source: &str) -> (Vec<Block>, Vec<super::Message>) {
    // CommonMark reads U+0000 as U+FFFD.
    let cleaned;
    let mut rest = source;
    if source.contains('\0') {
        cleaned = source.replace('\0', "\u{fffd}");
        rest = &cleaned;
    }
    let mut warnings = Vec::new();
    let mut parser = block::Parser::new(&mut warnings);
    // Lines end at "\n", "\r\n" or "\r".
    loop {
        match rest.find(['\n', '\r']) {
            Some(end) => {
                parser.line(&rest[..end]);
                let ending = if rest[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = &rest[end + ending..];
            }
            // A final line ending ends the last line; it does not start another.
            None => {
                if !rest.is_empty() {
                    parser.line(rest);
                }
                break;
            }
        }
    }
    let blocks = parser.finish();
    (blocks, warnings)
}

/// The named character references read, in Markdown and in imported HTML: the
/// common ones only.
pub(crate) fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "eacute" => 'é',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        _ => return None,
    })
}

/// A character reference at the start of `s` (which starts with '&'): the
/// character and the length. The one decoder of the Markdown and HTML readers. Numeric references are all decoded (invalid code
/// points become U+FFFD); named ones only from [`named_entity`]'s short list.
pub(crate) fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let digits = b[start..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 || digits > if hex { 6 } else { 7 } || b.get(start + digits) != Some(&b';') {
            return None;
        }
        let code =
            u32::from_str_radix(&s[start..start + digits], if hex { 16 } else { 10 }).ok()?;
        let ch = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        return Some((ch, start + digits + 1));
    }
    let len = b[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if len == 0 || len > 32 || b.get(1 + len) != Some(&b';') {
        return None;
    }
    Some((named_entity(&s[1..1 + len])?, len + 2))
}

/// Escapes text so that Markdown shows it literally; used when converting
/// other formats' plain text and HTML into the subset.
pub(crate) fn escape(text: &str, at_line_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    if at_line_start {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let marker = match bytes.first() {
            Some(b'-' | b'+' | b'=') => true,
            _ => digits > 0 && matches!(bytes.get(digits), Some(b'.' | b')')),
        };
        if marker && digits == 0 {
            out.push('\\');
        } else if marker {
            out.push_str(&text[..digits]);
            out.push('\\');
            out.push_str(&escape(&text[digits..], false));
            return out;
        }
    }
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '~' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn keeps_the_subset() {
        let (blocks, warnings) =
            parse("Some *emphasis*, **strong** and [a link](https://example.org).\n\n- one\n- two");
        assert!(warnings.is_empty());
        assert_eq!(
            blocks,
            [
                Block::Paragraph(vec![
                    text("Some "),
                    Inline::Emphasis(vec![text("emphasis")]),
                    text(", "),
                    Inline::Strong(vec![text("strong")]),
                    text(" and "),
                    Inline::Link {
                        href: "https://example.org".into(),
                        children: vec![text("a link")]
                    },
                    text("."),
                ]),
                Block::List {
                    start: None,
                    items: vec![
                        vec![Block::Paragraph(vec![text("one")])],
                        vec![Block::Paragraph(vec![text("two")])]
                    ]
                },
            ]
        );
    }

    #[test]
    fn unsafe_links_keep_their_text_and_warn() {
        let cases = [
            "[x](javascript:alert(1))",
            "[x](data:text/html,hi)",
            "[x](/relative)",
            "[x](JaVaScRiPt:alert(1))",
        ];
        for source in cases {
            let (blocks, warnings) = parse(source);
            assert_eq!(blocks, [Block::Paragraph(vec![text("x")])], "{source}");
            assert_eq!(warnings.len(), 1, "{source}");
        }
        let (blocks, warnings) = parse("[mail](mailto:a@example.org)");
        assert!(warnings.is_empty());
        assert!(matches!(&blocks[0], Block::Paragraph(i) if matches!(&i[0], Inline::Link { .. })));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let (blocks, _) = parse("Hi <script>alert(1)</script> there");
        assert_eq!(
            blocks,
            [Block::Paragraph(vec![text(
                "Hi <script>alert(1)</script> there"
            )])]
        );
        let (blocks, _) = parse("<div onclick=\"x()\">\nblock\n</div>");
        assert_eq!(
            blocks,
            [Block::Paragraph(vec![text(
                "<div onclick=\"x()\">\nblock\n</div>"
            )])]
        );
    }

    #[test]
    fn other_markdown_degrades_to_text() {
        let (blocks, _) = parse("# Title\n\n![alt text](https://x/y.png)\n\n> quoted");
        assert_eq!(
            blocks,
            [
                Block::Paragraph(vec![text("Title")]),
                Block::Paragraph(vec![text("alt text")]),
                Block::Paragraph(vec![text("quoted")]),
            ]
        );
    }

    #[test]
    fn numbered_lists_keep_their_start() {
        let (blocks, _) = parse("3. c\n4. d");
        assert!(matches!(&blocks[0], Block::List { start: Some(3), items } if items.len() == 2));
    }

    #[test]
    fn deep_nesting_is_flattened_not_overflowed() {
        let source = "- ".repeat(5_000) + "x";
        let (blocks, _) = parse(&source);
        pub(super) fn depth(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(_) => 0,
                    Block::List { items, .. } => {
                        1 + items.iter().map(|i| depth(i)).max().unwrap_or(0)
                    }
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&blocks) <= MAX_DEPTH, "depth {}", depth(&blocks));
        for unit in ["*", ">", "[", "> - ", "<", "**_"] {
            let source = unit.repeat(50_000) + "x" + &"*".repeat(1_000);
            parse(&source);
        }
    }

    #[test]
    fn escaped_text_reads_back_literally() {
        let cases = [
            "a *b* [c](d) <e> #f & g_h",
            "- not a list",
            "1. not a list",
            "&amp; stays",
        ];
        for literal in cases {
            let (blocks, _) = parse(&escape(literal, true));
            assert_eq!(blocks, [Block::Paragraph(vec![text(literal)])], "{literal}");
        }
    }

    fn para(inlines: Vec<Inline>) -> Block {
        Block::Paragraph(inlines)
    }

    fn link(href: &str, children: Vec<Inline>) -> Inline {
        Inline::Link {
            href: href.into(),
            children,
        }
    }

    fn bullets(items: Vec<Vec<Block>>) -> Block {
        Block::List { start: None, items }
    }

    #[test]
    fn lists_nest_by_indentation_and_split_by_marker() {
        // The shape html::to_markdown writes: three spaces per level.
        let (blocks, _) = parse("- a\n   - b\n   - c\n- d");
        assert_eq!(
            blocks,
            [bullets(vec![
                vec![
                    para(vec![text("a")]),
                    bullets(vec![
                        vec![para(vec![text("b")])],
                        vec![para(vec![text("c")])]
                    ])
                ],
                vec![para(vec![text("d")])],
            ])]
        );
        let (blocks, _) = parse("1. a\n\n   more\n2. b");
        assert_eq!(
            blocks,
            [Block::List {
                start: Some(1),
                items: vec![
                    vec![para(vec![text("a")]), para(vec![text("more")])],
                    vec![para(vec![text("b")])]
                ]
            }]
        );
        // Another bullet character or delimiter starts another list.
        let (blocks, _) = parse("- a\n+ b\n1. c\n1) d");
        assert_eq!(blocks.len(), 4, "{blocks:?}");
        // Only a list numbered from 1 interrupts a paragraph.
        assert_eq!(
            parse("The year\n1998. was late").0,
            [para(vec![text("The year 1998. was late")])]
        );
        assert!(matches!(
            &parse("Steps:\n1. one").0[..],
            [Block::Paragraph(_), Block::List { start: Some(1), .. }]
        ));
        // A lazy line continues the item's paragraph; an unindented paragraph after a blank line ends the list.
        assert_eq!(
            parse("- a\nb").0,
            [bullets(vec![vec![para(vec![text("a b")])]])]
        );
        assert_eq!(
            parse("- a\n\nb").0,
            [
                bullets(vec![vec![para(vec![text("a")])]]),
                para(vec![text("b")])
            ]
        );
        assert_eq!(
            parse("-\n  late").0,
            [bullets(vec![vec![para(vec![text("late")])]])]
        );
        assert_eq!(
            parse("- a\n***\n- b").0.len(),
            2,
            "a thematic break ends the list"
        );
    }

    #[test]
    fn quotes_headings_and_code_become_paragraphs() {
        let (blocks, _) = parse("> quoted *text*\ncontinued\n\n> - in a list");
        assert_eq!(
            blocks,
            [
                para(vec![
                    text("quoted "),
                    Inline::Emphasis(vec![text("text")]),
                    text(" continued")
                ]),
                bullets(vec![vec![para(vec![text("in a list")])]])
            ]
        );
        assert_eq!(
            parse("## Title ##\nSetext\n===\ntext").0,
            [
                para(vec![text("Title")]),
                para(vec![text("Setext")]),
                para(vec![text("text")])
            ]
        );
        assert_eq!(
            parse("```rust\nlet *x* = 1;\n\nx\n```\nafter").0,
            [
                para(vec![text("let *x* = 1;\n\nx")]),
                para(vec![text("after")])
            ]
        );
        assert_eq!(
            parse("    indented *code*\n\n    more").0,
            [para(vec![text("indented *code*\n\nmore")])]
        );
        assert_eq!(
            parse("a\n\n---\n\nb").0,
            [para(vec![text("a")]), para(vec![text("b")])]
        );
        assert_eq!(
            parse("<!-- a\n\nb -->\nc").0,
            [para(vec![text("<!-- a\n\nb -->")]), para(vec![text("c")])]
        );
        // A lone tag starts an HTML block, except inside a paragraph.
        assert_eq!(parse("<span>\n*x*").0, [para(vec![text("<span>\n*x*")])]);
        assert_eq!(
            parse("a\n<span>\n*x*").0,
            [para(vec![
                text("a <span> "),
                Inline::Emphasis(vec![text("x")])
            ])]
        );
    }

    #[test]
    fn inline_syntax() {
        let cases: Vec<(&str, Vec<Inline>)> = vec![
            ("a  \nb\\\nc\nd", vec![text("a\nb\nc d")]),
            ("\\*not\\* \\[x\\] \\a", vec![text("*not* [x] \\a")]),
            (
                "&amp; &lt; &gt; &quot; &#39; &nbsp; &#x263A; &#9731; &#0; &hearts; & x",
                vec![text("& < > \" ' \u{a0} ☺ ☃ \u{fffd} &hearts; & x")],
            ),
            ("`*code*` and `` a`b ``", vec![text("*code* and a`b")]),
            ("*a `*` b*", vec![Inline::Emphasis(vec![text("a * b")])]),
            (
                "snake_case_name and 2*3*4",
                vec![
                    text("snake_case_name and 2"),
                    Inline::Emphasis(vec![text("3")]),
                    text("4"),
                ],
            ),
            (
                "***both*** __strong__ _em_",
                vec![
                    Inline::Emphasis(vec![Inline::Strong(vec![text("both")])]),
                    text(" "),
                    Inline::Strong(vec![text("strong")]),
                    text(" "),
                    Inline::Emphasis(vec![text("em")]),
                ],
            ),
            (
                "*a **b** c*",
                vec![Inline::Emphasis(vec![
                    text("a "),
                    Inline::Strong(vec![text("b")]),
                    text(" c"),
                ])],
            ),
            (
                "**unclosed *and* [open",
                vec![
                    text("**unclosed "),
                    Inline::Emphasis(vec![text("and")]),
                    text(" [open"),
                ],
            ),
            (
                "[t](https://x.org/a_(b)_c \"title\")",
                vec![link("https://x.org/a_(b)_c", vec![text("t")])],
            ),
            (
                "[t](<https://x.org/a b> 'title')",
                vec![link("https://x.org/a b", vec![text("t")])],
            ),
            (
                "[t](https://x.org/?a=1&amp;b=\\*)",
                vec![link("https://x.org/?a=1&b=*", vec![text("t")])],
            ),
            (
                "[*t*](HTTPS://X.ORG)",
                vec![link(
                    "HTTPS://X.ORG",
                    vec![Inline::Emphasis(vec![text("t")])],
                )],
            ),
            (
                "[a [b](https://b.org) c](https://a.org)",
                vec![
                    text("[a "),
                    link("https://b.org", vec![text("b")]),
                    text(" c](https://a.org)"),
                ],
            ),
            (
                "[![alt *x*](i.png)](https://x.org)",
                vec![link(
                    "https://x.org",
                    vec![text("alt "), Inline::Emphasis(vec![text("x")])],
                )],
            ),
            (
                "[no target] [x] (y) [z]()",
                vec![text("[no target] [x] (y) z")],
            ),
            (
                "<https://x.org/a?b> <a.b@example.org>",
                vec![
                    link("https://x.org/a?b", vec![text("https://x.org/a?b")]),
                    text(" "),
                    link("mailto:a.b@example.org", vec![text("a.b@example.org")]),
                ],
            ),
            (
                "<span title=\"*x*\">y</span> <a <b",
                vec![text("<span title=\"*x*\">y</span> <a <b")],
            ),
            ("a\0b", vec![text("a\u{fffd}b")]),
        ];
        for (source, inlines) in cases {
            let (blocks, _) = parse(source);
            assert_eq!(blocks, [para(inlines)], "{source:?}");
        }
    }

    #[test]
    fn line_endings_and_tabs() {
        assert_eq!(
            parse("a\r\nb\r\rc\n").0,
            [para(vec![text("a b")]), para(vec![text("c")])]
        );
        assert_eq!(
            parse("-\ta\n\t-\tb").0,
            [bullets(vec![vec![
                para(vec![text("a")]),
                bullets(vec![vec![para(vec![text("b")])]])
            ]])]
        );
        assert_eq!(
            parse("a\tb").0,
            [para(vec![text("a\tb")])],
            "tabs in text stay"
        );
    }

    #[test]
    fn every_unsafe_target_is_dropped_with_one_warning() {
        let (blocks, warnings) = parse("[a](javascript:x) <javascript:y> [b](data:text/html,z) [c](ftp://f) [d]() ![e](javascript:img)");
        assert_eq!(blocks, [para(vec![text("a javascript:y b c d e")])]);
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(
            warnings[0].contains("\"javascript:x\"") && warnings[1].contains("\"javascript:y\""),
            "{warnings:?}"
        );
        // Escapes and references are resolved before the check.
        let (_, warnings) = parse("[a](java&#115;cript:x) [b](\\javascript:x)");
        assert_eq!(warnings.len(), 2);
        let (blocks, _) = parse("[a](&#x68;ttps://x.org)");
        assert_eq!(blocks, [para(vec![link("https://x.org", vec![text("a")])])]);
    }

    #[test]
    fn hostile_input_stays_linear() {
        let units = [
            "*",
            "_",
            "**_",
            "*a",
            "a*",
            "[",
            "![",
            "]",
            "](",
            "[a](",
            "[a](b",
            "[a](b(",
            "[a](<",
            "[a](b \"",
            "<",
            "<a ",
            "<a b=\"",
            "<!--",
            "<?",
            "<![CDATA[",
            "<!X",
            "`",
            "``",
            "` ``",
            "&",
            "&#",
            "\\",
            "> ",
            "- ",
            "1. ",
            "> - ",
            "\n",
            "  \n",
            "-\n",
            "\n  ",
            "<div>\n",
            "```\n",
            "    x\n",
            "[a]",
            "*[",
            "_[_]",
        ];
        let mut sources: Vec<String> = units
            .iter()
            .map(|unit| unit.repeat(200_000 / unit.len()))
            .collect();
        // Backtick runs of ever more lengths, none of them closed.
        sources.push((1..600).map(|n| "`".repeat(n) + "a").collect());
        for source in sources {
            let started = std::time::Instant::now();
            parse(&source);
            assert!(
                started.elapsed().as_secs() < 10,
                "{:?}… took {:?}",
                &source[..10],
                started.elapsed()
            );
        }
    }

    /// Nesting of lists and inline wrappers.
    pub(super) fn depth(blocks: &[Block]) -> usize {
        fn inline_depth(inlines: &[Inline]) -> usize {
            inlines
                .iter()
                .map(|i| match i {
                    Inline::Text(_) => 0,
                    Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                        1 + inline_depth(c)
                    }
                })
                .max()
                .unwrap_or(0)
        }
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(inlines) => inline_depth(inlines),
                Block::List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
            })
            .max()
            .unwrap_or(0)
    }

    /// Checks the invariants every tree holds, and returns its text.
    fn checked_text(blocks: &[Block]) -> Result<String, String> {
        fn inlines(items: &[Inline], out: &mut String) -> Result<(), String> {
            for pair in items.windows(2) {
                if matches!(pair, [Inline::Text(_), Inline::Text(_)]) {
                    return Err(format!("adjacent texts in {items:?}"));
                }
            }
            for item in items {
                match item {
                    Inline::Text(t) if t.is_empty() => return Err("an empty text".into()),
                    Inline::Text(t) => out.push_str(t),
                    Inline::Link { href, .. } if !safe_link(href) => {
                        return Err(format!("an unsafe link {href:?}"))
                    }
                    Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                        inlines(c, out)?
                    }
                }
            }
            Ok(())
        }
        let mut out = String::new();
        for block in blocks {
            match block {
                Block::Paragraph(items) if items.is_empty() => {
                    return Err("an empty paragraph".into())
                }
                Block::Paragraph(items) => inlines(items, &mut out)?,
                Block::List { items, .. } => {
                    for item in items {
                        out.push_str(&checked_text(item)?);
                    }
                }
            }
            out.push(' ');
        }
        Ok(out)
    }

    /// Markdown-heavy text: pieces of syntax, words and arbitrary characters.
    pub(super) fn soup(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
        proptest::collection::vec(prop_oneof![4 => proptest::sample::select(pieces).prop_map(str::to_owned), 1 => "[a-zé条]{1,6}"], 0..40)
            .prop_map(|v| v.concat())
    }

    pub(super) const SYNTAX: &[&str] = &[
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n  ",
        "\n    ",
        "\t",
        "*",
        "**",
        "_",
        "__",
        "[",
        "]",
        "(",
        ")",
        "](",
        "![",
        "<",
        ">",
        "> ",
        "- ",
        "+ ",
        "* ",
        "1. ",
        "2) ",
        "#",
        "## ",
        "`",
        "``",
        "```",
        "~~~",
        "\\",
        "&amp;",
        "&#35;",
        "&#x0;",
        "&bogus;",
        "&",
        "!",
        "\"",
        "'",
        "---",
        "===",
        "<b>",
        "</div>",
        "<div>",
        "<!--",
        "-->",
        "<https://x.org>",
        "<a@b.c>",
        "https://x.org",
        "javascript:",
        "data:",
        ":",
        "<span a=\"",
        "\r\n",
        "\0",
    ];

    /// Syntax that never hides a letter or digit: no link targets, character
    /// references, list numbers or code fence info strings.
    pub(super) const LETTER_SAFE: &[&str] = &[
        " ", "  ", "\n", "\n\n", "\n  ", "\n    ", "\t", "*", "**", "_", "__", "[", "]", "![", "<",
        ">", "> ", "- ", "+ ", "* ", "#", "## ", "\\", "!", "\"", "'", "---", "===", "<b>",
        "</div>", "<div>", "<!--", "-->", "  \n", "\\\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

        #[test]
        fn any_input_gives_a_safe_shallow_tree(source in prop_oneof![soup(SYNTAX), any::<String>()]) {
            let (blocks, warnings) = parse(&source);
            prop_assert!(depth(&blocks) <= MAX_DEPTH);
            checked_text(&blocks).map_err(TestCaseError::fail)?;
            for warning in warnings {
                prop_assert!(warning.starts_with("the link to \""), "{}", warning);
            }
        }

        #[test]
        fn no_letter_is_lost_or_invented(source in soup(LETTER_SAFE)) {
            let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            let (blocks, _) = parse(&source);
            let shown = checked_text(&blocks).map_err(TestCaseError::fail)?;
            prop_assert_eq!(letters(&shown), letters(&source));
        }

        #[test]
        fn escaped_text_always_reads_back(raw in "[ -~é条\u{a0}“]{1,40}") {
            let literal = raw.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            prop_assume!(!literal.is_empty());
            let (blocks, warnings) = parse(&escape(&literal, true));
            prop_assert_eq!(blocks, [Block::Paragraph(vec![Inline::Text(literal.clone())])]);
            prop_assert!(warnings.is_empty());
        }
    }
}
