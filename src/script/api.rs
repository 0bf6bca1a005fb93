//! The functions scripts can call. They reach the run through the call's tag: a
//! [`Shared`] context holding a snapshot of the state, the run's generator and the
//! actions the script asks for, which the engine carries out when the hook returns.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use rhai::{Array, Dynamic, EvalAltResult, FuncRegistration, NativeCallContext};

use super::limits::{Counters, Fault};
use super::names::{ScriptNames, lookup, parse_change};
use crate::compile::Change;
use crate::ids::{DecisionId, Id};
use crate::rng::SimRng;
use crate::time::parse_seconds;

/// The context of one hook call, shared with the registered functions.
pub type Shared = Arc<Mutex<HookContext>>;

type Res<T> = Result<T, Box<EvalAltResult>>;

/// What a script asked the engine to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptAction {
    /// Apply an effect now.
    Apply(Change),
    /// Deliver a new inject after a delay.
    Schedule {
        /// Seconds from now.
        delay: i64,
        /// The inject's title as the players hear it.
        title: String,
        /// What the inject tells the players.
        description: String,
        /// What the inject changes when it arrives, resolved against the model.
        changes: Vec<Change>,
    },
    /// Pose a scenario decision now.
    Pose(DecisionId),
    /// Write a line to the exercise log (for the facilitator).
    Log(String),
}

/// The state of the run as a hook sees it: filled by the engine before each call, so
/// that scripts read plain values and never the engine's own state.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Scenario time.
    pub now: i64,
    /// Per site: up.
    pub site_up: Vec<bool>,
    /// Per system: up.
    pub system_up: Vec<bool>,
    /// Per system: running, but degraded.
    pub system_degraded: Vec<bool>,
    /// Per person: reachable.
    pub person_available: Vec<bool>,
    /// Per channel: working.
    pub channel_up: Vec<bool>,
    /// Per supplier: delivering (itself or through an alternate).
    pub supplier_available: Vec<bool>,
    /// Per function: not currently down.
    pub function_ok: Vec<bool>,
    /// Whether a disaster has been declared.
    pub declared: bool,
    /// Per decision: the option taken (by position), once answered.
    pub decided: Vec<Option<usize>>,
    /// Per decision: whether the answer was the default, the deadline having passed.
    pub defaulted: Vec<bool>,
    /// Injects scripts scheduled before this call (for numbering new ones).
    pub scheduled: usize,
}

/// The state a hook sees and the actions it asks for.
#[derive(Debug)]
pub struct HookContext {
    /// Ids scripts may name.
    pub names: Arc<ScriptNames>,
    /// The run as it stands.
    pub snapshot: Snapshot,
    /// What scripts remembered across hooks in this run.
    /// Shared with a [`Saved`] copy until a hook remembers something new, so that
    /// keeping it for a replay costs nothing.
    pub memory: Arc<BTreeMap<String, Dynamic>>,
    /// The run's generator, lent for the call.
    pub rng: SimRng,
    /// Actions, in the order asked for.
    pub actions: Vec<ScriptAction>,
    /// What scripts have done so far in this run, against the run's limits.
    pub counters: Counters,
    /// The first limit a script hit or argument it may not pass: it stops the run even
    /// if the script caught the error.
    pub fault: Option<Fault>,
}

impl HookContext {
    /// An empty context for a model's ids.
    pub fn new(names: Arc<ScriptNames>) -> Self {
        HookContext {
            names,
            snapshot: Snapshot::default(),
            memory: Arc::new(BTreeMap::new()),
            rng: SimRng::new(0),
            actions: Vec::new(),
            counters: Counters::default(),
            fault: None,
        }
    }
}

/// What a hook call may change in its context, kept to play the call again.
#[derive(Debug)]
pub struct Saved {
    rng: SimRng,
    memory: Arc<BTreeMap<String, Dynamic>>,
    counters: Counters,
    actions: usize,
}

impl HookContext {
    /// Keeps what a hook call may change.
    pub fn save(&self) -> Saved {
        Saved {
            rng: self.rng.clone(),
            memory: Arc::clone(&self.memory),
            counters: self.counters.clone(),
            actions: self.actions.len(),
        }
    }

    /// Puts back what [`HookContext::save`] kept, as if the call had not been made.
    pub fn restore(&mut self, saved: Saved) {
        self.rng = saved.rng;
        self.memory = saved.memory;
        self.counters = saved.counters;
        self.actions.truncate(saved.actions);
        self.fault = None;
    }
}

fn context(ctx: &NativeCallContext) -> Res<Shared> {
    ctx.tag()
        .and_then(|t| t.clone().try_cast::<Shared>())
        .ok_or_else(|| "this function can only be called from a hook while the exercise runs".into())
}

fn lock(shared: &Shared) -> Res<MutexGuard<'_, HookContext>> {
    shared.lock().map_err(|_| "the exercise state is unavailable after an earlier script error".into())
}

