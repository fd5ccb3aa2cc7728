//! `annals-cli`, the command line: verbs over datasets that share the app's core.
//! `render` writes a page (or a fragment for `<annals-timeline>`) with the
//! timeline already drawn, by the same code the browser runs
//! (`annals::prerender`). Each verb is a subcommand in `commands`.

mod render;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("annals-cli: {message}");
            ExitCode::FAILURE
        }
    }
}
