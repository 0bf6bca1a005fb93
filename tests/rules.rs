//! Rules of the engine and of scoring, each pinned by an annotated fixture in
//! `tests/fixtures/rules/`: a scenario (its plan under `tests/fixtures/rules/plans/`)
//! whose expected figures are written inside it, derived by hand from fixed durations.
//!
//! Each fixture is played through the binary, `sandtable run FIXTURE --out DIR
//! --format json`, and checked against the `results.json` and `report.json` it writes,
//! so these tests do not depend on the library's internals.
//!
//! # Annotations
//!
//! Comment lines of a fixture say what it pins:
//!
//! ```text
//! # rule: priority tiers — a role needed by an unfinished priority-1 procedure does not start priority-2 work
//! # expect: functions[id=orders].outages[0].back_after = 3900
//! # expect: report: findings[id=single-source:boxco] present
//! ```
//!
//! - `# rule: TEXT`: the rule in words (at least one per fixture). A failure quotes it.
//! - `# expect: [DOC:] PATH OP [VALUE]`: a figure the run must produce (at least one).
//!   - `DOC` is `results` (`results.json`, the default), `report` (`report.json`) or
//!     `montecarlo` (`montecarlo.json` of `sandtable montecarlo FIXTURE --format json`
//!     with the arguments of the fixture's `# montecarlo: ARGS` line, `--runs 20` if none).
//!   - `PATH` walks the JSON; its steps are joined by `.`: `name` is an object's field,
//!     `[N]` the N-th item of an array (from 0), `[field=text]` the first item whose
//!     `field` reads `text` (a string as written, a number or boolean as JSON writes it).
//!     For example `functions[id=orders].outages[0].steps[id=a2].started_at`,
//!     `notifications[to_role=ops].attempts[1].channel`, `findings[id=rpo-missed:archive]`.
//!   - `OP VALUE` is one of:
//!     - `= VALUE`: equal; `VALUE` is JSON (`3900`, `true`, `null`, `"S"`), and a bare
//!       word that is not JSON is a string (`= S` means `= "S"`);
//!     - `< N`, `<= N`, `> N`, `>= N`: a number compared with `N`;
//!     - `present`: the path leads to a value that is not null;
//!     - `absent`: the path leads nowhere, or to null.
//! - Every other comment is the derivation, for people.
//!
//! Every fixture is its own test, named after the file (`priority-tiers.yaml` is
//! `priority_tiers`), so a broken rule names itself; `every_fixture_is_listed` makes
//! sure no fixture in the directory is left out.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const DIR: &str = "tests/fixtures/rules";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Which output an expectation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doc {
    Results,
    Report,
    MonteCarlo,
}

#[derive(Debug, Clone, PartialEq)]
enum Op {
    Eq(Value),
    Cmp(&'static str, f64),
    Present,
    Absent,
}

/// One `# expect:` line.
#[derive(Debug, Clone)]
struct Expect {
    line: usize,
    text: String,
    doc: Doc,
    path: String,
    op: Op,
}

/// A fixture's annotations.
#[derive(Debug, Default)]
struct Annotations {
    rules: Vec<String>,
    expects: Vec<Expect>,
    /// Arguments of `sandtable montecarlo` after the fixture and before `--out`.
    montecarlo: Vec<String>,
}

fn parse_expect(line: usize, text: &str) -> Result<Expect, String> {
    let mut rest = text.trim();
    let mut doc = Doc::Results;
    for (prefix, d) in [("results:", Doc::Results), ("report:", Doc::Report), ("montecarlo:", Doc::MonteCarlo)] {
        if let Some(r) = rest.strip_prefix(prefix).filter(|r| r.starts_with(char::is_whitespace)) {
            doc = d;
            rest = r.trim_start();
        }
    }
    let (path, rest) = rest.split_once(char::is_whitespace).ok_or("expected `PATH OP [VALUE]`")?;
    let rest = rest.trim();
    let (op, value) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(o, v)| (o, v.trim()));
    let number = || value.parse::<f64>().map_err(|_| format!("`{op}` needs a number, not `{value}`"));
    let op = match op {
        "=" if !value.is_empty() => Op::Eq(serde_json::from_str(value).unwrap_or_else(|_| Value::from(value))),
        "<" => Op::Cmp("<", number()?),
        "<=" => Op::Cmp("<=", number()?),
        ">" => Op::Cmp(">", number()?),
        ">=" => Op::Cmp(">=", number()?),
        "present" if value.is_empty() => Op::Present,
        "absent" if value.is_empty() => Op::Absent,
        _ => return Err(format!("unknown operator `{rest}`; use `= VALUE`, `<`, `<=`, `>`, `>=`, present or absent")),
    };
    Ok(Expect { line, text: text.trim().to_owned(), doc, path: path.to_owned(), op })
}

