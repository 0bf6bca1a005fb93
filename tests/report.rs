//! The after-action report: snapshots of every format on the shipped scenarios, a
//! self-contained HTML file, the seed-000 findings, languages and user templates.

mod common;

use std::path::Path;

use common::sandtable;

fn run(scenario: &str, out: &Path, extra: &[&str]) {
    sandtable().args(["run", scenario, "--out"]).arg(out).args(extra).assert().success();
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn markdown_reports_of_the_shipped_scenarios() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for s in common::shipped_scenarios() {
        let dir = tmp.path().join(&s);
        run(&format!("scenarios/{s}.yaml"), &dir, &["--format", "md"]);
        insta::assert_snapshot!(format!("md-{s}"), read(&dir, "report.md"));
        assert!(!dir.join("report.html").exists(), "--format md writes only the Markdown report");
    }
}

#[test]
fn chinese_report() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run("scenarios/warehouse-fire.yaml", tmp.path(), &["--lang", "zh", "--format", "md,csv"]);
    let md = read(tmp.path(), "report.md");
    for heading in ["演练报告与改进计划", "演练概况", "结果摘要", "目标分析", "发现的问题", "改进计划", "附录：时间线"]
    {
        assert!(md.contains(heading), "missing {heading}");
    }
    // Chinese sentences take full-width punctuation: no half-width colon or full stop
    // straight after a Chinese character, in the fixed text or around values.
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for line in md.lines() {
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(2) {
            assert!(!(cjk(w[0]) && matches!(w[1], ':' | '.' | ',')), "half-width punctuation after Chinese: {line}");
        }
    }
    insta::assert_snapshot!("md-zh-warehouse-fire", md);
    let csv = read(tmp.path(), "improvement-plan.csv");
    assert!(csv.starts_with('\u{feff}'), "CSV starts with a BOM so that Excel reads UTF-8");
    insta::assert_snapshot!("csv-zh-warehouse-fire", csv);
}

#[test]
fn html_json_and_csv_of_the_data_centre_scenario() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run("scenarios/dc-power-loss.yaml", tmp.path(), &["--decisions", "scenarios/decisions/dc-power-loss.yaml"]);
    insta::assert_snapshot!("html-dc-power-loss", read(tmp.path(), "report.html"));
    // The inputs' SHA-256 are pinned by tests/record.rs; here they would tie the report's
    // snapshot to every edit of the shipped scenario, plan and script.
    let json: String = read(tmp.path(), "report.json")
        .lines()
        .map(|l| match l.split_once("\"sha256\": ") {
            Some((indent, _)) => format!("{indent}\"sha256\": \"…\"\n"),
            None => format!("{l}\n"),
        })
        .collect();
    insta::assert_snapshot!("json-dc-power-loss", json);
    insta::assert_snapshot!("csv-dc-power-loss", read(tmp.path(), "improvement-plan.csv"));
}

#[test]
fn html_is_self_contained_with_charts() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for s in common::shipped_scenarios() {
        let dir = tmp.path().join(&s);
        run(&format!("scenarios/{s}.yaml"), &dir, &["--format", "html"]);
        let html = read(&dir, "report.html");
        for external in ["http://", "https://", "src=", "<link", "@import", "<script", "//cdn"] {
            assert!(!html.contains(external), "{s}: report.html refers outside itself ({external})");
        }
        // The only `url(` allowed names a pattern inside the same SVG.
        assert!(html.split("url(").skip(1).all(|rest| rest.starts_with('#')), "{s}: url() to outside");
        assert!(html.contains("<svg"), "{s}: no chart");
        assert!(html.contains("@media print"), "{s}: no print styles");
    }
}

