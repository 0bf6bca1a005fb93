//! The live session as a state machine, driven without a process: what the table sees,
//! what is journalled, and that a resumed session ends where an uninterrupted one does.

mod common;

use sandtable::Lang;
use sandtable::play::{Journal, JournalEntry, Output, Session, Settings};

const SCENARIO: &str = "scenarios/dc-power-loss.yaml";

fn settings(pace: f64) -> Settings {
    Settings { seed: 2026, pace, lang: Lang::En, inputs: Default::default() }
}

fn text(out: &Output) -> String {
    out.lines.iter().map(|l| format!("{}\n", l.text)).collect()
}

/// Feeds lines (each at clock second 0) until the session shows a decision.
fn until_decision(session: &mut Session<'_>, seen: &mut String, journal: &mut Vec<JournalEntry>) {
    for _ in 0..50 {
        if session.prompt() == "decision> " {
            return;
        }
        let out = session.handle("next", 0.0).expect("plays");
        seen.push_str(&text(&out));
        journal.extend(out.journal);
    }
    panic!("no decision was posed:\n{seen}");
}

#[test]
fn an_answer_is_journalled_with_its_latency_and_applied() {
    let project = common::open(SCENARIO);
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(60.0), None).expect("starts");
    assert!(matches!(greeting.journal.first(), Some(JournalEntry::Start { seed: 2026, .. })));
    let (mut seen, mut journal) = (text(&greeting), Vec::new());
    until_decision(&mut session, &mut seen, &mut journal);
    // Posed when the data centre goes dark (T+0:21), the question is put to the crisis
    // lead only once the call tree has reached him (T+0:29:52), not before.
    let reached = seen.find("reached Zhou Ning").expect("the crisis lead is reached");
    let asked = seen.find("T+0:29:52  DECISION for Zhou Ning").expect("asked when reached");
    assert!(reached < asked, "{seen}");
    // Typed latency wins over the clock; the clock (10 s at pace 60 = 10 min) is used otherwise.
    let out = session.handle("declare", 10.0).expect("answers");
    assert_eq!(
        out.journal,
        vec![JournalEntry::Answer {
            t: 29 * 60 + 52,
            decision: "failover".into(),
            option: Some("declare".into()),
            latency: 600
        }]
    );
    session.handle("end", 11.0).expect("ends");
    let end = session.finish().expect("finishes");
    let rec = end.outcome.decisions[0];
    assert_eq!((rec.latency, rec.by_default), (Some(600), false));
    assert!(matches!(end.journal.as_slice(), [JournalEntry::End { .. }]));
}

#[test]
fn a_late_answer_means_the_default_at_the_deadline() {
    let project = common::open(SCENARIO);
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), None).expect("starts");
    let (mut seen, mut journal) = (text(&greeting), Vec::new());
    until_decision(&mut session, &mut seen, &mut journal);
    // Past the deadline: asked to confirm, nothing journaled yet.
    let out = session.handle("wait 45m", 0.0).expect("answers");
    assert!(text(&out).contains("`wait` after 45m is past the 30m deadline"), "{}", text(&out));
    assert!(out.journal.is_empty(), "journaled before it was confirmed: {:?}", out.journal);
    assert_eq!(session.prompt(), "record late answer (y/n)> ");
    let out = session.handle("perhaps", 0.0).expect("asks again");
    assert_eq!(text(&out), "type y to record the late answer, or n to answer again\n");
    let out = session.handle("y", 0.0).expect("confirms");
    assert!(text(&out).contains("after the 30m deadline: the default `declare` applies"), "{}", text(&out));
    assert!(
        matches!(out.journal.first(), Some(JournalEntry::Answer { latency: 2700, option: Some(o), .. }) if o == "wait"),
        "{:?}",
        out.journal
    );
    session.handle("end", 0.0).expect("ends");
    let rec = session.finish().expect("finishes").outcome.decisions[0];
    assert_eq!((rec.latency, rec.by_default), (Some(30 * 60), true));
}

