//! The command line: argument definitions, one module per subcommand, and the single
//! place where errors become messages and exit codes.

mod choices;
mod compare;
mod files;
mod library;
mod merge;
mod montecarlo;
mod msel;
mod output_set;
mod pick;
mod play;
mod programme;
mod record;
mod rerun;
mod run;
mod schema;
mod settings;
mod validate;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diag::{self, RenderStyle};
use crate::error::Error;
use crate::schema::SchemaKind;
pub use files::DiskSources;
use settings::Warnings;

/// Business-continuity tabletop exercises, played deterministically.
#[derive(Debug, Parser)]
#[command(name = "sandtable", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    verb: Verb,
}

/// The scenario to play, and what may override it.
#[derive(Debug, Clone, clap::Args)]
pub struct ScenarioArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// Use this plan instead of the one the scenario names.
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// Random seed (default: the scenario's `seed`, else 0).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Subcommand)]
// What sandtable is asked to do: one variant per subcommand.
enum Verb {
    /// Check plans and scenarios; a scenario also checks its plan and scripts.
    #[command(
        after_help = "Examples:\n  sandtable validate scenarios/dc-power-loss.yaml\n  sandtable validate scenarios/*.yaml scenarios/plans/*.yaml\n\nExit status: 0 when clean or warnings only, 1 on errors, 2 on a usage error."
    )]
    Validate {
        /// Plan or scenario files (the kind is recognised from the contents).
        #[arg(required_unless_present = "library", value_name = "FILE")]
        files: Vec<PathBuf>,
        /// A folder of scenarios to check against --plan as one library, with its coverage.
        #[arg(long, value_name = "DIR", requires = "plan")]
        library: Option<PathBuf>,
        /// The plan the library is checked against.
        #[arg(long, value_name = "PLAN", requires = "library")]
        plan: Option<PathBuf>,
        /// Print errors only; each file's line still counts its warnings.
        #[arg(long, short)]
        quiet: bool,
        /// Language (default: SANDTABLE_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG starting with zh).
        #[arg(long, value_parser = choices::lang())]
        lang: Option<crate::lang::Lang>,
    },
    /// Play a scenario against its plan and write the event log and results.
    #[command(
        after_help = "Examples:\n  sandtable run scenarios/dc-power-loss.yaml\n  sandtable run scenarios/dc-power-loss.yaml --seed 7 --decisions answers.yaml --out out/drill-2026\n  sandtable run scenarios/warehouse-fire.yaml --lang zh --format html,csv\n\nWrites events.jsonl, results.json, report.md, report.html, report.json and improvement-plan.csv.\nThe same inputs and seed always give byte-identical files."
    )]
    Run {
        #[command(flatten)]
        target: ScenarioArgs,
        /// Answers to decision points (YAML keyed by decision id).
        #[arg(long, value_name = "FILE")]
        decisions: Option<PathBuf>,
        /// Output directory (default: out/<scenario id>).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Report formats, comma-separated (the event log and results are always written).
        #[arg(long, value_delimiter = ',', default_values = ["md", "html", "json", "csv"], value_parser = choices::format())]
        format: Vec<crate::report::Format>,
        /// Language of the report and the summary (default: SANDTABLE_LANG, else the locale).
        #[arg(long, value_parser = choices::lang())]
        lang: Option<crate::lang::Lang>,
        /// Do not print the plan's and scenario's warnings (errors are always printed).
        #[arg(long, short)]
        quiet: bool,
        /// Directory with report.md.j2 and/or report.html.j2 to use instead of the built-in templates.
        #[arg(long, value_name = "DIR")]
        template: Option<PathBuf>,
    },
    /// Run the exercise live: injects as they fall due, the team's decisions as they are made.
    #[command(
        after_help = "Examples:\n  sandtable play scenarios/dc-power-loss.yaml\n  sandtable play scenarios/dc-power-loss.yaml --journal drill.jsonl --pace 60\n  sandtable play scenarios/dc-power-loss.yaml --journal drill.jsonl --resume    # after a crash\n  sandtable run scenarios/dc-power-loss.yaml --decisions drill.jsonl             # replay the session\n\nCommands: next (Enter), jump T+2:00, board, note TEXT, end, help; at a decision, an option id\nwith an optional latency (`declare 8m`) or `default`. Without a terminal, commands are read\nfrom standard input, one per line."
    )]
    Play {
        #[command(flatten)]
        target: ScenarioArgs,
        /// The session journal (default: <out>/journal.jsonl); every answer and note is synced to it at once.
        #[arg(long, value_name = "FILE")]
        journal: Option<PathBuf>,
        /// Scenario seconds per wall-clock second, for decision latency (default: the scenario's `pace`, else 1); a positive, finite number.
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        pace: Option<f64>,
        /// Continue the session recorded in the journal, from where it stopped.
        #[arg(long)]
        resume: bool,
        /// Output directory for the report and, by default, the journal (default: out/<scenario id>-play).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Language of the session (read-out, board, prompts, commands) and of the report (default: SANDTABLE_LANG, else the locale).
        #[arg(long, value_parser = choices::lang())]
        lang: Option<crate::lang::Lang>,
        /// Not even the one-line count of the plan's warnings at the start.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Play a scenario many times with derived seeds, in parallel, and report the odds.
    #[command(
        after_help = "Examples:\n  sandtable montecarlo scenarios/dc-power-loss.yaml --runs 10000\n  sandtable montecarlo scenarios/dc-power-loss.yaml --runs 10000 --seed 7 --threads 2 --format json\n  sandtable montecarlo scenarios/dc-power-loss.yaml --runs 10000 --compare examples/history/2024/plan.yaml\n  sandtable montecarlo scenarios/dc-power-loss.yaml --runs 100000 --shard \"$JOB_COMPLETION_INDEX/8\" --out out/shard-$JOB_COMPLETION_INDEX\n  sandtable merge out/shard-*\n\nReplica i is played with seed SplitMix64(S, i); the output is the same byte for byte for any --threads.\nWrites montecarlo.json, montecarlo.md and montecarlo.html (default out/<scenario id>-montecarlo); with --shard, montecarlo.partial.json only.\n\nExit status: 0 when written; 1 when the input is at fault or a replica fails; 2 on a usage error;\n130 when stopped by Ctrl-C (what was played is written, marked partial; a second Ctrl-C quits at once)."
    )]
    Montecarlo {
        #[command(flatten)]
        target: ScenarioArgs,
        /// How many replicas to play (at least 1).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        runs: u64,
        /// Answers to decision points (YAML keyed by decision id, or a session journal), for every replica.
        #[arg(long, value_name = "FILE")]
        decisions: Option<PathBuf>,
        /// Worker threads (default: one per core).
        #[arg(long, value_name = "T", value_parser = clap::value_parser!(u16).range(1..))]
        threads: Option<u16>,
        /// Play only replicas i with i mod N = K (K counts from 0, as $JOB_COMPLETION_INDEX and $SLURM_ARRAY_TASK_ID do) and write montecarlo.partial.json for `sandtable merge`.
        #[arg(long, value_name = "K/N")]
        shard: Option<String>,
        /// Also play the same replica seeds against each of these plans and report the differences.
        #[arg(long, value_name = "PLAN", num_args = 1..)]
        compare: Vec<PathBuf>,
        /// Output directory (default: out/<scenario id>-montecarlo).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Files to write, comma-separated: md, html, json.
        #[arg(long, value_delimiter = ',', default_values = ["md", "html", "json"], value_parser = ["md", "html", "json"])]
        format: Vec<String>,
        /// Language of the report and the summary (default: SANDTABLE_LANG, else the locale).
        #[arg(long, value_parser = choices::lang())]
        lang: Option<crate::lang::Lang>,
        /// Do not print the plan's and scenario's warnings (errors are always printed).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Combine the partial aggregates of a sharded montecarlo study into the files one run of every replica writes.
    #[command(
        after_help = "Examples:\n  sandtable merge out/shard-0 out/shard-1 out/shard-2\n  sandtable merge out/shards/ --out out/study --format md,json --lang zh\n\nFolders are searched for montecarlo.partial.json; files are read as given. The shards must come from the same\ninputs (SHA-256), seed, --runs and N, each exactly once and played to the end; their order does not matter.\nWrites montecarlo.json, montecarlo.md and montecarlo.html (default out/<scenario id>-montecarlo), byte for byte what\n`sandtable montecarlo` writes when it plays every replica itself.\n\nExit status: 0 when written; 1 when a file cannot be read (corrupt, or from a newer sandtable) or the shards do\nnot make one whole study (the file, shard or setting is named); 2 on a usage error."
    )]
    Merge {
        /// Partial aggregates: folders (searched for montecarlo.partial.json) or the files.
        #[arg(required = true, value_name = "DIR|FILE")]
        inputs: Vec<PathBuf>,
        /// Output directory (default: out/<scenario id>-montecarlo).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Files to write, comma-separated: md, html, json.
        #[arg(long, value_delimiter = ',', default_values = ["md", "html", "json"], value_parser = ["md", "html", "json"])]
        format: Vec<String>,
        /// Language of the report and the summary (default: SANDTABLE_LANG, else the locale).
        #[arg(long, value_parser = choices::lang())]
        lang: Option<crate::lang::Lang>,
    },
    /// Play an exercise record again and check that it reproduces its results byte for byte.
    #[command(
        after_help = "Examples:\n  sandtable run scenarios/dc-power-loss.yaml --out out/drill-2026\n  sandtable rerun out/drill-2026\n\nA record is the folder `run` or `play` wrote: its outputs, record.json and the inputs played (inputs/).\nThe replay uses the recorded seed, answers, language and reports, reads only the record's inputs/,\nand is written to a temporary folder; the record is not changed.\n\nExit status: 0 when results.json is reproduced byte for byte; 1 when it is not (the first differing\nline is named), or when the record cannot be replayed (an input changed since it was recorded, a\nrecord from a newer release, no record.json); 2 on a usage error."
    )]
    Rerun {
        /// The record's folder (the output folder of `run` or `play`).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Compare exercise records over time: targets, response times, ratings, findings, improvement items, plan changes.
    #[command(
        after_help = "Examples:\n  sandtable compare out/drill-2025 out/drill-2026\n  sandtable compare out/ --out out/comparison --format md,json --lang zh\n  sandtable compare out/ --baseline out/drill-2024\n\nFolders are searched for report.json (records `run` and `play` wrote); exercises are ordered by\ntheir date, then folder name. Writes comparison.md, comparison.html and comparison.json.\n\nExit status: 0 when written; 1 when fewer than two records are found or a report cannot be read\n(corrupt, or from a newer sandtable); 2 on a usage error."
    )]
    Compare {
        /// Records: their folders (searched for report.json) or report.json files.
        #[arg(required = true, value_name = "DIR|REPORT")]
        inputs: Vec<PathBuf>,
        /// Output directory (default: out/comparison).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Formats, comma-separated.
        #[arg(long, value_delimiter = ',', default_values = ["md", "html", "json"], value_parser = ["md", "html", "json"])]
        format: Vec<String>,
        /// Language of comparison.md (default: SANDTABLE_LANG, else the locale).
        #[arg(long, value_parser = choices::lang())]
        lang: Option<crate::lang::Lang>,
        /// Compare every exercise with this record instead of with the one before it.
        #[arg(long, value_name = "DIR")]
        baseline: Option<PathBuf>,
    },
    /// Show what changed between two plans, by id: targets, roles, people, call tree, runbooks, backups, suppliers.
    #[command(
        after_help = "Examples:\n  sandtable diff plans/2025.yaml plans/2026.yaml\n  sandtable diff old.yaml new.yaml --format json"
    )]
    Diff {
        /// The earlier plan.
        #[arg(value_name = "OLD_PLAN")]
        old: PathBuf,
        /// The later plan.
        #[arg(value_name = "NEW_PLAN")]
        new: PathBuf,
        /// Markdown or JSON.
        #[arg(long, default_value = "md", value_parser = ["md", "json"])]
        format: String,
        /// Language of the Markdown (default: SANDTABLE_LANG, else the locale).
        #[arg(long, value_parser = choices::lang())]
        lang: Option<crate::lang::Lang>,
    },
    /// Choose the next exercise fairly and reproducibly: a weighted draw over the library, a start time, a course.
    #[command(
        after_help = "Examples:\n  sandtable pick --library scenarios --plan scenarios/plans/chem-trading.yaml --type unannounced \\\n      --from 2027-04-01 --to 2027-06-30 --history out/exercises --out out/pick-q2\n  sandtable pick --library scenarios --plan scenarios/plans/chem-trading.yaml --seed 4711   # again\n\nCandidates are the library's scenarios that check against the plan and suit --type. Each weighs\nlikelihood × impact of the risks it exercises, × 0 if played in the last `drills.exclude_last`\nexercises (default 1), × k/(k+1) if played k exercises ago, × up to 2 for what was exercised\nlongest ago.\nOne ChaCha8 generator seeded by --seed draws the scenario, the start inside its window and the date\nrange, and the course seed. Without --seed one is drawn from the operating system and printed.\n\nWrites brief.md and brief.html (sealed: for the facilitator), notice.md (for the players: only the\ndate range) and pick.json (every candidate's weight and the draw).\n\nExit status: 0 when written; 1 when nothing can be picked (an empty library, no candidate, a window\nthat allows no time) or --history holds records of another plan; 2 on a usage error."
    )]
    Pick(pick::PickCli),
    /// Show the exercise programme: risks and critical functions against scenarios and past exercises, the gaps, a year's calendar.
    #[command(
        after_help = "Examples:\n  sandtable programme --library scenarios --plan scenarios/plans/chem-trading.yaml\n  sandtable programme --library scenarios --plan scenarios/plans/chem-trading.yaml \\\n      --history out/exercises --from 2027-01-01 --format md --lang zh\n\nThe calendar follows the plan's `drills:` (tabletop, live, unannounced per year); unannounced\ndrills are given as windows only, their scenario left to `sandtable pick`.\nWrites programme.md and programme.html."
    )]
    Programme(programme::ProgrammeCli),
    /// Export or import a Master Scenario Events List (CSV or Excel).
    #[command(subcommand)]
    Msel(MselCommand),
    /// Print the JSON Schema of a file format, for editors.
    #[command(
        after_help = "Examples:\n  sandtable schema plan > plan.schema.json\n  sandtable schema scenario -o schemas/scenario.schema.json"
    )]
    Schema {
        /// Which format.
        #[arg(value_parser = choices::schema_kind())]
        kind: SchemaKind,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum MselCommand {
    /// Write a scenario's injects and decision points as an MSEL spreadsheet.
    #[command(
        after_help = "Examples:\n  sandtable msel export scenarios/dc-power-loss.yaml -o msel.xlsx\n  sandtable msel export scenarios/warehouse-fire.yaml -o msel.csv --lang zh\n  sandtable msel export scenarios/dc-power-loss.yaml -o msel.xlsx --seed 7    # with the injects scripts add in that run\n\nAn XLSX export carries the scenario's metadata (duration, date, seed, objectives, decisions) on a second sheet,\nso that importing it gives back the whole scenario."
    )]
    Export {
        /// The scenario.
        #[arg(value_name = "SCENARIO")]
        scenario: PathBuf,
        /// The spreadsheet to write (.csv or .xlsx).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Play the scenario with this seed (default decisions) and list the injects its scripts add, as `scripted` rows.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Language of the column headings.
        #[arg(long, default_value = "en", value_parser = choices::lang())]
        lang: crate::lang::Lang,
    },
    /// Read an MSEL spreadsheet into a scenario that validates against a plan.
    #[command(
        after_help = "Examples:\n  sandtable msel import winter-msel.xlsx --plan scenarios/plans/it-operations.yaml -o scenarios/winter.yaml\n  sandtable msel import msel.csv --map 'Zeit=time' --map 'Ereignis=title' --plan plan.yaml -o scenario.yaml\n\nFields for --map: event, time, date, day, title, description, from, to, method, expected_action, objectives, notes, effects, kind."
    )]
    Import {
        /// The spreadsheet (.csv or .xlsx).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The sheet to read (default: the first with data).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Map a column heading to a field, as 'HEADING=field'; may be repeated.
        #[arg(long, value_name = "HEADING=field", value_parser = msel::parse_map)]
        map: Vec<(String, crate::msel::Field)>,
        /// The plan the scenario is played against.
        #[arg(long, value_name = "PLAN")]
        plan: PathBuf,
        /// The scenario to write.
        #[arg(short, long, value_name = "SCENARIO")]
        output: PathBuf,
    },
}

