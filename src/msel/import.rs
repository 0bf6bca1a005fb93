//! A real-world MSEL grid → a scenario: find the header row, map the columns, read each
//! row, and account for every row, read or not.

use std::collections::{BTreeMap, BTreeSet};

use super::Field;
use super::columns::{field_of, normalise};
use super::grid::{Cell, Grid};
use super::limits::MAX_DATA_ROWS;
use super::when::{self, When};
use crate::format::effect::Effect;
use crate::format::scenario::{ExerciseType, Inject, Objective, Scenario};
use crate::format::{FORMAT_VERSION, Label};
use crate::spanned::Sp;
use crate::time::{DAY, Duration, HOUR, Time};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Column headings mapped by hand: (heading as in the sheet, field).
    pub map: Vec<(String, Field)>,
    /// The plan path to write into the scenario, relative to the scenario file.
    pub plan: String,
    /// Scenario id.
    pub id: String,
    /// Scenario title, when the workbook names none.
    pub title: String,
}

/// A row that could not be read in full, with its spreadsheet row number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// 1-based spreadsheet row.
    pub row: usize,
    /// What was wrong and what was done.
    pub message: String,
    /// Whether the row was left out (otherwise it was imported with the problem noted).
    pub skipped: bool,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Import {
    /// The scenario.
    pub scenario: Scenario,
    /// The 1-based row holding the headers.
    pub header_row: usize,
    /// Which column became which field.
    pub columns: Vec<(String, Field)>,
    /// Rows with data after the header.
    pub data_rows: usize,
    /// Problems, row by row.
    pub issues: Vec<RowIssue>,
}

impl Import {
    /// The scenario as YAML, with a comment saying where it came from.
    pub fn to_yaml(&self, source: &str) -> String {
        let body = serde_saphyr::to_string(&self.scenario).unwrap_or_default();
        format!(
            "# Imported by `sandtable msel import` from {source}.\n\
             # The injects carry narrative only: add `effects:` (site_down, system_down, person_unavailable, …)\n\
             # and objective criteria, then check with `sandtable validate`.\n{body}"
        )
    }
}

/// A data row as read, before times are made relative to the first inject.
struct ReadRow {
    number: usize,
    inject: Inject,
    when: Option<When>,
    date: Option<i64>,
    day: Option<i64>,
}

fn slug(text: &str) -> String {
    let s = normalise(text).replace(' ', "-");
    if s.is_empty() { "objective".to_owned() } else { s.chars().take(48).collect() }
}

fn map_header(header: &str, opts: &ImportOptions) -> Option<Field> {
    let h = normalise(header);
    opts.map.iter().find(|(k, _)| normalise(k) == h).map(|(_, f)| *f).or_else(|| field_of(header))
}

/// Imports a grid.
pub fn import(grid: &Grid, opts: &ImportOptions) -> Result<Import, String> {
    let header_row = find_header(grid, opts)?;
    let headers: Vec<String> = grid.rows[header_row].iter().map(Cell::text).collect();
    let columns = Columns::map(&headers, opts);
    let mut reader = RowReader::default();
    for (r, row) in grid.rows.iter().enumerate().skip(header_row + 1) {
        reader.read(r + 1, row, &columns);
        if reader.data_rows > MAX_DATA_ROWS {
            return Err(format!(
                "row {}: more than {MAX_DATA_ROWS} data rows, past the MSEL import limit of {MAX_DATA_ROWS} injects \
                 (a scenario that large would not load); nothing was written",
                r + 1
            ));
        }
    }
    let RowReader { mut issues, rows, objectives, data_rows, .. } = reader;
    let Placed { injects, origin, any_time } = place_in_time(rows);
    if !any_time && !injects.is_empty() {
        issues.push(RowIssue {
            row: header_row + 1,
            message: "the sheet has no times: every inject is placed at T+0:00 in sheet order; set `at` before playing"
                .into(),
            skipped: false,
        });
    }
    let title = grid
        .metadata
        .iter()
        .find(|(k, _)| normalise(k) == "exercise name")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| opts.title.clone());
    let date = origin.filter(|_| !injects.is_empty()).and_then(calendar_date);
    Ok(Import {
        scenario: scenario(opts, title, date, objectives, injects),
        header_row: header_row + 1,
        columns: columns.fields.iter().map(|(i, f)| (headers[*i].replace('\n', " "), *f)).collect(),
        data_rows,
        issues,
    })
}

/// The header row is the first (of the first 50) naming at least two known columns, one
/// of them the title or description: title rows above it are skipped.
fn find_header(grid: &Grid, opts: &ImportOptions) -> Result<usize, String> {
    grid.rows
        .iter()
        .take(50)
        .position(|row| {
            let fields: BTreeSet<Field> = row.iter().filter_map(|c| map_header(&c.text(), opts)).collect();
            fields.len() >= 2 && (fields.contains(&Field::Title) || fields.contains(&Field::Description))
        })
        .ok_or_else(|| {
            "no header row found in the first 50 rows: expected headings such as `MSEL #`, `Time`, `Title`, \
             `Description` (map others with --map 'HEADING=field')"
                .to_owned()
        })
}

