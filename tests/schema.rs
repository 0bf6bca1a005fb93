//! The committed JSON Schemas match the code, and shipped files point editors at them.

mod common;

use common::{root, sandtable, shipped};
use sandtable::schema::{SchemaKind, schema_json};

#[test]
fn committed_schemas_are_current() {
    for kind in SchemaKind::ALL {
        let path = root().join("schemas").join(kind.file_name());
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == schema_json(kind),
            "{} is stale: run `cargo run -- schema {kind:?} > schemas/{}` (lower-case kind)",
            path.display(),
            kind.file_name()
        );
    }
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = sandtable().args(["schema", "scenario"]).assert().success().get_output().stdout.clone();
    assert_eq!(String::from_utf8_lossy(&out), schema_json(SchemaKind::Scenario));
}

#[test]
fn shipped_files_name_their_schema() {
    for file in shipped() {
        let text = std::fs::read_to_string(root().join(&file)).unwrap_or_default();
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with("# yaml-language-server: $schema="), "{file} lacks the schema line");
        let kind = if file.contains("plans/") { "plan" } else { "scenario" };
        assert!(first.ends_with(&format!("schemas/{kind}.schema.json")), "{file} names the wrong schema: {first}");
    }
}

#[test]
fn schema_can_be_written_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested/plan.schema.json");
    sandtable().args(["schema", "plan", "-o"]).arg(&path).assert().success();
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), schema_json(SchemaKind::Plan));
}
