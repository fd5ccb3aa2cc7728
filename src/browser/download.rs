//! Saving text as a file the reader downloads.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `contents` as a download named `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not create the file")?;
    let url =
        Url::create_object_url_with_blob(&blob).map_err(|_| "could not create a download link")?;
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
