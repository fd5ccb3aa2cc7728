//! The parts of a `source:` or `media:` line: `Title | key: value | …`.

use super::*;

impl Reader {
    /// `source: Title | publisher: … | url: …` from byte `from` of `line`.
    pub(super) fn source(&mut self, number: usize, line: &str, from: usize) -> Source {
        let mut source = Source::default();
        for (i, (offset, part)) in split_parts(&line[from..], " | ", true)
            .into_iter()
            .enumerate()
        {
            if i == 0 {
                source.title = read_value(part);
                continue;
            }
            let Some((key, lang, value, place)) = self.keyed(number, line, from + offset, part)
            else {
                continue;
            };
            let slot = match key {
                "publisher" => &mut source.publisher,
                "author" => &mut source.author,
                "dateline" => &mut source.dateline,
                "note" => &mut source.note,
                "url" => {
                    source.url = self.checked_url(value, place, Msg::PUnsafeUrl);
                    continue;
                }
                "date" => {
                    match read_date(&value) {
                        Ok(date) => source.date = Some(date),
                        Err(e) => self.problems.push(Problem::warning(
                            place,
                            Message::new(Msg::PSourceDateDropped).with_message("message", e.0),
                        )),
                    }
                    continue;
                }
                _ => {
                    self.problems.push(Problem::warning(
                        place,
                        Message::new(Msg::PTextSourcePart).with("key", key),
                    ));
                    continue;
                }
            };
            if lang.is_some() {
                self.problems.push(Problem::warning(
                    place,
                    Message::new(Msg::PTextSourceTranslation).with("key", key),
                ));
            } else {
                *slot = Some(value);
            }
        }
        source
    }

    /// `media: URL | alt: … | caption: … | credit: …` from byte `from` of `line`.
    pub(super) fn media(&mut self, number: usize, line: &str, from: usize) -> Option<Media> {
        let mut media = Media::default();
        let (mut alt, mut caption, mut credit) =
            (Texts::default(), Texts::default(), Texts::default());
        for (i, (offset, part)) in split_parts(&line[from..], " | ", true)
            .into_iter()
            .enumerate()
        {
            if i == 0 {
                media.url = read_value(part);
                continue;
            }
            let Some((key, lang, value, place)) = self.keyed(number, line, from + offset, part)
            else {
                continue;
            };
            let texts = match key {
                "alt" => &mut alt,
                "caption" => &mut caption,
                "credit" => &mut credit,
                _ => {
                    self.problems.push(Problem::warning(
                        place,
                        Message::new(Msg::PTextMediaPart).with("key", key),
                    ));
                    continue;
                }
            };
            match lang.filter(|l| *l != self.language) {
                Some(lang) => {
                    texts.translations.insert(lang.to_owned(), value);
                }
                None => texts.default = Some(value),
            }
        }
        let place = at(
            number,
            line,
            from + line[from..].len() - line[from..].trim_start().len(),
        );
        media.url = self.checked_url(media.url, place, Msg::PUnsafeMedia)?;
        media.alt = alt.text();
        media.caption = caption.text();
        media.credit = credit.text();
        Some(media)
    }

    /// A `key: value` part of a source or media line, read.
    fn keyed<'p>(
        &mut self,
        number: usize,
        line: &str,
        offset: usize,
        part: &'p str,
    ) -> Option<(&'p str, Option<&'p str>, String, Location)> {
        let lead = part.len() - part.trim_start().len();
        let place = at(number, line, offset + lead);
        let trimmed = &part[lead..];
        let Some(through_colon) = part_key(trimmed) else {
            self.problems
                .push(Problem::warning(place, Message::new(Msg::PTextPartForm)));
            return None;
        };
        let name = &trimmed[..through_colon - 1];
        let (key, lang) = match name.split_once('.') {
            Some((key, lang)) => (key, Some(lang)),
            None => (name, None),
        };
        Some((key, lang, read_value(&trimmed[through_colon..]), place))
    }

    /// `url` if it is a safe link; else `None`, with warning `rule` (a
    /// message with a `{url}` placeholder).
    fn checked_url(&mut self, url: String, place: Location, rule: Msg) -> Option<String> {
        if safe_url(&url) {
            Some(url)
        } else {
            self.problems.push(Problem::warning(
                place,
                Message::new(rule).with("url", &url),
            ));
            None
        }
    }
}