/// Printed on A4, in both languages: the page size, headings kept with what follows,
/// rows and figures not split, table headers repeated, words kept whole, and the
/// organisation said once above the improvement plan instead of on every row.
#[test]
fn html_prints_on_a4() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for lang in ["en", "zh"] {
        let dir = tmp.path().join(lang);
        // key-person-unreachable: the same organisation, and several improvement items.
        run("scenarios/key-person-unreachable.yaml", &dir, &["--format", "html", "--lang", lang]);
        let html = read(&dir, "report.html");
        for rule in [
            "@page { size: A4;",
            "h1, h2, h3 { break-after: avoid;",
            "tr { break-inside: avoid; }",
            "figure { margin: 1rem 0; break-inside: avoid; }",
            "thead { display: table-header-group; }",
            "word-break: normal; overflow-wrap: break-word;",
            "word-break: keep-all;",
            "figure svg { display: block; width: 100%; max-width: 760px; height: auto; }",
        ] {
            assert!(html.contains(rule), "{lang}: missing print rule {rule}");
        }
        assert!(!html.contains("word-break: break-all"), "{lang}: words broken anywhere");
        let at = html.find(r#"<table class="plan">"#).expect("improvement plan");
        let heading = html[..at].rfind("<h2>").expect("the plan's heading");
        assert!(
            html[heading..at].contains("华澄化工贸易有限公司"),
            "{lang}: the organisation is said once above the plan"
        );
        let plan = &html[at..];
        let plan = &plan[..plan.find("</table>").expect("end of table")];
        assert!(plan.matches("<tr>").count() > 2, "{lang}: the fixture has several improvement items");
        assert!(!plan.contains("华澄化工贸易有限公司"), "{lang}: organisation repeated per row");
    }
}

/// Seed 000's drill: the core database and the application service meet their RTOs with
/// the shipped plan; with the plan as it stood before the drill's lessons (runbooks at the
/// main data centre, everyone reached by e-mail only), the report finds both problems.
#[test]
fn seed_000_case() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let decisions = ["--decisions", "scenarios/decisions/dc-power-loss.yaml", "--format", "json"];
    run("scenarios/dc-power-loss.yaml", &tmp.path().join("after"), &decisions);
    let card: serde_json::Value = serde_json::from_str(&read(&tmp.path().join("after"), "report.json")).expect("json");
    for f in ["core-db-service", "app-service"] {
        let score = card["functions"].as_array().and_then(|a| a.iter().find(|x| x["id"] == f)).expect("function");
        assert_eq!(score["rto_met"], true, "{f}");
        assert_eq!(score["rpo_met"], true, "{f}");
    }

    run("tests/fixtures/report/before-lessons.yaml", &tmp.path().join("before"), &decisions);
    let card: serde_json::Value = serde_json::from_str(&read(&tmp.path().join("before"), "report.json")).expect("json");
    let ids: Vec<&str> =
        card["findings"].as_array().expect("findings").iter().filter_map(|f| f["id"].as_str()).collect();
    assert!(ids.contains(&"runbooks-at-site:dc-main"), "{ids:?}");
    assert!(ids.contains(&"channels-on-system:mail"), "{ids:?}");
    assert!(ids.iter().any(|i| i.starts_with("single-channel:")), "{ids:?}");
    let plan = card["improvement_plan"].as_array().expect("plan");
    assert_eq!(plan.len(), ids.len(), "every finding becomes an improvement item");
    assert!(
        plan.iter().all(|i| i["start"].as_str().is_some_and(|d| d.starts_with("2026-12") || d.starts_with("2027")))
    );
}

#[test]
fn user_templates_replace_the_built_in_ones() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).expect("dir");
    std::fs::write(
        templates.join("report.md.j2"),
        "# {{ card.overview.title }}\n{% for f in card.findings %}- {{ f.id }}\n{% endfor %}Objectives: {{ card.objectives | length }}\n",
    )
    .expect("write");
    run(
        "scenarios/dc-power-loss.yaml",
        &tmp.path().join("out"),
        &["--format", "md", "--template", templates.to_str().unwrap_or(".")],
    );
    let md = read(&tmp.path().join("out"), "report.md");
    assert!(md.starts_with("# Main data-centre power loss"), "{md}");
    assert!(md.contains("Objectives: 3"), "{md}");

    std::fs::write(templates.join("report.md.j2"), "{% for x in %}broken{% endfor %}\n").expect("write");
    let out = sandtable()
        .args(["run", "scenarios/dc-power-loss.yaml", "--format", "md", "--template"])
        .arg(&templates)
        .arg("--out")
        .arg(tmp.path().join("out2"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("report.md.j2 (line 1)"), "{stderr}");
}

