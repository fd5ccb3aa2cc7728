//! The whole timeline as one standalone SVG document, for the Data menu's
//! SVG and PNG exports.
//!
//! Not the viewport: the full date range at a width chosen from the data
//! ([`export_width`]: wide enough that the labels fit, within a cap), laid out
//! by the same [`layout`] the page uses, with the title, a legend of the
//! statuses shown, the axis, every lane with its label, the eras, the marks
//! and labels, clusters where a lane is too dense, and the open event's
//! arrows. Colours and sizes follow the light theme of `static/annals.css`.
//!
//! The axis is straight, not the page's break-compressed one: the page has
//! a fixed width, so it compresses empty stretches to give crowded years
//! room, while the export chooses its width so every label fits. Measured
//! on the default dataset (native advance widths), a straight axis fits
//! every label at 1,800 px and the page's breaks would need 6,075 px: the
//! labels of the 1960 events lose the empty years they read into, and crowd
//! each other.
//!
//! Every text comes from the data and is untrusted: it is escaped for XML
//! ([`escape`]), characters XML cannot hold are dropped, and a label longer
//! than its room is cut with an ellipsis as the page cuts it.

use std::fmt::Write;

use crate::i18n::Locale;
use crate::model::{Dataset, Status};

use super::arrows::{arrows, ArrowInput};
use super::index::TimeIndex;
use super::measure::TextStyle;
use super::scale::Viewport;
use super::Warp;
use super::{layout, DensityBin, LayoutOptions, TimelineLayout, Typeset};

/// Narrowest export, in pixels.
pub const MIN_WIDTH: f64 = 1200.0;
/// Widest export: wider images stop being readable (and a PNG of it would
/// pass what browsers allow a canvas to hold at twice the scale).
pub const MAX_WIDTH: f64 = 8000.0;
/// Empty axis kept on each side of the events, as a fraction of their span.
const FIT_MARGIN: f64 = 0.02;
/// The last events whose labels [`whole_range`] leaves room for.
const LAST_LABELS: usize = 32;
/// Space around the drawing.
const MARGIN: f64 = 16.0;
/// Height of the title line.
const TITLE_HEIGHT: f64 = 30.0;
/// Height of the legend line.
const LEGEND_HEIGHT: f64 = 22.0;
/// Events drawn one by one per 1,200 pixels of width, as on the page.
const BUDGET_PER_SCREEN: usize = 300;

/// The light theme's colours (`static/annals.css`).
mod colour {
    pub const BG: &str = "#f4f6f9";
    pub const SURFACE: &str = "#ffffff";
    pub const FG: &str = "#1b2330";
    pub const MUTED: &str = "#4f5968";
    pub const BORDER: &str = "#d5dae1";
    pub const GRID: &str = "#e8ebef";
    pub const LANE_ALT: &str = "#f8f9fb";
    pub const TICK: &str = "#8c96a3";
    pub const OCCURRED: &str = "#1d5aa6";
    pub const OCCURRED_FILL: &str = "#d6e4f6";
    pub const PLANNED: &str = "#8f4700";
    pub const PLANNED_FILL: &str = "#fff1de";
    pub const PLANNED_HATCH: &str = "#fbd9ad";
    pub const PROPOSED: &str = "#6a3d9a";
    pub const PROPOSED_FILL: &str = "#f4eefb";
    pub const CANCELLED: &str = "#5f6670";
    pub const CANCELLED_FILL: &str = "#eceef1";
    pub const OPEN: &str = "#f2b705";
    pub const ERA: &str = "#b08a00";
    pub const ERA_LABEL: &str = "#6b5200";
    pub const CLUSTER: &str = "#2f5f99";
    pub const CLUSTER_BORDER: &str = "#1d3f6a";
    pub const ARROW: &str = "#1d5aa6";
    /// The lanes' density colours, as the light theme's `annals-hue-N`.
    pub const HUES: [&str; super::DensityBin::HUES] = [
        "#2f5f99", "#b3541e", "#2e7d4f", "#8e3b8e", "#a3252d", "#6b6b00",
    ];
}

