//! `sandtable play`: run the exercise live in front of the team. This file owns the
//! terminal, the wall clock and the journal file; the session itself is the pure
//! [`crate::play::Session`]. Commands come from a line editor (rustyline: editing,
//! history) on a terminal, or from standard input one per line when there is none, so
//! sessions can be scripted through a pipe.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::files::read_source;
use super::run::outputs;
use crate::diag::RenderStyle;
use crate::error::{Error, Result};
use crate::play::{Journal, JournalEntry, Output, Session, Settings};
use crate::project::Project;
use crate::report::{Format, Templates};
use crate::results::{Results, summary_table};
use crate::score::Lang;
use crate::text::for_terminal;
use crate::time::format_time;

/// What `play` was asked to do.
#[derive(Debug, Clone)]
pub struct PlayArgs {
    /// Scenario, plan override, seed override.
    pub target: super::ScenarioArgs,
    /// Journal file (default: `<out>/journal.jsonl`).
    pub journal: Option<PathBuf>,
    /// Scenario seconds per wall-clock second (default: the scenario's `pace`, else 1).
    pub pace: Option<f64>,
    /// Continue the session recorded in the journal.
    pub resume: bool,
    /// Output directory.
    pub out: Option<PathBuf>,
    /// Language of the session and the report.
    pub lang: Lang,
    /// How the plan's and scenario's warnings are shown at the start.
    pub warnings: super::settings::Warnings,
}

/// The journal file, appended to and synced entry by entry.
struct JournalFile {
    file: File,
    path: PathBuf,
}

impl JournalFile {
    /// Appends entries and makes them durable before anything else happens.
    fn record(&mut self, entries: &[JournalEntry]) -> Result<()> {
        let fail = |source| Error::Write { path: self.path.clone(), source };
        for entry in entries {
            self.file.write_all(entry.line().as_bytes()).map_err(fail)?;
        }
        self.file.flush().map_err(fail)?;
        self.file.sync_data().map_err(fail)
    }
}

/// Where commands come from: a line editor on a terminal (arrow keys, history), plain
/// lines otherwise (a scripted session through a pipe).
enum Input {
    Editor(Box<rustyline::DefaultEditor>),
    Plain(std::io::StdinLock<'static>),
}

/// What reading a command gave.
enum Read {
    Line(String),
    /// Ctrl-C at the editor: the line is dropped, the session goes on (`end` or Ctrl-D
    /// end it), as a shell would.
    Cancelled,
    /// The input closed: the exercise ends where it stands.
    Closed,
}

impl Input {
    fn open() -> Input {
        if std::io::stdin().is_terminal()
            && std::io::stdout().is_terminal()
            && let Ok(editor) = rustyline::DefaultEditor::new()
        {
            return Input::Editor(Box::new(editor));
        }
        Input::Plain(std::io::stdin().lock())
    }

    fn read(&mut self, prompt: &str) -> Read {
        match self {
            Input::Editor(editor) => match editor.readline(prompt) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                    }
                    Read::Line(line)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => Read::Cancelled,
                Err(_) => Read::Closed,
            },
            Input::Plain(stdin) => {
                print!("{prompt}");
                let _ = std::io::stdout().flush();
                let mut line = String::new();
                match stdin.read_line(&mut line) {
                    Ok(0) | Err(_) => Read::Closed,
                    Ok(_) => Read::Line(line.trim_end_matches(['\n', '\r']).to_owned()),
                }
            }
        }
    }
}

/// Journal first, then the lines: nobody sees an effect whose cause could still be lost.
fn deliver(output: &Output, journal: &mut JournalFile, bold: bool) -> Result<()> {
    if !output.journal.is_empty() {
        journal.record(&output.journal)?;
    }
    let mut stdout = std::io::stdout().lock();
    for line in &output.lines {
        let text = for_terminal(&line.text);
        let _ =
            if line.emphasis && bold { writeln!(stdout, "\x1b[1m{text}\x1b[0m") } else { writeln!(stdout, "{text}") };
    }
    Ok(())
}

