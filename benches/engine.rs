//! Throughput of the engine on the shipped data-centre scenario: compile once, replay
//! with many seeds reusing one engine's buffers, as a Monte Carlo study will.
//!
//! Run with `cargo bench --bench engine`. Target: at least 10 000 runs per second per
//! core in release mode, scripts included, so that a 50 000-seed study takes seconds.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use sandtable::compile::compile;
use sandtable::diag::SourceFile;
use sandtable::engine::{Defaults, Engine};
use sandtable::load;
use sandtable::script::ScriptHost;

fn read(path: &Path) -> Arc<SourceFile> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Arc::new(SourceFile::from_bytes(path.display().to_string(), bytes).unwrap_or_else(|d| panic!("{d}")))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["dc-power-loss", "warehouse-fire"] {
        let scenario =
            load::scenario(&read(&root.join(format!("scenarios/{name}.yaml")))).unwrap_or_else(|d| panic!("{d}"));
        let plan_path = root.join("scenarios").join(&scenario.doc.plan.value);
        let plan = load::plan(&read(&plan_path)).unwrap_or_else(|d| panic!("{d}"));
        let model = compile(&plan, &scenario).unwrap_or_else(|_| panic!("{name} does not compile"));
        // As shipped: with the scenario's scripts, compiled once and shared by every run.
        let files: Vec<_> = scenario.doc.scripts.iter().map(|s| read(&root.join("scenarios").join(&s.value))).collect();
        let scripts = ScriptHost::compile(&model, &files).unwrap_or_else(|_| panic!("{name}: scripts do not compile"));
        let mut engine = Engine::with_scripts(&model, &scripts);
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