fn annotations(name: &str, text: &str) -> Annotations {
    let mut a = Annotations::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if let Some(rule) = line.strip_prefix("# rule:") {
            a.rules.push(rule.trim().to_owned());
        } else if let Some(args) = line.strip_prefix("# montecarlo:") {
            a.montecarlo = args.split_whitespace().map(str::to_owned).collect();
        } else if let Some(expect) = line.strip_prefix("# expect:") {
            a.expects.push(parse_expect(n + 1, expect).unwrap_or_else(|e| panic!("{name}:{}: {e}", n + 1)));
        }
    }
    assert!(!a.rules.is_empty(), "{name}: no `# rule:` line");
    assert!(!a.expects.is_empty(), "{name}: no `# expect:` line");
    a
}

/// Splits a path at the dots that are not inside brackets.
fn steps(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in path.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '.' if depth == 0 => {
                out.push(&path[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&path[start..]);
    out
}

/// How a value reads in a `[field=text]` selector.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Follows `path` from `root`; the error says where it stopped and what was there.
fn walk<'a>(root: &'a Value, path: &str) -> Result<&'a Value, String> {
    let mut at = root;
    let mut done = String::new();
    for step in steps(path) {
        let (name, mut selectors) = step.split_at(step.find('[').unwrap_or(step.len()));
        if !name.is_empty() {
            at = match at.get(name) {
                Some(v) => v,
                None => {
                    let keys: Vec<&str> = at.as_object().map_or(Vec::new(), |o| o.keys().map(String::as_str).collect());
                    return Err(format!("no field `{name}` after `{done}` (fields: {})", keys.join(", ")));
                }
            };
            done.push_str(if done.is_empty() { "" } else { "." });
            done.push_str(name);
        }
        while let Some(inner) = selectors.strip_prefix('[') {
            let Some(end) = inner.find(']') else { return Err(format!("unclosed `[` in `{step}`")) };
            let (sel, rest) = (&inner[..end], &inner[end + 1..]);
            selectors = rest;
            let items = at.as_array().ok_or_else(|| format!("`{done}` is not an array"))?;
            at = match sel.split_once('=') {
                None => {
                    let i: usize = sel.parse().map_err(|_| format!("`[{sel}]` is neither an index nor field=text"))?;
                    items.get(i).ok_or_else(|| format!("`{done}` has {} item(s), no [{i}]", items.len()))?
                }
                Some((field, want)) => {
                    items.iter().find(|x| x.get(field).is_some_and(|v| as_text(v) == want)).ok_or_else(|| {
                        let seen: Vec<String> = items.iter().filter_map(|x| x.get(field)).map(as_text).collect();
                        format!("no item of `{done}` with {field}={want} ({field}s: {})", seen.join(", "))
                    })?
                }
            };
            done.push_str(&format!("[{sel}]"));
        }
    }
    Ok(at)
}

