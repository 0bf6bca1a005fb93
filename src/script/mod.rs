//! The sandboxed Rhai host: scenario scripts compiled once, hooks called by the engine.
//!
//! Scripts are shared between organisations, so the engine they run in is raw (only
//! the packages scripts need), has no modules, no `eval`, no printing, no clock and no
//! file access, and limits operations per call, call depth, expression depth and the
//! size of strings, arrays and maps. A script that runs away stops with an error naming
//! the script, line and hook. The compiled form is `Send + Sync` and reused by every run.

mod api;
mod budget;
mod errors;
mod limits;
mod literals;
mod names;
mod reacts;

use std::sync::Arc;

use rhai::packages::{
    BasicArrayPackage, BasicMapPackage, BasicMathPackage, CorePackage, LogicPackage, MoreStringPackage, Package,
};
use rhai::{AST, CallFnOptions, Dynamic, Scope};

use crate::compile::Model;
use crate::diag::{Diagnostic, SourceFile};
use crate::rng::SimRng;
use api::{HookContext, Shared};
pub use api::{ScriptAction, Snapshot};
use errors::{find_fn, hook_failure, loc_of};
pub use limits::{
    MAX_HOOK_CALLS_PER_MOMENT, MAX_HOOK_CALLS_PER_RUN, MAX_INJECTS_PER_MOMENT, MAX_INJECTS_PER_RUN, MAX_LOG_BYTES,
    MAX_LOG_LINES,
};
use names::ScriptNames;

/// Operations one hook call may take before it is stopped (well under a second),
/// counting the callbacks it hands to `sort`, `filter`, `map` and the like.
pub const MAX_OPERATIONS: u64 = 200_000;
/// Nested function calls.
pub const MAX_CALL_LEVELS: usize = 32;
/// Expression nesting at the top level and inside functions.
pub const MAX_EXPR_DEPTH: (usize, usize) = (64, 32);
/// Longest string, in bytes.
pub const MAX_STRING: usize = 64 * 1024;
/// Largest array or map.
pub const MAX_COLLECTION: usize = 10_000;

/// The hooks a script may define, with their parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hook {
    /// `on_start()`, at T+0 before any inject.
    Start,
    /// `on_inject(event, title)`, when an inject is delivered.
    Inject,
    /// `on_decision(id, option, answered_by)`, when a decision is answered.
    Decision,
    /// `on_event(kind, subject)`, for every other engine event.
    Event,
    /// `on_end()`, when the exercise ends.
    End,
}

impl Hook {
    /// Every hook.
    pub const ALL: [Hook; 5] = [Hook::Start, Hook::Inject, Hook::Decision, Hook::Event, Hook::End];

    /// The function name.
    pub fn name(self) -> &'static str {
        match self {
            Hook::Start => "on_start",
            Hook::Inject => "on_inject",
            Hook::Decision => "on_decision",
            Hook::Event => "on_event",
            Hook::End => "on_end",
        }
    }

    /// The parameters it takes.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            Hook::Start | Hook::End => &[],
            Hook::Inject => &["event", "title"],
            Hook::Decision => &["id", "option", "answered_by"],
            Hook::Event => &["kind", "subject"],
        }
    }
}

/// One compiled script.
#[derive(Debug, Clone)]
struct Script {
    file: Arc<SourceFile>,
    ast: AST,
    hooks: [bool; 5],
    /// The event kinds its `on_event` can react to (`None`: every kind).
    event_kinds: Option<std::collections::BTreeSet<String>>,
}

/// A scenario's scripts, compiled once, with the sandboxed engine that runs them.
#[derive(Debug)]
pub struct ScriptHost {
    engine: rhai::Engine,
    /// The same sandbox following every statement: replays a hook that hit a limit, to
    /// say where.
    locator: rhai::Engine,
    scripts: Vec<Script>,
    names: Arc<ScriptNames>,
}

/// The sandboxed engine: raw, with only what scripts need; `locating`, it follows every
/// statement (slower), to say where a limit was hit.
fn sandbox(locating: bool) -> rhai::Engine {
    let mut e = rhai::Engine::new_raw();
    // No BasicTimePackage (timestamp) and nothing that touches the outside world.
    CorePackage::new().register_into_engine(&mut e);
    LogicPackage::new().register_into_engine(&mut e);
    BasicMathPackage::new().register_into_engine(&mut e);
    BasicArrayPackage::new().register_into_engine(&mut e);
    BasicMapPackage::new().register_into_engine(&mut e);
    MoreStringPackage::new().register_into_engine(&mut e);
    e.disable_symbol("eval");
    e.on_print(|_| {});
    e.on_debug(|_, _, _| {});
    e.set_strict_variables(true);
    // Not rhai's own operations limit, which counts each callback afresh: see `budget`.
    budget::install(&mut e);
    if locating {
        budget::follow_statements(&mut e);
    }
    e.set_max_call_levels(MAX_CALL_LEVELS);
    e.set_max_expr_depths(MAX_EXPR_DEPTH.0, MAX_EXPR_DEPTH.1);
    e.set_max_string_size(MAX_STRING);
    e.set_max_array_size(MAX_COLLECTION);
    e.set_max_map_size(MAX_COLLECTION);
    e.set_max_variables(1_000);
    e.set_max_functions(1_000);
    api::register(&mut e);
    e
}

