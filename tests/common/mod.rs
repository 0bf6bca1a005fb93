//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The crate root, so that paths in output are relative and stable.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the crate root without colour.
pub fn sandtable() -> Command {
    let mut cmd = Command::cargo_bin("sandtable").expect("binary builds");
    cmd.current_dir(root()).env("NO_COLOR", "1").env_remove("COLUMNS");
    cmd
}

/// A path relative to the crate root, with forward slashes on every platform.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// Every shipped scenario and plan.
pub fn shipped() -> Vec<String> {
    let mut files = Vec::new();
    for dir in ["scenarios", "scenarios/plans"] {
        let mut entries: Vec<_> = std::fs::read_dir(root().join(dir))
            .expect("shipped directory exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        entries.sort();
        files.extend(entries.iter().map(|p| relative(p)));
    }
    files
}

/// Loads a scenario and the plan it names, and compiles them; panics with the rendered
/// diagnostics if they do not compile (a broken fixture is a broken test).
pub fn model(scenario: &str) -> sandtable::compile::Model {
    use std::sync::Arc;
    let read = |p: &Path| {
        let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        Arc::new(sandtable::diag::SourceFile::from_bytes(relative(p), bytes).unwrap_or_else(|d| panic!("{d}")))
    };
    let path = root().join(scenario);
    let sc = sandtable::load::scenario(&read(&path)).unwrap_or_else(|d| panic!("{d}"));
    let plan_path = path.parent().unwrap_or(Path::new(".")).join(&sc.doc.plan.value);
    let plan = sandtable::load::plan(&read(&plan_path)).unwrap_or_else(|d| panic!("{d}"));
    sandtable::compile::compile(&plan, &sc)
        .unwrap_or_else(|d| panic!("{}", sandtable::diag::render(&d, sandtable::diag::RenderStyle::PLAIN)))
}

/// Plays a model with defaults for every decision.
pub fn play(model: &sandtable::compile::Model, seed: u64) -> sandtable::results::Results {
    let outcome = sandtable::engine::Engine::new(model).play(seed, &mut sandtable::engine::Defaults).expect("plays");
    sandtable::results::Results::new(model, &outcome)
}

/// Loads a scenario with its plan and scripts, compiled.
pub fn scripted(scenario: &str) -> (sandtable::compile::Model, sandtable::script::ScriptHost) {
    use std::sync::Arc;
    let m = model(scenario);
    let path = root().join(scenario);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let sc = sandtable::load::scenario(&Arc::new(sandtable::diag::SourceFile::new(relative(&path), text)))
        .unwrap_or_else(|d| panic!("{d}"));
    let files: Vec<_> = sc
        .doc
        .scripts
        .iter()
        .map(|s| {
            let p = path.parent().unwrap_or(Path::new(".")).join(&s.value);
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            Arc::new(sandtable::diag::SourceFile::new(relative(&p), text))
        })
        .collect();
    let host = sandtable::script::ScriptHost::compile(&m, &files)
        .unwrap_or_else(|d| panic!("{}", sandtable::diag::render(&d, sandtable::diag::RenderStyle::PLAIN)));
    (m, host)
}
