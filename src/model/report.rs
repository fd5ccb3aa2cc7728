//! The problems of a load as a file to download, in full, however many there
//! are: plain text (one problem a line) or CSV (kind, location, message). The
//! panel lists only the first [`SHOWN`]; these give the rest.

use super::csv_import::neutralise_formula;
use super::export::csv_record;
use super::{Problem, ProblemKind};
use crate::i18n::Locale;

/// How many problems the panel lists; the others are counted, and in the
/// downloads.
pub const SHOWN: usize = 100;

/// Every problem, one a line: "error: event 4 (id \"x\"), field `start`: …".
/// Line breaks inside a message become spaces, so a line is a problem.
/// In English, as the tests read it.
#[cfg(test)]
pub fn problems_text(problems: &[Problem]) -> String {
    problems_text_in(problems, Locale::ENGLISH)
}

/// [`problems_text`] in the reader's language.
pub fn problems_text_in(problems: &[Problem], locale: Locale) -> String {
    let mut out = String::with_capacity(problems.len() * 80);
    for problem in problems {
        let line = problem.text_in(locale);
        if line.contains(['\n', '\r']) {
            out.push_str(&line.replace(['\n', '\r'], " "));
        } else {
            out.push_str(&line);
        }
        out.push('\n');
    }
    out
}

/// Every problem as CSV with a header row `kind,location,message`. Cells
/// hold text from the file, so they are neutralised as [`super::to_csv`]
/// does: none opens as a formula in a spreadsheet program.
#[cfg(test)]
pub fn problems_csv(problems: &[Problem]) -> String {
    problems_csv_in(problems, Locale::ENGLISH)
}

/// [`problems_csv`] in the reader's language: the header row and the kinds
/// stay as they are, for programs that read the file; the locations and
/// messages are the reader's.
pub fn problems_csv_in(problems: &[Problem], locale: Locale) -> String {
    let mut out = String::with_capacity(problems.len() * 80);
    let mut write = |cells: [String; 3]| csv_record(&cells.map(neutralise_formula), &mut out);
    write(["kind".into(), "location".into(), "message".into()]);
    for problem in problems {
        let kind = match problem.kind {
            ProblemKind::Error => "error",
            ProblemKind::Warning => "warning",
        };
        write([
            kind.to_owned(),
            problem.location.text_in(locale),
            problem.message.text_in(locale),
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;
    use crate::model::{Location, Message};

    fn many(n: usize) -> Vec<Problem> {
        (0..n)
            .map(|i| {
                Problem::error(
                    Location::Event {
                        index: i,
                        id: Some(format!("=x{i}")),
                        inner: Default::default(),
                    }
                    .field("start"),
                    Message::new(Msg::PInvalidValue)
                        .with("detail", format!("-{i}: not a date\nsee the docs")),
                )
            })
            .collect()
    }

    #[test]
    fn the_text_has_one_line_per_problem() {
        let text = problems_text(&many(250));
        assert_eq!(text.lines().count(), 250);
        assert!(text.starts_with(
            "error: event 0 (id \"=x0\"), field `start`: -0: not a date see the docs\n"
        ));
        assert!(text
            .ends_with("event 249 (id \"=x249\"), field `start`: -249: not a date see the docs\n"));
    }

    #[test]
    fn the_csv_holds_every_problem_with_no_formula() {
        let problems = many(250);
        let csv = problems_csv(&problems);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            vec!["kind", "location", "message"]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 250);
        assert_eq!(&rows[7][0], "error");
        assert_eq!(&rows[7][1], "event 7 (id \"=x7\"), field `start`");
        // The message begins with "-": written with an apostrophe.
        assert_eq!(&rows[7][2], "'-7: not a date\nsee the docs");
        assert_eq!(
            problems_csv(&[Problem::warning(
                Location::Named("=1+1".into()),
                Message::new(Msg::PInvalidValue).with("detail", "@x")
            )])
            .lines()
            .nth(1),
            Some("warning,'=1+1,'@x")
        );
    }
}