impl ScriptHost {
    /// Compiles each script once and checks its hooks: names, parameter counts.
    pub fn compile(model: &Model, files: &[Arc<SourceFile>]) -> Result<ScriptHost, Vec<Diagnostic>> {
        let engine = sandbox(false);
        let names = ScriptNames::new(model);
        let mut scripts = Vec::new();
        let mut diags = Vec::new();
        for file in files {
            let ast = match engine.compile(file.text()) {
                Ok(ast) => ast,
                Err(e) => {
                    let message = e.err_type().to_string();
                    diags.push(
                        Diagnostic::error("script::syntax", format!("{} does not compile: {message}", file.name()))
                            .at(file, loc_of(e.position()))
                            .with_help("see the script API in the README; scripts cannot import modules or use eval"),
                    );
                    continue;
                }
            };
            let mut hooks = [false; 5];
            for f in ast.iter_functions() {
                match Hook::ALL.iter().position(|h| h.name() == f.name) {
                    Some(i) => {
                        let hook = Hook::ALL[i];
                        if f.params.len() == hook.params().len() {
                            hooks[i] = true;
                        } else {
                            diags.push(
                                Diagnostic::error(
                                    "script::hook-params",
                                    format!(
                                        "{} takes {} parameter(s), not {}",
                                        hook.name(),
                                        hook.params().len(),
                                        f.params.len()
                                    ),
                                )
                                .at(file, find_fn(file.text(), f.name))
                                .with_help(format!(
                                    "write `fn {}({})`",
                                    hook.name(),
                                    hook.params().join(", ")
                                )),
                            );
                        }
                    }
                    None if f.name.starts_with("on_") => {
                        let best = Hook::ALL
                            .iter()
                            .map(|h| (strsim::normalized_damerau_levenshtein(f.name, h.name()), h.name()))
                            .max_by(|a, b| a.0.total_cmp(&b.0))
                            .map_or(String::new(), |(_, n)| format!("did you mean `{n}`? "));
                        diags.push(
                            Diagnostic::error("script::unknown-hook", format!("`{}` is not a hook", f.name))
                                .at(file, find_fn(file.text(), f.name))
                                .with_help(format!(
                                    "{best}hooks are on_start, on_inject, on_decision, on_event and on_end; \
                                     helper functions must not start with `on_`"
                                )),
                        );
                    }
                    None => {}
                }
            }
            literals::check(file, &ast, &names, &mut diags);
            let event_kinds = reacts::event_kinds(&ast);
            scripts.push(Script { file: Arc::clone(file), ast, hooks, event_kinds });
        }
        if diags.is_empty() {
            Ok(ScriptHost { engine, locator: sandbox(true), scripts, names: Arc::new(names) })
        } else {
            Err(diags)
        }
    }

    /// Whether any script defines `hook`.
    pub fn has(&self, hook: Hook) -> bool {
        let i = Hook::ALL.iter().position(|h| *h == hook).unwrap_or(0);
        self.scripts.iter().any(|s| s.hooks[i])
    }

    /// Whether any script's `on_event` can react to events of `kind` (`reacts.rs`).
    pub fn reacts_to(&self, kind: &str) -> bool {
        self.scripts.iter().any(|s| s.reacts_to(kind))
    }

    /// The scripts' side of one run: what they remember between hooks starts empty.
    pub fn start_run(&self) -> ScriptRun<'_> {
        ScriptRun { host: self, shared: Arc::new(std::sync::Mutex::new(HookContext::new(Arc::clone(&self.names)))) }
    }
}

/// The scripts of one run. The engine's one way into scripts: a snapshot and the run's
/// generator go in, the actions the scripts ask for come out. No rhai type crosses it.
#[derive(Debug)]
pub struct ScriptRun<'h> {
    host: &'h ScriptHost,
    shared: Shared,
}

