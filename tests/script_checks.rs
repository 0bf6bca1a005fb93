//! What `validate` catches in scripts before a live session, and the limits that stop a
//! script running away: each case names the script, line and column it expects.
//!
//! Every command runs under a small time budget, so that a limit that stops holding
//! fails its test in seconds instead of filling memory for minutes.

mod common;

use std::time::Duration;

use common::sandtable;

/// Time any one command may take; the slowest fixture needs well under a second.
const BUDGET: Duration = Duration::from_secs(20);

/// Runs `sandtable args…` (with `--out` in a temporary folder for `run`) and returns its
/// exit code and stderr.
fn sandtable_in_budget(args: &[&str]) -> (i32, String) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut cmd = sandtable();
    // Wide enough that no message is wrapped: the phrases are looked for whole.
    cmd.args(args).env("COLUMNS", "400").timeout(BUDGET);
    if args.first() == Some(&"run") {
        cmd.arg("--out").arg(tmp.path().join("out"));
    }
    let out = cmd.output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Asserts that `sandtable sub fixture` fails with `code` at `at` (script:line:column),
/// saying `phrase`.
fn fails_at(sub: &str, fixture: &str, at: &str, code: &str, phrase: &str) {
    let (exit, stderr) = sandtable_in_budget(&[sub, fixture]);
    assert_eq!(exit, 1, "{sub} {fixture} should fail with exit 1:\n{stderr}");
    assert!(stderr.contains(&format!("{at}: error\n{code}\n")), "{sub} {fixture}: expected {code} at {at}:\n{stderr}");
    assert!(stderr.contains(phrase), "{sub} {fixture}: expected “{phrase}”:\n{stderr}");
}

const LOAD: &str = "tests/fixtures/scripts/load";
const RUNTIME: &str = "tests/fixtures/scripts/runtime";
const LOOP: &str = "tests/fixtures/scripts/loop";

// Literal ids and effects in the script API are checked when the script compiles.

#[test]
fn a_posed_decision_that_does_not_exist_fails_validate() {
    let f = format!("{LOAD}/unknown-decision");
    fails_at(
        "validate",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:3:10"),
        "script::unknown-id",
        "unknown decision `failovr`",
    );
    fails_at(
        "validate",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:4:17"),
        "script::unknown-id",
        "unknown decision `fail-over`",
    );
}

#[test]
fn an_unknown_id_inside_an_applied_effect_fails_validate() {
    let f = format!("{LOAD}/unknown-id");
    fails_at(
        "validate",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:3:11"),
        "script::unknown-id",
        "unknown system `core-dbb`",
    );
}

#[test]
fn unknown_ids_in_a_scheduled_injects_effects_fail_validate_each_at_its_place() {
    let f = format!("{LOAD}/unknown-effect-id");
    fails_at(
        "validate",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:4:45"),
        "script::unknown-id",
        "unknown site `dc-mian`",
    );
    fails_at("validate", &format!("{f}.yaml"), &format!("{f}.rhai:4:66"), "script::unknown-id", "unknown person `bos`");
}

#[test]
fn an_effect_or_delay_that_does_not_read_fails_validate() {
    let f = format!("{LOAD}/bad-effect");
    fails_at("validate", &format!("{f}.yaml"), &format!("{f}.rhai:3:11"), "script::bad-argument", "`site_dwn dc-main`");
    fails_at("validate", &format!("{f}.yaml"), &format!("{f}.rhai:4:14"), "script::bad-argument", "`half an hour`");
}

#[test]
fn state_queries_are_checked_but_a_scripts_own_function_is_not() {
    let f = format!("{LOAD}/query-id");
    fails_at(
        "validate",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:6:22"),
        "script::unknown-id",
        "unknown system `core_db`",
    );
    fails_at(
        "validate",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:6:52"),
        "script::unknown-id",
        "unknown function `cor`",
    );
    let (_, stderr) = sandtable_in_budget(&["validate", &format!("{f}.yaml")]);
    assert!(!stderr.contains("unknown site `anywhere`"), "the script's own is_site_up was checked:\n{stderr}");
    assert_eq!(stderr.matches("\nscript::unknown-id\n").count(), 2, "{stderr}");
}

// `validate` plays each scripted scenario and reports what fails at run time.

