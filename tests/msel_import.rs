//! MSEL import on what people have (Chinese headers, headers as people write them,
//! a time column without a heading, title rows, an outlier date, long descriptions,
//! spreadsheet row numbers) and export that loses nothing (headers in `--lang`, the
//! injects scripts add with `--seed`, the metadata sheet's round trip). One test per rule.

mod common;

use std::sync::Arc;

use common::{root, sandtable};
use sandtable::Lang;
use sandtable::msel::{self, Field, Import, ImportOptions};

fn options() -> ImportOptions {
    ImportOptions {
        plan: "plans/it-operations.yaml".into(),
        id: "imported".into(),
        title: "From the file name".into(),
        ..ImportOptions::default()
    }
}

fn import_fixture(name: &str) -> Import {
    let bytes = std::fs::read(root().join(format!("tests/fixtures/msel/{name}"))).expect("fixture");
    msel::import(&msel::read_csv(&bytes).expect("csv"), &options()).expect("imports")
}

fn fields(imported: &Import) -> Vec<Field> {
    imported.columns.iter().map(|(_, f)| *f).collect()
}

fn times(imported: &Import) -> Vec<String> {
    imported.scenario.injects.iter().map(|i| i.at.value.to_string()).collect()
}

#[test]
fn chinese_headers_are_recognised() {
    let imported = import_fixture("chinese.csv");
    use Field::*;
    assert_eq!(
        fields(&imported),
        [Event, Time, Title, Description, From, To, Method, ExpectedAction, Notes],
        "{:?}",
        imported.columns
    );
    let first = &imported.scenario.injects[0];
    assert_eq!((first.title.as_str(), first.to.as_deref()), ("机房停电", Some("运维值班")));
}

/// Case, punctuation, a trailing colon, text in brackets and extra words do not hide
/// the field; bracketed words do not name another one (`Notes (expected action …)`).
#[test]
fn headers_are_matched_as_people_write_them() {
    let imported = import_fixture("messy-headers.csv");
    use Field::*;
    assert_eq!(
        fields(&imported),
        [Event, Time, Title, Description, To, Method, ExpectedAction, Notes],
        "{:?}",
        imported.columns
    );
    assert_eq!(times(&imported), ["T+0:00", "T+0:40"]);
}

/// A column with no heading whose cells are times is the time; the import says so.
#[test]
fn a_column_of_times_is_the_time() {
    let imported = import_fixture("time-by-content.csv");
    assert_eq!(times(&imported), ["T+0:00", "T+0:25", "T+1:10"]);
    assert!(
        imported.issues.iter().any(|i| i.row == 3 && i.message.contains("column 2 (no heading) holds times")),
        "{:?}",
        imported.issues
    );
}

#[test]
fn the_title_row_names_the_scenario() {
    assert_eq!(import_fixture("time-by-content.csv").scenario.title, "Tabletop: ransomware morning");
    // Without a title row the file name stands.
    assert_eq!(import_fixture("chinese.csv").scenario.title, "From the file name");
}

/// One row dated a year early does not move the exercise: it is set aside, flagged at
/// its row, and delivered with the row before.
#[test]
fn one_outlier_date_is_flagged_not_followed() {
    let imported = import_fixture("outlier-date.csv");
    assert_eq!(imported.scenario.date.as_ref().map(|d| d.value.as_str()), Some("2026-03-02"));
    // 09:00 is T+0; 10:30 T+1:30; the outlier goes with the row before; the next day 08:15 is T+23:15.
    assert_eq!(times(&imported), ["T+0:00", "T+1:30", "T+1:30", "T+23:15"]);
    assert!(
        imported.issues.iter().any(|i| i.row == 4 && i.message.contains("365 days from the other rows")),
        "{:?}",
        imported.issues
    );
}

