//! MSEL interchange: round trips, the public exercise workbooks, CSV quirks, and the
//! spreadsheets export writes.

mod common;

use std::sync::Arc;

use common::{root, sandtable};
use sandtable::Lang;
use sandtable::diag::SourceFile;
use sandtable::msel::{self, ImportOptions};

fn scenario(name: &str) -> sandtable::format::scenario::Scenario {
    let path = root().join(format!("scenarios/{name}.yaml"));
    let text = std::fs::read_to_string(&path).expect("shipped scenario");
    sandtable::load::scenario(&Arc::new(SourceFile::new(name, text))).expect("loads").doc
}

fn options() -> ImportOptions {
    ImportOptions {
        plan: "plans/it-operations.yaml".into(),
        id: "round-trip".into(),
        title: "Round trip".into(),
        ..ImportOptions::default()
    }
}

/// The inject fields a round trip must keep, as text.
fn injects(s: &sandtable::format::scenario::Scenario) -> Vec<String> {
    let mut v: Vec<(i64, String)> = s
        .injects
        .iter()
        .map(|i| {
            let effects: Vec<String> = i.effects.iter().map(|e| e.value.to_text()).collect();
            let objectives: Vec<&str> = i.objectives.iter().map(|o| o.value.as_str()).collect();
            (
                i.at.value.0,
                format!(
                    "{} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                    i.event.value,
                    i.at.value,
                    i.title,
                    i.description,
                    i.from,
                    i.to,
                    i.method,
                    i.expected_action,
                    objectives,
                    i.notes,
                    effects
                ),
            )
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn export_then_import_gives_back_the_same_injects() {
    for name in common::shipped_scenarios() {
        let name = name.as_str();
        let original = scenario(name);
        let rows = msel::export_rows(&original);
        let csv = msel::export_csv(&rows, Lang::En);
        let back = msel::import(&msel::read_csv(csv.as_bytes()).expect("csv"), &options()).expect("imports");
        assert_eq!(injects(&back.scenario), injects(&original), "{name} via CSV");
        // Decision points are exported for reading and reported, not lost silently.
        assert_eq!(back.issues.iter().filter(|i| i.skipped).count(), original.decisions.len(), "{name}");

        let xlsx = msel::export_xlsx(&rows, &original, Lang::En).expect("xlsx");
        let back = msel::import(&msel::read_xlsx(&xlsx, None).expect("reads back"), &options()).expect("imports");
        assert_eq!(injects(&back.scenario), injects(&original), "{name} via XLSX");
    }
}

#[test]
fn exports_open_as_spreadsheets_and_are_byte_identical() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for name in common::shipped_scenarios() {
        let name = name.as_str();
        let (a, b, c) = (
            tmp.path().join(format!("{name}-a.xlsx")),
            tmp.path().join(format!("{name}-b.xlsx")),
            tmp.path().join(format!("{name}.csv")),
        );
        for out in [&a, &b, &c] {
            sandtable().args(["msel", "export", &format!("scenarios/{name}.yaml"), "-o"]).arg(out).assert().success();
        }
        let bytes = std::fs::read(&a).expect("xlsx");
        assert_eq!(bytes, std::fs::read(&b).expect("xlsx"), "{name}: the same scenario gives the same workbook");
        let grid = msel::read_xlsx(&bytes, None).expect("opens as a workbook");
        assert_eq!(grid.sheet.as_deref(), Some("MSEL"));
        let header: Vec<String> = grid.rows[0].iter().map(|c| c.text()).collect();
        assert_eq!(header[..4], ["Event #", "Scenario time", "Row kind", "Inject title"]);
        let csv = std::fs::read_to_string(&c).expect("csv");
        assert!(csv.starts_with('\u{feff}'), "{name}: CSV has a byte-order mark for Excel");
    }
    let csv = std::fs::read_to_string(tmp.path().join("warehouse-fire.csv")).expect("csv");
    assert!(csv.contains("危险品仓库 B 区烟感报警"), "Chinese text survives the export");
}

/// The two public exercise MSELs import into scenarios that validate, with every row
/// accounted for.
#[test]
fn public_exercise_workbooks_import_and_validate() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let samples = root().join("tests/fixtures/msel/public");
    for (file, rows) in [("winter-exercise-msel.xlsx", 83), ("imt-trailer-msel.xlsx", 49)] {
        let out = tmp.path().join(file.replace(".xlsx", ".yaml"));
        let plan = root().join("scenarios/plans/it-operations.yaml");
        let output = sandtable()
            .args(["msel", "import"])
            .arg(samples.join(file))
            .arg("--plan")
            .arg(&plan)
            .arg("-o")
            .arg(&out)
            .assert()
            .success()
            .get_output()
            .clone();
        let stdout = String::from_utf8_lossy(&output.stdout).replace(&tmp.path().display().to_string(), "OUT");
        // "N data rows: X injects imported, Y left out": every row accounted for.
        let counts: Vec<usize> = stdout
            .lines()
            .next()
            .and_then(|l| l.rsplit_once(';'))
            .map_or("", |(_, counts)| counts)
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        let (data, imported, left) = (counts[0], counts[1], counts[2]);
        assert_eq!(data, rows, "{file}: {stdout}");
        assert_eq!(imported + left, data, "{file}: every row is imported or reported");
        insta::assert_snapshot!(format!("import-{file}"), stdout);
        sandtable().arg("validate").arg(&out).assert().success();
    }
}

#[test]
fn csv_quirks_and_time_forms() {
    let opts = ImportOptions {
        plan: "plan.yaml".into(),
        id: "fixture".into(),
        title: "Fixture".into(),
        ..ImportOptions::default()
    };
    for name in ["quirks", "dtg", "date-time"] {
        let bytes = std::fs::read(root().join(format!("tests/fixtures/msel/{name}.csv"))).expect("fixture");
        let imported = msel::import(&msel::read_csv(&bytes).expect("csv"), &opts).expect("imports");
        let issues: Vec<String> = imported.issues.iter().map(|i| format!("row {}: {}", i.row, i.message)).collect();
        insta::assert_snapshot!(
            format!("csv-{name}"),
            format!("{}\n# issues\n{}", imported.to_yaml(name), issues.join("\n"))
        );
    }
}

#[test]
fn bad_msel_input_is_reported() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let plan = root().join("scenarios/plans/it-operations.yaml");
    sandtable()
        .args(["msel", "export", "scenarios/dc-power-loss.yaml", "-o"])
        .arg(tmp.path().join("msel.pdf"))
        .assert()
        .code(2);
    sandtable()
        .args(["msel", "import", "tests/fixtures/msel/quirks.csv", "--map", "EVENT TIME=when", "--plan"])
        .arg(&plan)
        .arg("-o")
        .arg(tmp.path().join("x.yaml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a field"));
    let headless = tmp.path().join("headless.csv");
    std::fs::write(&headless, "a,b,c\n1,2,3\n").expect("write");
    sandtable()
        .args(["msel", "import"])
        .arg(&headless)
        .arg("--plan")
        .arg(&plan)
        .arg("-o")
        .arg(tmp.path().join("y.yaml"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no header row found"));
    // --map rescues headings sandtable does not know.
    let odd = tmp.path().join("odd.csv");
    std::fs::write(&odd, "Zeitpunkt,Ereignis,Text\nT+0:10,Stromausfall,Das Rechenzentrum ist dunkel.\n")
        .expect("write");
    sandtable()
        .args(["msel", "import"])
        .arg(&odd)
        .args(["--map", "Zeitpunkt=time", "--map", "Ereignis=title", "--map", "Text=description", "--plan"])
        .arg(&plan)
        .arg("-o")
        .arg(tmp.path().join("odd.yaml"))
        .assert()
        .success();
    let yaml = std::fs::read_to_string(tmp.path().join("odd.yaml")).expect("written");
    assert!(yaml.contains("title: Stromausfall") && yaml.contains("at: T+0:10"), "{yaml}");
}

/// An inject title that is a formula leaves as text (OWASP: a leading `'`) and comes back
/// from import as it was written.
#[test]
fn formula_like_cells_are_neutralised_on_export_and_restored_on_import() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let csv = tmp.path().join("msel.csv");
    common::sandtable()
        .args(["msel", "export", "tests/fixtures/report/hostile.yaml", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).expect("written");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        for cell in record.expect("reads").iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell could run as a formula: {cell:?}");
        }
    }
    let back = tmp.path().join("back.yaml");
    common::sandtable()
        .args(["msel", "import"])
        .arg(&csv)
        .args(["--plan", "tests/fixtures/report/hostile-plan.yaml", "-o"])
        .arg(&back)
        .assert()
        .success();
    let yaml = std::fs::read_to_string(&back).expect("written");
    assert!(yaml.contains("title: =SUM(1+1)*cmd|' /C calc'!A0"), "{yaml}");
    assert!(yaml.contains("description: \"@import evil\""), "{yaml}");
}
