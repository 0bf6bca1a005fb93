//! Script errors as diagnostics: at compile time, at run time (rhai's errors, the run's
//! limits and refused arguments), each located at script:line:column and naming the hook.

use std::sync::Arc;

use rhai::{EvalAltResult, Position};

use super::budget::Spent;
use super::limits::Fault;
use super::{Hook, MAX_CALL_LEVELS, MAX_COLLECTION, MAX_OPERATIONS, MAX_STRING};
use crate::diag::{Diagnostic, SourceFile};
use crate::spanned::Loc;

pub(super) fn loc_of(pos: Position) -> Loc {
    match (pos.line(), pos.position()) {
        (Some(line), col) => Loc {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(col.unwrap_or(1)).unwrap_or(u32::MAX),
            len: 1,
        },
        _ => Loc::default(),
    }
}

/// Where `fn name` is written in a script, for pointing at a hook definition.
pub(super) fn find_fn(text: &str, name: &str) -> Loc {
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.chars().count() - trimmed.chars().count();
        if let Some(rest) = trimmed.strip_prefix("fn ").or_else(|| trimmed.strip_prefix("private fn "))
            && rest.trim_start().starts_with(name)
        {
            let col = line.find(name).map_or(indent + 1, |b| line[..b].chars().count() + 1);
            return Loc {
                line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                column: u32::try_from(col).unwrap_or(u32::MAX),
                len: u32::try_from(name.chars().count()).unwrap_or(1),
            };
        }
    }
    Loc { line: 1, column: 1, len: 1 }
}

/// Drops rhai's " (line N, position M)" suffix: the diagnostic shows the place itself.
fn strip_position(message: &str) -> &str {
    message.rfind(" (line ").map_or(message, |i| &message[..i])
}

/// Why a hook call failed, if it did: a limit or refused argument the script met (even
/// if it caught the error), a spent operations budget (even if rhai swallowed the error
/// inside a callback), or rhai's own error. Each is located at the statement.
pub(super) fn hook_failure(
    file: &Arc<SourceFile>,
    hook: Hook,
    err: Option<&EvalAltResult>,
    fault: Option<Fault>,
    spent: Spent,
) -> Option<Diagnostic> {
    if let Some(fault) = fault {
        return Some(located(file, hook, fault.code, &fault.message, fault.at, fault.help));
    }
    if let Some(at) = spent.ran_out_at {
        return Some(located(file, hook, "script::too-many-operations", "too many operations", at, operations_help()));
    }
    err.map(|e| runtime_error(file, hook, e, spent.at))
}

fn operations_help() -> String {
    format!(
        "a hook may take at most {MAX_OPERATIONS} operations, counting the callbacks it passes to sort, \
         filter, map and the like; look for a loop that never ends"
    )
}

/// A rhai error at run time, located at the innermost position rhai knows; limits,
/// whose position rhai drops at function boundaries, at the last statement run.
fn runtime_error(file: &Arc<SourceFile>, hook: Hook, err: &EvalAltResult, last_statement: Position) -> Diagnostic {
    let mut inner = err;
    let mut pos = err.position();
    while let EvalAltResult::ErrorInFunctionCall(_, _, deeper, at) = inner {
        if !at.is_none() {
            pos = *at;
        }
        inner = deeper;
        if !inner.position().is_none() {
            pos = inner.position();
        }
    }
    let (code, help) = match inner {
        EvalAltResult::ErrorTooManyOperations(_) | EvalAltResult::ErrorTerminated(..) => {
            ("script::too-many-operations", operations_help())
        }
        EvalAltResult::ErrorStackOverflow(_) => (
            "script::too-deep",
            format!("calls may nest at most {MAX_CALL_LEVELS} deep; look for recursion without an end"),
        ),
        EvalAltResult::ErrorDataTooLarge(..) => (
            "script::too-large",
            format!("strings may hold {MAX_STRING} bytes, arrays and maps {MAX_COLLECTION} items"),
        ),
        _ => ("script::runtime", "the exercise stops here; fix the script and run again".to_owned()),
    };
    if inner.is_system_exception() && !last_statement.is_none() {
        pos = last_statement;
    }
    let message = match inner {
        EvalAltResult::ErrorTerminated(..) => "too many operations".to_owned(),
        other => strip_position(&other.to_string()).to_owned(),
    };
    located(file, hook, code, &message, pos, help)
}

fn located(
    file: &Arc<SourceFile>,
    hook: Hook,
    code: &'static str,
    message: &str,
    at: Position,
    help: String,
) -> Diagnostic {
    // Where rhai knows no position, point at the hook instead.
    let (loc, label) = match loc_of(at) {
        loc if loc.is_known() => (loc, format!("in {}", hook.name())),
        _ => (find_fn(file.text(), hook.name()), "this hook did not finish".to_owned()),
    };
    Diagnostic::error(code, format!("script {} failed in {}: {message}", file.name(), hook.name()))
        .at(file, loc)
        .with_label(label)
        .with_help(help)
}
