//! Keeping an exercise record: what `run` and `play` played (the project's files as read,
//! the decisions file or journal) joins their output set under `inputs/`, with
//! `record.json`. The layout and the format are [`crate::record`]'s; this file only asks
//! the process for its working folder, which relative paths are taken from.

use crate::diag::SourceFile;
use crate::inputs::sha256_hex;
use crate::lang::Lang;
use crate::play::Journal;
use crate::project::Project;
use crate::record::{INPUTS_DIR, RECORD_FILE, RECORD_SCHEMA_VERSION, Record, RecordedInput, answers_path, tree_layout};
use crate::report::Format;

/// What a command played and how, ready to join its output set.
#[derive(Debug)]
pub struct Kept {
    /// `record.json`, also the `record` section of `report.json`.
    pub record: Record,
    /// The inputs' copies, as (path in the record, text).
    inputs: Vec<(String, String)>,
}

/// How a run was played, besides the project's own files.
#[derive(Debug, Clone, Copy)]
pub struct Played<'a> {
    /// Whether the plan came from `--plan` rather than the scenario.
    pub plan_given: bool,
    /// The decisions file or journal, as read (a journal when a live session ends).
    pub answers: Option<&'a SourceFile>,
    /// The seed played.
    pub seed: u64,
    /// The reports' language.
    pub lang: Lang,
    /// The reports written.
    pub formats: &'a [Format],
}

/// The record of `project` played as `played`: every input with its place and SHA-256.
pub fn keep(project: &Project, played: Played<'_>) -> Kept {
    let cwd = std::env::current_dir().unwrap_or_default();
    let read: Vec<(String, std::path::PathBuf)> =
        project.files.iter().map(|f| (f.role.clone(), f.path.clone())).collect();
    let placed = tree_layout(&read, &cwd);
    let mut inputs: Vec<(String, String)> = Vec::new();
    let mut recorded: Vec<RecordedInput> = Vec::new();
    let mut keep_one = |role: &str, path: &str, text: &str| {
        recorded.push(RecordedInput { role: role.to_owned(), path: path.to_owned(), sha256: sha256_hex(text) });
        inputs.push((path.to_owned(), text.to_owned()));
    };
    // The scenario first, then its plan and scripts, as a reader would look for them.
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by_key(|&i| (placed[i].0 != "scenario", placed[i].0 != "plan", i));
    for i in order {
        keep_one(&placed[i].0, &placed[i].1, project.files[i].file.text());
    }
    let path_of = |role: &str| placed.iter().find(|(r, _)| r == role).map(|(_, p)| p.clone());
    let answers = played.answers.map(|file| {
        let is_journal = Journal::is_journal(file.text());
        let path = answers_path(is_journal, &placed);
        keep_one(if is_journal { "journal" } else { "decisions" }, &path, file.text());
        path
    });
    let mut formats = played.formats.to_vec();
    formats.sort();
    formats.dedup();
    let record = Record {
        schema_version: RECORD_SCHEMA_VERSION,
        sandtable_version: env!("CARGO_PKG_VERSION").to_owned(),
        seed: played.seed,
        date: project.model.meta.date.clone(),
        lang: played.lang,
        reports: formats.iter().map(|f| f.file_name().to_owned()).collect(),
        scenario: path_of("scenario").unwrap_or_default(),
        plan: path_of("plan").filter(|_| played.plan_given),
        answers,
        inputs: recorded,
    };
    Kept { record, inputs }
}

impl Kept {
    /// The whole output set: the outputs, `record.json`, then the inputs.
    pub fn with_outputs(self, outputs: Vec<(&'static str, String)>) -> Vec<(String, String)> {
        let mut json = serde_json::to_string_pretty(&self.record).unwrap_or_else(|_| "{}".to_owned());
        json.push('\n');
        let outputs = outputs.into_iter().map(|(name, text)| (name.to_owned(), text));
        outputs.chain(std::iter::once((RECORD_FILE.to_owned(), json))).chain(self.inputs).collect()
    }
}

/// The record's names for the "wrote …" line: its file and its folder.
pub fn summary_names() -> [String; 2] {
    [RECORD_FILE.to_owned(), format!("{INPUTS_DIR}/")]
}
