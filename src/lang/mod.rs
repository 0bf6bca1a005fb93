//! The languages sandtable writes in, each with one catalogue of every fixed phrase.
//!
//! A translator edits one language's files: `en.rs` (the report) with `en/findings.rs`
//! and `en/interface.rs`, or the same under `zh`. Their shape is
//! [`catalogue::Catalogue`] (with `findings.rs`, `interface.rs`, `compare.rs`,
//! `montecarlo.rs`), so a catalogue that misses a phrase does not compile.
//! Names and text from the plan and scenario are never translated; they pass through.

pub mod catalogue;
mod compare;
mod en;
mod findings;
mod interface;
mod montecarlo;
pub mod programme;
mod shards;
#[cfg(test)]
mod tests;
mod zh;

use serde::{Deserialize, Serialize};

use crate::format::scenario::ExerciseType;
pub use catalogue::Catalogue;

/// A language reports and scores are written in. Serialised as its code (`en`, `zh`),
/// which is also what `--lang` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default when nothing asks for another language.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

// Adding a language breaks this match, which is the reminder to list it in `ALL`.
const _: () = match Lang::En {
    Lang::En | Lang::Zh => (),
};

impl Lang {
    /// Every language: what `--lang` accepts, and what the catalogue tests check.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// Every phrase in this language.
    pub fn catalogue(self) -> &'static Catalogue {
        match self {
            Lang::En => &en::CATALOGUE,
            Lang::Zh => &zh::CATALOGUE,
        }
    }

    /// An HSEEP exercise type in this language.
    pub fn exercise_type(self, t: ExerciseType) -> &'static str {
        let names = &self.catalogue().exercise_types;
        match t {
            ExerciseType::Seminar => names.seminar,
            ExerciseType::Workshop => names.workshop,
            ExerciseType::Tabletop => names.tabletop,
            ExerciseType::Game => names.game,
            ExerciseType::Drill => names.drill,
            ExerciseType::Functional => names.functional,
            ExerciseType::FullScale => names.full_scale,
        }
    }

    /// Why a typed duration does not read, in this language.
    pub fn time_error(self, e: &crate::time::TimeError) -> String {
        use crate::time::TimeError;
        let say = &self.catalogue().typed_time;
        match e {
            TimeError::Empty => say.empty.to_owned(),
            TimeError::BadClock(t) => (say.bad_clock)(t),
            TimeError::ClockRange(t) => (say.clock_range)(t),
            TimeError::TooLarge(t) => (say.too_large)(t),
            TimeError::NoNumber { text, at } => (say.no_number)(text, at),
            TimeError::NoUnit(n) => (say.no_unit)(n),
            TimeError::LastUnitMissing { text, meant } => (say.last_unit_missing)(text, meant),
            TimeError::NotAUnit(u) => (say.not_a_unit)(u),
            TimeError::NotWhole(p) => (say.not_whole)(p),
        }
    }

    /// A duration for people to read, to the minute once it is a minute or more:
    /// `1h 50m` in English, `1小时50分` in Chinese.
    pub fn duration(self, secs: i64) -> String {
        self.localise_duration(&crate::time::format_duration_approx(secs))
    }

    /// A measured duration shown beside the limit it is judged against: to the minute
    /// as [`duration`](Self::duration) writes it, but exact when rounding would make it
    /// read the same as the limit while it is not (a call reached 15m 19s after it
    /// began must not read "15m" against a deadline of 15m).
    pub fn duration_against(self, secs: i64, limit: i64) -> String {
        let approx = crate::time::format_duration_approx;
        if secs != limit && approx(secs) == approx(limit) {
            self.localise_duration(&crate::time::format_duration(secs))
        } else {
            self.duration(secs)
        }
    }

    fn localise_duration(self, text: &str) -> String {
        let units = &self.catalogue().durations;
        // Both forms are "<sign><number><unit>" parts separated by spaces, with
        // one-letter units; only the units and the separator change.
        let parts: Vec<String> = text
            .split(' ')
            .filter_map(|part| {
                let (at, unit) = part.char_indices().next_back()?;
                let unit = match unit {
                    'd' => units.day,
                    'h' => units.hour,
                    'm' => units.minute,
                    _ => units.second,
                };
                Some(format!("{}{unit}", &part[..at]))
            })
            .collect();
        parts.join(units.separator)
    }
}