impl ScriptRun<'_> {
    /// Whether any script defines `hook`.
    pub fn has(&self, hook: Hook) -> bool {
        self.host.has(hook)
    }

    /// Whether any script's `on_event` can react to events of `kind`.
    pub fn reacts_to(&self, kind: &str) -> bool {
        self.host.reacts_to(kind)
    }

    /// Forgets what scripts remembered and did, for a new run.
    pub fn reset(&mut self) -> Result<(), Diagnostic> {
        let mut ctx = self.lock()?;
        ctx.memory = Arc::default();
        ctx.counters = limits::Counters::default();
        ctx.fault = None;
        Ok(())
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, HookContext>, Diagnostic> {
        lock_context(&self.shared)
    }

    /// Calls `hook` with `args` in every script that defines it, in the scenario's order.
    /// Scripts read `snapshot` and draw from `rng` (both lent for the call, and given back
    /// unchanged, so that their draws take their place in the run's one sequence); the actions they asked for are
    /// returned in order, for the engine to carry out.
    pub fn call(
        &mut self,
        hook: Hook,
        args: &[String],
        snapshot: &mut Snapshot,
        rng: &mut SimRng,
    ) -> Result<Vec<ScriptAction>, Diagnostic> {
        {
            let mut ctx = self.lock()?;
            // Lent, not copied: the engine keeps it up to date between calls.
            std::mem::swap(&mut ctx.snapshot, snapshot);
            ctx.actions.clear();
            let now = ctx.snapshot.now;
            ctx.counters.hook_called(now);
            std::mem::swap(&mut ctx.rng, rng);
        }
        let result = self.host.call(hook, &self.shared, args);
        let actions = {
            let mut ctx = self.lock()?;
            std::mem::swap(&mut ctx.rng, rng);
            std::mem::swap(&mut ctx.snapshot, snapshot);
            std::mem::take(&mut ctx.actions)
        };
        result.map(|()| actions)
    }
}

impl ScriptHost {
    fn call(&self, hook: Hook, ctx: &Shared, args: &[String]) -> Result<(), Diagnostic> {
        let i = Hook::ALL.iter().position(|h| *h == hook).unwrap_or(0);
        let reacts = |s: &Script| hook != Hook::Event || args.first().is_none_or(|kind| s.reacts_to(kind));
        for script in self.scripts.iter().filter(|s| s.hooks[i] && reacts(s)) {
            let before = lock_context(ctx)?.save();
            let mut tried = self.call_one(&self.engine, script, hook, ctx, args);
            if tried.needs_locating() {
                // Played again from the same state on the locating engine, to say where.
                lock_context(ctx)?.restore(before);
                tried = self.call_one(&self.locator, script, hook, ctx, args);
            }
            let Tried { result, spent, fault } = tried;
            if let Some(d) = hook_failure(&script.file, hook, result.err().as_deref(), fault, spent) {
                return Err(d);
            }
        }
        Ok(())
    }

    fn call_one(&self, engine: &rhai::Engine, script: &Script, hook: Hook, ctx: &Shared, args: &[String]) -> Tried {
        let options = CallFnOptions::new().eval_ast(false).rewind_scope(true).with_tag(Arc::clone(ctx));
        let mut scope = Scope::new();
        let args: Vec<Dynamic> = args.iter().map(|a| Dynamic::from(a.clone())).collect();
        budget::start();
        let result =
            engine.call_fn_with_options::<Dynamic>(options, &mut scope, &script.ast, hook.name(), args).map(|_| ());
        let spent = budget::finish();
        let fault = ctx.lock().ok().and_then(|mut c| c.fault.take());
        Tried { result, spent, fault }
    }
}

impl Script {
    fn reacts_to(&self, kind: &str) -> bool {
        self.hooks[3] && self.event_kinds.as_ref().is_none_or(|kinds| kinds.contains(kind))
    }
}

/// One script's hook call, as it went.
struct Tried {
    result: Result<(), Box<rhai::EvalAltResult>>,
    spent: budget::Spent,
    fault: Option<limits::Fault>,
}

impl Tried {
    /// Whether it hit a limit whose place rhai does not keep: the operations budget, the
    /// call depth, the size of a value. (Faults are located at the refused call.)
    fn needs_locating(&self) -> bool {
        self.fault.is_none()
            && (self.spent.ran_out_at.is_some() || self.result.as_ref().is_err_and(|e| e.is_system_exception()))
    }
}

fn lock_context(ctx: &Shared) -> Result<std::sync::MutexGuard<'_, HookContext>, Diagnostic> {
    ctx.lock().map_err(|_| Diagnostic::error("script::state", "the exercise state was lost after a script error"))
}
