//! `annals-cli`, the command line: verbs over datasets that share the app's core.
//! `render` writes a page (or a fragment for `<annals-timeline>`) with the
//! timeline already drawn, by the same code the browser runs
//! (`annals::prerender`); `validate` lists a file's problems as the app
//! finds them; `convert` writes a dataset in another format; `schema`
//! prints the native format's JSON Schema. Each verb is a subcommand with
//! its own module.
//!
//! Exit status: 0 on success, 1 when a file is invalid or a verb fails, 2
//! on a usage error (clap's).

mod convert;
mod render;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// annals: timelines of dated events, from the command line.
#[derive(Parser, Debug)]
#[command(name = "annals-cli", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Render a dataset's timeline to HTML that reads without JavaScript and
    /// becomes the interactive app when annals' files are beside it.
    Render(render::RenderArgs),
    /// Check datasets and list their problems as `file:line:column: error:
    /// message`; exits 0 when no file has an error, 1 otherwise.
    Validate(validate::ValidateArgs),
    /// Convert a dataset to native JSON, CSV, plain text or TimelineJS3 JSON.
    Convert(convert::ConvertArgs),
    /// Print the JSON Schema of the native format (docs/annals.schema.json).
    Schema,
}

/// The native format's JSON Schema, as committed (a test in the core keeps
/// it in step with the format's types).
const SCHEMA: &str = include_str!("../../docs/annals.schema.json");

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Validate(args) => Ok(validate::run(&args)),
        Command::Convert(args) => convert::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Schema => {
            print!("{SCHEMA}");
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("annals-cli: {message}");
            ExitCode::FAILURE
        }
    }
}
