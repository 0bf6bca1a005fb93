//! Sharded studies end to end: `--shard K/N` and `merge` give byte for byte what one run
//! of every replica gives, whatever the order of the files; bad shard specs are usage
//! errors; partial aggregates that are missing, doubled, stopped, from another study,
//! corrupt or newer are refused by name; Ctrl-C stops a study with what it counted,
//! marked partial.

mod common;

use std::path::{Path, PathBuf};

use common::sandtable;
use serde_json::Value;

const SCENARIO: &str = "scenarios/dc-power-loss.yaml";

/// Plays shard `k`/`n` of a `runs`-replica study (seed 3 unless `extra` says) into `dir/s<k>`.
fn shard(dir: &Path, k: u64, n: u64, runs: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(format!("s{k}"));
    let spec = format!("{k}/{n}");
    let seed = if extra.contains(&"--seed") { [].as_slice() } else { ["--seed", "3"].as_slice() };
    sandtable()
        .args(["montecarlo", SCENARIO, "-q", "--runs", runs, "--shard", &spec, "--out"])
        .arg(&out)
        .args(seed)
        .args(extra)
        .assert()
        .success();
    out.join("montecarlo.partial.json")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `merge` on `inputs`, expected to fail with exit 1; its stderr.
fn merge_fails(inputs: &[&Path]) -> String {
    let out =
        sandtable().arg("merge").args(inputs).arg("--out").arg(std::env::temp_dir().join("never")).assert().code(1);
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn three_shards_merged_in_shuffled_order_are_byte_identical_to_one_run() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // Different thread counts per shard: neither the split nor the threads may show.
    let parts: Vec<PathBuf> = [("1", 0), ("2", 1), ("4", 2)]
        .iter()
        .map(|(threads, k)| shard(tmp.path(), *k, 3, "90", &["--threads", threads]))
        .collect();
    let whole = tmp.path().join("whole");
    sandtable()
        .args(["montecarlo", SCENARIO, "-q", "--runs", "90", "--seed", "3", "--out"])
        .arg(&whole)
        .assert()
        .success();
    for (order, lang) in [([2, 0, 1], "en"), ([1, 2, 0], "en"), ([0, 2, 1], "zh")] {
        let merged = tmp.path().join(format!("merged-{}{}{}-{lang}", order[0], order[1], order[2]));
        let mut cmd = sandtable();
        cmd.arg("merge");
        for i in order {
            // A folder or the file itself: both are found.
            cmd.arg(if i == 1 { parts[i].clone() } else { parts[i].parent().expect("dir").to_owned() });
        }
        cmd.args(["--lang", lang, "--out"]).arg(&merged).assert().success();
        assert_eq!(read(&merged.join("montecarlo.json")), read(&whole.join("montecarlo.json")), "{order:?}");
        if lang == "en" {
            assert_eq!(read(&merged.join("montecarlo.md")), read(&whole.join("montecarlo.md")), "{order:?}");
            assert_eq!(read(&merged.join("montecarlo.html")), read(&whole.join("montecarlo.html")), "{order:?}");
        } else {
            let zh = tmp.path().join("whole-zh");
            sandtable()
                .args(["montecarlo", SCENARIO, "-q", "--runs", "90", "--seed", "3", "--lang", "zh", "--format", "md"])
                .arg("--out")
                .arg(&zh)
                .assert()
                .success();
            assert_eq!(read(&merged.join("montecarlo.md")), read(&zh.join("montecarlo.md")));
        }
    }
    let json: Value = serde_json::from_str(&read(&whole.join("montecarlo.json"))).expect("json");
    assert_eq!((json["runs"].as_u64(), json["complete"].as_bool()), (Some(90), Some(true)));
    // Shard 0/3 of 90 replicas counts replicas 0, 3, …, 87: 30 of them.
    let partial: Value = serde_json::from_str(&read(&parts[0])).expect("partial");
    assert_eq!(partial["aggregate"]["runs"], 30);
    assert_eq!(partial["shard"], serde_json::json!({ "index": 0, "count": 3 }));
}

#[test]
fn a_shard_spec_that_is_not_k_below_n_is_a_usage_error() {
    for (spec, says) in [
        ("3/2", "K counts from 0 and must be below N, so here it is at most 1"),
        ("2/2", "at most 1"),
        ("0/0", "N, the number of shards, must be at least 1"),
        ("one/3", "expected K/N"),
        ("1/3/4", "expected K/N"),
        ("-1/3", "expected K/N"),
        ("0/6", "more shards than the 5 replicas of --runs"),
    ] {
        let out = sandtable()
            .args(["montecarlo", SCENARIO, "-q", "--runs", "5", &format!("--shard={spec}")])
            .arg("--out")
            .arg(std::env::temp_dir().join("never"))
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains(&format!("--shard {spec}: ")) && stderr.contains(says), "{spec}: {stderr}");
    }
    let out = sandtable()
        .args(["montecarlo", SCENARIO, "-q", "--runs", "5", "--shard", "4/3", "--lang", "zh"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("K 从 0 开始计数"));
}

#[test]
fn missing_doubled_and_foreign_shards_are_named() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let [s0, s1, s2] = [0, 1, 2].map(|k| shard(tmp.path(), k, 3, "12", &[]));
    let stderr = merge_fails(&[&s0, &s2]);
    assert!(stderr.contains("1 of 3 shards missing (K = 1)"), "{stderr}");
    let stderr = merge_fails(&[&s0, &s1, &s2, &s1]);
    assert!(stderr.contains("shard 1/3 is given more than once") && stderr.matches("s1").count() >= 2, "{stderr}");

    let other = tmp.path().join("other");
    let seed = shard(&other, 1, 3, "12", &["--seed", "4"]);
    let stderr = merge_fails(&[&s0, &seed, &s2]);
    assert!(stderr.contains(&format!("{} belongs to another study", seed.display())), "{stderr}");
    assert!(stderr.contains("seed 4 here, 3 there"), "{stderr}");
    let runs = shard(&other.join("runs"), 1, 3, "13", &[]);
    assert!(merge_fails(&[&s0, &runs, &s2]).contains("runs 13 here, 12 there"));
    let mut release: Value = serde_json::from_str(&read(&s1)).expect("json");
    release["sandtable_version"] = Value::String("0.0.9".to_owned());
    let older = other.join("older.json");
    std::fs::write(&older, serde_json::to_string(&release).expect("json")).expect("write");
    let stderr = merge_fails(&[&s0, &older, &s2]);
    assert!(stderr.contains(&format!("sandtable_version 0.0.9 here, {} there", env!("CARGO_PKG_VERSION"))), "{stderr}");
    let split = shard(&other.join("split"), 1, 4, "12", &[]);
    assert!(merge_fails(&[&s0, &split, &s2]).contains("shards 4 here, 3 there"));
    let scenario = other.join("scenario");
    sandtable()
        .args([
            "montecarlo",
            "scenarios/warehouse-fire.yaml",
            "-q",
            "--runs",
            "12",
            "--seed",
            "3",
            "--shard",
            "1/3",
            "--out",
        ])
        .arg(&scenario)
        .assert()
        .success();
    let stderr = merge_fails(&[&s0, &scenario.join("montecarlo.partial.json"), &s2]);
    assert!(stderr.contains("inputs warehouse-fire (plan, scenario"), "{stderr}");
    let plan = other.join("plan");
    sandtable()
        .args(["montecarlo", SCENARIO, "-q", "--runs", "12", "--seed", "3", "--shard", "1/3"])
        .args(["--plan", "examples/history/2024/plan.yaml", "--out"])
        .arg(&plan)
        .assert()
        .success();
    let stderr = merge_fails(&[&s0, &plan.join("montecarlo.partial.json"), &s2]);
    assert!(stderr.contains("inputs dc-power-loss (plan) here, dc-power-loss there"), "{stderr}");
}

