//! Checks of the programme sections: the plan's risk register and drill requirements,
//! a scenario's `programme:` (the risks it names, its delivery window).

use super::Names;
use super::plan::PlanCheck;
use crate::diag::Diagnostic;
use crate::format::programme::{ScenarioProgramme, minute_of_day};
use crate::format::scenario::Scenario;
use crate::load::Document;

impl PlanCheck<'_> {
    /// Likelihood and impact on the 1–5 scale, threatened functions that exist.
    pub(super) fn risks(&mut self) {
        let (p, n) = (self.p, self.n);
        for r in &p.risks {
            for (what, v) in [("likelihood", &r.likelihood), ("impact", &r.impact)] {
                if !(1..=5).contains(&v.value) {
                    self.error(
                        "plan::risk-scale",
                        v.loc,
                        format!("risk `{}` has {what} {}, outside 1 to 5", r.id, v.value),
                        "likelihood and impact are on the 1 (low) to 5 (high) scale of the risk matrix",
                    );
                }
            }
            for f in &r.threatens {
                self.resolve(&n.functions, f);
            }
        }
        if let Some(d) = &p.drills {
            for v in [&d.tabletop, &d.live, &d.unannounced].into_iter().flatten() {
                if v.value > 52 {
                    self.error(
                        "plan::risk-scale",
                        v.loc,
                        format!("{} exercises a year is more than one a week", v.value),
                        "give how many exercises of this kind a year the plan requires",
                    );
                }
            }
        }
    }
}

/// The scenario's programme section: risks named exist in the plan's register (when the
/// plan is known), the window reads and allows some time.
pub(super) fn check(
    scenario: &Document<Scenario>,
    programme: &ScenarioProgramme,
    risks: Option<&Names>,
    out: &mut Vec<Diagnostic>,
) {
    let file = &scenario.file;
    // A plan without a register (an older copy, another year's) says nothing about risks,
    // so naming them is no fault; against a register, an unknown one is likely a typo, but
    // it changes nothing in a run, so it is a warning.
    for r in programme.risks.iter().filter(|_| risks.is_some_and(|n| !n.is_empty())) {
        let Some(names) = risks.filter(|n| !n.contains(&r.value)) else { continue };
        let help = names.suggest(&r.value).map_or_else(
            || "name a risk of the plan's `risks:` register".to_owned(),
            |best| format!("did you mean `{best}`?"),
        );
        out.push(
            Diagnostic::warning("scenario::unknown-risk", format!("the plan's register has no risk `{}`", r.value))
                .at(file, r.loc)
                .with_label("not in the plan's `risks:`")
                .with_help(help),
        );
    }
    Names::collect("variant", file, programme.variants.iter().map(|v| &v.id), out);
    let Some(w) = &programme.window else { return };
    let from = minute_of_day(&w.from.value);
    let to = minute_of_day(&w.to.value);
    for (t, m) in [(&w.from, from), (&w.to, to)] {
        if m.is_none() {
            out.push(
                Diagnostic::error("scenario::bad-window", format!("`{}` is not a time of day", t.value))
                    .at(file, t.loc)
                    .with_help("write times of day as HH:MM, e.g. 09:00; `to` may be 24:00"),
            );
        }
    }
    if let (Some(a), Some(b)) = (from, to)
        && a >= b
    {
        out.push(
            Diagnostic::error("scenario::bad-window", format!("the window closes at {} before it opens", w.to.value))
                .at(file, w.to.loc)
                .with_help("`to` must be later than `from` on the same day"),
        );
    }
    if w.days.is_empty() {
        out.push(
            Diagnostic::error("scenario::bad-window", "the window allows no day of the week")
                .at(file, w.from.loc)
                .with_help("list the days a drill may start on, e.g. `days: [mon, tue, wed, thu, fri]`"),
        );
    }
}
