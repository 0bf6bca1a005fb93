//! The engine brings derived state in line incrementally (`engine/index.rs`,
//! `engine/dirty.rs`): after every event, only what the change reaches is gone over.
//! These tests play runs step by step and check after every step that a full
//! recomputation would change nothing unmarked (`Engine::check_derived`), on every
//! shipped scenario, on the data-centre plan scaled up, and on random injects against
//! the scaled plan; and that a scaled run's outcome does not depend on how many copies
//! came before (copy 0 of a 3× plan is played as the 1× plan is, up to the shared parts).

#[path = "../benches/scaled/mod.rs"]
mod scaled;

use std::path::Path;

use proptest::prelude::*;
use sandtable::cli::DiskSources;
use sandtable::compile::Model;
use sandtable::engine::{DecisionSource, Defaults, Engine, Progress};
use sandtable::project::Project;
use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Plays `seed` to the end, checking the invariant after the start and every step.
fn play_checked(model: &Model, engine: &mut Engine, seed: u64) -> Result<usize, String> {
    engine.start(seed).map_err(|e| format!("{e:?}"))?;
    engine.check_derived().map_err(|e| format!("seed {seed}, at the start: {e}"))?;
    let mut steps = 0;
    loop {
        match engine.step().map_err(|e| format!("{e:?}"))? {
            Progress::Done => return Ok(steps),
            Progress::Ask(q) => {
                let reply = Defaults.reply(model, engine.ask(q));
                engine.answer(reply);
            }
            Progress::Event(t) => {
                steps += 1;
                engine.check_derived().map_err(|e| format!("seed {seed}, T+{t}s, step {steps}: {e}"))?;
            }
        }
    }
}

fn check_project(project: &Project, seeds: u64) {
    let mut engine = Engine::with_scripts(&project.model, &project.scripts);
    for seed in 0..seeds {
        if let Err(e) = play_checked(&project.model, &mut engine, seed) {
            panic!("{e}");
        }
    }
}

#[test]
fn every_shipped_scenario_settles_as_a_full_recomputation_would() {
    for name in ["dc-power-loss", "warehouse-fire", "key-person-unreachable", "supplier-cut-off"] {
        let path = root().join(format!("scenarios/{name}.yaml"));
        let project = sandtable::project::open(&DiskSources, &path, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        check_project(&project, 40);
    }
}

#[test]
fn the_scaled_plan_settles_as_a_full_recomputation_would() {
    for copies in [1, 3, 10] {
        check_project(&scaled::project(root(), copies), 10);
        check_project(&scaled::without_script(root(), copies, None), 10);
    }
}

/// Ids of the 3× plan that injects may name.
const SITES: [&str; 5] = ["dc-main", "dr-cloud", "saas", "docs-drive", "hq-office"];
const SYSTEMS: [&str; 6] = ["storage", "core-db", "app-platform", "office-systems", "mail", "im"];
const CHANNELS: [&str; 4] = ["phone", "sms", "chat", "email"];
const PEOPLE: [&str; 10] =
    ["he-ming", "lu-fang", "gao-wei", "tang-li", "ma-jun", "song-yu", "xu-hao", "fan-qing", "zhou-ning", "jiang-yan"];
const SUPPLIERS: [&str; 2] = ["cloud-provider", "colo-partner"];

/// An effect on copy `copy` of the thing `which` picks, of kind `kind`.
fn effect(kind: usize, which: usize, copy: usize, minutes: u32) -> Value {
    let id = |names: &[&str]| {
        let name = names[which % names.len()];
        if copy == 0 { name.to_owned() } else { format!("{name}-{copy}") }
    };
    match kind % 12 {
        0 => json!({ "site_down": SITES[which % SITES.len()] }),
        1 => json!({ "site_up": SITES[which % SITES.len()] }),
        2 => json!({ "system_down": id(&SYSTEMS) }),
        3 => json!({ "system_up": id(&SYSTEMS) }),
        4 => json!({ "system_degraded": id(&SYSTEMS) }),
        5 => json!({ "channel_down": id(&CHANNELS) }),
        6 => json!({ "channel_up": id(&CHANNELS) }),
        7 => json!({ "person_unavailable": { "person": id(&PEOPLE), "for": format!("{minutes}m") } }),
        8 => json!({ "person_available": id(&PEOPLE) }),
        9 => json!({ "supplier_cut_off": id(&SUPPLIERS) }),
        10 => json!({ "supplier_restored": id(&SUPPLIERS) }),
        _ => json!({ "person_unavailable": { "person": id(&PEOPLE) } }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random injects (sites, systems, channels, people and suppliers going and coming
    /// back, at random times) against the 3× plan: the invariant holds after every step.
    #[test]
    fn random_injects_settle_as_a_full_recomputation_would(
        injects in prop::collection::vec((0u32..480, 0usize..12, 0usize..10, 0usize..3, 1u32..180), 1..14),
        seed in 0u64..1000,
    ) {
        let extra = injects
            .iter()
            .enumerate()
            .map(|(i, &(at, kind, which, copy, minutes))| json!({
                "event": format!("r{i}"),
                "at": format!("T+{}:{:02}", at / 60, at % 60),
                "title": "random",
                "effects": [effect(kind, which, copy, minutes)],
            }))
            .collect();
        // A hook for every event, so that the snapshot hooks see is checked too.
        let script = "fn on_event(kind, subject) { if is_function_up(\"core-db-service\") { let n = kind.len(); } }";
        let project = scaled::with_injects(root(), 3, Some(script), extra);
        let mut engine = Engine::with_scripts(&project.model, &project.scripts);
        if let Err(e) = play_checked(&project.model, &mut engine, seed) {
            return Err(TestCaseError::fail(e));
        }
    }
}

/// `on_event` is called only for the kinds its body can react to (`script/reacts.rs`):
/// the same hook written so that it cannot be read that way (a statement outside its
/// `if`s) is called for every event, and the runs must be the same, draws included.
#[test]
fn a_hook_skipped_for_kinds_it_cannot_react_to_changes_nothing() {
    let body = r#"
        if kind == "step_started" && chance(0.5) { log(subject); }
        if kind == "notification_late" || kind == "system_down" { schedule("5m", `late: ${subject}`); }
    "#;
    let guarded = format!("fn on_event(kind, subject) {{ {body} }}");
    let everything = format!("fn on_event(kind, subject) {{ {body} let seen = true; }}");
    let (a, b) =
        (scaled::without_script(root(), 2, Some(&guarded)), scaled::without_script(root(), 2, Some(&everything)));
    let (mut ea, mut eb) = (Engine::with_scripts(&a.model, &a.scripts), Engine::with_scripts(&b.model, &b.scripts));
    let mut logged = 0;
    for seed in 0..20 {
        let oa = ea.play(seed, &mut Defaults).unwrap_or_else(|e| panic!("{e:?}"));
        let ob = eb.play(seed, &mut Defaults).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(format!("{oa:?}") == format!("{ob:?}"), "seed {seed}: skipping the hook changed the run");
        logged += oa.script_lines.len() + oa.script_injects.len();
    }
    assert!(logged > 0, "the hook never did anything: the test would prove nothing");
}