#[test]
fn ending_with_a_question_open_applies_its_default() {
    let project = common::open(SCENARIO);
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), None).expect("starts");
    let (mut seen, mut journal) = (text(&greeting), Vec::new());
    until_decision(&mut session, &mut seen, &mut journal);
    session.handle("end", 0.0).expect("ends");
    assert!(session.is_over());
    let end = session.finish().expect("finishes");
    assert!(end.outcome.decisions[0].by_default);
}

#[test]
fn a_resumed_session_ends_where_the_uninterrupted_one_does() {
    let project = common::open(SCENARIO);
    let script =
        ["next", "next", "note generator failed", "next", "next", "next", "declare 8m", "next", "next", "jump T+3:00"];
    let play = |lines: &[&str], previous: Option<&Journal>| {
        let (mut session, greeting) =
            Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), previous)
                .expect("starts");
        let mut journal = greeting.journal;
        for line in lines {
            journal.extend(session.handle(line, 0.0).expect("plays").journal);
        }
        session.handle("end", 0.0).expect("ends");
        let end = session.finish().expect("finishes");
        journal.extend(end.journal.clone());
        (end, journal)
    };
    let (whole, _) = play(&script, None);
    // Cut after the answer: the journal so far, then the rest on a resumed session.
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), None).expect("starts");
    let mut partial = greeting.journal;
    for line in &script[..7] {
        partial.extend(session.handle(line, 0.0).expect("plays").journal);
    }
    let text: String = partial.iter().map(JournalEntry::line).collect();
    let previous = Journal::parse(&text).expect("reads");
    let (resumed, _) = play(&script[7..], Some(&previous));
    assert_eq!(resumed.outcome, whole.outcome);
    assert_eq!(resumed.observations, whole.observations);
}

/// Plays to the end of the scenario, letting every question's deadline pass; returns
/// everything the table was shown, and the session's end.
fn play_through(project: &sandtable::project::Project, lang: Lang) -> (String, sandtable::play::SessionEnd) {
    let settings = Settings { seed: 2026, pace: 1.0, lang, inputs: Default::default() };
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings, None).expect("starts");
    let mut seen = text(&greeting);
    let idle_prompt = session.prompt();
    for line in ["board", "help", "dance"] {
        seen.push_str(&text(&session.handle(line, 0.0).expect("plays")));
    }
    for _ in 0..100 {
        let at_decision = session.prompt() != idle_prompt && !session.prompt().starts_with("T+");
        let line = if at_decision { "default" } else { "jump T+23:59" };
        let out = session.handle(line, 0.0).expect("plays");
        seen.push_str(&text(&out));
        if !at_decision && session.prompt().starts_with("T+23:59") {
            break;
        }
    }
    seen.push_str(&text(&session.handle("board", 0.0).expect("plays")));
    session.handle("end", 0.0).expect("ends");
    (seen, session.finish().expect("finishes"))
}

#[test]
fn script_notes_are_for_the_facilitator_not_the_table() {
    let project = common::open(SCENARIO);
    let (seen, end) = play_through(&project, Lang::En);
    // The script did note something; the table never hears it.
    assert!(end.outcome.script_lines.iter().any(|l| l.contains("UPS runtime drawn")), "{:?}", end.outcome.script_lines);
    assert!(!seen.contains("UPS runtime"), "{seen}");
    assert!(seen.contains("INJECT #4"), "the session played to the end:\n{seen}");
}

