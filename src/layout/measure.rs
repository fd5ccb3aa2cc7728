//! How wide a piece of text is on screen, for the layout.
//!
//! The layout stays a pure function by taking its text widths from a
//! [`Measure`]: the browser measures with the font the page actually uses
//! (`browser::measure`, a canvas's `measureText`), while native code (tests,
//! benchmarks, a build-time prerender) uses [`Advances`], the per-character
//! advance widths of DejaVu Sans. DejaVu Sans is what `system-ui` resolves to
//! on a bare Linux and is wider than the usual system fonts (Segoe UI, San
//! Francisco, Roboto, Arial), so a native layout errs on the side of giving a
//! label too much room rather than too little.
//!
//! [`TextStyle`] names the few text styles the layout places; their sizes
//! match `static/annals.css`.

/// A text style the layout places; sizes and weights follow `static/annals.css`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextStyle {
    /// An event's label (`.annals-label`): 13px.
    Label,
    /// A planned or proposed event's label: 13px italic.
    LabelItalic,
    /// An axis tick label (`.annals-tick-label`): 12px.
    Tick,
    /// The axis context row and era labels: 12px bold.
    Heading,
}

impl TextStyle {
    /// The font size in CSS pixels.
    pub fn size(self) -> f64 {
        match self {
            TextStyle::Label | TextStyle::LabelItalic => 13.0,
            TextStyle::Tick | TextStyle::Heading => 12.0,
        }
    }

    /// Whether the style is bold.
    pub fn bold(self) -> bool {
        self == TextStyle::Heading
    }

    /// The CSS `font` shorthand for this style in `family`, as a canvas reads it.
    pub fn css_font(self, family: &str) -> String {
        let style = if self == TextStyle::LabelItalic {
            "italic "
        } else {
            ""
        };
        let weight = if self.bold() { "bold " } else { "" };
        format!("{style}{weight}{}px {family}", self.size())
    }
}

/// Gives the width of text, in CSS pixels.
pub trait Measure {
    /// The width of `text` set in `style`.
    fn width(&self, text: &str, style: TextStyle) -> f64;
}

impl<F: Fn(&str, TextStyle) -> f64> Measure for F {
    fn width(&self, text: &str, style: TextStyle) -> f64 {
        self(text, style)
    }
}

/// Text widths from the advance widths of DejaVu Sans (regular and bold;
/// its oblique has the regular advances), without kerning. Characters outside
/// the table count as wide: an em for CJK and other full-width characters,
/// 0.7 em otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Advances;

impl Measure for Advances {
    fn width(&self, text: &str, style: TextStyle) -> f64 {
        let bold = style.bold();
        let em: u32 = text
            .chars()
            .map(
                |c| match ADVANCES.binary_search_by_key(&(c as u32), |a| a.0 as u32) {
                    Ok(k) => {
                        let (_, regular, heavy) = ADVANCES[k];
                        if bold {
                            heavy as u32
                        } else {
                            regular as u32
                        }
                    }
                    Err(_) if is_wide(c) => 1000,
                    Err(_) => 700,
                },
            )
            .sum();
        em as f64 / 1000.0 * style.size()
    }
}

