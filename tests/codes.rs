//! Diagnostic codes: the list in `src/diag/codes.rs` and the codes used in `src/` agree,
//! and every code is provoked by a fixture, so each message a user can meet has been
//! seen at least once.
//!
//! Codes are found in `src/` as string literals of the form `"namespace::kebab-name"`
//! (the first argument of `Diagnostic::error`/`Diagnostic::warning`, or a code chosen
//! before the call), and in the binary's output as a line holding just the code, as
//! diagnostics render it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sandtable::diag::codes::CODES;

/// The file holding the list, left out of the scan of `src/`.
const LIST: &str = "src/diag/codes.rs";

/// Fixture directories, the subcommand each of their `*.yaml` files is given to, and the
/// exit code it must give (`run` writes to a temporary directory).
const FIXTURE_DIRS: &[(&str, &str, i32)] = &[
    ("tests/fixtures/invalid", "validate", 1),
    ("tests/fixtures/warnings", "validate", 0),
    ("tests/fixtures/warnings/by-code", "validate", 0),
    ("tests/fixtures/scripts/load", "validate", 1),
    ("tests/fixtures/scripts/runtime", "run", 1),
    ("tests/fixtures/scripts/loop", "run", 1),
];

/// Session journals, replayed with `run SCENARIO --decisions FILE`: those under
/// `refused/` must exit 1, those under `accepted/` 0.
const JOURNALS: (&str, &str) = ("tests/fixtures/journals", "scenarios/dc-power-loss.yaml");

/// Codes that take more than a file to provoke: the arguments, and the exit code.
const INVOCATIONS: &[(&[&str], i32)] = &[
    // library::risk-not-exercised and library::function-not-disrupted: the fixture library
    // has no scenario for ransomware and none that disrupts billing.
    (
        &[
            "validate",
            "--library",
            "tests/fixtures/programme/library",
            "--plan",
            "tests/fixtures/programme/library/plan.yaml",
        ],
        0,
    ),
    // library::unknown-scenario: a risk naming a scenario id the library does not hold.
    (
        &[
            "validate",
            "--library",
            "tests/fixtures/programme/library",
            "--plan",
            "tests/fixtures/programme/typo-plan.yaml",
        ],
        0,
    ),
    // input::read: a directory where a file is expected.
    (&["validate", "tests/fixtures/invalid"], 1),
    // decisions::unknown-option: answers naming an option the decision does not have.
    (
        &[
            "run",
            "tests/fixtures/engine/worked-decision.yaml",
            "--decisions",
            "tests/fixtures/decisions/unknown-option.yaml",
        ],
        1,
    ),
    // report::template: a user template with an unclosed block.
    (
        &[
            "run",
            "tests/fixtures/engine/worked.yaml",
            "--format",
            "md",
            "--template",
            "tests/fixtures/templates/broken",
        ],
        1,
    ),
];

/// Codes no input can provoke, with the reason. Keep this empty but for real dead ends.
const UNPROVOKABLE: &[(&str, &str)] = &[(
    "script::state",
    "the hook context's mutex is poisoned only if a thread panicked while holding it: a bug, not an input",
)];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether `s` reads as a code: `namespace::kebab-name`.
fn is_code(s: &str) -> bool {
    let Some((ns, name)) = s.split_once("::") else { return false };
    !ns.is_empty()
        && ns.chars().all(|c| c.is_ascii_lowercase())
        && !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The code literals in a Rust source text: `"ns::name"` with nothing else in the quotes.
fn code_literals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else { break };
        let inside = &after[..end];
        if is_code(inside) {
            found.push(inside.to_owned());
            rest = &after[end + 1..];
        } else {
            // The closing quote may open the next literal.
            rest = after;
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("readable").filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every code literal in `src/` but the list itself, with the first file using it.
fn codes_in_src() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut found: Vec<(String, String)> = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root()).unwrap_or(&f).to_string_lossy().replace('\\', "/");
        if rel == LIST {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("source is text");
        for code in code_literals(&text) {
            if !found.iter().any(|(c, _)| *c == code) {
                found.push((code, rel.clone()));
            }
        }
    }
    found.sort();
    found
}

