//! Opening an exercise: a scenario with its plan, scripts and answers, read through a
//! [`Sources`] (the file system in the CLI, memory in tests), checked and compiled in one
//! pass. The CLI, the tests and the benches all load through here, so the rules for what
//! is read, in which order, and which seed and folder a run uses are written once.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compile::{Model, resolve};
use crate::diag::{Diagnostic, SourceFile};
use crate::engine::{Defaults, Engine, Prepared};
use crate::error::Error;
use crate::format::plan::Plan;
use crate::format::scenario::Scenario;
use crate::inputs::Inputs;
use crate::load::{self, Document};
use crate::play::{Journal, JournalProblem};
use crate::script::{Hook, ScriptHost};
use crate::spanned::Loc;

/// Where input text comes from. Paths are as the user gave them; a scenario's plan and
/// scripts are looked up relative to the scenario's folder.
pub trait Sources {
    /// The text of the file at `path`.
    fn read(&self, path: &Path) -> Result<Arc<SourceFile>, Error>;

    /// A name that is the same for every path to one file (to report a shared plan once).
    fn identity(&self, path: &Path) -> PathBuf {
        path.to_path_buf()
    }
}

/// A scenario, its plan and scripts as read and checked, with everything found; the
/// model and the compiled scripts when there were no errors.
#[derive(Debug, Default)]
pub struct Checked {
    /// The scenario, when it parsed.
    pub scenario: Option<Document<Scenario>>,
    /// The plan, when it was found and parsed.
    pub plan: Option<Document<Plan>>,
    /// The model, when everything checked.
    pub model: Option<Model>,
    /// The scripts, compiled, when everything checked.
    pub scripts: Option<ScriptHost>,
    /// Errors and warnings from every file.
    pub diagnostics: Vec<Diagnostic>,
    /// The SHA-256 of every file read.
    pub inputs: Inputs,
    /// Every file read, as read: what an exercise record keeps.
    pub files: Vec<InputFile>,
}

/// One input file as it was read: its role (as [`Inputs`] names it), the path it was
/// read from, and its text.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// `scenario`, `plan` or `script PATH`.
    pub role: String,
    /// The path as given to [`Sources::read`].
    pub path: PathBuf,
    /// The text read.
    pub file: Arc<SourceFile>,
}

impl Checked {
    /// Keeps a file read, with its SHA-256.
    fn record(&mut self, role: &str, path: &Path, file: &Arc<SourceFile>) {
        self.inputs.add(role, file.text());
        self.files.push(InputFile { role: role.to_owned(), path: path.to_owned(), file: file.clone() });
    }

    /// Whether anything found is an error.
    pub fn has_errors(&self) -> bool {
        crate::check::has_errors(&self.diagnostics)
    }
}

/// A read failure as a diagnostic, so it is reported with the others.
fn as_diagnostics(err: Error) -> Vec<Diagnostic> {
    match err {
        Error::Invalid(d) => d,
        other => vec![Diagnostic::error("input::read", other.to_string())],
    }
}

/// Reads and checks a plan file on its own.
pub fn check_plan_file(sources: &dyn Sources, path: &Path) -> Checked {
    let mut out = Checked::default();
    match sources.read(path).map_err(as_diagnostics).and_then(|f| load::plan(&f).map_err(|d| vec![d])) {
        Ok(plan) => {
            out.diagnostics.extend(crate::check::check_plan(&plan).1);
            out.plan = Some(plan);
        }
        Err(d) => out.diagnostics.extend(d),
    }
    out
}

