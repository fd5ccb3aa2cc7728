//! Inline content of one paragraph or heading: emphasis, links, code spans,
//! escapes, character references, autolinks, raw HTML and line breaks.
//!
//! The text is scanned once, left to right, into a flat list of tokens.
//! Brackets and `*`/`_` runs are kept on stacks and matched with the
//! delimiter-run rules of CommonMark (left/right flanking, the rule of three,
//! a lower bound per kind of closer so failed searches are never repeated),
//! then the tokens are folded into the tree. Every scan that may look ahead
//! either consumes what it scanned or is bounded, so the work stays close to
//! linear in the input whatever it holds.

use super::{entity, safe_link, Inline, MAX_DEPTH};
use crate::i18n::Msg;
use crate::model::Message;

/// Deepest nesting of parentheses inside a link destination. Also bounds how
/// far a failed destination is scanned.
const MAX_PARENS: usize = 32;

/// Parses `text` (the lines of one paragraph joined by '\n', each without its
/// leading whitespace) into inlines. `base` is the nesting depth already used by
/// enclosing lists.
pub(super) fn parse(text: &str, base: usize, warnings: &mut Vec<Message>) -> Vec<Inline> {
    let mut scanner = Scanner {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
        tokens: Vec::new(),
        buf: String::new(),
        delims: Vec::new(),
        brackets: Vec::new(),
        bracket_floor: 0,
        last_ticks: None,
        last: [None; 4],
        dropped: Vec::new(),
    };
    scanner.run();
    warnings.extend(scanner.dropped.into_iter().map(|(_, warning)| warning));
    build(scanner.tokens, base)
}

#[derive(Clone, Copy)]
enum Style {
    Emphasis,
    Strong,
}

enum Wrap {
    Style(Style),
    Link(String),
    /// An image or an unsafe link: only its children are kept.
    Plain,
}

enum Token {
    Text(String),
    /// A run of `*` or `_`: `closes` wrappers end before it, then `count`
    /// characters stay literal, then `opens` start (innermost last).
    Delim {
        ch: u8,
        count: usize,
        closes: usize,
        opens: Vec<Style>,
    },
    Open(Wrap),
    Close,
}

#[derive(Clone, Copy)]
struct Delim {
    token: usize,
    ch: u8,
    /// Length of the run as written (for the rule of three).
    len: usize,
    can_open: bool,
    can_close: bool,
}

struct Bracket {
    token: usize,
    image: bool,
    /// `delims.len()` when the bracket opened.
    delims: usize,
}

/// Terminators of raw HTML constructs, whose last positions are looked up once.
const TERMINATORS: [&str; 4] = ["-->", "?>", "]]>", ">"];

struct Scanner<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tokens: Vec<Token>,
    /// Literal text not yet pushed as a token.
    buf: String,
    delims: Vec<Delim>,
    brackets: Vec<Bracket>,
    /// Brackets below this index (other than images) can no longer open a link.
    bracket_floor: usize,
    /// For each length, where the last run of that many backticks starts;
    /// built on first use.
    last_ticks: Option<Vec<Option<usize>>>,
    /// Cached last position of each of [`TERMINATORS`] (`Some(None)`: absent).
    last: [Option<Option<usize>>; 4],
    /// Warnings about dropped links, in the order the links start, with the
    /// token where each starts.
    dropped: Vec<(usize, Message)>,
}