fn listed() -> BTreeSet<&'static str> {
    CODES.iter().map(|(c, _)| *c).collect()
}

#[test]
fn every_code_in_src_is_listed_and_every_listed_code_is_used() {
    let used = codes_in_src();
    let list = listed();
    assert_eq!(list.len(), CODES.len(), "{LIST} lists a code twice");
    let unlisted: Vec<String> =
        used.iter().filter(|(c, _)| !list.contains(c.as_str())).map(|(c, f)| format!("{c} (in {f})")).collect();
    let unused: Vec<&str> = list.iter().copied().filter(|c| !used.iter().any(|(u, _)| u == c)).collect();
    assert!(
        unlisted.is_empty() && unused.is_empty(),
        "codes used in src/ but missing from {LIST}: {unlisted:#?}\ncodes in {LIST} that nothing in src/ uses any more: {unused:?}"
    );
}

#[test]
fn the_scan_finds_code_literals_and_nothing_else() {
    let text =
        r#"Diagnostic::error("plan::rto-over-mtd", "a: b") ; x("script::too-deep") "not::A" "a::b c" `plan::doc`"#;
    assert_eq!(code_literals(text), vec!["plan::rto-over-mtd", "script::too-deep"]);
}

/// The codes in one run's output: lines that are just a code.
fn codes_in_output(out: &std::process::Output) -> BTreeSet<String> {
    let text = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    text.lines().map(str::trim).filter(|l| is_code(l)).map(str::to_owned).collect()
}

fn run(args: &[&str]) -> std::process::Output {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::cargo_bin("sandtable").expect("binary builds");
    cmd.current_dir(root()).env("NO_COLOR", "1").args(args);
    if args.first() == Some(&"run") {
        cmd.arg("--out").arg(tmp.path().join("out"));
    }
    cmd.output().expect("runs")
}

fn yaml_files(dir: &str) -> Vec<String> {
    files_ending(dir, "yaml")
}

fn files_ending(dir: &str, extension: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == extension))
        .filter_map(|p| p.file_name().map(|n| format!("{dir}/{}", n.to_string_lossy())))
        .collect();
    files.sort();
    files
}

#[test]
fn every_code_has_a_fixture_that_provokes_it() {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut problems = Vec::new();
    let mut check = |what: String, out: std::process::Output, want: i32| {
        let got = out.status.code().unwrap_or(-1);
        if got != want {
            problems.push(format!("{what}: exit {got}, expected {want}\n{}", String::from_utf8_lossy(&out.stderr)));
        }
        seen.extend(codes_in_output(&out));
    };
    for (dir, sub, want) in FIXTURE_DIRS {
        for file in yaml_files(dir) {
            let out = run(&[sub, &file]);
            check(format!("sandtable {sub} {file}"), out, *want);
        }
    }
    let (journals, scenario) = JOURNALS;
    for (sub, want) in [("refused", 1), ("accepted", 0)] {
        for file in files_ending(&format!("{journals}/{sub}"), "jsonl") {
            let args = ["run", scenario, "--decisions", &file];
            check(format!("sandtable {}", args.join(" ")), run(&args), want);
        }
    }
    for (args, want) in INVOCATIONS {
        check(format!("sandtable {}", args.join(" ")), run(args), *want);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let list = listed();
    let unknown: Vec<&String> = seen.iter().filter(|c| !list.contains(c.as_str())).collect();
    assert!(unknown.is_empty(), "codes in the output that {LIST} does not list: {unknown:?}");
    let dead: BTreeSet<&str> = UNPROVOKABLE.iter().map(|(c, _)| *c).collect();
    for code in &dead {
        assert!(list.contains(code), "{code} is marked unprovokable but is not a code");
        assert!(!seen.contains(*code), "{code} is marked unprovokable, yet a fixture provokes it");
    }
    let missing: Vec<&str> = list.iter().copied().filter(|c| !seen.contains(*c) && !dead.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "codes no fixture provokes (add a fixture under tests/fixtures/invalid, warnings/by-code, scripts/…): {missing:?}"
    );
}
