//! `annals render` on the fixture files, through the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

/// A fresh directory for one test's output.
fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annals-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals-cli"))
        .args(args)
        .output()
        .expect("the annals-cli binary runs")
}

fn render(data: &str, out: &Path, extra: &[&str]) -> Output {
    let data = fixture(data);
    let mut args = vec![
        "render",
        data.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    annals(&args)
}

#[test]
fn a_page_has_every_event_its_positions_and_its_data() {
    let dir = out_dir("page");
    let out = dir.join("good.html");
    let result = render("good.json", &out, &[]);
    assert!(result.status.success(), "{result:?}");
    let html = std::fs::read_to_string(&out).unwrap();
    let css = std::fs::read_to_string(dir.join("good.css")).unwrap();
    for id in ["first", "second", "third"] {
        assert!(
            html.contains(&format!("data-event-id=\"{id}\"")),
            "mark {id}"
        );
        assert!(
            html.contains(&format!("data-static-event=\"{id}\"")),
            "list {id}"
        );
    }
    assert!(html.contains("<link rel=\"stylesheet\" href=\"good.css\">"));
    assert!(html.contains("<script type=\"module\" src=\"loader.js\"></script>"));
    assert!(html.contains("<script type=\"application/json\" id=\"annals-data\">"));
    assert!(!html.contains(" style="));
    assert!(css.contains("[data-style=\""));
}

#[test]
fn every_input_format_renders() {
    let dir = out_dir("formats");
    for (name, events) in [
        ("full.json", 3),
        ("timelinejs.json", 4),
        ("timelinejs-sheet.csv", 3),
        ("bom.json", 1),
    ] {
        let out = dir.join(format!("{name}.html"));
        let result = render(name, &out, &[]);
        assert!(result.status.success(), "{name}: {result:?}");
        let html = std::fs::read_to_string(&out).unwrap();
        assert_eq!(html.matches("data-static-event=").count(), events, "{name}");
        assert_eq!(html.matches("<details>").count(), events, "{name}");
    }
}

#[test]
fn a_partly_bad_file_renders_what_loaded_and_says_what_was_left_out() {
    let dir = out_dir("partial");
    let result = render("partial.json", &dir.join("p.html"), &[]);
    assert!(result.status.success());
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("event 2 (id \"backwards\"), field `end`"),
        "{stderr}"
    );
    assert!(stderr.contains("left out"), "{stderr}");
}

#[test]
fn an_unreadable_file_fails_with_its_problems_and_writes_nothing() {
    let dir = out_dir("broken");
    for (name, says) in [
        ("broken.json", "line 4, column 47"),
        ("empty.json", "no events"),
        ("non-utf8.json", "not valid UTF-8"),
    ] {
        let out = dir.join("x.html");
        let result = render(name, &out, &[]);
        assert!(!result.status.success(), "{name}");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(!out.exists(), "{name}");
    }
    let missing = annals(&["render", "no-such-file.json"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no-such-file.json"));
}

#[test]
fn a_fragment_is_a_declarative_shadow_root_with_its_stylesheets() {
    let dir = out_dir("fragment");
    let out = dir.join("timeline.html");
    let result = render("good.json", &out, &["--fragment", "--assets", "/annals/"]);
    assert!(result.status.success(), "{result:?}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.starts_with("<template shadowrootmode=\"open\">"),
        "{html}"
    );
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/annals/annals.css\">"));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"timeline.css\">"));
    assert!(html.contains("data-event-id=\"second\""));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<html"));
    assert!(dir.join("timeline.css").exists());
}

#[test]
fn a_template_is_filled_in_place() {
    let dir = out_dir("template");
    let page = dir.join("index.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><title>x</title></head><body><div id=\"annals\"><noscript>needs JS</noscript></div></body></html>",
    )
    .unwrap();
    let result = render("good.json", &page, &["--template", page.to_str().unwrap()]);
    assert!(result.status.success(), "{result:?}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("needs JS"));
    assert!(html.contains("<title>x</title>  <link rel=\"stylesheet\" href=\"index.css\">"));
    assert!(html.contains("data-event-id=\"first\""));
}

#[test]
fn help_lists_the_render_verb_and_bad_arguments_are_refused() {
    let help = annals(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("render"));
    let width = annals(&[
        "render",
        fixture("good.json").to_str().unwrap(),
        "--width",
        "5",
    ]);
    assert!(!width.status.success());
    assert!(String::from_utf8_lossy(&width.stderr).contains("--width 5 is out of range"));
}
