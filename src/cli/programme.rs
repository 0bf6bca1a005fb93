//! `sandtable programme`: reads the library, the plan and the history and today's date
//! (the calendar's default start), and writes programme.md and programme.html.

use std::path::PathBuf;

use jiff::civil::Date;

use super::{choices, library, settings};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::programme::doc;

/// `programme`'s arguments as clap reads them.
#[derive(Debug, clap::Args)]
pub struct ProgrammeCli {
    /// The folder of scenarios.
    #[arg(long, value_name = "DIR")]
    pub library: PathBuf,
    /// The plan.
    #[arg(long, value_name = "PLAN")]
    pub plan: PathBuf,
    /// Exercise records of past exercises of this plan.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
    /// The calendar's first day, YYYY-MM-DD (default: the first of next month).
    #[arg(long, value_name = "DATE", value_parser = choices::date)]
    pub from: Option<jiff::civil::Date>,
    /// Output directory (default: out/programme).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Formats, comma-separated.
    #[arg(long, value_delimiter = ',', default_values = ["md", "html"], value_parser = ["md", "html"])]
    pub format: Vec<String>,
    /// Language (default: SANDTABLE_LANG, else the locale).
    #[arg(long, value_parser = choices::lang())]
    pub lang: Option<crate::lang::Lang>,
}

impl ProgrammeCli {
    /// Runs `programme` in the language the arguments and environment choose.
    pub fn run(self) -> Result<()> {
        let ProgrammeCli { library, plan, history, from, out, format, lang } = self;
        let lang = settings::language_from_env(lang)?;
        programme(&ProgrammeArgs { library, plan, history, from, out, formats: format, lang })
    }
}

/// What `programme` is asked.
pub struct ProgrammeArgs {
    /// The scenario library.
    pub library: PathBuf,
    /// The plan.
    pub plan: PathBuf,
    /// Exercise records.
    pub history: Option<PathBuf>,
    /// The calendar's first day (default: the first of next month).
    pub from: Option<Date>,
    /// Output folder (default out/programme).
    pub out: Option<PathBuf>,
    /// `md`, `html`.
    pub formats: Vec<String>,
    /// Language.
    pub lang: Lang,
}

/// Runs `programme`.
pub fn programme(args: &ProgrammeArgs) -> Result<()> {
    // The calendar covers the year from `start`: a year the date type cannot hold would
    // fold its exercises back onto the start date.
    if args.from.is_some_and(|from| from.checked_add(jiff::Span::new().years(1)).is_err()) {
        return Err(Error::Usage(args.lang.catalogue().programme.error_year_too_late.to_owned()));
    }
    let (lib, _) = library::load(&args.library, &args.plan, args.lang)?;
    let history = library::history(args.history.as_deref(), &lib, args.lang)?;
    let start = args.from.unwrap_or_else(|| {
        let today = jiff::Zoned::now().date();
        today.first_of_month().checked_add(jiff::Span::new().months(1)).unwrap_or(today)
    });
    let blocks = crate::programme::report::programme(&lib, &history, start, args.lang);
    let title = (args.lang.catalogue().programme.programme_title)(&lib.plan.doc.organisation.name);
    let mut files = Vec::new();
    if args.formats.iter().any(|f| f == "md") {
        files.push(("programme.md", doc::markdown(&blocks)));
    }
    if args.formats.iter().any(|f| f == "html") {
        files.push(("programme.html", doc::html(&title, &blocks, args.lang)));
    }
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from("out/programme"));
    super::output_set::write_set(&out, &files)?;
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    println!("{}", (args.lang.catalogue().summary.wrote)(&names.join(", "), &out.display().to_string()));
    Ok(())
}