/// Checks one expectation; `Err` holds what was found instead.
fn check_one(e: &Expect, results: &Value, report: &Value, montecarlo: &Value) -> Result<(), String> {
    let doc = match e.doc {
        Doc::Results => results,
        Doc::Report => report,
        Doc::MonteCarlo => montecarlo,
    };
    let found = walk(doc, &e.path);
    match (&e.op, found) {
        (Op::Absent, Err(_)) | (Op::Absent, Ok(Value::Null)) => Ok(()),
        (Op::Absent, Ok(v)) => Err(format!("present: {v}")),
        (_, Err(why)) => Err(why),
        (Op::Present, Ok(Value::Null)) => Err("null".to_owned()),
        (Op::Present, Ok(_)) => Ok(()),
        (Op::Eq(want), Ok(v)) => {
            let same = match (want.as_f64(), v.as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => want == v,
            };
            if same { Ok(()) } else { Err(v.to_string()) }
        }
        (Op::Cmp(op, n), Ok(v)) => {
            let x = v.as_f64().ok_or_else(|| format!("not a number: {v}"))?;
            let ok = match *op {
                "<" => x < *n,
                "<=" => x <= *n,
                ">" => x > *n,
                _ => x >= *n,
            };
            if ok { Ok(()) } else { Err(v.to_string()) }
        }
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Plays the fixture through the binary and checks every expectation, reporting all
/// that fail at once with the fixture, its rule, and expected against actual.
fn check(name: &str) {
    let rel = format!("{DIR}/{name}.yaml");
    let text = std::fs::read_to_string(root().join(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let a = annotations(&rel, &text);
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = Command::cargo_bin("sandtable")
        .expect("binary builds")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(["run", &rel, "--format", "json", "--out"])
        .arg(tmp.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{rel}: `sandtable run` failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let results = read_json(&tmp.path().join("results.json"));
    let report = read_json(&tmp.path().join("report.json"));
    let montecarlo = if a.expects.iter().any(|e| e.doc == Doc::MonteCarlo) {
        study(&rel, &a.montecarlo, &tmp.path().join("montecarlo"))
    } else {
        Value::Null
    };
    let failures: Vec<String> = a
        .expects
        .iter()
        .filter_map(|e| {
            check_one(e, &results, &report, &montecarlo)
                .err()
                .map(|actual| format!("  {rel}:{}: expect: {}\n      actual: {actual}", e.line, e.text))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{rel}: {} of {} expectations failed\n  rule: {}\n{}",
        failures.len(),
        a.expects.len(),
        a.rules.join("\n  rule: "),
        failures.join("\n")
    );
}

/// `montecarlo.json` of the fixture played as a study.
fn study(rel: &str, args: &[String], out: &Path) -> Value {
    let default = ["--runs".to_owned(), "20".to_owned()];
    let args = if args.is_empty() { &default[..] } else { args };
    let out_cmd = Command::cargo_bin("sandtable")
        .expect("binary builds")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(["montecarlo", rel, "-q", "--format", "json"])
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("runs");
    assert!(
        out_cmd.status.success(),
        "{rel}: `sandtable montecarlo` failed ({}):\n{}",
        out_cmd.status,
        String::from_utf8_lossy(&out_cmd.stderr)
    );
    read_json(&out.join("montecarlo.json"))
}

macro_rules! rules {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(&stringify!($name).replace('_', "-"));
            }
        )*
        /// The fixtures with a test, as file stems.
        const LISTED: &[&str] = &[$(stringify!($name)),*];
    };
}

rules! {
    priority_tiers,
    priority_order_across_starts,
    late_call_with_a_group_chat,
    backup_first_while_the_primary_is_away,
    unreachable_role_needs_a_backup_from_the_plan_owner,
    retried_call_tries_every_channel,
    handover_and_backup_slowdown,
    runbook_at_a_site_that_is_down,
    recovery_waits_for_declaration,
    decision_default_at_deadline,
    data_loss_backup_and_replication,
    data_loss_without_a_reachable_copy,
    stakeholder_retry,
    channel_on_a_failed_system,
    gave_up_notification_retried,
    supplier_skips_a_cut_off_alternate,
    single_source_supplier,
    rating_s_threshold,
    ended_early_not_assessable,
    objective_not_rated,
    decision_open_at_end,
    unanswered_decision_is_missed,
    never_declared_finding,
    decision_waits_until_its_role_knows,
    decision_never_asked,
    declaration_only_after_knowing,
    function_waits_for_its_supplier,
    procedure_works_around_a_supplier,
    runbooks_at_one_site_are_one_finding,
    late_call_names_its_channels,
    just_late_reads_late,
    improvement_owner_can_fix_it,
    actions_follow_the_facts,
    runbook_finished_before_its_site_fell,
    late_declaration_is_one_finding,
    step_wait_names_what_it_waited_for,
    supplier_wait_says_who_took_over,
    notice_root_cause_is_the_unreached_caller,
    declared_by_a_default_is_one_item,
    late_declaration_not_the_cause_when_steps_overran,
    mc_notices_within_and_never,
    mc_critical_path_names_the_hold,
    mc_tornado_ranks_the_drawn_step,
    mc_p_within_rto_by_hand,
    mc_critical_path_is_the_declaration,
    mc_what_if_pairs_the_same_replicas,
    mc_critical_path_is_an_unreachable_runbook,
    mc_link_delay_runs_to_the_retry,
}

#[test]
fn every_fixture_is_listed() {
    let mut found: Vec<String> = std::fs::read_dir(root().join(DIR))
        .expect("rules directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().replace('-', "_")))
        .collect();
    found.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    let unlisted: Vec<&String> = found.iter().filter(|f| !listed.contains(f)).collect();
    let missing: Vec<&String> = listed.iter().filter(|l| !found.contains(l)).collect();
    assert!(unlisted.is_empty(), "fixtures in {DIR} without a test (add them to `rules!`): {unlisted:?}");
    assert!(missing.is_empty(), "tests in `rules!` without a fixture in {DIR}: {missing:?}");
}

#[test]
fn the_annotation_language_reads_as_documented() {
    let e = parse_expect(1, " report: findings[id=single-source:boxco] present").expect("parses");
    assert_eq!((e.doc, e.path.as_str(), &e.op), (Doc::Report, "findings[id=single-source:boxco]", &Op::Present));
    let e = parse_expect(1, "objectives[id=a].rating = S").expect("parses");
    assert_eq!((e.doc, e.op), (Doc::Results, Op::Eq(Value::from("S"))));
    assert_eq!(parse_expect(1, "a.b <= 600").expect("parses").op, Op::Cmp("<=", 600.0));
    assert!(parse_expect(1, "a.b ~ 3").is_err());
    let doc: Value = serde_json::json!({
        "functions": [{ "id": "x", "outages": [{ "back_after": 3900, "lost": null }] }],
        "findings": [{ "id": "runbook-unreachable:crm/e1" }],
    });
    assert_eq!(walk(&doc, "functions[id=x].outages[0].back_after"), Ok(&Value::from(3900)));
    assert_eq!(
        walk(&doc, "findings[id=runbook-unreachable:crm/e1].id"),
        Ok(&Value::from("runbook-unreachable:crm/e1"))
    );
    assert!(walk(&doc, "functions[id=y]").is_err());
    assert!(walk(&doc, "functions[1]").is_err());
    let absent = parse_expect(1, "functions[id=x].outages[0].lost absent").expect("parses");
    assert_eq!(check_one(&absent, &doc, &doc, &doc), Ok(()));
    let wrong = parse_expect(1, "functions[id=x].outages[0].back_after = 4500").expect("parses");
    assert_eq!(check_one(&wrong, &doc, &doc, &doc), Err("3900".to_owned()));
    let e = parse_expect(1, "montecarlo: links[to=ops].within_deadline.p = 1").expect("parses");
    assert_eq!(e.doc, Doc::MonteCarlo);
}
