//! `sandtable compare` and `sandtable diff` end to end. The history: the shipped
//! dc-power-loss scenario played in three years against the plan as it stood each year
//! (`tests/fixtures/compare/`): 2026 the shipped plan; 2027 the core database's
//! runbooks moved to the main data centre (which goes down), the application's RTO
//! relaxed from 4h to 5h, a storage backup added, the operator → IT lead link by e-mail
//! only; 2028 that link by phone again, the runbooks still at the main site.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{root, sandtable};
use serde_json::Value;

/// The three records, made once per test binary.
fn history() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        for year in ["2026", "2027", "2028"] {
            let tree = dir.path().join(format!("src-{year}"));
            copy_dir(&root().join("scenarios"), &tree.join("scenarios"));
            copy_dir(&root().join("scripts"), &tree.join("scripts"));
            if year != "2026" {
                let plan = root().join(format!("tests/fixtures/compare/it-operations-{year}.yaml"));
                std::fs::copy(plan, tree.join("scenarios/plans/it-operations.yaml")).expect("copy plan");
            }
            let scenario = tree.join("scenarios/dc-power-loss.yaml");
            let text = read(&scenario);
            assert!(text.contains("date: 2026-12-05"), "the shipped scenario's date moved");
            std::fs::write(&scenario, text.replace("date: 2026-12-05", &format!("date: {year}-12-05"))).expect("write");
            sandtable()
                .arg("run")
                .arg(&scenario)
                .arg("--decisions")
                .arg(tree.join("scenarios/decisions/dc-power-loss.yaml"))
                .arg("--out")
                .arg(dir.path().join(format!("records/drill-{year}")))
                .arg("-q")
                .assert()
                .success();
        }
        dir
    })
    .path()
}

fn records() -> PathBuf {
    history().join("records")
}

