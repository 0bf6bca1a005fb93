//! The sealed facilitator brief (what happens when, on the wall clock) and the
//! participant notice (only the date range), from a pick and the chosen scenario's
//! course (its scripted injects and outages when played with the course seed and the
//! default decisions).

use jiff::Span;
use jiff::civil::DateTime;

use super::doc::Block;
use super::draw::Pick;
use super::weights::Excluded;
use crate::compile::Model;
use crate::format::programme::DrillKind;
use crate::format::scenario::Scenario;
use crate::lang::Lang;
use crate::lang::catalogue::ProgrammePhrases;
use crate::outcome::Outcome;
use crate::time::format_time;

/// What the chosen scenario does when played with the course seed and default decisions.
#[derive(Debug, Clone, Default)]
pub struct Course {
    /// Injects its scripts add: event, scenario second, title, description.
    pub scripted: Vec<(String, i64, String, String)>,
    /// Functions that go down: name, scenario second it went down, its RTO in seconds.
    pub outages: Vec<(String, i64, i64)>,
}

/// The course of a played run.
pub fn course(model: &Model, outcome: &Outcome) -> Course {
    let scripted = outcome
        .script_injects
        .iter()
        .map(|i| (i.event.clone(), i.at, i.title.clone(), i.description.clone()))
        .collect();
    let outages = model
        .functions
        .iter()
        .zip(&outcome.outages)
        .filter_map(|(f, o)| o.first().map(|first| (f.name.clone(), first.start, f.rto)))
        .collect();
    Course { scripted, outages }
}

/// A scenario second as wall-clock time from the start: `2027-03-18 (Thu) 10:42`,
/// `2027-03-18（周四）10:42`.
pub fn wall_clock(start: DateTime, at: i64, lang: Lang) -> String {
    let say = &lang.catalogue().programme;
    // `seconds` panics beyond jiff's range; a scenario time that far out shows as the start.
    let t = Span::new().try_seconds(at).ok().and_then(|span| start.checked_add(span).ok()).unwrap_or(start);
    let day = say.weekdays[usize::from(t.weekday().to_monday_zero_offset().unsigned_abs()) % 7];
    (say.moment)(&t.date().to_string(), day, &format!("{:02}:{:02}", t.hour(), t.minute()))
}

/// The name of an exercise kind in `lang`.
pub fn kind_name(kind: DrillKind, say: &ProgrammePhrases) -> &'static str {
    match kind {
        DrillKind::Tabletop => say.kind_tabletop,
        DrillKind::Live => say.kind_live,
        DrillKind::Unannounced => say.kind_unannounced,
    }
}

/// Why a scenario is not a candidate, in `lang`.
pub fn exclusion(e: &Excluded, say: &ProgrammePhrases) -> String {
    match e {
        Excluded::NotForPlan { first_error } => (say.excluded_not_for_plan)(first_error),
        Excluded::OtherPlan { plan } => (say.excluded_other_plan)(plan),
        Excluded::Unsuited => say.excluded_unsuited.to_owned(),
        Excluded::Recent { ago, exclude_last } => (say.excluded_recent)(*ago + 1, *exclude_last),
        Excluded::NoTime => say.excluded_no_time.to_owned(),
    }
}

