//! Throughput of the engine on the shipped data-centre scenario: compile once, replay
//! with many seeds reusing one engine's buffers, as a Monte Carlo study will.
//!
//! Run with `cargo bench --bench engine`. Target: at least 10 000 runs per second per
//! core in release mode, scripts included, so that a 50 000-seed study takes seconds.

use std::path::Path;
use std::time::Instant;

use sandtable::cli::DiskSources;
use sandtable::engine::{Defaults, Engine};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["dc-power-loss", "warehouse-fire"] {
        // As shipped: with the scenario's scripts, compiled once and shared by every run.
        let path = root.join(format!("scenarios/{name}.yaml"));
        let project =
            sandtable::project::open(&DiskSources, &path, None).unwrap_or_else(|e| panic!("{name} does not open: {e}"));
        let (model, scripts) = (&project.model, &project.scripts);
        let mut engine = Engine::with_scripts(model, scripts);
        let runs = 20_000u64;
        let start = Instant::now();
        let mut events = 0usize;
        for seed in 0..runs {
            events += engine.play(seed, &mut Defaults).map(|o| o.log.len()).unwrap_or(0);
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{name}: {runs} runs in {secs:.2} s = {:.0} runs/s, {:.0} events/run",
            runs as f64 / secs,
            events as f64 / runs as f64
        );
    }
}
