//! Which replicas a shard plays: `K/N` (K 0-based) plays every replica `i` with
//! `i mod N = K`. Interleaving rather than contiguous blocks keeps shards the same size
//! within one replica whatever `--runs` is, and a shard's set never depends on the others.

use serde::{Deserialize, Serialize};

/// One of `count` shards of a study: the replicas `i ≡ index (mod count)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Shard {
    /// K, 0-based: what `$JOB_COMPLETION_INDEX` and `$SLURM_ARRAY_TASK_ID` count from.
    pub index: u64,
    /// N, the number of shards.
    pub count: u64,
}

/// Why a `K/N` text is not a shard, for the caller to say in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShardError {
    /// Not two whole numbers separated by `/`.
    NotKOverN,
    /// N is 0.
    NoShards,
    /// K is not below N.
    IndexTooLarge {
        /// K.
        index: u64,
        /// N.
        count: u64,
    },
}

impl Shard {
    /// The whole study as one shard.
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    /// Reads `K/N`; surrounding spaces are allowed, nothing else.
    pub fn parse(text: &str) -> Result<Shard, ShardError> {
        let (k, n) = text.trim().split_once('/').ok_or(ShardError::NotKOverN)?;
        let number = |s: &str| {
            let s = s.trim();
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ShardError::NotKOverN);
            }
            s.parse::<u64>().map_err(|_| ShardError::NotKOverN)
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 {
            return Err(ShardError::NoShards);
        }
        if index >= count {
            return Err(ShardError::IndexTooLarge { index, count });
        }
        Ok(Shard { index, count })
    }

    /// A shard that came from a file: the same rule as [`Shard::parse`].
    pub fn is_valid(self) -> bool {
        self.count > 0 && self.index < self.count
    }

    /// How many of a study's `runs` replicas this shard plays.
    pub fn replicas(self, runs: u64) -> u64 {
        if !self.is_valid() || self.index >= runs {
            return 0;
        }
        (runs - self.index - 1) / self.count + 1
    }

    /// The index in the study of this shard's `nth` replica.
    pub fn replica_index(self, nth: u64) -> u64 {
        self.index + nth * self.count
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_over_n_is_read_and_bad_specs_are_refused() {
        assert_eq!(Shard::parse("2/3"), Ok(Shard { index: 2, count: 3 }));
        assert_eq!(Shard::parse(" 0 / 1 "), Ok(Shard::WHOLE));
        assert_eq!(Shard::parse("3/2"), Err(ShardError::IndexTooLarge { index: 3, count: 2 }));
        assert_eq!(Shard::parse("2/2"), Err(ShardError::IndexTooLarge { index: 2, count: 2 }));
        assert_eq!(Shard::parse("0/0"), Err(ShardError::NoShards));
        for bad in ["", "1", "a/3", "1/b", "-1/3", "1/3/4", "/3", "1/", "+1/3", "99999999999999999999/3"] {
            assert_eq!(Shard::parse(bad), Err(ShardError::NotKOverN), "{bad:?}");
        }
    }

    #[test]
    fn the_shards_of_a_study_cover_every_replica_once() {
        let runs = 10;
        let mut seen = vec![0; runs as usize];
        for index in 0..3 {
            let shard = Shard { index, count: 3 };
            for nth in 0..shard.replicas(runs) {
                seen[shard.replica_index(nth) as usize] += 1;
            }
        }
        assert_eq!(seen, vec![1; 10]);
        assert_eq!(Shard { index: 0, count: 3 }.replicas(10), 4);
        assert_eq!(Shard { index: 2, count: 3 }.replicas(10), 3);
        assert_eq!(Shard { index: 5, count: 8 }.replicas(4), 0);
        assert_eq!(Shard::WHOLE.replicas(7), 7);
    }
}
