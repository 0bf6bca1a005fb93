//! The scenario's half of resolving: injects in delivery order, decisions, objectives
//! with their measures, and the effects they carry, as ids into the model.

use super::*;

impl Resolver<'_> {
    pub(super) fn injects_and_decisions(&mut self) -> (Vec<Inject>, Vec<Decision>) {
        let s = &self.scenario.doc;
        let n = self.names;
        // Injects in delivery order: by time, then as written.
        let mut order: Vec<usize> = (0..s.injects.len()).collect();
        order.sort_by_key(|&i| (s.injects[i].at.value.0, i));
        let injects: Vec<Inject> = order
            .iter()
            .map(|&i| {
                let inj = &s.injects[i];
                Inject {
                    event: inj.event.value.0.clone(),
                    at: inj.at.value.0,
                    title: inj.title.clone(),
                    changes: inj.effects.iter().map(|e| self.change(&e.value)).collect(),
                }
            })
            .collect();
        let decisions: Vec<Decision> = s
            .decisions
            .iter()
            .map(|d| {
                let trigger = match (&d.at, &d.after_inject) {
                    (Some(at), _) => Trigger::At(at.value.0),
                    (None, Some(ev)) => Trigger::AfterInject(InjectId::from_index(
                        injects.iter().position(|i| i.event == ev.value.0).unwrap_or(0),
                    )),
                    (None, None) => Trigger::Script,
                };
                Decision {
                    id: d.id.value.clone(),
                    role: self.one(&n.roles, &d.role, false),
                    prompt: d.prompt.clone(),
                    trigger,
                    deadline: d.deadline.value.0,
                    default: OptionId::from_index(
                        d.options.iter().position(|o| o.id.value == d.default.value).unwrap_or(0),
                    ),
                    options: d
                        .options
                        .iter()
                        .map(|o| DecisionOption {
                            id: o.id.value.clone(),
                            label: o.label.clone(),
                            changes: o.effects.iter().map(|e| self.change(&e.value)).collect(),
                        })
                        .collect(),
                }
            })
            .collect();
        (injects, decisions)
    }

    pub(super) fn objectives(&mut self, decisions: &[Decision]) -> Vec<Objective> {
        let s = &self.scenario.doc;
        s.objectives
            .iter()
            .map(|o| Objective {
                id: o.id.value.clone(),
                text: o.text.clone(),
                capability: o.capability.clone(),
                criteria: o.criteria.iter().map(|c| self.measure(c, decisions)).collect(),
            })
            .collect()
    }

    fn change(&mut self, e: &Effect) -> Change {
        let names = self.names;
        let file = &self.scenario.file;
        let diags = &mut self.diags;
        let resolved: Result<Change, std::convert::Infallible> = Change::resolve(e, &mut |kind, id| {
            let namespace = match kind {
                IdKind::Site => &names.sites,
                IdKind::System => &names.systems,
                IdKind::Person => &names.people,
                IdKind::Channel => &names.channels,
                IdKind::Supplier => &names.suppliers,
            };
            Ok(namespace.resolve(file, id, diags).unwrap_or(0))
        });
        match resolved {
            Ok(change) => change,
            Err(never) => match never {},
        }
    }

    fn measure(&mut self, c: &Criterion, decisions: &[Decision]) -> Measure {
        let n = self.names;
        match c {
            Criterion::FunctionWithinRto(f) => Measure::FunctionWithinRto(self.one(&n.functions, f, false)),
            Criterion::FunctionWithinMtd(f) => Measure::FunctionWithinMtd(self.one(&n.functions, f, false)),
            Criterion::FunctionWithinRpo(f) => Measure::FunctionWithinRpo(self.one(&n.functions, f, false)),
            Criterion::AllFunctionsWithinRto => Measure::AllFunctionsWithinRto,
            Criterion::StakeholderNotified(s) => Measure::StakeholderNotified(self.one(&n.stakeholders, s, false)),
            Criterion::DeclaredWithin(d) => Measure::DeclaredWithin(d.value.0),
            Criterion::CallTreeCompleteWithin(d) => Measure::CallTreeCompleteWithin(d.value.0),
            Criterion::DecisionWithin(dw) => Measure::DecisionWithin(
                DecisionId::from_index(decisions.iter().position(|d| d.id == dw.decision.value).unwrap_or(0)),
                dw.within.value.0,
            ),
        }
    }
}
