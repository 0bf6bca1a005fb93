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
