//! `sandtable montecarlo` end to end: the aggregate does not depend on the thread count,
//! a replica is the run its derived seed gives, a fixed-duration plan gives the figures
//! derived by hand, and bad settings are refused.

mod common;

use common::sandtable;
use serde_json::Value;

fn study(dir: &std::path::Path, scenario: &str, extra: &[&str]) -> String {
    sandtable().args(["montecarlo", scenario, "-q", "--out"]).arg(dir).args(extra).assert().success();
    std::fs::read_to_string(dir.join("montecarlo.json")).expect("montecarlo.json")
}

fn function<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["functions"].as_array().and_then(|f| f.iter().find(|f| f["id"] == id)).expect("function")
}

#[test]
fn the_aggregate_is_byte_identical_for_1_2_and_4_threads() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let run = |threads: &str| {
        let args = ["--runs", "300", "--seed", "11", "--threads", threads];
        study(&tmp.path().join(threads), "scenarios/dc-power-loss.yaml", &args)
    };
    let one = run("1");
    assert_eq!(one, run("2"), "2 threads differ from 1");
    assert_eq!(one, run("4"), "4 threads differ from 1");
    let md = |t: &str| std::fs::read_to_string(tmp.path().join(t).join("montecarlo.md")).expect("md");
    assert_eq!(md("1"), md("4"));
}

#[test]
fn replica_0_is_the_run_played_with_its_derived_seed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let json: Value = serde_json::from_str(&study(
        &tmp.path().join("mc"),
        "scenarios/dc-power-loss.yaml",
        &["--runs", "1", "--seed", "5"],
    ))
    .expect("json");
    let seed = sandtable::montecarlo::replica_seed(5, 0).to_string();
    let run = tmp.path().join("run");
    sandtable()
        .args(["run", "scenarios/dc-power-loss.yaml", "-q", "--format", "json", "--seed", &seed, "--out"])
        .arg(&run)
        .assert()
        .success();
    let results: Value =
        serde_json::from_str(&std::fs::read_to_string(run.join("results.json")).expect("results")).expect("json");
    for f in results["functions"].as_array().expect("functions") {
        let counted = function(&json, f["id"].as_str().expect("id"));
        // One replica: every bin holds one value, so the percentiles are exact.
        assert_eq!(counted["back_after"]["p50"], f["outages"][0]["back_after"], "{}", f["id"]);
        assert_eq!(counted["data_lost"]["p50"], f["outages"][0]["data_lost"], "{}", f["id"]);
    }
}

#[test]
fn fixed_durations_give_the_hand_derived_figures_in_every_replica() {
    // tests/fixtures/rules/priority-tiers.yaml: orders back after 3900 s (RTO 2h = 7200 s),
    // web after 6300 s (RTO 4h), whatever the seed; so P(within RTO) = 1, its Wilson
    // interval for 200 of 200 is [0.98116, 1], and every percentile is the exact value.
    let tmp = tempfile::tempdir().expect("temp dir");
    let text = study(tmp.path(), "tests/fixtures/rules/priority-tiers.yaml", &["--runs", "200"]);
    let json: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["runs"], 200);
    assert!(json["inputs"]["scenario"].as_str().is_some_and(|h| h.len() == 64));
    for (id, back) in [("orders", 3900), ("web", 6300)] {
        let f = function(&json, id);
        assert_eq!(f["disrupted"], 200);
        assert_eq!(f["within_rto"]["p"], 1.0, "{id}");
        assert_eq!(f["within_rto"]["high"], 1.0, "{id}");
        let low = f["within_rto"]["low"].as_f64().expect("low");
        assert!((low - 0.98116).abs() < 1e-4, "{id}: {low}");
        assert_eq!(f["not_back"]["p"], 0.0, "{id}");
        for q in ["p5", "p50", "p90", "p99"] {
            assert_eq!(f["back_after"][q], back, "{id} {q}");
        }
    }
}

#[test]
fn zero_runs_and_zero_threads_are_usage_errors() {
    for args in [["--runs", "0", "--threads", "1"], ["--runs", "5", "--threads", "0"]] {
        sandtable().args(["montecarlo", "scenarios/dc-power-loss.yaml"]).args(args).assert().code(2);
    }
}

#[test]
fn a_replica_that_fails_is_the_lowest_index_whatever_the_threads_and_run_replays_it() {
    // One draw in four makes this scenario's script fail (tests/fixtures/scripts/rehearsal).
    let scenario = "tests/fixtures/scripts/rehearsal/seed-dependent.yaml";
    let tmp = tempfile::tempdir().expect("temp dir");
    let failed = |threads: &str| {
        let out = sandtable()
            .args(["montecarlo", scenario, "-q", "--runs", "64", "--seed", "9", "--threads", threads, "--out"])
            .arg(tmp.path().join(threads))
            .assert()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        stderr.lines().next().unwrap_or_default().to_owned()
    };
    let first = failed("1");
    assert_eq!(first, failed("4"));
    let index: u64 = first.split_whitespace().nth(1).and_then(|i| i.parse().ok()).expect("replica index");
    let seed = sandtable::montecarlo::replica_seed(9, index);
    assert!(first.contains(&format!("--seed {seed}")), "{first}");
    for earlier in 0..index {
        let s = sandtable::montecarlo::replica_seed(9, earlier).to_string();
        sandtable()
            .args(["run", scenario, "-q", "--format", "json", "--seed", &s, "--out"])
            .arg(tmp.path().join("ok"))
            .assert()
            .success();
    }
    let s = seed.to_string();
    sandtable().args(["run", scenario, "-q", "--seed", &s, "--out"]).arg(tmp.path().join("run")).assert().code(1);
    assert!(!tmp.path().join("1").exists(), "nothing is written when a replica fails");
}

