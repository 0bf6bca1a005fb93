//! Rhai scenario scripts: every hook, determinism, the sandbox, and located errors.

mod common;

use common::{relative, sandtable, scripted};
use sandtable::engine::{Defaults, Engine};
use sandtable::outcome::Outcome;

fn play(scenario: &str, seed: u64) -> Outcome {
    let (m, host) = scripted(scenario);
    Engine::with_scripts(&m, &host).play(seed, &mut Defaults).expect("the script runs")
}

#[test]
fn every_hook_is_called_with_its_arguments() {
    let out = play("tests/fixtures/scripts/all-hooks.yaml", 4);
    let lines = &out.script_lines;
    let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
    assert!(has("start at 0"), "{lines:#?}");
    assert!(has("inject 1: Data centre dark"), "{lines:#?}");
    // The script's own inject arrives 10 minutes later, numbered S1, with its effect applied.
    assert!(has("inject S1: Scripted follow-up"), "{lines:#?}");
    assert!(has("email up? false; dc-main up? false"), "{lines:#?}");
    assert!(has("decision declare-now -> declare by boss; default? true; recorded declare"), "{lines:#?}");
    assert!(has("recovered core; declared? true"), "{lines:#?}");
    assert!(has("draws: "), "{lines:#?}");
    assert!(has("end; core up? true; starts 1"), "{lines:#?}");
    // pose() put the decision to the crisis lead when inject 1 arrived.
    assert_eq!(out.decisions.first().map(|d| (d.posed_at, d.by_default)), Some((15 * 60, true)));
}

#[test]
fn scripts_are_deterministic_and_draw_from_the_seed() {
    let a = play("scenarios/dc-power-loss.yaml", 11);
    assert_eq!(a, play("scenarios/dc-power-loss.yaml", 11));
    let runtimes: std::collections::BTreeSet<String> = (0..20)
        .map(|seed| play("scenarios/dc-power-loss.yaml", seed))
        .filter_map(|o| o.script_lines.iter().find(|l| l.starts_with("UPS runtime drawn")).cloned())
        .collect();
    assert!(runtimes.len() > 5, "the UPS runtime should vary with the seed: {runtimes:?}");
}

#[test]
fn waiting_earns_a_follow_up_and_a_second_question() {
    let (m, host) = scripted("scenarios/dc-power-loss.yaml");
    let answers = std::collections::BTreeMap::from([("failover".to_owned(), ("wait".to_owned(), 5 * 60))]);
    let out =
        Engine::with_scripts(&m, &host).play(2026, &mut sandtable::engine::Prepared::new(answers)).expect("plays");
    let titles: Vec<&str> = out.script_injects.iter().map(|i| i.title.as_str()).collect();
    assert!(titles.contains(&"The utility still gives no estimate"), "{titles:?}");
    let asked: Vec<&str> = out.decisions.iter().map(|d| m.decisions[d.decision].id.as_str()).collect();
    assert_eq!(asked, ["failover", "failover-again"]);
    assert!(out.declared.is_some(), "the second question's default declares");
}

#[test]
fn compiled_scripts_are_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<sandtable::script::ScriptHost>();
    assert_send_sync::<sandtable::compile::Model>();
    let (m, host) = scripted("scenarios/warehouse-fire.yaml");
    let runs: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| Engine::with_scripts(&m, &host).play(77, &mut Defaults).expect("plays")))
            .collect();
        handles.into_iter().map(|h| h.join().expect("thread")).collect()
    });
    assert_eq!(runs[0], runs[1]);
}

#[test]
fn abusive_scripts_stop_with_a_named_error() {
    insta::glob!("fixtures/scripts/runtime/*.yaml", |path| {
        let rel = relative(path);
        let out_dir = tempfile::tempdir().expect("temp dir");
        let out = sandtable()
            .args(["run", &rel, "--out"])
            .arg(out_dir.path().join("out"))
            .assert()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let script = rel.replace(".yaml", ".rhai");
        assert!(stderr.contains(&format!("{script}:")), "{rel}: the error does not name the script:\n{stderr}");
        assert!(stderr.contains("failed in on_"), "{rel}: the error does not name the hook:\n{stderr}");
        assert!(!out_dir.path().join("out").exists(), "{rel}: nothing is written when a script fails");
        insta::assert_snapshot!(stderr);
    });
}

/// A script that undoes its own effect whenever it sees it would keep one moment going
/// for ever: the run stops with an error instead, and writes nothing.
#[test]
fn a_script_reacting_to_its_own_effects_stops() {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out = sandtable()
        .args(["run", "tests/fixtures/scripts/loop/ping-pong.yaml", "--out"])
        .arg(out_dir.path().join("out"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.contains("script::hook-loop"), "{stderr}");
    assert!(!out_dir.path().join("out").exists(), "nothing is written when scripts loop");
    insta::assert_snapshot!("hook-loop-ping-pong", stderr);
}

#[test]
fn scripts_that_do_not_load_are_located() {
    insta::glob!("fixtures/scripts/load/*.yaml", |path| {
        let rel = relative(path);
        let out = sandtable().args(["validate", &rel]).assert().code(1).get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let script = rel.replace(".yaml", ".rhai");
        assert!(stderr.contains(&format!("{script}:")), "{rel}: the error does not name the script:\n{stderr}");
        insta::assert_snapshot!(stderr);
    });
}

#[test]
fn shipped_scenarios_use_scripts_that_load() {
    for s in ["dc-power-loss", "key-person-unreachable", "warehouse-fire", "supplier-cut-off"] {
        let (_, host) = scripted(&format!("scenarios/{s}.yaml"));
        assert!(sandtable::script::Hook::ALL.iter().any(|h| host.has(*h)), "{s} has no hooks");
    }
}