fn record(year: &str) -> PathBuf {
    records().join(format!("drill-{year}"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy");
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs `compare` with `args` into a fresh folder; (comparison.md, comparison.json).
fn compare(args: &[&std::ffi::OsStr]) -> (String, Value) {
    let out = tempfile::tempdir().expect("temp dir");
    sandtable().arg("compare").args(args).arg("--out").arg(out.path()).assert().success();
    let json = serde_json::from_str(&read(&out.path().join("comparison.json"))).expect("json");
    (read(&out.path().join("comparison.md")), json)
}

fn whole_history() -> (String, Value) {
    compare(&[records().as_os_str()])
}

fn regressions(json: &Value) -> Vec<Value> {
    json["regressions"].as_array().expect("regressions").clone()
}

fn has_regression(json: &Value, kind: &str, check: impl Fn(&Value) -> bool) -> bool {
    regressions(json).iter().any(|r| r["kind"] == kind && check(r))
}

#[test]
fn exercises_are_ordered_by_date_whatever_the_order_given() {
    let (_, json) = compare(&[record("2028").as_os_str(), record("2026").as_os_str(), record("2027").as_os_str()]);
    let names: Vec<&str> = json["exercises"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["drill-2026", "drill-2027", "drill-2028"]);
    assert_eq!(json["schema_version"], 2);
    // By date before name: the 2026 report in a folder whose name sorts last.
    let renamed = tempfile::tempdir().unwrap();
    let oldest = renamed.path().join("zz-oldest");
    std::fs::create_dir(&oldest).unwrap();
    std::fs::copy(record("2026").join("report.json"), oldest.join("report.json")).unwrap();
    let (_, json) = compare(&[renamed.path().as_os_str(), record("2027").as_os_str()]);
    let names: Vec<&str> = json["exercises"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["zz-oldest", "drill-2027"]);
}

#[test]
fn a_function_that_met_its_rto_and_now_misses_it_is_a_regression() {
    let (md, json) = whole_history();
    // 2026: core database back after 1h 25m (RTO 2h, met); 2027: its runbooks at the
    // failed site add the runbook delay: 4h 15m, missed.
    assert!(has_regression(&json, "rto_now_missed", |r| r["function"] == "Core database service"
        && r["exercise"] == 1
        && r["reference"] == 0));
    assert!(md.contains("Core database service met its RTO in drill-2026 and misses it in drill-2027."));
    // 2027 → 2028 it missed in both: not a new regression.
    assert!(!has_regression(&json, "rto_now_missed", |r| r["exercise"] == 2));
}

#[test]
fn a_rating_that_dropped_is_a_regression() {
    let (md, json) = whole_history();
    assert!(has_regression(&json, "rating_dropped", |r| r["objective"] == "recover-core"
        && r["old"] == "P"
        && r["new"] == "U"
        && r["exercise"] == 1));
    assert!(md.contains("Objective `recover-core` dropped from P to U in drill-2027."));
}

#[test]
fn a_delay_that_grew_by_more_than_a_quarter_is_a_regression() {
    let (md, json) = whole_history();
    // Call tree complete: 11m in 2026, 43m in 2027 (e-mail only to the IT lead).
    assert!(has_regression(&json, "delay_grew", |r| r["measure"]["kind"] == "call_tree_complete"
        && r["old"] == 660
        && r["new"] == 2580));
    assert!(md.contains("Call tree complete grew by more than 25 % in drill-2027: 11m → 43m."));
    // The operator → IT lead link by e-mail only: per-link delays are compared too.
    let link = "On-duty operator (值班运维) → IT operations lead (运维负责人)";
    assert!(has_regression(&json, "delay_grew", |r| r["measure"]["kind"] == "link" && r["measure"]["id"] == link));
    assert!(md.contains(&format!("Call {link} grew by more than 25 % in drill-2027: 5m → 18m.")));
    // 2027 → 2028 every delay shrank.
    assert!(!has_regression(&json, "delay_grew", |r| r["exercise"] == 2));
}

#[test]
fn a_recurring_finding_is_flagged_first() {
    let (md, json) = whole_history();
    let first = &regressions(&json)[0];
    assert_eq!(first["kind"], "recurring_finding");
    assert!(has_regression(&json, "recurring_finding", |r| r["id"] == "runbooks-at-site:dc-main" && r["exercise"] == 2));
    let regressions_section = md.split("## Functions").next().unwrap();
    assert!(regressions_section.contains("Finding `runbooks-at-site:dc-main` came back in drill-2028"));
    let finding = json["findings"].as_array().unwrap().iter().find(|f| f["id"] == "runbooks-at-site:dc-main");
    assert_eq!(finding.unwrap()["status"], serde_json::json!([null, "new", "recurring"]));
}

#[test]
fn a_finding_that_did_not_come_back_is_resolved() {
    let (_, json) = whole_history();
    let finding = json["findings"].as_array().unwrap().iter().find(|f| f["id"] == "notification-late:it-lead");
    assert_eq!(finding.unwrap()["status"], serde_json::json!([null, "new", "resolved"]));
}

#[test]
fn a_target_changed_in_the_plan_is_flagged_not_counted_as_improvement() {
    let (md, json) = whole_history();
    let app = json["functions"].as_array().unwrap().iter().find(|f| f["id"] == "app-service").unwrap();
    assert_eq!(
        app["points"][1]["target_changes"],
        serde_json::json!([{ "target": "rto", "old": 14400, "new": 18000 }])
    );
    assert_eq!(app["points"][2]["target_changes"], serde_json::json!([]));
    assert!(md.contains("**target changed in the plan: RTO 4h → 5h (not an improvement)**"));
    // The relaxed RTO does not turn the slower recovery into a met one either.
    assert_eq!(app["points"][1]["rto_met"], false);
}

#[test]
fn improvement_items_are_closed_not_effective_or_not_yet_due() {
    let (md, json) = whole_history();
    let items = json["improvement_items"].as_array().unwrap();
    let status = |finding: &str| items.iter().find(|i| i["finding"] == finding).unwrap()["status"].clone();
    // Raised in 2027, due in January 2028; the runbooks came back in December 2028.
    assert_eq!(status("runbooks-at-site:dc-main"), "not_effective");
    // The e-mail-only link was fixed: its finding did not come back.
    assert_eq!(status("notification-late:it-lead"), "closed");
    assert!(md.contains("not effective: its finding came back"));

    // The same 2028 exercise dated before the items fall due: not yet due.
    let early = tempfile::tempdir().unwrap();
    let text = read(&record("2028").join("report.json")).replace("\"2028-12-05\"", "\"2027-12-20\"");
    std::fs::write(early.path().join("report.json"), text).unwrap();
    let (_, json) = compare(&[record("2027").as_os_str(), early.path().as_os_str()]);
    let items = json["improvement_items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["status"] == "not_yet_due"), "{items:?}");
}

#[test]
fn the_plan_diff_between_consecutive_exercises_comes_from_their_records() {
    let (md, json) = whole_history();
    let first = &json["plan_changes"][0];
    assert_eq!((first["from"].as_u64(), first["to"].as_u64()), (Some(0), Some(1)));
    let changes = first["diff"]["changes"].as_array().unwrap();
    let find = |section: &str, id: &str| changes.iter().find(|c| c["section"] == section && c["id"] == id).cloned();
    assert_eq!(find("runbooks", "restore-core-db/assess").unwrap()["fields"][0]["new"], "dc-main");
    assert_eq!(find("call_tree", "duty-ops → it-lead").unwrap()["fields"][0]["new"], "email");
    assert_eq!(find("systems", "storage").unwrap()["fields"][0]["new"], "1h @ dr-cloud");
    assert_eq!(find("functions", "app-service").unwrap()["fields"][0]["old"], "4h");
    assert!(md.contains("| `duty-ops → it-lead` | changed | channels | email | phone |"));
}

#[test]
fn a_baseline_is_what_every_exercise_is_compared_with() {
    let (_, json) = compare(&[records().as_os_str(), "--baseline".as_ref(), record("2026").as_os_str()]);
    assert_eq!(json["reference"], serde_json::json!([null, 0, 0]));
    // 2028 against 2026: the core database missed again, a regression from the baseline.
    assert!(has_regression(&json, "rto_now_missed", |r| r["exercise"] == 2 && r["reference"] == 0));
    assert_eq!(json["plan_changes"][1]["from"], 0);
}

#[test]
fn the_comparison_is_the_same_every_time_and_reads_as_expected() {
    let (md, _) = whole_history();
    let (again, _) = whole_history();
    assert_eq!(md, again);
    insta::assert_snapshot!("compare-history-md", md);
}

#[test]
fn the_html_page_is_self_contained_with_a_chart_per_function() {
    let out = tempfile::tempdir().unwrap();
    sandtable().arg("compare").arg(records()).arg("--out").arg(out.path()).assert().success();
    let html = read(&out.path().join("comparison.html"));
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    assert_eq!(html.matches("<svg").count(), 3, "one chart per function");
    assert!(html.contains("<td class=\"recurring\">recurring</td>"));
    assert!(html.contains("<td class=\"rU\">U</td>"));
    assert!(html.contains("<li>Finding runbooks-at-site:dc-main came back in drill-2028"));
}

#[test]
fn the_comparison_speaks_chinese() {
    let (md, _) = compare(&[records().as_os_str(), "--lang".as_ref(), "zh".as_ref()]);
    assert!(md.starts_with("# 演练对比"));
    assert!(md.contains("核心") || md.contains("Core database service在drill-2026中达到了 RTO"));
    assert!(md.contains("再次出现"));
    for english in ["Regressions", "Findings", "came back", "target changed"] {
        assert!(!md.contains(english), "{english} in the Chinese comparison");
    }
}

/// The chemical-trading programme of 2027 as shipped: key person unreachable (March),
/// warehouse fire (May), supplier cut off (September), each a different scenario.
fn programme() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        for scenario in ["key-person-unreachable", "warehouse-fire", "supplier-cut-off"] {
            sandtable()
                .arg("run")
                .arg(root().join(format!("scenarios/{scenario}.yaml")))
                .arg("--out")
                .arg(dir.path().join(scenario))
                .arg("-q")
                .assert()
                .success();
        }
        dir
    })
    .path()
}

fn by_id<'a>(json: &'a Value, list: &str, id: &str) -> &'a Value {
    json[list].as_array().unwrap().iter().find(|v| v["id"] == id).unwrap_or_else(|| panic!("no {list} {id}"))
}

