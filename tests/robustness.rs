//! No input, however malformed, makes loading or checking panic or hang.

mod common;

use std::sync::Arc;

use predicates::prelude::*;
use proptest::prelude::*;
use sandtable::check::{check_plan, check_scenario};
use sandtable::diag::{self, Diagnostic, RenderStyle, SourceFile};
use sandtable::load;

/// Loads and checks a text as every kind of file, and draws whatever it provokes.
fn exercise(text: String) {
    let file = Arc::new(SourceFile::new("fuzz.yaml", text));
    let _ = load::kind_of(&file);
    let mut found = Vec::new();
    match load::plan(&file) {
        Ok(plan) => found.extend(check_plan(&plan).1),
        Err(d) => found.push(d),
    }
    match load::scenario(&file) {
        Ok(scenario) => found.extend(check_scenario(&scenario, None)),
        Err(d) => found.push(d),
    }
    if let Err(d) = load::decisions(&file) {
        found.push(d);
    }
    let _ = diag::render(&found, RenderStyle::PLAIN);
}

fn shipped_texts() -> Vec<String> {
    common::shipped().iter().map(|f| std::fs::read_to_string(common::root().join(f)).unwrap_or_default()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        exercise(text);
    }

    #[test]
    fn truncated_shipped_files_never_panic(which in 0usize..64, cut in 0.0f64..1.0) {
        let texts = shipped_texts();
        let text = &texts[which % texts.len()];
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) { at -= 1; }
        exercise(text[..at].to_owned());
    }

    #[test]
    fn mutated_shipped_files_never_panic(which in 0usize..64, edits in proptest::collection::vec((0.0f64..1.0, "[\\[\\]{}:,&*!|>'\"\\- \\n#a-z0-9]{0,3}"), 1..6)) {
        let texts = shipped_texts();
        let mut text = texts[which % texts.len()].clone();
        for (pos, insert) in edits {
            let mut at = (text.len() as f64 * pos) as usize;
            while !text.is_char_boundary(at) { at -= 1; }
            let end = (at + insert.len()).min(text.len());
            let mut end = end;
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(at..end.max(at), &insert);
        }
        exercise(text);
    }
}

#[test]
fn ten_megabytes_of_nesting_is_refused_quickly() {
    for text in ["[".repeat(10 << 20), "- ".repeat(5 << 20), format!("a: {}", "{b: ".repeat(2 << 20))] {
        let file = Arc::new(SourceFile::new("deep.yaml", text));
        assert!(load::plan(&file).is_err());
    }
}

#[test]
fn binary_input_is_a_diagnostic() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert!(SourceFile::from_bytes("blob.yaml", bytes).is_err());
}

#[test]
fn a_diagnostic_past_column_65535_is_drawn_clipped_around_its_column() {
    let text = format!("format_version: 1\nid: {} : bad\n", "x".repeat(70_000));
    let file = Arc::new(SourceFile::new("long.yaml", text));
    let Err(d) = load::scenario(&file) else { panic!("a mapping inside a plain scalar must not load") };
    assert!(d.loc.column > 65_535, "{:?}", d.loc);
    let shown = diag::render(&[d], RenderStyle::PLAIN);
    assert!(shown.contains("long.yaml:2:700"), "{shown}");
    // The snippet is a window around the column, not the 70,000-character line.
    assert!(shown.len() < 2_000, "{} bytes drawn", shown.len());
    assert!(shown.contains("…x") && shown.contains(" : bad"), "{shown}");
    assert!(shown.contains("format_version: 1"), "the line before is still shown:\n{shown}");
}

#[test]
fn beyond_the_cap_errors_come_first_and_the_rest_are_counted() {
    let file = Arc::new(SourceFile::new("many.yaml", "a: 1\n".repeat(200)));
    let at = |line: u32| sandtable::spanned::Loc { line, column: 1, len: 1 };
    let mut found: Vec<Diagnostic> =
        (1..=120).map(|l| Diagnostic::warning("check::unused", format!("warning {l}")).at(&file, at(l))).collect();
    found.extend((121..=150).map(|l| Diagnostic::error("check::duplicate-id", format!("error {l}")).at(&file, at(l))));
    let shown = diag::render(&found, RenderStyle::PLAIN);
    assert_eq!(shown.matches(": error\n").count(), 30, "every error is drawn");
    assert_eq!(shown.matches(": warning\n").count(), diag::MAX_SHOWN - 30);
    assert!(shown.ends_with(&format!("… and {} more not shown (0 errors, {} warnings).\n", 100, 100)), "{shown}");
}

/// A file past the input limit (16 MiB, as the README says) is refused before it is read,
/// naming the file and the limit; one just under it is read.
#[test]
fn an_input_past_16_mib_is_refused_by_name() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let big = tmp.path().join("big.yaml");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(16 * 1024 * 1024 + 1).expect("grow");
    common::sandtable()
        .args(["validate"])
        .arg(&big)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("big.yaml").and(predicates::str::contains("the limit is 16777216")));
    file.set_len(16 * 1024 * 1024).expect("shrink");
    let out = common::sandtable().args(["validate"]).arg(&big).assert().code(1).get_output().stderr.clone();
    assert!(!String::from_utf8_lossy(&out).contains("the limit is"), "16 MiB itself is allowed");
}