#[test]
fn a_shard_stopped_early_is_refused_until_it_is_played_again() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let [s0, s1, s2] = [0, 1, 2].map(|k| shard(tmp.path(), k, 3, "12", &[]));
    // What shard 1/3 would have counted had Ctrl-C stopped it after 3 of its 4 replicas
    // (replicas 1, 4, 7): shard 1/3 of a 9-replica study played exactly those.
    let fewer: Value = serde_json::from_str(&read(&shard(&tmp.path().join("fewer"), 1, 3, "9", &[]))).expect("json");
    let mut stopped: Value = serde_json::from_str(&read(&s1)).expect("json");
    stopped["aggregate"] = fewer["aggregate"].clone();
    stopped["complete"] = Value::Bool(false);
    std::fs::write(&s1, serde_json::to_string(&stopped).expect("json")).expect("write");
    let stderr = merge_fails(&[&s0, &s1, &s2]);
    assert!(stderr.contains("holds shard 1/3 stopped after 3 of its 4 replicas"), "{stderr}");
}

#[test]
fn corrupt_newer_and_edited_partials_are_refused_without_panic() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let [s0, s1, s2] = [0, 1, 2].map(|k| shard(tmp.path(), k, 3, "6", &[]));
    let good = read(&s1);
    let bad = tmp.path().join("bad.json");
    let cases: Vec<(String, &str)> = vec![
        (good[..good.len() / 2].to_owned(), "is not a readable partial aggregate"),
        ("not json".to_owned(), "is not a readable partial aggregate"),
        ("{}".to_owned(), "no schema_version"),
        (
            good.replacen("\"schema_version\": 1", "\"schema_version\": 99", 1),
            "written by a newer sandtable (partial layout 99",
        ),
        (good.replacen("\"hits\": ", "\"hits\": 1000", 1), "exceeds"),
        (good.replacen("\"index\": 1", "\"index\": 7", 1), "shard 7/3 is not a shard"),
        (good.replacen("\"bin\": ", "\"bin\": 9999", 1), "out of range"),
    ];
    for (text, says) in cases {
        std::fs::write(&bad, &text).expect("write");
        let stderr = merge_fails(&[&s0, &bad, &s2]);
        assert!(stderr.contains(&bad.display().to_string()) && stderr.contains(says), "{says}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    std::fs::write(&bad, [0xff, 0xfe, 0x00]).expect("write");
    assert!(merge_fails(&[&bad, &s0, &s2]).contains("is not a readable partial aggregate"));
    // The first file's kept plan edited: the model would not be the one played.
    let mut edited: Value = serde_json::from_str(&read(&s0)).expect("json");
    for f in edited["files"].as_array_mut().expect("files") {
        if f["role"] == "plan" {
            let text = f["text"].as_str().expect("text").replacen("rto: 2h", "rto: 3h", 1);
            f["text"] = Value::String(text);
        }
    }
    std::fs::write(&bad, serde_json::to_string(&edited).expect("json")).expect("write");
    let stderr = merge_fails(&[&bad, &s1, &s2]);
    assert!(stderr.contains("no longer have the SHA-256 it records (plan)"), "{stderr}");
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).expect("dir");
    assert!(merge_fails(&[&empty]).contains("no montecarlo.partial.json found in"));
}

