//! An event's block: its first line, then each indented line as a field,
//! a tag line, a lane or summary text.

use super::*;

impl Reader {
    /// `DATE[ - END]: Title` and the lines under it, into a draft, with
    /// whether its id was written; `None` when it has an error.
    pub(super) fn event(
        &mut self,
        number: usize,
        line: &str,
        body: &[BodyLine],
    ) -> Option<(Draft, bool)> {
        let head = self.head(number, line, 0)?;
        let mut fields: Vec<(&'static str, Location)> = vec![
            ("title", head.title_at.clone()),
            ("start", head.start_at.clone()),
            ("end", head.end_at.clone()),
        ];
        let mut errors = Vec::new();
        let mut id: Option<String> = None;
        let mut title = Texts {
            default: Some(head.title),
            ..Texts::default()
        };
        let mut summary = Texts::default();
        let mut summary_lines: Vec<&str> = Vec::new();
        let mut display: Option<Texts> = None;
        let mut status = Status::Occurred;
        let mut lane: Option<String> = None;
        let (mut actors, mut tags, mut related) = (Vec::new(), Vec::new(), Vec::new());
        let (mut media, mut sources) = (Vec::new(), Vec::new());
        let mut importance = None;
        let language = self.language.clone();
        let record = |fields: &mut Vec<(&'static str, Location)>, name, place: Location| {
            if !fields.iter().any(|(n, _)| *n == name) {
                fields.push((name, place));
            }
        };
        for item in body {
            let kind = classify(item.text, EVENT);
            match kind {
                Line::Blank => summary_lines.push(""),
                Line::Comment => {}
                Line::Text | Line::Escaped => {
                    record(&mut fields, "summary", item.at(0));
                    let text = if kind == Line::Escaped {
                        &item.text[1..]
                    } else {
                        item.text
                    };
                    summary_lines.push(text);
                }
                Line::Tags => {
                    record(&mut fields, "tags", item.at(0));
                    tags.extend(
                        marks(item.text, '#')
                            .unwrap_or_default()
                            .into_iter()
                            .map(|(t, _)| t),
                    );
                }
                Line::Lane => {
                    if lane.is_some() {
                        self.problems.push(Problem::warning(
                            item.at(0),
                            Message::new(Msg::PTextOneLane),
                        ));
                    } else {
                        record(&mut fields, "lane", item.at(0));
                        lane = marks(item.text, '@')
                            .and_then(|m| m.into_iter().next())
                            .map(|(l, _)| l);
                    }
                }
                Line::Field {
                    key,
                    lang,
                    value,
                    at: value_at,
                } => {
                    let lead = value.len() - value.trim_start().len();
                    let place = item.at(value_at + lead);
                    let lang = lang.filter(|l| *l != language);
                    let text = read_value(value);
                    match (key, lang) {
                        ("id", _) => {
                            if id.is_some() {
                                self.problems
                                    .push(Problem::warning(place, Message::new(Msg::PTextOneId)));
                            } else {
                                record(&mut fields, "id", place);
                                id = Some(text);
                            }
                        }
                        ("status", _) => match Status::from_name(&text) {
                            Some(s) => status = s,
                            None => errors.push(Problem::error(
                                place,
                                Message::new(Msg::PTextStatus).with("text", &text),
                            )),
                        },
                        ("importance", _) => match text.parse::<u8>() {
                            Ok(n) if (1..=5).contains(&n) => importance = Some(n),
                            _ => self.problems.push(Problem::warning(
                                place,
                                Message::new(Msg::PImportanceRange)
                                    .with("value", format!("`{text}`")),
                            )),
                        },
                        ("actors" | "related", _) => {
                            record(&mut fields, key_name(key), place);
                            let list = if key == "actors" {
                                &mut actors
                            } else {
                                &mut related
                            };
                            // Empty items (`a, , b`, a trailing comma) are
                            // skipped; `""` is an empty name.
                            for (_, part) in split_parts(value, ",", false) {
                                if !part.trim().is_empty() {
                                    list.push(read_value(part));
                                }
                            }
                        }
                        ("source", _) => {
                            record(&mut fields, "sources", place);
                            let source =
                                self.source(item.number, item.line, item.offset + value_at);
                            sources.push(source);
                        }
                        ("media", _) => {
                            record(&mut fields, "media", place);
                            if let Some(m) =
                                self.media(item.number, item.line, item.offset + value_at)
                            {
                                media.push(m);
                            }
                        }
                        ("display", None) => {
                            record(&mut fields, "display_date", place);
                            display.get_or_insert_with(Texts::default).default = Some(text);
                        }
                        ("summary", None) => {
                            record(&mut fields, "summary", place);
                            summary.default = Some(text);
                        }
                        ("title", None) => self
                            .problems
                            .push(Problem::warning(place, Message::new(Msg::PTextTitleOnLine))),
                        ("title" | "summary" | "display", Some(lang)) => {
                            let texts = match key {
                                "title" => &mut title,
                                "summary" => &mut summary,
                                _ => display.get_or_insert_with(Texts::default),
                            };
                            texts.translations.insert(lang.to_owned(), text);
                        }
                        _ => {}
                    }
                }
            }
        }
        if !errors.is_empty() {
            self.problems.extend(errors);
            return None;
        }
        if !summary_lines.is_empty() {
            let lines = summary_lines.join("\n");
            summary.default = Some(match summary.default.take() {
                Some(field) if !field.is_empty() => format!("{field}\n{lines}"),
                _ => lines,
            });
        }
        let written_id = id.is_some();
        let draft = Draft {
            origin: Origin::text(number, fields),
            id: id.unwrap_or_default(),
            title: title.text(),
            start: head.start,
            end: head.end,
            circa: head.circa,
            display_date: display.map(Texts::text),
            status,
            lane,
            actors,
            tags,
            summary: summary.text(),
            media,
            sources,
            related,
            importance,
        };
        Some((draft, written_id))
    }
}

/// The native name of a list field, for locations.
fn key_name(key: &str) -> &'static str {
    if key == "actors" {
        "actors"
    } else {
        "related"
    }
}
