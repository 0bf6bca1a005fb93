//! How the cost of a run grows with the plan: the shipped data-centre scenario against
//! its plan at 1×, 10× and 100× the size (`scaled/mod.rs`), with and without its script,
//! per run and per event; and what one script hook costs against a bare rhai `call_fn`
//! of the same function, with a snapshot of the 1× and of the 100× plan.
//!
//! Run with `cargo bench --bench scaling`. Targets (issue 15 item 7): a 10× plan costs at
//! most 12× per run, a 100× plan at most 150×; a hook at most 2× a bare `call_fn`.

mod scaled;

use std::path::Path;
use std::time::Instant;

use sandtable::engine::{Defaults, Engine};

/// Seconds each measurement aims at: long enough to be steady, short enough for 2 cores.
const SECONDS: f64 = 2.0;
/// Rounds a measurement is split into; the fastest counts.
const ROUNDS: u32 = 5;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut base = [0.0f64; 2];
    for copies in [1, 10, 100] {
        let scripted = scaled::project(root, copies);
        let bare = scaled::without_script(root, copies, None);
        for (i, scripts) in [false, true].into_iter().enumerate() {
            let mut engine = if scripts {
                Engine::with_scripts(&scripted.model, &scripted.scripts)
            } else {
                Engine::new(&bare.model)
            };
            let (per_run, events) = time_runs(&mut engine);
            if copies == 1 {
                base[i] = per_run;
            }
            println!(
                "{copies:>3}× plan, {:<15} {:>10.1} µs/run ({:>7.1}× the 1× plan), {events:>6.0} events/run, {:.3} µs/event",
                if scripts { "with scripts:" } else { "without scripts:" },
                per_run * 1e6,
                per_run / base[i],
                per_run * 1e6 / events,
            );
        }
    }
    hooks(root);
}

/// Seconds per run and events per run: the fastest of [`ROUNDS`] rounds, each over as
/// many seeds as fit in its share of [`SECONDS`] (the machine is shared, and the
/// fastest round is the one least disturbed by others).
fn time_runs(engine: &mut Engine) -> (f64, f64) {
    let (mut best, mut per_run_events) = (f64::INFINITY, 0.0);
    let mut seed = 0u64;
    for _ in 0..ROUNDS {
        let (mut runs, mut events) = (0u64, 0usize);
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < SECONDS / ROUNDS as f64 || runs < 2 {
            events += engine.play(seed, &mut Defaults).map(|o| o.log.len()).unwrap_or_else(|e| panic!("{e:?}"));
            runs += 1;
            seed += 1;
        }
        let per_run = start.elapsed().as_secs_f64() / runs as f64;
        if per_run < best {
            (best, per_run_events) = (per_run, events as f64 / runs as f64);
        }
    }
    (best, per_run_events)
}

/// What one hook call costs in a run, against a bare `call_fn` of the same script (the
/// floor): an `on_event` that reads its arguments for every kind of event, as the
/// scenario's only script, on the 1× and 100× plans. The cost of a hook is the run's
/// time with the script less its time without, per `on_event` call.
fn hooks(root: &Path) {
    let script = "fn on_event(kind, subject) { let n = kind.len() + subject.len(); }";
    let floor = bare_call(script);
    for copies in [1, 100] {
        let plain = scaled::without_script(root, copies, None);
        let (without, _) = time_runs(&mut Engine::new(&plain.model));
        let project = scaled::without_script(root, copies, Some(script));
        let mut engine = Engine::with_scripts(&project.model, &project.scripts);
        let outcome = engine.play(0, &mut Defaults).unwrap_or_else(|e| panic!("{e:?}"));
        let calls = outcome.log.iter().filter(|e| e.kind.calls_on_event()).count().max(1);
        let (with, _) = time_runs(&mut engine);
        let hook = (with - without) / calls as f64;
        println!(
            "on_event hook, {copies:>3}× plan: {:.3} µs per call ({calls} a run), bare call_fn {:.3} µs: {:.2}×",
            hook * 1e6,
            floor * 1e6,
            hook / floor
        );
    }
}

/// Seconds per `on_event("attempt", "he-ming")` on a plain rhai engine with the same
/// script compiled: the floor a hook is measured against.
fn bare_call(text: &str) -> f64 {
    let engine = rhai::Engine::new();
    let ast = engine.compile(text).unwrap_or_else(|e| panic!("{e}"));
    let mut scope = rhai::Scope::new();
    per_call(|| {
        let _: rhai::Dynamic = engine
            .call_fn(&mut scope, &ast, "on_event", ("attempt".to_owned(), "he-ming".to_owned()))
            .unwrap_or_else(|e| panic!("{e}"));
    })
}

/// Seconds per call of `f`, over as many calls as fit in a fifth of [`SECONDS`].
fn per_call(mut f: impl FnMut()) -> f64 {
    let mut calls = 0u64;
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < SECONDS / 5.0 {
        for _ in 0..1000 {
            f();
        }
        calls += 1000;
    }
    start.elapsed().as_secs_f64() / calls as f64
}
