//! The plain text format: a timeline written in any editor, one event per
//! line (`1998-08-31: North Korea fires a missile`), with indented lines for
//! the rest of the event, a header of `key: value` lines, `@lane` lines and
//! `era:` lines. Specified for authors in `docs/text-format.md`; markwhen is
//! the model for how it reads.
//!
//! Every field of the model has a place, so [`to_text`] and [`parse_text`]
//! round-trip any dataset the parser can give. Reading funnels into the
//! shared checks (`parse::assemble`) like every other format, and every
//! problem is located by line and column.
//!
//! One job per module: `syntax` (what a line is, quoting) and `dates` (the
//! date forms), which the reader and the writer must agree on; `read` (with
//! `read/event.rs` for an event's lines and `read/parts.rs` for `source:`
//! and `media:` lines) and `write`.

mod dates;
mod read;
mod syntax;
mod write;

pub use read::parse_text;
pub use write::to_text;

#[cfg(test)]
mod tests;
