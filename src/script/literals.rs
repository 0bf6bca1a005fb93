//! The static check of what a script names: a literal id or effect passed to the script
//! API (`pose("failover")`, `apply("site_down dc-main")`, `schedule("30m", …, ["…"])`,
//! `is_system_up("core-db")`, …) is checked against the model when the script compiles,
//! so that a misspelt id fails `validate` with its place in the script instead of
//! stopping a live session. Arguments computed at run time cannot be checked here; the
//! run checks them when the call is made.

use std::collections::BTreeSet;
use std::sync::Arc;

use rhai::{AST, ASTNode, Expr, FnCallExpr, Position, Stmt};

use super::errors::loc_of;
use super::names::ScriptNames;
use crate::diag::{Diagnostic, SourceFile};
use crate::format::effect::Effect;
use crate::spanned::Loc;
use crate::time::parse_seconds;

/// What one argument of an API function must be.
#[derive(Debug, Clone, Copy)]
enum Arg {
    /// An id of a kind (`site`, `system`, …, `function`, `decision`).
    Id(&'static str),
    /// An effect in its text form.
    Effect,
    /// A delay: a duration such as `"30m"`, or seconds that are not negative.
    Delay,
    /// A duration such as `"1h 30m"`.
    Duration,
    /// A list of effects.
    Effects,
}

/// An API function whose literal arguments can be checked: name, arity, and what each
/// argument must be (by position).
type Checked = (&'static str, usize, &'static [(usize, Arg)]);

/// The API functions whose literal arguments can be checked.
const CHECKED: &[Checked] = &[
    ("apply", 1, &[(0, Arg::Effect)]),
    ("pose", 1, &[(0, Arg::Id("decision"))]),
    ("decision", 1, &[(0, Arg::Id("decision"))]),
    ("decided_by_default", 1, &[(0, Arg::Id("decision"))]),
    ("is_site_up", 1, &[(0, Arg::Id("site"))]),
    ("is_system_up", 1, &[(0, Arg::Id("system"))]),
    ("is_system_degraded", 1, &[(0, Arg::Id("system"))]),
    ("is_person_available", 1, &[(0, Arg::Id("person"))]),
    ("is_channel_up", 1, &[(0, Arg::Id("channel"))]),
    ("is_supplier_available", 1, &[(0, Arg::Id("supplier"))]),
    ("is_function_up", 1, &[(0, Arg::Id("function"))]),
    ("duration", 1, &[(0, Arg::Duration)]),
    ("schedule", 2, &[(0, Arg::Delay)]),
    ("schedule", 3, &[(0, Arg::Delay)]),
    ("schedule", 4, &[(0, Arg::Delay), (3, Arg::Effects)]),
];

/// Checks every call of the script API with literal arguments in `ast`, adding a
/// located error for each unknown id or unreadable effect or duration.
pub(super) fn check(file: &Arc<SourceFile>, ast: &AST, names: &ScriptNames, diags: &mut Vec<Diagnostic>) {
    // A script may define a function of the same name, which then is the one called.
    let own: BTreeSet<(String, usize)> = ast.iter_functions().map(|f| (f.name.to_owned(), f.params.len())).collect();
    let mut problems = Problems::new();
    ast.walk(&mut |path: &[ASTNode]| {
        let call = match path.last() {
            Some(ASTNode::Expr(Expr::FnCall(call, _))) | Some(ASTNode::Stmt(Stmt::FnCall(call, _))) => call,
            _ => return true,
        };
        if !own.contains(&(call.name.to_string(), call.args.len())) {
            check_call(call, names, &mut problems);
        }
        true
    });
    let mut located: Vec<(Loc, &'static str, String)> =
        problems.into_iter().map(|p| (locate(file, &p), p.code, p.message)).collect();
    located.sort_by_key(|p| (p.0.line, p.0.column));
    located.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    for (loc, code, message) in located {
        let help = match code {
            "script::unknown-id" => "ids are the plan's and the scenario's, as written there",
            _ => "see the script API in the README for the forms effects and durations take",
        };
        diags.push(
            Diagnostic::error(code, format!("{}: {message}", file.name()))
                .at(file, loc)
                .with_label("checked against the plan and scenario")
                .with_help(help),
        );
    }
}

/// A literal argument that does not check.
struct Problem {
    /// Where rhai puts the argument (a folded list of literals: the list).
    at: Position,
    /// The literal, with its quotes, to underline (and find inside a folded list).
    literal: Option<String>,
    code: &'static str,
    message: String,
}

type Problems = Vec<Problem>;

/// The literal's place in the script: at rhai's position, or the first place the literal
/// is written from there on (a list of literals is folded into one constant, whose
/// position is the list's).
fn locate(file: &SourceFile, p: &Problem) -> Loc {
    let at = loc_of(p.at);
    let Some(literal) = &p.literal else { return at };
    let (start, _) = file.byte_range(at);
    let text = file.text();
    let Some(offset) = text.get(start..).and_then(|rest| rest.find(literal.as_str())) else { return at };
    let before = &text[..start + offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Loc {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
        len: u32::try_from(literal.chars().count()).unwrap_or(1),
    }
}

fn check_call(call: &FnCallExpr, names: &ScriptNames, problems: &mut Problems) {
    let Some((name, _, args)) =
        CHECKED.iter().find(|(n, arity, _)| *n == call.name.as_str() && *arity == call.args.len())
    else {
        return;
    };
    for (i, arg) in *args {
        if let Some(expr) = call.args.get(*i) {
            check_arg(name, *arg, expr, names, problems);
        }
    }
}

fn check_arg(function: &str, arg: Arg, expr: &Expr, names: &ScriptNames, problems: &mut Problems) {
    let pos = expr.position();
    match (arg, expr) {
        (Arg::Effects, Expr::Array(items, _)) => {
            for item in items.iter() {
                check_arg(function, Arg::Effect, item, names, problems);
            }
        }
        // An array of literals the compiler folded into one constant: point at the array.
        (Arg::Effects, Expr::DynamicConstant(value, _)) => {
            if let Ok(items) = value.as_ref().clone().into_array() {
                for text in items.iter().filter_map(|v| v.clone().into_string().ok()) {
                    check_text(function, Arg::Effect, &text, pos, names, problems);
                }
            }
        }
        (Arg::Delay, Expr::IntegerConstant(secs, _)) if *secs < 0 => {
            let message = format!("`{function}` names a negative delay ({secs} seconds)");
            problems.push(Problem { at: pos, literal: None, code: "script::bad-argument", message });
        }
        (_, Expr::StringConstant(text, _)) => check_text(function, arg, text, pos, names, problems),
        _ => {}
    }
}

fn check_text(function: &str, arg: Arg, text: &str, pos: Position, names: &ScriptNames, problems: &mut Problems) {
    let problem = match arg {
        Arg::Id(kind) => names.check(kind, text).err().map(|m| ("script::unknown-id", m)),
        Arg::Effect => match text.parse::<Effect>() {
            Err(e) => Some(("script::bad-argument", format!("effect that does not read: `{text}`: {e}"))),
            Ok(effect) => names.check_effect(&effect).err().map(|m| ("script::unknown-id", m)),
        },
        Arg::Delay | Arg::Duration => {
            parse_seconds(text).err().map(|e| ("script::bad-argument", format!("unreadable duration: {e}")))
        }
        Arg::Effects => None,
    };
    if let Some((code, message)) = problem {
        // The literal as written, when it has no escapes (else rhai's position is kept).
        let literal = Some(format!("\"{text}\""));
        problems.push(Problem { at: pos, literal, code, message: format!("`{function}` names an {message}") });
    }
}
