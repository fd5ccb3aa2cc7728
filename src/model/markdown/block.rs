//! Block structure, line by line as CommonMark describes it: containers
//! (block quotes, lists and their items) stay open while each new line
//! continues them; leaves (paragraphs, headings, code, HTML) collect lines
//! until something ends them. Only lists survive into the tree; block quotes
//! pass their content to their parent and every leaf becomes a paragraph.

use std::borrow::Cow;

use super::{inline, Block, Inline, MAX_DEPTH};
use crate::model::Message;

/// Containers open at once, at most; markers beyond stay text. Bounds the work
/// per line (each line is matched against every open container).
const MAX_CONTAINERS: usize = 2 * MAX_DEPTH + 16;

/// HTML elements that start an HTML block (CommonMark's sixth kind).
const BLOCK_TAGS: [&str; 62] = [
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Elements whose content is raw text (CommonMark's first kind of HTML block).
const RAW_TAGS: [&str; 4] = ["script", "pre", "style", "textarea"];

enum Kind {
    Document,
    Quote,
    List {
        /// `-`, `+` or `*` for bullets, `.` or `)` for numbers.
        marker: u8,
        start: Option<u64>,
        /// Whether it is shallow enough to be kept; else its items' blocks
        /// go to the parent.
        kept: bool,
        items: Vec<Vec<Block>>,
    },
    /// A list item whose content starts `indent` columns in.
    Item {
        indent: usize,
    },
}

struct Container {
    kind: Kind,
    blocks: Vec<Block>,
    /// Whether anything was put in it (an item may start with one blank line).
    filled: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum HtmlEnd {
    /// A line holding the end tag of a raw-text element.
    RawEnd,
    /// A line holding this string.
    Contains(&'static str),
    /// A blank line (not part of the block).
    Blank,
}

enum Leaf {
    Paragraph(String),
    Fenced {
        fence: u8,
        len: usize,
        indent: usize,
        text: String,
        lines: usize,
    },
    Indented {
        text: String,
        blanks: usize,
    },
    Html {
        end: HtmlEnd,
        text: String,
    },
}

pub(super) struct Parser<'w> {
    stack: Vec<Container>,
    leaf: Option<Leaf>,
    warnings: &'w mut Vec<Message>,
}

impl<'w> Parser<'w> {
    pub(super) fn new(warnings: &'w mut Vec<Message>) -> Self {
        Parser {
            stack: vec![Container {
                kind: Kind::Document,
                blocks: Vec::new(),
                filled: false,
            }],
            leaf: None,
            warnings,
        }
    }

    pub(super) fn finish(mut self) -> Vec<Block> {
        self.close_unmatched(1);
        self.stack.pop().map(|doc| doc.blocks).unwrap_or_default()
    }

    /// Takes one line, without its line ending.
    pub(super) fn line(&mut self, raw: &str) {
        let mut line = Cow::Borrowed(raw);
        let mut pos = 0;

        // Which open containers does this line continue?
        let mut matched = 1;
        while matched < self.stack.len() {
            let cols = match self.stack[matched].kind {
                Kind::Quote => 4,
                Kind::Item { indent } => indent,
                _ => 0,
            };
            expand_tabs(&mut line, pos, cols);
            let rest = &line[pos..];
            let continues = match self.stack[matched].kind {
                Kind::Document | Kind::List { .. } => true,
                Kind::Quote => {
                    let spaces = leading_spaces(rest);
                    let quoted = spaces <= 3 && rest[spaces..].starts_with('>');
                    if quoted {
                        pos = after_quote_marker(&mut line, pos + spaces);
                    }
                    quoted
                }
                Kind::Item { indent } => {
                    if is_blank(rest) {
                        self.stack[matched].filled
                    } else if leading_spaces(rest) >= indent {
                        pos += indent;
                        true
                    } else {
                        false
                    }
                }
            };
            if !continues {
                break;
            }
            matched += 1;
        }
        let all_matched = matched == self.stack.len();

        // Code and HTML blocks take the line as it is.
        if all_matched {
            let rest = &line[pos..];
            match &mut self.leaf {
                Some(Leaf::Fenced {
                    fence,
                    len,
                    indent,
                    text,
                    lines,
                }) => {
                    if is_closing_fence(rest, *fence, *len) {
                        self.close_leaf();
                    } else {
                        if *lines > 0 {
                            text.push('\n');
                        }
                        *lines += 1;
                        text.push_str(&rest[leading_spaces(rest).min(*indent)..]);
                    }
                    return;
                }
                Some(Leaf::Html { end, text }) => {
                    if *end == HtmlEnd::Blank && is_blank(rest) {
                        self.close_leaf();
                    } else {
                        text.push('\n');
                        text.push_str(rest);
                        if html_ends(*end, rest) {
                            self.close_leaf();
                        }
                    }
                    return;
                }
                _ => {}
            }
        }

        // New containers, and leaves that start with a marker.
        let mut opened = false;
        loop {
            expand_tabs(&mut line, pos, 4);
            let rest = &line[pos..];
            let spaces = leading_spaces(rest);
            if spaces >= 4 {
                break;
            }
            let text = &rest[spaces..];
            let paragraph_continues = !opened
                && matched == self.stack.len()
                && matches!(self.leaf, Some(Leaf::Paragraph(_)));
            let room = self.stack.len() < MAX_CONTAINERS;
            if room && text.starts_with('>') {
                self.close_unmatched(matched);
                self.open(Kind::Quote);
                pos = after_quote_marker(&mut line, pos + spaces);
                matched = self.stack.len();
                opened = true;
                continue;
            }
            if let Some(content) = atx_heading(text) {
                self.close_unmatched(matched);
                // Even an empty heading is content (of a list item, say).
                self.prepare();
                let inlines = self.inlines(content);
                self.add(inlines);
                return;
            }
            if let Some((fence, len)) = opening_fence(text) {
                self.close_unmatched(matched);
                self.start(Leaf::Fenced {
                    fence,
                    len,
                    indent: spaces,
                    text: String::new(),
                    lines: 0,
                });
                return;
            }
            // A lone tag cannot interrupt a paragraph, lazy or not.
            let in_paragraph = matches!(self.leaf, Some(Leaf::Paragraph(_)));
            if let Some(end) = html_start(text, in_paragraph) {
                self.close_unmatched(matched);
                self.start(Leaf::Html {
                    end,
                    text: rest.to_owned(),
                });
                if end != HtmlEnd::Blank && html_ends(end, text) {
                    self.close_leaf();
                }
                return;
            }
            if paragraph_continues && is_setext_underline(text) {
                // The paragraph was a heading: it stays a paragraph.
                self.close_leaf();
                return;
            }
            if is_thematic_break(text) {
                // Dropped, but it ends a list like any other block.
                self.close_unmatched(matched);
                self.prepare();
                return;
            }
            if let Some(item) =
                list_item(&mut line, pos, spaces, paragraph_continues).filter(|_| room)
            {
                self.close_unmatched(matched);
                self.open_item(item.marker, item.start, item.indent);
                pos += item.consumed;
                matched = self.stack.len();
                opened = true;
                continue;
            }
            break;
        }

        expand_tabs(&mut line, pos, 4);
        let rest = &line[pos..];
        let blank = is_blank(rest);
        if !opened
            && matched < self.stack.len()
            && !blank
            && matches!(self.leaf, Some(Leaf::Paragraph(_)))
        {
            // A lazy continuation line: the paragraph goes on.
            if let Some(Leaf::Paragraph(text)) = &mut self.leaf {
                // The indentation stays: the inline reader skips it after a
                // line break, but a code span keeps it, as CommonMark says.
                text.push('\n');
                text.push_str(rest);
            }
            return;
        }
        if matched < self.stack.len() {
            self.close_unmatched(matched);
        }
        if blank {
            match &mut self.leaf {
                Some(Leaf::Indented { blanks, .. }) => *blanks += 1,
                _ => self.close_leaf(),
            }
            return;
        }
        match &mut self.leaf {
            Some(Leaf::Paragraph(text)) => {
                text.push('\n');
                text.push_str(rest);
            }
            Some(Leaf::Indented { text, blanks }) if leading_spaces(rest) >= 4 => {
                for _ in 0..=*blanks {
                    text.push('\n');
                }
                *blanks = 0;
                text.push_str(&rest[4..]);
            }
            _ if leading_spaces(rest) >= 4 => self.start(Leaf::Indented {
                text: rest[4..].to_owned(),
                blanks: 0,
            }),
            _ => self.start(Leaf::Paragraph(
                rest.trim_start_matches([' ', '\t']).to_owned(),
            )),
        }
    }

    /// Closes the open leaf and every container from `matched` on.
    fn close_unmatched(&mut self, matched: usize) {
        self.close_leaf();
        while self.stack.len() > matched.max(1) {
            self.close_container();
        }
    }

    fn close_container(&mut self) {
        let Some(container) = self.stack.pop() else {
            return;
        };
        let Some(parent) = self.stack.last_mut() else {
            return;
        };
        match container.kind {
            Kind::Document => {}
            Kind::Quote => parent.blocks.extend(container.blocks),
            Kind::Item { .. } => {
                if let Kind::List { items, .. } = &mut parent.kind {
                    items.push(container.blocks);
                }
            }
            Kind::List {
                start,
                kept: true,
                items,
                ..
            } => parent.blocks.push(Block::List { start, items }),
            Kind::List { items, .. } => parent.blocks.extend(items.into_iter().flatten()),
        }
    }

    /// Makes the innermost container able to take a block (a list only takes items).
    fn prepare(&mut self) {
        self.close_leaf();
        if matches!(
            self.stack.last(),
            Some(Container {
                kind: Kind::List { .. },
                ..
            })
        ) {
            self.close_container();
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.filled = true;
        }
    }

    fn open(&mut self, kind: Kind) {
        self.prepare();
        self.stack.push(Container {
            kind,
            blocks: Vec::new(),
            filled: false,
        });
    }

    fn open_item(&mut self, marker: u8, start: Option<u64>, indent: usize) {
        self.close_leaf();
        let same_list = matches!(self.stack.last(), Some(Container { kind: Kind::List { marker: m, .. }, .. }) if *m == marker);
        if !same_list {
            let lists = self
                .stack
                .iter()
                .filter(|c| matches!(c.kind, Kind::List { kept: true, .. }))
                .count();
            self.open(Kind::List {
                marker,
                start,
                kept: lists < MAX_DEPTH,
                items: Vec::new(),
            });
        }
        self.stack.push(Container {
            kind: Kind::Item { indent },
            blocks: Vec::new(),
            filled: false,
        });
    }

    fn start(&mut self, leaf: Leaf) {
        self.prepare();
        self.leaf = Some(leaf);
    }

    fn close_leaf(&mut self) {
        let inlines = match self.leaf.take() {
            None => return,
            Some(Leaf::Paragraph(text)) => self.inlines(&text),
            Some(
                Leaf::Fenced { mut text, .. }
                | Leaf::Indented { mut text, .. }
                | Leaf::Html { mut text, .. },
            ) => {
                // Trailing blank lines would only add line breaks.
                let last = text.trim_end().len();
                let end = if last == 0 {
                    0
                } else {
                    text[last..].find('\n').map_or(text.len(), |i| last + i)
                };
                text.truncate(end);
                if text.is_empty() {
                    Vec::new()
                } else {
                    vec![Inline::Text(text)]
                }
            }
        };
        self.add(inlines);
    }

    /// Adds a paragraph, unless it shows nothing: no inlines, or only white
    /// space and line breaks (an image whose alt text is a hard break).
    fn add(&mut self, inlines: Vec<Inline>) {
        if inlines
            .iter()
            .all(|inline| matches!(inline, Inline::Text(text) if text.trim_matches([' ', '\t', '\n']).is_empty()))
        {
            return;
        }
        self.prepare();
        if let Some(container) = self.stack.last_mut() {
            container.blocks.push(Block::Paragraph(inlines));
        }
    }

    fn inlines(&mut self, text: &str) -> Vec<Inline> {
        let lists = self
            .stack
            .iter()
            .filter(|c| matches!(c.kind, Kind::List { kept: true, .. }))
            .count();
        inline::parse(text.trim_end_matches([' ', '\t']), lists, self.warnings)
    }
}

/// Expands the tabs among the next `cols` columns of spaces and tabs at `pos`
/// to spaces (tab stops every four columns), so that indentation is counted
/// in bytes. Only whitespace read as indentation is expanded; every byte
/// before `pos` is a one-column ASCII marker or space, so `pos` is also the
/// column.
fn expand_tabs(line: &mut Cow<'_, str>, pos: usize, cols: usize) {
    let bytes = line.as_bytes();
    let (mut end, mut col, mut tabs) = (pos, pos, false);
    while end < bytes.len() && col < pos + cols {
        match bytes[end] {
            b' ' => col += 1,
            b'\t' => {
                tabs = true;
                col += 4 - col % 4;
            }
            _ => break,
        }
        end += 1;
    }
    if tabs {
        line.to_mut()
            .replace_range(pos..end, &" ".repeat(col - pos));
    }
}

/// The position after a block quote marker at `at` and the one space that
/// may follow it.
fn after_quote_marker(line: &mut Cow<'_, str>, at: usize) -> usize {
    expand_tabs(line, at + 1, 1);
    at + 1 + usize::from(line[at + 1..].starts_with(' '))
}

fn leading_spaces(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b' ').count()
}

fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b == b' ' || b == b'\t')
}

