//! `play` at the prompt and around it: escape codes never reach the journal, settings
//! that make no sense are refused, warnings do not fill the projector, the language
//! follows `--lang`, `SANDTABLE_LANG` or the locale.

mod common;

use std::path::Path;

use common::sandtable;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Arrow keys through a terminal without line editing arrive as escape sequences: the
/// session reads the line without them, so neither the journal nor the report holds one.
#[test]
fn escape_codes_typed_at_the_prompt_never_reach_the_journal_or_the_report() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = "next\n\u{1b}[A\nnote generator\u{1b}[D\u{1b}[D\u{1b}[C contract\u{7} missing\nend\n";
    let out = sandtable()
        .args(["play", "scenarios/dc-power-loss.yaml", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--journal")
        .arg(tmp.path().join("journal.jsonl"))
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let journal = read(&tmp.path().join("journal.jsonl"));
    let report = read(&tmp.path().join("out/report.md"));
    assert!(journal.contains("\"text\":\"generator contract missing\""), "{journal}");
    assert!(report.contains("generator contract missing"), "{report}");
    for (name, text) in [("journal", &journal), ("report", &report), ("stdout", &stdout.to_string())] {
        assert!(!text.contains('\u{1b}') && !text.contains("\\u001b"), "{name} holds an escape:\n{text}");
        assert!(!text.contains("[D") && !text.contains("[A"), "{name} holds the rest of an escape:\n{text}");
    }
    // The arrow alone is not the Enter that moves the clock on: one inject, not two.
    assert_eq!(stdout.matches("INJECT #").count(), 1, "{stdout}");
}

#[test]
fn a_pace_that_is_not_a_positive_finite_number_is_a_usage_error() {
    for pace in ["0", "-60", "NaN", "inf"] {
        sandtable()
            .args(["play", "scenarios/dc-power-loss.yaml", "--pace", pace])
            .write_stdin("end\n")
            .assert()
            .code(2)
            .stderr(predicates::str::contains(format!("--pace {pace}:")))
            .stderr(predicates::str::contains("must be a positive, finite number"));
    }
}

const WEAK: &str = "tests/fixtures/play/weak-plan.yaml";

/// On the projector the plan's eleven warnings are one line; `--quiet` drops even that;
/// `run` draws them unless `--quiet`; `validate --quiet` draws errors only.
#[test]
fn warnings_are_one_line_at_play_and_nothing_with_quiet() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let play = |extra: &[&str], dir: &str| {
        let out = sandtable()
            .args(["play", WEAK, "--out"])
            .arg(tmp.path().join(dir))
            .args(extra)
            .write_stdin("end\n")
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert_eq!(play(&[], "a"), format!("11 warnings; see `sandtable validate {WEAK}`\n"));
    assert_eq!(play(&["--quiet"], "b"), "");
    assert_eq!(play(&["--lang", "zh"], "c"), format!("有 11 条警告；详见 `sandtable validate {WEAK}`\n"));

    let run = |extra: &[&str]| {
        let out =
            sandtable().args(["run", WEAK, "--out"]).arg(tmp.path().join("run")).args(extra).output().expect("runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(run(&[]).contains("plan::runbook-at-risk"), "run draws every warning");
    assert_eq!(run(&["-q"]), "");

    let validate = sandtable().args(["validate", "--quiet", WEAK]).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&validate.stderr), "");
    assert_eq!(String::from_utf8_lossy(&validate.stdout), format!("{WEAK}: 0 errors, 11 warnings\n"));
}

/// `validate`'s own lines follow the language rule: `--lang`, then `SANDTABLE_LANG`, then
/// the locale.
#[test]
fn validate_speaks_the_language_the_rule_chooses() {
    let status = |env: &[(&str, &str)], extra: &[&str]| {
        let mut cmd = sandtable();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out =
            cmd.args(["validate", "-q", WEAK, "scenarios/warehouse-fire.yaml"]).args(extra).output().expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let zh = format!("{WEAK}: 0 个错误，11 条警告\nscenarios/warehouse-fire.yaml: 通过\n");
    let en = format!("{WEAK}: 0 errors, 11 warnings\nscenarios/warehouse-fire.yaml: ok\n");
    assert_eq!(status(&[], &[]), en);
    assert_eq!(status(&[], &["--lang", "zh"]), zh);
    assert_eq!(status(&[("SANDTABLE_LANG", "zh")], &[]), zh);
    assert_eq!(status(&[("LANG", "zh_CN.UTF-8")], &[]), zh);
    assert_eq!(status(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")], &[]), en);
    assert_eq!(status(&[("SANDTABLE_LANG", "zh")], &["--lang", "en"]), en);
    // A file with errors: the closing line too.
    let out = sandtable()
        .env("SANDTABLE_LANG", "zh")
        .args(["validate", "tests/fixtures/invalid/plan-duplicate-id.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("未通过检查：tests/fixtures/invalid/plan-duplicate-id.yaml"), "{stderr}");
    sandtable()
        .env("SANDTABLE_LANG", "klingon")
        .args(["validate", WEAK])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("SANDTABLE_LANG=klingon: expected `en` or `zh`"));
}
