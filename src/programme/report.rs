//! The programme report (`programme.md`, `programme.html`): the coverage matrices of
//! risks and critical functions against the library's scenarios and the past exercises,
//! the gaps, and the year's calendar.

use jiff::civil::Date;

use super::brief::kind_name;
use super::calendar::{Slot, calendar};
use super::coverage::{Coverage, Gap, Row, coverage};
use super::doc::Block;
use super::{History, Library};
use crate::lang::Lang;
use crate::lang::catalogue::ProgrammePhrases;

/// The report's blocks; the calendar starts on `start`.
pub fn programme(library: &Library, history: &History, start: Date, lang: Lang) -> Vec<Block> {
    let say = &lang.catalogue().programme;
    let cov = coverage(library, history);
    let mut b = vec![
        Block::Heading(1, (say.programme_title)(&library.plan.doc.organisation.name)),
        Block::Para((say.programme_intro)(library.playable().count(), library.scenarios.len(), history.len())),
    ];
    let ids: Vec<String> = library.playable().map(|s| s.id().to_owned()).collect();
    b.push(Block::Heading(2, say.risks.to_owned()));
    if cov.risks.is_empty() {
        b.push(Block::Para(say.no_register.to_owned()));
    } else {
        b.push(matrix(&cov.risks, &ids, say.risk, say.score, say, lang));
    }
    b.push(Block::Heading(2, say.functions.to_owned()));
    b.push(matrix(&cov.functions, &ids, say.function, say.priority, say, lang));
    gaps(&mut b, library, &cov, say);
    b.push(Block::Heading(2, (say.calendar_title)(&start.to_string())));
    let slots = calendar(library, history, start);
    if slots.is_empty() {
        b.push(Block::Para(say.no_drills.to_owned()));
    } else {
        b.push(calendar_table(&slots, say));
    }
    b
}

fn last_text(row: &Row, say: &ProgrammePhrases) -> String {
    match &row.last {
        Some(l) => (say.last_exercised)(
            &l.exercise.date.map_or_else(|| say.no_date.to_owned(), |d| d.to_string()),
            kind_name(l.exercise.kind, say),
            &l.exercise.scenario_id,
        ),
        None => say.never.to_owned(),
    }
}

fn matrix(rows: &[Row], ids: &[String], what: &str, rank: &str, say: &ProgrammePhrases, _lang: Lang) -> Block {
    let mut head = vec![what.to_owned(), rank.to_owned()];
    head.extend(ids.iter().cloned());
    head.push(say.last.to_owned());
    let body = rows
        .iter()
        .map(|r| {
            let mut cells = vec![format!("{} ({})", r.name, r.id), r.rank.to_string()];
            cells.extend(ids.iter().map(|id| if r.scenarios.contains(id) { "✓".to_owned() } else { String::new() }));
            cells.push(last_text(r, say));
            cells
        })
        .collect();
    Block::Table(head, body)
}

fn gaps(b: &mut Vec<Block>, library: &Library, cov: &Coverage, say: &ProgrammePhrases) {
    b.push(Block::Heading(2, say.gaps.to_owned()));
    if cov.gaps.is_empty() {
        b.push(Block::Para(say.no_gaps.to_owned()));
        return;
    }
    let name = |id: &str| {
        let plan = &library.plan.doc;
        plan.risks
            .iter()
            .find(|r| r.id.value == id)
            .map(|r| r.name.clone())
            .or_else(|| plan.functions.iter().find(|f| f.id.value == id).map(|f| f.name.clone()))
            .map_or_else(|| id.to_owned(), |n| format!("{n} ({id})"))
    };
    let items = cov
        .gaps
        .iter()
        .map(|g| match g {
            Gap::HighRiskUncovered(id) => (say.gap_high_risk)(&name(id)),
            Gap::RiskUncovered(id) => (say.gap_risk)(&name(id)),
            Gap::FunctionUncovered(id) => (say.gap_function)(&name(id)),
            Gap::RiskNeverExercised(id) => (say.gap_risk_never)(&name(id)),
            Gap::FunctionNeverExercised(id) => (say.gap_function_never)(&name(id)),
        })
        .collect();
    b.push(Block::List(items));
}

fn calendar_table(slots: &[Slot], say: &ProgrammePhrases) -> Block {
    let rows = slots
        .iter()
        .map(|s| {
            let when = if s.from == s.to { s.from.to_string() } else { format!("{} – {}", s.from, s.to) };
            let what = match (&s.scenario, s.kind) {
                (_, crate::format::programme::DrillKind::Unannounced) => say.chosen_by_pick.to_owned(),
                (Some(id), _) => id.clone(),
                (None, _) => say.no_scenario_suits.to_owned(),
            };
            vec![when, kind_name(s.kind, say).to_owned(), what]
        })
        .collect();
    Block::Table(vec![say.when.to_owned(), say.exercise_kind.to_owned(), say.scenario.to_owned()], rows)
}
