//! An exercise record: an output folder that also keeps exactly what was played (the
//! scenario, its plan and scripts, the decisions file or journal) under `inputs/`, and
//! `record.json` saying how to play it again. This module is the pure part: where each
//! input goes in the record, what `record.json` holds, and how a replay is compared
//! with what was recorded. `cli/record.rs` and `cli/rerun.rs` do the reading and writing.
//!
//! The scenario, plan and scripts keep their layout relative to the closest folder that
//! holds them all, so that the scenario's relative `plan:` and `scripts:` paths resolve
//! from the copy without rewriting a byte. The decisions file or journal, which the
//! scenario does not name, is kept as `inputs/decisions.yaml` or `inputs/journal.jsonl`.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// Version of the `record.json` layout (also the `record` section of `report.json`);
/// bumped only when a field changes meaning. Every later release reads every earlier one.
pub const RECORD_SCHEMA_VERSION: u32 = 1;
/// The file in a record folder that says how to play it again.
pub const RECORD_FILE: &str = "record.json";
/// The folder in a record that holds what was played.
pub const INPUTS_DIR: &str = "inputs";

/// What was played and how: `record.json`, and the `record` section of `report.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Layout version ([`RECORD_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The sandtable release that made the record.
    pub sandtable_version: String,
    /// The seed played.
    pub seed: u64,
    /// The exercise date the scenario gives.
    pub date: Option<String>,
    /// The language of the reports.
    pub lang: Lang,
    /// The reports written (`report.md`, …), besides `events.jsonl` and `results.json`.
    pub reports: Vec<String>,
    /// The scenario, as a path in the record (`inputs/…`).
    pub scenario: String,
    /// The plan, when it was given with `--plan` rather than named by the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The decisions file or journal played, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// Every input kept, with its SHA-256.
    pub inputs: Vec<RecordedInput>,
}

/// One input kept in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedInput {
    /// `scenario`, `plan`, `script PATH` (as the scenario writes it), `decisions` or `journal`.
    pub role: String,
    /// Where it is in the record (`inputs/…`, `/`-separated).
    pub path: String,
    /// The SHA-256 of its text, lower-case hex.
    pub sha256: String,
}

/// Where each of the scenario's files goes in a record: `inputs/` followed by its path
/// relative to the closest folder holding all of them. `files` are (role, path as read);
/// relative paths are taken from `cwd`. The order of `files` is kept.
pub fn tree_layout(files: &[(String, PathBuf)], cwd: &Path) -> Vec<(String, String)> {
    let absolute: Vec<PathBuf> = files.iter().map(|(_, p)| normalize(&cwd.join(p))).collect();
    let root = absolute
        .iter()
        .map(|p| p.parent().unwrap_or(p).to_path_buf())
        .reduce(|a, b| common_prefix(&a, &b))
        .unwrap_or_default();
    files
        .iter()
        .zip(&absolute)
        .map(|((role, _), path)| {
            let relative = path.strip_prefix(&root).unwrap_or(path);
            (role.clone(), in_inputs(relative))
        })
        .collect()
}

/// Where the decisions file or journal goes: `inputs/journal.jsonl` or
/// `inputs/decisions.yaml`, numbered in the unlikely case the scenario's tree already
/// has a file of that name at its top.
pub fn answers_path(is_journal: bool, taken: &[(String, String)]) -> String {
    let (stem, ext) = if is_journal { ("journal", "jsonl") } else { ("decisions", "yaml") };
    (0..)
        .map(|n| if n == 0 { format!("{INPUTS_DIR}/{stem}.{ext}") } else { format!("{INPUTS_DIR}/{stem}-{n}.{ext}") })
        .find(|candidate| !taken.iter().any(|(_, p)| p == candidate))
        .unwrap_or_default()
}

/// Whether a path read from `record.json` stays inside the record's `inputs/`: relative,
/// `/`-separated, no `.`, `..` or empty parts. A record is data, so it may not name any
/// other file to read.
pub fn is_inside_inputs(path: &str) -> bool {
    let mut parts = path.split('/');
    parts.next() == Some(INPUTS_DIR)
        && path.len() > INPUTS_DIR.len() + 1
        && parts.all(|p| !p.is_empty() && p != "." && p != ".." && !p.contains('\\') && !p.contains(':'))
}

