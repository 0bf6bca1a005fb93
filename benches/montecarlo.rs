//! Monte Carlo throughput and memory: replicas per second on 1 and 2 threads (engine,
//! results and findings per replica, aggregated while streaming), and peak heap memory
//! of 1,000 against 10,000 replicas, measured by a counting allocator, to show that the
//! aggregate stays flat as the number of replicas grows.
//!
//! Run with `cargo bench --bench montecarlo`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use sandtable::cli::DiskSources;
use sandtable::montecarlo::{Study, play};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Counting only while memory is measured: shared counters would otherwise slow the
/// threads down by contending for one cache line, and the rates would measure that.
static COUNTING: AtomicBool = AtomicBool::new(false);

// SAFETY: every call is forwarded unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        // SAFETY: the caller's layout is passed on as it came.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Ordering::Relaxed) {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("scenarios/dc-power-loss.yaml");
    let project = sandtable::project::open(&DiskSources, &path, None).unwrap_or_else(|e| panic!("does not open: {e}"));
    let study = |runs| Study {
        model: &project.model,
        scripts: &project.scripts,
        answers: None,
        end: None,
        seed: 1,
        runs,
        lang: sandtable::Lang::En,
    };
    let mut one = 0.0;
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        let runs = 10_000;
        let start = Instant::now();
        let aggregate = pool.install(|| play(&study(runs), &|| ()));
        let secs = start.elapsed().as_secs_f64();
        assert!(aggregate.is_ok(), "a replica failed");
        let rate = runs as f64 / secs;
        if threads == 1 {
            one = rate;
        }
        println!(
            "dc-power-loss, {threads} thread(s): {runs} replicas in {secs:.2} s = {rate:.0} replicas/s ({:.2}× one thread)",
            rate / one
        );
    }
    // Memory: one thread, so the peak does not depend on how rayon splits the work.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("thread pool");
    let mut peaks = Vec::new();
    for runs in [1_000, 10_000] {
        // Counting starts high: blocks allocated before counting may be freed during it.
        IN_USE.store(1 << 40, Ordering::Relaxed);
        let base = IN_USE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        COUNTING.store(true, Ordering::Relaxed);
        let aggregate = pool.install(|| play(&study(runs), &|| ()));
        COUNTING.store(false, Ordering::Relaxed);
        assert!(aggregate.is_ok(), "a replica failed");
        let peak = PEAK.load(Ordering::Relaxed) - base;
        println!("peak heap while playing, {runs} replicas: {:.1} KiB", peak as f64 / 1024.0);
        peaks.push(peak as f64);
    }
    println!("peak memory ratio, 10,000 / 1,000 replicas: {:.3} (flat when close to 1)", peaks[1] / peaks[0]);
}
