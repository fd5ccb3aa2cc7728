//! Axis ticks that adapt to the visible span, with a context row above them.
//!
//! The tick unit is the finest calendar step (minutes up to billions of years)
//! whose labels fit side by side in the available pixels; the context row
//! names the next coarser unit ("1998" above months, "August 1998" above
//! days) so a reader never loses track of where they are. The number of ticks
//! depends on the width in pixels, never on the span, so deep time costs no
//! more than a single day.

use crate::model::date::{
    civil_from_days, days_in_month, display_year, month_abbrev, month_name, month_start, year_start,
};
use crate::model::Days;

use super::scale::Viewport;

/// Approximate width of one label character, in pixels, for spacing ticks.
pub const CHAR_WIDTH: f64 = 7.0;
/// Space kept between neighbouring tick labels.
const LABEL_GAP: f64 = 14.0;

/// A calendar step between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Every n minutes.
    Minutes(u32),
    /// Every n hours.
    Hours(u32),
    /// Every n days of the month, restarting on the 1st.
    Days(u32),
    /// Every n months, from January.
    Months(u32),
    /// Every n years, from year 0.
    Years(i64),
}

impl Step {
    /// Approximate length in days, to estimate spacing.
    fn approx_days(self) -> f64 {
        match self {
            Step::Minutes(n) => n as f64 / 1440.0,
            Step::Hours(n) => n as f64 / 24.0,
            Step::Days(n) => n as f64,
            Step::Months(n) => n as f64 * 30.44,
            Step::Years(n) => n as f64 * 365.2425,
        }
    }

    /// The longest label this step writes inside `view`, in characters.
    fn label_chars(self, view: &Viewport) -> usize {
        match self {
            Step::Minutes(_) | Step::Hours(_) => 5,
            Step::Days(_) => 2,
            Step::Months(_) => 3,
            Step::Years(n) => {
                let year_at = |t: Days| civil_from_days(floor_day(t)).0.div_euclid(n) * n;
                let first = year_label(year_at(view.start), n).chars().count();
                let last = year_label(year_at(view.end), n).chars().count();
                first.max(last)
            }
        }
    }

    /// Every candidate, from finest to coarsest.
    fn candidates() -> Vec<Step> {
        let mut steps = vec![
            Step::Minutes(1),
            Step::Minutes(5),
            Step::Minutes(15),
            Step::Minutes(30),
            Step::Hours(1),
            Step::Hours(3),
            Step::Hours(6),
            Step::Hours(12),
            Step::Days(1),
            Step::Days(2),
            Step::Days(5),
            Step::Days(10),
            Step::Months(1),
            Step::Months(3),
            Step::Months(6),
        ];
        let mut magnitude = 1i64;
        while magnitude <= 10_000_000_000 {
            steps.extend([
                Step::Years(magnitude),
                Step::Years(magnitude * 2),
                Step::Years(magnitude * 5),
            ]);
            magnitude *= 10;
        }
        steps
    }
}

/// A label at a pixel position.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Pixels from the left edge of the axis.
    pub x: f64,
    /// Text to show.
    pub label: String,
}

/// What the axis draws: the ticks, and the context row above them.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The step chosen for this span and width.
    pub step: Step,
    /// Tick marks with labels, left to right.
    pub ticks: Vec<Tick>,
    /// Context labels (the enclosing day, month or year), left to right; the
    /// first one is pinned to the left edge when its start is off screen.
    pub context: Vec<Tick>,
}

/// Chooses the finest step whose labels fit in `width` pixels for `view`.
pub fn choose_step(view: &Viewport, width: f64) -> Step {
    let days_per_px = view.span() / width.max(1.0);
    let candidates = Step::candidates();
    candidates
        .iter()
        .copied()
        .find(|step| {
            let needed = step.label_chars(view) as f64 * CHAR_WIDTH + LABEL_GAP;
            step.approx_days() / days_per_px >= needed
        })
        .unwrap_or(*candidates.last().expect("candidates are not empty"))
}

