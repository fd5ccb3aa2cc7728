//! `annals-cli validate`, `convert` and `schema` on the fixture files,
//! through the built binary: exit codes, messages and conversions.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals-cli"))
        .args(args)
        .output()
        .expect("the annals-cli binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A fresh directory for one test's output.
fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annals-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn valid_files_of_every_format_exit_zero() {
    let files = [
        "good.json",
        "full.json",
        "timelinejs.json",
        "timelinejs-sheet.csv",
        "sample.txt",
    ]
    .map(fixture);
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let result = annals(&args);
    assert_eq!(result.status.code(), Some(0), "{result:?}");
    // full.json and timelinejs.json have warnings, which are listed but
    // do not make a file invalid.
    let out = stdout(&result);
    assert!(out.contains(": warning: "), "{out}");
    assert!(!out.contains(": error: "), "{out}");
    assert!(stderr(&result).contains("sample.txt: 7 event(s), 0 error(s), 0 warning(s)"));
}

#[test]
fn problems_are_listed_as_file_line_column() {
    let bad = fixture("bad-lines.txt");
    let result = annals(&["validate", &fixture("good.json"), &bad]);
    assert_eq!(result.status.code(), Some(1), "one bad file fails them all");
    let out = stdout(&result);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 14, "{out}");
    assert_eq!(
        lines[0],
        format!("{bad}:2:1: error: expected an event `DATE: Title` or `DATE - END: Title`, a header line such as `title: …` or `era: …`, a lane `@id: Label` or a theme `#id: Label`")
    );
    assert_eq!(
        lines[5],
        format!("{bad}:10:15: warning: importance runs from 1 (a detail) to 5 (central); `9` was ignored")
    );
    assert!(
        lines.iter().all(|l| l.starts_with(&format!("{bad}:"))),
        "{out}"
    );
}

#[test]
fn formats_without_lines_name_the_place_in_words() {
    let file = fixture("impossible-dates.json");
    let result = annals(&["validate", &file]);
    assert_eq!(result.status.code(), Some(1));
    let out = stdout(&result);
    assert!(
        out.lines().any(
            |l| l.starts_with(&format!("{file}: error: event ")) && l.contains("field `start`")
        ),
        "{out}"
    );
    let broken = annals(&["validate", &fixture("broken.json")]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(stdout(&broken).starts_with(&format!("{}:", fixture("broken.json"))));
    let missing = annals(&["validate", "no-such-file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).starts_with("no-such-file.json: error: cannot read the file"));
}

#[test]
fn json_output_has_every_problem_with_its_place() {
    let bad = fixture("bad-lines.txt");
    let result = annals(&["validate", "--json", &fixture("good.json"), &bad]);
    assert_eq!(result.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    assert_eq!(report["valid"], false);
    let good = &report["files"][0];
    assert_eq!(
        (good["valid"].as_bool(), good["errors"].as_u64()),
        (Some(true), Some(0))
    );
    let file = &report["files"][1];
    assert_eq!(file["file"], bad);
    assert_eq!(file["events"], 1);
    assert_eq!(
        (file["errors"].as_u64(), file["warnings"].as_u64()),
        (Some(8), Some(6))
    );
    let first = &file["problems"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(first["location"], "line 2, column 1");
    let json_file = annals(&["validate", "--json", &fixture("impossible-dates.json")]);
    let report: serde_json::Value = serde_json::from_slice(&json_file.stdout).unwrap();
    let problem = &report["files"][0]["problems"][0];
    assert!(
        problem.get("line").is_none(),
        "no line in a JSON event's location"
    );
    assert!(problem["location"].as_str().unwrap().starts_with("event "));
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["validate"][..],
        &["convert", "x.json"],
        &["convert", "x.json", "--to", "yaml"],
        &["frobnicate"],
    ] {
        let result = annals(args);
        assert_eq!(result.status.code(), Some(2), "{args:?}: {result:?}");
        let err = stderr(&result);
        assert!(
            err.starts_with("error: ") && err.contains("--help"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn every_verb_has_help() {
    let help = stdout(&annals(&["--help"]));
    for verb in ["render", "validate", "convert", "schema"] {
        assert!(help.contains(verb), "{help}");
        let result = annals(&[verb, "--help"]);
        assert_eq!(result.status.code(), Some(0), "{verb}");
        assert!(stdout(&result).contains("Usage: annals-cli"), "{verb}");
    }
    let convert = stdout(&annals(&["convert", "--help"]));
    for format in ["native", "csv", "text", "timelinejs"] {
        assert!(convert.contains(format), "{convert}");
    }
    assert!(stdout(&annals(&["validate", "--help"])).contains("--json"));
}

#[test]
fn conversions_read_back_to_the_same_dataset() {
    let dir = out_dir("convert");
    let text = dir.join("full.txt");
    let result = annals(&[
        "convert",
        &fixture("full.json"),
        "--to",
        "text",
        "-o",
        text.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(0), "{result:?}");
    assert!(
        stderr(&result).contains(": warning: "),
        "full.json's warnings are shown"
    );
    let written = std::fs::read_to_string(&text).unwrap();
    assert!(
        written.starts_with("title: Everything at once\ntitle.ja: 全部入り\n"),
        "{written}"
    );

    // Text back to native, to stdout; that native file reads as the original.
    let native = annals(&["convert", text.to_str().unwrap(), "--to", "native"]);
    assert_eq!(native.status.code(), Some(0), "{native:?}");
    let from_text = annals::model::parse_dataset(&stdout(&native))
        .unwrap()
        .dataset;
    let original =
        annals::model::parse_dataset(&std::fs::read_to_string(fixture("full.json")).unwrap())
            .unwrap()
            .dataset;
    assert_eq!(from_text, original);

    for (to, starts) in [
        ("csv", "Year,Month,Day"),
        ("timelinejs", "{"),
        ("native", "{"),
    ] {
        let result = annals(&["convert", &fixture("sample.txt"), "--to", to]);
        assert_eq!(result.status.code(), Some(0), "{to}: {result:?}");
        let out = stdout(&result);
        assert!(out.starts_with(starts), "{to}: {out}");
        let back = annals::model::parse_any(&out).unwrap().dataset;
        assert_eq!(back.events.len(), 7, "{to}");
    }
}

#[test]
fn a_file_with_errors_is_not_converted() {
    let dir = out_dir("refused");
    let out = dir.join("out.txt");
    let result = annals(&[
        "convert",
        &fixture("bad-lines.txt"),
        "--to",
        "native",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    assert!(err.contains(":2:1: error: "), "{err}");
    assert!(err.contains("has 8 error(s)"), "{err}");
    assert!(!out.exists(), "nothing is written");
    let unreadable = annals(&["convert", &fixture("empty.json"), "--to", "text"]);
    assert_eq!(unreadable.status.code(), Some(1));
    assert!(stdout(&unreadable).is_empty());
}

#[test]
fn schema_prints_the_committed_schema() {
    let result = annals(&["schema"]);
    assert_eq!(result.status.code(), Some(0));
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/annals.schema.json"),
    )
    .unwrap();
    assert_eq!(stdout(&result), committed);
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema["title"], "annals dataset");
}