/// Which column holds which field; columns that hold none are kept as notes.
struct Columns {
    fields: Vec<(usize, Field)>,
    extra: Vec<(usize, String)>,
}

impl Columns {
    fn map(headers: &[String], opts: &ImportOptions) -> Columns {
        let mut fields: Vec<(usize, Field)> = Vec::new();
        let mut extra: Vec<(usize, String)> = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            match map_header(h, opts) {
                Some(f) if !fields.iter().any(|(_, g)| *g == f) => fields.push((i, f)),
                _ if !h.trim().is_empty() => extra.push((i, h.trim().replace('\n', " "))),
                _ => {}
            }
        }
        Columns { fields, extra }
    }

    fn cell(&self, row: &[Cell], f: Field) -> Cell {
        self.fields.iter().find(|(_, g)| *g == f).and_then(|(i, _)| row.get(*i)).cloned().unwrap_or(Cell::Empty)
    }
}

/// Reads data rows one by one, remembering what later rows are checked against.
#[derive(Default)]
struct RowReader {
    issues: Vec<RowIssue>,
    rows: Vec<ReadRow>,
    seen_events: BTreeMap<String, usize>,
    objectives: BTreeMap<String, String>,
    data_rows: usize,
}

impl RowReader {
    /// Reads spreadsheet row `number` (1-based): an inject, or an issue saying why not.
    fn read(&mut self, number: usize, row: &[Cell], columns: &Columns) {
        if row.iter().all(Cell::is_blank) {
            return;
        }
        self.data_rows += 1;
        let text = |f: Field| columns.cell(row, f).text();
        if text(Field::Kind).eq_ignore_ascii_case("decision") {
            self.skip(number, "a decision point: decisions are exported for reading and edited in the scenario YAML");
            return;
        }
        let mut notes: Vec<String> = Vec::new();
        if !text(Field::Notes).is_empty() {
            notes.push(text(Field::Notes));
        }
        for (i, h) in &columns.extra {
            let v = row.get(*i).map(Cell::text).unwrap_or_default();
            if !v.is_empty() {
                notes.push(format!("{h}: {v}"));
            }
        }
        let description = text(Field::Description);
        let mut title = text(Field::Title);
        if title.is_empty() {
            title = description.lines().next().unwrap_or_default().chars().take(80).collect();
        }
        if title.is_empty() {
            let content: Vec<String> = row.iter().map(Cell::text).filter(|t| !t.is_empty()).collect();
            let message =
                format!("no title or description, so not an inject (a legend or note?): {}", content.join(" | "));
            self.skip(number, message);
            return;
        }
        let event = self.event_number(number, text(Field::Event), &mut notes);
        let when = match when::time(&columns.cell(row, Field::Time)) {
            Ok(w) => w,
            Err(e) => {
                self.note(number, format!("{e}; the time of the row before is used"));
                notes.push(format!("time as written: {}", text(Field::Time)));
                None
            }
        };
        let date = when::date(&columns.cell(row, Field::Date)).unwrap_or_else(|e| {
            self.note(number, e);
            None
        });
        let day = match text(Field::Day).trim_start_matches(|c: char| !c.is_ascii_digit()).parse::<i64>() {
            Ok(d) if d >= 1 => Some(d - 1),
            _ => None,
        };
        let effects = self.effects(number, &text(Field::Effects), &mut notes);
        let objectives = self.objectives(&text(Field::Objectives));
        let opt = |s: String| if s.is_empty() { None } else { Some(s) };
        let inject = Inject {
            event: Sp::new(Label(event)),
            at: Sp::new(Time(0)),
            title,
            description: opt(description),
            from: opt(text(Field::From)),
            to: opt(text(Field::To)),
            method: opt(text(Field::Method)),
            expected_action: opt(text(Field::ExpectedAction)),
            objectives,
            notes: if notes.is_empty() { None } else { Some(notes.join("\n")) },
            effects,
        };
        self.rows.push(ReadRow { number, inject, when, date, day });
    }

    fn skip(&mut self, row: usize, message: impl Into<String>) {
        self.issues.push(RowIssue { row, message: message.into(), skipped: true });
    }

    fn note(&mut self, row: usize, message: impl Into<String>) {
        self.issues.push(RowIssue { row, message: message.into(), skipped: false });
    }

    /// The row's event number, made unique: numbered after the row when the sheet has
    /// none, renamed when an earlier row used it.
    fn event_number(&mut self, number: usize, written: String, notes: &mut Vec<String>) -> String {
        let mut event = written;
        if event.is_empty() {
            event = format!("R{number}");
            notes.push(format!("no event number in the sheet; numbered after its row ({number})"));
        }
        if let Some(first) = self.seen_events.get(&event) {
            let renamed = format!("{event}-row{number}");
            self.note(
                number,
                format!("event number `{event}` was already used on row {first}; imported as `{renamed}`"),
            );
            event = renamed;
        }
        self.seen_events.insert(event.clone(), number);
        event
    }

