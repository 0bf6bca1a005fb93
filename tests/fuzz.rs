//! Fuzz targets for the readers of text that comes from other people: the journal reader,
//! the MSEL readers (CSV and XLSX) and the script compiler (the YAML loaders have theirs in
//! `robustness.rs`). Each target mutates a kept corpus (the fixtures of its kind under
//! `tests/fixtures/`, plus `tests/fixtures/fuzz/<target>/` for inputs that once broke a
//! reader) and demands an answer, never a panic or a hang.
//!
//! `cargo test` runs a short campaign (`FUZZ_CASES` cases per target); a longer one is
//! `SANDTABLE_FUZZ_CASES=20000 cargo test --release --test fuzz`. A failure is kept by
//! proptest in `tests/fuzz.proptest-regressions` and replayed first on the next run; once fixed,
//! copy the input into `tests/fixtures/fuzz/<target>/` so that it stays in the corpus.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use sandtable::diag::SourceFile;
use sandtable::engine::{Defaults, Engine};
use sandtable::msel::{self, ImportOptions};
use sandtable::play::Journal;
use sandtable::project::Project;
use sandtable::script::ScriptHost;

/// Cases per target in an ordinary `cargo test`: enough to walk every corpus file a few
/// times with different mutations, small enough to keep CI in its budget.
const FUZZ_CASES: u32 = 96;

fn config() -> ProptestConfig {
    let cases = std::env::var("SANDTABLE_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(FUZZ_CASES);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Every file with one of `extensions` under the given fixture folders, sorted so that a
/// case index names the same file on every machine.
fn corpus(folders: &[&str], extensions: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)) {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    for folder in folders {
        walk(&common::root().join(folder), extensions, &mut paths);
    }
    paths.sort();
    let files: Vec<_> = paths.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect();
    assert!(!files.is_empty(), "an empty corpus fuzzes nothing: {folders:?}");
    files
}

/// How a corpus file is changed: bytes overwritten, inserted, removed, or the tail cut.
#[derive(Debug, Clone)]
enum Edit {
    Overwrite(f64, Vec<u8>),
    Insert(f64, Vec<u8>),
    Remove(f64, usize),
    Truncate(f64),
}

/// Bytes that mean something to one of the readers: quotes, separators, braces, line
/// breaks, JSON punctuation, Rhai operators, digits and a few multi-byte characters.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop_oneof![
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"[".to_vec()),
        Just(b"]".to_vec()),
        Just(b":".to_vec()),
        Just(b"(".to_vec()),
        Just(b")".to_vec()),
        Just(b"-1".to_vec()),
        Just(b"99999999999999999999".to_vec()),
        Just(b"null".to_vec()),
        Just(b"=".to_vec()),
        Just("时间".as_bytes().to_vec()),
        Just(vec![0xff]),
        Just(vec![0]),
        proptest::collection::vec(any::<u8>(), 1..4),
    ];
    proptest::collection::vec(pieces, 1..4).prop_map(|v| v.concat())
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (0.0f64..1.0, interesting_bytes()).prop_map(|(at, b)| Edit::Overwrite(at, b)),
        (0.0f64..1.0, interesting_bytes()).prop_map(|(at, b)| Edit::Insert(at, b)),
        (0.0f64..1.0, 1usize..40).prop_map(|(at, n)| Edit::Remove(at, n)),
        (0.0f64..1.0).prop_map(Edit::Truncate),
    ];
    proptest::collection::vec(edit, 1..5)
}

fn mutate(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    let at = |len: usize, f: f64| ((len as f64) * f) as usize;
    for edit in edits {
        let len = bytes.len();
        match edit {
            Edit::Overwrite(f, b) => {
                let start = at(len, *f);
                let end = (start + b.len()).min(len);
                bytes.splice(start..end, b.iter().copied());
            }
            Edit::Insert(f, b) => {
                let start = at(len, *f);
                bytes.splice(start..start, b.iter().copied());
            }
            Edit::Remove(f, n) => {
                let start = at(len, *f);
                bytes.drain(start..(start + n).min(len));
            }
            Edit::Truncate(f) => bytes.truncate(at(len, *f)),
        }
    }
    bytes
}