#[test]
fn a_study_stopped_after_k_replicas_counts_exactly_those_and_says_it_is_partial() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    use sandtable::montecarlo::{Shard, Study, play, play_part};

    let project = sandtable::project::open(&sandtable::cli::DiskSources, Path::new(SCENARIO), None).expect("opens");
    let study = |runs| Study {
        model: &project.model,
        scripts: &project.scripts,
        answers: None,
        end: None,
        seed: 3,
        runs,
        lang: sandtable::Lang::En,
    };
    let pool = |threads| rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
    // One thread plays the indices in order, so stopping after 7 leaves replicas 0–6.
    let (stop, played) = (AtomicBool::new(false), AtomicU64::new(0));
    let after = |k: u64| {
        let (stop, played) = (&stop, &played);
        move || {
            if played.fetch_add(1, Ordering::SeqCst) + 1 >= k {
                stop.store(true, Ordering::SeqCst);
            }
        }
    };
    let stopped = pool(1).install(|| play_part(&study(40), Shard::WHOLE, &stop, &after(7))).expect("plays");
    let first_seven = pool(1).install(|| play(&study(7), &|| {})).expect("plays");
    assert_eq!(stopped.runs, 7);
    assert_eq!(stopped, first_seven, "the aggregate of exactly the replicas played");

    let report = |planned, aggregate| sandtable::montecarlo::StudyReport {
        model: &project.model,
        inputs: &project.inputs,
        seed: 3,
        planned,
        aggregate,
        variants: &[],
    };
    let json: Value = serde_json::from_str(&report(40, &stopped).json()).expect("json");
    assert_eq!((json["runs"].as_u64(), json["runs_planned"].as_u64()), (Some(7), Some(40)));
    assert_eq!(json["complete"], false);
    let note = "Partial study: stopped after 7 of 40 replicas; every figure counts only the replicas played.";
    let md = report(40, &stopped).markdown(sandtable::Lang::En);
    assert!(md.contains(&format!("\n**{note}**\n")), "{md}");
    assert!(report(40, &stopped).summary(sandtable::Lang::En).contains(note));
    let whole = report(7, &first_seven).markdown(sandtable::Lang::En);
    assert!(!whole.contains("Partial"), "a complete study says nothing of it");

    // On two threads, every replica that reported done is counted, and no more.
    played.store(0, Ordering::SeqCst);
    stop.store(false, Ordering::SeqCst);
    let shard = Shard { index: 1, count: 2 };
    let stopped = pool(2).install(|| play_part(&study(400), shard, &stop, &after(5))).expect("plays");
    assert_eq!(stopped.runs, played.load(Ordering::SeqCst));
    assert!(stopped.runs < 200, "stopped before the shard's 200 replicas: {}", stopped.runs);
    let none = play_part(&study(400), shard, &stop, &|| {}).expect("plays");
    assert_eq!(none.runs, 0, "a study stopped before it starts plays nothing");
}

