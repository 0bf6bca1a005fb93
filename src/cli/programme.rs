//! `sandtable programme`: reads the library, the plan and the history and today's date
//! (the calendar's default start), and writes programme.md and programme.html.

use std::path::PathBuf;

use jiff::civil::Date;

use super::library;
use crate::error::Result;
use crate::lang::Lang;
use crate::programme::doc;

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