/// A path with `.` and `..` resolved by its text alone, without asking the file system,
/// so that the same rule places files in a record and finds them again.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn common_prefix(a: &Path, b: &Path) -> PathBuf {
    a.components().zip(b.components()).take_while(|(x, y)| x == y).map(|(x, _)| x.as_os_str()).collect()
}

/// `inputs/` and the path's parts joined with `/`; a root or prefix part (an absolute
/// path outside every common folder) is left out.
fn in_inputs(relative: &Path) -> String {
    let parts = relative.components().filter_map(|c| match c {
        Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
        _ => None,
    });
    std::iter::once(INPUTS_DIR.to_owned()).chain(parts).collect::<Vec<_>>().join("/")
}

/// Where a replayed file first differs from the recorded one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Difference {
    /// 1-based line.
    pub line: usize,
    /// The recorded line (empty past the end).
    pub recorded: String,
    /// The replayed line (empty past the end).
    pub replayed: String,
}

/// The first line where `replayed` differs from `recorded`, or `None` when they are the
/// same bytes. A difference in line endings only is reported at the first such line.
pub fn first_difference(recorded: &str, replayed: &str) -> Option<Difference> {
    if recorded == replayed {
        return None;
    }
    let (mut a, mut b) = (recorded.split_inclusive('\n'), replayed.split_inclusive('\n'));
    let mut line = 0;
    loop {
        line += 1;
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                let shown = |l: Option<&str>| l.unwrap_or_default().trim_end_matches(['\n', '\r']).to_owned();
                return Some(Difference { line, recorded: shown(x), replayed: shown(y) });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(files: &[(&str, &str)]) -> Vec<(String, String)> {
        let files: Vec<(String, PathBuf)> = files.iter().map(|(r, p)| ((*r).to_owned(), PathBuf::from(p))).collect();
        tree_layout(&files, Path::new("/work/project"))
    }

    #[test]
    fn files_keep_their_layout_from_the_closest_common_folder() {
        let placed = layout(&[
            ("plan", "scenarios/./plans/it.yaml"),
            ("script ../scripts/ups.rhai", "scenarios/../scripts/ups.rhai"),
            ("scenario", "scenarios/dc.yaml"),
        ]);
        let paths: Vec<&str> = placed.iter().map(|(_, p)| p.as_str()).collect();
        assert_eq!(paths, ["inputs/scenarios/plans/it.yaml", "inputs/scripts/ups.rhai", "inputs/scenarios/dc.yaml"]);
    }

    #[test]
    fn a_scenario_alone_in_its_folder_sits_at_the_top_of_inputs() {
        let placed = layout(&[("plan", "/elsewhere/drill/plan.yaml"), ("scenario", "/elsewhere/drill/drill.yaml")]);
        assert_eq!(placed[1], ("scenario".to_owned(), "inputs/drill.yaml".to_owned()));
    }

    #[test]
    fn the_answers_never_take_a_name_the_tree_has() {
        let taken = vec![("scenario".to_owned(), "inputs/decisions.yaml".to_owned())];
        assert_eq!(answers_path(false, &taken), "inputs/decisions-1.yaml");
        assert_eq!(answers_path(true, &taken), "inputs/journal.jsonl");
    }

    #[test]
    fn a_record_may_only_name_files_inside_inputs() {
        assert!(is_inside_inputs("inputs/scenarios/dc.yaml"));
        for bad in ["inputs", "inputs/", "inputs/../x", "/etc/passwd", "results.json", "inputs//x", "inputs/a\\..\\b"] {
            assert!(!is_inside_inputs(bad), "{bad}");
        }
    }

    #[test]
    fn the_first_differing_line_is_named_with_both_versions() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        let d = first_difference("a\n  \"x\": 1\nc\n", "a\n  \"x\": 2\nc\n");
        assert_eq!(
            d,
            Some(Difference { line: 2, recorded: "  \"x\": 1".to_owned(), replayed: "  \"x\": 2".to_owned() })
        );
        assert_eq!(first_difference("a\n", "a\nb\n").map(|d| (d.line, d.recorded)), Some((2, String::new())));
        assert_eq!(first_difference("a\n", "a\r\n").map(|d| d.line), Some(1));
    }
}
