//! Our Markdown subset checked against pulldown-cmark, a CommonMark reader
//! (a native-only dev-dependency): a differential property test on the same
//! generated inputs as the other Markdown tests, and CommonMark spec examples
//! of the syntax the subset reads.
//!
//! pulldown-cmark's events are turned into our tree by [`reference`], which
//! applies the degradations the subset makes on purpose (module docs of
//! `markdown.rs`, and docs/data-format.md):
//! - headings, code blocks, HTML blocks, code spans and raw inline HTML
//!   become plain text (code and HTML blocks keep their line breaks);
//! - block quotes pass their content to their parent; thematic breaks go;
//! - images become their alt text, keeping its emphasis;
//! - a link to anything but http, https or mailto keeps only its text.
//!
//! Both trees are then rendered by [`canonical`], with runs of white space
//! as one space, and compared. Inputs where we differ on purpose in ways a
//! tree cannot show are left out: reference links and their definitions
//! (not read: shown as written), nesting deeper than [`MAX_DEPTH`]
//! (flattened), and named character references beyond our short list (not
//! generated here). Unicode punctuation (for the emphasis rules) is
//! approximated by blocks (`inline.rs`); the generated inputs use only
//! characters it gets right.
//!
//! Where pulldown-cmark (0.13) departs from CommonMark we follow CommonMark,
//! and those inputs are normalised or left out (each place says why): tabs,
//! `\r\n` in code spans, and raw inline HTML spanning lines in a container.

use proptest::prelude::*;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::tests::{depth, soup, LETTER_SAFE, SYNTAX};
use super::{parse, safe_link, Block, Inline, MAX_DEPTH};

/// An inline being built: its kind, and its children so far.
enum Open {
    /// A paragraph, heading, or code or HTML block (`raw`: keep line breaks).
    Leaf {
        raw: bool,
    },
    Emphasis,
    Strong,
    Link(String),
    Image,
}

