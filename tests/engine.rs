//! The engine's worked cases, with expected figures derived by hand from the fixtures.

mod common;

use std::collections::BTreeMap;

use common::{model, play};
use sandtable::engine::{Engine, Prepared};
use sandtable::results::Results;
use sandtable::time::MINUTE;

const M: i64 = MINUTE;

/// tests/fixtures/engine/worked.yaml, every duration fixed:
/// T+0:15 dc-main dark, core-db down, outage starts (900 s).
/// detection 5m → duty reached T+0:20; duty → lead, phone 2m → T+0:22;
/// lead → dba1, phone 3m → T+0:25; lead → boss, phone 4m → T+0:26;
/// boss decides 10m → declared T+0:36 (21m after the outage);
/// assess 15m → T+0:51, failover 45m → T+1:36, verify 15m → T+1:51.
/// Back after 1h 36m: within the 2h RTO. Backups every 15m: data lost under 15m.
#[test]
fn seed_000_worked_case() {
    let m = model("tests/fixtures/engine/worked.yaml");
    for seed in 0..200 {
        let r = play(&m, seed);
        let core = &r.functions[0].outages[0];
        assert_eq!(core.start, 15 * M);
        assert_eq!(core.back_after, Some(96 * M), "seed {seed}");
        assert_eq!(core.within_rto, Some(true));
        assert_eq!(core.within_mtd, Some(true));
        let lost = core.data_lost.expect("backups at the DR site are reachable");
        assert!((0..15 * M).contains(&lost), "seed {seed}: lost {lost}");
        assert!(core.within_rpo);
        let decl = r.declaration.as_ref().expect("declared");
        assert_eq!((decl.at, decl.after_disruption, decl.person.as_str()), (36 * M, Some(21 * M), "boss"));
        let steps: Vec<_> = core.steps.iter().map(|s| (s.id.as_str(), s.started_at, s.finished_at)).collect();
        assert_eq!(
            steps,
            vec![
                ("assess", Some(36 * M), Some(51 * M)),
                ("failover", Some(51 * M), Some(96 * M)),
                ("verify", Some(96 * M), Some(111 * M)),
            ]
        );
        // Customers: cmt reached T+0:26, 10m to write → sent by e-mail at T+0:36.
        let customers = &r.stakeholders[0];
        assert_eq!((customers.notified_at, customers.channel.as_deref()), (Some(36 * M), Some("email")));
        assert_eq!(customers.within_deadline, Some(true));
    }
}

/// The data lost takes different values under different seeds (the backup schedule's
/// phase is drawn), but never reaches the interval.
#[test]
fn data_loss_varies_with_the_seed_within_the_backup_interval() {
    let m = model("tests/fixtures/engine/worked.yaml");
    let losses: std::collections::BTreeSet<i64> =
        (0..50).filter_map(|s| play(&m, s).functions[0].outages[0].data_lost).collect();
    assert!(losses.len() > 10, "{losses:?}");
    assert!(losses.iter().all(|&l| l < 15 * M));
}

/// A decision carries the declaration. Posed at T+0:15 when the data centre goes dark,
/// it waits: nobody acts for the crisis lead yet. Detected at T+0:20 (duty), the IT lead
/// answers at T+0:22 and calls the DBA (reached T+0:25) and the crisis lead (phone 4m,
/// reached T+0:26): the question is asked then, answered 5m later, declared at T+0:31.
/// Recovery runs 0:31 → 0:46 → 1:31 → 1:46: back after 1h 31m.
#[test]
fn declaration_through_a_decision_point() {
    let m = model("tests/fixtures/engine/worked-decision.yaml");
    let answers = BTreeMap::from([("declare-now".to_owned(), ("declare".to_owned(), 5 * M))]);
    let out = Engine::new(&m).play(1, &mut Prepared::new(answers)).expect("plays");
    let r = Results::new(&m, &out);
    assert_eq!(r.declaration.as_ref().map(|d| (d.at, d.person.as_str())), Some((31 * M, "boss")));
    let d = &r.decisions[0];
    assert_eq!(
        (d.option.as_deref(), d.latency, d.by_default, d.answered_by.as_deref()),
        (Some("declare"), Some(5 * M), false, Some("boss"))
    );
    assert_eq!((d.posed_at, d.asked_at), (15 * M, Some(26 * M)));
    assert_eq!(r.functions[0].outages[0].back_after, Some(91 * M));

    // Without an answer the default ("wait") applies at the deadline: no declaration, no recovery.
    let r = play(&m, 1);
    assert!(r.declaration.is_none());
    assert_eq!((r.decisions[0].option.as_deref(), r.decisions[0].by_default), (Some("wait"), true));
    assert_eq!(r.functions[0].outages[0].recovered_at, None);
    assert_eq!(r.functions[0].outages[0].within_rto, Some(false));
}

