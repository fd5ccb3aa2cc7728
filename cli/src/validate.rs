//! `annals-cli validate FILE…`: checks datasets (native JSON, TimelineJS3
//! JSON, CSV or plain text) with the app's own parser and lists every
//! problem, located, as `file:line:column: error: message` (or with the
//! location in words where the format has no lines: `file: error: event 3
//! (id "x"), field `start`: message`). `--json` gives the same as one JSON
//! document, for scripts and CI (its shape is in the README).

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use annals::i18n::Msg;
use annals::model::{parse_bytes, Location, Message, Problem, ProblemKind};
use serde_json::{json, Value};

/// Arguments of `annals-cli validate`.
#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// The datasets to check: native JSON, TimelineJS3 JSON, CSV or plain
    /// text, told apart by their content.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print one JSON document instead of lines: {"valid": bool, "files":
    /// [{"file", "valid", "events", "errors", "warnings", "problems":
    /// [{"severity", "location", "line", "column", "message"}]}]}.
    #[arg(long)]
    pub json: bool,
}

/// What checking one file found.
struct Report {
    /// The file as named on the command line.
    file: String,
    /// How many events loaded (0 when the file could not be read at all).
    events: usize,
    /// Every problem, in file order.
    problems: Vec<Problem>,
}

impl Report {
    fn count(&self, kind: ProblemKind) -> usize {
        self.problems.iter().filter(|p| p.kind == kind).count()
    }
}

/// Checks every file; success when none has an error (warnings allowed).
pub fn run(args: &ValidateArgs) -> ExitCode {
    let reports: Vec<Report> = args.files.iter().map(check).collect();
    let valid = reports.iter().all(|r| r.count(ProblemKind::Error) == 0);
    if args.json {
        let files: Vec<Value> = reports.iter().map(report_json).collect();
        let document = json!({"valid": valid, "files": files});
        println!(
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        );
    } else {
        for report in &reports {
            for problem in &report.problems {
                println!("{}", problem_line(&report.file, problem));
            }
            eprintln!(
                "{}: {} event(s), {} error(s), {} warning(s)",
                report.file,
                report.events,
                report.count(ProblemKind::Error),
                report.count(ProblemKind::Warning)
            );
        }
    }
    if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check(path: &PathBuf) -> Report {
    let file = path.display().to_string();
    let result = fs::read(path)
        .map_err(|e| {
            vec![Problem {
                kind: ProblemKind::Error,
                location: Location::File,
                message: Message::new(Msg::PCannotRead).with("detail", e),
            }]
        })
        .and_then(|bytes| parse_bytes(&bytes));
    match result {
        Ok(loaded) => Report {
            file,
            events: loaded.dataset.events.len(),
            problems: loaded.problems,
        },
        Err(problems) => Report {
            file,
            events: 0,
            problems,
        },
    }
}

/// `file:line:column: error: message` where the problem has a line, and
/// `file: error: location: message` otherwise.
pub fn problem_line(file: &str, problem: &Problem) -> String {
    let severity = severity(problem);
    match &problem.location {
        Location::Text { line, column } => {
            format!("{file}:{line}:{column}: {severity}: {}", problem.message)
        }
        Location::File => format!("{file}: {severity}: {}", problem.message),
        location => format!("{file}: {severity}: {location}: {}", problem.message),
    }
}

fn severity(problem: &Problem) -> &'static str {
    match problem.kind {
        ProblemKind::Error => "error",
        ProblemKind::Warning => "warning",
    }
}

fn report_json(report: &Report) -> Value {
    let problems: Vec<Value> = report
        .problems
        .iter()
        .map(|problem| {
            let mut object = json!({
                "severity": severity(problem),
                "location": problem.location.to_string(),
                "message": problem.message.as_str(),
            });
            if let Location::Text { line, column } = problem.location {
                object["line"] = json!(line);
                object["column"] = json!(column);
            }
            object
        })
        .collect();
    json!({
        "file": report.file,
        "valid": report.count(ProblemKind::Error) == 0,
        "events": report.events,
        "errors": report.count(ProblemKind::Error),
        "warnings": report.count(ProblemKind::Warning),
        "problems": problems,
    })
}