/// Lays out the axis of `view` across `width` pixels.
pub fn axis(view: &Viewport, width: f64) -> Axis {
    let step = choose_step(view, width);
    let ticks = tick_times(step, view)
        .into_iter()
        .map(|(t, label)| Tick {
            x: view.x(t, width),
            label,
        })
        .collect();
    let mut context: Vec<Tick> = context_times(step, view)
        .into_iter()
        .map(|(t, label)| Tick {
            x: view.x(t, width),
            label,
        })
        .collect();
    pin_first_context(&mut context);
    let ticks: Vec<Tick> = ticks;
    if ticks.is_empty() && context.is_empty() {
        // A narrow view deep in time can fall between two ticks whose long
        // labels need more room than the span has: name the year instead.
        let year = civil_from_days(floor_day(view.start + view.span() / 2.0)).0;
        context.push(Tick {
            x: 0.0,
            label: display_year(year),
        });
    }
    Axis {
        step,
        ticks,
        context,
    }
}

/// Pins the context label whose period started off screen to the left edge,
/// and drops it when the next one would overlap it.
fn pin_first_context(context: &mut Vec<Tick>) {
    if context.len() >= 2 && context[1].x <= 0.0 {
        context.remove(0);
    }
    if let Some(first) = context.first_mut() {
        if first.x < 0.0 {
            first.x = 0.0;
            let needed = first.label.chars().count() as f64 * CHAR_WIDTH + LABEL_GAP;
            if context.get(1).is_some_and(|next| next.x < needed) {
                context.remove(0);
            }
        }
    }
}

/// Upper bound on ticks, as a guard against a degenerate width.
const MAX_TICKS: usize = 2_000;

fn floor_day(t: Days) -> i64 {
    t.floor() as i64
}

/// Tick times and labels for `step` inside `view`.
fn tick_times(step: Step, view: &Viewport) -> Vec<(Days, String)> {
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(floor_day(view.start));
    match step {
        Step::Minutes(n) | Step::Hours(n) => {
            let minutes = if let Step::Hours(h) = step { h * 60 } else { n } as f64;
            let unit = minutes / 1440.0;
            let mut t = (view.start / unit).floor() * unit;
            while t <= view.end && out.len() < MAX_TICKS {
                if t >= view.start {
                    let minute_of_day = ((t - t.floor()) * 1440.0).round() as u32 % 1440;
                    out.push((
                        t,
                        format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60),
                    ));
                }
                t += unit;
            }
        }
        Step::Days(n) => {
            let mut day = floor_day(view.start);
            while (day as f64) <= view.end && out.len() < MAX_TICKS {
                let (y, m, d) = civil_from_days(day);
                let last = days_in_month(y, m) as u32;
                let d = d as u32;
                if (d - 1) % n == 0 && (d == 1 || d + n - 1 <= last) && day as f64 >= view.start {
                    out.push((day as f64, d.to_string()));
                }
                day += 1;
            }
        }
        Step::Months(n) => {
            let mut index = y0 * 12 + (m0 as i64 - 1);
            index -= index.rem_euclid(n as i64);
            loop {
                let t = month_start(0, index + 1);
                if t > view.end || out.len() >= MAX_TICKS {
                    break;
                }
                if t >= view.start {
                    out.push((t, month_abbrev((index.rem_euclid(12) + 1) as u8).to_owned()));
                }
                index += n as i64;
            }
        }
        Step::Years(n) => {
            let mut year = y0.div_euclid(n) * n;
            loop {
                let t = year_start(year);
                if t > view.end || out.len() >= MAX_TICKS {
                    break;
                }
                if t >= view.start {
                    out.push((t, year_label(year, n)));
                }
                year += n;
            }
        }
    }
    out
}

/// A year tick label; steps of a thousand years or more read as "ka", "Ma"
/// and "Ga" before the present, as geologists write them.
fn year_label(year: i64, step: i64) -> String {
    if step < 1_000 || year > 0 {
        return display_year(year);
    }
    let ago = -(year as f64);
    let (value, unit) = if step >= 1_000_000_000 {
        (ago / 1e9, "Ga")
    } else if step >= 1_000_000 {
        (ago / 1e6, "Ma")
    } else {
        (ago / 1e3, "ka")
    };
    if value == 0.0 {
        "0".to_owned()
    } else {
        format!("{} {unit}", trim_number(value))
    }
}

