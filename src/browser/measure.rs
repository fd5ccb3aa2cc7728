//! Text widths measured in the browser, in the font the page really uses:
//! `measureText` on a detached canvas, cached per style and string. The
//! layout reads them through [`Measure`]; where no canvas is available it
//! falls back to [`Advances`], the same widths native code uses.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

use crate::layout::measure::{Advances, Measure, TextStyle};

/// The font family `static/annals.css` gives the app, used until the
/// timeline's element can be asked for its computed font.
pub const FONT_FAMILY: &str = r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", YuGothic, Meiryo, "IPAexGothic", "IPAPGothic", "IPAGothic", sans-serif"#;

/// Cached entries at most; the cache starts over past this, so panning a
/// large dataset cannot grow it without bound.
const CACHE_LIMIT: usize = 20_000;

/// Measures text with a canvas in one font family.
pub struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    font: Cell<Option<TextStyle>>,
    /// One map per [`TextStyle`], so a lookup needs no allocation.
    cache: RefCell<[HashMap<String, f64>; 4]>,
}

impl CanvasMeasure {
    /// A measurer for the font family `element` is set in (or the app's
    /// default family when there is no element yet).
    ///
    /// Rendered natively (the build-time prerender) there is no browser, and
    /// web-sys calls would panic: the measurer then has no canvas and reads
    /// [`Advances`], as it does wherever a canvas cannot be had.
    pub fn for_element(element: Option<&Element>) -> CanvasMeasure {
        if cfg!(not(target_arch = "wasm32")) {
            return CanvasMeasure::new(None, FONT_FAMILY.to_owned());
        }
        let family = element
            .and_then(|el| web_sys::window()?.get_computed_style(el).ok().flatten())
            .and_then(|style| style.get_property_value("font-family").ok())
            .filter(|family| !family.trim().is_empty())
            .unwrap_or_else(|| FONT_FAMILY.to_owned());
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        CanvasMeasure::new(context, family)
    }

    fn new(context: Option<CanvasRenderingContext2d>, family: String) -> CanvasMeasure {
        CanvasMeasure {
            context,
            family,
            font: Cell::new(None),
            cache: RefCell::new(Default::default()),
        }
    }

    fn measure_now(&self, text: &str, style: TextStyle) -> f64 {
        let Some(context) = &self.context else {
            return Advances.width(text, style);
        };
        if self.font.get() != Some(style) {
            context.set_font(&style.css_font(&self.family));
            self.font.set(Some(style));
        }
        match context.measure_text(text) {
            Ok(metrics) if metrics.width().is_finite() => metrics.width(),
            _ => Advances.width(text, style),
        }
    }
}

impl Measure for CanvasMeasure {
    fn width(&self, text: &str, style: TextStyle) -> f64 {
        let slot = style as usize;
        if let Some(&width) = self.cache.borrow()[slot].get(text) {
            return width;
        }
        let width = self.measure_now(text, style);
        let cache = &mut self.cache.borrow_mut()[slot];
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(text.to_owned(), width);
        width
    }
}
