//! Exercise records end to end: what `run` and `play` keep in the output folder, and
//! `rerun` replaying a record, detecting a changed input or result, surviving a move,
//! and never writing into the record or reading outside it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{root, sandtable};
use sandtable::inputs::sha256_hex;

fn run(scenario: &str, out: &Path, extra: &[&str]) {
    sandtable().args(["run", scenario, "--out"]).arg(out).args(extra).assert().success();
}

fn rerun(dir: &Path) -> assert_cmd::assert::Assert {
    sandtable().arg("rerun").arg(dir).assert()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` with its bytes and modification time.
fn contents(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let modified = entry.metadata().and_then(|m| m.modified()).expect("mtime");
                out.insert(path.clone(), (std::fs::read(&path).expect("bytes"), modified));
            }
        }
    }
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for (path, (bytes, _)) in contents(from) {
        let target = to.join(path.strip_prefix(from).expect("inside"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::write(target, bytes).expect("copy");
    }
}

#[test]
fn every_shipped_scenario_reruns_byte_for_byte() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for scenario in common::shipped_scenarios() {
        let out = tmp.path().join(&scenario);
        run(&format!("scenarios/{scenario}.yaml"), &out, &[]);
        rerun(&out).success().stdout(predicates::str::contains("results.json is the same byte for byte"));
    }
}

#[test]
fn the_record_keeps_the_inputs_in_their_layout_with_their_sha256() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let decisions = "scenarios/decisions/dc-power-loss.yaml";
    run("scenarios/dc-power-loss.yaml", tmp.path(), &["--decisions", decisions]);
    // The scenario's relative paths resolve from the copy: plans/… and ../scripts/….
    let originals = [
        ("inputs/scenarios/dc-power-loss.yaml", "scenarios/dc-power-loss.yaml"),
        ("inputs/scenarios/plans/it-operations.yaml", "scenarios/plans/it-operations.yaml"),
        ("inputs/scripts/ups-runtime.rhai", "scripts/ups-runtime.rhai"),
        ("inputs/decisions.yaml", decisions),
    ];
    let report = json(&tmp.path().join("report.json"));
    let record = json(&tmp.path().join("record.json"));
    assert_eq!(report["record"], record, "report.json carries the record");
    assert_eq!(record["schema_version"], 1);
    assert_eq!(record["sandtable_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(record["seed"], 2026);
    assert_eq!(record["date"], "2026-12-05");
    assert_eq!(record["scenario"], "inputs/scenarios/dc-power-loss.yaml");
    assert_eq!(record["answers"], "inputs/decisions.yaml");
    let inputs = record["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), originals.len());
    for (kept, original) in originals {
        let text = read(&root().join(original));
        assert_eq!(read(&tmp.path().join(kept)), text, "{kept} is the file as played");
        let entry = inputs.iter().find(|i| i["path"] == kept).unwrap_or_else(|| panic!("{kept} listed"));
        assert_eq!(entry["sha256"], sha256_hex(&text), "{kept}");
    }
    let manifest = read(&tmp.path().join(".sandtable.manifest"));
    for kept in originals.map(|(k, _)| k).into_iter().chain(["record.json"]) {
        assert!(manifest.lines().any(|l| l == kept), "the manifest lists {kept}:\n{manifest}");
    }
    rerun(tmp.path()).success();
    // Without the decisions file the next run's record no longer holds it.
    run("scenarios/dc-power-loss.yaml", tmp.path(), &[]);
    assert!(!tmp.path().join("inputs/decisions.yaml").exists(), "a stale input is removed");
    assert!(json(&tmp.path().join("record.json")).get("answers").is_none());
    rerun(tmp.path()).success();
}

#[test]
fn a_changed_input_is_refused_with_its_name() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run("scenarios/dc-power-loss.yaml", tmp.path(), &[]);
    let plan = tmp.path().join("inputs/scenarios/plans/it-operations.yaml");
    std::fs::write(&plan, read(&plan).replace("rto: 4h", "rto: 8h")).expect("tamper");
    let before = contents(tmp.path());
    let assert = rerun(tmp.path()).code(1);
    let message = stderr(&assert);
    assert!(message.contains("inputs/scenarios/plans/it-operations.yaml"), "{message}");
    assert!(message.contains("SHA-256"), "{message}");
    assert_eq!(contents(tmp.path()), before, "the record is not touched");
}

#[test]
fn a_changed_result_is_named_at_its_first_differing_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run("scenarios/warehouse-fire.yaml", tmp.path(), &["--format", "json"]);
    let results = tmp.path().join("results.json");
    let text = read(&results);
    let line = text.lines().position(|l| l.contains("\"ended_at\"")).expect("ended_at") + 1;
    std::fs::write(&results, text.replacen("\"ended_at\": ", "\"ended_at\": 9", 1)).expect("tamper");
    let before = contents(tmp.path());
    let assert = rerun(tmp.path()).code(1);
    let message = stderr(&assert);
    assert!(message.contains(&format!("results.json differs at line {line}")), "{message}");
    assert!(message.contains("recorded:   \"ended_at\": 9"), "{message}");
    assert!(message.contains("replayed:   \"ended_at\": "), "{message}");
    assert_eq!(contents(tmp.path()), before, "the record is not touched");
}

#[test]
fn a_record_of_a_live_session_reruns_from_its_journal() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    sandtable()
        .args(["play", "scenarios/dc-power-loss.yaml", "--out"])
        .arg(&out)
        .arg("--journal")
        .arg(tmp.path().join("session.jsonl"))
        .write_stdin("next\nnext\nnote no generator contract\nnext\nnext\nnext\nnext\ndeclare 6m\njump T+3:00\nend\n")
        .assert()
        .success();
    let record = json(&out.join("record.json"));
    assert_eq!(record["answers"], "inputs/journal.jsonl");
    assert_eq!(read(&out.join("inputs/journal.jsonl")), read(&tmp.path().join("session.jsonl")));
    assert!(read(&out.join("results.json")).contains("\"latency\": 360"), "the team's answer was played");
    rerun(&out).success();
}

#[test]
fn a_moved_record_still_reruns() {
    let made = tempfile::tempdir().expect("temp dir");
    run("scenarios/key-person-unreachable.yaml", made.path(), &["--lang", "zh", "--format", "md,json", "--seed", "7"]);
    let moved = tempfile::tempdir().expect("temp dir");
    let elsewhere = moved.path().join("archive/2027/drill");
    copy_tree(made.path(), &elsewhere);
    drop(made);
    // Replayed in the recorded language, with the recorded reports.
    rerun(&elsewhere).success().stdout(predicates::str::contains("逐字节一致"));
    let record = json(&elsewhere.join("record.json"));
    assert_eq!(record["reports"], serde_json::json!(["report.md", "report.json"]));
    assert_eq!(record["seed"], 7);
}

#[test]
fn a_plan_given_with_plan_is_recorded_and_replayed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run("scenarios/warehouse-fire.yaml", tmp.path(), &["--plan", "scenarios/plans/chem-trading.yaml"]);
    assert_eq!(json(&tmp.path().join("record.json"))["plan"], "inputs/scenarios/plans/chem-trading.yaml");
    rerun(tmp.path()).success();
}

#[test]
fn a_replay_reads_nothing_outside_the_record() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // A scenario that names its plan and script by absolute paths.
    let scenario = tmp.path().join("absolute.yaml");
    let text = read(&root().join("scenarios/dc-power-loss.yaml"))
        .replace("plan: plans/", &format!("plan: {}/scenarios/plans/", root().display()))
        .replace("[../scripts/", &format!("[{}/scripts/", root().display()));
    std::fs::write(&scenario, text).expect("write");
    let out = tmp.path().join("out");
    run(scenario.to_str().expect("UTF-8 path"), &out, &[]);
    let assert = rerun(&out).code(1);
    assert!(stderr(&assert).contains("outside the record"), "{}", stderr(&assert));
}

#[test]
fn records_that_cannot_be_replayed_are_refused_clearly() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let no_record = rerun(tmp.path()).code(1);
    assert!(stderr(&no_record).contains("not an exercise record"), "{}", stderr(&no_record));

    run("scenarios/supplier-cut-off.yaml", tmp.path(), &["--format", "json"]);
    let path = tmp.path().join("record.json");
    let good = read(&path);
    let refusals = [
        (good.replace("\"schema_version\": 1", "\"schema_version\": 99"), "newer sandtable"),
        (good.replace("\"scenario\": \"inputs/", "\"scenario\": \"inputs/../../"), "not among its inputs"),
        (good.replacen("\"path\": \"inputs/", "\"path\": \"/etc/", 1), "not inside inputs/"),
        ("{ not json".to_owned(), "not a readable record"),
    ];
    for (text, expected) in refusals {
        std::fs::write(&path, &text).expect("write");
        let assert = rerun(tmp.path()).code(1);
        assert!(stderr(&assert).contains(expected), "{expected}: {}", stderr(&assert));
    }
}