/// Everyone is reached by e-mail only and the mail server is down with the data centre:
/// each attempt finds the channel down, escalation falls through to the backup after the
/// hand-over delay, finds it down too, and the notification is never made.
#[test]
fn email_only_call_tree_falls_through_while_mail_is_down() {
    let m = model("tests/fixtures/engine/email-only.yaml");
    let r = play(&m, 3);
    let call = r.notifications.iter().find(|n| n.to_role == "it-lead").expect("it-lead is called");
    let tried: Vec<_> =
        call.attempts.iter().map(|a| (a.person.as_str(), a.channel.as_str(), a.outcome, a.sent_at)).collect();
    // Detected at T+0:05; the lead at once, the deputy after the 15m hand-over.
    assert_eq!(tried, vec![("lead", "email", "channel_down", 5 * M), ("deputy", "email", "channel_down", 20 * M)]);
    assert_eq!(call.reached_at, None);
    assert_eq!(call.within_deadline, Some(false));
    assert!(r.declaration.is_none(), "nobody who may declare was reached");
    let staff = &r.stakeholders[0];
    assert_eq!((staff.notified_at, staff.within_deadline), (None, Some(false)));
    assert_eq!(staff.attempts[0].outcome, "channel_down");
}

/// Both the primary and the backup DBA are away: every attempt goes unanswered, the
/// recovery steps never start, and the function is explicitly not recovered.
#[test]
fn role_with_primary_and_backup_unavailable() {
    let m = model("tests/fixtures/engine/both-unavailable.yaml");
    let r = play(&m, 5);
    let call = r.notifications.iter().find(|n| n.to_role == "dba").expect("dba is called");
    assert_eq!(call.reached_at, None);
    assert!(call.attempts.iter().all(|a| a.outcome == "no_answer"), "{:?}", call.attempts);
    let people: std::collections::BTreeSet<&str> = call.attempts.iter().map(|a| a.person.as_str()).collect();
    assert_eq!(people, ["dba1", "dba2"].into());
    let core = &r.functions[0].outages[0];
    assert!(r.declaration.is_some());
    assert!(core.steps.iter().all(|s| s.started_at.is_none()));
    assert_eq!((core.recovered_at, core.within_rto, core.within_mtd), (None, Some(false), Some(false)));
}

/// Runbooks kept at the data centre that went down cost each step the default hour:
/// assess and failover both, so back after 1h 36m + 2h = 3h 36m: RTO missed, MTD met.
#[test]
fn runbook_kept_at_the_failed_site_costs_time() {
    let m = model("tests/fixtures/engine/runbook-at-dc.yaml");
    let out = Engine::new(&m).play(9, &mut sandtable::engine::Defaults).expect("plays");
    let r = Results::new(&m, &out);
    let core = &r.functions[0].outages[0];
    assert_eq!(core.steps.iter().map(|s| s.runbook_delay).collect::<Vec<_>>(), vec![60 * M, 60 * M, 0]);
    assert_eq!(core.back_after, Some(216 * M));
    assert_eq!((core.within_rto, core.within_mtd), (Some(false), Some(true)));
    let events = sandtable::results::events_jsonl(&m, &out);
    assert_eq!(events.matches("\"event\":\"runbook_unreachable\"").count(), 2);
}

#[test]
fn same_seed_same_outcome_and_different_seeds_differ() {
    let m = model("scenarios/warehouse-fire.yaml");
    let a = Engine::new(&m).play(42, &mut sandtable::engine::Defaults).expect("plays");
    let mut engine = Engine::new(&m);
    let _ = engine.play(7, &mut sandtable::engine::Defaults).expect("plays");
    // The same engine, its buffers reused, gives the same result as a fresh one.
    let b = engine.play(42, &mut sandtable::engine::Defaults).expect("plays");
    assert_eq!(a, b);
    let c = engine.play(43, &mut sandtable::engine::Defaults).expect("plays");
    assert_ne!(a.log, c.log);
}
