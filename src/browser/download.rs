//! Saving a file the reader downloads: text, and the whole timeline's SVG
//! drawn into a PNG.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

/// The largest side of a PNG export, in device pixels: well inside what
/// browsers let a canvas hold.
const MAX_PNG_SIDE: f64 = 16_000.0;

/// Offers `contents` as a download named `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    download_blob(file_name, &text_blob(contents, mime_type)?)
}

/// `contents` as a blob of type `mime_type`.
fn text_blob(contents: &str, mime_type: &str) -> Result<Blob, String> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not create the file".to_owned())
}

/// Offers `blob` as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &Blob) -> Result<(), String> {
    let url =
        Url::create_object_url_with_blob(blob).map_err(|_| "could not create a download link")?;
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not create a download link")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// Why a PNG export failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PngError {
    /// The browser would not load the SVG as an image: the page's
    /// Content-Security-Policy leaves `blob:` out of `img-src` (our own
    /// well-formed SVG fails to load for no other reason we know of).
    ImageBlocked,
    /// Anything else, in words for the console.
    Failed(String),
}

impl From<String> for PngError {
    fn from(problem: String) -> Self {
        PngError::Failed(problem)
    }
}

impl From<&str> for PngError {
    fn from(problem: &str) -> Self {
        PngError::Failed(problem.to_owned())
    }
}

/// Draws the SVG document `svg` (`width` × `height` CSS pixels) onto a
/// canvas at twice its size (less when that would pass [`MAX_PNG_SIDE`]) and
/// offers it as a PNG named `file_name`. The SVG is read as an image from a
/// blob URL, so a page whose Content-Security-Policy leaves `blob:` out of
/// `img-src` gets [`PngError::ImageBlocked`] here.
pub async fn download_png(
    file_name: &str,
    svg: &str,
    width: f64,
    height: f64,
) -> Result<(), PngError> {
    let blob = text_blob(svg, "image/svg+xml")?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| "could not read the drawing")?;
    let drawn = draw(&url, width, height).await;
    let _ = Url::revoke_object_url(&url);
    let canvas = drawn?;
    let png = JsFuture::from(js_sys::Promise::new(&mut |resolve, _reject| {
        if canvas.to_blob_with_type(&resolve, "image/png").is_err() {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::NULL);
        }
    }))
    .await
    .ok()
    .and_then(|blob| blob.dyn_into::<Blob>().ok())
    .ok_or("the browser could not encode the PNG")?;
    Ok(download_blob(file_name, &png)?)
}

/// The image at `url` drawn on a new canvas, scaled as [`download_png`] says.
async fn draw(url: &str, width: f64, height: f64) -> Result<HtmlCanvasElement, PngError> {
    let image = HtmlImageElement::new().map_err(|_| "could not create an image")?;
    image.set_src(url);
    JsFuture::from(image.decode())
        .await
        .map_err(|_| PngError::ImageBlocked)?;
    let scale = (MAX_PNG_SIDE / width.max(height).max(1.0)).min(2.0);
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(|_| "could not create a canvas")?
        .unchecked_into();
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("could not draw on a canvas")?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            width * scale,
            height * scale,
        )
        .map_err(|_| "could not draw the timeline on a canvas")?;
    Ok(canvas)
}

/// A file name from a dataset title: lower case, words joined by dashes.
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "timeline".to_owned()
    } else {
        stem
    }
}

/// A file name stem from a file name or URL: its last path segment without
/// query or extension ("https://x.org/data/alliance.json?v=2" → "alliance").
pub fn source_stem(source: &str) -> String {
    let path = source.split(['?', '#']).next().unwrap_or(source);
    let last = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path);
    let bare = match last.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => last,
    };
    file_stem(bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe_names() {
        assert_eq!(
            file_stem("The U.S.–Japan alliance, 1960–2007"),
            "the-u-s-japan-alliance-1960-2007"
        );
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("   "), "timeline");
    }

    #[test]
    fn source_stems_name_the_file() {
        assert_eq!(
            source_stem("https://x.org/data/Alliance.json?v=2#top"),
            "alliance"
        );
        assert_eq!(source_stem("/fixtures/all-bad.json"), "all-bad");
        assert_eq!(source_stem("my file.csv"), "my-file");
        assert_eq!(source_stem("pasted text"), "pasted-text");
        assert_eq!(source_stem(".json"), "json");
        assert_eq!(source_stem(""), "timeline");
    }
}