/// The content of an ATX heading (`## Title ##`), without the markers.
fn atx_heading(text: &str) -> Option<&str> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    let rest = &text[hashes..];
    if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let content = rest.trim_matches([' ', '\t']);
    let without_closing = content.trim_end_matches('#');
    Some(if without_closing.is_empty() {
        ""
    } else if without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end_matches([' ', '\t'])
    } else {
        content
    })
}

/// An opening code fence: its character and length.
fn opening_fence(text: &str) -> Option<(u8, usize)> {
    let fence = *text
        .as_bytes()
        .first()
        .filter(|&&b| b == b'`' || b == b'~')?;
    let len = text.bytes().take_while(|&b| b == fence).count();
    let info_has_tick = fence == b'`' && text[len..].contains('`');
    (len >= 3 && !info_has_tick).then_some((fence, len))
}

fn is_closing_fence(rest: &str, fence: u8, len: usize) -> bool {
    let spaces = leading_spaces(rest);
    let text = &rest[spaces..];
    let run = text.bytes().take_while(|&b| b == fence).count();
    spaces <= 3 && run >= len && is_blank(&text[run..])
}

fn is_setext_underline(text: &str) -> bool {
    let marks = text.trim_end_matches([' ', '\t']);
    !marks.is_empty() && (marks.bytes().all(|b| b == b'=') || marks.bytes().all(|b| b == b'-'))
}

