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
//! Parsing uses `pulldown-cmark` (CommonMark, no extensions, no HTML
//! renderer). The tree is built with an explicit stack and nesting is capped at
//! [`MAX_DEPTH`], so hostile input can neither overflow the stack while
//! building, rendering nor dropping the tree.

use pulldown_cmark::{Event, Parser, Tag};

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
    let lower = href.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme))
}

enum Frame {
    /// The document or a list item: blocks, and loose inline content that
    /// becomes a paragraph (tight list items have no paragraph events).
    Blocks { blocks: Vec<Block>, loose: Vec<Inline> },
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    Inline { kind: InlineKind, children: Vec<Inline> },
}

enum InlineKind {
    /// Becomes a [`Block::Paragraph`] (paragraphs, headings, code blocks).
    Paragraph,
    Emphasis,
    Strong,
    Link(String),
    /// Contributes only its children (images, unsafe links, too deep).
    Transparent,
}

/// Parses Markdown into blocks, with a warning for each link target dropped.
pub fn parse(source: &str) -> (Vec<Block>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut stack = vec![Frame::Blocks { blocks: Vec::new(), loose: Vec::new() }];
    // One entry per open tag: whether it pushed a frame.
    let mut pushed: Vec<bool> = Vec::new();
    for event in Parser::new(source) {
        match event {
            Event::Start(tag) => {
                let frame = start_frame(tag, stack.len(), &mut warnings);
                pushed.push(frame.is_some());
                if let Some(frame) = frame {
                    if matches!(frame, Frame::List { .. } | Frame::Inline { kind: InlineKind::Paragraph, .. }) {
                        flush_loose(&mut stack);
                    }
                    stack.push(frame);
                }
            }
            Event::End(_) => {
                if pushed.pop() == Some(true) && stack.len() > 1 {
                    let frame = stack.pop().expect("the root frame is never popped");
                    close(frame, &mut stack);
                }
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_inline(&mut stack, Inline::Text(text.into_string()));
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => push_inline(&mut stack, Inline::Text(text.into_string())),
            Event::SoftBreak => push_inline(&mut stack, Inline::Text(" ".into())),
            Event::HardBreak => push_inline(&mut stack, Inline::Text("\n".into())),
            Event::FootnoteReference(_) | Event::Rule | Event::TaskListMarker(_) => {}
        }
    }
    while stack.len() > 1 {
        let frame = stack.pop().expect("checked length");
        close(frame, &mut stack);
    }
    flush_loose(&mut stack);
    let blocks = match stack.pop() {
        Some(Frame::Blocks { blocks, .. }) => blocks,
        _ => Vec::new(),
    };
    (blocks, warnings)
}

fn start_frame(tag: Tag<'_>, depth: usize, warnings: &mut Vec<String>) -> Option<Frame> {
    let deep = depth > MAX_DEPTH;
    let inline = |kind| Some(Frame::Inline { kind, children: Vec::new() });
    match tag {
        Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock => inline(InlineKind::Paragraph),
        Tag::List(_) | Tag::Item if deep => None,
        Tag::List(start) => Some(Frame::List { start, items: Vec::new() }),
        Tag::Item => Some(Frame::Blocks { blocks: Vec::new(), loose: Vec::new() }),
        Tag::Link { dest_url, .. } => {
            if !safe_link(&dest_url) {
                warnings.push(format!(
                    "the link to \"{dest_url}\" was dropped (its text is kept): only http, https and mailto links are allowed"
                ));
                inline(InlineKind::Transparent)
            } else if deep {
                inline(InlineKind::Transparent)
            } else {
                inline(InlineKind::Link(dest_url.into_string()))
            }
        }
        Tag::Emphasis if !deep => inline(InlineKind::Emphasis),
        Tag::Strong if !deep => inline(InlineKind::Strong),
        Tag::Emphasis | Tag::Strong | Tag::Image { .. } | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
            inline(InlineKind::Transparent)
        }
        // Containers whose content simply flows into the parent.
        _ => None,
    }
}

fn close(frame: Frame, stack: &mut [Frame]) {
    match frame {
        Frame::Inline { kind: InlineKind::Paragraph, children } => {
            if !children.is_empty() {
                push_block(stack, Block::Paragraph(children));
            }
        }
        Frame::Inline { kind: InlineKind::Emphasis, children } => push_inline(stack, Inline::Emphasis(children)),
        Frame::Inline { kind: InlineKind::Strong, children } => push_inline(stack, Inline::Strong(children)),
        Frame::Inline { kind: InlineKind::Link(href), children } => push_inline(stack, Inline::Link { href, children }),
        Frame::Inline { kind: InlineKind::Transparent, children } => {
            for child in children {
                push_inline(stack, child);
            }
        }
        Frame::List { start, items } => push_block(stack, Block::List { start, items }),
        Frame::Blocks { mut blocks, loose } => {
            if !loose.is_empty() {
                blocks.push(Block::Paragraph(loose));
            }
            match stack.last_mut() {
                Some(Frame::List { items, .. }) => items.push(blocks),
                _ => {
                    for block in blocks {
                        push_block(stack, block);
                    }
                }
            }
        }
    }
}

fn flush_loose(stack: &mut [Frame]) {
    if let Some(Frame::Blocks { blocks, loose }) = stack.last_mut() {
        if !loose.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(loose)));
        }
    }
}

fn push_block(stack: &mut [Frame], block: Block) {
    flush_loose(stack);
    // Blocks always land in the nearest block container.
    if let Some(Frame::Blocks { blocks, .. }) = stack.iter_mut().rev().find(|f| matches!(f, Frame::Blocks { .. })) {
        blocks.push(block);
    }
}

fn push_inline(stack: &mut [Frame], inline: Inline) {
    let target = match stack.last_mut() {
        Some(Frame::Inline { children, .. }) => children,
        Some(Frame::Blocks { loose, .. }) => loose,
        _ => return,
    };
    match (target.last_mut(), inline) {
        (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
        (_, inline) => target.push(inline),
    }
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
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '~' | '|' | '!') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn keeps_the_subset() {
        let (blocks, warnings) = parse("Some *emphasis*, **strong** and [a link](https://example.org).\n\n- one\n- two");
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
                    Inline::Link { href: "https://example.org".into(), children: vec![text("a link")] },
                    text("."),
                ]),
                Block::List { start: None, items: vec![vec![Block::Paragraph(vec![text("one")])], vec![Block::Paragraph(vec![text("two")])]] },
            ]
        );
    }

    #[test]
    fn unsafe_links_keep_their_text_and_warn() {
        let cases = ["[x](javascript:alert(1))", "[x](data:text/html,hi)", "[x](/relative)", "[x](JaVaScRiPt:alert(1))"];
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
        assert_eq!(blocks, [Block::Paragraph(vec![text("Hi <script>alert(1)</script> there")])]);
        let (blocks, _) = parse("<div onclick=\"x()\">\nblock\n</div>");
        assert_eq!(blocks, [Block::Paragraph(vec![text("<div onclick=\"x()\">\nblock\n</div>")])]);
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
        fn depth(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(_) => 0,
                    Block::List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
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
        let cases = ["a *b* [c](d) <e> #f & g_h", "- not a list", "1. not a list", "&amp; stays"];
        for literal in cases {
            let (blocks, _) = parse(&escape(literal, true));
            assert_eq!(blocks, [Block::Paragraph(vec![text(literal)])], "{literal}");
        }
    }
}