/// Reads, checks and compiles a scenario, the plan it names (or `plan_override`) and its
/// scripts, reporting everything found. `seen_plans` keeps a plan shared by several
/// scenarios from being reported twice.
pub fn check_scenario_file(
    sources: &dyn Sources,
    path: &Path,
    plan_override: Option<&Path>,
    seen_plans: &mut Vec<PathBuf>,
) -> Checked {
    let mut out = Checked::default();
    let scenario =
        match sources.read(path).map_err(as_diagnostics).and_then(|f| load::scenario(&f).map_err(|d| vec![d])) {
            Ok(s) => s,
            Err(d) => {
                out.diagnostics.extend(d);
                return out;
            }
        };
    let base = path.parent().unwrap_or(Path::new("."));
    let plan_path = plan_override.map_or_else(|| base.join(&scenario.doc.plan.value), Path::to_path_buf);
    let plan = read_plan(sources, &plan_path, plan_override.is_none(), &scenario, &mut out);
    let script_files = read_scripts(sources, base, &scenario, &mut out);
    match &plan {
        Some(plan) => {
            let resolved = resolve(plan, &scenario);
            let key = sources.identity(&plan_path);
            if seen_plans.contains(&key) {
                // Already reported; keep only whether it failed.
                out.diagnostics.extend(resolved.plan_diagnostics.into_iter().filter(Diagnostic::is_error).take(1));
            } else {
                seen_plans.push(key);
                out.diagnostics.extend(resolved.plan_diagnostics);
            }
            out.diagnostics.extend(resolved.scenario_diagnostics);
            // Scripts compile against the whole model, so only once everything else is sound.
            if let Some(model) = resolved.model.filter(|_| !out.has_errors()) {
                match ScriptHost::compile(&model, &script_files) {
                    Ok(host) => out.scripts = Some(host),
                    Err(d) => out.diagnostics.extend(d),
                }
                out.model = Some(model);
            }
        }
        None => out.diagnostics.extend(crate::check::check_scenario(&scenario, None)),
    }
    let scenario_file = scenario.file.clone();
    out.record("scenario", path, &scenario_file);
    out.plan = plan;
    out.scenario = Some(scenario);
    out
}

/// Reads and loads the scenario's plan; what goes wrong is a diagnostic, at the
/// scenario's `plan:` line when the path came from there (`from_scenario`).
fn read_plan(
    sources: &dyn Sources,
    plan_path: &Path,
    from_scenario: bool,
    scenario: &Document<Scenario>,
    out: &mut Checked,
) -> Option<Document<Plan>> {
    match sources.read(plan_path) {
        Err(Error::Read { source, .. }) if from_scenario => {
            out.diagnostics.push(
                Diagnostic::error(
                    "scenario::plan-missing",
                    format!("cannot read the plan {}: {source}", plan_path.display()),
                )
                .at(&scenario.file, scenario.doc.plan.loc)
                .with_label("plan path, relative to this file")
                .with_help("give the plan's path relative to the scenario file, or pass --plan"),
            );
            None
        }
        Err(e) => {
            out.diagnostics.extend(as_diagnostics(e));
            None
        }
        Ok(file) => match load::plan(&file).inspect(|_| out.record("plan", plan_path, &file)) {
            Ok(plan) => Some(plan),
            Err(d) => {
                out.diagnostics.push(d);
                None
            }
        },
    }
}

/// Reads the scenario's scripts, relative to its folder; a missing one is a diagnostic
/// at its line in the scenario.
fn read_scripts(
    sources: &dyn Sources,
    base: &Path,
    scenario: &Document<Scenario>,
    out: &mut Checked,
) -> Vec<Arc<SourceFile>> {
    let mut script_files = Vec::new();
    for script in &scenario.doc.scripts {
        let script_path = base.join(&script.value);
        match sources.read(&script_path) {
            Ok(src) => {
                out.record(&format!("script {}", script.value), &script_path, &src);
                script_files.push(src);
            }
            Err(e) => out.diagnostics.push(
                Diagnostic::error(
                    "scenario::script-missing",
                    match e {
                        // The read error already names the path; say only why it failed.
                        Error::Read { source, .. } => format!("cannot read script {}: {source}", script_path.display()),
                        e => e.to_string(),
                    },
                )
                .at(&scenario.file, script.loc)
                .with_help("script paths are relative to the scenario file"),
            ),
        }
    }
    script_files
}