/// Parses the command line, runs the command and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let style = RenderStyle { color: use_color(&std::io::stderr()), width: terminal_width() };
    let result = match cli.verb {
        Verb::Validate { files, library, plan, quiet, lang } => settings::language_from_env(lang).and_then(|lang| {
            let warnings = Warnings::chosen(quiet, Warnings::All);
            validate::run(&files, warnings, lang, style)?;
            match (library, plan) {
                (Some(library), Some(plan)) => validate::library(&library, &plan, warnings, lang, style),
                _ => Ok(()),
            }
        }),
        Verb::Run { target, decisions, out, format, lang, template, quiet } => settings::language_from_env(lang)
            .and_then(|lang| {
                let warnings = Warnings::chosen(quiet, Warnings::All);
                run::run(&run::RunArgs { target, decisions, out, formats: format, lang, template, warnings }, style)
            }),
        Verb::Play { target, journal, pace, resume, out, lang, quiet } => {
            settings::language_from_env(lang).and_then(|lang| {
                let pace = settings::pace(pace, lang)?;
                let warnings = Warnings::chosen(quiet, Warnings::Summary);
                play::play(&play::PlayArgs { target, journal, pace, resume, out, lang, warnings })
            })
        }
        Verb::Montecarlo { target, runs, decisions, threads, shard, compare, out, format, lang, quiet } => {
            settings::language_from_env(lang).and_then(|lang| {
                let warnings = Warnings::chosen(quiet, Warnings::All);
                let threads = threads.map(usize::from);
                let args = montecarlo::MonteCarloArgs {
                    target,
                    runs,
                    decisions,
                    threads,
                    shard,
                    out,
                    formats: format,
                    lang,
                    warnings,
                    compare,
                };
                montecarlo::montecarlo(&args, style)
            })
        }
        Verb::Merge { inputs, out, format, lang } => settings::language_from_env(lang)
            .and_then(|lang| merge::merge(&merge::MergeArgs { inputs, out, formats: format, lang })),
        Verb::Rerun { dir } => rerun::rerun(&dir, style),
        Verb::Compare { inputs, out, format, lang, baseline } => settings::language_from_env(lang)
            .and_then(|lang| compare::compare(&compare::CompareArgs { inputs, out, formats: format, lang, baseline })),
        Verb::Diff { old, new, format, lang } => {
            settings::language_from_env(lang).and_then(|lang| compare::diff(&old, &new, format == "json", lang))
        }
        Verb::Msel(MselCommand::Export { scenario, output, seed, lang }) => {
            msel::export(&msel::ExportArgs { scenario, output, seed, lang }, style)
        }
        Verb::Msel(MselCommand::Import { file, sheet, map, plan, output }) => {
            msel::import(&msel::ImportArgs { file, sheet, map, plan, output }, style)
        }
        Verb::Schema { kind, output } => schema::run(kind, output.as_deref()),
        Verb::Pick(args) => args.run(),
        Verb::Programme(args) => args.run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err, style);
            ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(1))
        }
    }
}

