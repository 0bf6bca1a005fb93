//! What held a function's recovery up, read from the results alone, so that the
//! finding (`detect/recovery.rs`) and the criterion's root cause (`rating.rs`) say the
//! same thing: the declaration, a step kept waiting by what it needed or by its role,
//! or a dependency still down after the procedure was done.

use crate::compile::{Change, Model};
use crate::ids::{DecisionId, RoleId};
use crate::results::{FunctionResult, OutageResult, Results, StepWaitResult};

/// What held a function's recovery up longest, as the log shows it.
pub(crate) enum HoldUp<'a> {
    /// Steps could start only once the disaster was declared, this long after the outage.
    Declaration,
    /// A step was ready from `ready` and had not started when the exercise ended,
    /// kept by `why` (its longest hold).
    NeverStarted { step: &'a str, ready: i64, why: Option<&'a StepWaitResult> },
    /// A step waited this long between being ready and starting, mostly for `why`.
    Waited { step: &'a str, wait: i64, ready: i64, started: i64, why: Option<&'a StepWaitResult> },
    /// The procedure was done at `done`, but the function waited until `until` for
    /// what it depends on.
    Dependency { done: i64, until: i64 },
    /// No step waited: the steps themselves took longer than the RTO.
    None,
}

/// The longest hold-up of an outage of a function with this RTO. The declaration counts
/// only when it alone made the difference: from it to the function's return (or the
/// end) fits in the RTO; otherwise the steps would have missed it anyway, and the next
/// hold-up is the one to name.
pub(crate) fn hold_up(o: &OutageResult, rto: i64, declared: Option<i64>, end: i64) -> HoldUp<'_> {
    let mut worst = HoldUp::None;
    let mut longest = 0;
    for s in &o.steps {
        let Some(ready) = s.ready_at else { continue };
        let why = s.waits.first();
        let (wait, this) = match s.started_at {
            Some(st) => (st - ready, HoldUp::Waited { step: &s.id, wait: st - ready, ready, started: st, why }),
            None => (end - ready, HoldUp::NeverStarted { step: &s.id, ready, why }),
        };
        if wait > longest {
            (longest, worst) = (wait, this);
        }
    }
    if let Some(at) = declared {
        // Steps wait for the declaration; it is the hold-up when it was the longest wait
        // and the rest of the recovery fitted in the RTO.
        let wait = at - o.start;
        let rest = o.recovered_at.unwrap_or(end) - at;
        if wait > longest && rest <= rto {
            (longest, worst) = (wait, HoldUp::Declaration);
        }
    }
    // After its procedure, a function waits for what it depends on to be back.
    if let Some(done) = o.procedure_done_at.filter(|_| !o.waited_for.is_empty()) {
        let until = o.recovered_at.unwrap_or(end);
        if until - done > longest {
            worst = HoldUp::Dependency { done, until };
        }
    }
    worst
}

/// Whether this outage missed its RTO mainly because the declaration came late: one
/// cause for every such function, said once ([`declaration_cause`]).
pub(super) fn held_by_declaration(r: &Results, f: &FunctionResult) -> bool {
    let declared = r.declaration.as_ref().map(|d| d.at);
    f.outages.first().is_some_and(|o| {
        o.within_rto == Some(false) && matches!(hold_up(o, f.rto, declared, r.ended_at), HoldUp::Declaration)
    })
}

/// Why the declaration came when it did.
pub(super) enum DeclarationCause {
    /// Nobody answered a decision whose default declares; the default applied `at`.
    Default { decision: DecisionId, at: i64 },
    /// Nobody holding the declaring role was reached until `reached`, after the call
    /// tree's deadline for it, `within` after the call began.
    DeclarerUnreached { role: RoleId, reached: i64, within: i64 },
    /// Whoever declared was reached in time and declared later.
    Slow,
}

/// Why the declaration came when it did, from the results: the decision whose default
/// declared at that moment, or the declaring role reached only after its deadline.
pub(super) fn declaration_cause(m: &Model, r: &Results) -> Option<DeclarationCause> {
    let d = r.declaration.as_ref()?;
    let by_default = r.decisions.iter().find_map(|x| {
        let di = crate::ids::all(&m.decisions).find(|&di| m.decisions[di].id == x.id)?;
        let dec = &m.decisions[di];
        let declares = x
            .option
            .as_ref()
            .and_then(|o| dec.options.iter().find(|opt| opt.id == *o))?
            .changes
            .contains(&Change::Declare);
        (x.by_default && declares && x.resolved_at == Some(d.at))
            .then_some(DeclarationCause::Default { decision: di, at: d.at })
    });
    if by_default.is_some() {
        return by_default;
    }
    let role = crate::ids::all(&m.roles).find(|&ri| m.roles[ri].id == d.role)?;
    // The first notification to reach the role, and whether it did so by its deadline.
    let first = r
        .notifications
        .iter()
        .filter(|n| n.to_role == d.role)
        .filter_map(|n| Some((n.reached_at?, n)))
        .min_by_key(|(t, _)| *t);
    match first {
        Some((reached, n)) if n.within_deadline == Some(false) => Some(DeclarationCause::DeclarerUnreached {
            role,
            reached,
            within: n.deadline_at.map_or(0, |dl| dl - n.started_at),
        }),
        _ => Some(DeclarationCause::Slow),
    }
}

/// Why a function's recovery waited `wait` for the declaration, as one sentence: the
/// root cause a criterion quotes and the start of the finding.
pub(super) fn declaration_because(m: &Model, r: &Results, lang: crate::lang::Lang, wait: i64) -> Option<String> {
    let say = &lang.catalogue().findings.declared_late;
    let wait = lang.duration(wait);
    Some(match declaration_cause(m, r)? {
        DeclarationCause::Default { decision, at } => {
            (say.because_default)(&wait, &m.decisions[decision].prompt, &crate::time::format_time(at))
        }
        DeclarationCause::DeclarerUnreached { role, reached, .. } => {
            (say.because_unreached)(&wait, &m.roles[role].name, &crate::time::format_time(reached))
        }
        DeclarationCause::Slow => (say.because_slow)(&wait),
    })
}