/// A flag by index; false when out of range (never, for ids resolved against the model).
fn flag(v: &[bool], i: usize) -> bool {
    v.get(i).copied().unwrap_or(false)
}

/// Refuses a call: keeps the fault, located at the call, and returns the error that
/// stops the hook.
fn refuse(c: &mut HookContext, ctx: &NativeCallContext, fault: Fault) -> Box<EvalAltResult> {
    let message = fault.message.clone();
    if c.fault.is_none() {
        c.fault = Some(Fault { at: ctx.call_position(), ..fault });
    }
    message.into()
}

fn delay_of(d: &Dynamic) -> Res<i64> {
    if let Some(secs) = d.clone().try_cast::<i64>() {
        return if secs >= 0 { Ok(secs) } else { Err("a delay cannot be negative".into()) };
    }
    match d.clone().into_string() {
        Ok(text) => parse_seconds(&text).map_err(|e| e.to_string().into()),
        Err(_) => Err("a delay is a duration such as \"30m\" or a number of seconds".into()),
    }
}

fn schedule(ctx: &NativeCallContext, delay: &Dynamic, title: &str, description: &str, effects: &Array) -> Res<String> {
    let shared = context(ctx)?;
    let mut c = lock(&shared)?;
    if let Err(fault) = c.counters.may_react("schedule").and_then(|()| c.counters.schedule()) {
        return Err(refuse(&mut c, ctx, fault));
    }
    let delay = delay_of(delay)?;
    let mut changes = Vec::with_capacity(effects.len());
    for e in effects {
        let text = e.clone().into_string().map_err(|_| "effects are strings such as \"system_down core-db\"")?;
        changes.push(parse_change(&c.names, &text)?);
    }
    let earlier = c.actions.iter().filter(|k| matches!(k, ScriptAction::Schedule { .. })).count();
    c.actions.push(ScriptAction::Schedule {
        delay,
        title: title.to_owned(),
        description: description.to_owned(),
        changes,
    });
    Ok(format!("S{}", c.snapshot.scheduled + earlier + 1))
}

/// Registers a state query: volatile, so the optimiser never folds it into a constant.
fn query(engine: &mut rhai::Engine, name: &str, f: fn(&HookContext, &str) -> Res<bool>) {
    FuncRegistration::new(name).with_volatility(true).register_into_engine(
        engine,
        move |ctx: NativeCallContext, id: &str| -> Res<bool> {
            let shared = context(&ctx)?;
            let c = lock(&shared)?;
            f(&c, id)
        },
    );
}

/// Registers every function of the script API.
pub fn register(engine: &mut rhai::Engine) {
    register_queries(engine);
    register_actions(engine);
    register_memory(engine);
    register_randomness(engine);
    FuncRegistration::new("duration").with_volatility(false).register_into_engine(engine, |text: &str| -> Res<i64> {
        parse_seconds(text).map_err(|e| e.to_string().into())
    });
}

/// What a script may ask of the state of the run (read-only).
fn register_queries(engine: &mut rhai::Engine) {
    query(engine, "is_site_up", |c, id| Ok(flag(&c.snapshot.site_up, lookup(&c.names.sites, "site", id)?)));
    query(engine, "is_system_up", |c, id| Ok(flag(&c.snapshot.system_up, lookup(&c.names.systems, "system", id)?)));
    query(engine, "is_system_degraded", |c, id| {
        Ok(flag(&c.snapshot.system_degraded, lookup(&c.names.systems, "system", id)?))
    });
    query(engine, "is_person_available", |c, id| {
        Ok(flag(&c.snapshot.person_available, lookup(&c.names.people, "person", id)?))
    });
    query(engine, "is_channel_up", |c, id| Ok(flag(&c.snapshot.channel_up, lookup(&c.names.channels, "channel", id)?)));
    query(engine, "is_supplier_available", |c, id| {
        Ok(flag(&c.snapshot.supplier_available, lookup(&c.names.suppliers, "supplier", id)?))
    });
    query(engine, "is_function_up", |c, id| {
        Ok(flag(&c.snapshot.function_ok, lookup(&c.names.functions, "function", id)?))
    });
    FuncRegistration::new("is_declared")
        .with_volatility(true)
        .register_into_engine(engine, |ctx: NativeCallContext| -> Res<bool> {
            Ok(lock(&context(&ctx)?)?.snapshot.declared)
        });
    FuncRegistration::new("now")
        .with_volatility(true)
        .register_into_engine(engine, |ctx: NativeCallContext| -> Res<i64> { Ok(lock(&context(&ctx)?)?.snapshot.now) });
    FuncRegistration::new("decision").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, id: &str| -> Res<String> {
            let shared = context(&ctx)?;
            let c = lock(&shared)?;
            let d = lookup(&c.names.decisions, "decision", id)?;
            let option = c.snapshot.decided.get(d).copied().flatten();
            Ok(option.and_then(|o| c.names.options.get(d)?.get(o).cloned()).unwrap_or_default())
        },
    );
    FuncRegistration::new("decided_by_default").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, id: &str| -> Res<bool> {
            let shared = context(&ctx)?;
            let c = lock(&shared)?;
            let d = lookup(&c.names.decisions, "decision", id)?;
            Ok(flag(&c.snapshot.defaulted, d))
        },
    );
}

