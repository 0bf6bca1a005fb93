//! One namespace of ids (sites, systems, people, …): duplicates on the way in,
//! unknown references with a "did you mean" on the way out.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diag::{Diagnostic, SourceFile};
use crate::format::Id;
use crate::spanned::Loc;

/// The ids defined in one namespace, with where each was defined.
#[derive(Debug, Clone)]
pub struct Names {
    kind: &'static str,
    ids: BTreeMap<String, (usize, Loc)>,
}

impl Names {
    /// Collects ids of one kind, reporting each one defined twice.
    pub fn collect<'a>(
        kind: &'static str,
        file: &Arc<SourceFile>,
        ids: impl IntoIterator<Item = &'a Id>,
        out: &mut Vec<Diagnostic>,
    ) -> Names {
        let mut map = BTreeMap::new();
        for (index, id) in ids.into_iter().enumerate() {
            if id.value.trim().is_empty() {
                out.push(Diagnostic::error("check::empty-id", format!("empty {kind} id")).at(file, id.loc));
                continue;
            }
            if let Some((_, first)) = map.get(&id.value) {
                let first: &Loc = first;
                out.push(
                    Diagnostic::error("check::duplicate-id", format!("{kind} `{}` is defined twice", id.value))
                        .at(file, id.loc)
                        .with_label("second definition")
                        .with_help(format!("the first is at line {}; ids must be unique among {kind}s", first.line)),
                );
                continue;
            }
            map.insert(id.value.clone(), (index, id.loc));
        }
        Names { kind, ids: map }
    }

    /// The index (position in the file) of an id, if defined.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).map(|(i, _)| *i)
    }

    /// Whether no id is defined.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether the id is defined.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Resolves a reference, reporting it with a suggestion when unknown.
    pub fn resolve(&self, file: &Arc<SourceFile>, id: &Id, out: &mut Vec<Diagnostic>) -> Option<usize> {
        if let Some(i) = self.index(&id.value) {
            return Some(i);
        }
        let mut d = Diagnostic::error("check::unknown-reference", format!("unknown {} `{}`", self.kind, id.value))
            .at(file, id.loc)
            .with_label(format!("no {} has this id", self.kind));
        d = match self.suggest(&id.value) {
            Some(best) => d.with_help(format!("did you mean `{best}`?")),
            None if self.ids.is_empty() => d.with_help(format!("no {}s are defined", self.kind)),
            None => d.with_help(format!("known {}s: {}", self.kind, self.listing())),
        };
        out.push(d);
        None
    }

    /// The closest defined id, if one is close enough to be a likely typo.
    pub fn suggest(&self, wrong: &str) -> Option<&str> {
        self.ids
            .keys()
            .map(|k| (strsim::normalized_damerau_levenshtein(wrong, k), k))
            .filter(|(score, _)| *score >= 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, k)| k.as_str())
    }

    fn listing(&self) -> String {
        let mut names: Vec<String> = self.ids.keys().take(8).map(|k| format!("`{k}`")).collect();
        if self.ids.len() > 8 {
            names.push("…".to_owned());
        }
        names.join(", ")
    }
}
