//! Reduces the HTML that TimelineJS allows in text to the safe Markdown subset.
//!
//! This is a forgiving tag scanner, not an HTML parser: it keeps `<b>`,
//! `<strong>`, `<i>`, `<em>`, `<a href>`, `<ul>`, `<ol>`, `<li>`, `<p>` and
//! `<br>` as their Markdown equivalents, keeps the text of every other element,
//! drops comments and the content of `<script>` and `<style>`, and decodes
//! character references. The output is Markdown source, so text is escaped and
//! can never turn into markup; link targets are checked later, when the
//! Markdown is read (see [`super::markdown`]).

use super::markdown::{entity, escape};

/// Converts an HTML fragment to Markdown source.
pub(crate) fn to_markdown(html: &str) -> String {
    let mut out = Writer::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let tag = match Tag::read(rest) {
            Read::Tag(tag) => tag,
            Read::Text => {
                out.text("<");
                rest = &rest[1..];
                continue;
            }
            // No later '<' can close either, so stop scanning (which would
            // make hostile input quadratic) and keep the rest as text.
            Read::Unterminated => {
                out.text(rest);
                rest = "";
                break;
            }
        };
        rest = &rest[tag.len..];
        let name = tag.name.as_str();
        if !tag.closing && (name == "script" || name == "style") {
            rest = skip_raw_text(rest, name);
            continue;
        }
        out.tag(&tag);
    }
    out.text(rest);
    out.finish()
}

/// Skips the content of a raw-text element up to and including its end tag.
fn skip_raw_text<'a>(rest: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(at) = rest[from..].find("</").map(|i| from + i) {
        let candidate = &rest.as_bytes()[at + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            let after = &rest[at..];
            return after.find('>').map_or("", |gt| &after[gt + 1..]);
        }
        from = at + 2;
    }
    ""
}

enum Read {
    Tag(Tag),
    /// The '<' does not open a tag.
    Text,
    /// A tag opens but never closes before the end of the input.
    Unterminated,
}

struct Tag {
    name: String,
    closing: bool,
    href: Option<String>,
    /// Bytes of input the tag spans.
    len: usize,
}

impl Tag {
    /// Reads a tag at the start of `s`, which starts with '<'.
    fn read(s: &str) -> Read {
        let bytes = s.as_bytes();
        let mut i = 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let declaration = matches!(bytes.get(i), Some(b'!' | b'?'));
        if !declaration && !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            return Read::Text;
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
            i += 1;
        }
        let name = s[name_start..i].to_ascii_lowercase();
        let attributes_start = i;
        let mut quote = None;
        while let Some(&b) = bytes.get(i) {
            match (quote, b) {
                (None, b'>') => break,
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), b) if b == q => quote = None,
                _ => {}
            }
            i += 1;
        }
        if i >= bytes.len() {
            return Read::Unterminated;
        }
        let href = (name == "a")
            .then(|| attribute(&s[attributes_start..i], "href"))
            .flatten();
        Read::Tag(Tag {
            name: if declaration { String::new() } else { name },
            closing,
            href,
            len: i + 1,
        })
    }
}

/// The value of attribute `name` in an attribute list, entities decoded.
fn attribute(list: &str, name: &str) -> Option<String> {
    let bytes = list.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let key_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' {
            i += 1;
        }
        let key = &list[key_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let start = i + 1;
                    let end = list[start..]
                        .find(q as char)
                        .map_or(list.len(), |e| start + e);
                    value = &list[start..end];
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &list[start..i];
                }
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(decode_entities(value).trim().to_owned());
        }
        if key.is_empty() {
            i += 1;
        }
    }
    None
}

/// Decodes character references as [`markdown::entity`](entity) does (the
/// common named ones and every numeric one); anything else is kept as written.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match entity(rest) {
            Some((ch, len)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Open lists: `Some(next number)` for numbered ones.
    lists: Vec<Option<u64>>,
    /// Open links: whether each one was written as a link.
    links: Vec<Option<String>>,
    /// Length of `out` just after the last list marker.
    after_marker: usize,
}