/// Characters set a full em wide: CJK, kana, hangul and full-width forms.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// (character, regular advance, bold advance), in thousandths of an em,
/// rounded up; sorted by character. Generated from DejaVu Sans 2.37 by
/// `scripts/advance-widths.py`.
const ADVANCES: [(u16, u16, u16); 201] = [
    (0x0020, 318, 349),
    (0x0021, 401, 457),
    (0x0022, 460, 521),
    (0x0023, 838, 838),
    (0x0024, 637, 696),
    (0x0025, 951, 1002),
    (0x0026, 780, 873),
    (0x0027, 275, 307),
    (0x0028, 391, 458),
    (0x0029, 391, 458),
    (0x002a, 500, 523),
    (0x002b, 838, 838),
    (0x002c, 318, 380),
    (0x002d, 361, 416),
    (0x002e, 318, 380),
    (0x002f, 337, 366),
    (0x0030, 637, 696),
    (0x0031, 637, 696),
    (0x0032, 637, 696),
    (0x0033, 637, 696),
    (0x0034, 637, 696),
    (0x0035, 637, 696),
    (0x0036, 637, 696),
    (0x0037, 637, 696),
    (0x0038, 637, 696),
    (0x0039, 637, 696),
    (0x003a, 337, 400),
    (0x003b, 337, 400),
    (0x003c, 838, 838),
    (0x003d, 838, 838),
    (0x003e, 838, 838),
    (0x003f, 531, 581),
    (0x0040, 1000, 1000),
    (0x0041, 685, 774),
    (0x0042, 687, 763),
    (0x0043, 699, 734),
    (0x0044, 771, 831),
    (0x0045, 632, 684),
    (0x0046, 576, 684),
    (0x0047, 775, 821),
    (0x0048, 752, 837),
    (0x0049, 295, 373),
    (0x004a, 295, 373),
    (0x004b, 656, 775),
    (0x004c, 558, 638),
    (0x004d, 863, 996),
    (0x004e, 749, 837),
    (0x004f, 788, 851),
    (0x0050, 604, 733),
    (0x0051, 788, 851),
    (0x0052, 695, 771),
    (0x0053, 635, 721),
    (0x0054, 611, 683),
    (0x0055, 732, 813),
    (0x0056, 685, 774),
    (0x0057, 989, 1104),
    (0x0058, 686, 771),
    (0x0059, 611, 725),
    (0x005a, 686, 726),
    (0x005b, 391, 458),
    (0x005c, 337, 366),
    (0x005d, 391, 458),
    (0x005e, 838, 838),
    (0x005f, 500, 500),
    (0x0060, 500, 500),
    (0x0061, 613, 675),
    (0x0062, 635, 716),
    (0x0063, 550, 593),
    (0x0064, 635, 716),
    (0x0065, 616, 679),
    (0x0066, 353, 436),
    (0x0067, 635, 716),
    (0x0068, 634, 712),
    (0x0069, 278, 343),
    (0x006a, 278, 343),
    (0x006b, 580, 666),
    (0x006c, 278, 343),
    (0x006d, 975, 1042),
    (0x006e, 634, 712),
    (0x006f, 612, 688),
    (0x0070, 635, 716),
    (0x0071, 635, 716),
    (0x0072, 412, 494),
    (0x0073, 521, 596),
    (0x0074, 393, 479),
    (0x0075, 634, 712),
    (0x0076, 592, 652),
    (0x0077, 818, 924),
    (0x0078, 592, 646),
    (0x0079, 592, 652),
    (0x007a, 525, 583),
    (0x007b, 637, 712),
    (0x007c, 337, 366),
    (0x007d, 637, 712),
    (0x007e, 838, 838),
    (0x00a0, 318, 349),
    (0x00a1, 401, 457),
    (0x00a2, 637, 696),
    (0x00a3, 637, 696),
    (0x00a4, 637, 637),
    (0x00a5, 637, 696),
    (0x00a6, 337, 366),
    (0x00a7, 500, 500),
    (0x00a8, 500, 500),
    (0x00a9, 1000, 1000),
    (0x00aa, 472, 564),
    (0x00ab, 612, 646),
    (0x00ac, 838, 838),
    (0x00ad, 361, 416),
    (0x00ae, 1000, 1000),
    (0x00af, 500, 500),
    (0x00b0, 500, 500),
    (0x00b1, 838, 838),
    (0x00b2, 401, 438),
    (0x00b3, 401, 438),
    (0x00b4, 500, 500),
    (0x00b5, 637, 736),
    (0x00b6, 637, 637),
    (0x00b7, 318, 380),
    (0x00b8, 500, 500),
    (0x00b9, 401, 438),
    (0x00ba, 472, 564),
    (0x00bb, 612, 646),
    (0x00bc, 970, 1036),
    (0x00bd, 970, 1036),
    (0x00be, 970, 1036),
    (0x00bf, 531, 581),
    (0x00c0, 685, 774),
    (0x00c1, 685, 774),
    (0x00c2, 685, 774),
    (0x00c3, 685, 774),
    (0x00c4, 685, 774),
    (0x00c5, 685, 774),
    (0x00c6, 975, 1085),
    (0x00c7, 699, 734),
    (0x00c8, 632, 684),
    (0x00c9, 632, 684),
    (0x00ca, 632, 684),
    (0x00cb, 632, 684),
    (0x00cc, 295, 373),
    (0x00cd, 295, 373),
    (0x00ce, 295, 373),
    (0x00cf, 295, 373),
    (0x00d0, 775, 838),
    (0x00d1, 749, 837),
    (0x00d2, 788, 851),
    (0x00d3, 788, 851),
    (0x00d4, 788, 851),
    (0x00d5, 788, 851),
    (0x00d6, 788, 851),
    (0x00d7, 838, 838),
    (0x00d8, 788, 851),
    (0x00d9, 732, 813),
    (0x00da, 732, 813),
    (0x00db, 732, 813),
    (0x00dc, 732, 813),
    (0x00dd, 611, 725),
    (0x00de, 605, 738),
    (0x00df, 630, 720),
    (0x00e0, 613, 675),
    (0x00e1, 613, 675),
    (0x00e2, 613, 675),
    (0x00e3, 613, 675),
    (0x00e4, 613, 675),
    (0x00e5, 613, 675),
    (0x00e6, 982, 1048),
    (0x00e7, 550, 593),
    (0x00e8, 616, 679),
    (0x00e9, 616, 679),
    (0x00ea, 616, 679),
    (0x00eb, 616, 679),
    (0x00ec, 278, 343),
    (0x00ed, 278, 343),
    (0x00ee, 278, 343),
    (0x00ef, 278, 343),
    (0x00f0, 612, 688),
    (0x00f1, 634, 712),
    (0x00f2, 612, 688),
    (0x00f3, 612, 688),
    (0x00f4, 612, 688),
    (0x00f5, 612, 688),
    (0x00f6, 612, 688),
    (0x00f7, 838, 838),
    (0x00f8, 612, 688),
    (0x00f9, 634, 712),
    (0x00fa, 634, 712),
    (0x00fb, 634, 712),
    (0x00fc, 634, 712),
    (0x00fd, 592, 652),
    (0x00fe, 635, 716),
    (0x00ff, 592, 652),
    (0x2013, 500, 500),
    (0x2014, 1000, 1000),
    (0x2018, 318, 380),
    (0x2019, 318, 380),
    (0x201c, 519, 658),
    (0x201d, 519, 658),
    (0x2022, 590, 640),
    (0x2026, 1000, 1000),
    (0x20ac, 637, 696),
    (0x2212, 838, 838),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(ADVANCES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn widths_follow_the_font() {
        let m = Advances;
        // DejaVu Sans: "i" is narrow, "W" wide, digits all 0.637 em.
        assert!(m.width("iiii", TextStyle::Label) < m.width("WWWW", TextStyle::Label) / 2.0);
        assert!((m.width("2005", TextStyle::Tick) - 4.0 * 0.637 * 12.0).abs() < 1e-9);
        assert!(m.width("Ma", TextStyle::Heading) > m.width("Ma", TextStyle::Tick));
        assert_eq!(m.width("", TextStyle::Label), 0.0);
        assert_eq!(m.width("日本", TextStyle::Label), 26.0);
    }

    #[test]
    fn japanese_wording_measures_a_full_em_a_character() {
        // Every character of the Japanese dates, labels and punctuation is
        // set an em wide, never narrower, so native layout cannot
        // under-measure them.
        let text = "1998年8月31日～秋、頃：（予定）「日米同盟」テポドンのカード。";
        for c in text.chars().filter(|c| !c.is_ascii()) {
            let one = c.to_string();
            assert_eq!(
                Advances.width(&one, TextStyle::Tick),
                TextStyle::Tick.size(),
                "{c}"
            );
        }
    }

    #[test]
    fn a_closure_measures_too() {
        let m = |text: &str, _: TextStyle| text.len() as f64;
        assert_eq!(Measure::width(&m, "abc", TextStyle::Label), 3.0);
    }

    #[test]
    fn styles_read_as_css_fonts() {
        assert_eq!(
            TextStyle::LabelItalic.css_font("serif"),
            "italic 13px serif"
        );
        assert_eq!(TextStyle::Heading.css_font("a, b"), "bold 12px a, b");
    }
}