/// Ctrl-C for real: SIGINT to a study far from done; it exits 130 after writing what it
/// counted, marked partial.
#[cfg(unix)]
#[test]
fn sigint_stops_the_study_and_writes_what_was_counted_marked_partial() {
    use std::time::{Duration, Instant};

    let tmp = tempfile::tempdir().expect("temp dir");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sandtable"));
    cmd.current_dir(common::root()).env("NO_COLOR", "1").env_remove("SANDTABLE_LANG").env_remove("LANG");
    cmd.args(["montecarlo", SCENARIO, "-q", "--runs", "100000000", "--threads", "1", "--out"]).arg(tmp.path());
    cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let child = cmd.spawn().expect("starts");
    // Time to open the project and install the handler (milliseconds; generous for a busy machine).
    std::thread::sleep(Duration::from_secs(3));
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let started = Instant::now();
    let out = child.wait_with_output().expect("waits");
    assert!(started.elapsed() < Duration::from_secs(60), "it stopped soon after");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("stopped by Ctrl-C after") && stderr.contains("of 100000000 replicas"), "{stderr}");
    let json: Value = serde_json::from_str(&read(&tmp.path().join("montecarlo.json"))).expect("json");
    assert_eq!(json["complete"], false);
    let runs = json["runs"].as_u64().expect("runs");
    assert!(runs > 0 && runs < 100_000_000, "{runs}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("Partial study: stopped after {runs} of 100000000"))
    );
    assert!(read(&tmp.path().join("montecarlo.md")).contains("**Partial study:"));
}

/// Hostile: `--shard 0/18446744073709551615` is accepted (K < N), and merging that lone
/// shard must name the missing shards, not overflow while listing them (it exited 101).
#[test]
fn a_lone_shard_of_u64_max_shards_is_refused_as_missing_without_panic() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // As many replicas as shards (fewer are refused): shard 0 plays replica 0 alone.
    let part = shard(tmp.path(), 0, u64::MAX, "18446744073709551615", &[]);
    let stderr = merge_fails(&[&part]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Every shard but 0 is missing: 1, 2, 3 … listed, u64::MAX - 1 counted.
    assert!(stderr.contains("1, 2, 3"), "{stderr}");
    assert!(stderr.contains("18446744073709551614"), "{stderr}");
}
