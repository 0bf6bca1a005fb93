//! `sandtable run` end to end: every shipped scenario plays, output is byte-identical for
//! the same inputs, results are pinned by golden snapshots, and bad decisions are located.

mod common;

use common::{root, sandtable};
use proptest::prelude::*;

fn run_into(dir: &std::path::Path, scenario: &str, extra: &[&str]) -> String {
    let out = sandtable()
        .args(["run", &format!("scenarios/{scenario}.yaml"), "--out"])
        .arg(dir)
        .args(extra)
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_shipped_scenario_runs_and_is_byte_identical_when_repeated() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for scenario in common::shipped_scenarios() {
        let scenario = scenario.as_str();
        let (a, b) = (tmp.path().join(format!("{scenario}-a")), tmp.path().join(format!("{scenario}-b")));
        let summary = run_into(&a, scenario, &[]);
        run_into(&b, scenario, &[]);
        for file in ["events.jsonl", "results.json"] {
            let first = std::fs::read(a.join(file)).expect("written");
            assert!(!first.is_empty(), "{scenario}/{file} is empty");
            assert_eq!(first, std::fs::read(b.join(file)).expect("written"), "{scenario}/{file} differs");
        }
        let summary = summary.replace(&a.display().to_string(), "OUT");
        insta::assert_snapshot!(format!("summary-{scenario}"), summary);
    }
}

/// The golden results: if these change, reports made with an earlier release no longer
/// reproduce. Change them only on purpose, and say so in the release notes.
#[test]
fn golden_results_of_the_data_centre_scenario() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run_into(tmp.path(), "dc-power-loss", &["--decisions", "scenarios/decisions/dc-power-loss.yaml"]);
    let results = std::fs::read_to_string(tmp.path().join("results.json")).expect("written");
    insta::assert_snapshot!("results-dc-power-loss", results);
    let events = std::fs::read_to_string(tmp.path().join("events.jsonl")).expect("written");
    insta::assert_snapshot!("events-dc-power-loss", events);
}

#[test]
fn seed_flag_changes_the_course() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run_into(&tmp.path().join("a"), "dc-power-loss", &["--seed", "1"]);
    run_into(&tmp.path().join("b"), "dc-power-loss", &["--seed", "2"]);
    let read = |d: &str| std::fs::read(tmp.path().join(d).join("events.jsonl")).expect("written");
    assert_ne!(read("a"), read("b"));
}

#[test]
fn answers_from_a_decisions_file_are_used() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run_into(tmp.path(), "dc-power-loss", &["--decisions", "scenarios/decisions/dc-power-loss.yaml"]);
    let results: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("results.json")).expect("written"))
            .expect("json");
    let d = &results["decisions"][0];
    assert_eq!(
        (d["option"].as_str(), d["latency"].as_i64(), d["by_default"].as_bool()),
        (Some("declare"), Some(480), Some(false))
    );
}

#[test]
fn a_bad_decisions_file_is_located() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let bad = tmp.path().join("answers.yaml");
    std::fs::write(&bad, "format_version: 1\ndecisions:\n  failover: { option: panic, after: 5m }\n  failvoer: { option: declare, after: 5m }\n")
        .expect("write");
    let out = sandtable()
        .args(["run", "scenarios/dc-power-loss.yaml", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--decisions")
        .arg(&bad)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("answers.yaml:3:23"), "{stderr}");
    assert!(stderr.contains("answers.yaml:4:3"), "{stderr}");
    assert!(stderr.contains("has no option `panic`"), "{stderr}");
    assert!(stderr.contains("unknown decision `failvoer`"), "{stderr}");
    assert!(stderr.contains("did you mean `failover`?"), "{stderr}");
    assert!(!tmp.path().join("out").exists(), "nothing is written when the input is bad");
}

#[test]
fn an_invalid_scenario_is_not_run() {
    sandtable().args(["run", "tests/fixtures/invalid/scenario-bad-references.yaml"]).assert().code(1);
}

/// The shipped scenarios compiled with their scripts, once for the whole test binary:
/// compiling them is what a case of the property below would otherwise spend its time on.
fn shipped_models() -> &'static [(sandtable::compile::Model, sandtable::script::ScriptHost)] {
    static MODELS: std::sync::OnceLock<Vec<(sandtable::compile::Model, sandtable::script::ScriptHost)>> =
        std::sync::OnceLock::new();
    MODELS.get_or_init(|| {
        common::shipped_scenarios().iter().map(|s| common::scripted(&format!("scenarios/{s}.yaml"))).collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// For any seed: the clock never runs backwards, and every outage ends either
    /// recovered at a time within the exercise or explicitly not recovered.
    #[test]
    fn clock_is_monotonic_and_every_outage_is_settled(seed in any::<u64>(), which in 0usize..64) {
        let models = shipped_models();
        let (m, host) = &models[which % models.len()];
        let out = sandtable::engine::Engine::with_scripts(m, host).play(seed, &mut sandtable::engine::Defaults).expect("plays");
        prop_assert!(out.log.windows(2).all(|w| w[0].t <= w[1].t));
        prop_assert!(out.log.iter().all(|e| (0..=m.meta.duration).contains(&e.t)));
        prop_assert_eq!(out.log.last().map(|e| e.kind), Some(sandtable::outcome::LogKind::End));
        let r = sandtable::results::Results::new(m, &out);
        for f in &r.functions {
            for o in &f.outages {
                match o.recovered_at {
                    Some(t) => prop_assert!(t >= o.start && t <= m.meta.duration && o.recovered_by.is_some()),
                    None => prop_assert!(o.recovered_by.is_none() && o.back_after.is_none()),
                }
            }
        }
    }
}

#[test]
fn shipped_decisions_file_validates() {
    let file = root().join("scenarios/decisions/dc-power-loss.yaml");
    sandtable().arg("validate").arg(file).assert().success();
}

/// Every journal `run --decisions` refuses is refused at the line at fault, with the file
/// named: `tests/fixtures/journals/refused/*.jsonl`, replayed on the data-centre scenario.
#[test]
fn each_refused_journal_is_located_at_its_line() {
    insta::glob!("fixtures/journals/refused/*.jsonl", |path| {
        let rel = common::relative(path);
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = common::sandtable()
            .args(["run", "scenarios/dc-power-loss.yaml", "--decisions", &rel, "--out"])
            .arg(tmp.path())
            .assert()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(stderr.contains(&format!("{rel}:")), "{rel}: not located:\n{stderr}");
        insta::assert_snapshot!(stderr);
    });
}

#[test]
fn the_summary_speaks_the_report_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = common::sandtable()
        .args(["run", "scenarios/dc-power-loss.yaml", "--lang", "zh", "--out"])
        .arg(tmp.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    for phrase in ["业务功能", "恢复用时", "呼叫树：", "相关方", "已将 events.jsonl"] {
        assert!(stdout.contains(phrase), "missing {phrase:?}:\n{stdout}");
    }
    for word in ["Function", "Back after", "Declared", "Call tree", "Stakeholder", "Wrote", "seed", "yes"] {
        assert!(!stdout.contains(word), "English {word:?} in the Chinese summary:\n{stdout}");
    }
}
