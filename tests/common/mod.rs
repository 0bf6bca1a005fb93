//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod bomb;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The crate root, so that paths in output are relative and stable.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the crate root without colour, in English whatever the
/// machine's locale (tests that want another language set it).
pub fn sandtable() -> Command {
    let mut cmd = Command::cargo_bin("sandtable").expect("binary builds");
    cmd.current_dir(root()).env("NO_COLOR", "1").env_remove("COLUMNS");
    for var in ["SANDTABLE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
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

/// The ids (file stems) of every shipped scenario, sorted: the tests that play "every
/// shipped scenario" take them from here, so a scenario added to the library is covered
/// without editing a list.
pub fn shipped_scenarios() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .expect("shipped directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// Opens a scenario with its plan and scripts through the same path as the CLI; panics
/// with the rendered diagnostics if it does not open (a broken fixture is a broken test).
pub fn open(scenario: &str) -> sandtable::project::Project {
    sandtable::project::open(&sandtable::cli::DiskSources, Path::new(scenario), None).unwrap_or_else(|e| match e {
        sandtable::Error::Invalid(d) => {
            panic!("{}", sandtable::diag::render(&d, sandtable::diag::RenderStyle::PLAIN))
        }
        other => panic!("{scenario}: {other}"),
    })
}

/// The compiled model of a scenario and its plan.
pub fn model(scenario: &str) -> sandtable::compile::Model {
    open(scenario).model
}

/// Plays a model with defaults for every decision.
pub fn play(model: &sandtable::compile::Model, seed: u64) -> sandtable::results::Results {
    let outcome = sandtable::engine::Engine::new(model).play(seed, &mut sandtable::engine::Defaults).expect("plays");
    sandtable::results::Results::new(model, &outcome)
}

/// Loads a scenario with its plan and scripts, compiled.
pub fn scripted(scenario: &str) -> (sandtable::compile::Model, sandtable::script::ScriptHost) {
    let project = open(scenario);
    (project.model, project.scripts)
}
