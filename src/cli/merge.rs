//! `sandtable merge`: reads the partial aggregates of a sharded study, checks that they
//! make one whole study, and writes the files one unsharded run writes. The model is
//! compiled from the scenario, plan and scripts the partials keep, so merging needs
//! nothing but the files, wherever the shards were played.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::SourceFile;
use crate::error::{Error, Result};
use crate::montecarlo::{self, KeptInput, MergeError, PARTIAL_FILE, PARTIAL_SCHEMA_VERSION, Partial, PartialError};
use crate::score::Lang;

/// The largest partial aggregate read: it keeps the scenario, plan and scripts, each
/// within the input limit, and a tally of a few kilobytes.
const MAX_PARTIAL_BYTES: u64 = 8 * super::files::MAX_INPUT_BYTES;

/// What `merge` was asked to do.
#[derive(Debug, Clone)]
pub struct MergeArgs {
    /// Folders or partial files.
    pub inputs: Vec<PathBuf>,
    /// Output directory.
    pub out: Option<PathBuf>,
    /// `md` and/or `json`.
    pub formats: Vec<String>,
    /// Language of the report, summary and messages.
    pub lang: Lang,
}

/// Merges the partial aggregates found under `args.inputs` and writes the study's files.
pub fn merge(args: &MergeArgs) -> Result<()> {
    let say = &args.lang.catalogue().shards;
    let mut found = Vec::new();
    for input in &args.inputs {
        super::files::find_named(input, PARTIAL_FILE, &mut found)?;
    }
    if found.is_empty() {
        let given: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Failed((say.nothing_to_merge)(&given.join(", "))));
    }
    let mut parts = Vec::with_capacity(found.len());
    for path in &found {
        let mut partial = read_partial(path, args.lang)?;
        // Only the first file's kept inputs are compiled; the others are held to its SHA-256.
        if !parts.is_empty() {
            partial.files = Vec::new();
        }
        parts.push((path.display().to_string(), partial));
    }
    let whole = montecarlo::merge(&parts).map_err(|e| Error::Failed(explain(&e, args.lang)))?;
    let first = &parts[0].0;
    let project = open_kept(&whole, first, args.lang)?;
    let model = &project.model;
    let fresh = montecarlo::Aggregate::new(model);
    let shaped = whole.aggregate.functions.len() == fresh.functions.len()
        && whole.aggregate.ratings.len() == fresh.ratings.len()
        && whole.aggregate.links.len() == fresh.links.len()
        && whole.aggregate.stakeholders.len() == fresh.stakeholders.len();
    if !shaped {
        return Err(Error::Failed((say.corrupt)(first, "its tally does not fit the plan and scenario it keeps")));
    }
    let planned = whole.runs;
    let study = montecarlo::StudyReport {
        model,
        inputs: &whole.inputs,
        seed: whole.seed,
        planned,
        aggregate: &whole.aggregate,
        variants: &[],
    };
    let files = super::montecarlo::study_files(&args.formats, args.lang, &study);
    let out_dir = crate::project::out_dir(args.out.as_deref(), model, crate::project::Writer::MonteCarlo);
    super::output_set::write_set(&out_dir, &files)?;
    let summary = study.summary(args.lang);
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", crate::text::for_terminal(&summary));
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let wrote = (args.lang.catalogue().summary.wrote)(&names.join(", "), &out_dir.display().to_string());
    let _ = writeln!(stdout, "{wrote}");
    Ok(())
}

fn read_partial(path: &Path, lang: Lang) -> Result<Partial> {
    let say = &lang.catalogue().shards;
    let shown = path.display().to_string();
    let bytes = super::files::read_bytes(path, MAX_PARTIAL_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Failed((say.corrupt)(&shown, &e.to_string())))?;
    Partial::read(&text).map_err(|e| {
        Error::Failed(match e {
            PartialError::Corrupt(why) => (say.corrupt)(&shown, &why),
            PartialError::Newer { found } => {
                (say.newer)(&shown, &found.to_string(), &PARTIAL_SCHEMA_VERSION.to_string())
            }
        })
    })
}

/// A merge problem in the user's language.
fn explain(e: &MergeError, lang: Lang) -> String {
    let say = &lang.catalogue().shards;
    match e {
        MergeError::Nothing => (say.nothing_to_merge)(""),
        MergeError::Mismatch { file, first, what, expected, found } => {
            (say.mismatch)(file, what, found, first, expected)
        }
        MergeError::Incomplete { file, shard, played, planned } => {
            (say.incomplete)(file, &shard.to_string(), &played.to_string(), &planned.to_string())
        }
        MergeError::Duplicate { shard, files } => (say.duplicate)(&shard.to_string(), &files.join(", ")),
        MergeError::Missing { indices, count, of } => {
            let mut list: Vec<String> = indices.iter().map(u64::to_string).collect();
            if (indices.len() as u64) < *count {
                list.push("…".to_owned());
            }
            (say.missing)(&list.join(", "), &count.to_string(), &of.to_string())
        }
    }
}

/// The project compiled from the texts `whole` keeps, read at the paths they were read
/// from, and checked against the SHA-256 the partials record (all but the decisions
/// file's, which is not kept: it shaped the replicas, not the report).
fn open_kept(whole: &Partial, first: &str, lang: Lang) -> Result<crate::project::Project> {
    let sources = Kept { files: &whole.files };
    let plan = whole.plan_override.as_deref().map(Path::new);
    let project = crate::project::open(&sources, Path::new(&whole.scenario_path), plan)?;
    let changed: Vec<&str> =
        project.inputs.differences(&whole.inputs).into_iter().filter(|r| *r != "decisions").collect();
    if !changed.is_empty() {
        return Err(Error::Failed((lang.catalogue().shards.kept_files_changed)(first, &changed.join(", "))));
    }
    Ok(project)
}

/// The files a partial aggregate keeps, by the path they were read from; nothing else
/// can be read.
struct Kept<'a> {
    files: &'a [KeptInput],
}

impl crate::project::Sources for Kept<'_> {
    fn read(&self, path: &Path) -> Result<Arc<SourceFile>> {
        let wanted = path.to_string_lossy();
        match self.files.iter().find(|f| f.path == wanted) {
            Some(f) => Ok(Arc::new(SourceFile::new(&f.path, f.text.clone()))),
            None => Err(Error::Read {
                path: path.to_owned(),
                source: std::io::Error::other("is not among the files the partial aggregate keeps"),
            }),
        }
    }
}
