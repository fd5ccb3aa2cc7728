//! Translatable text: one value in the dataset's default language, plus
//! translations keyed by BCP 47 language tag.
//!
//! In data files a text field is either a plain string (default language only)
//! or an object such as `{"en": "Treaty signed", "ja": "条約調印"}`. The model
//! keeps the default-language value apart, but every reader chooses: text
//! shown to a reader goes through [`Text::get`] with the reader's language,
//! and only code that means the dataset's own language (export, checks while
//! parsing) asks for [`Text::default_text`].

use std::collections::BTreeMap;

/// A text in the dataset's default language, with optional translations.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    /// The text in the dataset's default language; may be empty.
    pub default: String,
    /// The same text in other languages, keyed by language tag ("ja").
    /// Never holds the default language itself.
    pub translations: Translations,
}

/// Translations of a [`Text`], keyed by language tag. Most texts have none,
/// so none costs one pointer: a million events each with a title and a
/// summary keep their translations in 16 bytes, not 48.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
// The box is the point: `Option<Box<BTreeMap>>` is one word, where a bare
// `BTreeMap` (which clippy's `box_collection` suggests) is three.
#[allow(clippy::box_collection)]
pub struct Translations(Option<Box<BTreeMap<String, String>>>);

impl Translations {
    /// The text in exactly this language.
    pub fn get(&self, lang: &str) -> Option<&String> {
        self.0.as_ref()?.get(lang)
    }

    /// Whether there are no translations.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// Language tag and text, in tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().flat_map(|map| map.iter())
    }

    /// The language tags, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(lang, _)| lang)
    }

    /// A copy as a map.
    pub fn to_map(&self) -> BTreeMap<String, String> {
        self.0.as_deref().cloned().unwrap_or_default()
    }
}

impl From<BTreeMap<String, String>> for Translations {
    fn from(map: BTreeMap<String, String>) -> Translations {
        Translations((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl Text {
    /// A text with no translations.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            default: text.into(),
            translations: Translations::default(),
        }
    }

    /// The text in `lang`, falling back to the default language when there is
    /// no translation for it. A tag with a region ("ja-JP") also matches its
    /// primary language ("ja").
    pub fn get(&self, lang: &str) -> &str {
        if let Some(text) = self.translations.get(lang) {
            return text;
        }
        let primary = lang.split('-').next().unwrap_or(lang);
        self.translations
            .get(primary)
            .map_or(&self.default, |text| text)
    }

    /// The text in the dataset's default language, whatever language the
    /// reader chose: for writing the file back and for checks on the data.
    pub fn default_text(&self) -> &str {
        &self.default
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::plain(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_default_language() {
        let text = Text {
            default: "Treaty signed".into(),
            translations: BTreeMap::from([("ja".to_owned(), "条約調印".to_owned())]).into(),
        };
        let cases = [
            ("ja", "条約調印"),
            ("ja-JP", "条約調印"),
            ("en", "Treaty signed"),
            ("fr", "Treaty signed"),
        ];
        for (lang, expected) in cases {
            assert_eq!(text.get(lang), expected, "language {lang}");
        }
        assert_eq!(text.default_text(), "Treaty signed");
        assert_eq!(text.translations.keys().collect::<Vec<_>>(), ["ja"]);
        assert!(Translations::from(BTreeMap::new()).is_empty());
    }
}