#[test]
fn exercises_of_different_scenarios_compare_only_what_they_share() {
    let (md, json) = compare(&[programme().as_os_str()]);
    assert_eq!(json["same_scenario"], false);
    assert!(md.contains("These exercises played different scenarios."), "{md}");
    // No exercise has an earlier one of its scenario: nothing is its reference, and the
    // fire's 14h 52m against the cut-off's 3d for customer shipments is no regression.
    assert_eq!(json["reference"], serde_json::json!([null, null, null]));
    assert_eq!(json["regressions"], serde_json::json!([]));
    assert!(md.contains("No regressions can be judged: no exercise has an earlier one of the same scenario"));
    let shipments = by_id(&json, "functions", "customer-shipments");
    assert_eq!(shipments["points"][2]["rto_met"], false);
    assert!(shipments["points"][2]["change"].is_null());
    // What each did not cover: the supplier cut-off never touched the hazmat store.
    let gaps = json["not_covered"].as_array().unwrap();
    let cut_off = gaps.iter().find(|g| g["exercise"] == 2).unwrap();
    assert!(cut_off["functions"].as_array().unwrap().contains(&"hazmat-storage".into()), "{cut_off}");
    assert!(md.contains("- supplier-cut-off: Functions it did not disrupt: "), "{md}");
    // The fire's unanswered decision is never asked in the cut-off: not resolved there.
    let default = by_id(&json, "findings", "decision-default:notify-authority");
    assert_eq!(default["status"], serde_json::json!([null, "new", "not_retested"]));
    // The fire calls the general manager, but never with her away: whether her role
    // can be reached when she is, is not tested again by another scenario.
    let unreachable = by_id(&json, "findings", "role-unreachable:gm");
    assert_eq!(unreachable["status"], serde_json::json!(["new", "not_retested", "not_retested"]));
    let items = json["improvement_items"].as_array().unwrap();
    let item = items.iter().find(|i| i["finding"] == "decision-default:notify-authority").unwrap();
    assert_eq!(item["status"], "not_retested");
    assert!(md.contains("not put to the test since it was due"));
}