/// The brief's blocks. `scenario_path` and `reproduce` are the command lines to play the
/// course and to repeat the pick.
pub fn brief(pick: &Pick, scenario: &Scenario, course: &Course, commands: &[String], lang: Lang) -> Vec<Block> {
    let say = &lang.catalogue().programme;
    let start = pick.draw.start;
    let mut b = vec![
        Block::Heading(1, (say.brief_title)(&scenario.title)),
        Block::Note(say.sealed.to_owned()),
        Block::Heading(2, say.the_draw.to_owned()),
    ];
    let kind = pick.request.kind.map_or(say.any_kind, |k| kind_name(k, say));
    b.push(Block::Table(
        vec![say.item.to_owned(), say.value.to_owned()],
        vec![
            vec![say.organisation.to_owned(), pick.organisation.clone()],
            vec![say.scenario.to_owned(), format!("{} ({})", scenario.title, scenario.id.value)],
            vec![say.exercise_kind.to_owned(), kind.to_owned()],
            vec![say.starts.to_owned(), wall_clock(start, 0, lang)],
            vec![say.ends.to_owned(), wall_clock(start, scenario.duration.value.0, lang)],
            vec![say.course_seed.to_owned(), pick.draw.course_seed.to_string()],
            vec![say.pick_seed.to_owned(), pick.request.seed.to_string()],
            vec![say.date_range.to_owned(), format!("{} – {}", pick.request.from, pick.request.to)],
        ],
    ));
    b.push(Block::Para(say.commands.to_owned()));
    b.push(Block::List(commands.to_vec()));
    overview(&mut b, scenario, say, lang);
    msel(&mut b, pick, scenario, course, say, lang);
    decisions(&mut b, start, scenario, say, lang);
    observe(&mut b, start, scenario, course, say, lang);
    why(&mut b, pick, say);
    b
}

fn overview(b: &mut Vec<Block>, s: &Scenario, say: &ProgrammePhrases, lang: Lang) {
    b.push(Block::Heading(2, say.overview.to_owned()));
    let mut rows = vec![vec![say.duration.to_owned(), lang.duration(s.duration.value.0)]];
    if let Some(scope) = &s.scope {
        rows.push(vec![say.scope.to_owned(), scope.clone()]);
    }
    b.push(Block::Table(vec![say.item.to_owned(), say.value.to_owned()], rows));
    b.push(Block::Heading(2, say.objectives.to_owned()));
    b.push(Block::List(
        s.objectives
            .iter()
            .map(|o| match &o.capability {
                Some(c) => format!("{}: {} ({c})", o.id.value, o.text),
                None => format!("{}: {}", o.id.value, o.text),
            })
            .collect(),
    ));
    if let Some(p) = s.programme.as_ref().filter(|p| !p.variants.is_empty()) {
        b.push(Block::Heading(2, say.variants.to_owned()));
        b.push(Block::Para(say.variants_intro.to_owned()));
        b.push(Block::List(p.variants.iter().map(|v| format!("{}: {}", v.id.value, v.text)).collect()));
    }
}

fn msel(b: &mut Vec<Block>, pick: &Pick, s: &Scenario, course: &Course, say: &ProgrammePhrases, lang: Lang) {
    b.push(Block::Heading(2, say.msel.to_owned()));
    let mut rows: Vec<(i64, usize, Vec<String>)> = Vec::new();
    for (i, inj) in s.injects.iter().enumerate() {
        let at = inj.at.value.0;
        let from_to = match (&inj.from, &inj.to) {
            (Some(f), Some(t)) => format!("{f} → {t}"),
            (Some(f), None) => f.clone(),
            (None, Some(t)) => format!("→ {t}"),
            (None, None) => String::new(),
        };
        let text = match &inj.description {
            Some(d) => format!("{}\n{d}", inj.title),
            None => inj.title.clone(),
        };
        rows.push((
            at,
            i,
            vec![
                inj.event.value.0.clone(),
                wall_clock(pick.draw.start, at, lang),
                format_time(at),
                text,
                from_to,
                inj.method.clone().unwrap_or_default(),
                inj.expected_action.clone().unwrap_or_default(),
            ],
        ));
    }
    for (i, (event, at, title, description)) in course.scripted.iter().enumerate() {
        rows.push((
            *at,
            s.injects.len() + i,
            vec![
                event.clone(),
                wall_clock(pick.draw.start, *at, lang),
                format_time(*at),
                format!("{title}\n{description}"),
                String::new(),
                say.scripted.to_owned(),
                String::new(),
            ],
        ));
    }
    rows.sort_by_key(|(at, i, _)| (*at, *i));
    let head = [say.event, say.wall_clock, say.scenario_time, say.inject, say.from_to, say.method, say.expected_action];
    b.push(Block::Table(head.map(str::to_owned).to_vec(), rows.into_iter().map(|(_, _, r)| r).collect()));
}

