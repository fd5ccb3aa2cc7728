//! Axis ticks that adapt to the visible span, with a context row above them.
//!
//! The tick unit is the finest calendar step (minutes up to billions of years)
//! whose labels, as measured in the axis font, fit side by side in the
//! available pixels; the context row
//! names the next coarser unit ("1998" above months, "August 1998" above
//! days) so a reader never loses track of where they are. The number of ticks
//! depends on the width in pixels, never on the span, so deep time costs no
//! more than a single day.
//!
//! Year ticks fall on round years as people write them, on both sides of
//! year zero: "400 BCE", "200 BCE", "1 CE", "200", "400" (there is no year
//! zero, so the step across it is one year short). Within ten thousand years
//! of the present, BCE years are written out; further back, the whole axis
//! reads in thousands, millions or billions of years ago ("12 ka", "66 Ma").

use crate::model::date::{civil_from_days, days_in_month, month_start, year_start, DateWriter};
use crate::model::Date;
use crate::model::Days;

use super::measure::{Measure, TextStyle};
use super::scale::Viewport;
use super::warp::{Break, Scale, Warp};

/// Space kept between neighbouring tick labels (their 4 px inset included).
const LABEL_GAP: f64 = 14.0;
/// Room the context row's labels take beyond their text: padding and border.
const CONTEXT_PADDING: f64 = 13.0;

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

    /// The widest label this step writes inside `view`, in pixels.
    fn label_width(self, view: &Viewport, measure: &dyn Measure, words: &dyn DateWriter) -> f64 {
        let width = |text: &str| measure.width(text, TextStyle::Tick);
        match self {
            Step::Minutes(_) | Step::Hours(_) => [0, 23 * 60 + 58]
                .map(|minute| width(&words.time(minute)))
                .into_iter()
                .fold(0.0, f64::max),
            Step::Days(_) => width(&words.day_tick(28)),
            Step::Months(_) => (1..=12)
                .map(|m| width(&words.month_tick(m)))
                .fold(0.0, f64::max),
            Step::Years(n) => {
                let deep = deep_axis(view);
                let year_at = |t: Days| round_year(civil_from_days(floor_day(t)).0, n, deep);
                [view.start, view.end, view.start + view.span() / 2.0]
                    .into_iter()
                    .map(|t| width(&year_label(year_at(t), n, deep, words)))
                    .chain(
                        (!deep && view.start < year_start(1) && view.end > year_start(0))
                            .then(|| width(&words.first_year())),
                    )
                    .fold(0.0, f64::max)
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
    /// Stretches of the axis drawn compressed (see `layout::warp`).
    pub breaks: Vec<AxisBreak>,
}

/// A compressed stretch of the axis, marked with a zigzag.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisBreak {
    /// Left edge, in pixels.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// What it says to a reader: "1961–1997 compressed".
    pub label: String,
}

/// Chooses the finest step whose labels fit in `width` pixels for `view`.
pub fn choose_step(
    view: &Viewport,
    width: f64,
    measure: &dyn Measure,
    words: &dyn DateWriter,
) -> Step {
    let days_per_px = view.span() / width.max(1.0);
    let candidates = Step::candidates();
    candidates
        .iter()
        .copied()
        // A month is 28 days at the shortest.
        .find(|step| {
            let shortest = match step {
                Step::Months(n) => *n as f64 * 28.0,
                _ => step.approx_days(),
            };
            let needed = step.label_width(view, measure, words) + LABEL_GAP;
            shortest / days_per_px >= needed
        })
        .unwrap_or(*candidates.last().expect("candidates are not empty"))
}

/// Lays out the axis of `view` across `width` pixels, with text widths from `measure`.
pub fn axis(view: &Viewport, width: f64, measure: &dyn Measure, words: &dyn DateWriter) -> Axis {
    let step = choose_step(view, width, measure, words);
    let at = |(t, label): (Days, String)| Tick {
        x: view.x(t, width),
        label,
    };
    let ticks = tick_times(step, view, words).into_iter().map(at).collect();
    let context = context_times(step, view, words)
        .into_iter()
        .map(at)
        .collect();
    let mut axis = tidy(step, ticks, context, measure);
    if axis.ticks.is_empty() && axis.context.is_empty() {
        // A narrow view deep in time can fall between two ticks whose long
        // labels need more room than the span has: name the year instead.
        let year = civil_from_days(floor_day(view.start + view.span() / 2.0)).0;
        axis.context.push(Tick {
            x: 0.0,
            label: words.year(year),
        });
    }
    axis
}

/// Lays out the axis of one frame's `scale`, whatever its warp: a straight
/// axis as [`axis`] does; an axis with breaks as straight pieces between
/// them, each break marked; a log axis with ticks at powers of ten years ago.
pub fn warped_axis(scale: &Scale, measure: &dyn Measure, words: &dyn DateWriter) -> Axis {
    match scale.warp {
        Warp::Linear => axis(&scale.view, scale.width, measure, words),
        Warp::Breaks(breaks) => broken_axis(scale, breaks, measure, words),
        Warp::LogAgo { present } => log_axis(scale, *present, measure, words),
    }
}

/// The straight pieces of the view between breaks, each with its own ticks.
fn broken_axis(
    scale: &Scale,
    breaks: &[Break],
    measure: &dyn Measure,
    words: &dyn DateWriter,
) -> Axis {
    let view = scale.view;
    let mut pieces = Vec::new();
    let mut marks = Vec::new();
    let mut from = view.start;
    for b in breaks
        .iter()
        .filter(|b| b.end > view.start && b.start < view.end)
    {
        if b.start > from {
            pieces.push((from, b.start));
        }
        marks.push(AxisBreak {
            x0: scale.x(b.start.max(view.start)),
            x1: scale.x(b.end.min(view.end)),
            label: words.compressed(
                civil_from_days(floor_day(b.start)).0,
                civil_from_days(floor_day(b.end)).0,
            ),
        });
        from = b.end;
    }
    if from < view.end {
        pieces.push((from, view.end));
    }
    // Every straight piece has the same days per pixel: one step for all.
    let step = choose_step(
        &view,
        scale.x(view.end) - scale.x(view.start),
        measure,
        words,
    );
    let step = pieces
        .iter()
        .map(|&(a, b)| {
            choose_step(
                &Viewport { start: a, end: b },
                scale.x(b) - scale.x(a),
                measure,
                words,
            )
        })
        .max_by(|a, b| a.approx_days().total_cmp(&b.approx_days()))
        .unwrap_or(step);
    let mut ticks = Vec::new();
    let mut context = Vec::new();
    for (a, b) in pieces {
        let piece = Viewport { start: a, end: b };
        let shift = scale.x(a);
        let width = scale.x(b) - shift;
        if width < 1.0 {
            continue;
        }
        let at = |(t, label): (Days, String)| Tick {
            x: shift + piece.x(t, width),
            label,
        };
        ticks.extend(tick_times(step, &piece, words).into_iter().map(at));
        // A period that began before the piece is named at its start.
        let first = context.len();
        context.extend(context_times(step, &piece, words).into_iter().map(at));
        if first > 0 {
            for tick in &mut context[first..] {
                tick.x = tick.x.max(shift);
            }
        }
    }
    // A label that would run under a break's mark is dropped, not cut.
    let clear = |x: f64, width: f64| marks.iter().all(|m| x + width <= m.x0 || x >= m.x1);
    ticks.retain(|t| clear(t.x, measure.width(&t.label, TextStyle::Tick) + 4.0));
    context.retain(|t| {
        clear(
            t.x,
            measure.width(&t.label, TextStyle::Heading) + CONTEXT_PADDING,
        )
    });
    let mut axis = tidy(step, ticks, context, measure);
    axis.breaks = marks;
    axis
}

/// Drops ticks that would crowd the one before them (across year zero one
/// step is a year short), pins the first context label, and drops context
/// labels that would run into the next one: labels are dropped, never cut.
fn tidy(step: Step, ticks: Vec<Tick>, mut context: Vec<Tick>, measure: &dyn Measure) -> Axis {
    let fits =
        |a: &Tick, b: &Tick| b.x - a.x >= measure.width(&a.label, TextStyle::Tick) + LABEL_GAP;
    let mut kept: Vec<Tick> = Vec::with_capacity(ticks.len());
    for tick in ticks {
        match kept.last() {
            Some(last) if !fits(last, &tick) => {}
            _ => kept.push(tick),
        }
    }
    pin_first_context(&mut context, measure);
    let context_width = |t: &Tick| measure.width(&t.label, TextStyle::Heading) + CONTEXT_PADDING;
    let mut shown: Vec<Tick> = Vec::with_capacity(context.len());
    for tick in context {
        match shown.last() {
            Some(last) if last.x + context_width(last) > tick.x => {}
            _ => shown.push(tick),
        }
    }
    Axis {
        step,
        ticks: kept,
        context: shown,
        breaks: Vec::new(),
    }
}

/// A log axis: ticks at 10^k years before `present` ("1 Ma", "10 ka";
/// 100万年前, 1万年前: [`DateWriter::log_tick`]),
/// with 2× and 5× between them when there is room, and the straight axis's
/// ticks once the view is narrow enough to be almost straight.
fn log_axis(scale: &Scale, present: Days, measure: &dyn Measure, words: &dyn DateWriter) -> Axis {
    let warp = scale.warp;
    let (u0, u1) = (warp.to_axis(scale.view.start), warp.to_axis(scale.view.end));
    let px_per_decade = scale.width / (u1 - u0).max(1e-12);
    let widest = measure.width(&words.log_tick(5e8), TextStyle::Tick) + LABEL_GAP;
    let context = vec![Tick {
        x: 0.0,
        label: words.log_axis(),
    }];
    if px_per_decade > widest * 12.0 {
        // Under a tenth of a decade across: near enough straight.
        let straight = axis(&scale.view, scale.width, measure, words);
        let remap = |tick: Tick| Tick {
            x: scale.x(scale.view.time_at(tick.x, scale.width)),
            label: tick.label,
        };
        let ticks = straight.ticks.into_iter().map(remap).collect();
        let context = straight.context.into_iter().map(remap).collect();
        return tidy(straight.step, ticks, context, measure);
    }
    let multiples: &[f64] = if px_per_decade > widest * 4.0 {
        &[1.0, 2.0, 5.0]
    } else {
        &[1.0]
    };
    // Every few decades when even one a decade is too many.
    let every = (widest / px_per_decade).ceil().max(1.0) as i64;
    let mut ticks = Vec::new();
    let (k0, k1) = ((-u1).floor() as i64 - 1, (-u0).ceil() as i64 + 1);
    for k in (k0.max(0)..=k1.min(11)).rev() {
        if k % every != 0 {
            continue;
        }
        for &m in multiples.iter().rev() {
            let ago = m * 10f64.powi(k as i32);
            let x = scale.x(present - ago * 365.2425);
            if (0.0..=scale.width).contains(&x) {
                ticks.push(Tick {
                    x,
                    label: words.log_tick(ago),
                });
            }
        }
    }
    crate::order::sort_by_key(&mut ticks, |t| (crate::order::float_key(t.x), 0));
    tidy(Step::Years(1), ticks, context, measure)
}

/// Pins the context label whose period started off screen to the left edge,
/// and drops it when the next one would overlap it.
fn pin_first_context(context: &mut Vec<Tick>, measure: &dyn Measure) {
    if context.len() >= 2 && context[1].x <= 0.0 {
        context.remove(0);
    }
    if let Some(first) = context.first_mut() {
        if first.x < 0.0 {
            first.x = 0.0;
            let needed = measure.width(&first.label, TextStyle::Heading) + CONTEXT_PADDING;
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
fn tick_times(step: Step, view: &Viewport, words: &dyn DateWriter) -> Vec<(Days, String)> {
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
                    out.push((t, words.time(minute_of_day as u16)));
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
                    out.push((day as f64, words.day_tick(d as u8)));
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
                    out.push((t, words.month_tick((index.rem_euclid(12) + 1) as u8)));
                }
                index += n as i64;
            }
        }
        Step::Years(n) => {
            let deep = deep_axis(view);
            let mut year = round_year(y0, n, deep);
            loop {
                let t = year_start(year);
                if t > view.end || out.len() >= MAX_TICKS {
                    break;
                }
                if t >= view.start {
                    out.push((t, year_label(year, n, deep, words)));
                }
                year = next_round_year(year, n, deep);
            }
        }
    }
    out
}

