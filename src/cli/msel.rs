//! `sandtable msel export|import`: MSEL spreadsheets in and out.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::files::{DiskSources, MAX_INPUT_BYTES, read_bytes, read_source, write_atomic};
use crate::diag::{self, RenderStyle, SourceFile};
use crate::engine::{Defaults, Engine};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::load;
use crate::msel::{self, Field, ImportOptions};

/// The spreadsheet kind a path names.
fn is_csv(path: &Path) -> Result<bool> {
    match path.extension().and_then(|e| e.to_str()).map(str::to_lowercase).as_deref() {
        Some("csv") | Some("txt") => Ok(true),
        Some("xlsx") | Some("xlsm") | Some("xls") | Some("ods") => Ok(false),
        _ => Err(Error::Usage(format!("{}: expected a .csv or .xlsx file", path.display()))),
    }
}

/// What `msel export` was asked to do.
#[derive(Debug, Clone)]
pub struct ExportArgs {
    /// The scenario.
    pub scenario: PathBuf,
    /// The spreadsheet to write.
    pub output: PathBuf,
    /// Play the scenario with this seed and list the injects its scripts add.
    pub seed: Option<u64>,
    /// The headers' language.
    pub lang: Lang,
}

/// Exports a scenario's injects and decision points (and, with a seed, the injects its
/// scripts add in that run with the default decisions).
pub fn export(args: &ExportArgs, style: RenderStyle) -> Result<()> {
    let csv = is_csv(&args.output)?;
    let file = read_source(&args.scenario)?;
    let doc = load::scenario(&file)?;
    let scripted = match args.seed {
        Some(seed) => scripted_injects(&args.scenario, seed, style)?,
        None => Vec::new(),
    };
    let rows = msel::rows_with_scripted(&doc.doc, &scripted, args.seed.unwrap_or(0));
    let bytes = if csv {
        msel::export_csv(&rows, args.lang).into_bytes()
    } else {
        msel::export_xlsx(&rows, &doc.doc, args.lang)
            .map_err(|e| Error::Failed(format!("cannot build the workbook: {e}")))?
    };
    write_atomic(&args.output, &bytes)?;
    let injects = rows.iter().filter(|r| r.kind == "inject").count();
    let decisions = rows.iter().filter(|r| r.kind == "decision").count();
    println!("Wrote {injects} injects and {decisions} decision points to {}.", args.output.display());
    if args.seed.is_some() {
        println!("Scripted injects in that run (row kind `{}`): {}.", msel::SCRIPTED, scripted.len());
    }
    Ok(())
}

/// Plays the scenario with `seed` and its default decisions; the injects its scripts added.
fn scripted_injects(scenario: &Path, seed: u64, style: RenderStyle) -> Result<Vec<msel::Scripted>> {
    let target = super::ScenarioArgs { scenario: scenario.to_owned(), plan: None, seed: Some(seed) };
    // The export says what it wrote; the plan's warnings are validate's to show.
    let project = super::open(&target, super::settings::Warnings::None, Lang::En, style)?;
    let mut engine = Engine::with_scripts(&project.model, &project.scripts);
    let outcome = engine.play(seed, &mut Defaults).map_err(|d| Error::Invalid(vec![d]))?;
    Ok(outcome
        .script_injects
        .into_iter()
        .map(|i| msel::Scripted { event: i.event, at: i.at, title: i.title, description: i.description })
        .collect())
}

/// Parses `--map 'HEADING=field'`.
pub fn parse_map(spec: &str) -> std::result::Result<(String, Field), String> {
    let (heading, field) = spec.rsplit_once('=').ok_or("expected HEADING=field, as in 'Inject Time=time'")?;
    let f = Field::from_name(field).ok_or_else(|| {
        let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        format!("`{field}` is not a field; use one of {}", names.join(", "))
    })?;
    Ok((heading.trim().to_owned(), f))
}

/// `target` relative to the directory `base`, both made absolute first.
fn relative(target: &Path, base: &Path) -> PathBuf {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (t, b) = (abs(target), abs(base));
    let tc: Vec<Component> = t.components().collect();
    let bc: Vec<Component> = b.components().collect();
    let common = tc.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..bc.len() {
        out.push("..");
    }
    for c in &tc[common..] {
        out.push(c.as_os_str());
    }
    out
}