/// The seeds `validate` plays a scripted scenario with, after the scenario's own seed.
/// Fixed, so that `validate` says the same thing every time.
pub const REHEARSAL_SEEDS: [u64; 3] = [1, 2, 3];

/// Plays a checked scenario with its default decisions, with its own seed and then each
/// of [`REHEARSAL_SEEDS`], and returns the script errors the runs met, each once, with
/// the seed that shows it. A scenario whose scripts define no hook cannot fail at run
/// time and is not played.
pub fn rehearse(checked: &Checked) -> Vec<Diagnostic> {
    let (Some(model), Some(scripts)) = (&checked.model, &checked.scripts) else { return Vec::new() };
    if !Hook::ALL.iter().any(|h| scripts.has(*h)) {
        return Vec::new();
    }
    let own = seed(None, None, model);
    let seeds = std::iter::once(own).chain(REHEARSAL_SEEDS.into_iter().filter(|s| *s != own));
    let mut engine = Engine::with_scripts(model, scripts);
    let mut found: Vec<Diagnostic> = Vec::new();
    for seed in seeds {
        let Err(mut d) = engine.play(seed, &mut Defaults) else { continue };
        if found.iter().any(|f| f.code == d.code && f.loc == d.loc && f.message == d.message) {
            continue;
        }
        let how = format!(
            "found by playing the scenario with its default decisions and seed {seed} \
             (`sandtable run SCENARIO --seed {seed}` shows it)"
        );
        d.help = Some(d.help.map_or(how.clone(), |h| format!("{h}; {how}")));
        found.push(d);
    }
    found
}

/// An exercise ready to play: checked, compiled, its scripts loaded.
#[derive(Debug)]
pub struct Project {
    /// The scenario as written (for the narrative the engine does not need).
    pub scenario: Document<Scenario>,
    /// The compiled plan and scenario.
    pub model: Model,
    /// The scenario's scripts, compiled once.
    pub scripts: ScriptHost,
    /// Warnings found on the way (errors stop `open`).
    pub warnings: Vec<Diagnostic>,
    /// The SHA-256 of the scenario, plan and scripts played.
    pub inputs: Inputs,
    /// The scenario, plan and scripts as read (the scenario last).
    pub files: Vec<InputFile>,
}

/// Opens a scenario with its plan (or `plan_override`) and scripts. Errors stop here,
/// sorted; warnings travel with the project for the caller to show.
pub fn open(sources: &dyn Sources, path: &Path, plan_override: Option<&Path>) -> Result<Project, Error> {
    let mut checked = check_scenario_file(sources, path, plan_override, &mut Vec::new());
    crate::diag::sort(&mut checked.diagnostics);
    if checked.has_errors() {
        return Err(Error::Invalid(checked.diagnostics));
    }
    match (checked.scenario, checked.model, checked.scripts) {
        (Some(scenario), Some(model), Some(scripts)) => Ok(Project {
            scenario,
            model,
            scripts,
            warnings: checked.diagnostics,
            inputs: checked.inputs,
            files: checked.files,
        }),
        _ => Err(Error::Failed("the scenario or its plan could not be read".to_owned())),
    }
}

/// Answers to play a run with: a decisions file's, or a live session's journal (with its
/// observations, seed and end).
#[derive(Debug)]
pub struct Answers {
    /// The answers in the engine's terms.
    pub prepared: Prepared,
    /// The journal, when the answers came from one.
    pub journal: Option<Journal>,
    /// What the caller should show: a journal's last line cut short.
    pub warnings: Vec<Diagnostic>,
}

impl Project {
    /// Reads the answers in `file`: a decisions file (checked against the scenario) or a
    /// session's journal (see [`Project::journal`]). Warnings come back with the answers.
    pub fn answers(&self, file: &Arc<SourceFile>, explicit_seed: Option<u64>) -> Result<Answers, Error> {
        if Journal::is_journal(file.text()) {
            let (journal, warnings) = self.journal(file, explicit_seed)?;
            Ok(Answers { prepared: Prepared::from_journal(&journal.answers), journal: Some(journal), warnings })
        } else {
            let doc = load::decisions(file)?;
            let prepared = Prepared::from_document(&doc, &self.model).map_err(Error::Invalid)?;
            Ok(Answers { prepared, journal: None, warnings: Vec::new() })
        }
    }