impl Scanner<'_> {
    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let at = self.pos;
            match self.bytes[at] {
                b'\\' => self.backslash(),
                b'`' => self.code_span(),
                b'*' | b'_' => self.delim_run(),
                b'[' => self.open_bracket(false, 1),
                b'!' if self.bytes.get(at + 1) == Some(&b'[') => self.open_bracket(true, 2),
                b']' => self.close_bracket(),
                b'<' => self.angle(),
                b'&' => self.entity(),
                b'\n' => self.line_break(),
                _ => {
                    let end = self.bytes[at + 1..]
                        .iter()
                        .position(|b| {
                            matches!(
                                b,
                                b'\\'
                                    | b'`'
                                    | b'*'
                                    | b'_'
                                    | b'['
                                    | b'!'
                                    | b']'
                                    | b'<'
                                    | b'&'
                                    | b'\n'
                            )
                        })
                        .map_or(self.bytes.len(), |i| at + 1 + i);
                    self.buf.push_str(&self.src[at..end]);
                    self.pos = end;
                }
            }
        }
        self.flush();
        self.process_emphasis(0);
    }

    fn flush(&mut self) {
        if !self.buf.is_empty() {
            self.tokens.push(Token::Text(std::mem::take(&mut self.buf)));
        }
    }

    fn push(&mut self, token: Token) -> usize {
        self.flush();
        self.tokens.push(token);
        self.tokens.len() - 1
    }

    fn backslash(&mut self) {
        match self.bytes.get(self.pos + 1) {
            Some(b'\n') => {
                self.buf.push('\n');
                self.pos += 2;
                self.skip_line_indent();
            }
            Some(&b) if b.is_ascii_punctuation() => {
                self.buf.push(b as char);
                self.pos += 2;
            }
            _ => {
                self.buf.push('\\');
                self.pos += 1;
            }
        }
    }

    /// A line ending: a hard break after two or more spaces, else a space.
    /// Spaces and tabs around it go.
    fn line_break(&mut self) {
        let spaces = self.bytes[..self.pos]
            .iter()
            .rev()
            .take_while(|&&b| b == b' ')
            .count();
        let white = self.bytes[..self.pos]
            .iter()
            .rev()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let in_buf = self.buf.len() - self.buf.trim_end_matches([' ', '\t']).len();
        self.buf.truncate(self.buf.len() - white.min(in_buf));
        self.buf.push(if spaces >= 2 { '\n' } else { ' ' });
        self.pos += 1;
        self.skip_line_indent();
    }

    fn skip_line_indent(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A code span, closed by the next run of exactly as many backticks. A
    /// closer is searched for only when one exists (the last run of each
    /// length is known), and what was searched is then consumed.
    fn code_span(&mut self) {
        let start = self.pos;
        let len = tick_run(self.bytes, start);
        let after = start + len;
        let bytes = self.bytes;
        let last = self.last_ticks.get_or_insert_with(|| {
            let mut last = Vec::new();
            let mut i = 0;
            while let Some(found) = bytes[i..].iter().position(|&b| b == b'`') {
                let n = tick_run(bytes, i + found);
                if last.len() <= n {
                    last.resize(n + 1, None);
                }
                last[n] = Some(i + found);
                i += found + n;
            }
            last
        });
        if !matches!(last.get(len), Some(&Some(at)) if at >= after) {
            self.buf.push_str(&self.src[start..after]);
            self.pos = after;
            return;
        }
        let mut close = after;
        while let Some(found) = bytes[close..].iter().position(|&b| b == b'`') {
            close += found;
            let n = tick_run(bytes, close);
            if n == len {
                break;
            }
            close += n;
        }
        let content = self.src[after..close].replace('\n', " ");
        let stripped = match content.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
            Some(inner) if content.bytes().any(|b| b != b' ') => inner,
            _ => content.as_str(),
        };
        self.buf.push_str(stripped);
        self.pos = close + len;
    }

    fn delim_run(&mut self) {
        let start = self.pos;
        let ch = self.bytes[start];
        let len = self.bytes[start..].iter().take_while(|&&b| b == ch).count();
        let end = start + len;
        let before = self.src[..start].chars().next_back();
        let after = self.src[end..].chars().next();
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let punct = |c: Option<char>| c.is_some_and(is_punctuation);
        let left = !space(after) && (!punct(after) || space(before) || punct(before));
        let right = !space(before) && (!punct(before) || space(after) || punct(after));
        let (can_open, can_close) = if ch == b'*' {
            (left, right)
        } else {
            (
                left && (!right || punct(before)),
                right && (!left || punct(after)),
            )
        };
        let token = self.push(Token::Delim {
            ch,
            count: len,
            closes: 0,
            opens: Vec::new(),
        });
        if can_open || can_close {
            self.delims.push(Delim {
                token,
                ch,
                len,
                can_open,
                can_close,
            });
        }
        self.pos = end;
    }

    fn open_bracket(&mut self, image: bool, len: usize) {
        let token = self.push(Token::Text(self.src[self.pos..self.pos + len].to_owned()));
        self.brackets.push(Bracket {
            token,
            image,
            delims: self.delims.len(),
        });
        self.pos += len;
    }

    fn close_bracket(&mut self) {
        let Some(top) = self.brackets.last() else {
            self.buf.push(']');
            self.pos += 1;
            return;
        };
        let active = top.image || self.brackets.len() > self.bracket_floor;
        let tail = if active {
            self.link_tail(self.pos + 1)
        } else {
            None
        };
        let Some((dest, end)) = tail else {
            self.brackets.pop();
            self.bracket_floor = self.bracket_floor.min(self.brackets.len());
            self.buf.push(']');
            self.pos += 1;
            return;
        };
        let Bracket {
            token,
            image,
            delims,
        } = self.brackets.pop().expect("checked above");
        self.bracket_floor = self.bracket_floor.min(self.brackets.len());
        self.flush();
        self.process_emphasis(delims);
        self.tokens[token] = Token::Open(if image {
            Wrap::Plain
        } else {
            self.link(dest, token)
        });
        self.tokens.push(Token::Close);
        if !image {
            self.bracket_floor = self.brackets.len();
        }
        self.pos = end;
    }

    /// The wrapper for a link to `dest` starting at `token`: a link if the
    /// scheme is allowed, otherwise its text only, with a warning.
    fn link(&mut self, dest: String, token: usize) -> Wrap {
        if safe_link(&dest) {
            Wrap::Link(dest)
        } else {
            let warning = Message::new(Msg::PLinkDropped).with("dest", &dest);
            // A link closes after the autolinks in its text: keep the order
            // in which the links start.
            let at = self.dropped.partition_point(|&(start, _)| start < token);
            self.dropped.insert(at, (token, warning));
            Wrap::Plain
        }
    }

    /// Reads `(destination "title")` at `at`: the decoded destination and the
    /// position after the closing parenthesis.
    fn link_tail(&self, at: usize) -> Option<(String, usize)> {
        let b = self.bytes;
        if b.get(at) != Some(&b'(') {
            return None;
        }
        let skip_space = |mut i: usize| {
            while matches!(b.get(i), Some(b' ' | b'\t' | b'\n')) {
                i += 1;
            }
            i
        };
        let mut i = skip_space(at + 1);
        if b.get(i) == Some(&b')') {
            return Some((String::new(), i + 1));
        }
        let raw;
        if b.get(i) == Some(&b'<') {
            let mut j = i + 1;
            loop {
                match *b.get(j)? {
                    b'>' => break,
                    b'\n' | b'<' => return None,
                    b'\\' if b.get(j + 1).is_some_and(u8::is_ascii_punctuation) => j += 2,
                    _ => j += 1,
                }
            }
            raw = &self.src[i + 1..j];
            i = j + 1;
        } else {
            let mut j = i;
            let mut depth = 0;
            while let Some(&c) = b.get(j) {
                match c {
                    b'\\' if b.get(j + 1).is_some_and(u8::is_ascii_punctuation) => {
                        j += 2;
                        continue;
                    }
                    b'(' => {
                        depth += 1;
                        if depth > MAX_PARENS {
                            return None;
                        }
                    }
                    b')' if depth == 0 => break,
                    b')' => depth -= 1,
                    c if c <= b' ' || c == 0x7f => break,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 || j == i {
                return None;
            }
            raw = &self.src[i..j];
            i = j;
        }
        let after_dest = i;
        i = skip_space(i);
        // A title needs whitespace before it.
        if let Some(&open @ (b'"' | b'\'' | b'(')) = b.get(i).filter(|_| i > after_dest) {
            let close = if open == b'(' { b')' } else { open };
            let mut j = i + 1;
            loop {
                match *b.get(j)? {
                    c if c == close => break,
                    b'(' if open == b'(' => return None,
                    b'\\' if b.get(j + 1).is_some_and(u8::is_ascii_punctuation) => j += 2,
                    _ => j += 1,
                }
            }
            i = skip_space(j + 1);
        }
        (b.get(i) == Some(&b')')).then(|| (unescape(raw), i + 1))
    }

    /// `<`: an autolink, raw HTML (kept as its literal text) or a plain '<'.
    fn angle(&mut self) {
        let rest = &self.src[self.pos..];
        if let Some((len, href)) = autolink(rest) {
            let text = rest[1..len - 1].to_owned();
            self.flush();
            let wrap = self.link(href, self.tokens.len());
            self.push(Token::Open(wrap));
            self.buf.push_str(&text);
            self.push(Token::Close);
            self.pos += len;
            return;
        }
        let len = html_tag(rest).or_else(|| self.html_other());
        let len = len.unwrap_or(1);
        self.buf.push_str(&rest[..len]);
        self.pos += len;
    }

    /// The length of a comment, processing instruction, declaration or CDATA
    /// section at the current position. A terminator is searched for only when
    /// one occurs later in the text, and what was searched is then consumed.
    fn html_other(&mut self) -> Option<usize> {
        let rest = &self.src[self.pos..];
        let (skip, which) = if rest.starts_with("<!-->") {
            return Some(5);
        } else if rest.starts_with("<!--->") {
            return Some(6);
        } else if rest.starts_with("<!--") {
            (4, 0)
        } else if rest.starts_with("<?") {
            (2, 1)
        } else if rest.starts_with("<![CDATA[") {
            (9, 2)
        } else if rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic)
            && rest.starts_with("<!")
        {
            (3, 3)
        } else {
            return None;
        };
        let terminator = TERMINATORS[which];
        let src = self.src;
        let last = *self.last[which].get_or_insert_with(|| src.rfind(terminator));
        let from = self.pos + skip;
        if last? < from {
            return None;
        }
        let found = src[from..].find(terminator)?;
        Some(skip + found + terminator.len())
    }

    fn entity(&mut self) {
        match entity(&self.src[self.pos..]) {
            Some((ch, len)) => {
                self.buf.push(ch);
                self.pos += len;
            }
            None => {
                self.buf.push('&');
                self.pos += 1;
            }
        }
    }

    /// Matches the `*`/`_` runs from `delims[bottom..]` into emphasis, then
    /// forgets them (what is left unmatched stays literal text).
    fn process_emphasis(&mut self, bottom: usize) {
        // Candidate openers, as indices into `delims`.
        let mut openers: Vec<usize> = Vec::new();
        // Per kind of closer (character, can open, length mod 3): openers
        // below this index in `openers` were already found not to match.
        let mut floor = [0usize; 12];
        for d in bottom..self.delims.len() {
            let closer = self.delims[d];
            if closer.can_close {
                let key = usize::from(closer.ch == b'_') * 6
                    + usize::from(closer.can_open) * 3
                    + closer.len % 3;
                while self.count(closer.token) > 0 {
                    let found = (floor[key]..openers.len()).rev().find(|&j| {
                        let opener = self.delims[openers[j]];
                        let odd = (opener.can_close || closer.can_open)
                            && (opener.len + closer.len) % 3 == 0
                            && !(opener.len % 3 == 0 && closer.len % 3 == 0);
                        opener.ch == closer.ch && !odd && self.count(opener.token) > 0
                    });
                    let Some(j) = found else {
                        floor[key] = openers.len();
                        break;
                    };
                    let opener = self.delims[openers[j]];
                    let strong = self.count(opener.token) >= 2 && self.count(closer.token) >= 2;
                    let (style, used) = if strong {
                        (Style::Strong, 2)
                    } else {
                        (Style::Emphasis, 1)
                    };
                    if let Token::Delim { count, opens, .. } = &mut self.tokens[opener.token] {
                        *count -= used;
                        opens.push(style);
                    }
                    if let Token::Delim { count, closes, .. } = &mut self.tokens[closer.token] {
                        *count -= used;
                        *closes += 1;
                    }
                    openers.truncate(j + 1);
                    if self.count(opener.token) == 0 {
                        openers.pop();
                    }
                    for f in &mut floor {
                        *f = (*f).min(openers.len());
                    }
                }
            }
            if closer.can_open && self.count(closer.token) > 0 {
                openers.push(d);
            }
        }
        self.delims.truncate(bottom);
    }

    fn count(&self, token: usize) -> usize {
        match self.tokens[token] {
            Token::Delim { count, .. } => count,
            _ => 0,
        }
    }
}

