//! Positions set through the CSSOM, which a strict Content-Security-Policy
//! allows.
//!
//! `style-src 'self'` blocks `style="…"` attributes, which is how yew writes
//! a `style` attribute, but not the CSSOM. So a component gives an element its
//! position as an [`InlineStyle`] twice: as the `style` property (`~style`),
//! which in the browser assigns `element.style`, that is its `cssText`, and
//! which yew sets only when the text changed; and as `data-style`, written
//! only by the server renderer (native code), which writes no properties: the
//! prerender turns each `data-style` value into a rule of an external
//! stylesheet (`prerender::stylesheet`).
//!
//! ```ignore
//! let style = InlineStyle::new(format!("left:{x:.1}px"));
//! html! { <span data-style={style.prerendered()} ~style={style}></span> }
//! ```

use wasm_bindgen::JsValue;
use yew::AttrValue;

/// An element's inline style, as CSS declarations.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineStyle(String);

impl InlineStyle {
    /// The attribute the server renderer writes the declarations into (the
    /// components name it literally, as html! needs: `data-style`).
    pub const ATTRIBUTE: &'static str = "data-style";

    /// The declarations, such as `left:12.0px;width:30.0px`.
    pub fn new(css: String) -> InlineStyle {
        InlineStyle(css)
    }

    /// The `data-style` attribute: the declarations when rendered natively
    /// (the prerender), nothing in the browser, where the property carries
    /// them.
    pub fn prerendered(&self) -> Option<AttrValue> {
        if cfg!(target_arch = "wasm32") {
            None
        } else {
            Some(AttrValue::from(self.0.clone()))
        }
    }
}

impl From<InlineStyle> for JsValue {
    /// The `style` property's value. Natively there is no JavaScript value to
    /// make, and the server renderer writes no properties: `undefined`.
    fn from(style: InlineStyle) -> JsValue {
        if cfg!(target_arch = "wasm32") {
            JsValue::from_str(&style.0)
        } else {
            JsValue::UNDEFINED
        }
    }
}
