//! The stylesheet's performance invariants (ARCHITECTURE.md): a zoom or a pan
//! restyles what it moves and nothing else. Blink restyles every child of an
//! element whose style changed when a child takes a non-inherited property
//! with `inherit`, and every element beneath one whose inherited custom
//! property changed; the wheel notch that moved a few hundred marks then
//! restyled every element of the timeline.
#![cfg(not(target_arch = "wasm32"))]

const CSS: &str = include_str!("../static/annals.css");

/// Properties that inherit anyway, so `inherit` costs nothing.
const INHERITED: &[&str] = &[
    "color",
    "color-scheme",
    "cursor",
    "font",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "letter-spacing",
    "line-height",
    "text-align",
    "visibility",
    "white-space",
    "word-spacing",
];

/// Every `property: value` declaration, with comments removed.
fn declarations(css: &str) -> Vec<(String, String)> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    text.split(['{', '}', ';'])
        .filter_map(|d| d.split_once(':'))
        .map(|(p, v)| (p.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
        .filter(|(p, _)| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .collect()
}

#[test]
fn no_non_inherited_property_is_inherited() {
    let found: Vec<_> = declarations(CSS)
        .into_iter()
        .filter(|(p, v)| v.starts_with("inherit") && !INHERITED.contains(&p.as_str()))
        .collect();
    assert!(
        found.is_empty(),
        "set these rather than inherit them: {found:?}"
    );
}

#[test]
fn custom_properties_set_by_the_timeline_are_not_inherited() {
    // The section's inline style, set on every frame (components/timeline.rs).
    for name in ["--annals-stage-width", "--annals-lanes-height"] {
        let rule = CSS
            .split("@property")
            .skip(1)
            .find(|r| r.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("{name} is registered with @property"));
        let body = &rule[..rule.find('}').expect("the rule closes")];
        assert!(
            body.contains("inherits: false"),
            "{name} must be registered with inherits: false: {body}"
        );
    }
}

#[test]
fn the_checks_see_what_they_look_for() {
    let css = "/* a: inherit */ .x { box-sizing: inherit; color: inherit } .y{font:inherit}";
    let inherited: Vec<_> = declarations(css)
        .into_iter()
        .filter(|(_, v)| v == "inherit")
        .map(|(p, _)| p)
        .collect();
    assert_eq!(inherited, ["box-sizing", "color", "font"]);
    assert!(
        declarations(CSS).len() > 500,
        "the stylesheet's declarations are read"
    );
}