/// A title made from a long description ends at a word, with `…`.
#[test]
fn titles_are_cut_at_a_word_boundary() {
    let imported = import_fixture("long-description.csv");
    let inject = &imported.scenario.injects[0];
    let description = inject.description.as_deref().unwrap_or_default();
    let kept = inject.title.strip_suffix('…').expect("marked as cut");
    assert!(kept.chars().count() <= 80, "{kept}");
    assert!(description.starts_with(kept), "{kept}");
    assert_eq!(description[kept.len()..].chars().next(), Some(' '), "cut between words: {kept}");
}

/// Row numbers are the rows a spreadsheet shows: a cell's line break does not add one.
#[test]
fn row_numbers_are_the_spreadsheets() {
    let imported = import_fixture("long-description.csv");
    assert!(
        imported.issues.iter().any(|i| i.row == 5 && i.message.contains("`later` is not a time")),
        "{:?}",
        imported.issues
    );
}

fn scenario(name: &str) -> sandtable::format::scenario::Scenario {
    let text = std::fs::read_to_string(root().join(format!("scenarios/{name}.yaml"))).expect("shipped");
    sandtable::load::scenario(&Arc::new(sandtable::diag::SourceFile::new(name, text))).expect("loads").doc
}

/// Export → import → export gives the same workbook: the metadata sheet brings back the
/// duration, date, seed, objectives with criteria and decision points.
#[test]
fn xlsx_export_import_export_loses_nothing() {
    for name in common::shipped_scenarios() {
        let name = name.as_str();
        let original = scenario(name);
        let first = msel::export_xlsx(&msel::export_rows(&original), &original, Lang::En).expect("xlsx");
        let opts = ImportOptions { plan: original.plan.value.clone(), ..options() };
        let back = msel::import(&msel::read_xlsx(&first, None).expect("reads"), &opts).expect("imports").scenario;
        assert_eq!(back.decisions.len(), original.decisions.len(), "{name}");
        assert_eq!(back.duration.value, original.duration.value, "{name}");
        let criteria = |s: &sandtable::format::scenario::Scenario| -> usize {
            s.objectives.iter().map(|o| o.criteria.len()).sum()
        };
        assert_eq!(criteria(&back), criteria(&original), "{name}");
        let second = msel::export_xlsx(&msel::export_rows(&back), &back, Lang::En).expect("xlsx");
        assert!(first == second, "{name}: the second export differs from the first");
    }
}

/// `--lang zh` heads the columns in Chinese, and import reads them back.
#[test]
fn export_headers_speak_the_language() {
    let original = scenario("warehouse-fire");
    let csv = msel::export_csv(&msel::export_rows(&original), Lang::Zh);
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap_or_default().to_owned();
    assert_eq!(header, "序号,时间,行类型,事件标题,描述,发送方,接收方,方式,预期行动,目标 / 能力,备注,效果");
    let back = msel::import(&msel::read_csv(csv.as_bytes()).expect("csv"), &options()).expect("imports");
    assert_eq!(back.scenario.injects.len(), original.injects.len());
    assert_eq!(back.columns.len(), 12, "every column recognised: {:?}", back.columns);
}

/// `--seed` adds the injects the scripts add in that run, marked `scripted`; import
/// leaves them out again (the script adds them when played).
#[test]
fn export_with_a_seed_lists_the_scripted_injects() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let csv = tmp.path().join("msel.csv");
    sandtable()
        .args(["msel", "export", "scenarios/dc-power-loss.yaml", "--seed", "7", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).expect("written");
    let scripted: Vec<&str> = text.lines().filter(|l| l.contains(",scripted,")).collect();
    assert!(
        scripted.iter().any(|l| l.starts_with("S1,") && l.contains("UPS exhausted") && l.contains("seed 7")),
        "{text}"
    );
    let imported = msel::import(&msel::read_csv(text.as_bytes()).expect("csv"), &options()).expect("imports");
    assert_eq!(imported.scenario.injects.len(), scenario("dc-power-loss").injects.len());
    assert!(imported.issues.iter().any(|i| i.skipped && i.message.contains("added by a script")));
}
