//! `sandtable play`: a scripted session through standard input, a session killed with
//! SIGKILL and resumed, bad answers, and replaying the journal with `run`.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{root, sandtable};

/// A session on the data-centre scenario: the UPS dies at T+0:21 (seed 2026) and the
/// fail-over decision is posed, but the crisis lead is asked only once the call tree
/// reaches him (T+0:29:52); the team answers after 6 minutes.
const SESSION: [&str; 12] = [
    "next", // inject 1
    "next", // inject 2
    "note the generator contract was not at hand",
    "next",       // the UPS runs out: the fail-over decision is posed, nobody to ask yet
    "next",       // detected by the on-duty operator
    "next",       // the IT operations lead reached
    "next",       // the crisis lead reached: now he is asked
    "declare 6m", // answered after 6 minutes of scenario time
    "next",
    "jump T+3:00",
    "note the application team asked for the DR runbook twice",
    "end",
];

/// The killed session has answered the decision and moved on once more.
const KILLED_AFTER: usize = 9;

fn play(dir: &Path, input: &[&str], extra: &[&str]) -> String {
    let out = sandtable()
        .args(["play", "scenarios/dc-power-loss.yaml", "--out"])
        .arg(dir.join("out"))
        .arg("--journal")
        .arg(dir.join("journal.jsonl"))
        .args(extra)
        .write_stdin(input.join("\n") + "\n")
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8_lossy(&out.stdout).replace(&dir.display().to_string(), "DIR")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_scripted_session_writes_journal_and_report() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let stdout = play(tmp.path(), &SESSION, &[]);
    insta::assert_snapshot!("session", stdout);
    let journal = read(&tmp.path().join("journal.jsonl"));
    assert!(journal.lines().next().is_some_and(|l| l.contains("\"kind\":\"start\"")));
    assert!(journal.contains("\"decision\":\"failover\",\"option\":\"declare\",\"latency\":360"));
    assert!(journal.lines().last().is_some_and(|l| l.contains("\"kind\":\"end\"")));
    let report = read(&tmp.path().join("out/report.md"));
    assert!(report.contains("the generator contract was not at hand"), "observations reach the report");
    let results: serde_json::Value = serde_json::from_str(&read(&tmp.path().join("out/results.json"))).expect("json");
    assert_eq!(results["decisions"][0]["latency"], 360);
    assert_eq!(results["decisions"][0]["by_default"], false);
}

#[test]
fn replaying_the_journal_with_run_gives_identical_results() {
    let tmp = tempfile::tempdir().expect("temp dir");
    play(tmp.path(), &SESSION, &[]);
    sandtable()
        .args(["run", "scenarios/dc-power-loss.yaml", "--out"])
        .arg(tmp.path().join("replay"))
        .arg("--decisions")
        .arg(tmp.path().join("journal.jsonl"))
        .assert()
        .success();
    for file in ["results.json", "events.jsonl", "report.json", "report.md"] {
        assert_eq!(read(&tmp.path().join("out").join(file)), read(&tmp.path().join("replay").join(file)), "{file}");
    }
}

