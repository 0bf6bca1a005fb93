//! No input, however malformed, makes loading or checking panic or hang.

mod common;

use std::sync::Arc;

use proptest::prelude::*;
use sandtable::check::{check_plan, check_scenario};
use sandtable::diag::SourceFile;
use sandtable::load;

fn exercise(text: String) {
    let file = Arc::new(SourceFile::new("fuzz.yaml", text));
    let _ = load::kind_of(&file);
    if let Ok(plan) = load::plan(&file) {
        let _ = check_plan(&plan);
    }
    if let Ok(scenario) = load::scenario(&file) {
        let _ = check_scenario(&scenario, None);
    }
    let _ = load::decisions(&file);
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
    fn truncated_shipped_files_never_panic(which in 0usize..6, cut in 0.0f64..1.0) {
        let texts = shipped_texts();
        let text = &texts[which % texts.len()];
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) { at -= 1; }
        exercise(text[..at].to_owned());
    }

    #[test]
    fn mutated_shipped_files_never_panic(which in 0usize..6, edits in proptest::collection::vec((0.0f64..1.0, "[\\[\\]{}:,&*!|>'\"\\- \\n#a-z0-9]{0,3}"), 1..6)) {
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
