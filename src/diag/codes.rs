//! Every diagnostic code sandtable reports, with what it means: one list for users
//! searching an error, and for tests (`tests/codes.rs` checks that this list and the
//! codes used in `src/` agree, and that a fixture provokes each code).
//!
//! A code is `namespace::name`: `input` for reading files, `yaml` and `format` for
//! parsing, `check` for ids in any file, `plan` and `scenario` for the checks of each,
//! `decisions` for decisions files, `script` for Rhai scripts, `report` for templates.
//! Codes are stable: tests, editors and users' notes may match on them.

/// Each code and a one-line description; warnings say so, everything else is an error.
/// Sorted by code.
pub const CODES: &[(&str, &str)] = &[
    (
        "check::duplicate-id",
        "an id is defined twice among its kind (sites, people, steps of one procedure, injects, …)",
    ),
    ("check::empty-id", "an id is empty or blank"),
    ("check::unknown-reference", "a reference names an id that is not defined (with a \"did you mean\")"),
    ("decisions::unknown-option", "a decisions file answers a decision with an option it does not have"),
    ("format::version", "a file has no `format_version`, or one this release does not read"),
    ("input::empty", "a file is empty"),
    ("input::encoding", "a file is not UTF-8 text"),
    ("input::kind", "a YAML file is neither a plan, a scenario nor a decisions file"),
    ("input::read", "a file cannot be read: missing, a directory, unreadable or over the size limit"),
    (
        "journal::inconsistent",
        "a session journal has no start line (or two), a time going backwards, a second answer to one question, a negative latency, or a newer layout",
    ),
    (
        "journal::other-inputs",
        "a session journal records another scenario, other file contents (by SHA-256) or another seed than the run asks for",
    ),
    (
        "journal::partial-line",
        "a session journal's last line was cut short by a crash; it is left out (and cut away on resume)",
    ),
    (
        "journal::unknown-answer",
        "a session journal answers a decision the scenario does not have, or with an option it does not have",
    ),
    ("journal::unreadable", "a line of a session journal is not a journal entry"),
    ("library::function-not-disrupted", "warning: no scenario of the library disrupts a critical function of the plan"),
    (
        "library::risk-not-exercised",
        "warning: a high risk of the register (likelihood × impact at least 12) is exercised by no scenario of the library",
    ),
    ("library::unknown-scenario", "warning: a risk's `scenarios:` names a scenario the library does not hold"),
    ("plan::alternate-is-self", "a supplier is named as its own alternate"),
    ("plan::backup-on-site", "warning: a system's backups are kept at the site it runs at"),
    ("plan::backup-repeats", "a role names the same person twice (the primary again as a backup, or a backup twice)"),
    ("plan::bad-distribution", "a duration distribution has impossible parameters (minimum over maximum, …)"),
    ("plan::bad-probability", "an `answer_rate` is outside 0 to 1"),
    ("plan::bad-slowdown", "a role's `backup_slowdown` is not a positive number"),
    ("plan::call-tree-unreachable", "warning: a call-tree link starts from a role the call tree never notifies"),
    (
        "plan::channel-shares-site",
        "warning: a channel runs on a system without fail-over at the same site as the critical systems",
    ),
    ("plan::dependency-cycle", "systems depend on each other in a circle"),
    ("plan::empty-procedure", "warning: a procedure has no steps"),
    ("plan::failover-to-self", "a system fails over to the site it runs at"),
    ("plan::no-backup", "warning: a system a function needs has neither backups nor replication"),
    ("plan::no-backup-person", "warning: a role has no backup person"),
    ("plan::no-call-tree", "warning: the plan has roles but no call tree, so nobody is alerted"),
    ("plan::no-declaration", "warning: no role may declare a disaster, so recovery never starts"),
    ("plan::no-procedure", "warning: a critical function has no recovery procedure"),
    ("plan::priority-order", "warning: a more urgent priority tier has a longer RTO than a less urgent one"),
    ("plan::risk-scale", "a risk's likelihood or impact is outside 1 to 5, or the drills ask for more than one a week"),
    ("plan::rpo-unreachable", "warning: a system is backed up or replicated less often than a function's RPO needs"),
    ("plan::rto-over-mtd", "a function's RTO is longer than its MTD"),
    ("plan::rto-wrt-over-mtd", "a function's RTO plus its work recovery time is longer than its MTD"),
    ("plan::runbook-at-risk", "warning: a runbook is kept at the site of the systems it recovers"),
    ("plan::single-channel", "warning: someone the call tree reaches has one channel at most"),
    ("plan::single-source", "warning: a function depends on a supplier with no alternate"),
    ("plan::stakeholder-without-channel", "a stakeholder lists no channels to notify them by"),
    ("plan::step-cycle", "steps of a procedure wait for each other in a circle"),
    ("report::template", "a report template does not parse or render"),
    ("scenario::bad-date", "the exercise date is not a YYYY-MM-DD date"),
    ("scenario::bad-pace", "the live-play `pace` is not a positive number"),
    (
        "scenario::bad-window",
        "a scenario's `programme.window` has a time that does not read, closes before it opens, or no day",
    ),
    (
        "scenario::decision-when",
        "a decision has both `at` and `after_inject`, or neither while no script could pose it",
    ),
    (
        "scenario::declare-by-non-declarer",
        "warning: a decision that can declare is put to a role the plan does not let declare",
    ),
    ("scenario::declare-in-inject", "an inject has the `declare` effect, which only a decision option may have"),
    ("scenario::inject-after-end", "warning: an inject falls after the exercise ends"),
    ("scenario::no-injects", "warning: the scenario has no injects"),
    ("scenario::no-options", "a decision has no options"),
    ("scenario::objective-unmeasured", "warning: an objective has no criteria, so it cannot be rated"),
    ("scenario::plan-missing", "the plan a scenario names cannot be read"),
    ("scenario::script-extension", "warning: a script's file name does not end in .rhai"),
    ("scenario::script-missing", "a script the scenario lists cannot be read"),
    (
        "scenario::unknown-risk",
        "warning: a scenario's `programme.risks` names a risk the plan's register does not have",
    ),
    ("scenario::zero-duration", "the exercise lasts no time"),
    ("scenario::zero-unavailability", "warning: a person is made unavailable for no time"),
    (
        "script::bad-argument",
        "a script passes what an API function cannot take: an effect or duration that does not read, a negative \
         delay, `rand_int` with its bounds reversed, a `chance` outside 0 to 1",
    ),
    (
        "script::hook-loop",
        "scripts kept reacting to their own effects: too many hook calls at one moment or in one run",
    ),
    ("script::hook-params", "a hook is defined with the wrong number of parameters"),
    ("script::runtime", "a script failed while running (an unknown function or id, a type error, …)"),
    ("script::state", "the exercise state was lost after a script error (its lock was poisoned)"),
    ("script::syntax", "a script does not compile: syntax, an undefined variable, `import`, `eval`, nesting too deep"),
    ("script::too-deep", "a script's calls nested deeper than the limit (recursion without end)"),
    ("script::too-large", "a script built a string, array or map over the size limit"),
    ("script::too-many-injects", "scripts scheduled more injects than the limit, in the run or at one moment"),
    (
        "script::too-many-operations",
        "a hook call took more operations than the limit, callbacks included (a loop without end)",
    ),
    ("script::too-much-log", "scripts logged more lines or bytes than the limit in one run"),
    ("script::unknown-hook", "a script defines a function named `on_…` that is not a hook"),
    ("script::unknown-id", "a script names, in a literal argument, an id the plan or scenario does not have"),
    (
        "yaml::invalid",
        "text that does not read as the format: YAML syntax, an unknown field or word, a missing field, a duration without a unit, …",
    ),
];

#[cfg(test)]
mod tests {
    use super::CODES;

    #[test]
    fn codes_are_sorted_unique_and_well_formed() {
        assert!(CODES.windows(2).all(|w| w[0].0 < w[1].0), "CODES must be sorted by code, without repeats");
        for (code, what) in CODES {
            let (ns, name) = code.split_once("::").unwrap_or(("", ""));
            assert!(!ns.is_empty() && ns.chars().all(|c| c.is_ascii_lowercase()), "{code}: bad namespace");
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{code}: the name must be kebab-case"
            );
            assert!(!what.is_empty(), "{code}: no description");
        }
    }
}