/// Folds the tokens into a tree. Wrappers nested deeper than [`MAX_DEPTH`]
/// (counting `base`) contribute only their children, which go straight to the
/// nearest kept ancestor so that flattening costs nothing extra.
fn build(tokens: Vec<Token>, base: usize) -> Vec<Inline> {
    let mut tree = Tree {
        base,
        root: Vec::new(),
        kept: Vec::new(),
        open: Vec::new(),
    };
    for token in tokens {
        match token {
            Token::Text(text) => push_text(tree.children(), &text),
            Token::Delim {
                ch,
                count,
                closes,
                opens,
            } => {
                for _ in 0..closes {
                    tree.end();
                }
                if count > 0 {
                    push_text(tree.children(), &(ch as char).to_string().repeat(count));
                }
                for style in opens.into_iter().rev() {
                    tree.start(Wrap::Style(style));
                }
            }
            Token::Open(wrap) => tree.start(wrap),
            Token::Close => tree.end(),
        }
    }
    while !tree.open.is_empty() {
        tree.end();
    }
    tree.root
}

struct Tree {
    base: usize,
    root: Vec<Inline>,
    /// The open wrappers that are kept, with their children so far.
    kept: Vec<(Wrap, Vec<Inline>)>,
    /// One entry per open wrapper: whether it is in `kept`.
    open: Vec<bool>,
}