    /// Reads a session's journal and checks it against this project: every line an
    /// entry, in order, one answer per question, each naming a decision and option the
    /// scenario has; the same scenario, the same inputs (when the journal recorded their
    /// SHA-256) and, when `explicit_seed` is given, the same seed. A last line cut short
    /// by a crash is left out with a warning.
    pub fn journal(
        &self,
        file: &Arc<SourceFile>,
        explicit_seed: Option<u64>,
    ) -> Result<(Journal, Vec<Diagnostic>), Error> {
        let at_line = |line: usize| {
            let len = file.text().lines().nth(line.saturating_sub(1)).map_or(1, |l| l.chars().count().max(1));
            Loc { line: line as u32, column: 1, len: len as u32 }
        };
        let located = |p: JournalProblem| Diagnostic::error(p.code, p.message).at(file, at_line(p.line));
        let journal = Journal::parse(file.text()).map_err(|p| Error::Invalid(p.into_iter().map(located).collect()))?;
        let mut errors: Vec<Diagnostic> = journal.check(&self.model).into_iter().map(located).collect();
        if let Some(start) = &journal.start {
            let other = |message: String| {
                Diagnostic::error("journal::other-inputs", message)
                    .at(file, at_line(1))
                    .with_help("replay a journal with the scenario, plan, scripts and seed it was recorded with")
            };
            if start.scenario != self.model.meta.scenario_id {
                errors.push(other(format!(
                    "this journal records scenario `{}`, not `{}`",
                    start.scenario, self.model.meta.scenario_id
                )));
            } else if let Some(changed) = start.inputs.as_ref().map(|i| self.inputs.differences(i))
                && !changed.is_empty()
            {
                errors.push(other(format!(
                    "the files differ from those the session was played with: {}",
                    changed.join(", ")
                )));
            }
            if let Some(seed) = explicit_seed.filter(|s| *s != start.seed) {
                errors.push(other(format!("this journal was played with seed {}, not {seed}", start.seed)));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let warnings = journal
            .partial_line
            .map(|line| {
                Diagnostic::warning(
                    "journal::partial-line",
                    format!("line {line} was cut short (a power cut or a full disk?) and is left out"),
                )
                .at(file, at_line(line))
            })
            .into_iter()
            .collect();
        Ok((journal, warnings))
    }
}

/// The seed a run plays: one rule for `run`, `play` and a replayed journal. An explicit
/// `--seed` wins; then the seed a journal recorded (so a replay plays what was played);
/// then the scenario's own; then 0.
pub fn seed(explicit: Option<u64>, journal: Option<&Journal>, model: &Model) -> u64 {
    explicit.or(journal.and_then(|j| j.start.as_ref().map(|s| s.seed))).or(model.meta.seed).unwrap_or(0)
}

/// Which command writes a folder: a live session and a run never share a default
/// folder, so a `run` never replaces the report of the session the team played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// `sandtable run`: `out/<scenario id>`.
    Run,
    /// `sandtable play`: `out/<scenario id>-play`, with the session's journal.
    Play,
    /// `sandtable montecarlo`: `out/<scenario id>-montecarlo`.
    MonteCarlo,
}

/// The folder a command writes to: `--out`, else its default under `out/`.
pub fn out_dir(explicit: Option<&Path>, model: &Model, writer: Writer) -> PathBuf {
    let default = match writer {
        Writer::Run => model.meta.scenario_id.clone(),
        Writer::Play => format!("{}-play", model.meta.scenario_id),
        Writer::MonteCarlo => format!("{}-montecarlo", model.meta.scenario_id),
    };
    explicit.map_or_else(|| Path::new("out").join(default), Path::to_path_buf)
}