/// Whether the axis of `view` reaches more than ten thousand years back, and
/// so reads in "ka", "Ma" and "Ga" once its step is a thousand years or more.
fn deep_axis(view: &Viewport) -> bool {
    view.start < year_start(-10_000)
}

/// The last round year at or before the astronomical `year`, for a step of
/// `step` years: a multiple of `step` after year zero, and a year written as
/// a multiple of `step` BCE before it (astronomical `1 - k × step`), so the
/// ticks read "200 BCE", "1 CE", "200". A deep axis at a thousand years or
/// more counts back from year zero instead, as "ka" and "Ma" do.
fn round_year(year: i64, step: i64, deep: bool) -> i64 {
    if year >= 1 || (deep && step >= 1_000) {
        let round = year.div_euclid(step) * step;
        if round < 1 && year >= 1 {
            1
        } else {
            round
        }
    } else {
        // Written years BCE: 1 - year; round them up to a multiple of `step`.
        let bce = 1 - year;
        let round = (bce + step - 1).div_euclid(step) * step;
        1 - round
    }
}

/// The round year after `year` (itself round) for a step of `step` years.
fn next_round_year(year: i64, step: i64, deep: bool) -> i64 {
    if year >= 1 || (deep && step >= 1_000) {
        if year == 1 && step > 1 {
            step
        } else {
            year + step
        }
    } else {
        let next = year + step;
        // From the last BCE tick, the next is 1 CE.
        if next >= 1 {
            1
        } else {
            next
        }
    }
}

