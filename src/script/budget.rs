//! The operations budget of one hook call, counted across everything the call runs, and
//! the statement where a limit was hit.
//!
//! rhai counts operations per call frame and hands a callback (`sort`, `dedup`, `filter`,
//! `map`, …) a copy of the count, so a callback could spend the whole budget again for
//! every element; `sort` and `dedup` even swallow the error and carry on. A limit error
//! also loses its position at the first function boundary. So the sandbox counts every
//! operation itself, and a hook whose budget ran out stops the run even when something
//! inside rhai swallowed the error. Following each statement (through rhai's debugger
//! interface) would slow every run by a third, so only a second, locating engine does
//! it: a hook that hit a limit is played again there, from the same state, to find the
//! statement (the call is deterministic, so it fails at the same place).
//!
//! The count lives in a thread-local because rhai's progress and debugger callbacks are
//! registered once on the shared engine and see no per-call state; a hook call runs
//! start to finish on one thread, so the thread's count is exactly that call's count.

use std::cell::Cell;

use rhai::debugger::{DebuggerCommand, DebuggerEvent};
use rhai::{ASTNode, Dynamic, Expr, Position};

use super::MAX_OPERATIONS;

#[derive(Debug, Clone, Copy)]
struct Tracker {
    operations: u64,
    /// The statement (or call) being run.
    at: Position,
    /// Where the budget ran out, once it has.
    ran_out_at: Option<Position>,
}

impl Default for Tracker {
    fn default() -> Self {
        Tracker { operations: 0, at: Position::NONE, ran_out_at: None }
    }
}

thread_local! {
    static TRACKER: Cell<Tracker> = Cell::new(Tracker::default());
}

/// Counts every operation on the sandboxed engine.
pub(super) fn install(engine: &mut rhai::Engine) {
    engine.on_progress(|_| {
        TRACKER.with(|cell| {
            let mut t = cell.get();
            t.operations = t.operations.saturating_add(1);
            let over = t.operations > MAX_OPERATIONS;
            if over && t.ran_out_at.is_none() {
                t.ran_out_at = Some(t.at);
            }
            cell.set(t);
            // Every further operation fails too, so a swallowed error cannot buy time.
            over.then_some(Dynamic::UNIT)
        })
    });
}

/// Makes the engine follow every statement, to locate a limit.
pub(super) fn follow_statements(engine: &mut rhai::Engine) {
    // The debugger interface is the one way to learn which statement runs; rhai marks
    // it volatile, not deprecated.
    #[allow(deprecated)]
    engine.register_debugger(
        |_, debugger| debugger,
        |_, event, node, _, pos| {
            // Not the exits from functions, which point at their closing brace.
            let stepping = matches!(event, DebuggerEvent::Start | DebuggerEvent::Step);
            let is_statement = stepping
                && match node {
                    ASTNode::Stmt(_) => true,
                    ASTNode::Expr(e) => matches!(e, Expr::FnCall(..) | Expr::MethodCall(..)),
                    _ => false,
                };
            if is_statement && !pos.is_none() {
                TRACKER.with(|cell| {
                    let mut t = cell.get();
                    t.at = pos;
                    cell.set(t);
                });
            }
            // Visit every statement and expression, inside functions and callbacks too.
            Ok(DebuggerCommand::StepInto)
        },
    );
}

/// Starts a hook call's budget.
pub(super) fn start() {
    TRACKER.with(|cell| cell.set(Tracker::default()));
}

/// What a hook call spent.
#[derive(Debug, Clone, Copy)]
pub(super) struct Spent {
    /// The last statement it ran (on the locating engine).
    pub at: Position,
    /// Whether it ran out of operations, and where (on the locating engine).
    pub ran_out_at: Option<Position>,
}

/// Ends a hook call's budget.
pub(super) fn finish() -> Spent {
    let t = TRACKER.with(Cell::take);
    Spent { at: t.at, ran_out_at: t.ran_out_at }
}