/// Opened once: the targets need a model, not the time to compile one per case.
fn project(scenario: &'static str) -> &'static Project {
    static DC: OnceLock<Project> = OnceLock::new();
    static HOOKS: OnceLock<Project> = OnceLock::new();
    let cell = if scenario.contains("all-hooks") { &HOOKS } else { &DC };
    cell.get_or_init(|| common::open(scenario))
}

/// The journal reader and the check against the model it was written for.
fn journal_target(text: &[u8]) {
    let text = String::from_utf8_lossy(text);
    if let Ok(journal) = Journal::parse(&text) {
        let _ = journal.check(&project("scenarios/dc-power-loss.yaml").model);
    }
}

fn import_options() -> ImportOptions {
    ImportOptions { map: Vec::new(), plan: "plan.yaml".to_owned(), id: "fuzz".to_owned(), title: "Fuzz".to_owned() }
}

/// The CSV reader and the importer behind `msel import`.
fn msel_csv_target(bytes: &[u8]) {
    if let Ok(grid) = msel::read_csv(bytes) {
        let _ = msel::import(&grid, &import_options());
    }
}

/// The workbook reader and the importer: a mutated XLSX is mostly a broken zip, which must
/// be an error like any other.
fn msel_xlsx_target(bytes: &[u8]) {
    if let Ok(grid) = msel::read_xlsx(bytes, None) {
        let _ = msel::import(&grid, &import_options());
    }
}

/// The script compiler, and a run of whatever compiles: the engine's budgets must stop a
/// mutated script that loops, and its errors must be errors.
fn script_target(text: &[u8]) {
    let project = project("tests/fixtures/scripts/all-hooks.yaml");
    let file = Arc::new(SourceFile::new("fuzz.rhai", String::from_utf8_lossy(text).into_owned()));
    if let Ok(host) = ScriptHost::compile(&project.model, &[file]) {
        let _ = Engine::with_scripts(&project.model, &host).play(7, &mut Defaults);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_journals_are_read_or_refused(pick in any::<prop::sample::Index>(), edits in edits()) {
        let files = corpus(&["tests/fixtures/journals", "tests/fixtures/fuzz/journal"], &["jsonl"]);
        let (_, bytes) = &files[pick.index(files.len())];
        journal_target(&mutate(bytes.clone(), &edits));
    }

    #[test]
    fn mutated_msel_csv_is_imported_or_refused(pick in any::<prop::sample::Index>(), edits in edits()) {
        let files = corpus(&["tests/fixtures/msel", "tests/fixtures/fuzz/msel"], &["csv"]);
        let (_, bytes) = &files[pick.index(files.len())];
        msel_csv_target(&mutate(bytes.clone(), &edits));
    }

    #[test]
    fn mutated_workbooks_are_imported_or_refused(pick in any::<prop::sample::Index>(), edits in edits()) {
        let files = corpus(&["tests/fixtures/msel", "tests/fixtures/fuzz/msel"], &["xlsx"]);
        let (_, bytes) = &files[pick.index(files.len())];
        msel_xlsx_target(&mutate(bytes.clone(), &edits));
    }

    #[test]
    fn mutated_scripts_compile_and_run_or_are_refused(pick in any::<prop::sample::Index>(), edits in edits()) {
        let files = corpus(&["tests/fixtures/scripts", "scripts", "tests/fixtures/fuzz/script"], &["rhai"]);
        let (_, bytes) = &files[pick.index(files.len())];
        script_target(&mutate(bytes.clone(), &edits));
    }
}

/// The kept corpus itself goes through every target unchanged: what once broke a reader
/// stays fixed.
#[test]
fn the_kept_corpus_is_read_without_panic() {
    for (_, bytes) in corpus(&["tests/fixtures/journals", "tests/fixtures/fuzz/journal"], &["jsonl"]) {
        journal_target(&bytes);
    }
    for (_, bytes) in corpus(&["tests/fixtures/msel", "tests/fixtures/fuzz/msel"], &["csv"]) {
        msel_csv_target(&bytes);
    }
    for (_, bytes) in corpus(&["tests/fixtures/msel", "tests/fixtures/fuzz/msel"], &["xlsx"]) {
        msel_xlsx_target(&bytes);
    }
    for (_, bytes) in corpus(&["tests/fixtures/scripts", "scripts", "tests/fixtures/fuzz/script"], &["rhai"]) {
        script_target(&bytes);
    }
}