/// What CommonMark makes of `source`, as our tree, with our degradations;
/// `None` when the source defines link references (which we do not read).
fn reference(source: &str) -> Option<Vec<Block>> {
    // CommonMark reads U+0000 as U+FFFD; pulldown-cmark leaves that to its
    // HTML writer.
    let source = source.replace('\0', "\u{fffd}");
    // The three line endings are one to CommonMark; pulldown-cmark (0.13)
    // reads "\r\n" inside a code span as two spaces. Our side reads them
    // as written.
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let parser = Parser::new_ext(&source, Options::empty());
    if parser.reference_definitions().iter().next().is_some() {
        return None;
    }
    // Block containers (the root, then each open list item), and open lists.
    let mut containers: Vec<Vec<Block>> = vec![Vec::new()];
    let mut lists: Vec<(Option<u64>, Vec<Vec<Block>>)> = Vec::new();
    let mut inlines: Vec<(Open, Vec<Inline>)> = Vec::new();
    let mut quotes = 0;

    fn push_text(target: &mut Vec<Inline>, text: &str) {
        match target.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => target.push(Inline::Text(text.to_owned())),
        }
    }
    fn close_leaf(inlines: &mut Vec<(Open, Vec<Inline>)>, containers: &mut [Vec<Block>]) {
        if let Some((Open::Leaf { raw }, mut children)) = inlines.pop() {
            if raw {
                if let Some(Inline::Text(text)) = children.last_mut() {
                    text.truncate(text.trim_end().len());
                }
            }
            if children
                .iter()
                .any(|c| !matches!(c, Inline::Text(t) if t.trim().is_empty()))
            {
                if let Some(container) = containers.last_mut() {
                    container.push(Block::Paragraph(children));
                }
            }
        }
    }

    for event in parser {
        // Text straight inside a tight list item is a paragraph for us.
        let inline_event = matches!(
            event,
            Event::Text(_)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. })
        );
        if inline_event && inlines.is_empty() {
            inlines.push((Open::Leaf { raw: false }, Vec::new()));
        }
        let block_event = matches!(
            event,
            Event::Start(
                Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::List(_)
                    | Tag::Item
                    | Tag::BlockQuote(_)
            ) | Event::End(TagEnd::Item | TagEnd::List(_) | TagEnd::BlockQuote(_))
                | Event::Rule
        );
        if block_event {
            close_leaf(&mut inlines, &mut containers);
        }
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) => {
                inlines.push((Open::Leaf { raw: false }, Vec::new()));
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => {
                inlines.push((Open::Leaf { raw: true }, Vec::new()));
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock,
            ) => close_leaf(&mut inlines, &mut containers),
            Event::Start(Tag::List(start)) => lists.push((start, Vec::new())),
            Event::End(TagEnd::List(_)) => {
                let (start, items) = lists.pop()?;
                containers.last_mut()?.push(Block::List { start, items });
            }
            Event::Start(Tag::Item) => containers.push(Vec::new()),
            Event::End(TagEnd::Item) => {
                let item = containers.pop()?;
                lists.last_mut()?.1.push(item);
            }
            Event::Start(Tag::Emphasis) => inlines.push((Open::Emphasis, Vec::new())),
            Event::Start(Tag::Strong) => inlines.push((Open::Strong, Vec::new())),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let href = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                inlines.push((Open::Link(href), Vec::new()));
            }
            Event::Start(Tag::Image { .. }) => inlines.push((Open::Image, Vec::new())),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Image) => {
                let (open, children) = inlines.pop()?;
                let parent = &mut inlines.last_mut()?.1;
                match open {
                    Open::Emphasis => parent.push(Inline::Emphasis(children)),
                    Open::Strong => parent.push(Inline::Strong(children)),
                    Open::Link(href) if safe_link(&href) => {
                        parent.push(Inline::Link { href, children })
                    }
                    Open::Link(_) | Open::Image => {
                        for child in children {
                            match child {
                                Inline::Text(text) => push_text(parent, &text),
                                other => parent.push(other),
                            }
                        }
                    }
                    Open::Leaf { .. } => return None,
                }
            }
            // pulldown-cmark (0.13) keeps the container markers (`> `, an
            // item's indentation) inside raw inline HTML that spans lines.
            Event::InlineHtml(text)
                if (quotes > 0 || containers.len() > 1) && text.contains(['\n', '\r']) =>
            {
                return None;
            }
            Event::Start(Tag::BlockQuote(_)) => quotes += 1,
            Event::End(TagEnd::BlockQuote(_)) => quotes -= 1,
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                push_text(&mut inlines.last_mut()?.1, &text);
            }
            Event::SoftBreak => push_text(&mut inlines.last_mut()?.1, " "),
            Event::HardBreak => push_text(&mut inlines.last_mut()?.1, "\n"),
            _ => {}
        }
    }
    close_leaf(&mut inlines, &mut containers);
    containers.pop()
}

/// A tree as HTML-like text, with white space runs as one space and none at
/// the edges of a paragraph or around a line break.
fn canonical(blocks: &[Block]) -> String {
    fn inline(items: &[Inline], out: &mut String) {
        for item in items {
            match item {
                Inline::Text(text) => {
                    for ch in text.chars() {
                        match ch {
                            '\n' => out.push_str("<br>"),
                            '<' => out.push_str("&lt;"),
                            '&' => out.push_str("&amp;"),
                            c if c.is_ascii_whitespace() => out.push(' '),
                            c => out.push(c),
                        }
                    }
                }
                Inline::Emphasis(children) => {
                    out.push_str("<em>");
                    inline(children, out);
                    out.push_str("</em>");
                }
                Inline::Strong(children) => {
                    out.push_str("<strong>");
                    inline(children, out);
                    out.push_str("</strong>");
                }
                Inline::Link { href, children } => {
                    out.push_str(&format!("<a href=\"{href}\">"));
                    inline(children, out);
                    out.push_str("</a>");
                }
            }
        }
    }
    fn squeeze(text: &str) -> String {
        let mut out = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        for (from, to) in [(" <br>", "<br>"), ("<br> ", "<br>")] {
            while out.contains(from) {
                out = out.replace(from, to);
            }
        }
        out
    }
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Paragraph(items) => {
                let mut text = String::new();
                inline(items, &mut text);
                out.push_str(&format!("<p>{}</p>", squeeze(&text)));
            }
            Block::List { start, items } => {
                match start {
                    Some(n) => out.push_str(&format!("<ol start={n}>")),
                    None => out.push_str("<ul>"),
                }
                for item in items {
                    out.push_str(&format!("<li>{}</li>", canonical(item)));
                }
                out.push_str(if start.is_some() { "</ol>" } else { "</ul>" });
            }
        }
    }
    out
}