fn is_thematic_break(text: &str) -> bool {
    let Some(&mark @ (b'*' | b'-' | b'_')) = text.as_bytes().first() else {
        return false;
    };
    text.bytes().all(|b| b == mark || b == b' ' || b == b'\t')
        && text.bytes().filter(|&b| b == mark).count() >= 3
}

/// How an HTML block starting with `text` ends, if it starts one. The seventh
/// kind (any lone tag) cannot interrupt a paragraph.
fn html_start(text: &str, in_paragraph: bool) -> Option<HtmlEnd> {
    let b = text.as_bytes();
    if b.first() != Some(&b'<') {
        return None;
    }
    let closing = b.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let name_len = b[name_start..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = text[name_start..name_start + name_len].to_ascii_lowercase();
    let after_name = &text[name_start + name_len..];
    let name_ends = after_name.is_empty() || after_name.starts_with([' ', '\t', '>']);
    if !closing && name_ends && RAW_TAGS.contains(&name.as_str()) {
        return Some(HtmlEnd::RawEnd);
    }
    if text.starts_with("<!--") {
        return Some(HtmlEnd::Contains("-->"));
    }
    if text.starts_with("<?") {
        return Some(HtmlEnd::Contains("?>"));
    }
    if text.starts_with("<![CDATA[") {
        return Some(HtmlEnd::Contains("]]>"));
    }
    if text.starts_with("<!") && b.get(2).is_some_and(u8::is_ascii_alphabetic) {
        return Some(HtmlEnd::Contains(">"));
    }
    if (name_ends || after_name.starts_with("/>")) && BLOCK_TAGS.contains(&name.as_str()) {
        return Some(HtmlEnd::Blank);
    }
    if in_paragraph || RAW_TAGS.contains(&name.as_str()) {
        return None;
    }
    let len = inline::html_tag(text)?;
    is_blank(&text[len..]).then_some(HtmlEnd::Blank)
}

fn html_ends(end: HtmlEnd, line: &str) -> bool {
    match end {
        HtmlEnd::RawEnd => {
            let lower = line.to_ascii_lowercase();
            RAW_TAGS.iter().any(|tag| {
                lower.match_indices("</").any(|(i, _)| {
                    lower[i + 2..].starts_with(tag) && lower[i + 2 + tag.len()..].starts_with('>')
                })
            })
        }
        HtmlEnd::Contains(marker) => line.contains(marker),
        HtmlEnd::Blank => false,
    }
}

struct ItemStart {
    marker: u8,
    start: Option<u64>,
    /// Columns from the line position to the item's content.
    indent: usize,
    /// Bytes of the line the marker and its spacing take.
    consumed: usize,
}

/// A list item marker `spaces` spaces after `pos`. Only a non-empty item, and
/// for numbered lists only one numbered 1, may interrupt a paragraph.
fn list_item(
    line: &mut Cow<'_, str>,
    pos: usize,
    spaces: usize,
    in_paragraph: bool,
) -> Option<ItemStart> {
    let rest = &line[pos..];
    let b = rest.as_bytes();
    let (marker, start, marker_end) = match *b.get(spaces)? {
        c @ (b'-' | b'+' | b'*') => (c, None, spaces + 1),
        c if c.is_ascii_digit() => {
            let digits = b[spaces..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let end = spaces + digits;
            match b.get(end) {
                Some(&d @ (b'.' | b')')) if digits <= 9 => {
                    (d, rest[spaces..end].parse().ok(), end + 1)
                }
                _ => return None,
            }
        }
        _ => return None,
    };
    let after = &rest[marker_end..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let blank = is_blank(after);
    if in_paragraph && (blank || start.is_some_and(|n| n != 1)) {
        return None;
    }
    expand_tabs(line, pos + marker_end, 5);
    let after = &line[pos + marker_end..];
    let gap = leading_spaces(after);
    let (pad, consumed) = if blank {
        (1, after.len())
    } else if gap >= 5 {
        // The content is indented code: the item's content starts one column in.
        (1, 1)
    } else {
        (gap, gap)
    };
    Some(ItemStart {
        marker,
        start,
        indent: marker_end + pad,
        consumed: marker_end + consumed,
    })
}