#[test]
fn what_an_exercise_did_not_cover_reads_as_chinese_sentences() {
    let (md, _) = compare(&[programme().as_os_str(), "--lang".as_ref(), "zh".as_ref()]);
    let line = md.lines().find(|l| l.starts_with("- supplier-cut-off：")).unwrap_or_else(|| panic!("{md}"));
    assert!(line.contains("未中断的业务功能：") && line.contains("。未包含的目标："), "{line}");
    assert!(line.contains("、"), "a Chinese list: {line}");
}

#[test]
fn objectives_of_different_ids_are_matched_by_their_capability() {
    let (md, json) = compare(&[programme().as_os_str()]);
    // `ship-again` (warehouse fire) and `switch-supplier` (supplier cut-off) both
    // exercise 供应链恢复 and never meet in one exercise: one row.
    let supply = by_id(&json, "objectives", "switch-supplier");
    assert_eq!(supply["matched_by_capability"], true);
    assert_eq!(supply["ids"], serde_json::json!([null, "ship-again", "switch-supplier"]));
    assert_eq!(supply["ratings"], serde_json::json!([null, "P", "U"]));
    assert!(json["objectives"].as_array().unwrap().iter().all(|o| o["id"] != "ship-again"));
    assert!(md.contains("`ship-again` / `switch-supplier`") && md.contains("(matched by capability: 供应链恢复)"));
    // `tell-customers` has the same id in both exercises that have it: matched by id.
    let tell = by_id(&json, "objectives", "tell-customers");
    assert_eq!(tell["matched_by_capability"], false);
    assert_eq!(tell["ratings"], serde_json::json!(["P", null, "P"]));
}