/// Ours and CommonMark's, canonical; `None` when the input is one where we
/// differ on purpose in a way the tree cannot show.
fn both(source: &str) -> Option<(String, String)> {
    let theirs = reference(source)?;
    let (ours, _) = parse(source);
    if depth(&ours) >= MAX_DEPTH - 1 || depth(&theirs) >= MAX_DEPTH - 1 {
        return None;
    }
    Some((canonical(&ours), canonical(&theirs)))
}

/// CommonMark spec examples (0.31) of the syntax the subset reads, as data.
const SPEC_EXAMPLES: &[&str] = &[
    // Tabs
    "\tfoo\tbaz\t\tbim",
    "- foo\n\n\tbar",
    // Backslash escapes
    "\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~",
    "\\*not emphasized*\n\\<br/> not a tag\n\\[not a link](/foo)\n\\`not code`\n1\\. not a list\n\\* not a list\n\\# not a heading",
    "foo\\\nbar",
    "`` \\[\\` ``",
    // Entity and numeric character references
    "&nbsp; &amp; &copy;",
    "&#35; &#1234; &#992; &#0;",
    "&#X22; &#XD06; &#xcab;",
    "&nbsp &x; &#; &#x;\n&#87654321;\n&abcdef0;",
    "&#42;foo&#42;\n*foo*",
    // Thematic breaks
    "***\n---\n___",
    "Foo\n***\nbar",
    "- foo\n***\n- bar",
    // ATX and setext headings
    "# foo\n## foo\n### foo",
    "#5 bolt\n\n#hashtag",
    "Foo *bar*\n=========\n\nFoo *bar*\n---------",
    "Foo\nbar\n---\nbaz",
    // Indented and fenced code
    "    a simple\n      indented code block",
    "  - foo\n\n    bar",
    "```\n<\n >\n```",
    "~~~\naaa\n```\n~~~",
    "```ruby\ndef foo(x)\n  return 3\nend\n```",
    // HTML blocks
    "<div>\n*hello*\n         <foo><a>",
    "<!-- foo -->*bar*\n*baz*",
    // Paragraphs and blank lines
    "aaa\n\nbbb",
    "  aaa\n bbb",
    "aaa     \nbbb     ",
    // Block quotes
    "> # Foo\n> bar\n> baz",
    "> bar\nbaz\n> foo",
    "> - foo\n- bar",
    // List items and lists
    "A paragraph\nwith two lines.\n\n    indented code\n\n> A block quote.",
    "1.  A paragraph\n    with two lines.\n\n        indented code\n\n    > A block quote.",
    "- one\n\n two",
    "- one\n\n  two",
    "-one\n\n2.two",
    "123456789. ok",
    "1234567890. not ok",
    "0. ok",
    "- foo\n  - bar\n    - baz\n      - boo",
    "10) foo\n    - bar",
    "- foo\n- bar\n+ baz",
    "1. foo\n2. bar\n3) baz",
    "The number of windows in my house is\n14.  The number of doors is 6.",
    "- a\n- b\n\n- c",
    "* a\n*\n\n* c",
    // Code spans
    "`foo`",
    "`` foo ` bar ``",
    "` `` `",
    "`foo   bar \nbaz`",
    "*foo`*`",
    // Emphasis and strong emphasis
    "*foo bar*",
    "a * foo bar*",
    "a*\"foo\"*",
    "foo*bar*",
    "5*6*78",
    "_foo bar_",
    "_ foo bar_",
    "foo_bar_",
    "пристаням_стремятся_",
    "aa_\"bb\"_cc",
    "foo-_(bar)_",
    "_foo*",
    "*foo bar *",
    "*(*foo)",
    "*(*foo*)*",
    "_foo_bar_baz_",
    "**foo bar**",
    "** foo bar**",
    "foo**bar**",
    "__foo bar__",
    "foo__bar__",
    "**foo \"*bar*\" foo**",
    "*foo [bar](/url)*",
    "*foo\nbar*",
    "_foo __bar__ baz_",
    "*foo *bar**",
    "*foo**bar**baz*",
    "*foo**bar*",
    "***foo** bar*",
    "foo***bar***baz",
    "foo******bar*********baz",
    "** is not an empty emphasis",
    "**foo*",
    "*foo**",
    "***foo***",
    "_____foo_____",
    "*foo _bar* baz_",
    "**foo*bar**",
    "*[bar*](https://x.org)",
    // Links
    "[link](https://x.org/uri \"title\")",
    "[link](<https://x.org/my uri>)",
    "[link](https://x.org/(foo)and(bar))",
    "[link](https://x.org/foo(and(bar)))",
    "[link](https://x.org/foo\\)\\:)",
    "[link](https://x.org/?a=1&amp;b=2)",
    "[link](https://x.org/&ouml;)",
    "[link [foo [bar]]](https://x.org)",
    "[link [bar](https://x.org)",
    "[link *foo **bar** `#`*](https://x.org)",
    "[foo [bar](https://x.org/1)](https://x.org/2)",
    "*[foo*](https://x.org)",
    "[foo`](https://x.org)`",
    "[a](<b)c>)",
    "[link](javascript:alert(1))",
    // Images
    "![foo *bar*](/url)",
    "My ![foo bar](/path/to/train.jpg  \"title\"   )",
    // Autolinks
    "<http://foo.bar.baz>",
    "<https://foo.bar/baz bim>",
    "<foo@bar.example.com>",
    "<foo+special@Bar.baz-bar0.com>",
    "<>",
    "< http://foo.bar >",
    "http://example.com",
    // Raw HTML
    "<a><bab><c2c>",
    "<a  /><b2\ndata=\"foo\" >",
    "foo <!-- this is a --\ncomment - with hyphens -->",
    "*<a href=\"*\">",
    // Hard and soft line breaks
    "foo  \nbaz",
    "foo\\\nbaz",
    "foo       \nbaz",
    "*foo  \nbar*",
    "`code  \nspan`",
    "foo\nbaz",
    "foo \n baz",
];

