//! `sandtable rerun DIR`: plays an exercise record again from the inputs it keeps, into
//! a temporary folder, and says whether `results.json` comes out the same byte for byte.
//! The record is only read: nothing in it is written, and nothing outside its `inputs/`
//! is read to play it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::files::read_source;
use crate::diag::{RenderStyle, SourceFile};
use crate::error::{Error, Result};
use crate::inputs::sha256_hex;
use crate::record::{INPUTS_DIR, RECORD_FILE, RECORD_SCHEMA_VERSION, Record, first_difference, is_inside_inputs};
use crate::report::Format;

/// The file a replay must reproduce.
const RESULTS: &str = "results.json";

/// Replays the record in `dir`; `Ok` when it reproduces, [`Error::NotReproduced`] when
/// not, any other error when the record cannot be replayed.
pub fn rerun(dir: &Path, style: RenderStyle) -> Result<()> {
    let record = read_record(dir)?;
    check_inputs(dir, &record)?;
    let args = super::run::RunArgs {
        target: super::ScenarioArgs {
            scenario: dir.join(&record.scenario),
            plan: record.plan.as_ref().map(|p| dir.join(p)),
            seed: Some(record.seed),
        },
        decisions: record.answers.as_ref().map(|p| dir.join(p)),
        out: None,
        formats: formats(&record)?,
        lang: record.lang,
        template: None,
        // They were shown when the record was made; a replay is about the results.
        warnings: super::settings::Warnings::None,
    };
    let sources = InsideRecord { inputs: crate::record::normalize(&absolute(&dir.join(INPUTS_DIR))) };
    let played = super::run::play_through(&args, &sources, style)?;
    let scratch = tempfile::tempdir().map_err(|source| Error::Write { path: std::env::temp_dir(), source })?;
    super::output_set::write_set(scratch.path(), &played.files)?;
    let replayed = read_bytes(&scratch.path().join(RESULTS))?;
    let recorded = read_bytes(&dir.join(RESULTS))?;
    let say = &record.lang.catalogue().summary;
    let shown = dir.display().to_string();
    match first_difference(&String::from_utf8_lossy(&recorded), &String::from_utf8_lossy(&replayed)) {
        None if recorded == replayed => {
            println!("{}", crate::text::for_terminal(&(say.reproduced)(&shown, &record.seed.to_string())));
            Ok(())
        }
        difference => {
            let d = difference.unwrap_or(crate::record::Difference { line: 1, ..Default::default() });
            let mut message = (say.not_reproduced)(&shown, &d.line.to_string(), &d.recorded, &d.replayed);
            let now = env!("CARGO_PKG_VERSION");
            if record.sandtable_version != now {
                message = format!("{message}\n{}", (say.other_release)(&record.sandtable_version, now));
            }
            Err(Error::NotReproduced(crate::text::for_terminal(&message).into_owned()))
        }
    }
}

/// `record.json`, refused when it comes from a newer release or names files outside
/// `inputs/`.
fn read_record(dir: &Path) -> Result<Record> {
    let path = dir.join(RECORD_FILE);
    if !path.is_file() {
        return Err(Error::Failed(format!(
            "{} is not an exercise record: it has no {RECORD_FILE} (`run` and `play` make records)",
            dir.display()
        )));
    }
    let file = read_source(&path)?;
    let corrupt = |why: String| Error::Failed(format!("{} is not a readable record: {why}", path.display()));
    let value: serde_json::Value = serde_json::from_str(file.text()).map_err(|e| corrupt(e.to_string()))?;
    let version = value.get("schema_version").and_then(serde_json::Value::as_u64);
    match version {
        Some(v) if v > u64::from(RECORD_SCHEMA_VERSION) => {
            return Err(Error::Failed(format!(
                "{} was made by a newer sandtable (record layout {v}; this release reads up to {RECORD_SCHEMA_VERSION}): \
                 rerun it with that release or a later one",
                path.display()
            )));
        }
        Some(_) => {}
        None => return Err(corrupt("it has no schema_version".to_owned())),
    }
    let record: Record = serde_json::from_value(value).map_err(|e| corrupt(e.to_string()))?;
    let named = [Some(&record.scenario), record.plan.as_ref(), record.answers.as_ref()];
    let listed = |p: &String| record.inputs.iter().any(|i| &i.path == p);
    if let Some(bad) = record.inputs.iter().map(|i| &i.path).find(|p| !is_inside_inputs(p)) {
        return Err(corrupt(format!("it names `{bad}`, which is not inside {INPUTS_DIR}/")));
    }
    if let Some(bad) = named.into_iter().flatten().find(|p| !listed(p)) {
        return Err(corrupt(format!("it plays `{bad}`, which is not among its inputs")));
    }
    Ok(record)
}

/// Every kept input still has the SHA-256 it was recorded with; otherwise the record
/// was changed, and a replay would say nothing about what was played.
fn check_inputs(dir: &Path, record: &Record) -> Result<()> {
    let mut changed = Vec::new();
    for input in &record.inputs {
        let text = read_source(&dir.join(&input.path))?;
        if sha256_hex(text.text()) != input.sha256 {
            changed.push(input.path.clone());
        }
    }
    if changed.is_empty() {
        return Ok(());
    }
    Err(Error::Failed(format!(
        "{} was changed after the exercise: {} no longer has the SHA-256 in {RECORD_FILE}; \
         a record replays only what was played",
        dir.display(),
        changed.join(", ")
    )))
}

/// The reports the record wrote, by file name.
fn formats(record: &Record) -> Result<Vec<Format>> {
    record
        .reports
        .iter()
        .map(|name| {
            Format::ALL.into_iter().find(|f| f.file_name() == name).ok_or_else(|| {
                Error::Failed(format!("{RECORD_FILE} lists a report this release does not write: {name}"))
            })
        })
        .collect()
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Read { path: path.to_owned(), source })
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// The file system, as far as the record's `inputs/` folder: a scenario that names a
/// plan or script by an absolute path, or above the folder, cannot read a live file.
/// Paths are resolved by their text, as the record placed them.
struct InsideRecord {
    inputs: PathBuf,
}

impl crate::project::Sources for InsideRecord {
    fn read(&self, path: &Path) -> Result<Arc<SourceFile>> {
        let resolved = crate::record::normalize(&absolute(path));
        if !resolved.starts_with(&self.inputs) {
            return Err(Error::Read {
                path: path.to_owned(),
                source: std::io::Error::other(format!(
                    "is outside the record's {INPUTS_DIR}/ folder; a record replays only the files it keeps"
                )),
            });
        }
        read_source(&resolved)
    }
}