/// A plan from another organisation may carry names that are formulas, Markdown, HTML,
/// line breaks or terminal escape sequences; each output shows them as text.
#[test]
fn hostile_names_stay_text_in_every_output() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = common::sandtable()
        .args(["run", "tests/fixtures/report/hostile.yaml", "--out"])
        .arg(tmp.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "escape sequences reach the terminal:\n{stdout:?}"
    );
    assert!(stdout.contains("Stakeholder a|b - injected item:"), "a name breaks the summary's lines:\n{stdout}");

    let md = read(tmp.path(), "report.md");
    for line in md.lines() {
        assert!(!line.starts_with("# Owned") && !line.starts_with("## Not a heading"), "a name made a heading: {line}");
        assert!(!line.starts_with("- injected"), "a name made a list item: {line}");
    }
    assert!(!md.contains("<script>") && md.contains("&lt;script>"), "raw HTML in report.md");
    assert!(!md.contains("[click me](") && md.contains("\\[click me\\](http://evil.example)"), "a name made a link");
    assert!(md.contains("| a\\|b - injected item |"), "a name split a table cell");

    let html = read(tmp.path(), "report.html");
    assert!(!html.contains("<script>alert"), "raw HTML in report.html");

    let csv = read(tmp.path(), "improvement-plan.csv");
    let mut reader =
        csv::ReaderBuilder::new().has_headers(true).from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("CSV reads");
        rows += 1;
        for cell in record.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell could run as a formula: {cell:?}");
        }
    }
    assert!(rows >= 1 && csv.contains("'=HYPERLINK"), "the hostile name reached the plan as text:\n{csv}");
}

/// A user template cannot run for ever or fill memory: a runaway loop stops on fuel, an
/// enormous report stops at the size limit, each with a message naming the limit.
#[test]
fn runaway_user_templates_stop_at_a_named_limit() {
    for (dir, limit) in [("runaway-loop", "steps and was stopped"), ("huge-output", "would write a report larger than")]
    {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = common::sandtable()
            .args(["run", "scenarios/dc-power-loss.yaml", "--format", "md", "--template"])
            .arg(format!("tests/fixtures/templates/{dir}"))
            .arg("--out")
            .arg(tmp.path())
            .assert()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("report::template") && stderr.contains(limit), "{dir}:\n{stderr}");
        assert!(!tmp.path().join("report.md").exists(), "{dir}: a partial report was written");
    }
}

/// Script `log` lines are the facilitator's: they leave the timeline (which players and
/// readers of the report take as what happened) and appear in a marked appendix.
#[test]
fn script_notes_sit_in_the_facilitator_appendix_not_the_timeline() {
    let tmp = tempfile::tempdir().expect("temp dir");
    run("scenarios/dc-power-loss.yaml", tmp.path(), &["--format", "md,json"]);
    let json: serde_json::Value = serde_json::from_str(&read(tmp.path(), "report.json")).expect("report.json");
    let kinds = |key: &str| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} is a list"))
            .iter()
            .map(|e| e["kind"].to_string())
            .collect()
    };
    assert!(!kinds("timeline").iter().any(|k| k == "\"note\""), "a script note in the timeline");
    let notes = kinds("facilitator_notes");
    assert!(!notes.is_empty() && notes.iter().all(|k| k == "\"note\""), "notes: {notes:?}");
    let md = read(tmp.path(), "report.md");
    let appendix = md.find("## Appendix: facilitator notes").expect("the appendix");
    let note = md.find("UPS runtime drawn").expect("the script's note");
    assert!(note > appendix, "the script's note appears before its appendix");
}

/// The call-tree curve is read against the objective's limit when the scenario sets
/// one, and otherwise against the latest link deadline the plan gave in the run.
#[test]
fn the_call_tree_deadline_comes_from_the_objective_or_the_plan() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (s, after, source) in [("dc-power-loss", 3600, "objective"), ("key-person-unreachable", 25_500, "plan_links")] {
        let dir = tmp.path().join(s);
        run(&format!("scenarios/{s}.yaml"), &dir, &["--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&read(&dir, "report.json")).expect("JSON");
        assert_eq!(json["call_tree_deadline"], serde_json::json!({ "after": after, "source": source }), "{s}");
    }
}
