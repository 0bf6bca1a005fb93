//! Merging shards' partial aggregates into the whole study: they must come from the same
//! inputs, seed, runs and split, each shard exactly once and played to the end. The
//! merge is the tally's own (sums and minima), so the order of the files never matters.

use super::partial::Partial;
use super::shard::Shard;

/// Why partial aggregates do not make one study, for the caller to say in its language.
/// Files are named as the caller named them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// No file was given.
    Nothing,
    /// `file` differs from `first` in `what` (`inputs`, `sandtable_version`, `seed`,
    /// `runs`, `shards`): the
    /// values as each writes them (for `inputs`, the roles whose SHA-256 differ).
    Mismatch {
        /// The file that differs.
        file: String,
        /// The first file, which the others are held to.
        first: String,
        /// What differs.
        what: &'static str,
        /// In `first`.
        expected: String,
        /// In `file`.
        found: String,
    },
    /// `file` was stopped before it played its whole shard.
    Incomplete {
        /// The file.
        file: String,
        /// Its shard.
        shard: Shard,
        /// Replicas it played.
        played: u64,
        /// Replicas its shard has.
        planned: u64,
    },
    /// Two or more files hold the same shard.
    Duplicate {
        /// The shard.
        shard: Shard,
        /// The files holding it.
        files: Vec<String>,
    },
    /// Shards no file holds: their indices, in order (at most [`MAX_LISTED`]), and how many.
    Missing {
        /// The first missing indices.
        indices: Vec<u64>,
        /// How many are missing.
        count: u64,
        /// N.
        of: u64,
    },
}

/// How many missing shards a message lists.
pub const MAX_LISTED: usize = 20;

/// Merges `parts` (each with the name its file goes by) into the whole study: a
/// [`Partial`] of shard 0/1, complete. Fails on the first problem found, in this order:
/// mismatched settings, a shard stopped early, a shard given twice, shards missing.
pub fn merge(parts: &[(String, Partial)]) -> Result<Partial, MergeError> {
    let Some((first_name, first)) = parts.first() else { return Err(MergeError::Nothing) };
    for (name, p) in parts {
        check_same(first_name, first, name, p)?;
    }
    if let Some((name, p)) = parts.iter().find(|(_, p)| !p.complete) {
        let (played, planned) = (p.aggregate.runs, p.planned());
        return Err(MergeError::Incomplete { file: name.clone(), shard: p.shard, played, planned });
    }
    let mut by_shard: Vec<(u64, &str)> = parts.iter().map(|(n, p)| (p.shard.index, n.as_str())).collect();
    by_shard.sort_unstable();
    if let Some(w) = by_shard.windows(2).find(|w| w[0].0 == w[1].0) {
        let index = w[0].0;
        let files = by_shard.iter().filter(|(i, _)| *i == index).map(|(_, n)| (*n).to_owned()).collect();
        return Err(MergeError::Duplicate { shard: Shard { index, count: first.shard.count }, files });
    }
    let of = first.shard.count;
    // Shards are distinct and below N: N of them are all there; fewer leave gaps.
    let present = by_shard.len() as u64;
    if present != of {
        let indices = missing(by_shard.iter().map(|(i, _)| *i), of);
        return Err(MergeError::Missing { indices, count: of - present, of });
    }
    let mut whole = first.clone();
    whole.shard = Shard::WHOLE;
    whole.complete = true;
    for (_, p) in &parts[1..] {
        whole.aggregate.merge(&p.aggregate);
    }
    Ok(whole)
}

/// The first [`MAX_LISTED`] indices below `of` not in `present` (increasing).
fn missing(present: impl Iterator<Item = u64>, of: u64) -> Vec<u64> {
    let mut out = Vec::new();
    let mut next = 0;
    for i in present.chain(std::iter::once(of)) {
        while next < i && out.len() < MAX_LISTED {
            out.push(next);
            next += 1;
        }
        // `of` may be u64::MAX (any N is accepted); it is the last item, so saturating is exact.
        next = i.saturating_add(1);
    }
    out
}

fn check_same(first_name: &str, first: &Partial, name: &str, p: &Partial) -> Result<(), MergeError> {
    let mismatch = |what, expected: String, found: String| {
        Err(MergeError::Mismatch { file: name.to_owned(), first: first_name.to_owned(), what, expected, found })
    };
    let differing = p.inputs.differences(&first.inputs);
    if !differing.is_empty() {
        return mismatch("inputs", first.scenario.clone(), format!("{} ({})", p.scenario, differing.join(", ")));
    }
    if p.sandtable_version != first.sandtable_version {
        return mismatch("sandtable_version", first.sandtable_version.clone(), p.sandtable_version.clone());
    }
    if p.seed != first.seed {
        return mismatch("seed", first.seed.to_string(), p.seed.to_string());
    }
    if p.runs != first.runs {
        return mismatch("runs", first.runs.to_string(), p.runs.to_string());
    }
    if p.shard.count != first.shard.count || !p.shard.is_valid() {
        let found = if p.shard.is_valid() { p.shard.count.to_string() } else { p.shard.to_string() };
        return mismatch("shards", first.shard.count.to_string(), found);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