#[test]
fn an_exercise_is_compared_with_the_latest_of_its_own_scenario() {
    // 2026 data centre, May 2027 warehouse fire, December 2027 data centre again.
    let fire = programme().join("warehouse-fire");
    let (_, json) = compare(&[record("2026").as_os_str(), fire.as_os_str(), record("2027").as_os_str()]);
    assert_eq!(json["reference"], serde_json::json!([null, null, 0]));
    assert!(has_regression(&json, "rto_now_missed", |r| r["exercise"] == 2 && r["reference"] == 0));
    // Plans change between consecutive exercises, whatever each played.
    let steps: Vec<(u64, u64)> = json["plan_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["from"].as_u64().unwrap(), s["to"].as_u64().unwrap()))
        .collect();
    assert_eq!(steps, [(0, 1), (1, 2)]);
}

#[test]
fn a_finding_is_resolved_only_where_its_subject_was_put_to_the_test() {
    // The 2028 drill with every event about the IT lead taken out of its log and its
    // report: the late call to the IT lead cannot have been tested there.
    let copy = tempfile::tempdir().unwrap();
    copy_dir(&record("2028"), copy.path());
    let events: String = read(&copy.path().join("events.jsonl"))
        .lines()
        .filter(|l| !l.contains("\"it-lead\""))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(copy.path().join("events.jsonl"), events).unwrap();
    let (_, json) = compare(&[record("2027").as_os_str(), copy.path().as_os_str()]);
    let late = by_id(&json, "findings", "notification-late:it-lead");
    assert_eq!(late["status"], serde_json::json!(["new", "not_retested"]));
    // With its log, the same drill resolves it (see a_finding_that_did_not_come_back_is_resolved).
    let (_, json) = compare(&[record("2027").as_os_str(), record("2028").as_os_str()]);
    assert_eq!(by_id(&json, "findings", "notification-late:it-lead")["status"], serde_json::json!(["new", "resolved"]));
}

#[test]
fn a_report_from_a_newer_release_is_refused_by_name() {
    let newer = tempfile::tempdir().unwrap();
    let text = read(&record("2026").join("report.json")).replacen("\"schema_version\": 2", "\"schema_version\": 99", 1);
    let path = newer.path().join("report.json");
    std::fs::write(&path, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = sandtable().arg("compare").arg(&path).arg(record("2027")).arg("--out").arg(out.path()).assert();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert.code(1);
    assert!(stderr.contains(&path.display().to_string()) && stderr.contains("99"), "{stderr}");
    assert!(!out.path().join("comparison.md").exists());
}

#[test]
fn a_report_of_the_first_layout_is_still_compared() {
    // Layout 1 had no `record` section: the date comes from the overview, and there is no plan to diff.
    let old = tempfile::tempdir().unwrap();
    let mut value: Value = serde_json::from_str(&read(&record("2026").join("report.json"))).unwrap();
    value["schema_version"] = 1.into();
    value.as_object_mut().unwrap().remove("record");
    std::fs::write(old.path().join("report.json"), value.to_string()).unwrap();
    let (md, json) = compare(&[old.path().as_os_str(), record("2027").as_os_str()]);
    assert_eq!(json["exercises"][0]["date"], "2026-12-05");
    assert!(json["plan_changes"][0]["diff"].is_null());
    assert!(md.contains("One of the two records does not keep its plan"));
}

/// Records as earlier releases wrote them, frozen in `tests/fixtures/compare/layout-N/`
/// (the 2024 drill of the worked history): never regenerate these, they are what a
/// manager's archive holds. Every layout ever written must still compare.
#[test]
fn frozen_records_of_every_layout_still_compare() {
    let fixtures = root().join("tests/fixtures/compare");
    let (md, json) = compare(&[fixtures.join("layout-1").as_os_str(), fixtures.join("layout-2").as_os_str()]);
    let names: Vec<&str> = json["exercises"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["layout-1", "layout-2"]);
    assert_eq!(json["exercises"][0]["date"], "2024-12-05");
    let core = by_id(&json, "functions", "core-db-service");
    for k in 0..2 {
        assert_eq!(core["points"][k]["back_after"], 16698, "4h 38m 18s in layout {}", k + 1);
        assert_eq!(core["points"][k]["rto_met"], false);
    }
    assert_eq!(core["points"][1]["change"], 0);
    // Layout 1 kept no plan; layout 2 keeps it in inputs/, but the fixture keeps only
    // report.json and events.jsonl: no plan diff either way.
    assert!(json["plan_changes"][0]["diff"].is_null());
    let runbooks = by_id(&json, "findings", "runbooks-at-site:dc-main");
    assert_eq!(runbooks["status"], serde_json::json!(["new", "recurring"]));
    assert!(md.contains("Finding `runbooks-at-site:dc-main` came back in layout-2"));
}

#[test]
fn bad_inputs_are_refused_clearly() {
    let empty = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = sandtable().arg("compare").arg(empty.path()).arg("--out").arg(out.path()).assert().code(1);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("two or more exercise records"));
    let assert = sandtable().arg("compare").arg(record("2026")).arg("--out").arg(out.path()).assert().code(1);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("found 1"));
    let corrupt = empty.path().join("report.json");
    std::fs::write(&corrupt, "{ not json").unwrap();
    let assert = sandtable().arg("compare").arg(&corrupt).arg(record("2026")).arg("--out").arg(out.path()).assert();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert.code(1);
    assert!(stderr.contains("is not a readable report"), "{stderr}");
}