/// What to export.
#[derive(Clone, Copy)]
pub struct SvgInput<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The events the filters show, in index order.
    pub shown: &'a [usize],
    /// Those events' time index.
    pub index: &'a TimeIndex,
    /// The event whose card is open; its arrows are drawn.
    pub open: Option<usize>,
    /// Text widths and the language of the titles.
    pub text: Typeset<'a>,
    /// The CSS font family the text is set in, the one `text.measure` measures.
    pub font_family: &'a str,
    /// The interface's language, for the legend.
    pub locale: Locale,
}

/// A finished export.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgExport {
    /// The document, UTF-8, with its XML declaration.
    pub svg: String,
    /// Its width in pixels.
    pub width: f64,
    /// Its height in pixels.
    pub height: f64,
}

/// The layout options of an export `width` pixels wide: more label rows than
/// the page allows, and an event budget that grows with the width.
fn options_for(width: f64) -> LayoutOptions {
    let mut options = LayoutOptions::default();
    options.stack.max_rows = 16;
    options.event_budget = ((width / 1200.0) * BUDGET_PER_SCREEN as f64) as usize;
    options
}

/// The view of the whole date range of `shown` (of the dataset when nothing
/// is shown) at `width` pixels; with `room`, leaving room on the right for
/// the labels of the last events (the last [`LAST_LABELS`]) to reach past
/// the last date, up to an eighth of the width (a wider export leaves less
/// empty axis than a wide margin would).
fn whole_range(
    dataset: &Dataset,
    shown: &[usize],
    width: f64,
    text: Typeset,
    room: bool,
) -> Viewport {
    let extent = shown
        .iter()
        .filter_map(|&i| dataset.events.get(i))
        .map(|e| e.range)
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
        .or_else(|| dataset.extent());
    let Some((a, b)) = extent else {
        return Viewport::new(0.0, 365.0);
    };
    let start = a - (b - a) * FIT_MARGIN;
    if !room {
        return Viewport::new(start, b + (b - a) * FIT_MARGIN);
    }
    // How far the last labels would reach past `b`, at the scale of the
    // range without room, plus a tenth for the scale the room costs.
    let px_per_day = width / (b - start).max(1e-9);
    let room = shown
        .iter()
        .rev()
        .take(LAST_LABELS)
        .filter_map(|&i| dataset.events.get(i))
        .map(|e| {
            let wanted = text
                .measure
                .width(e.title.get(text.lang), label_style(e.status))
                + 24.0;
            wanted - (b - e.range.0) * px_per_day
        })
        .fold(0.0, f64::max)
        .min(width / 8.0)
        * 1.1;
    let end = start + (b - start) * width / (width - room).max(1.0);
    Viewport::new(start, end.max(b))
}

/// The style a title is set in on the timeline.
fn label_style(status: Status) -> TextStyle {
    match status {
        Status::Planned | Status::Proposed => TextStyle::LabelItalic,
        _ => TextStyle::Label,
    }
}

/// How many labels `frame` cuts short or hides, and how many events it
/// draws as clusters or density bars.
fn shortfall(frame: &TimelineLayout, dataset: &Dataset, text: Typeset) -> usize {
    let cut = frame
        .events
        .iter()
        .filter(|p| {
            let event = &dataset.events[p.index];
            let title = event.title.get(text.lang);
            let padding = if p.instant { 6.0 } else { 0.0 };
            !title.is_empty()
                && p.label_width + 0.5
                    < text.measure.width(title, label_style(event.status)) + padding
        })
        .count();
    cut + frame.clusters.iter().map(|c| c.count).sum::<usize>()
        + frame.density.iter().map(|b| b.count).sum::<usize>()
}