impl Writer {
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        let collapsed = decoded
            .split_ascii_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let leading = decoded.starts_with(|c: char| c.is_ascii_whitespace());
        let trailing =
            decoded.ends_with(|c: char| c.is_ascii_whitespace()) && !collapsed.is_empty();
        let line_start = self.at_line_start();
        if leading && !line_start && !self.out.ends_with(' ') {
            self.out.push(' ');
        }
        if !collapsed.is_empty() {
            let line_start = self.at_line_start();
            self.out.push_str(&escape(&collapsed, line_start));
        }
        if trailing {
            self.out.push(' ');
        }
    }

    /// Whether text written now starts a Markdown line (or a list item), where
    /// `-`, `+` or `1.` would be read as markers.
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n') || self.out.len() == self.after_marker
    }

    fn block_break(&mut self) {
        let trimmed = self.out.trim_end_matches(' ').len();
        self.out.truncate(trimmed);
        if self.out.is_empty() {
            return;
        }
        if !self.lists.is_empty() {
            if !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            return;
        }
        while !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn tag(&mut self, tag: &Tag) {
        match (tag.name.as_str(), tag.closing) {
            ("b" | "strong", _) => self.out.push_str("**"),
            ("i" | "em", _) => self.out.push('*'),
            ("a", false) => {
                let href = tag.href.clone().filter(|h| !h.is_empty());
                if href.is_some() {
                    self.out.push('[');
                }
                self.links.push(href);
            }
            ("a", true) => {
                if let Some(Some(href)) = self.links.pop() {
                    let href: String = href
                        .chars()
                        .map(|c| match c {
                            ' ' => "%20".to_owned(),
                            '(' => "%28".to_owned(),
                            ')' => "%29".to_owned(),
                            '<' => "%3C".to_owned(),
                            '>' => "%3E".to_owned(),
                            c => c.to_string(),
                        })
                        .collect();
                    self.out.push_str(&format!("]({href})"));
                }
            }
            ("ul", false) => {
                self.block_break();
                self.lists.push(None);
            }
            ("ol", false) => {
                self.block_break();
                self.lists.push(Some(1));
            }
            ("ul" | "ol", true) => {
                self.lists.pop();
                self.block_break();
                if self.lists.is_empty() {
                    self.block_break();
                }
            }
            ("li", false) => {
                self.block_break();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                };
                self.out.push_str(&"   ".repeat(depth));
                self.out.push_str(&marker);
                self.after_marker = self.out.len();
            }
            ("p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "li", _) => {
                self.block_break()
            }
            ("br", _) => {
                let trimmed = self.out.trim_end_matches(' ').len();
                self.out.truncate(trimmed);
                if !self.out.is_empty() {
                    self.out.push_str("\\\n");
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> String {
        // Close links left open so the brackets balance.
        while let Some(link) = self.links.pop() {
            if let Some(href) = link {
                self.out.push_str(&format!("]({href})"));
            }
        }
        self.out.trim().trim_end_matches('\\').trim_end().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markdown::{parse, Block, Inline};

    #[test]
    fn character_references_read_as_in_markdown() {
        // One decoder for both readers: what a reference means must not
        // depend on whether it came in HTML or in Markdown.
        for reference in [
            "&amp;",
            "&lt;",
            "&hearts;",
            "&#x263A;",
            "&#9731;",
            "&#0;",
            "&#xD800;",
            "&#1114112;",
            "&#12345678;",
            "&#x;",
            "&nosuch;",
            "& x",
        ] {
            let in_markdown = match parse(reference).0.as_slice() {
                [Block::Paragraph(inlines)] => match inlines.as_slice() {
                    [Inline::Text(text)] => text.clone(),
                    other => panic!("{reference}: {other:?}"),
                },
                other => panic!("{reference}: {other:?}"),
            };
            assert_eq!(decode_entities(reference), in_markdown, "{reference}");
        }
    }

    #[test]
    fn keeps_the_subset_as_markdown() {
        let cases = [
            ("plain text", "plain text"),
            ("<b>bold</b> and <i>it</i>", "**bold** and *it*"),
            ("<p>one</p><p>two</p>", "one\n\ntwo"),
            (
                "<a href=\"https://x.org/a b\">x</a>",
                "[x](https://x.org/a%20b)",
            ),
            ("<ul><li>a</li><li>b</li></ul>after", "- a\n- b\n\nafter"),
            ("<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"),
            (
                "<ul><li>- not nested</li><li>2. nor this</li></ul>",
                "- \\- not nested\n- 2\\. nor this",
            ),
            ("line<br>break", "line\\\nbreak"),
            ("<span class=x>kept</span>", "kept"),
            (
                "Tom &amp; Jerry &lt;3 &#x263A; &#9731;",
                "Tom \\& Jerry \\<3 ☺ ☃",
            ),
            ("x<script>alert('<b>')</script>y<style>p{}</style>z", "xyz"),
            ("a <!-- hidden --> b", "a b"),
            ("1 < 2 and 3 > 2", "1 \\< 2 and 3 \\> 2"),
            ("<img src=x onerror=alert(1)>", ""),
            ("a <b unterminated", "a \\<b unterminated"),
            ("<SCRIPT>x</ScRiPt >y", "y"),
            ("*stars* [brackets]", "\\*stars\\* \\[brackets\\]"),
        ];
        for (html, markdown) in cases {
            assert_eq!(to_markdown(html), markdown, "converting {html:?}");
        }
    }

    #[test]
    fn hostile_input_stays_linear() {
        // Each of these was quadratic in a first draft: every '<' rescanned,
        // or every <script> lowercased, the rest of the input.
        for unit in ["<a", "<script></script>", "<a \"", "&amp"] {
            let input = unit.repeat(200_000);
            let started = std::time::Instant::now();
            to_markdown(&input);
            assert!(
                started.elapsed().as_secs() < 10,
                "{unit:?} took {:?}",
                started.elapsed()
            );
        }
    }

    #[test]
    fn converted_html_reads_back_as_the_subset() {
        let (blocks, warnings) = parse(&to_markdown(
            "<p>The <strong>treaty</strong> <a href='javascript:x()'>is</a> <em>signed</em>.</p>",
        ));
        assert_eq!(
            warnings.len(),
            1,
            "the javascript: link is dropped with a warning"
        );
        assert_eq!(
            blocks,
            [Block::Paragraph(vec![
                Inline::Text("The ".into()),
                Inline::Strong(vec![Inline::Text("treaty".into())]),
                Inline::Text(" is ".into()),
                Inline::Emphasis(vec![Inline::Text("signed".into())]),
                Inline::Text(".".into()),
            ])]
        );
    }
}
