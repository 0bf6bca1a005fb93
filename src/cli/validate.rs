//! `sandtable validate`: check plans and scenarios and report what is wrong.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::{DiskSources, read_source};
use super::settings::Warnings;
use crate::diag::{self, Diagnostic, RenderStyle};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::load::{self, FileKind};
use crate::project::{self, Checked, Sources};

/// Checks every file; prints warnings and errors to stderr and one line per file to
/// stdout. Fails (exit 1) when any file has an error.
pub fn run(files: &[PathBuf], warnings: Warnings, lang: Lang, style: RenderStyle) -> Result<()> {
    let say = &lang.catalogue().cli;
    let mut seen_plans = Vec::new();
    let mut failed = Vec::new();
    let mut stdout = std::io::stdout().lock();
    for path in files {
        let mut checked = check_file(path, &mut seen_plans);
        diag::sort(&mut checked.diagnostics);
        let errors: Vec<Diagnostic> = checked.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
        let shown = if warnings == Warnings::All { &checked.diagnostics } else { &errors };
        if !shown.is_empty() {
            eprint!("{}", diag::render(shown, style));
        }
        let status = if checked.diagnostics.is_empty() {
            say.ok.to_owned()
        } else {
            (say.counts)(errors.len(), checked.diagnostics.len() - errors.len())
        };
        let _ = writeln!(stdout, "{}: {status}", path.display());
        if checked.has_errors() {
            failed.push(path.display().to_string());
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        // Already printed; the summary names the files that failed.
        let failed: Vec<&str> = failed.iter().map(String::as_str).collect();
        Err(Error::Failed((say.invalid)(&failed)))
    }
}

fn check_file(path: &Path, seen_plans: &mut Vec<PathBuf>) -> Checked {
    let kind = read_source(path).map_err(|e| match e {
        Error::Invalid(d) => d,
        other => vec![Diagnostic::error("input::read", other.to_string())],
    });
    let kind = kind.and_then(|file| load::kind_of(&file).map_err(|d| vec![d]));
    match kind {
        Ok(FileKind::Plan) => {
            let key = DiskSources.identity(path);
            if seen_plans.contains(&key) {
                Checked::default()
            } else {
                seen_plans.push(key);
                project::check_plan_file(&DiskSources, path)
            }
        }
        Ok(FileKind::Scenario) => {
            let mut checked = project::check_scenario_file(&DiskSources, path, None, seen_plans);
            // What would stop a live session: the scripts fail when the scenario is played.
            let failures = project::rehearse(&checked);
            checked.diagnostics.extend(failures);
            checked
        }
        Ok(FileKind::Decisions) => match read_source(path) {
            Ok(file) => match load::decisions(&file) {
                Ok(_) => Checked::default(),
                Err(d) => Checked { diagnostics: vec![d], ..Checked::default() },
            },
            Err(e) => {
                Checked { diagnostics: vec![Diagnostic::error("input::read", e.to_string())], ..Checked::default() }
            }
        },
        Err(diagnostics) => Checked { diagnostics, ..Checked::default() },
    }
}

/// `validate --library DIR --plan PLAN`: every scenario in the folder against the plan
/// (one line each; the errors of those whose own `plan:` is this plan), then the library's
/// coverage warnings at the plan's risks and functions.
pub fn library(dir: &Path, plan: &Path, warnings: Warnings, lang: Lang, style: RenderStyle) -> Result<()> {
    let say = &lang.catalogue().cli;
    // The plan's own warnings, once: the scenarios below are checked against it silently.
    let mut plan_diagnostics = project::check_plan_file(&DiskSources, plan).diagnostics;
    plan_diagnostics.retain(|d| !d.is_error());
    let (lib, checked) = super::library::load(dir, plan, lang)?;
    let mut stdout = std::io::stdout().lock();
    let mut failed = Vec::new();
    for c in &checked {
        let errors = c.diagnostics.iter().filter(|d| d.is_error()).count();
        let status = if !c.names_plan && errors > 0 {
            (lang.catalogue().programme.not_for_plan)(errors)
        } else {
            let mut shown: Vec<Diagnostic> =
                c.diagnostics.iter().filter(|d| warnings == Warnings::All || d.is_error()).cloned().collect();
            diag::sort(&mut shown);
            if !shown.is_empty() {
                eprint!("{}", diag::render(&shown, style));
            }
            if errors > 0 {
                failed.push(c.path.display().to_string());
            }
            if c.diagnostics.is_empty() {
                say.ok.to_owned()
            } else {
                (say.counts)(errors, c.diagnostics.len() - errors)
            }
        };
        let _ = writeln!(stdout, "{}: {status}", c.path.display());
    }
    let mut coverage = plan_diagnostics;
    coverage.extend(crate::programme::coverage::library_warnings(&lib));
    diag::sort(&mut coverage);
    if warnings == Warnings::All && !coverage.is_empty() {
        eprint!("{}", diag::render(&coverage, style));
    }
    let status = if coverage.is_empty() { say.ok.to_owned() } else { (say.counts)(0, coverage.len()) };
    let _ = writeln!(stdout, "{} ({}): {status}", plan.display(), dir.display());
    if failed.is_empty() {
        Ok(())
    } else {
        let failed: Vec<&str> = failed.iter().map(String::as_str).collect();
        Err(Error::Failed((say.invalid)(&failed)))
    }
}
