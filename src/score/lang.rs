//! The languages reports are written in, and every fixed phrase scoring produces.
//! Names and text from the plan and scenario are used as written.

use serde::Serialize;

/// A report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Picks the English or the Chinese phrase.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// An HSEEP exercise type in this language.
    pub fn exercise_type(self, t: crate::format::scenario::ExerciseType) -> &'static str {
        use crate::format::scenario::ExerciseType as T;
        match t {
            T::Seminar => self.pick("seminar", "研讨会"),
            T::Workshop => self.pick("workshop", "工作坊"),
            T::Tabletop => self.pick("tabletop exercise", "桌面推演"),
            T::Game => self.pick("game", "推演游戏"),
            T::Drill => self.pick("drill", "模拟演练"),
            T::Functional => self.pick("functional exercise", "功能演练"),
            T::FullScale => self.pick("full-scale exercise", "实战演练"),
        }
    }

    /// A duration in this language: `1h 50m` / `1小时50分`.
    pub fn duration(self, secs: i64) -> String {
        let text = crate::time::format_duration_approx(secs);
        match self {
            Lang::En => text,
            Lang::Zh => text
                .split(' ')
                .map(|part| {
                    let (num, unit) = part.split_at(part.len() - 1);
                    let unit = match unit {
                        "d" => "天",
                        "h" => "小时",
                        "m" => "分",
                        _ => "秒",
                    };
                    format!("{num}{unit}")
                })
                .collect::<String>(),
        }
    }
}