/// The whole range (with room on the right for the last labels when
/// `room`) laid out at `width` pixels on a straight axis, with its view.
fn whole_frame(
    input: &SvgInput,
    width: f64,
    options: &LayoutOptions,
    room: bool,
) -> (Viewport, TimelineLayout) {
    let view = whole_range(input.dataset, input.shown, width, input.text, room);
    let frame = layout(
        input.dataset,
        input.index,
        &view,
        &Warp::Linear,
        width,
        options,
        input.text,
    );
    (view, frame)
}

/// The frame of the whole range at `width` pixels, with its view, options
/// and [`shortfall`]: the range fitted tightly, or with room on the right
/// for the last labels when that cuts fewer.
fn fitted(input: &SvgInput, width: f64) -> (Viewport, LayoutOptions, TimelineLayout, usize) {
    let options = options_for(width);
    let frame_for = |room: bool| {
        let (view, frame) = whole_frame(input, width, &options, room);
        let missing = shortfall(&frame, input.dataset, input.text);
        (view, options, frame, missing)
    };
    let tight = frame_for(false);
    if tight.3 == 0 {
        return tight;
    }
    let roomy = frame_for(true);
    if roomy.3 < tight.3 {
        roomy
    } else {
        tight
    }
}

/// The width to export at: the narrowest of 1,200 px and half as wide again
/// each step (up to [`MAX_WIDTH`]) at which every label of the whole range
/// shows uncut with the range fitted tightly; failing that, the narrowest
/// where they do with room on the right for the last labels; failing that,
/// the one that cuts the fewest.
pub fn export_width(input: SvgInput) -> f64 {
    let mut widths = vec![MIN_WIDTH];
    while let Some(&last) = widths.last().filter(|&&w| w < MAX_WIDTH) {
        widths.push((last * 1.5).min(MAX_WIDTH));
    }
    let tight = widths.iter().copied().find(|&width| {
        let (_, frame) = whole_frame(&input, width, &options_for(width), false);
        shortfall(&frame, input.dataset, input.text) == 0
    });
    if let Some(width) = tight {
        return width;
    }
    let mut best = (usize::MAX, MIN_WIDTH);
    for width in widths {
        let missing = fitted(&input, width).3;
        if missing < best.0 {
            best = (missing, width);
        }
        if missing == 0 {
            break;
        }
    }
    best.1
}

/// `text` made safe for XML character data and attribute values: the five
/// special characters as entities, and characters XML 1.0 cannot hold
/// (control characters, unpaired surrogates cannot occur in a `str`,
/// U+FFFE and U+FFFF) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` cut with an ellipsis to fit `room` pixels in `style` (scaled to
/// `size` px), or whole when it fits; empty when not even the ellipsis fits.
fn fit(text: &str, style: TextStyle, size: f64, room: f64, input: &SvgInput) -> String {
    let scale = size / style.size();
    let width = |t: &str| input.text.measure.width(t, style) * scale;
    if width(text) <= room {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    // The longest prefix that fits with its ellipsis, by bisection.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "\u{2026}";
        if width(&candidate) <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let cut: String = chars[..lo].iter().collect::<String>();
    let cut = cut.trim_end();
    if cut.is_empty() {
        String::new()
    } else {
        format!("{cut}\u{2026}")
    }
}

/// A text element: `x`, the vertical centre `y`, and attributes.
fn text_at(out: &mut String, x: f64, y: f64, attributes: &str, content: &str) {
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" dominant-baseline="central"{attributes}>{}</text>"#,
        escape(content)
    );
}

/// The fill and stroke attributes of a mark (or legend swatch) of `status`.
fn mark_paint(status: Status, instant: bool) -> String {
    use colour::*;
    let (fill, stroke, dash) = match status {
        Status::Occurred if instant => (OCCURRED, OCCURRED, ""),
        Status::Occurred => (OCCURRED_FILL, OCCURRED, ""),
        Status::Planned if instant => (PLANNED_FILL, PLANNED, "5 3"),
        Status::Planned => ("url(#annals-hatch)", PLANNED, "5 3"),
        Status::Proposed => (PROPOSED_FILL, PROPOSED, "2 2"),
        Status::Cancelled => (CANCELLED_FILL, CANCELLED, "5 3"),
    };
    let dash = if dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{dash}""#)
    };
    format!(r#"fill="{fill}" stroke="{stroke}" stroke-width="2"{dash}"#)
}