    /// Effects in their text form, separated by `;` or lines; one that does not read is
    /// left out and kept in the notes as written.
    fn effects(&mut self, number: usize, written: &str, notes: &mut Vec<String>) -> Vec<Sp<Effect>> {
        let mut effects = Vec::new();
        for part in written.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            match part.parse::<Effect>() {
                Ok(e) => effects.push(Sp::new(e)),
                Err(e) => {
                    self.note(number, format!("effect `{part}` left out: {e}"));
                    notes.push(format!("effect as written: {part}"));
                }
            }
        }
        effects
    }

    /// The row's objectives by id; each new one is added to the scenario's list.
    fn objectives(&mut self, written: &str) -> Vec<Sp<String>> {
        let mut ids: Vec<Sp<String>> = Vec::new();
        for part in written.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            let id = slug(part);
            self.objectives.entry(id.clone()).or_insert_with(|| part.to_owned());
            if !ids.iter().any(|o| o.value == id) {
                ids.push(Sp::new(id));
            }
        }
        ids
    }
}

/// Injects with their scenario times, the absolute time T+0 stands for, and whether the
/// sheet gave any time at all.
struct Placed {
    injects: Vec<Inject>,
    origin: Option<i64>,
    any_time: bool,
}

/// Offsets stay; absolute times (clock, date, DTG) count from the earliest; a row without
/// a time is delivered with the row before it.
fn place_in_time(rows: Vec<ReadRow>) -> Placed {
    let mut absolute: Vec<Option<i64>> = Vec::with_capacity(rows.len());
    let mut last_clock: Option<i64> = None;
    let mut rollover = 0;
    for ReadRow { when, date, day, .. } in &rows {
        let a = match when {
            Some(When::Absolute(a)) => Some(*a),
            Some(When::Clock(c)) => {
                // A clock going back by more than 12 hours has passed midnight.
                if date.is_none() && day.is_none() {
                    if last_clock.is_some_and(|l| *c + 12 * HOUR < l) {
                        rollover += DAY;
                    }
                    last_clock = Some(*c);
                }
                Some(date.unwrap_or(0) + day.unwrap_or(0) * DAY + rollover + c)
            }
            None => date.map(|d| d + day.unwrap_or(0) * DAY).or(day.map(|d| d * DAY)),
            Some(When::Offset(_)) => None,
        };
        absolute.push(a);
    }
    let origin = absolute.iter().flatten().min().copied();
    let mut previous = 0;
    let mut previous_row = 0;
    let mut any_time = false;
    let mut injects = Vec::with_capacity(rows.len());
    for (ReadRow { number, mut inject, when, .. }, abs) in rows.into_iter().zip(absolute) {
        let at = match (when, abs, origin) {
            (Some(When::Offset(o)), _, _) => Some(o),
            (_, Some(a), Some(o)) => Some(a - o),
            _ => None,
        };
        match at {
            Some(t) => {
                any_time = true;
                previous = t;
            }
            None if any_time => {
                let note = format!("no time in the sheet; delivered with the row before (row {previous_row})");
                inject.notes = Some(inject.notes.map_or(note.clone(), |n| format!("{n}\n{note}")));
            }
            None => {}
        }
        inject.at = Sp::new(Time(at.unwrap_or(previous).max(0)));
        previous_row = number;
        injects.push(inject);
    }
    Placed { injects, origin, any_time }
}

/// The calendar date of an absolute time, when it is a real date (not a bare clock
/// counted from 1970).
fn calendar_date(absolute: i64) -> Option<Sp<String>> {
    let days = absolute.div_euclid(DAY);
    let epoch = jiff::civil::Date::new(1970, 1, 1).ok()?;
    let d = epoch.checked_add(jiff::Span::new().days(days)).ok()?;
    (d.year() > 1971).then(|| Sp::new(d.to_string()))
}

/// The imported scenario: long enough for its last inject plus an hour, to the hour.
fn scenario(
    opts: &ImportOptions,
    title: String,
    date: Option<Sp<String>>,
    objectives: BTreeMap<String, String>,
    injects: Vec<Inject>,
) -> Scenario {
    let last = injects.iter().map(|i| i.at.value.0).max().unwrap_or(0);
    let duration = (last / HOUR + 1) * HOUR + HOUR;
    Scenario {
        format_version: Sp::new(FORMAT_VERSION),
        id: Sp::new(opts.id.clone()),
        title,
        exercise_type: Sp::new(ExerciseType::Tabletop),
        unannounced: false,
        date,
        duration: Sp::new(Duration(duration)),
        seed: None,
        pace: None,
        plan: Sp::new(opts.plan.clone()),
        scope: None,
        sponsor: None,
        tags: vec!["imported".to_owned()],
        objectives: objectives
            .into_iter()
            .map(|(id, text)| Objective { id: Sp::new(id), text, capability: None, criteria: Vec::new() })
            .collect(),
        injects,
        decisions: Vec::new(),
        scripts: Vec::new(),
    }
}
