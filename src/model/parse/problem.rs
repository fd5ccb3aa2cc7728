//! Problems found in input, located, and the result of a load that worked.

use std::fmt;

use super::super::Dataset;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Something was left out: an event, or the whole file.
    Error,
    /// Loaded, but something was ignored or guessed.
    Warning,
}

/// One thing wrong with the input, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub kind: ProblemKind,
    /// Where: "line 3, column 7" or "event 4 (id \"treaty\"), field `start`".
    pub location: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Problem {
    pub(crate) fn error(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            kind: ProblemKind::Error,
            location: location.into(),
            message: message.into(),
        }
    }

    pub(crate) fn warning(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            kind: ProblemKind::Warning,
            location: location.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ProblemKind::Error => "error",
            ProblemKind::Warning => "warning",
        };
        write!(f, "{kind}: {}: {}", self.location, self.message)
    }
}

/// A dataset that loaded, with whatever problems were found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The events that passed every check.
    pub dataset: Dataset,
    /// Errors for events that were left out, and warnings.
    pub problems: Vec<Problem>,
}
/// Puts problems in file order: dataset-level ones first, then by event index
/// or row, keeping the order found within each.
pub(super) fn sort_by_position(problems: &mut [Problem]) {
    problems.sort_by_key(|p| {
        let number = ["event ", "row "]
            .iter()
            .find_map(|prefix| p.location.strip_prefix(prefix))
            .and_then(|rest| {
                rest.split(|c: char| !c.is_ascii_digit())
                    .next()?
                    .parse::<usize>()
                    .ok()
            });
        number.map_or((0, 0), |n| (1, n))
    });
}
