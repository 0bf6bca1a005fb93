//! A whole session in Chinese through a pipe: commands, durations and confirmations as a
//! Chinese-speaking team types them, and not one English word that sandtable wrote in
//! what the table sees or in the report. Words that come from the plan, the scenario or
//! its scripts (ids such as `notify-now`, `phone`) are theirs, not sandtable's; so are
//! `T+` times, the acronyms RTO, RPO, MTD, the HSEEP improvement-plan item numbers
//! (`IP-1`, the same in every language so that records can refer to them) and the
//! program's own name.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{root, sandtable};

const SCENARIO: &str = "scenarios/warehouse-fire.yaml";

/// The session, each line with what it exercises.
const SESSION: &[&str] = &[
    "状态",                                // a slip: did you mean 状态板?
    "下一步",                              // the fire alarm
    "记录 备用仓位的钥匙\u{1b}[D不在现场", // an arrow key that must not reach the journal
    "下一步",
    "下一步",
    "下一步",
    "下一步",              // the general manager is reached and asked
    "assess-first 半小时", // past the 20-minute deadline: asks to confirm
    "否",                  // not recorded
    "notify-now 1小时30",  // a last number without its unit: a hint
    "notify-now 十分钟",   // recorded
    "状态板",              // the board
    "跳到 两小时",         // Chinese durations move the clock
    "下一步",
    "跳到 一天",
    "帮助", // the help
    "结束",
];

/// ASCII words of two letters or more.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2).map(str::to_owned).collect()
}

/// Every string value (not key) of a YAML file, as JSON values.
fn values(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| values(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| values(v, out)),
        _ => {}
    }
}

/// The words the inputs bring: string values of the scenario and its plan, string
/// literals of its scripts.
fn input_words() -> BTreeSet<String> {
    let mut text = String::new();
    for file in [SCENARIO, "scenarios/plans/chem-trading.yaml"] {
        let yaml = std::fs::read_to_string(root().join(file)).expect("reads");
        let doc: serde_json::Value = serde_saphyr::from_str(&yaml).expect("parses");
        values(&doc, &mut text);
    }
    let script = std::fs::read_to_string(root().join("scripts/fire-spread.rhai")).expect("reads");
    for (i, literal) in script.split('"').enumerate() {
        if i % 2 == 1 {
            text.push_str(literal);
            text.push('\n');
        }
    }
    words(&text)
}

fn english_words_sandtable_wrote(text: &str) -> Vec<String> {
    let allowed = input_words();
    words(text)
        .into_iter()
        .filter(|w| !allowed.contains(w) && !["RTO", "RPO", "MTD", "IP", "sandtable"].contains(&w.as_str()))
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_session_in_chinese_writes_no_english_word_of_its_own() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = sandtable()
        .args(["play", SCENARIO, "--lang", "zh", "--out"])
        .arg(tmp.path().join("报告"))
        .arg("--journal")
        .arg(tmp.path().join("journal.jsonl"))
        .write_stdin(SESSION.join("\n") + "\n")
        .assert()
        .success()
        .get_output()
        .clone();
    // The output folder is the test's, not a word sandtable chose.
    let stdout = String::from_utf8_lossy(&out.stdout).replace(&tmp.path().display().to_string(), "目录");
    // Each rule the session exercises answered in Chinese.
    for expected in [
        "`状态`：您是想输入 `状态板` 吗？",
        "`assess-first` 用时 30分，已超过 20分 的期限",
        "未记录；该决策仍待作答",
        "`1小时30` 最后缺少单位：您是想写 `1小时30分` 吗？",
        "── 状态板",
        "T+2:00 >",
        "T+24:00 >",
        "英文命令同样可用",
    ] {
        assert!(stdout.contains(expected), "missing {expected}:\n{stdout}");
    }
    let journal = read(&tmp.path().join("journal.jsonl"));
    assert!(journal.contains("\"option\":\"notify-now\",\"latency\":600"), "{journal}");
    assert!(journal.contains("备用仓位的钥匙不在现场"), "{journal}");
    assert!(!journal.contains("assess-first"), "the unconfirmed answer is not journaled:\n{journal}");

    let stray = english_words_sandtable_wrote(&stdout);
    assert!(stray.is_empty(), "English in what the table saw: {stray:?}\n{stdout}");
    let report = read(&tmp.path().join("报告/report.md"));
    let stray = english_words_sandtable_wrote(&report);
    assert!(stray.is_empty(), "English in the report: {stray:?}\n{report}");
}

/// The words of every `id` in a YAML file: what evidence lines may name.
fn ids(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|v| ids(v, out)),
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(id)) = map.get("id") {
                out.extend(words(id));
            }
            map.values().for_each(|v| ids(v, out));
        }
        _ => {}
    }
}

/// The evidence under every finding of every shipped scenario, in a Chinese report, is
/// Chinese around the ids it names.
#[test]
fn evidence_lines_in_a_chinese_report_are_chinese() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut lines = 0;
    for name in common::shipped_scenarios() {
        let scenario = format!("scenarios/{name}.yaml");
        let scenario_yaml: serde_json::Value =
            serde_saphyr::from_str(&std::fs::read_to_string(root().join(&scenario)).expect("reads")).expect("parses");
        let plan = format!("scenarios/{}", scenario_yaml["plan"].as_str().expect("a scenario names its plan"));
        let mut allowed = BTreeSet::new();
        ids(&scenario_yaml, &mut allowed);
        let plan_yaml = std::fs::read_to_string(root().join(&plan)).expect("reads");
        ids(&serde_saphyr::from_str(&plan_yaml).expect("parses"), &mut allowed);
        let out = tmp.path().join(&name);
        sandtable().args(["run", &scenario, "--lang", "zh", "--format", "json", "--out"]).arg(&out).assert().success();
        let report: serde_json::Value = serde_json::from_str(&read(&out.join("report.json"))).expect("json");
        for finding in report["findings"].as_array().into_iter().flatten() {
            for evidence in finding["evidence"].as_array().into_iter().flatten() {
                let text = evidence["text"].as_str().unwrap_or_default();
                let stray: Vec<String> = words(text).into_iter().filter(|w| !allowed.contains(w)).collect();
                assert!(stray.is_empty(), "{scenario}: English {stray:?} in evidence: {text}");
                lines += 1;
            }
        }
    }
    assert!(lines >= 5, "the shipped scenarios give evidence to check: {lines}");
}