#[test]
fn a_session_in_chinese_speaks_chinese() {
    let project = common::open(SCENARIO);
    let (seen, _) = play_through(&project, Lang::Zh);
    for phrase in [
        "输入“帮助”查看命令",
        "注入 #1",
        "待决策",
        "期限：",
        "状态板",
        "推进到下一个事件",
        "`dance` 不是命令",
        "已联系到",
    ] {
        assert!(seen.contains(phrase), "missing {phrase:?} in:\n{seen}");
    }
    // Words the English read-out uses must not leak into the Chinese one.
    for word in ["INJECT", "DECISION", "deadline", "reached", "board at", "not declared", "default)", "left of RTO"] {
        assert!(!seen.contains(word), "English {word:?} in the Chinese session:\n{seen}");
    }
}

/// A session killed while a question is open resumes at that question: the clock move
/// that stopped there was journalled before the team saw it, and the question is put
/// again after resume.
#[test]
fn a_session_killed_at_a_decision_resumes_at_that_decision() {
    let project = common::open(SCENARIO);
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), None).expect("starts");
    let (mut seen, mut journal) = (text(&greeting), greeting.journal);
    until_decision(&mut session, &mut seen, &mut journal);
    assert!(
        journal.iter().any(|e| matches!(e, JournalEntry::Position { t } if *t == 29 * 60 + 52)),
        "the stop at the question is journalled: {journal:?}"
    );
    drop(session); // killed: nothing more reaches the journal
    let written: String = journal.iter().map(JournalEntry::line).collect();
    let previous = Journal::parse(&written).expect("reads");
    let (mut resumed, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), Some(&previous))
            .expect("resumes");
    assert!(text(&greeting).contains("T+0:29:52  DECISION for Zhou Ning"), "{}", text(&greeting));
    assert_eq!(resumed.prompt(), "decision> ");
    let out = resumed.handle("declare 5m", 0.0).expect("answers");
    assert!(matches!(out.journal.as_slice(), [JournalEntry::Answer { latency: 300, .. }, ..]), "{:?}", out.journal);
}

/// `n` to a late answer journals nothing and leaves the question open for the right one.
#[test]
fn a_late_answer_not_confirmed_is_not_recorded() {
    let project = common::open(SCENARIO);
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), None).expect("starts");
    let (mut seen, mut journal) = (text(&greeting), Vec::new());
    until_decision(&mut session, &mut seen, &mut journal);
    let out = session.handle("declare 45m", 0.0).expect("asks to confirm");
    assert!(out.journal.is_empty());
    let out = session.handle("n", 0.0).expect("declines");
    assert!(out.journal.is_empty(), "{:?}", out.journal);
    assert!(text(&out).contains("Not recorded; the decision is still open"), "{}", text(&out));
    assert_eq!(session.prompt(), "decision> ");
    let out = session.handle("declare 4m", 0.0).expect("answers");
    assert!(matches!(out.journal.first(), Some(JournalEntry::Answer { latency: 240, .. })), "{:?}", out.journal);
    session.handle("end", 0.0).expect("ends");
    let rec = session.finish().expect("finishes").outcome.decisions[0];
    assert_eq!((rec.latency, rec.by_default), (Some(240), false));
}

/// A last number without its unit is explained with what was probably meant, and the
/// question stays open; mistyped commands get the closest command.
#[test]
fn typing_slips_get_a_hint_not_a_bare_error() {
    let project = common::open(SCENARIO);
    let (mut session, greeting) =
        Session::start(&project.model, &project.scenario.doc, &project.scripts, settings(1.0), None).expect("starts");
    let out = session.handle("borad", 0.0).expect("hints");
    assert_eq!(text(&out), "`borad`: did you mean `board`?\n");
    let (mut seen, mut journal) = (text(&greeting), Vec::new());
    until_decision(&mut session, &mut seen, &mut journal);
    let out = session.handle("declare 0h5", 0.0).expect("hints");
    assert_eq!(text(&out), "`0h5` ends without a unit: did you mean `0h5m`?\n");
    let out = session.handle("declre 5m", 0.0).expect("hints");
    assert_eq!(text(&out), "`declre`: did you mean `declare`?\n");
    assert!(out.journal.is_empty());
    assert_eq!(session.prompt(), "decision> ");
}