#[test]
fn the_chinese_report_says_no_value_for_a_function_never_disrupted() {
    // priority-tiers disrupts orders and web only: billing's row has nothing to judge,
    // which is not "never back" (未发生).
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = sandtable()
        .args(["montecarlo", "tests/fixtures/rules/priority-tiers.yaml", "-q", "--runs", "20", "--lang", "zh", "--out"])
        .arg(tmp.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("Order taking：RTO 内恢复的概率 100.0%（95% 区间 83.9%–100.0%）"), "{summary}");
    let md = std::fs::read_to_string(tmp.path().join("montecarlo.md")).expect("md");
    let billing = md.lines().find(|l| l.starts_with("| Billing | 0 |")).expect("billing row");
    assert!(!billing.contains("未发生"), "{billing}");
    assert!(md.contains("## 恢复") && md.contains("## 数据丢失"), "{md}");
}

#[test]
fn a_plan_compared_with_itself_differs_in_no_replica_and_threads_do_not_matter() {
    // Common random numbers: replica i has the same seed under both plans, so the same
    // plan gives the same outcome in every replica: no discordant pair, a difference of 0,
    // although P(within RTO) of the core database is far from 0 and 1 (its draws vary).
    let tmp = tempfile::tempdir().expect("temp dir");
    let run = |threads: &str| {
        let args =
            ["--runs", "200", "--seed", "4", "--threads", threads, "--compare", "scenarios/plans/it-operations.yaml"];
        study(&tmp.path().join(threads), "scenarios/dc-power-loss.yaml", &args)
    };
    let one = run("1");
    assert_eq!(one, run("2"), "2 threads differ from 1");
    let json: Value = serde_json::from_str(&one).expect("json");
    let p = function(&json, "core-db-service")["within_rto"]["p"].as_f64().expect("p");
    assert!(p > 0.05 && p < 0.95, "{p}");
    assert!(json["inputs"]["compare scenarios/plans/it-operations.yaml"].as_str().is_some_and(|h| h.len() == 64));
    let variant = &json["compare"][0];
    assert_eq!(variant["plan"], "scenarios/plans/it-operations.yaml");
    let functions = variant["functions"].as_array().expect("functions");
    assert_eq!(functions.len(), 3);
    for f in functions {
        for target in ["within_rto", "within_mtd", "within_rpo"] {
            let d = &f[target];
            assert_eq!(d["better_in"], 0, "{} {target}", f["id"]);
            assert_eq!(d["worse_in"], 0, "{} {target}", f["id"]);
            assert_eq!(d["difference"], 0.0, "{} {target}", f["id"]);
            assert_eq!(d["pairs"], 200, "{} {target}", f["id"]);
        }
    }
}

/// Plays the study of `tests/fixtures/rules/mc-tornado-ranks-the-drawn-step.yaml`
/// against its plan and the faster variant, and returns the folder written.
fn small_study(dir: &std::path::Path, threads: &str, lang: &str) {
    let args = [
        "--runs",
        "30",
        "--seed",
        "1",
        "--threads",
        threads,
        "--lang",
        lang,
        "--compare",
        "tests/fixtures/rules/plans/study-faster.yaml",
    ];
    sandtable()
        .args(["montecarlo", "tests/fixtures/rules/mc-tornado-ranks-the-drawn-step.yaml", "-q", "--out"])
        .arg(dir)
        .args(args)
        .assert()
        .success();
}

#[test]
fn the_small_study_reads_as_its_snapshots_in_both_languages_and_threads_do_not_matter() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let read = |dir: &str, name: &str| std::fs::read_to_string(tmp.path().join(dir).join(name)).expect(name);
    small_study(&tmp.path().join("en1"), "1", "en");
    small_study(&tmp.path().join("en2"), "2", "en");
    small_study(&tmp.path().join("zh"), "2", "zh");
    for name in ["montecarlo.json", "montecarlo.md", "montecarlo.html"] {
        assert_eq!(read("en1", name), read("en2", name), "{name}: 2 threads differ from 1");
    }
    insta::assert_snapshot!("montecarlo-small-md", read("en1", "montecarlo.md"));
    insta::assert_snapshot!("montecarlo-small-md-zh", read("zh", "montecarlo.md"));
    insta::assert_snapshot!("montecarlo-small-json", read("en1", "montecarlo.json"));
}

#[test]
fn the_html_page_is_self_contained_and_marks_rto_and_mtd_in_its_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for lang in ["en", "zh"] {
        small_study(&tmp.path().join(lang), "1", lang);
        let page = std::fs::read_to_string(tmp.path().join(lang).join("montecarlo.html")).expect("html");
        assert!(page.starts_with("<!DOCTYPE html>"), "{lang}");
        for banned in ["<script", "http://", "https://", "<link", "@import", "url("] {
            assert!(!page.contains(banned), "{lang}: {banned}");
        }
        // One curve per disrupted function, each with its RTO and MTD marked.
        assert_eq!(page.matches("<svg ").count(), 2, "{lang}");
        assert!(page.contains(">RTO 2h<") || page.contains(">RTO 2小时<"), "{lang}");
        assert!(page.contains("class=\"tornado\""), "{lang}");
        assert!(page.contains("study-faster.yaml"), "{lang}: the what-if table");
    }
    let zh = std::fs::read_to_string(tmp.path().join("zh").join("montecarlo.html")).expect("html");
    assert!(zh.contains("<html lang=\"zh-CN\">") && zh.contains("假设分析"), "the Chinese page");
}
