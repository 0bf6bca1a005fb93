//! Checks of a scenario, on its own and against its plan.

use std::sync::Arc;

use super::Names;
use super::plan::PlanNames;
use crate::diag::{Diagnostic, SourceFile};
use crate::format::effect::Effect;
use crate::format::scenario::{Criterion, Scenario};
use crate::load::Document;
use crate::spanned::{Loc, Sp};

/// Checks a scenario. With `plan` (its namespaces, from [`super::check_plan`]) every
/// reference into the plan is resolved too.
pub fn check_scenario(scenario: &Document<Scenario>, plan: Option<&PlanNames>) -> Vec<Diagnostic> {
    let file = &scenario.file;
    let s = &scenario.doc;
    let mut out = Vec::new();
    let event_ids: Vec<Sp<String>> = s.injects.iter().map(|i| event_id(&i.event)).collect();
    let events = Names::collect("inject event", file, &event_ids, &mut out);
    let objectives = Names::collect("objective", file, s.objectives.iter().map(|o| &o.id), &mut out);
    let decisions = Names::collect("decision", file, s.decisions.iter().map(|d| &d.id), &mut out);
    let mut ck = ScenarioCheck { file, plan, out };
    ck.settings(s);
    ck.injects(s, &objectives);
    ck.decisions(s, &events);
    ck.objectives(s, &decisions);
    ck.scripts(s);
    if let Some(programme) = &s.programme {
        super::programme::check(scenario, programme, plan.map(|p| &p.risks), &mut ck.out);
    }
    ck.out
}

/// An event label as an id, so the same namespace machinery serves both.
fn event_id(label: &Sp<crate::format::Label>) -> Sp<String> {
    Sp { value: label.value.0.clone(), loc: label.loc }
}

struct ScenarioCheck<'a> {
    file: &'a Arc<SourceFile>,
    plan: Option<&'a PlanNames>,
    out: Vec<Diagnostic>,
}

