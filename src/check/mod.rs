//! Semantic validation of a whole model: references, cycles, objectives that contradict
//! each other, and the plan weaknesses a business-continuity manager wants caught.
//!
//! Errors make a model unusable; warnings are printed and do not stop anything.
//! Checks never stop at the first problem: they report everything they find.

mod names;
mod plan;
mod programme;
mod scenario;
mod weaknesses;

pub use names::Names;
pub use plan::{PlanNames, check_plan};
pub use scenario::check_scenario;

use crate::diag::Diagnostic;

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Finds the first cycle in a directed graph given as adjacency lists over `0..n`,
/// returned as the nodes along it (first node repeated at the end).
pub(crate) fn find_cycle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    for root in 0..edges.len() {
        if mark[root] != Mark::New {
            continue;
        }
        // Iterative DFS: a 10 000-node dependency chain must not overflow the stack.
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        let mut path = vec![root];
        mark[root] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                match mark[to] {
                    Mark::Open => {
                        let from = path.iter().position(|&p| p == to).unwrap_or(0);
                        let mut cycle = path[from..].to_vec();
                        cycle.push(to);
                        return Some(cycle);
                    }
                    Mark::New => {
                        mark[to] = Mark::Open;
                        stack.push((to, 0));
                        path.push(to);
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
                path.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find_cycle;

    #[test]
    fn finds_cycles_and_only_cycles() {
        assert_eq!(find_cycle(&[vec![1], vec![2], vec![]]), None);
        assert_eq!(find_cycle(&[vec![1], vec![2], vec![0]]), Some(vec![0, 1, 2, 0]));
        assert_eq!(find_cycle(&[vec![], vec![1]]), Some(vec![1, 1]));
        let long: Vec<Vec<usize>> = (0..100_000).map(|i| if i + 1 < 100_000 { vec![i + 1] } else { vec![] }).collect();
        assert_eq!(find_cycle(&long), None);
    }
}
