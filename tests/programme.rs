//! `sandtable programme` and `validate --library` on the fixture library
//! (`tests/fixtures/programme/library`): the gaps, the last exercise per risk and
//! function from a history, the calendar from the plan's drills.

mod common;

use common::sandtable;

const LIBRARY: &str = "tests/fixtures/programme/library";
const PLAN: &str = "tests/fixtures/programme/library/plan.yaml";

fn programme(out: &std::path::Path, extra: &[&str]) -> String {
    let o = out.to_string_lossy().into_owned();
    sandtable()
        .args(["programme", "--library", LIBRARY, "--plan", PLAN, "--from", "2027-01-01", "--out", &o])
        .args(extra)
        .assert()
        .success();
    std::fs::read_to_string(out.join("programme.md")).unwrap_or_default()
}

#[test]
fn gaps_of_the_fixture_library() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let md = programme(tmp.path(), &[]);
    // ransomware (3 × 5 = 15) has no scenario; billing is disrupted by none.
    assert!(md.contains("- High risk Ransomware (ransomware) is exercised by no scenario."), "{md}");
    assert!(md.contains("- Critical function Billing (billing) is disrupted by no scenario."), "{md}");
    assert!(md.contains("- Risk Core database lost (db-loss) has a scenario but has never been exercised."));
    assert!(!md.contains("Data-centre fire (site-fire) is exercised by no scenario"));
    // The calendar: tabletop twice (April, October), live once (July), unannounced twice
    // as half-year windows without a scenario. October: both scenarios are used once by
    // then, neither played, so the heavier register (db-down, 16 over 10) comes again.
    for line in [
        "| 2027-01-01 – 2027-06-30 | unannounced | chosen by `sandtable pick` (not announced) |",
        "| 2027-04-01 | tabletop | db-down |",
        "| 2027-07-01 | live | site-fire |",
        "| 2027-07-01 – 2027-12-31 | unannounced | chosen by `sandtable pick` (not announced) |",
        "| 2027-10-01 | tabletop | db-down |",
    ] {
        assert!(md.contains(line), "missing {line}\n{md}");
    }
    insta::assert_snapshot!("programme_md", md);
}

#[test]
fn the_history_says_when_each_was_last_exercised() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let record = tmp.path().join("history/one");
    sandtable()
        .args(["run", &format!("{LIBRARY}/db-down.yaml"), "--out", &record.to_string_lossy(), "-q"])
        .assert()
        .success();
    let history = tmp.path().join("history");
    let md = programme(&tmp.path().join("out"), &["--history", &history.to_string_lossy()]);
    // db-down is a tabletop exercise without a date; it disrupted core.
    assert!(md.contains("| Core database lost (db-loss) | 16 | ✓ |  | undated, tabletop (db-down) |"), "{md}");
    assert!(md.contains("| Core service (core) | 1 | ✓ | ✓ | undated, tabletop (db-down) |"), "{md}");
    assert!(!md.contains("Core database lost (db-loss) has a scenario but has never been exercised"));
    // The tabletop in April now goes to the scenario not yet played.
    assert!(md.contains("| 2027-04-01 | tabletop | site-fire |"), "{md}");
}

#[test]
fn validate_library_warns_of_the_gaps_at_the_plan() {
    let out = sandtable().args(["validate", "--library", LIBRARY, "--plan", PLAN]).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("plan.yaml:69:11: warning")
            && stderr.contains("risk `ransomware` (likelihood 3 × impact 5 = 15)"),
        "{stderr}"
    );
    assert!(stderr.contains("plan.yaml:41:9: warning") && stderr.contains("critical function `billing`"), "{stderr}");
    assert!(!stderr.contains("`db-loss`") && !stderr.contains("`site-fire`") && !stderr.contains("`core`"), "{stderr}");
}

/// The calendar covers the year from `--from`; a year past 9999-12-31, the last date it
/// can hold, would fold its exercises back onto the start date, so it is refused.
#[test]
fn a_year_past_the_last_date_is_refused_and_the_last_whole_year_planned() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().to_string_lossy().into_owned();
    let refused = sandtable()
        .args(["programme", "--library", LIBRARY, "--plan", PLAN, "--from", "9999-06-01", "--out", &out])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(stderr.contains("--from must leave a whole year before 9999-12-31"), "{stderr}");
    assert!(!tmp.path().join("programme.md").exists());
    sandtable()
        .args(["programme", "--library", LIBRARY, "--plan", PLAN, "--from", "9998-12-01", "--out", &out])
        .assert()
        .success();
    let md = std::fs::read_to_string(tmp.path().join("programme.md")).expect("written");
    // The fixture plan asks for two unannounced drills: two half-year windows, the last
    // ending on 9999-11-30, with the tabletop and live exercises in order between.
    assert!(md.contains("| 9998-12-01 – 9999-05-31 | unannounced |"), "{md}");
    assert!(md.contains("| 9999-06-01 – 9999-11-30 | unannounced |"), "{md}");
    assert!(md.contains("| 9999-09-01 | tabletop |"), "{md}");
}
