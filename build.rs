//! Turns the interface's message tables (`src/i18n/*.toml`, one a language)
//! into Rust: the `Msg` enum from the English table's keys, and one array of
//! texts a language in the same order. A key missing from a language, a key
//! English does not have, or placeholders that differ fail the build with the
//! file and line to fix; a key used in code but absent from en.toml does not
//! compile.

#[path = "src/i18n/table.rs"]
mod table;

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("src/i18n");
    println!("cargo:rerun-if-changed=src/i18n");
    let mut files: Vec<(String, Vec<table::Entry>)> = Vec::new();
    let mut listing: Vec<_> = std::fs::read_dir(dir)
        .expect("src/i18n is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    listing.sort();
    for path in listing {
        println!("cargo:rerun-if-changed={}", path.display());
        let tag = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let entries = table::parse(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        files.push((tag, entries));
    }
    // English first: it is the reference, and the fallback.
    let english = files
        .iter()
        .position(|(tag, _)| tag == "en")
        .expect("src/i18n/en.toml, the reference table, is missing");
    let reference = files.remove(english);
    files.insert(0, reference);
    let reference = &files[0].1;
    let mut problems = Vec::new();
    for (tag, entries) in &files[1..] {
        problems.extend(table::compare(
            reference,
            entries,
            &format!("src/i18n/{tag}.toml"),
        ));
    }
    if !problems.is_empty() {
        panic!("the message tables disagree:\n  {}", problems.join("\n  "));
    }

    let mut out = String::new();
    out.push_str("/// A message of the interface: one key of `src/i18n/en.toml`.\n");
    // Each variant's doc is its English text, which may hold an example address.
    out.push_str("#[allow(rustdoc::bare_urls)]\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Msg {\n");
    for entry in reference {
        let _ = writeln!(
            out,
            "    /// {:?}\n    {},",
            entry.text,
            table::variant(&entry.key)
        );
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "const MESSAGES: usize = {};\n", reference.len());
    let _ = writeln!(
        out,
        "/// Every language's table, English first.\nstatic LANGUAGES: [Language; {}] = [",
        files.len()
    );
    for (tag, entries) in &files {
        let _ = writeln!(
            out,
            "    Language {{\n        tag: {tag:?},\n        texts: ["
        );
        for key in reference {
            let text = &entries.iter().find(|e| e.key == key.key).unwrap().text;
            let _ = writeln!(out, "            {text:?},");
        }
        out.push_str("        ],\n    },\n");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("messages.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
