//! `sandtable diff OLD_PLAN NEW_PLAN`: each kind of change, found by id, with its old
//! and new values. The new plans are the shipped it-operations plan with one edit each.

mod common;

use common::{root, sandtable};
use serde_json::{Value, json};

const PLAN: &str = "scenarios/plans/it-operations.yaml";

/// The diff (as JSON) from the shipped plan to a copy with `from` replaced by `to`.
fn diff_after(from: &str, to: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(root().join(PLAN)).unwrap();
    assert!(text.contains(from), "the shipped plan no longer has {from}");
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.yaml");
    std::fs::write(&new, text.replacen(from, to, 1)).unwrap();
    let output = sandtable().args(["diff", PLAN]).arg(&new).args(["--format", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    value["changes"].as_array().unwrap().clone()
}

fn one(changes: &[Value]) -> &Value {
    assert_eq!(changes.len(), 1, "{changes:#?}");
    &changes[0]
}

#[test]
fn the_same_plan_has_no_changes() {
    let out = sandtable().args(["diff", PLAN, PLAN]).assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("No changes in functions"));
}

#[test]
fn a_function_target() {
    let c = diff_after("    rto: 2h\n", "    rto: 3h\n");
    assert_eq!(
        one(&c),
        &json!({"section": "functions", "id": "core-db-service", "kind": "changed",
            "fields": [{"field": "rto", "old": "2h", "new": "3h"}]})
    );
}

#[test]
fn a_role_backup() {
    let c = diff_after("primary: ma-jun, backups: [song-yu]", "primary: ma-jun, backups: [song-yu, tang-li]");
    assert_eq!(one(&c)["id"], "dba");
    assert_eq!(one(&c)["fields"], json!([{"field": "backups", "old": "song-yu", "new": "song-yu, tang-li"}]));
}

#[test]
fn a_person_channel() {
    let c = diff_after(
        "      - { channel: phone, answers: { lognormal: { median: 5m, p90: 15m } } }\n      - { channel: email,",
        "      - { channel: chat, answers: { lognormal: { median: 5m, p90: 15m } } }\n      - { channel: email,",
    );
    assert_eq!(one(&c)["section"], "people");
    assert_eq!(one(&c)["fields"], json!([{"field": "contacts", "old": "phone, email", "new": "chat, email"}]));
}

#[test]
fn a_call_tree_link_channel_and_deadline() {
    let c = diff_after(
        "- { from: it-lead, to: dba, deadline: 30m }",
        "- { from: it-lead, to: dba, channels: [chat], deadline: 20m }",
    );
    assert_eq!(one(&c)["id"], "it-lead → dba");
    assert_eq!(
        one(&c)["fields"],
        json!([{"field": "channels", "old": null, "new": "chat"}, {"field": "deadline", "old": "30m", "new": "20m"}])
    );
}

#[test]
fn a_runbook_location() {
    let c = diff_after(
        "        duration: { triangular: { min: 2h, mode: 3h, max: 6h } }\n        runbook: { kept_at: docs-drive }",
        "        duration: { triangular: { min: 2h, mode: 3h, max: 6h } }\n        runbook: { kept_at: hq-office }",
    );
    assert_eq!(one(&c)["id"], "restore-office/restore");
    assert_eq!(one(&c)["fields"], json!([{"field": "kept_at", "old": "docs-drive", "new": "hq-office"}]));
}

#[test]
fn a_backup_and_replication() {
    let c = diff_after("replication: { target: dr-cloud, lag: 2m }", "replication: { target: dr-cloud, lag: 30s }");
    assert_eq!(one(&c)["fields"], json!([{"field": "replication", "old": "dr-cloud (2m)", "new": "dr-cloud (30s)"}]));
    let c =
        diff_after("backup: { interval: 15m, stored_at: dr-cloud }", "backup: { interval: 5m, stored_at: dr-cloud }");
    assert_eq!(one(&c)["id"], "core-db");
    assert_eq!(one(&c)["fields"][0]["new"], "5m @ dr-cloud");
}

#[test]
fn a_supplier_alternate() {
    let c = diff_after("lead_time: 48h", "lead_time: 24h");
    assert_eq!(
        one(&c)["fields"],
        json!([{"field": "alternates", "old": "colo-partner (2d)", "new": "colo-partner (1d)"}])
    );
}

#[test]
fn an_added_and_a_removed_item() {
    let c = diff_after(
        "  - { id: colo-partner, name: Colocation partner, provides: Standby racks }",
        "  - { id: colo-partner-2, name: Second colocation partner }",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!((c[0]["id"].as_str(), c[0]["kind"].as_str()), (Some("colo-partner"), Some("removed")));
    assert_eq!((c[1]["id"].as_str(), c[1]["kind"].as_str()), (Some("colo-partner-2"), Some("added")));
}

#[test]
fn markdown_names_the_plans_and_the_values() {
    let new = root().join("tests/fixtures/compare/it-operations-2027.yaml");
    let out = sandtable().args(["diff", PLAN]).arg(&new).assert().success();
    let md = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(md.starts_with("## Plan changes: scenarios/plans/it-operations.yaml → "), "{md}");
    assert!(md.contains("| `restore-core-db/assess` | changed | kept_at | docs-drive | dc-main |"), "{md}");
    assert!(md.contains("| `app-service` | changed | rto | 4h | 5h |"), "{md}");
}

#[test]
fn a_file_that_is_not_a_plan_is_refused() {
    sandtable().args(["diff", PLAN, "scenarios/dc-power-loss.yaml"]).assert().code(1);
    sandtable().args(["diff", PLAN, "no-such-plan.yaml"]).assert().code(1);
}