impl ScenarioCheck<'_> {
    /// Date, duration, pace, and whether there is anything to play.
    fn settings(&mut self, s: &Scenario) {
        if let Some(date) = &s.date
            && date.value.parse::<jiff::civil::Date>().is_err()
        {
            self.out.push(
                Diagnostic::error("scenario::bad-date", format!("`{}` is not a date", date.value))
                    .at(self.file, date.loc)
                    .with_help("write the exercise date as YYYY-MM-DD, e.g. 2026-12-05"),
            );
        }
        if s.duration.value.0 == 0 {
            self.out.push(
                Diagnostic::error("scenario::zero-duration", "the exercise lasts no time at all")
                    .at(self.file, s.duration.loc)
                    .with_help("give the scenario time the exercise covers, e.g. `24h`"),
            );
        }
        if let Some(p) = &s.pace
            && !(p.value > 0.0 && p.value.is_finite())
        {
            self.out.push(
                Diagnostic::error("scenario::bad-pace", format!("pace {} must be a positive number", p.value))
                    .at(self.file, p.loc)
                    .with_help(
                        "scenario seconds per wall-clock second: 1 is real time, 60 makes a minute pass each second",
                    ),
            );
        }
        if s.injects.is_empty() {
            self.out.push(
                Diagnostic::warning("scenario::no-injects", "the scenario has no injects")
                    .at(self.file, s.id.loc)
                    .with_help("add injects: the MSEL rows that drive the exercise"),
            );
        }
    }

    /// Each inject: inside the exercise, its objectives known, its effects valid.
    fn injects(&mut self, s: &Scenario, objectives: &Names) {
        for inject in &s.injects {
            if inject.at.value.0 > s.duration.value.0 {
                self.out.push(
                    Diagnostic::warning(
                        "scenario::inject-after-end",
                        format!(
                            "inject {} falls at {}, after the exercise ends ({})",
                            inject.event.value, inject.at.value, s.duration.value
                        ),
                    )
                    .at(self.file, inject.at.loc)
                    .with_help("lengthen `duration` or move the inject earlier"),
                );
            }
            for o in &inject.objectives {
                objectives.resolve(self.file, o, &mut self.out);
            }
            for e in &inject.effects {
                if matches!(e.value, Effect::Declare) {
                    self.out.push(
                        Diagnostic::error("scenario::declare-in-inject", "an inject cannot declare a disaster")
                            .at(self.file, e.loc)
                            .with_help("declaration is made by a person: use `declare` in a decision option"),
                    );
                }
                self.effect(e);
            }
        }
    }

    /// Each decision: posed by exactly one trigger, its role and options known.
    fn decisions(&mut self, s: &Scenario, events: &Names) {
        for d in &s.decisions {
            self.role(&d.role);
            match (&d.at, &d.after_inject) {
                (Some(_), Some(a)) => self.out.push(
                    Diagnostic::error(
                        "scenario::decision-when",
                        format!("decision `{}` has both `at` and `after_inject`", d.id),
                    )
                    .at(self.file, a.loc)
                    .with_help("keep one: a fixed time, or the inject that triggers it"),
                ),
                // Without a trigger only a script can pose it (`pose("id")`).
                (None, None) if !s.scripts.is_empty() => {}
                (None, None) => self.out.push(
                    Diagnostic::error("scenario::decision-when", format!("decision `{}` is never posed", d.id))
                        .at(self.file, d.id.loc)
                        .with_help("add `at: T+0:30` or `after_inject: <event number>`, or pose it from a script"),
                ),
                (_, Some(a)) => {
                    events.resolve(self.file, &event_id(a), &mut self.out);
                }
                (Some(_), None) => {}
            }
            let options = Names::collect("option", self.file, d.options.iter().map(|o| &o.id), &mut self.out);
            options.resolve(self.file, &d.default, &mut self.out);
            if d.options.is_empty() {
                self.out.push(
                    Diagnostic::error("scenario::no-options", format!("decision `{}` has no options", d.id))
                        .at(self.file, d.id.loc)
                        .with_help("list the choices the players have"),
                );
            }
            for o in &d.options {
                for e in &o.effects {
                    self.effect(e);
                }
            }
            self.declaring_decision(d);
        }
    }

    /// A decision one of whose options declares a disaster is put to a role the plan
    /// allows to declare: otherwise the exercise rehearses an authority nobody has.
    fn declaring_decision(&mut self, d: &crate::format::scenario::DecisionPoint) {
        let Some(plan) = self.plan else { return };
        // An unknown role is an error already.
        if plan.roles.index(&d.role).is_none() {
            return;
        }
        let declares = d.options.iter().any(|o| o.effects.iter().any(|e| matches!(e.value, Effect::Declare)));
        if !declares || plan.declarers.is_empty() || plan.declarers.contains(&d.role.value) {
            return;
        }
        self.out.push(
            Diagnostic::warning(
                "scenario::declare-by-non-declarer",
                format!(
                    "decision `{}` can declare a disaster, but its role `{}` is not among the plan's declaring roles ({})",
                    d.id,
                    d.role,
                    plan.declarers.join(", ")
                ),
            )
            .at(self.file, d.role.loc)
            .with_help("put the decision to a declaring role, or add the role to the plan's `declaration.roles`"),
        );
    }

    /// Each objective measurable, its criteria naming what exists.
    fn objectives(&mut self, s: &Scenario, decisions: &Names) {
        for o in &s.objectives {
            if o.criteria.is_empty() {
                self.out.push(
                    Diagnostic::warning(
                        "scenario::objective-unmeasured",
                        format!("objective `{}` has no criteria", o.id),
                    )
                    .at(self.file, o.id.loc)
                    .with_help("add measurable criteria (function_within_rto, declared_within, …) so it can be rated"),
                );
            }
            for c in &o.criteria {
                match c {
                    Criterion::FunctionWithinRto(f)
                    | Criterion::FunctionWithinMtd(f)
                    | Criterion::FunctionWithinRpo(f) => {
                        self.plan_ref("function", f);
                    }
                    Criterion::StakeholderNotified(id) => self.plan_ref("stakeholder", id),
                    Criterion::DecisionWithin(dw) => {
                        decisions.resolve(self.file, &dw.decision, &mut self.out);
                    }
                    Criterion::AllFunctionsWithinRto
                    | Criterion::DeclaredWithin(_)
                    | Criterion::CallTreeCompleteWithin(_) => {}
                }
            }
        }
    }

    fn scripts(&mut self, s: &Scenario) {
        for sc in &s.scripts {
            if !sc.value.ends_with(".rhai") {
                self.out.push(
                    Diagnostic::warning("scenario::script-extension", format!("`{}` does not end in .rhai", sc.value))
                        .at(self.file, sc.loc)
                        .with_help("scenario scripts are Rhai files"),
                );
            }
        }
    }

    fn plan_ref(&mut self, kind: &str, id: &Sp<String>) {
        if let Some(names) = self.plan.and_then(|p| p.by_kind(kind)) {
            names.resolve(self.file, id, &mut self.out);
        }
    }

    fn role(&mut self, id: &Sp<String>) {
        self.plan_ref("role", id);
    }

    fn effect(&mut self, e: &Sp<Effect>) {
        if let Some((kind, id)) = e.value.target() {
            self.plan_ref(kind, id);
        }
        if let Effect::PersonUnavailable(u) = &e.value
            && u.duration.as_ref().is_some_and(|d| d.value.0 == 0)
        {
            let loc = u.duration.as_ref().map_or(Loc::default(), |d| d.loc);
            self.out.push(
                Diagnostic::warning(
                    "scenario::zero-unavailability",
                    format!("`{}` is unavailable for no time", u.person),
                )
                .at(self.file, loc)
                .with_help("leave out `for` to make them unavailable for the rest of the exercise"),
            );
        }
    }
}