/// The journal of the session to resume, checked against the project; a last line cut
/// short by a crash is cut away (saying so) so that what is appended reads back.
fn previous_session(args: &PlayArgs, path: &Path, project: &Project, style: RenderStyle) -> Result<Option<Journal>> {
    if !args.resume {
        if std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
            return Err(Error::Usage(format!(
                "{} already holds a session: continue it with --resume, or choose another --journal",
                path.display()
            )));
        }
        return Ok(None);
    }
    let file = read_source(path)?;
    let (journal, warnings) = project.journal(&file, args.target.seed)?;
    eprint!("{}", crate::diag::render(&warnings, style));
    let text = file.text();
    if journal.complete_len < text.len() {
        cut_journal(path, journal.complete_len as u64)?;
        eprintln!("{}", (args.lang.catalogue().play.cut_back)(&path.display().to_string()));
    } else if !text.is_empty() && !text.ends_with('\n') {
        // A complete last entry whose line break was lost: restore it before appending.
        let mut f = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|source| Error::Write { path: path.to_owned(), source })?;
        f.write_all(b"\n")
            .and_then(|()| f.sync_data())
            .map_err(|source| Error::Write { path: path.to_owned(), source })?;
    }
    Ok(Some(journal))
}

/// Truncates the journal to `len` bytes and makes that durable.
fn cut_journal(path: &Path, len: u64) -> Result<()> {
    let fail = |source| Error::Write { path: path.to_owned(), source };
    let f = OpenOptions::new().write(true).open(path).map_err(fail)?;
    f.set_len(len).and_then(|()| f.sync_data()).map_err(fail)
}

/// Runs the session.
pub fn play(args: &PlayArgs) -> Result<()> {
    let project = super::open(&args.target, args.warnings, args.lang, RenderStyle::PLAIN)?;
    let model = &project.model;
    let out_dir = crate::project::out_dir(args.out.as_deref(), model, crate::project::Writer::Play);
    let journal_path = args.journal.clone().unwrap_or_else(|| out_dir.join("journal.jsonl"));
    let previous = previous_session(args, &journal_path, &project, RenderStyle::PLAIN)?;
    let seed = crate::project::seed(args.target.seed, previous.as_ref(), model);
    if let Some(dir) = journal_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_owned(), source })?;
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&journal_path)
        .map_err(|source| Error::Write { path: journal_path.clone(), source })?;
    let mut journal = JournalFile { file, path: journal_path.clone() };
    let bold = super::use_color(&std::io::stdout());
    let pace = args.pace.unwrap_or(model.meta.pace);

    let settings = Settings { seed, pace, lang: args.lang, inputs: project.inputs.clone() };
    let say = &args.lang.catalogue().play;
    let (mut session, greeting) =
        Session::start(model, &project.scenario.doc, &project.scripts, settings, previous.as_ref())?;
    if previous.is_some() {
        let at = format_time(session.position());
        println!("{}", for_terminal(&(say.resumed)(&model.meta.title, &at, &journal_path.display().to_string())));
    }
    deliver(&greeting, &mut journal, bold)?;

    let clock = Instant::now();
    let mut input = Input::open();
    while !session.is_over() {
        match input.read(&session.prompt()) {
            Read::Line(line) => {
                let output = session.handle(&line, clock.elapsed().as_secs_f64())?;
                deliver(&output, &mut journal, bold)?;
            }
            Read::Cancelled => {}
            Read::Closed => session.close(),
        }
    }
    let end = session.finish()?;
    journal.record(&end.journal)?;
    let results = Results::new(model, &end.outcome);
    // The record keeps the journal as it stands now, its end included.
    let journal_file = read_source(&journal_path)?;
    let played = super::record::Played {
        plan_given: args.target.plan.is_some(),
        answers: Some(&journal_file),
        seed,
        lang: args.lang,
        formats: &Format::ALL,
    };
    let kept = super::record::keep(&project, played);
    let reports = super::run::Reports { formats: &Format::ALL, lang: args.lang, templates: &Templates::default() };
    let files = outputs(model, &end.outcome, &results, reports, &end.observations, Some(&kept.record))?;
    super::output_set::write_set(&out_dir, &kept.with_outputs(files))?;
    print!("{}", for_terminal(&summary_table(model, &results, args.lang)));
    println!("\n{}", (say.ended)(&format_time(end.ended_at), &out_dir.display().to_string()));
    Ok(())
}
