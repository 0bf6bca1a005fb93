//! What plans and scenarios say for the exercise programme: the plan's risk register and
//! drill requirements, and a scenario's place in the programme (the risks it exercises,
//! its class, the exercise types it suits, when an unannounced drill may start, the
//! variants its scripts draw). All optional: a plan or scenario without them plays as
//! before; `pick` and `programme` read them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use crate::spanned::Sp;

/// One risk of the plan's register (seed 002's likelihood × impact matrix).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Unique id; scenarios name it under `programme.risks`.
    pub id: Id,
    /// Name as it should appear in reports.
    pub name: String,
    /// Its class (`key-person`, `system`, `physical`, `public-health`, `supply`, …).
    pub class: String,
    /// How likely it is, 1 (rare) to 5 (almost certain).
    pub likelihood: Sp<u8>,
    /// How much it would hurt, 1 (minor) to 5 (severe).
    pub impact: Sp<u8>,
    /// The critical functions it threatens.
    #[serde(default)]
    pub threatens: Vec<Id>,
    /// Scenario ids that exercise it (besides those whose `programme.risks` name it).
    #[serde(default)]
    pub scenarios: Vec<Id>,
}

impl Risk {
    /// Likelihood × impact, 1 to 25: the risk's weight in the programme.
    pub fn score(&self) -> u32 {
        u32::from(self.likelihood.value) * u32::from(self.impact.value)
    }
}

/// How many exercises of each kind the plan requires per year (seed 003: tabletop twice,
/// live once, unannounced once or twice).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Drills {
    /// Tabletop exercises per year.
    #[serde(default)]
    pub tabletop: Option<Sp<u32>>,
    /// Live (full-scale) exercises per year.
    #[serde(default)]
    pub live: Option<Sp<u32>>,
    /// Unannounced drills per year.
    #[serde(default)]
    pub unannounced: Option<Sp<u32>>,
    /// `pick` never chooses a scenario played in the last this many exercises; default 1.
    #[serde(default)]
    pub exclude_last: Option<Sp<u32>>,
}

/// The kinds of exercise the programme schedules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DrillKind {
    /// A facilitated discussion, announced (桌面推演).
    Tabletop,
    /// A live exercise with real actions, announced (实战演练).
    Live,
    /// A drill the players are not told of in advance (不通知演练).
    Unannounced,
}

impl DrillKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [DrillKind; 3] = [DrillKind::Tabletop, DrillKind::Live, DrillKind::Unannounced];

    /// Its name in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            DrillKind::Tabletop => "tabletop",
            DrillKind::Live => "live",
            DrillKind::Unannounced => "unannounced",
        }
    }
}

/// A scenario's place in the exercise programme.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioProgramme {
    /// The scenario class (as the risks' classes are written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// Ids of the plan's risks this scenario exercises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Id>,
    /// The kinds of exercise it suits (default: every kind).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suits: Vec<Sp<DrillKind>>,
    /// When an unannounced drill of it may start (default: any day, 09:00 to 17:00).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The courses its scripts may take, drawn from the seed; listed in the sealed brief.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
}

/// Days of the week and a time of day between which a drill may start.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Days of the week (`mon` … `sun`).
    pub days: Vec<Sp<Weekday>>,
    /// Earliest start, `HH:MM`.
    pub from: Sp<String>,
    /// Latest start is before this, `HH:MM`; later than `from`.
    pub to: Sp<String>,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// Monday first.
    pub const ALL: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One course a scenario's scripts may take.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Short id.
    pub id: Id,
    /// What happens in this course.
    pub text: String,
}

/// Minutes after midnight of an `HH:MM` time of day, `24:00` allowed as the end of a day.
pub fn minute_of_day(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0)) && (1..=2).contains(&text.trim().split(':').next()?.len()))
        .then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::minute_of_day;

    #[test]
    fn times_of_day_read_as_minutes() {
        assert_eq!(minute_of_day("09:00"), Some(540));
        assert_eq!(minute_of_day("9:30"), Some(570));
        assert_eq!(minute_of_day("24:00"), Some(1440));
        assert_eq!(minute_of_day("24:01"), None);
        assert_eq!(minute_of_day("12:60"), None);
        assert_eq!(minute_of_day("noon"), None);
        assert_eq!(minute_of_day("123:00"), None);
    }
}