fn trim_number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// The enclosing periods of the ticks, for the context row.
fn context_times(step: Step, view: &Viewport) -> Vec<(Days, String)> {
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(floor_day(view.start));
    match step {
        Step::Minutes(_) | Step::Hours(_) => {
            let mut day = floor_day(view.start);
            while (day as f64) <= view.end && out.len() < MAX_TICKS {
                let (y, m, d) = civil_from_days(day);
                out.push((
                    day as f64,
                    format!("{} {d}, {}", month_name(m), display_year(y)),
                ));
                day += 1;
            }
        }
        Step::Days(_) => {
            let mut index = y0 * 12 + (m0 as i64 - 1);
            loop {
                let t = month_start(0, index + 1);
                if t > view.end || out.len() >= MAX_TICKS {
                    break;
                }
                let month = (index.rem_euclid(12) + 1) as u8;
                out.push((
                    t,
                    format!(
                        "{} {}",
                        month_name(month),
                        display_year(index.div_euclid(12))
                    ),
                ));
                index += 1;
            }
        }
        Step::Months(_) => {
            let mut year = y0;
            loop {
                let t = year_start(year);
                if t > view.end || out.len() >= MAX_TICKS {
                    break;
                }
                out.push((t, display_year(year)));
                year += 1;
            }
        }
        Step::Years(_) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::scale::max_span;
    use proptest::prelude::*;

    fn view(from: &str, to: &str) -> Viewport {
        let a = crate::model::Date::parse(from).unwrap().range().0;
        let b = crate::model::Date::parse(to).unwrap().range().0;
        Viewport::new(a, b)
    }

    #[test]
    fn each_level_is_reached() {
        let cases = [
            (
                view("1998-08-31T10:00", "1998-08-31T11:00"),
                Step::Minutes(5),
                "10:00",
                Some("August 31, 1998"),
            ),
            (
                view("1998-08-31", "1998-09-01"),
                Step::Hours(3),
                "00:00",
                Some("August 31, 1998"),
            ),
            (
                view("1998-08-01", "1998-08-21"),
                Step::Days(1),
                "1",
                Some("August 1998"),
            ),
            (
                view("1998-01", "1999-01"),
                Step::Months(1),
                "Jan",
                Some("1998"),
            ),
            (view("1960", "2008"), Step::Years(5), "1960", None),
            (view("-100000", "2000"), Step::Years(10_000), "100 ka", None),
            (
                Viewport::new(-max_span(), 0.0),
                Step::Years(1_000_000_000),
                "13 Ga",
                None,
            ),
        ];
        for (v, step, first_label, context) in cases {
            let axis = axis(&v, 800.0);
            assert_eq!(axis.step, step, "step for {v:?}");
            assert_eq!(axis.ticks[0].label, first_label, "first tick for {v:?}");
            assert_eq!(
                axis.context.first().map(|t| t.label.as_str()),
                context,
                "context for {v:?}"
            );
        }
    }

    #[test]
    fn a_narrow_deep_time_view_still_names_its_year() {
        // Regression: 200 px at 2.1 trillion days before 1970 had no tick at all.
        let start = -2_112_932_765_693.598_9;
        let v = Viewport::new(start, start + 10f64.powf(5.091876183147024));
        let axis = axis(&v, 200.0);
        assert!(axis.ticks.is_empty());
        assert!(axis.context[0].label.ends_with("BCE"), "{:?}", axis.context);
    }

    #[test]
    fn deep_time_labels_read_in_ka_ma_ga() {
        assert_eq!(year_label(-13_800_000_000, 1_000_000_000), "13.8 Ga");
        assert_eq!(year_label(-66_000_000, 1_000_000), "66 Ma");
        assert_eq!(year_label(-12_000, 1_000), "12 ka");
        assert_eq!(year_label(1500, 100), "1500");
        assert_eq!(year_label(-499, 100), "500 BCE");
    }

    proptest! {
        #[test]
        fn tick_labels_never_overlap(start in -5e12f64..1e7, log_span in -1.3f64..12.6, width in 200f64..3000.0) {
            let v = Viewport::new(start, start + 10f64.powf(log_span));
            let axis = axis(&v, width);
            prop_assert!(!axis.ticks.is_empty() || !axis.context.is_empty(), "the axis always says where the view is");
            prop_assert!(axis.ticks.len() <= (width / 20.0) as usize + 2, "{} ticks", axis.ticks.len());
            for pair in axis.ticks.windows(2) {
                let needed = pair[0].label.chars().count() as f64 * CHAR_WIDTH;
                prop_assert!(pair[1].x - pair[0].x >= needed, "{:?} too close to {:?}", pair[0], pair[1]);
            }
            for tick in &axis.ticks {
                prop_assert!(tick.x >= -1e-6 && tick.x <= width + 1e-6);
            }
        }
    }
}