/// Every script that fails at run time fails `validate` too, at the place `run` names.
#[test]
fn validate_reports_every_run_time_failure_with_script_line_and_hook() {
    for dir in [RUNTIME, LOOP] {
        let mut fixtures: Vec<_> = std::fs::read_dir(common::root().join(dir))
            .expect("fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        fixtures.sort();
        for path in fixtures {
            let rel = common::relative(&path);
            let (run_exit, run_err) = sandtable_in_budget(&["run", &rel]);
            let (exit, stderr) = sandtable_in_budget(&["validate", &rel]);
            assert_eq!((run_exit, exit), (1, 1), "{rel}: run and validate must both fail:\n{stderr}");
            let first = run_err.lines().next().unwrap_or_default();
            assert!(first.starts_with(&rel.replace(".yaml", ".rhai:")), "{rel}: run names no script: {first}");
            assert!(stderr.starts_with(first), "{rel}: validate does not say what run says ({first}):\n{stderr}");
            assert!(stderr.contains("failed in on_"), "{rel}: no hook named:\n{stderr}");
            assert!(stderr.contains("default decisions and seed"), "{rel}: which run is not said:\n{stderr}");
        }
    }
}

/// The scenario's own seed passes; seed 1 draws the branch that fails, so `validate`
/// must play more than the scenario's seed (it plays 1, 2 and 3 as well).
#[test]
fn validate_plays_more_seeds_than_the_scenarios_own() {
    let f = "tests/fixtures/scripts/rehearsal/seed-dependent";
    let (exit, stderr) = sandtable_in_budget(&["run", &format!("{f}.yaml")]);
    assert_eq!(exit, 0, "the scenario's own seed (0) should play through:\n{stderr}");
    fails_at("validate", &format!("{f}.yaml"), &format!("{f}.rhai:7:9"), "script::runtime", "seed 1");
    let (_, stderr) = sandtable_in_budget(&["validate", &format!("{f}.yaml")]);
    assert_eq!(stderr.matches("script::runtime").count(), 1, "one failure, reported once:\n{stderr}");
}

// The limits on what scripts do in a run: each stops the run at the statement.

#[test]
fn log_lines_are_bounded_per_run_even_when_the_script_catches_the_error() {
    let f = format!("{RUNTIME}/log-lines");
    fails_at("run", &format!("{f}.yaml"), &format!("{f}.rhai:5:15"), "script::too-much-log", "at most 1000 lines");
}

#[test]
fn log_bytes_are_bounded_per_run() {
    let f = format!("{RUNTIME}/log-bytes");
    fails_at("run", &format!("{f}.yaml"), &format!("{f}.rhai:5:12"), "script::too-much-log", "262144 bytes");
}

#[test]
fn a_schedule_0_chain_is_bounded_per_moment() {
    let f = format!("{RUNTIME}/schedule-chain");
    fails_at(
        "run",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:3:5"),
        "script::too-many-injects",
        "100 injects at one time (T+0:05)",
    );
}

#[test]
fn a_schedule_fan_out_is_bounded_per_run() {
    let f = format!("{RUNTIME}/schedule-fan-out");
    fails_at(
        "run",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:4:5"),
        "script::too-many-injects",
        "1000 injects in a run",
    );
}

#[test]
fn an_apply_ping_pong_is_bounded_per_moment() {
    let f = format!("{LOOP}/ping-pong");
    fails_at(
        "run",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:5:9"),
        "script::hook-loop",
        "more than 10000 times at T+0:05",
    );
}

#[test]
fn a_reaction_chain_through_time_is_bounded_per_run() {
    let f = format!("{LOOP}/through-time");
    fails_at(
        "run",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:5:9"),
        "script::hook-loop",
        "more than 100000 times in this run",
    );
}

#[test]
fn an_endless_sort_comparer_stops_the_run() {
    let f = format!("{RUNTIME}/sort-callback");
    fails_at(
        "run",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:5:9"),
        "script::too-many-operations",
        "too many operations",
    );
}

#[test]
fn an_endless_dedup_comparer_stops_the_run() {
    let f = format!("{RUNTIME}/dedup-callback");
    fails_at(
        "run",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:5:9"),
        "script::too-many-operations",
        "too many operations",
    );
}

#[test]
fn filter_callbacks_share_the_hooks_operations_budget() {
    let f = format!("{RUNTIME}/filter-callback");
    fails_at(
        "run",
        &format!("{f}.yaml"),
        &format!("{f}.rhai:8:29"),
        "script::too-many-operations",
        "too many operations",
    );
}

#[test]
fn limit_errors_name_the_statement_not_the_hook() {
    let cases = [
        ("endless-loop", "4:14", "script::too-many-operations"),
        ("string-bomb", "4:14", "script::too-large"),
        ("array-bomb", "4:14", "script::too-large"),
        ("endless-recursion", "2:21", "script::too-deep"),
    ];
    for (name, at, code) in cases {
        let f = format!("{RUNTIME}/{name}");
        fails_at("run", &format!("{f}.yaml"), &format!("{f}.rhai:{at}"), code, "failed in on_");
    }
}

#[test]
fn rand_int_with_reversed_bounds_is_an_error() {
    let f = format!("{RUNTIME}/rand-int-reversed");
    fails_at("run", &format!("{f}.yaml"), &format!("{f}.rhai:3:19"), "script::bad-argument", "rand_int(5, 1)");
}

#[test]
fn chance_above_one_is_an_error() {
    let f = format!("{RUNTIME}/chance-above-one");
    fails_at("run", &format!("{f}.yaml"), &format!("{f}.rhai:3:8"), "script::bad-argument", "chance(2)");
}

#[test]
fn chance_of_nan_is_an_error() {
    let f = format!("{RUNTIME}/chance-nan");
    fails_at("run", &format!("{f}.yaml"), &format!("{f}.rhai:4:8"), "script::bad-argument", "chance(NaN)");
}
