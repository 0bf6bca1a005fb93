//! Monte Carlo throughput, cost per event and memory (issue 15 item 8), in one run:
//!
//! 1. replicas per second on one thread and on every thread, and the parallel
//!    efficiency (speed-up ÷ threads), for each shipped scenario and for the data-centre
//!    plan generated at 1×, 10× and 100× its size (`scaled/mod.rs`);
//! 2. the engine's time per event without scripts against a bare floor measured in the
//!    same run: a plain binary-heap event loop with a ChaCha8 generator processing the
//!    same number of events with the same number of draws, at 1×, 10× and 100×;
//! 3. peak heap memory of 10⁴ and 10⁶ replicas (one thread, a counting allocator), to
//!    show that the aggregate stays flat as the number of replicas grows.
//!
//! Run with `cargo bench --bench montecarlo`. `SANDTABLE_BENCH_MEMORY_RUNS` lowers the
//! larger memory study (default 1,000,000) on a slow machine.
//! Targets: efficiency ≥ 0.8; engine ≤ 3× the floor per event; memory within 10 %.

mod scaled;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use sandtable::cli::DiskSources;
use sandtable::engine::{Defaults, Engine};
use sandtable::montecarlo::{Study, play};
use sandtable::project::Project;

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

/// Seconds a throughput measurement aims at on one thread.
const SECONDS: f64 = 1.5;
/// Rounds the per-event timing is split into; the fastest counts (the machine may be shared).
const ROUNDS: u32 = 5;

fn study(project: &Project, runs: u64) -> Study<'_> {
    Study {
        model: &project.model,
        scripts: &project.scripts,
        answers: None,
        end: None,
        seed: 1,
        runs,
        lang: sandtable::Lang::En,
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    println!("## Throughput ({threads} threads available)");
    let mut efficiencies = Vec::new();
    for name in shipped(root) {
        let path = root.join("scenarios").join(format!("{name}.yaml"));
        let project = sandtable::project::open(&DiskSources, &path, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        efficiencies.push(throughput(&name, &project, threads));
    }
    for copies in [1, 10, 100] {
        efficiencies.push(throughput(&format!("data centre {copies}×"), &scaled::project(root, copies), threads));
    }
    let least = efficiencies.iter().copied().fold(f64::INFINITY, f64::min);
    println!("least parallel efficiency: {least:.2} (target ≥ 0.8)\n");

    println!("## Engine against the floor, per event, without scripts");
    let mut worst: f64 = 0.0;
    for copies in [1, 10, 100] {
        worst = worst.max(against_floor(root, copies));
    }
    println!("largest engine / floor: {worst:.2}× (target ≤ 3×)\n");

    println!("## Peak memory (one thread)");
    let large = std::env::var("SANDTABLE_BENCH_MEMORY_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let project = scaled::project(root, 1);
    let small = peak(&project, 10_000);
    let big = peak(&project, large);
    println!("peak memory ratio, {large} / 10000 replicas: {:.3} (target within 10 %: 0.9 to 1.1)", big / small);
}

/// The shipped scenarios, by file stem, sorted.
fn shipped(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("scenarios"))
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Replicas per second on one thread and on `threads`; prints them and returns the
/// parallel efficiency. The number of replicas is set so one thread takes about
/// [`SECONDS`].
fn throughput(name: &str, project: &Project, threads: usize) -> f64 {
    let rate_on = |threads: usize, runs: u64| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        let start = Instant::now();
        let played = pool.install(|| play(&study(project, runs), &|| ()));
        assert!(played.is_ok(), "{name}: a replica failed");
        runs as f64 / start.elapsed().as_secs_f64()
    };
    let probe = rate_on(1, 20);
    // At least 200: a study pays a fixed cost per piece of work (starting an engine,
    // handing over its sums), which a handful of replicas would not amortise.
    let runs = ((probe * SECONDS) as u64).max(200);
    let one = rate_on(1, runs);
    let all = rate_on(threads, runs);
    let efficiency = all / one / threads as f64;
    println!(
        "{name:<28} {runs:>7} replicas: {one:>9.0}/s on 1 thread, {all:>9.0}/s on {threads}, efficiency {efficiency:.2}"
    );
    efficiency
}

/// The engine's time per event on the scaled plan without scripts, against the floor
/// with the same events and draws per run; prints both and returns their ratio.
fn against_floor(root: &Path, copies: usize) -> f64 {
    let project = scaled::without_script(root, copies, None);
    let mut engine = Engine::new(&project.model);
    let (mut best, mut events, mut draws) = (f64::INFINITY, 0.0, 0.0);
    let mut seed = 0u64;
    for _ in 0..ROUNDS {
        let (mut runs, mut logged, mut drawn) = (0u64, 0u64, 0u64);
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < 0.4 || runs < 2 {
            let outcome = engine.play(seed, &mut Defaults).unwrap_or_else(|e| panic!("{e:?}"));
            logged += outcome.log.len() as u64;
            drawn += engine.draws();
            runs += 1;
            seed += 1;
        }
        let per_event = start.elapsed().as_secs_f64() / logged as f64;
        if per_event < best {
            (best, events, draws) = (per_event, logged as f64 / runs as f64, drawn as f64 / runs as f64);
        }
    }
    let floor = floor_per_event(events.round() as usize, draws.round() as usize);
    let ratio = best / floor;
    println!(
        "{copies:>3}× plan: {events:>6.0} events and {draws:>6.0} draws a run; engine {:.3} µs/event, floor {:.3} µs/event: {ratio:.2}×",
        best * 1e6,
        floor * 1e6
    );
    ratio
}

/// The floor: a binary-heap event loop over `events` events that takes `draws` draws
/// from a ChaCha8 generator, each popped event scheduling the next until all are done,
/// so the heap holds as many pending events as a run starts with. Seconds per event,
/// fastest of [`ROUNDS`].
fn floor_per_event(events: usize, draws: usize) -> f64 {
    let events = events.max(1);
    let mut best = f64::INFINITY;
    for round in 0..ROUNDS {
        let mut rng = ChaCha8Rng::seed_from_u64(u64::from(round));
        let mut runs = 0u64;
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < 0.2 || runs < 2 {
            let mut heap: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
            let pending = (events / 4).max(1);
            for i in 0..pending {
                heap.push(Reverse(((i as i64) * 60, i)));
            }
            let (mut done, mut drawn, mut sum) = (0usize, 0usize, 0u64);
            while let Some(Reverse((t, id))) = heap.pop() {
                done += 1;
                // Spread the draws evenly over the events.
                let due = draws * done / events;
                while drawn < due {
                    sum = sum.wrapping_add(rng.next_u64());
                    drawn += 1;
                }
                if done + heap.len() < events {
                    heap.push(Reverse((t + 1 + (sum % 600) as i64, id)));
                }
            }
            black_box(sum);
            runs += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / (runs as f64 * events as f64));
    }
    best
}

/// Peak heap bytes while `runs` replicas are played on one thread; prints it.
fn peak(project: &Project, runs: u64) -> f64 {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("thread pool");
    // Counting starts high: blocks allocated before counting may be freed during it.
    IN_USE.store(1 << 40, Ordering::Relaxed);
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let start = Instant::now();
    let played = pool.install(|| play(&study(project, runs), &|| ()));
    COUNTING.store(false, Ordering::Relaxed);
    assert!(played.is_ok(), "a replica failed");
    let peak = (PEAK.load(Ordering::Relaxed) - base) as f64;
    println!(
        "peak heap while playing {runs} replicas: {:.1} KiB ({:.1} s)",
        peak / 1024.0,
        start.elapsed().as_secs_f64()
    );
    peak
}
