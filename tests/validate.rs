//! `sandtable validate` end to end: shipped files are clean, every bad fixture gives a
//! located error and exit 1, warnings do not fail, and usage errors exit 2.

mod common;

use common::{relative, sandtable, shipped};

#[test]
fn shipped_plans_and_scenarios_validate_clean() {
    let files = shipped();
    assert!(files.len() >= 16, "expected at least 3 plans and 13 scenarios, found {files:?}");
    let out = sandtable().arg("validate").args(&files).assert().success().get_output().clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    for file in &files {
        assert!(stdout.contains(&format!("{file}: ok")), "{file} not clean:\n{stdout}");
    }
    assert!(out.stderr.is_empty(), "unexpected diagnostics:\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn each_invalid_fixture_fails_with_a_located_diagnostic() {
    insta::glob!("fixtures/invalid/*.yaml", |path| {
        let rel = relative(path);
        let out = sandtable().args(["validate", &rel]).assert().code(1).get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        // Every error that can be placed names file:line:column; empty and non-text
        // files have no line to point at and name the file instead.
        assert!(stderr.contains(&rel), "{rel}: diagnostics do not name the file:\n{stderr}");
        insta::assert_snapshot!(stderr);
    });
}

#[test]
fn warnings_are_reported_but_do_not_fail() {
    insta::glob!("fixtures/warnings/*.yaml", |path| {
        let rel = relative(path);
        let out = sandtable().args(["validate", &rel]).assert().success().get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(stderr.contains("warning"), "{rel}: expected warnings");
        insta::assert_snapshot!(stderr);
    });
}

/// One fixture per warning code, each with the warning it provokes alone. They sit in a
/// folder of their own so that the glob above keeps its one file and its snapshot's name.
#[test]
fn each_warning_code_fixture_warns_and_does_not_fail() {
    insta::glob!("fixtures/warnings/by-code/*.yaml", |path| {
        let rel = relative(path);
        let out = sandtable().args(["validate", &rel]).assert().success().get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(stderr.contains("warning"), "{rel}: expected warnings");
        assert!(!stderr.contains(": error"), "{rel}: expected warnings only:\n{stderr}");
        insta::assert_snapshot!(stderr);
    });
}

#[test]
fn a_plan_shared_by_scenarios_is_reported_once() {
    let out = sandtable()
        .args([
            "validate",
            "tests/fixtures/warnings/plan-weaknesses.yaml",
            "tests/fixtures/warnings/plan-weaknesses.yaml",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("has no recovery procedure").count(), 1, "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    sandtable().arg("validate").assert().code(2);
    sandtable().arg("frobnicate").assert().code(2);
    sandtable().args(["schema", "spreadsheet"]).assert().code(2);
}

#[test]
fn a_missing_file_is_an_input_error() {
    sandtable()
        .args(["validate", "no/such/file.yaml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no/such/file.yaml"));
}

#[test]
fn every_subcommand_has_an_example_in_its_help() {
    for sub in ["validate", "schema"] {
        sandtable().args([sub, "--help"]).assert().success().stdout(predicates::str::contains("Example"));
    }
}