/// Kills a session with SIGKILL once the decision has been answered and the clock has
/// moved on, resumes it with the rest of the commands, and gets the same report as the
/// uninterrupted session.
#[test]
fn a_session_killed_and_resumed_gives_the_same_report() {
    let whole = tempfile::tempdir().expect("temp dir");
    play(whole.path(), &SESSION, &[]);

    let tmp = tempfile::tempdir().expect("temp dir");
    let journal = tmp.path().join("journal.jsonl");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("sandtable"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("SANDTABLE_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["play", "scenarios/dc-power-loss.yaml", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--journal")
        .arg(&journal)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().expect("stdin");
    for line in &SESSION[..KILLED_AFTER] {
        writeln!(stdin, "{line}").expect("write");
    }
    stdin.flush().expect("flush");
    // Wait until the journal holds the answer and the position after the next `next`.
    let started = Instant::now();
    let reader = BufReader::new(child.stdout.take().expect("stdout"));
    let waiter = std::thread::spawn(move || reader.lines().map_while(Result::ok).count());
    loop {
        let text = std::fs::read_to_string(&journal).unwrap_or_default();
        let positions = text.lines().filter(|l| l.contains("\"kind\":\"position\"")).count();
        if text.contains("\"kind\":\"answer\"") && positions >= 7 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "the session did not get there:\n{text}");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    drop(stdin);
    let _ = waiter.join();
    assert!(!read(&journal).contains("\"kind\":\"end\""), "killed before the end");

    sandtable()
        .args(["play", "scenarios/dc-power-loss.yaml", "--resume", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--journal")
        .arg(&journal)
        .write_stdin(SESSION[KILLED_AFTER..].join("\n") + "\n")
        .assert()
        .success()
        .stdout(predicates::str::contains("resumed"));
    for file in ["results.json", "events.jsonl", "report.json", "report.md", "improvement-plan.csv"] {
        assert_eq!(read(&whole.path().join("out").join(file)), read(&tmp.path().join("out").join(file)), "{file}");
    }
}

#[test]
fn bad_answers_and_late_answers_are_handled() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let stdout = play(
        tmp.path(),
        &[
            "dance",
            "note",
            "next",
            "next",
            "next",
            "next",
            "next",
            "next",
            "panic",
            "next",
            "declare 45m",
            "y",
            "board",
            "end",
        ],
        &[],
    );
    assert!(
        stdout.contains(
            "`declare` after 45m is past the 30m deadline: the default `declare` would apply instead. Record it? (y/n)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("`dance` is not a command"), "{stdout}");
    assert!(stdout.contains("note what?"), "{stdout}");
    assert!(stdout.contains("`panic` is not an option"), "{stdout}");
    assert!(stdout.contains("a decision is pending"), "{stdout}");
    assert!(stdout.contains("after the 30m deadline: the default `declare` applies"), "{stdout}");
    let results: serde_json::Value = serde_json::from_str(&read(&tmp.path().join("out/results.json"))).expect("json");
    assert_eq!(results["decisions"][0]["by_default"], true);
}

#[test]
fn an_existing_journal_is_never_overwritten() {
    let tmp = tempfile::tempdir().expect("temp dir");
    play(tmp.path(), &["end"], &[]);
    let before = read(&tmp.path().join("journal.jsonl"));
    sandtable()
        .args(["play", "scenarios/dc-power-loss.yaml", "--journal"])
        .arg(tmp.path().join("journal.jsonl"))
        .write_stdin("end\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--resume"));
    assert_eq!(before, read(&tmp.path().join("journal.jsonl")));
}

/// A power cut while a line was being written leaves half a line at the end: resuming
/// cuts it away (saying so) and appends after the last complete entry, so the journal
/// still reads back whole.
#[test]
fn a_journal_cut_short_is_cut_back_on_resume_and_stays_readable() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let journal = tmp.path().join("journal.jsonl");
    let fixture = read(&root().join("tests/fixtures/journals/accepted/partial-last-line.jsonl"));
    std::fs::write(&journal, &fixture).expect("write");
    sandtable()
        .args(["play", "scenarios/dc-power-loss.yaml", "--resume", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--journal")
        .arg(&journal)
        .write_stdin("note written after the power cut\nend\n")
        .assert()
        .success()
        .stderr(predicates::str::contains("journal::partial-line"))
        .stderr(predicates::str::contains("cut back to its last complete entry"));
    let text = read(&journal);
    let complete = &fixture[..fixture.rfind('\n').expect("has complete lines") + 1];
    assert!(text.starts_with(complete), "the complete entries are kept as they were:\n{text}");
    assert!(!text.contains("not at ha"), "the partial line is gone:\n{text}");
    let j = sandtable::play::Journal::parse(&text).expect("the journal reads back whole");
    assert_eq!(j.notes.len(), 1, "{text}");
    assert!(j.ended.is_some() && j.partial_line.is_none(), "{text}");
}

#[test]
fn a_journal_is_refused_for_another_seed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    play(tmp.path(), &SESSION, &[]);
    sandtable()
        .args(["run", "scenarios/dc-power-loss.yaml", "--seed", "7", "--out"])
        .arg(tmp.path().join("replay"))
        .arg("--decisions")
        .arg(tmp.path().join("journal.jsonl"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("journal::other-inputs"))
        .stderr(predicates::str::contains("played with seed 2026, not 7"));
}

/// The journal records the SHA-256 of what was played: a scenario edited since is named.
#[test]
fn a_journal_is_refused_once_the_scenario_changed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    play(tmp.path(), &SESSION, &[]);
    let journal = read(&tmp.path().join("journal.jsonl"));
    let start = journal.lines().next().unwrap_or_default();
    assert!(start.contains("\"scenario\":\"") && start.contains("\"plan\":\""), "{start}");
    // Same scenario id, one word of narrative changed; the plan and script copied as they are.
    let copy = tmp.path().join("copy");
    for dir in ["scenarios/plans", "scripts"] {
        std::fs::create_dir_all(copy.join(dir)).expect("mkdir");
    }
    for file in ["scenarios/plans/it-operations.yaml", "scripts/ups-runtime.rhai"] {
        std::fs::copy(root().join(file), copy.join(file)).expect("copy");
    }
    let changed = read(&root().join("scenarios/dc-power-loss.yaml")).replacen("generator", "genset", 1);
    std::fs::write(copy.join("scenarios/dc-power-loss.yaml"), changed).expect("write");
    let out = sandtable()
        .args(["run"])
        .arg(copy.join("scenarios/dc-power-loss.yaml"))
        .arg("--out")
        .arg(tmp.path().join("replay"))
        .arg("--decisions")
        .arg(tmp.path().join("journal.jsonl"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the files differ from those the session was played with: scenario\n"), "{stderr}");
}