/// Inputs on which the property test below found us to differ, fixed since.
const FOUND: &[&str] = &[
    // U+FFFD (what U+0000 reads as) is a symbol, so punctuation for the
    // flanking rules.
    " \0_*_",
    // A code span across lines keeps the next line's indentation.
    "*`\n  2) `",
];

#[test]
fn commonmark_spec_examples_read_as_commonmark_reads_them() {
    let mut differ = Vec::new();
    for example in SPEC_EXAMPLES.iter().chain(FOUND) {
        let (ours, theirs) = both(example).expect("every example is compared");
        if ours != theirs {
            differ.push(format!("{example:?}\n  ours:   {ours}\n  theirs: {theirs}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Inputs the property test below once found where we differed, kept so
/// they are checked on every run.
#[test]
fn inputs_the_property_test_found_read_as_commonmark_reads_them() {
    // An image whose alt text is only a hard break: the paragraph shows
    // nothing, and is dropped rather than kept as an empty line.
    for source in ["![ \\\n]()", "![\\\n]() "] {
        let (ours, theirs) = both(source).expect("compared");
        assert_eq!(ours, theirs, "{source:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn generated_markdown_reads_as_commonmark_reads_it(
        source in prop_oneof![soup(SYNTAX), soup(LETTER_SAFE)]
    ) {
        // pulldown-cmark (0.13) departs from CommonMark on tabs in several
        // places: tabs at the end of a line make a hard break, a tab before
        // a heading's closing #s does not count, and a tab is not always
        // four columns of indentation. So tabs are spaces here; the spec
        // examples above check them.
        let source = source.replace('\t', "  ");
        let compared = both(&source);
        // A rejected input is one we differ on by design (see `both`).
        prop_assume!(compared.is_some());
        let (ours, theirs) = compared.unwrap_or_default();
        prop_assert_eq!(ours, theirs, "{:?}", source);
    }
}