fn decisions(b: &mut Vec<Block>, start: DateTime, s: &Scenario, say: &ProgrammePhrases, lang: Lang) {
    b.push(Block::Heading(2, say.decisions.to_owned()));
    if s.decisions.is_empty() {
        b.push(Block::Para(say.no_decisions.to_owned()));
        return;
    }
    let rows = s
        .decisions
        .iter()
        .map(|d| {
            let when = match (&d.at, &d.after_inject) {
                (Some(at), _) => wall_clock(start, at.value.0, lang),
                (None, Some(ev)) => {
                    let at = s.injects.iter().find(|i| i.event.value == ev.value).map_or(0, |i| i.at.value.0);
                    (say.after_inject)(&ev.value.0, &wall_clock(start, at, lang))
                }
                (None, None) => say.posed_by_script.to_owned(),
            };
            let options: Vec<String> = d.options.iter().map(|o| format!("{}: {}", o.id.value, o.label)).collect();
            vec![
                d.id.value.clone(),
                when,
                d.role.value.clone(),
                d.prompt.clone(),
                options.join("\n"),
                lang.duration(d.deadline.value.0),
                d.default.value.clone(),
            ]
        })
        .collect();
    let head = [say.decision, say.when, say.role, say.prompt, say.options, say.deadline, say.default];
    b.push(Block::Table(head.map(str::to_owned).to_vec(), rows));
}

fn observe(b: &mut Vec<Block>, start: DateTime, s: &Scenario, course: &Course, say: &ProgrammePhrases, lang: Lang) {
    b.push(Block::Heading(2, say.observe.to_owned()));
    let mut items: Vec<String> = course
        .outages
        .iter()
        .map(|(name, down, rto)| {
            (say.observe_function)(
                name,
                &wall_clock(start, *down, lang),
                &lang.duration(*rto),
                &wall_clock(start, down + rto, lang),
            )
        })
        .collect();
    items.extend(
        s.injects.iter().filter_map(|i| i.expected_action.as_ref().map(|a| (say.observe_action)(&i.event.value.0, a))),
    );
    items.extend(s.objectives.iter().map(|o| (say.observe_objective)(&o.text)));
    b.push(Block::List(items));
}

fn why(b: &mut Vec<Block>, pick: &Pick, say: &ProgrammePhrases) {
    b.push(Block::Heading(2, say.why.to_owned()));
    b.push(Block::Para(say.weights_rule.to_owned()));
    b.push(weights_table(pick, say));
}

/// The candidates and their weights, as `pick` prints them and the brief shows them.
pub fn weights_table(pick: &Pick, say: &ProgrammePhrases) -> Block {
    let rows = pick
        .candidates
        .iter()
        .map(|c| {
            let share = if pick.total_weight > 0.0 { 100.0 * c.weight / pick.total_weight } else { 0.0 };
            let chosen = if c.scenario == pick.draw.scenario { say.chosen } else { "" };
            vec![
                c.scenario.clone(),
                c.register.to_string(),
                c.played_ago.map_or_else(|| say.never.to_owned(), |k| (k + 1).to_string()),
                format!("{:.3}", c.recency),
                match &c.stalest {
                    Some(s) => format!("{:.3} ({s})", c.boost),
                    None => format!("{:.3}", c.boost),
                },
                format!("{:.3}", c.weight),
                format!("{share:.1} %"),
                c.excluded.as_ref().map_or_else(|| chosen.to_owned(), |e| exclusion(e, say)),
            ]
        })
        .collect();
    let head = [say.scenario, say.register, say.played_ago, say.recency, say.boost, say.weight, say.share, say.note];
    Block::Table(head.map(str::to_owned).to_vec(), rows)
}

/// The participant notice: the organisation and the date range, nothing else.
pub fn notice(pick: &Pick, lang: Lang) -> Vec<Block> {
    let say = &lang.catalogue().programme;
    vec![
        Block::Heading(1, say.notice_title.to_owned()),
        Block::Para((say.notice_body)(
            &pick.organisation,
            &pick.request.from.to_string(),
            &pick.request.to.to_string(),
        )),
        Block::Para(say.notice_respond.to_owned()),
    ]
}