/// A year tick label; on a deep axis, steps of a thousand years or more
/// read in years ago: "ka", "Ma" and "Ga" as geologists write them in
/// English, 万年前 and 億年前 in Japanese ([`DateWriter::deep_tick`]).
/// Year 1 reads "1 CE", to mark the era change.
fn year_label(year: i64, step: i64, deep: bool, words: &dyn DateWriter) -> String {
    if year == 1 {
        return words.first_year();
    }
    if step < 1_000 || year > 0 || !deep {
        return words.year(year);
    }
    match year.unsigned_abs() {
        0 => "0".to_owned(),
        ago => words.deep_tick(ago, step),
    }
}

/// The enclosing periods of the ticks, for the context row.
fn context_times(step: Step, view: &Viewport, words: &dyn DateWriter) -> Vec<(Days, String)> {
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(floor_day(view.start));
    match step {
        Step::Minutes(_) | Step::Hours(_) => {
            let mut day = floor_day(view.start);
            while (day as f64) <= view.end && out.len() < MAX_TICKS {
                let (y, m, d) = civil_from_days(day);
                out.push((day as f64, words.calendar(&Date::Day(y, m, d))));
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
                out.push((t, words.calendar(&Date::Month(index.div_euclid(12), month))));
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
                out.push((t, words.year(year)));
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
    use crate::layout::measure::Advances;
    use crate::layout::scale::max_span;
    use crate::model::date::{English, Japanese};
    use proptest::prelude::*;

    fn axis(v: &Viewport, width: f64) -> Axis {
        super::axis(v, width, &Advances, &English)
    }

    /// Both languages' writers, for the properties every language keeps.
    const WRITERS: [&dyn DateWriter; 2] = [&English, &Japanese];

    /// The astronomical year a tick label names: "800 BCE" is -799, "1 CE"
    /// is 1, "12 ka" is -12000; in Japanese 紀元前800年, 西暦1年, 1998年.
    fn year_read_back(label: &str) -> Option<i64> {
        let plain = label.replace(',', "");
        if let Some(bce) = plain
            .strip_prefix("紀元前")
            .and_then(|y| y.strip_suffix('年'))
        {
            return bce.parse::<i64>().ok().map(|y| 1 - y);
        }
        let plain = plain.strip_prefix("西暦").unwrap_or(&plain);
        let plain = plain.strip_suffix('年').unwrap_or(plain).to_owned();
        if let Some(bce) = plain.strip_suffix(" BCE") {
            return bce.parse::<i64>().ok().map(|y| 1 - y);
        }
        let plain = plain.strip_suffix(" CE").unwrap_or(&plain);
        if let Some(ago) = plain.strip_suffix("年前") {
            return man_oku_read_back(ago).map(|ago| -ago);
        }
        crate::model::Date::parse(plain).ok().map(|d| d.year())
    }

    /// "138億", "6600万", "1万2000" as a number.
    fn man_oku_read_back(text: &str) -> Option<i64> {
        let (oku, rest) = match text.split_once('億') {
            Some((oku, rest)) => (oku.parse::<i64>().ok()?, rest),
            None => (0, text),
        };
        let (man, rest) = match rest.split_once('万') {
            Some((man, rest)) => (man.parse::<i64>().ok()?, rest),
            None => (0, rest),
        };
        let ones = if rest.is_empty() {
            0
        } else {
            rest.parse::<i64>().ok()?
        };
        Some(oku * 100_000_000 + man * 10_000 + ones)
    }

    fn view(from: &str, to: &str) -> Viewport {
        let a = crate::model::Date::parse(from).unwrap().range().0;
        let b = crate::model::Date::parse(to).unwrap().range().0;
        Viewport::new(a, b)
    }

    fn fitted(json: &str, kind: crate::layout::warp::AxisKind) -> (Warp, Viewport) {
        let d = crate::model::parse_dataset(json).unwrap().dataset;
        let warp = Warp::for_dataset(&d, kind);
        let (a, b) = d.extent().unwrap();
        let view = warp.fit(a, b, 0.04);
        (warp, view)
    }

    #[test]
    fn a_broken_axis_marks_its_break_and_ticks_both_sides() {
        let (warp, view) = fitted(
            crate::model::DEFAULT_DATASET_JSON,
            crate::layout::warp::AxisKind::Linear,
        );
        let axis = warped_axis(&Scale::new(&view, &warp, 1248.0), &Advances, &English);
        assert_eq!(axis.breaks.len(), 1);
        let b = &axis.breaks[0];
        assert_eq!(b.label, "1962\u{2013}1997 compressed");
        assert!(b.x1 - b.x0 >= 16.0, "wide enough to see: {b:?}");
        // Half-years, under the years of the context row, on both sides.
        assert_eq!(axis.step, Step::Months(6));
        let years: Vec<&str> = axis.context.iter().map(|t| t.label.as_str()).collect();
        assert!(
            years.contains(&"1960") && years.contains(&"2005"),
            "{years:?}"
        );
        let scale = Scale::new(&view, &warp, 1248.0);
        for t in axis.ticks.iter().chain(axis.context.iter().skip(1)) {
            assert!(t.x <= b.x0 || t.x >= b.x1, "{t:?} inside the break");
            let width = Advances.width(&t.label, TextStyle::Tick) + 4.0;
            assert!(
                t.x + width <= b.x0 || t.x >= b.x1,
                "{t:?} runs under the break"
            );
            assert!((0.0..=1248.0).contains(&t.x));
        }
        for t in axis.context.iter().skip(1) {
            let year = year_read_back(&t.label).unwrap();
            let x = scale.x(year_start(year));
            assert!((x - t.x).abs() < 0.5, "{} sits at {} not {x}", t.label, t.x);
        }
        for pair in axis.ticks.windows(2) {
            assert!(pair[0].x < pair[1].x);
        }
    }

    #[test]
    fn a_log_axis_ticks_powers_of_ten_years_ago() {
        let (warp, view) = fitted(
            include_str!("../../tests/fixtures/deep-time.json"),
            crate::layout::warp::AxisKind::Log,
        );
        let scale = Scale::new(&view, &warp, 1200.0);
        let axis = warped_axis(&scale, &Advances, &English);
        let labels: Vec<&str> = axis.ticks.iter().map(|t| t.label.as_str()).collect();
        for wanted in ["1 ka", "1 Ma", "1 Ga"] {
            assert!(labels.contains(&wanted), "{wanted} in {labels:?}");
        }
        let Warp::LogAgo { present } = warp else {
            unreachable!()
        };
        for t in &axis.ticks {
            let (value, unit) = t.label.split_once(' ').unwrap();
            let factor = match unit {
                "ka" => 1e3,
                "Ma" => 1e6,
                "Ga" => 1e9,
                "years ago" | "year ago" => 1.0,
                _ => panic!("{}", t.label),
            };
            let ago: f64 = value.parse::<f64>().unwrap() * factor;
            let x = scale.x(present - ago * 365.2425);
            assert!((x - t.x).abs() < 0.5, "{} at {} not {x}", t.label, t.x);
        }
        for pair in axis.ticks.windows(2) {
            assert!(
                pair[1].x - pair[0].x
                    >= Advances.width(&pair[0].label, TextStyle::Tick) + LABEL_GAP
            );
        }
        // Zoomed in far, the axis is near enough straight and reads in years.
        let mut narrow = view;
        for _ in 0..40 {
            narrow = warp.zoom_at(&narrow, year_start(1969), 0.5);
        }
        let axis = warped_axis(&Scale::new(&narrow, &warp, 1200.0), &Advances, &English);
        assert!(!axis.ticks.is_empty() || !axis.context.is_empty());
    }

    #[test]
    fn a_japanese_log_axis_counts_in_man_and_oku() {
        let (warp, view) = fitted(
            include_str!("../../tests/fixtures/deep-time.json"),
            crate::layout::warp::AxisKind::Log,
        );
        let scale = Scale::new(&view, &warp, 1200.0);
        let axis = warped_axis(&scale, &Advances, &Japanese);
        let labels: Vec<&str> = axis.ticks.iter().map(|t| t.label.as_str()).collect();
        for wanted in ["1000年前", "100万年前", "10億年前"] {
            assert!(labels.contains(&wanted), "{wanted} in {labels:?}");
        }
        assert_eq!(axis.context[0].label, "何年前（対数目盛）");
        for label in labels {
            let number = label.strip_suffix("年前").expect(label);
            assert!(
                number
                    .chars()
                    .all(|c| c.is_ascii_digit() || "万億".contains(c)),
                "{label}"
            );
        }
        for (ago, label) in [
            (1.0, "1年前"),
            (50.0, "50年前"),
            (1e4, "1万年前"),
            (2e7, "2000万年前"),
            (5e8, "5億年前"),
            (1e10, "100億年前"),
        ] {
            assert_eq!(Japanese.log_tick(ago), label);
        }
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
    fn each_level_is_reached_in_japanese() {
        let cases = [
            (
                view("1998-08-31T10:00", "1998-08-31T11:00"),
                "10時00分",
                Some("1998年8月31日"),
            ),
            (view("1998-08-01", "1998-08-21"), "1日", Some("1998年8月")),
            (view("1998-01", "1999-01"), "1月", Some("1998年")),
            (view("1960", "2008"), "1960年", None),
            (view("-100000", "2000"), "10万年前", None),
        ];
        for (v, first_label, context) in cases {
            let axis = super::axis(&v, 800.0, &Advances, &Japanese);
            assert_eq!(axis.ticks[0].label, first_label, "first tick for {v:?}");
            assert_eq!(axis.context.first().map(|t| t.label.as_str()), context);
        }
        let across = super::axis(&view("-0010", "0010"), 500.0, &Advances, &Japanese);
        let labels: Vec<&str> = across.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["紀元前10年", "紀元前5年", "西暦1年", "5年", "10年"]
        );
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
        let year_label = |year, step, deep| super::year_label(year, step, deep, &English);
        assert_eq!(year_label(-13_800_000_000, 1_000_000_000, true), "13.8 Ga");
        assert_eq!(year_label(-66_000_000, 1_000_000, true), "66 Ma");
        assert_eq!(year_label(-12_000, 1_000, true), "12 ka");
        assert_eq!(year_label(1500, 100, false), "1500");
        assert_eq!(year_label(-499, 100, false), "500 BCE");
        assert_eq!(year_label(-2_999, 1_000, false), "3000 BCE");
    }

    #[test]
    fn deep_time_labels_read_in_man_and_oku_in_japanese() {
        let year_label = |year, step, deep| super::year_label(year, step, deep, &Japanese);
        assert_eq!(year_label(-13_800_000_000, 100_000_000, true), "138億年前");
        assert_eq!(year_label(-1_000_000_000, 1_000_000_000, true), "10億年前");
        assert_eq!(year_label(-66_000_000, 1_000_000, true), "6600万年前");
        assert_eq!(year_label(-1_000_000, 1_000_000, true), "100万年前");
        assert_eq!(year_label(-10_000, 1_000, true), "1万年前");
        assert_eq!(year_label(-12_000, 1_000, true), "1万2000年前");
        assert_eq!(year_label(0, 1_000, true), "0");
        assert_eq!(year_label(-499, 100, false), "紀元前500年");
        for label in ["138億年前", "6600万年前", "1万2000年前"] {
            assert!(year_read_back(label).is_some_and(|y| y < 0), "{label}");
        }
        assert_eq!(year_read_back("1万2000年前"), Some(-12_000));
    }

    #[test]
    fn ticks_fall_on_round_years_across_year_zero() {
        // The Rome sample's span: 753 BCE to 476 CE. The axis used to read
        // "801 BCE, 601 BCE, 401 BCE, 201 BCE, 1 BCE".
        let labels = |from: &str, to: &str, width: f64| -> Vec<String> {
            axis(&view(from, to), width)
                .ticks
                .into_iter()
                .map(|t| t.label)
                .collect()
        };
        assert_eq!(
            labels("-0800", "0480", 1000.0),
            [
                "800 BCE", "700 BCE", "600 BCE", "500 BCE", "400 BCE", "300 BCE", "200 BCE",
                "100 BCE", "1 CE", "100", "200", "300", "400"
            ]
        );
        assert_eq!(
            labels("-0800", "0480", 500.0),
            ["800 BCE", "600 BCE", "400 BCE", "200 BCE", "1 CE", "200", "400"]
        );
        assert_eq!(
            labels("-0003", "0003", 300.0),
            ["4 BCE", "3 BCE", "2 BCE", "1 BCE", "1 CE", "2", "3"]
        );
        assert_eq!(
            labels("-0010", "0010", 500.0),
            ["10 BCE", "5 BCE", "1 CE", "5", "10"]
        );
        let l = labels("-9000", "2000", 900.0);
        assert_eq!(
            l,
            ["8000 BCE", "6000 BCE", "4000 BCE", "2000 BCE", "1 CE", "2000"]
        );
    }

    #[test]
    fn month_ticks_fit_their_labels() {
        // Months of 28 days need room for "Sep" in the axis font.
        let v = view("2005-01", "2006-01");
        for width in [300.0, 420.0, 600.0, 900.0] {
            let a = axis(&v, width);
            for pair in a.ticks.windows(2) {
                let needed = Advances.width(&pair[0].label, TextStyle::Tick) + 4.0;
                assert!(pair[1].x - pair[0].x >= needed, "{:?} at {width}", a.ticks);
            }
        }
    }

    proptest! {
        #[test]
        fn tick_labels_never_overlap(start in -5e12f64..1e7, log_span in -1.3f64..12.6, width in 200f64..3000.0, language in 0usize..2) {
            let v = Viewport::new(start, start + 10f64.powf(log_span));
            let axis = super::axis(&v, width, &Advances, WRITERS[language]);
            prop_assert!(!axis.ticks.is_empty() || !axis.context.is_empty(), "the axis always says where the view is");
            prop_assert!(axis.ticks.len() <= (width / 20.0) as usize + 2, "{} ticks", axis.ticks.len());
            for pair in axis.ticks.windows(2) {
                // The label sits 4 px right of its tick.
                let needed = Advances.width(&pair[0].label, TextStyle::Tick) + 4.0;
                prop_assert!(pair[1].x - pair[0].x >= needed, "{:?} too close to {:?}", pair[0], pair[1]);
            }
            for pair in axis.context.windows(2) {
                let needed = Advances.width(&pair[0].label, TextStyle::Heading) + CONTEXT_PADDING;
                prop_assert!(pair[1].x - pair[0].x >= needed, "context {:?} runs into {:?}", pair[0], pair[1]);
            }
            for tick in &axis.ticks {
                prop_assert!(tick.x >= -1e-6 && tick.x <= width + 1e-6);
            }
        }

        #[test]
        fn every_year_tick_reads_back_as_its_year(start in -2e9f64..2e7, log_span in 2.5f64..11.0, width in 200f64..3000.0, language in 0usize..2) {
            let v = Viewport::new(start, start + 10f64.powf(log_span));
            let axis = super::axis(&v, width, &Advances, WRITERS[language]);
            if let Step::Years(_) = axis.step {
                for tick in &axis.ticks {
                    let year = year_read_back(&tick.label);
                    prop_assert!(year.is_some(), "{:?} does not read as a year", tick.label);
                    let t = year_start(year.unwrap());
                    let at = v.x(t, width);
                    prop_assert!((at - tick.x).abs() < 1e-6 * width.max(1.0) + 1e-6, "{:?} sits at {} but its year is at {}", tick.label, tick.x, at);
                }
            }
        }
    }
}