/// What `msel import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportArgs {
    /// The spreadsheet.
    pub file: PathBuf,
    /// Sheet name.
    pub sheet: Option<String>,
    /// Column mappings.
    pub map: Vec<(String, Field)>,
    /// The plan the scenario is played against.
    pub plan: PathBuf,
    /// The scenario to write.
    pub output: PathBuf,
}

/// The file being imported, served from memory: the scenario is checked where it will be
/// written (its plan path is relative to it) before anything is written.
struct Pending<'a> {
    path: &'a Path,
    text: Arc<SourceFile>,
}

impl crate::project::Sources for Pending<'_> {
    fn read(&self, path: &Path) -> Result<Arc<SourceFile>> {
        if path == self.path { Ok(self.text.clone()) } else { read_source(path) }
    }

    fn identity(&self, path: &Path) -> PathBuf {
        if path == self.path { path.to_owned() } else { crate::project::Sources::identity(&DiskSources, path) }
    }
}

/// Imports a spreadsheet, checks the scenario against the plan, and writes it only when
/// it is within every limit and has no errors: a refused import leaves nothing behind.
pub fn import(args: &ImportArgs, style: RenderStyle) -> Result<()> {
    let bytes = read_bytes(&args.file, msel::limits::MAX_FILE_BYTES)?;
    let name = args.file.display().to_string();
    let grid =
        if is_csv(&args.file)? { msel::read_csv(&bytes) } else { msel::read_xlsx(&bytes, args.sheet.as_deref()) }
            .map_err(|e| Error::Failed(format!("{name}: {e}")))?;
    drop(bytes);
    let stem = args.output.file_stem().and_then(|s| s.to_str()).unwrap_or("imported").to_owned();
    let out_dir = args.output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let opts = ImportOptions {
        map: args.map.clone(),
        plan: relative(&args.plan, out_dir).to_string_lossy().replace('\\', "/"),
        id: stem.clone(),
        title: args.file.file_stem().and_then(|s| s.to_str()).unwrap_or(&stem).to_owned(),
    };
    let imported = msel::import(&grid, &opts).map_err(|e| Error::Failed(format!("{name}: {e}")))?;
    let source = match &grid.sheet {
        Some(sheet) => format!("{} (sheet {sheet})", args.file.file_name().and_then(|f| f.to_str()).unwrap_or(&name)),
        None => args.file.file_name().and_then(|f| f.to_str()).unwrap_or(&name).to_owned(),
    };
    let yaml = imported.to_yaml(&source);
    if yaml.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Failed(format!(
            "{name}: the scenario would be {} bytes, past the {MAX_INPUT_BYTES}-byte limit on a scenario file; \
             nothing was written",
            yaml.len()
        )));
    }
    print_summary(&imported, &source);

    // The promise: what import writes validates. Checked before writing.
    let pending =
        Pending { path: &args.output, text: Arc::new(SourceFile::new(args.output.display().to_string(), yaml)) };
    let mut checked = crate::project::check_scenario_file(&pending, &args.output, None, &mut Vec::new());
    diag::sort(&mut checked.diagnostics);
    if checked.has_errors() {
        eprintln!("{} was not written.", args.output.display());
        return Err(Error::Invalid(checked.diagnostics));
    }
    write_atomic(&args.output, pending.text.text().as_bytes())?;
    println!("Wrote {}.", args.output.display());
    if !checked.diagnostics.is_empty() {
        eprint!("{}", diag::render(&checked.diagnostics, style));
    }
    Ok(())
}

/// What was read: the header row, the columns, every row accounted for.
fn print_summary(imported: &msel::Import, source: &str) {
    let mut out = std::io::stdout().lock();
    let skipped = imported.issues.iter().filter(|i| i.skipped).count();
    let _ = writeln!(
        out,
        "{source}: header at row {}; {} data rows: {} injects imported, {skipped} left out.",
        imported.header_row,
        imported.data_rows,
        imported.scenario.injects.len()
    );
    let mapped: Vec<String> = imported.columns.iter().map(|(h, f)| format!("{h} → {f}")).collect();
    let _ = writeln!(out, "Columns: {}", mapped.join(", "));
    for issue in &imported.issues {
        let what = if issue.skipped { "left out" } else { "imported" };
        let _ = writeln!(out, "  row {} ({what}): {}", issue.row, issue.message);
    }
    let _ = out.flush();
}
