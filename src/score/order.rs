//! Whether functions came back in priority order, and the sentence that says so.

use super::{FunctionScore, Lang, OrderBreach};

/// Each less urgent function that came back while a more urgent one, already down when
/// it went down, was still down: the order a plan's priorities ask for was not kept.
pub(super) fn breaches(functions: &[FunctionScore]) -> Vec<OrderBreach> {
    let mut out = Vec::new();
    for a in functions {
        let (Some(sa), Some(back)) = (a.start, a.back_after) else { continue };
        let a_back = sa + back;
        for b in functions.iter().filter(|b| b.priority < a.priority) {
            let Some(sb) = b.start else { continue };
            let b_down_then = sb <= sa && b.back_after.is_none_or(|x| sb + x > a_back);
            if b_down_then {
                out.push(OrderBreach {
                    first: a.name.clone(),
                    first_priority: a.priority,
                    later: b.name.clone(),
                    later_priority: b.priority,
                });
            }
        }
    }
    out
}

/// The recovery order in words. "Kept" is said only when every disrupted function came
/// back and none before a more urgent one; functions still down are named instead.
pub(super) fn in_words(
    functions: &[FunctionScore],
    breaches: &[OrderBreach],
    not_back: &[String],
    end: &str,
    lang: Lang,
) -> String {
    let say = &lang.catalogue().scorecard;
    if !functions.iter().any(|f| f.disrupted) {
        return say.order_nothing_disrupted.to_owned();
    }
    let mut sentences: Vec<String> = breaches
        .iter()
        .map(|b| {
            let first = format!("{} (P{})", b.first, b.first_priority);
            let later = format!("{} (P{})", b.later, b.later_priority);
            if not_back.contains(&b.later) {
                (say.order_back_while_down)(&first, &later)
            } else {
                (say.order_back_before)(&first, &later)
            }
        })
        .collect();
    if !not_back.is_empty() {
        let names: Vec<&str> = not_back.iter().map(String::as_str).collect();
        sentences.push((say.order_not_back)(&names, end));
    }
    if sentences.is_empty() {
        sentences.push(say.order_kept.to_owned());
    }
    // Chinese sentences follow each other without a space.
    sentences.join(if lang == Lang::Zh { "" } else { " " })
}