/// The worked history shipped in `examples/history/` (2024 e-mail-only call to the IT
/// lead and runbooks at the main data centre; 2025 phone first; 2026 runbooks in the
/// cloud), rebuilt as the README says: three runs, then `compare`. Its report is what a
/// manager would show: the runbook finding recurs in 2025 and is gone in 2026, and both
/// database-backed functions meet their RTO in 2026.
#[test]
fn the_shipped_worked_history_compares_as_documented() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for year in ["2024", "2025", "2026"] {
        sandtable()
            .arg("run")
            .arg(root().join(format!("examples/history/{year}/dc-power-loss.yaml")))
            .arg("--out")
            .arg(tmp.path().join(year))
            .arg("-q")
            .assert()
            .success();
    }
    let out = tmp.path().join("comparison");
    sandtable()
        .arg("compare")
        .arg(tmp.path())
        .arg("--out")
        .arg(&out)
        .args(["--format", "md,html,json"])
        .assert()
        .success();
    let md = read(&out.join("comparison.md"));
    let json: Value = serde_json::from_str(&read(&out.join("comparison.json"))).expect("json");
    assert!(md.contains("Finding `runbooks-at-site:dc-main` came back in 2025"), "{md}");
    assert!(!md.contains("Finding `runbooks-at-site:dc-main` came back in 2026"), "{md}");
    assert!(out.join("comparison.html").exists());
    let names: Vec<&str> =
        json["exercises"].as_array().expect("exercises").iter().filter_map(|e| e["name"].as_str()).collect();
    assert_eq!(names, ["2024", "2025", "2026"]);
    insta::assert_snapshot!("worked-history-md", md);
}