/// Opens the scenario the arguments name, through the file system; warnings are shown
/// as `warnings` says.
fn open(
    target: &ScenarioArgs,
    warnings: Warnings,
    lang: crate::lang::Lang,
    style: RenderStyle,
) -> Result<crate::project::Project, Error> {
    open_from(&files::DiskSources, target, warnings, lang, style)
}

/// Opens the scenario the arguments name, read through `sources`; warnings are shown
/// as `warnings` says.
fn open_from(
    sources: &dyn crate::project::Sources,
    target: &ScenarioArgs,
    warnings: Warnings,
    lang: crate::lang::Lang,
    style: RenderStyle,
) -> Result<crate::project::Project, Error> {
    let project = crate::project::open(sources, &target.scenario, target.plan.as_deref())?;
    eprint!("{}", warnings.render(&project.warnings, &target.scenario.display().to_string(), lang, style));
    Ok(project)
}

/// Prints an error to stderr: diagnostics with their source, anything else as one line.
fn report(err: &Error, style: RenderStyle) {
    let mut stderr = std::io::stderr().lock();
    let _ = match err {
        Error::Invalid(diagnostics) => {
            write!(stderr, "{}", diag::render(diagnostics, style)).and_then(|()| writeln!(stderr, "{err}"))
        }
        Error::NotReproduced(message) | Error::Interrupted(message) => writeln!(stderr, "{message}"),
        other => writeln!(stderr, "error: {other}"),
    };
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
pub(crate) fn use_color(stream: &impl IsTerminal) -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && stream.is_terminal()
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(100)
}
