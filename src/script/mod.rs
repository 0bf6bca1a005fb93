//! The sandboxed Rhai host: scenario scripts compiled once, hooks called by the engine.
//!
//! Scripts are shared between organisations, so the engine they run in is raw (only
//! the packages scripts need), has no modules, no `eval`, no printing, no clock and no
//! file access, and limits operations per call, call depth, expression depth and the
//! size of strings, arrays and maps. A script that runs away stops with an error naming
//! the script, line and hook. The compiled form is `Send + Sync` and reused by every run.

mod api;

use std::sync::Arc;

use rhai::packages::{
    BasicArrayPackage, BasicMapPackage, BasicMathPackage, CorePackage, LogicPackage, MoreStringPackage, Package,
};
use rhai::{AST, CallFnOptions, Dynamic, EvalAltResult, Position, Scope};

use crate::compile::Model;
use crate::diag::{Diagnostic, SourceFile};
use crate::rng::SimRng;
use crate::spanned::Loc;
use api::{HookContext, ScriptNames, Shared};
pub use api::{ScriptAction, Snapshot};

/// Operations one hook call may take before it is stopped (well under a second).
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
}

/// A scenario's scripts, compiled once, with the sandboxed engine that runs them.
#[derive(Debug)]
pub struct ScriptHost {
    engine: rhai::Engine,
    scripts: Vec<Script>,
    names: Arc<ScriptNames>,
}

/// The sandboxed engine: raw, with only what scripts need.
fn sandbox() -> rhai::Engine {
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
    e.set_max_operations(MAX_OPERATIONS);
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

fn loc_of(pos: Position) -> Loc {
    match (pos.line(), pos.position()) {
        (Some(line), col) => Loc {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(col.unwrap_or(1)).unwrap_or(u32::MAX),
            len: 1,
        },
        _ => Loc::default(),
    }
}

/// Where `fn name` is written in a script, for pointing at a hook definition.
fn find_fn(text: &str, name: &str) -> Loc {
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.chars().count() - trimmed.chars().count();
        if let Some(rest) = trimmed.strip_prefix("fn ").or_else(|| trimmed.strip_prefix("private fn "))
            && rest.trim_start().starts_with(name)
        {
            let col = line.find(name).map_or(indent + 1, |b| line[..b].chars().count() + 1);
            return Loc {
                line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                column: u32::try_from(col).unwrap_or(u32::MAX),
                len: u32::try_from(name.chars().count()).unwrap_or(1),
            };
        }
    }
    Loc { line: 1, column: 1, len: 1 }
}

/// Drops rhai's " (line N, position M)" suffix: the diagnostic shows the place itself.
fn strip_position(message: &str) -> &str {
    message.rfind(" (line ").map_or(message, |i| &message[..i])
}

impl ScriptHost {
    /// Compiles each script once and checks its hooks: names, parameter counts.
    pub fn compile(model: &Model, files: &[Arc<SourceFile>]) -> Result<ScriptHost, Vec<Diagnostic>> {
        let engine = sandbox();
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
            scripts.push(Script { file: Arc::clone(file), ast, hooks });
        }
        if diags.is_empty() {
            Ok(ScriptHost { engine, scripts, names: Arc::new(ScriptNames::new(model)) })
        } else {
            Err(diags)
        }
    }

    /// Whether any script defines `hook`.
    pub fn has(&self, hook: Hook) -> bool {
        let i = Hook::ALL.iter().position(|h| *h == hook).unwrap_or(0);
        self.scripts.iter().any(|s| s.hooks[i])
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

    /// Forgets what scripts remembered, for a new run.
    pub fn reset(&mut self) -> Result<(), Diagnostic> {
        self.lock()?.memory.clear();
        Ok(())
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, HookContext>, Diagnostic> {
        self.shared
            .lock()
            .map_err(|_| Diagnostic::error("script::state", "the exercise state was lost after a script error"))
    }

    /// Calls `hook` with `args` in every script that defines it, in the scenario's order.
    /// Scripts read `snapshot` and draw from `rng` (lent for the call, so that their draws
    /// take their place in the run's one sequence); the actions they asked for are
    /// returned in order, for the engine to carry out.
    pub fn call(
        &mut self,
        hook: Hook,
        args: &[String],
        snapshot: &Snapshot,
        rng: &mut SimRng,
    ) -> Result<Vec<ScriptAction>, Diagnostic> {
        {
            let mut ctx = self.lock()?;
            ctx.snapshot.clone_from(snapshot);
            ctx.actions.clear();
            std::mem::swap(&mut ctx.rng, rng);
        }
        let result = self.host.call(hook, &self.shared, args);
        let actions = {
            let mut ctx = self.lock()?;
            std::mem::swap(&mut ctx.rng, rng);
            std::mem::take(&mut ctx.actions)
        };
        result.map(|()| actions)
    }
}

impl ScriptHost {
    fn call(&self, hook: Hook, ctx: &Shared, args: &[String]) -> Result<(), Diagnostic> {
        let i = Hook::ALL.iter().position(|h| *h == hook).unwrap_or(0);
        for script in self.scripts.iter().filter(|s| s.hooks[i]) {
            let options = CallFnOptions::new().eval_ast(false).rewind_scope(true).with_tag(Arc::clone(ctx));
            let mut scope = Scope::new();
            let args: Vec<Dynamic> = args.iter().map(|a| Dynamic::from(a.clone())).collect();
            if let Err(err) =
                self.engine.call_fn_with_options::<Dynamic>(options, &mut scope, &script.ast, hook.name(), args)
            {
                return Err(runtime_error(&script.file, hook, &err));
            }
        }
        Ok(())
    }
}

/// A script error at run time, located at the innermost position rhai knows.
fn runtime_error(file: &Arc<SourceFile>, hook: Hook, err: &EvalAltResult) -> Diagnostic {
    let mut inner = err;
    let mut pos = err.position();
    while let EvalAltResult::ErrorInFunctionCall(_, _, deeper, at) = inner {
        if !at.is_none() {
            pos = *at;
        }
        inner = deeper;
        if !inner.position().is_none() {
            pos = inner.position();
        }
    }
    let (code, help) = match inner {
        EvalAltResult::ErrorTooManyOperations(_) => (
            "script::too-many-operations",
            format!("a hook may take at most {MAX_OPERATIONS} operations; look for a loop that never ends"),
        ),
        EvalAltResult::ErrorStackOverflow(_) => (
            "script::too-deep",
            format!("calls may nest at most {MAX_CALL_LEVELS} deep; look for recursion without an end"),
        ),
        EvalAltResult::ErrorDataTooLarge(..) => (
            "script::too-large",
            format!("strings may hold {MAX_STRING} bytes, arrays and maps {MAX_COLLECTION} items"),
        ),
        _ => ("script::runtime", "the exercise stops here; fix the script and run again".to_owned()),
    };
    let message = inner.to_string();
    // rhai gives no position for some limits (operations): point at the hook instead.
    let (loc, label) = match loc_of(pos) {
        loc if loc.is_known() => (loc, format!("in {}", hook.name())),
        _ => (find_fn(file.text(), hook.name()), "this hook did not finish".to_owned()),
    };
    Diagnostic::error(code, format!("script {} failed in {}: {}", file.name(), hook.name(), strip_position(&message)))
        .at(file, loc)
        .with_label(label)
        .with_help(help)
}