/// What a script may do to the run: each action is counted against the self-reaction
/// limits before it is queued for the engine.
fn register_actions(engine: &mut rhai::Engine) {
    FuncRegistration::new("apply").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, effect: &str| -> Res<()> {
            let shared = context(&ctx)?;
            let mut c = lock(&shared)?;
            if let Err(fault) = c.counters.may_react("apply") {
                return Err(refuse(&mut c, &ctx, fault));
            }
            let change = parse_change(&c.names, effect)?;
            c.actions.push(ScriptAction::Apply(change));
            Ok(())
        },
    );
    FuncRegistration::new("schedule")
        .with_volatility(true)
        .register_into_engine(engine, |ctx: NativeCallContext, delay: Dynamic, title: &str| {
            schedule(&ctx, &delay, title, "", &Array::new())
        });
    FuncRegistration::new("schedule").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, delay: Dynamic, title: &str, description: &str| {
            schedule(&ctx, &delay, title, description, &Array::new())
        },
    );
    FuncRegistration::new("schedule").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, delay: Dynamic, title: &str, description: &str, effects: Array| {
            schedule(&ctx, &delay, title, description, &effects)
        },
    );
    FuncRegistration::new("pose").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, id: &str| -> Res<()> {
            let shared = context(&ctx)?;
            let mut c = lock(&shared)?;
            if let Err(fault) = c.counters.may_react("pose") {
                return Err(refuse(&mut c, &ctx, fault));
            }
            let d = lookup(&c.names.decisions, "decision", id)?;
            c.actions.push(ScriptAction::Pose(DecisionId::from_index(d)));
            Ok(())
        },
    );
}

/// The script's own memory between hooks, and its facilitator notes (bounded in volume).
fn register_memory(engine: &mut rhai::Engine) {
    FuncRegistration::new("remember").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, key: &str, value: Dynamic| -> Res<()> {
            Arc::make_mut(&mut lock(&context(&ctx)?)?.memory).insert(key.to_owned(), value);
            Ok(())
        },
    );
    FuncRegistration::new("recall").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, key: &str| -> Res<Dynamic> {
            Ok(lock(&context(&ctx)?)?.memory.get(key).cloned().unwrap_or(Dynamic::UNIT))
        },
    );
    FuncRegistration::new("log").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, text: &str| -> Res<()> {
            let shared = context(&ctx)?;
            let mut c = lock(&shared)?;
            if let Err(fault) = c.counters.log(text.len()) {
                return Err(refuse(&mut c, &ctx, fault));
            }
            c.actions.push(ScriptAction::Log(text.to_owned()));
            Ok(())
        },
    );
}

/// Randomness: only the run's seeded generator, and volatile so that no draw is ever
/// folded into the compiled script.
fn register_randomness(engine: &mut rhai::Engine) {
    FuncRegistration::new("rand_int").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, lo: i64, hi: i64| -> Res<i64> {
            let shared = context(&ctx)?;
            let mut c = lock(&shared)?;
            if lo > hi {
                let fault = Fault::new(
                    "script::bad-argument",
                    format!("rand_int({lo}, {hi}): the lower bound is above the upper"),
                    "write rand_int(low, high) with low <= high; both bounds can be drawn",
                );
                return Err(refuse(&mut c, &ctx, fault));
            }
            Ok(c.rng.int_between(lo, hi))
        },
    );
    FuncRegistration::new("rand_float")
        .with_volatility(true)
        .register_into_engine(engine, |ctx: NativeCallContext| -> Res<f64> { Ok(lock(&context(&ctx)?)?.rng.unit()) });
    FuncRegistration::new("chance").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, p: f64| -> Res<bool> {
            let shared = context(&ctx)?;
            let mut c = lock(&shared)?;
            // Written this way round so that NaN is refused too.
            if !(0.0..=1.0).contains(&p) {
                let fault = Fault::new(
                    "script::bad-argument",
                    format!("chance({p}): a probability is a number from 0 to 1"),
                    "write chance(0.25) for one in four",
                );
                return Err(refuse(&mut c, &ctx, fault));
            }
            Ok(c.rng.chance(p))
        },
    );
    FuncRegistration::new("pick").with_volatility(true).register_into_engine(
        engine,
        |ctx: NativeCallContext, items: Array| -> Res<Dynamic> {
            if items.is_empty() {
                return Err("pick needs a non-empty array".into());
            }
            let i = lock(&context(&ctx)?)?.rng.int_between(0, items.len() as i64 - 1);
            Ok(items.get(i as usize).cloned().unwrap_or(Dynamic::UNIT))
        },
    );
}
