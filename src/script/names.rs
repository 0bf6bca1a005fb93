//! The ids a script may name, resolved once per model: for the script API at run time
//! (with a "did you mean") and for the static check of literal arguments.

use std::collections::BTreeMap;

use rhai::EvalAltResult;

use crate::compile::{Change, IdKind, Model};

type Res<T> = Result<T, Box<EvalAltResult>>;

/// Plan and scenario ids a script may name, resolved once per model.
#[derive(Debug, Clone, Default)]
pub struct ScriptNames {
    pub(super) sites: BTreeMap<String, usize>,
    pub(super) systems: BTreeMap<String, usize>,
    pub(super) people: BTreeMap<String, usize>,
    pub(super) channels: BTreeMap<String, usize>,
    pub(super) suppliers: BTreeMap<String, usize>,
    pub(super) functions: BTreeMap<String, usize>,
    pub(super) decisions: BTreeMap<String, usize>,
    /// Option ids per decision.
    pub(super) options: Vec<Vec<String>>,
}

fn index<'a>(ids: impl Iterator<Item = &'a String>) -> BTreeMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

impl ScriptNames {
    /// The ids of `m`.
    pub fn new(m: &Model) -> Self {
        ScriptNames {
            sites: index(m.sites.iter().map(|x| &x.id)),
            systems: index(m.systems.iter().map(|x| &x.id)),
            people: index(m.people.iter().map(|x| &x.id)),
            channels: index(m.channels.iter().map(|x| &x.id)),
            suppliers: index(m.suppliers.iter().map(|x| &x.id)),
            functions: index(m.functions.iter().map(|x| &x.id)),
            decisions: index(m.decisions.iter().map(|x| &x.id)),
            options: m.decisions.iter().map(|d| d.options.iter().map(|o| o.id.clone()).collect()).collect(),
        }
    }
}

pub(super) fn lookup(map: &BTreeMap<String, usize>, kind: &str, id: &str) -> Res<usize> {
    find(map, kind, id).map_err(Into::into)
}

/// An id's position, or the message saying it is unknown (with a "did you mean").
fn find(map: &BTreeMap<String, usize>, kind: &str, id: &str) -> Result<usize, String> {
    map.get(id).copied().ok_or_else(|| {
        let best = map
            .keys()
            .map(|k| (strsim::normalized_damerau_levenshtein(id, k), k))
            .filter(|(s, _)| *s >= 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        format!("unknown {kind} `{id}`{best}")
    })
}

impl ScriptNames {
    /// The map of ids a kind of reference names.
    fn of(&self, kind: IdKind) -> &BTreeMap<String, usize> {
        match kind {
            IdKind::Site => &self.sites,
            IdKind::System => &self.systems,
            IdKind::Person => &self.people,
            IdKind::Channel => &self.channels,
            IdKind::Supplier => &self.suppliers,
        }
    }

    /// Checks an id of `kind` (a plan kind's noun, `function` or `decision`), for the
    /// static check of literal arguments.
    pub(super) fn check(&self, kind: &str, id: &str) -> Result<(), String> {
        let map = match kind {
            "function" => &self.functions,
            "decision" => &self.decisions,
            "site" => &self.sites,
            "system" => &self.systems,
            "person" => &self.people,
            "channel" => &self.channels,
            _ => &self.suppliers,
        };
        find(map, kind, id).map(|_| ())
    }

    /// Checks an effect's ids: the message when one is unknown.
    pub(super) fn check_effect(&self, effect: &crate::format::effect::Effect) -> Result<(), String> {
        Change::resolve(effect, &mut |kind, id| find(self.of(kind), kind.noun(), id)).map(|_| ())
    }
}

/// Parses an effect as scripts write it (`"system_down core-db"`,
/// `"person_unavailable ma-jun 7d"`, `"declare"`) and resolves its id.
pub fn parse_change(names: &ScriptNames, text: &str) -> Res<Change> {
    use crate::format::effect::Effect;
    let effect: Effect = text.parse().map_err(|e: String| -> Box<EvalAltResult> { e.into() })?;
    Change::resolve(&effect, &mut |kind, id| lookup(names.of(kind), kind.noun(), id))
}
