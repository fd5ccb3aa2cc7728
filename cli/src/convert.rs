//! `annals-cli convert IN --to native|csv|text|timelinejs [-o OUT]`: reads a
//! dataset in any format and writes it in another, with the app's own
//! writers. A file with errors (events that would be left out) is not
//! converted, so nothing is lost without a word; warnings are printed and
//! the conversion goes ahead.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use annals::model::{parse_bytes, to_csv, to_native_json, to_text, to_timelinejs, ProblemKind};

use crate::validate::problem_line;

/// Arguments of `annals-cli convert`.
#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// The dataset to read: native JSON, TimelineJS3 JSON, CSV or plain text.
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// The format to write.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: Format,
    /// Where to write it [default: standard output].
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// The formats `convert` writes.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// annals' native JSON: every field.
    Native,
    /// The TimelineJS spreadsheet template as CSV (what its columns can hold).
    Csv,
    /// The plain text format (docs/text-format.md): every field.
    Text,
    /// TimelineJS3 JSON (what TimelineJS can show).
    Timelinejs,
}

/// Converts as `args` say; the error says what to fix.
pub fn run(args: &ConvertArgs) -> Result<(), String> {
    let file = args.input.display().to_string();
    let bytes = fs::read(&args.input).map_err(|e| format!("cannot read {file}: {e}"))?;
    let loaded = match parse_bytes(&bytes) {
        Ok(loaded) => loaded,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{}", problem_line(&file, problem));
            }
            return Err(format!("{file} could not be read as a dataset"));
        }
    };
    for problem in &loaded.problems {
        eprintln!("{}", problem_line(&file, problem));
    }
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Error)
        .count();
    if errors > 0 {
        return Err(format!(
            "{file} has {errors} error(s), and the events they concern would be left out; fix them (`annals-cli validate {file}` lists them) and convert again"
        ));
    }
    let dataset = &loaded.dataset;
    let mut written = match args.to {
        Format::Native => to_native_json(dataset),
        Format::Csv => to_csv(dataset),
        Format::Text => to_text(dataset),
        Format::Timelinejs => to_timelinejs(dataset),
    };
    if !written.ends_with('\n') {
        written.push('\n');
    }
    match &args.output {
        Some(path) => {
            fs::write(path, written).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => std::io::stdout()
            .write_all(written.as_bytes())
            .map_err(|e| format!("cannot write to standard output: {e}")),
    }
}
