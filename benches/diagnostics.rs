//! Checking and rendering a plan that provokes thousands of diagnostics must cost time
//! in proportion to their number: a hostile or broken file (8,000 duplicate ids) once
//! took 45 seconds because each diagnostic re-read the file from the top.
//!
//! Run with `cargo bench --bench diagnostics`. Target: going from 1,000 to 8,000
//! duplicates costs at most 12 times as much (linear is 8; quadratic would be 64).

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use sandtable::diag::{self, RenderStyle, SourceFile};
use sandtable::project::{Sources, check_plan_file};

/// One in-memory plan.
struct Text(String);

impl Sources for Text {
    fn read(&self, _: &Path) -> sandtable::Result<Arc<SourceFile>> {
        Ok(Arc::new(SourceFile::new("plan.yaml", self.0.clone())))
    }
}

fn plan(duplicates: usize) -> String {
    let mut text = String::from("format_version: 1\norganisation:\n  name: Hostile Ltd.\nsites:\n");
    for i in 0..duplicates {
        text.push_str(&format!("  - {{ id: site, name: Site {i}, kind: office }}\n"));
    }
    text
}

fn seconds(duplicates: usize) -> f64 {
    let sources = Text(plan(duplicates));
    let start = Instant::now();
    let checked = check_plan_file(&sources, Path::new("plan.yaml"));
    let shown = diag::render(&checked.diagnostics, RenderStyle::PLAIN);
    let secs = start.elapsed().as_secs_f64();
    assert!(checked.diagnostics.len() >= duplicates - 1 && !shown.is_empty());
    secs
}

fn main() {
    seconds(100); // warm up
    let small = seconds(1_000);
    let large = seconds(8_000);
    println!("1,000 duplicate ids: {small:.3} s; 8,000: {large:.3} s; ratio {:.1} (target ≤ 12)", large / small);
}