/// A cluster's count as it fits a narrow pill: "7", "840", "12k", "3.4M".
fn compact(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_999 => format!("{:.1}k", n as f64 / 1e3),
        10_000..=999_999 => format!("{}k", n / 1000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// The whole timeline of `input` as an SVG document, at `width` pixels
/// (usually [`export_width`]).
pub fn export_svg(input: SvgInput, width: f64) -> SvgExport {
    use colour::*;
    let width = width.clamp(MIN_WIDTH / 4.0, MAX_WIDTH);
    let dataset = input.dataset;
    let lang = input.text.lang;
    let (view, options, frame, _) = fitted(&input, width);
    let flat = frame.axis.context.is_empty();
    let axis_height = if flat { 26.0 } else { 46.0 };
    let stage_top = MARGIN + TITLE_HEIGHT + LEGEND_HEIGHT + 12.0;
    let lanes_top = stage_top + axis_height;
    let total_width = width + 2.0 * MARGIN;
    let total_height = lanes_top + frame.height.max(40.0) + MARGIN;

    let mut out = String::with_capacity(64 * 1024);
    let title = dataset.title.get(lang);
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{total_width:.0}" height="{total_height:.0}" viewBox="0 0 {total_width:.0} {total_height:.0}" font-family="{}" font-size="13" fill="{FG}">
<title>{}</title>
<defs><pattern id="annals-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="{PLANNED_FILL}"/><rect width="3" height="8" fill="{PLANNED_HATCH}"/></pattern></defs>
<rect width="100%" height="100%" fill="{BG}"/>
"#,
        escape(input.font_family),
        escape(title)
    );

    // Title and legend.
    let heading = fit(title, TextStyle::Heading, 22.4, width, &input);
    text_at(
        &mut out,
        MARGIN,
        MARGIN + TITLE_HEIGHT / 2.0,
        r#" font-size="22.4" font-weight="700""#,
        &heading,
    );
    out.push('\n');
    let legend_y = MARGIN + TITLE_HEIGHT + LEGEND_HEIGHT / 2.0;
    let mut x = MARGIN;
    let shown_statuses = Status::ALL.into_iter().filter(|s| {
        input
            .shown
            .iter()
            .any(|&i| dataset.events.get(i).is_some_and(|e| e.status == *s))
    });
    for status in shown_statuses {
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="26" height="12" rx="3" {}/>"#,
            x + 1.0,
            legend_y - 6.0,
            mark_paint(status, false)
        );
        let name = capitalised(input.locale.status(status));
        text_at(&mut out, x + 34.0, legend_y, r#" font-size="14""#, &name);
        x += 34.0 + input.text.measure.width(&name, TextStyle::Label) * 14.0 / 13.0 + 16.0;
    }
    out.push('\n');

    // The stage: a surface with the axis above the lanes.
    let _ = write!(
        out,
        r#"<g transform="translate({MARGIN:.0} {stage_top:.0})"><rect x="-0.5" y="-0.5" width="{:.1}" height="{:.1}" rx="8" fill="{SURFACE}" stroke="{BORDER}"/>"#,
        width + 1.0,
        axis_height + frame.height.max(40.0) + 1.0
    );
    let tick_top = if flat { 2.0 } else { 22.0 };
    for t in &frame.axis.context {
        let x = t.x.max(0.0);
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" y1="3" x2="{x:.1}" y2="20" stroke="{TICK}"/>"#
        );
        text_at(
            &mut out,
            x + 6.0,
            11.7,
            r#" font-size="12" font-weight="700""#,
            &t.label,
        );
    }
    for t in &frame.axis.ticks {
        let _ = write!(
            out,
            r#"<line x1="{:.1}" y1="{tick_top:.0}" x2="{:.1}" y2="{axis_height:.0}" stroke="{TICK}"/>"#,
            t.x, t.x
        );
        text_at(
            &mut out,
            t.x + 4.0,
            tick_top + 11.7,
            &format!(r#" font-size="12" fill="{MUTED}""#),
            &t.label,
        );
    }
    let _ = write!(
        out,
        r#"<line x1="0" y1="{axis_height:.1}" x2="{width:.1}" y2="{axis_height:.1}" stroke="{BORDER}"/>"#
    );
    out.push('\n');

    // The lanes area, in the layout's own coordinates.
    let _ = write!(out, r#"<g transform="translate(0 {axis_height:.0})">"#);
    for band in &frame.lanes {
        let fill = if band.lane % 2 == 1 {
            LANE_ALT
        } else {
            SURFACE
        };
        let _ = write!(
            out,
            r#"<rect x="0" y="{:.1}" width="{width:.1}" height="{:.1}" fill="{fill}"/><line x1="0" y1="{:.1}" x2="{width:.1}" y2="{:.1}" stroke="{GRID}"/>"#,
            band.y,
            band.height,
            band.y + band.height - 0.5,
            band.y + band.height - 0.5
        );
    }
    for t in &frame.axis.ticks {
        let _ = write!(
            out,
            r#"<line x1="{:.1}" y1="0" x2="{:.1}" y2="{:.1}" stroke="{GRID}"/>"#,
            t.x, t.x, frame.height
        );
    }
    for band in &frame.lanes {
        let label: String = dataset.lanes[band.lane]
            .label
            .get(lang)
            .chars()
            .map(upper)
            .collect();
        text_at(
            &mut out,
            8.0,
            band.y + 11.0,
            &format!(r#" font-size="11" font-weight="700" letter-spacing="0.66" fill="{MUTED}""#),
            &label,
        );
    }
    for placed in &frame.eras {
        let era = &dataset.eras[placed.index];
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="0" width="{:.1}" height="{:.1}" fill="{OPEN}" fill-opacity="0.1"/><path d="M{:.1} 0V{:.1}M{:.1} 0V{:.1}" stroke="{ERA}" stroke-dasharray="3 3"/>"#,
            placed.x0,
            placed.x1 - placed.x0,
            frame.height,
            placed.x0 + 0.5,
            frame.height,
            placed.x1 - 0.5,
            frame.height
        );
        if placed.label_width > 0.0 {
            let bottom = 2.0 + placed.label_row as f64 * options.era_row_height;
            let label = fit(
                era.title.get(lang),
                TextStyle::Heading,
                12.0,
                placed.label_width,
                &input,
            );
            text_at(
                &mut out,
                placed.x0 + 6.0,
                frame.height - bottom - 8.0,
                &format!(r#" font-size="12" font-weight="700" fill="{ERA_LABEL}""#),
                &label,
            );
        }
    }
    out.push('\n');

    // Arrows beneath the marks, as on the page.
    if let Some(open) = input.open {
        let input_arrows = ArrowInput {
            dataset,
            shown: input.shown,
            view: &view,
            width,
            options: &options,
        };
        for arrow in arrows(&frame, open, input_arrows) {
            let _ = write!(
                out,
                r#"<path d="{}" fill="none" stroke="{ARROW}" stroke-width="1.5" stroke-opacity="0.85"/><path d="{}" fill="{ARROW}" stroke="{ARROW}" stroke-width="2" stroke-linejoin="round"/>"#,
                arrow.curve(),
                arrow.head()
            );
        }
        out.push('\n');
    }

    for c in &frame.clusters {
        let w = (c.x1 - c.x0).max(6.0);
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="24" rx="12" fill="{CLUSTER}" stroke="{CLUSTER_BORDER}"/>"#,
            c.x0,
            c.y + 2.0
        );
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" dominant-baseline="central" text-anchor="middle" font-size="12" font-weight="700" fill="#ffffff">{}</text>"##,
            c.x0 + w / 2.0,
            c.y + 14.0,
            compact(c.count)
        );
    }
    // A lane too dense for marks: its histogram, as on the page.
    for bin in &frame.density {
        let height = bin.bar_height(frame.density_peak);
        let _ = write!(
            out,
            r#"<rect class="density" x="{:.1}" y="{:.1}" width="{:.1}" height="{height:.1}" fill="{}"/>"#,
            bin.x0,
            bin.y + 26.0 - height,
            (bin.x1 - bin.x0 - 1.0).max(1.0),
            HUES[bin.lane % HUES.len()]
        );
    }
    for placed in &frame.events {
        let event = &dataset.events[placed.index];
        let middle = placed.y + options.row_height / 2.0;
        let paint = mark_paint(event.status, placed.instant);
        let ring = if input.open == Some(placed.index) {
            Some((OPEN, "1"))
        } else if input
            .open
            .and_then(|o| dataset.events.get(o))
            .is_some_and(|o| o.related.contains(&placed.index))
        {
            Some((OCCURRED, "0.35"))
        } else {
            None
        };
        if placed.instant {
            let cx = (placed.x0 + placed.x1) / 2.0;
            let r = options.point_radius;
            if let Some((colour, opacity)) = ring {
                let _ = write!(
                    out,
                    r#"<circle cx="{cx:.1}" cy="{middle:.1}" r="{:.1}" fill="none" stroke="{colour}" stroke-opacity="{opacity}" stroke-width="3"/>"#,
                    r + 1.5
                );
            }
            if event.status == Status::Proposed {
                let d = r * 0.85 * std::f64::consts::SQRT_2 - 1.0;
                let _ = write!(
                    out,
                    r#"<path d="M{cx:.1} {:.1}L{:.1} {middle:.1}L{cx:.1} {:.1}L{:.1} {middle:.1}Z" {paint}/>"#,
                    middle - d,
                    cx + d,
                    middle + d,
                    cx - d
                );
            } else {
                let _ = write!(
                    out,
                    r#"<circle cx="{cx:.1}" cy="{middle:.1}" r="{:.1}" {paint}/>"#,
                    r - 1.0
                );
            }
        } else {
            let (x0, x1) = (placed.x0.max(-2.0), placed.x1.min(width + 2.0));
            if let Some((colour, opacity)) = ring {
                let _ = write!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="25" rx="5" fill="none" stroke="{colour}" stroke-opacity="{opacity}" stroke-width="3"/>"#,
                    x0 - 1.5,
                    placed.y + 1.5,
                    x1 - x0 + 3.0
                );
            }
            let _ = write!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="20" rx="3" {paint}/>"#,
                x0 + 1.0,
                placed.y + 4.0,
                (x1 - x0 - 2.0).max(1.0)
            );
        }
        if placed.label_width > 0.0 {
            let padding = if placed.instant { 6.0 } else { 0.0 };
            let style = label_style(event.status);
            let label = fit(
                event.title.get(lang),
                style,
                13.0,
                placed.label_width - padding,
                &input,
            );
            if placed.instant {
                let _ = write!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="18" rx="3" fill="{SURFACE}" fill-opacity="0.85"/>"#,
                    placed.label_x - 3.0,
                    placed.y + 5.0,
                    placed.label_width
                );
            }
            let mut attributes = String::new();
            if style == TextStyle::LabelItalic {
                attributes.push_str(r#" font-style="italic""#);
            }
            if event.status == Status::Cancelled {
                attributes.push_str(r#" text-decoration="line-through""#);
            }
            text_at(
                &mut out,
                placed.label_x,
                placed.y + 14.0,
                &attributes,
                &label,
            );
        }
    }
    out.push_str("</g></g>\n</svg>\n");
    SvgExport {
        svg: out,
        width: total_width,
        height: total_height,
    }
}

