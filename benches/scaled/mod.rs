//! The shipped data-centre plan scaled up, built in code (no large YAML file is kept):
//! copy `k` of every system, channel, person, role, function, procedure, stakeholder and
//! supplier gets the suffix `-k` on its id and on every reference to it (copy 0 keeps the
//! shipped ids, so the scenario, its script and its objectives still name real things).
//! Sites are shared: the one power loss takes every copy's systems down, so the work a
//! run does grows with the number of copies. Copy `k`'s call tree hangs off the shipped
//! on-duty operator by one link, and the declaring roles stay those of copy 0.
//!
//! Shared by `benches/scaling.rs` and `tests/incremental.rs` (through `#[path]`).

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sandtable::Error;
use sandtable::cli::DiskSources;
use sandtable::diag::SourceFile;
use sandtable::project::{Project, Sources};
use serde_json::{Value, json};

/// The shipped plan, relative to the crate root.
pub const PLAN: &str = "scenarios/plans/it-operations.yaml";
/// The shipped scenario played against it.
pub const SCENARIO: &str = "scenarios/dc-power-loss.yaml";

/// Sections whose entries are copied, each entry's `id` renamed.
const COPIED: [&str; 8] =
    ["systems", "channels", "people", "roles", "functions", "procedures", "stakeholders", "suppliers"];
/// Keys whose values are words, never ids (a channel's kind `phone` is not the channel `phone`).
const NOT_IDS: [&str; 5] = ["kind", "name", "provides", "prompt", "label"];

/// The plan at `root` with `copies` copies of everything but its sites, as YAML text
/// (JSON, which YAML reads).
pub fn plan_text(root: &Path, copies: usize) -> String {
    let text = std::fs::read_to_string(root.join(PLAN)).unwrap_or_else(|e| panic!("{PLAN}: {e}"));
    let plan: Value = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{PLAN}: {e}"));
    serde_json::to_string_pretty(&scale(&plan, copies)).unwrap_or_else(|e| panic!("{e}"))
}

/// `plan` with `copies` copies of its copied sections (1 gives it back unchanged).
pub fn scale(plan: &Value, copies: usize) -> Value {
    let ids = &ids_of(plan);
    let mut out = plan.clone();
    for section in COPIED {
        let Some(items) = plan.get(section).and_then(Value::as_array) else { continue };
        let all: Vec<Value> = (0..copies).flat_map(|k| items.iter().map(move |item| renamed(item, ids, k))).collect();
        out[section] = Value::Array(all);
    }
    if let Some(tree) = plan.get("call_tree") {
        let root = tree["starts_with"].clone();
        let links = tree["links"].as_array().cloned().unwrap_or_default();
        let mut all = Vec::new();
        for k in 0..copies {
            all.extend(links.iter().map(|l| renamed(l, ids, k)));
            if k > 0 {
                all.push(json!({ "from": root, "to": renamed(&root, ids, k), "deadline": "15m" }));
            }
        }
        out["call_tree"]["links"] = Value::Array(all);
    }
    out
}

/// Every id the copied sections define, and their procedures' step ids.
fn ids_of(plan: &Value) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for section in COPIED {
        for item in plan.get(section).and_then(Value::as_array).into_iter().flatten() {
            ids.extend(item["id"].as_str().map(str::to_owned));
            for step in item.get("steps").and_then(Value::as_array).into_iter().flatten() {
                ids.extend(step["id"].as_str().map(str::to_owned));
            }
        }
    }
    ids
}

/// `value` with every string naming one of `ids` given copy `k`'s suffix.
fn renamed(value: &Value, ids: &BTreeSet<String>, k: usize) -> Value {
    match value {
        _ if k == 0 => value.clone(),
        Value::String(s) if ids.contains(s) => Value::String(format!("{s}-{k}")),
        Value::Array(items) => Value::Array(items.iter().map(|v| renamed(v, ids, k)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, v)| {
                    (key.clone(), if NOT_IDS.contains(&key.as_str()) { v.clone() } else { renamed(v, ids, k) })
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Files from disk, but for those held in memory.
struct InMemory(Vec<(PathBuf, String)>);

impl Sources for InMemory {
    fn read(&self, path: &Path) -> Result<Arc<SourceFile>, Error> {
        match self.0.iter().find(|(p, _)| p == path) {
            Some((_, text)) => Ok(Arc::new(SourceFile::new(path.to_string_lossy(), text.clone()))),
            None => DiskSources.read(path),
        }
    }
}

/// The shipped scenario, with its script, against its plan scaled `copies` times.
pub fn project(root: &Path, copies: usize) -> Project {
    open(root, copies, None, &[])
}

/// The shipped scenario without its script against the plan scaled `copies` times: what
/// the script did is an inject (the data centre goes dark at T+0:20, and that poses the
/// fail-over decision; the follow-up decision is dropped). `script`, if given, is then the scenario's only script.
pub fn without_script(root: &Path, copies: usize, script: Option<&str>) -> Project {
    with_injects(root, copies, script, Vec::new())
}

/// As [`without_script`], with `extra` injects (YAML mappings as JSON) added.
pub fn with_injects(root: &Path, copies: usize, script: Option<&str>, extra: Vec<Value>) -> Project {
    let text = std::fs::read_to_string(root.join(SCENARIO)).unwrap_or_else(|e| panic!("{SCENARIO}: {e}"));
    let mut scenario: Value = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{SCENARIO}: {e}"));
    let Some(map) = scenario.as_object_mut() else { panic!("{SCENARIO} is not a mapping") };
    map.remove("scripts");
    if let Some(injects) = map.get_mut("injects").and_then(Value::as_array_mut) {
        injects.push(json!({
            "event": "dark", "at": "T+0:20", "title": "UPS exhausted: the data centre is dark",
            "effects": [{ "site_down": "dc-main" }],
        }));
        injects.extend(extra);
    }
    // Only the first decision, posed when the lights go out; the second was the script's.
    if let Some(decisions) = map.get_mut("decisions").and_then(Value::as_array_mut) {
        decisions.truncate(1);
        decisions[0]["after_inject"] = json!("dark");
    }
    let path = root.join("scenarios/scaled.yaml");
    let script_path = root.join("scenarios/bench.rhai");
    let mut files = vec![];
    if let Some(script) = script {
        scenario["scripts"] = json!(["bench.rhai"]);
        files.push((script_path, script.to_owned()));
    }
    files.push((path.clone(), scenario.to_string()));
    open(root, copies, Some(path), &files)
}

fn open(root: &Path, copies: usize, scenario: Option<PathBuf>, files: &[(PathBuf, String)]) -> Project {
    let plan = root.join(format!("scaled-{copies}x.yaml"));
    let mut files = files.to_vec();
    files.push((plan.clone(), plan_text(root, copies)));
    let scenario = scenario.unwrap_or_else(|| root.join(SCENARIO));
    sandtable::project::open(&InMemory(files), &scenario, Some(&plan))
        .unwrap_or_else(|e| panic!("the plan scaled {copies}× does not open: {e:?}"))
}
