//! `sandtable compare` and `sandtable diff`: finding and reading the records and plans,
//! writing the comparison as an output set, printing a plan diff. What is compared and
//! how is `crate::compare`.

use std::path::{Path, PathBuf};

use super::files::read_source;
use crate::compare::read::{KNOWN_REPORT_VERSIONS, ReadError, ReportView, parse};
use crate::compare::{Exercise, render};
use crate::error::{Error, Result};
use crate::format::plan::Plan;
use crate::lang::Lang;
use crate::record::is_inside_inputs;

/// The file a record's scores are read from.
const REPORT: &str = "report.json";
/// The event log beside it: what the exercise put to the test.
const EVENTS: &str = "events.jsonl";

/// What `compare` is asked.
pub struct CompareArgs {
    /// Records: folders (searched for `report.json`) or `report.json` files.
    pub inputs: Vec<PathBuf>,
    /// Where to write (default `out/comparison`).
    pub out: Option<PathBuf>,
    /// `md`, `html`, `json`.
    pub formats: Vec<String>,
    /// The language of `comparison.md`.
    pub lang: Lang,
    /// The record every other is compared with, instead of the one before it.
    pub baseline: Option<PathBuf>,
}

/// Runs `compare`.
pub fn compare(args: &CompareArgs) -> Result<()> {
    let mut paths = Vec::new();
    for input in &args.inputs {
        find_reports(input, &mut paths)?;
    }
    let say = &args.lang.catalogue().compare;
    let baseline_path = match &args.baseline {
        Some(b) => {
            let mut found = Vec::new();
            find_reports(b, &mut found)?;
            match found.as_slice() {
                [one] => Some(one.clone()),
                _ => {
                    return Err(Error::Usage((say.baseline_not_one)(
                        &b.display().to_string(),
                        &found.len().to_string(),
                    )));
                }
            }
        }
        None => None,
    };
    if let Some(b) = &baseline_path
        && !paths.iter().any(|p| same_file(p, b))
    {
        paths.push(b.clone());
    }
    paths.sort();
    paths.dedup_by(|a, b| same_file(a, b));
    if paths.len() < 2 {
        let given: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Failed((say.too_few_records)(&paths.len().to_string(), &given.join(", "))));
    }
    let mut exercises: Vec<(PathBuf, Exercise)> =
        paths.into_iter().map(|p| read_exercise(&p, args.lang).map(|e| (p, e))).collect::<Result<_>>()?;
    exercises.sort_by(|(_, a), (_, b)| (a.report.date(), &a.name).cmp(&(b.report.date(), &b.name)));
    let baseline = baseline_path.and_then(|b| exercises.iter().position(|(p, _)| same_file(p, &b)));
    let exercises: Vec<Exercise> = exercises.into_iter().map(|(_, e)| e).collect();
    let comparison = crate::compare::compare(&exercises, baseline, args.lang);
    let mut files = Vec::new();
    if args.formats.iter().any(|f| f == "md") {
        files.push(("comparison.md", render::markdown(&comparison)));
    }
    if args.formats.iter().any(|f| f == "html") {
        files.push(("comparison.html", crate::compare::html::page(&comparison)));
    }
    if args.formats.iter().any(|f| f == "json") {
        let json = serde_json::to_string_pretty(&comparison).map_err(|e| Error::Failed(e.to_string()))?;
        files.push(("comparison.json", json + "\n"));
    }
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from("out/comparison"));
    super::output_set::write_set(&out, &files)?;
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    println!("{}", (args.lang.catalogue().summary.wrote)(&names.join(", "), &out.display().to_string()));
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Every `report.json` at or under `input` (see [`find_named`](super::files::find_named)).
pub(super) fn find_reports(input: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    super::files::find_named(input, REPORT, found)
}

/// Reads a record: its report, and beside it the plan it keeps and its event log, which
/// says what the exercise put to the test (a report given alone is read without them).
pub(super) fn read_exercise(path: &Path, lang: Lang) -> Result<Exercise> {
    let say = &lang.catalogue().compare;
    let file = read_source(path)?;
    let shown = path.display().to_string();
    let report = parse(file.text()).map_err(|e| match e {
        ReadError::UnknownVersion(v) => {
            let known: Vec<String> = KNOWN_REPORT_VERSIONS.iter().map(u32::to_string).collect();
            Error::Failed((say.newer_report)(&shown, &v.to_string(), &known.join(", ")))
        }
        ReadError::Corrupt(why) => Error::Failed((say.corrupt_report)(&shown, &why)),
    })?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let name = folder.canonicalize().ok().and_then(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()));
    let plan = recorded_plan(folder, &report);
    let events = read_source(&folder.join(EVENTS)).ok();
    Ok(Exercise::new(name.unwrap_or(shown), report, plan, events.as_ref().map(|f| f.text())))
}

/// The plan a record keeps, when it keeps one that still reads; a record is data, so
/// only a path inside its `inputs/` is followed.
fn recorded_plan(folder: &Path, report: &ReportView) -> Option<Plan> {
    let record = report.record.as_ref()?;
    let input = record.inputs.iter().find(|i| i.role == "plan")?;
    if !is_inside_inputs(&input.path) {
        return None;
    }
    let file = read_source(&folder.join(&input.path)).ok()?;
    crate::load::plan(&file).ok().map(|d| d.doc)
}

/// Runs `diff`: prints the semantic diff from `old` to `new`.
pub fn diff(old: &Path, new: &Path, json: bool, lang: Lang) -> Result<()> {
    let load = |path: &Path| -> Result<Plan> {
        let file = read_source(path)?;
        Ok(crate::load::plan(&file)?.doc)
    };
    let diff = crate::compare::diff(&load(old)?, &load(new)?);
    if json {
        let text = serde_json::to_string_pretty(&diff).map_err(|e| Error::Failed(e.to_string()))?;
        println!("{text}");
    } else {
        let title = (lang.catalogue().compare.diff_title)(&old.display().to_string(), &new.display().to_string());
        print!("## {}\n\n{}", crate::text::for_terminal(&title), render::plan_diff_markdown(&diff, lang));
    }
    Ok(())
}