/// "planned" → "Planned".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| std::iter::once(upper(c)).chain(chars).collect())
        .unwrap_or_default()
}

/// `c` in capitals, for the scripts with letter case that labels are
/// likely to be in: Latin (ASCII, Latin-1, Latin Extended-A), Greek and
/// Cyrillic; any other character, and the few whose capital is two
/// characters (`ß`), as it is. Not `char::to_uppercase`: its table of the
/// whole of Unicode was kilobytes of the wasm for two labels of an export
/// (the page itself writes lane labels in capitals with CSS).
fn upper(c: char) -> char {
    let u = c as u32;
    let capital = match u {
        0x61..=0x7a | 0xe0..=0xf6 | 0xf8..=0xfe | 0x3b1..=0x3c1 | 0x3c3..=0x3cb | 0x430..=0x44f => {
            u - 32
        }
        0xb5 => 0x39c,
        0xff => 0x178,
        0x131 => 0x49,
        0x17f => 0x53,
        0x100..=0x137 | 0x14a..=0x177 if u % 2 == 1 => u - 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 0 => u - 1,
        0x3c2 => 0x3a3,
        0x3ac => 0x386,
        0x3ad..=0x3af => u - 37,
        0x3cc => 0x38c,
        0x3cd..=0x3ce => u - 63,
        0x450..=0x45f => u - 80,
        _ => u,
    };
    char::from_u32(capital).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::measure::{Advances, Measure};
    use crate::model::{parse_dataset, DEFAULT_DATASET_JSON};

    #[test]
    fn upper_agrees_with_the_standard_library_where_it_claims_to() {
        let claimed = (0..=0x17f_u32).chain(0x386..=0x3ce).chain(0x400..=0x45f);
        for c in claimed.filter_map(char::from_u32) {
            let std: Vec<char> = c.to_uppercase().collect();
            let expected = if std.len() == 1 { std[0] } else { c };
            assert_eq!(upper(c), expected, "U+{:04X}", c as u32);
        }
        for c in ['あ', '条', 'ǆ', '1', ' '] {
            assert_eq!(upper(c), c);
        }
    }

    const NATIVE: Typeset<'static> = Typeset {
        measure: &Advances,
        lang: "",
    };

    fn export(d: &Dataset, open: Option<usize>) -> SvgExport {
        let shown: Vec<usize> = (0..d.events.len()).collect();
        let index = TimeIndex::build(d, &shown);
        let input = SvgInput {
            dataset: d,
            shown: &shown,
            index: &index,
            open,
            text: NATIVE,
            font_family: r#"system-ui, "Segoe UI", sans-serif"#,
            locale: Locale::default(),
        };
        export_svg(input, export_width(input))
    }

    /// The document's text as an XML reader sees it (entities decoded),
    /// failing on anything that is not well-formed XML.
    fn xml_text(svg: &str) -> String {
        let mut reader = quick_xml::Reader::from_str(svg);
        reader.config_mut().check_end_names = true;
        let mut text = String::new();
        let mut depth = 0i32;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(e)) => {
                    depth += 1;
                    for a in e.attributes() {
                        a.expect("a well-formed attribute");
                    }
                }
                Ok(quick_xml::events::Event::Empty(e)) => {
                    for a in e.attributes() {
                        a.expect("a well-formed attribute");
                    }
                }
                Ok(quick_xml::events::Event::End(_)) => {
                    depth -= 1;
                    text.push('\n');
                }
                Ok(quick_xml::events::Event::Text(t)) => {
                    text.push_str(&t.decode().expect("UTF-8 text"));
                }
                Ok(quick_xml::events::Event::GeneralRef(r)) => {
                    let name = r.decode().expect("UTF-8 name");
                    let c = match &*name {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => r
                            .resolve_char_ref()
                            .expect("a valid character reference")
                            .unwrap_or_else(|| panic!("undefined entity &{name};")),
                    };
                    text.push(c);
                }
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
            }
        }
        assert_eq!(depth, 0, "every element is closed");
        text
    }

    #[test]
    fn the_default_dataset_exports_every_title_whole_as_well_formed_xml() {
        let d = parse_dataset(DEFAULT_DATASET_JSON).unwrap().dataset;
        let out = export(&d, None);
        let text = xml_text(&out.svg);
        for e in &d.events {
            let title = e.title.default_text();
            assert!(
                text.lines().any(|line| line == title),
                "{} is missing or cut:\n{}",
                e.id,
                text.lines()
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("|")
            );
        }
        assert!(text.contains(d.title.default_text()));
        for lane in &d.lanes {
            let label = lane.label.default_text();
            assert!(text.contains(&label.to_uppercase()), "{label}");
        }
        assert!(
            text.contains("Planned") && text.contains("Proposed"),
            "the legend"
        );
        assert!((MIN_WIDTH..=MAX_WIDTH).contains(&(out.width - 2.0 * MARGIN)));
        assert!(out.svg.contains(r#"width=""#) && out.svg.contains("&quot;Segoe UI&quot;"));
        assert!(
            !out.svg.contains("stroke-opacity=\"0.85\""),
            "no arrows with no card open"
        );
    }

    #[test]
    fn titles_from_the_data_are_escaped() {
        let d = parse_dataset(
            r#"{"title": "A <b>&amp; \"quoted\" 'one'", "events": [
                {"id": "a", "title": "x < y & \"z\" </text><script>", "start": "2000-01-01"},
                {"id": "b", "title": "bell\u0007 and tab\there", "start": "2001-01-01", "related": ["a"]}]}"#,
        )
        .unwrap()
        .dataset;
        let out = export(&d, Some(1));
        assert!(!out.svg.contains("<script>") && !out.svg.contains("<b>"));
        assert!(out
            .svg
            .contains("x &lt; y &amp; &quot;z&quot; &lt;/text&gt;&lt;script&gt;"));
        let text = xml_text(&out.svg);
        assert!(text.contains("x < y & \"z\" </text><script>"));
        assert!(text.contains("A <b>&amp; \"quoted\" 'one'"));
        assert!(text.contains("bell and tab here"));
        assert!(
            out.svg.contains("stroke-opacity=\"0.85\""),
            "the open event's arrow"
        );
    }

    #[test]
    fn escape_and_fit() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(escape("a\u{0}b\u{FFFF}c\nd"), "abc d");
        let d = Dataset::default();
        let index = TimeIndex::build(&d, &[]);
        let input = SvgInput {
            dataset: &d,
            shown: &[],
            index: &index,
            open: None,
            text: NATIVE,
            font_family: "sans-serif",
            locale: Locale::default(),
        };
        let long = "Japan approves next-generation SM-3 work";
        assert_eq!(fit(long, TextStyle::Label, 13.0, 1000.0, &input), long);
        let cut = fit(long, TextStyle::Label, 13.0, 100.0, &input);
        assert!(cut.ends_with('\u{2026}') && long.starts_with(cut.trim_end_matches('\u{2026}')));
        assert!(Advances.width(&cut, TextStyle::Label) <= 100.0);
        assert_eq!(fit(long, TextStyle::Label, 13.0, 2.0, &input), "");
    }

    #[test]
    fn a_dense_dataset_stays_within_the_cap_and_bounded() {
        let events: Vec<String> = (0..20_000)
            .map(|i| {
                format!(
                    r#"{{"id": "e{i}", "title": "Event {i}", "start": "{}-{:02}-01"}}"#,
                    1900 + i % 100,
                    1 + i % 12
                )
            })
            .collect();
        let d = parse_dataset(&format!(r#"{{"events": [{}]}}"#, events.join(",")))
            .unwrap()
            .dataset;
        let out = export(&d, None);
        // Density bars at every width: a wider export would not show more.
        assert_eq!(out.width, MIN_WIDTH + 2.0 * MARGIN);
        assert!(
            out.svg.contains(r#"class="density""#),
            "drawn as density bars"
        );
        assert!(out.svg.len() < 2_000_000, "{} bytes", out.svg.len());
        xml_text(&out.svg);
    }
}
