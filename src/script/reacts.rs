//! Which events an `on_event` hook can react to, read from its AST, so that the engine
//! calls it only for those. A hook reacts to a known set of kinds when its body is
//! nothing but `if` statements without `else`, each guarded by its condition: `kind ==
//! "a"` (or `"a" == kind`), `G && anything` (the guard first), or `G || H` (both
//! guards). For any other kind, such a body evaluates its conditions to false without
//! calling anything, drawing anything or changing anything, so not calling it changes
//! nothing but the count of hook calls. Any other body reacts to every kind.

use std::collections::BTreeSet;

use rhai::{AST, ASTNode, Expr, Stmt};

/// The event kinds `on_event` in `ast` can react to; `None` for every kind.
pub(super) fn event_kinds(ast: &AST) -> Option<BTreeSet<String>> {
    let def = ast.iter_functions().find(|f| f.name == "on_event" && f.params.len() == 2)?;
    let kind = def.params[0].to_owned();
    let hook = ast.clone_functions_only_filtered(|_, _, _, name, params| name == "on_event" && params == 2);
    let mut kinds = Some(BTreeSet::new());
    // The walk visits the body's statements with a path of one node, their parts deeper.
    hook.walk(&mut |path: &[ASTNode]| {
        if let [ASTNode::Stmt(stmt)] = path {
            let guarded = match stmt {
                Stmt::Noop(_) => Some(BTreeSet::new()),
                Stmt::If(flow, _) if flow.branch.is_empty() => guard(&flow.expr, &kind),
                _ => None,
            };
            kinds = match (kinds.take(), guarded) {
                (Some(mut all), Some(these)) => {
                    all.extend(these);
                    Some(all)
                }
                _ => None,
            };
        }
        kinds.is_some()
    });
    kinds
}

/// The kinds for which `expr` can be true; `None` when it is no guard on `kind`.
fn guard(expr: &Expr, kind: &str) -> Option<BTreeSet<String>> {
    match expr {
        Expr::FnCall(call, _) if call.name == "==" && call.args.len() == 2 => match (&call.args[0], &call.args[1]) {
            (Expr::Variable(v, ..), Expr::StringConstant(s, _))
            | (Expr::StringConstant(s, _), Expr::Variable(v, ..))
                if v.1 == kind =>
            {
                Some(BTreeSet::from([s.to_string()]))
            }
            _ => None,
        },
        Expr::And(parts, _) => parts.first().and_then(|first| guard(first, kind)),
        Expr::Or(parts, _) => parts.iter().try_fold(BTreeSet::new(), |mut all, part| {
            all.extend(guard(part, kind)?);
            Some(all)
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &str) -> Option<Vec<String>> {
        let engine = rhai::Engine::new_raw();
        let ast = engine.compile(format!("fn on_event(kind, subject) {{ {body} }}")).unwrap_or_else(|e| panic!("{e}"));
        event_kinds(&ast).map(|k| k.into_iter().collect())
    }

    #[test]
    fn guarded_ifs_name_the_kinds_they_react_to() {
        assert_eq!(kinds(""), Some(vec![]));
        assert_eq!(kinds(r#"if kind == "a" { log(subject); }"#), Some(vec!["a".into()]));
        assert_eq!(kinds(r#"if "a" == kind && subject == "x" { log(subject); }"#), Some(vec!["a".into()]));
        assert_eq!(
            kinds(r#"if kind == "a" || kind == "b" { log(1); } if kind == "c" { log(2); }"#),
            Some(vec!["a".into(), "b".into(), "c".into()])
        );
    }

    #[test]
    fn anything_else_reacts_to_every_kind() {
        assert_eq!(kinds(r#"log(kind);"#), None);
        assert_eq!(kinds(r#"if kind == "a" { log(1); } else { log(2); }"#), None);
        assert_eq!(kinds(r#"if subject == "x" && kind == "a" { log(1); }"#), None);
        assert_eq!(kinds(r#"if kind == "a" || rand_int(0, 1) == 1 { log(1); }"#), None);
        assert_eq!(kinds(r#"if kind != "a" { log(1); }"#), None);
        assert_eq!(kinds(r#"let k = kind; if k == "a" { log(1); }"#), None);
    }
}