impl Tree {
    fn children(&mut self) -> &mut Vec<Inline> {
        match self.kept.last_mut() {
            Some((_, children)) => children,
            None => &mut self.root,
        }
    }

    fn start(&mut self, wrap: Wrap) {
        let keep = !matches!(wrap, Wrap::Plain) && self.base + self.kept.len() < MAX_DEPTH;
        if keep {
            self.kept.push((wrap, Vec::new()));
        }
        self.open.push(keep);
    }

    fn end(&mut self) {
        if self.open.pop() != Some(true) {
            return;
        }
        let Some((wrap, children)) = self.kept.pop() else {
            return;
        };
        let node = match wrap {
            Wrap::Style(Style::Emphasis) => Inline::Emphasis(children),
            Wrap::Style(Style::Strong) => Inline::Strong(children),
            Wrap::Link(href) => Inline::Link { href, children },
            Wrap::Plain => return,
        };
        self.children().push(node);
    }
}

fn push_text(target: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match target.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => target.push(Inline::Text(text.to_owned())),
    }
}

fn tick_run(bytes: &[u8], at: usize) -> usize {
    bytes[at..].iter().take_while(|&&b| b == b'`').count()
}

/// An autolink at the start of `s` (which starts with '<'): its length and target.
fn autolink(s: &str) -> Option<(usize, String)> {
    let b = s.as_bytes();
    // <scheme:anything but spaces, controls and angle brackets>
    let scheme = b[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
        .count();
    if (2..=32).contains(&scheme) && b[1].is_ascii_alphabetic() && b.get(1 + scheme) == Some(&b':')
    {
        let end = b
            .iter()
            .skip(1)
            .position(|&c| c <= b' ' || c == b'<' || c == b'>' || c == 0x7f)
            .map(|i| i + 1)?;
        return (b[end] == b'>').then(|| (end + 1, s[1..end].to_owned()));
    }
    // <local@domain>
    let local = b[1..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&c))
        .count();
    if local == 0 || b.get(1 + local) != Some(&b'@') {
        return None;
    }
    let mut i = 2 + local;
    loop {
        let label = b[i..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-')
            .count();
        if label == 0 || label > 63 || b[i] == b'-' || b[i + label - 1] == b'-' {
            return None;
        }
        i += label;
        match b.get(i) {
            Some(b'.') => i += 1,
            Some(b'>') => return Some((i + 1, format!("mailto:{}", &s[1..i]))),
            _ => return None,
        }
    }
}

/// The length of an HTML open or closing tag at the start of `s` (which
/// starts with '<'), as CommonMark defines them. Never looks past the first
/// '<' or '>' outside a quoted attribute value.
pub(super) fn html_tag(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let name = |i: usize| {
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        Some(
            i + b[i..]
                .iter()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-')
                .count(),
        )
    };
    let spaces = |mut i: usize| {
        while matches!(b.get(i), Some(b' ' | b'\t' | b'\n')) {
            i += 1;
        }
        i
    };
    if b.get(1) == Some(&b'/') {
        let i = spaces(name(2)?);
        return (b.get(i) == Some(&b'>')).then_some(i + 1);
    }
    let mut i = name(1)?;
    loop {
        let after_space = spaces(i);
        match b.get(after_space) {
            Some(b'>') => return Some(after_space + 1),
            Some(b'/') => {
                return (b.get(after_space + 1) == Some(&b'>')).then_some(after_space + 2)
            }
            _ => {}
        }
        // An attribute needs whitespace before it.
        if after_space == i {
            return None;
        }
        i = after_space;
        let first = *b.get(i)?;
        if !(first.is_ascii_alphabetic() || first == b'_' || first == b':') {
            return None;
        }
        i += b[i..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-'))
            .count();
        let before_value = spaces(i);
        if b.get(before_value) != Some(&b'=') {
            continue;
        }
        i = spaces(before_value + 1);
        match *b.get(i)? {
            quote @ (b'"' | b'\'') => i += 2 + b[i + 1..].iter().position(|&c| c == quote)?,
            _ => {
                let len = b[i..]
                    .iter()
                    .take_while(|&&c| {
                        !matches!(
                            c,
                            b' ' | b'\t' | b'\n' | b'"' | b'\'' | b'=' | b'<' | b'>' | b'`'
                        )
                    })
                    .count();
                if len == 0 {
                    return None;
                }
                i += len;
            }
        }
    }
}

/// Resolves backslash escapes and character references (in link targets).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    let b = raw.as_bytes();
    while i < b.len() {
        let next = b[i..]
            .iter()
            .position(|&c| c == b'\\' || c == b'&')
            .map_or(b.len(), |p| i + p);
        out.push_str(&raw[i..next]);
        i = next;
        if i >= b.len() {
            break;
        }
        if b[i] == b'\\' && b.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
            out.push(b[i + 1] as char);
            i += 2;
        } else if let Some((ch, len)) = (b[i] == b'&').then(|| entity(&raw[i..])).flatten() {
            out.push(ch);
            i += len;
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

/// Punctuation for the flanking rules: ASCII punctuation and the common
/// Unicode punctuation and symbol blocks (Latin-1, general punctuation,
/// currency, arrows and mathematical symbols, CJK and full-width punctuation,
/// and U+FFFD, which U+0000 reads as).
/// An approximation of CommonMark's Unicode P and S categories without their
/// tables.
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(
        c as u32,
        0xA1..=0xA9
            | 0xAB
            | 0xAC
            | 0xAE..=0xB1
            | 0xB4
            | 0xB6..=0xB8
            | 0xBB
            | 0xBF
            | 0xD7
            | 0xF7
            | 0x2010..=0x2027
            | 0x2030..=0x205E
            | 0x20A0..=0x20C0
            | 0x2190..=0x2BFF
            | 0x2E00..=0x2E5D
            | 0x3001..=0x3003
            | 0x3008..=0x3011
            | 0x3014..=0x301F
            | 0x3030
            | 0x303D
            | 0x30FB
            | 0xFE10..=0xFE19
            | 0xFE30..=0xFE6B
            | 0xFF01..=0xFF0F
            | 0xFF1A..=0xFF20
            | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65
            | 0xFFFC..=0xFFFD
    )
}
