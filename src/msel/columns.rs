//! The MSEL columns sandtable knows, and the many ways spreadsheets head them.

use std::fmt;

use crate::lang::Lang;

/// A column of the MSEL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Event number.
    Event,
    /// Scenario or clock time, or a date-time group.
    Time,
    /// Date (with a separate time column).
    Date,
    /// Exercise day number.
    Day,
    /// The inject's title.
    Title,
    /// Description or script.
    Description,
    /// Who delivers the inject.
    From,
    /// Who receives the inject.
    To,
    /// Delivery method.
    Method,
    /// Expected player action.
    ExpectedAction,
    /// Objectives or capabilities.
    Objectives,
    /// Notes and comments.
    Notes,
    /// sandtable effects.
    Effects,
    /// sandtable row kind (inject or decision).
    Kind,
}

impl Field {
    /// Every field: the twelve `msel export` writes, in its order, then date and day,
    /// which only imports read.
    pub const ALL: [Field; 14] = [
        Field::Event,
        Field::Time,
        Field::Kind,
        Field::Title,
        Field::Description,
        Field::From,
        Field::To,
        Field::Method,
        Field::ExpectedAction,
        Field::Objectives,
        Field::Notes,
        Field::Effects,
        Field::Date,
        Field::Day,
    ];

    /// The fields `msel export` writes, in order.
    pub const EXPORTED: &'static [Field] = Field::ALL.split_at(12).0;

    /// The name used with `--map COLUMN=field`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Event => "event",
            Field::Time => "time",
            Field::Date => "date",
            Field::Day => "day",
            Field::Title => "title",
            Field::Description => "description",
            Field::From => "from",
            Field::To => "to",
            Field::Method => "method",
            Field::ExpectedAction => "expected_action",
            Field::Objectives => "objectives",
            Field::Notes => "notes",
            Field::Effects => "effects",
            Field::Kind => "kind",
        }
    }

    /// The field named `name` (as in `--map`).
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name.trim())
    }

    /// Header variants, normalised (lower case, punctuation and line breaks as spaces).
    /// Long because it is a table of how people head each column, in two languages.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Event => &[
                "event",
                "event no",
                "event number",
                "msel",
                "msel number",
                "msel no",
                "inject",
                "inject no",
                "inject number",
                "sourcereference",
                "source reference",
                "no",
                "number",
                "ref",
                "序号",
                "编号",
                "事件编号",
                "注入编号",
            ],
            Field::Time => &[
                "event time",
                "time",
                "scheduledtime",
                "scheduled time",
                "inject time",
                "scenario time",
                "inject dtg",
                "dtg",
                "date time group",
                "delivery time",
                "start time",
                "时间",
                "注入时间",
                "情景时间",
                "演练时间",
                "when",
            ],
            Field::Date => &["date", "event date", "inject date", "日期"],
            Field::Day => &["day", "exercise day", "天", "演练日"],
            Field::Title => &[
                "subject",
                "title",
                "inject title",
                "event title",
                "inject",
                "headline",
                "标题",
                "事件",
                "事件标题",
                "注入标题",
                "主题",
            ],
            Field::Description => &[
                "event description",
                "description script",
                "description",
                "script",
                "inject description",
                "narrative",
                "message",
                "details",
                "描述",
                "内容",
                "事件描述",
                "情景描述",
                "详情",
            ],
            Field::From => &[
                "send from simulated",
                "sent from",
                "send from",
                "from",
                "source",
                "sender",
                "originator",
                "发送方",
                "发送人",
                "来源",
            ],
            Field::To => &[
                "send to recipient players",
                "sent to",
                "send to",
                "to",
                "target",
                "recipient",
                "recipients",
                "player",
                "players",
                "addressee",
                "接收方",
                "接收人",
                "对象",
            ],
            Field::Method => &[
                "inject mode",
                "method",
                "deliverymethod",
                "delivery method",
                "mode",
                "channel",
                "方式",
                "传递方式",
                "注入方式",
            ],
            Field::ExpectedAction => &[
                "expected outcomes",
                "expected outcome",
                "expected action",
                "expectedaction",
                "expected actions",
                "expected player action",
                "expected response",
                "expected player response",
                "expected",
                "预期行动",
                "预期响应",
                "预期结果",
            ],
            Field::Objectives => &[
                "objective",
                "objectives",
                "objective capability",
                "capability",
                "core capability",
                "目标",
                "目标 能力",
                "演练目标",
            ],
            Field::Notes => {
                &["notes", "comments notes", "comments", "controller notes", "remarks", "note", "备注", "说明"]
            }
            Field::Effects => &["effects", "sandtable effects", "效果"],
            Field::Kind => &["row kind", "sandtable kind", "行类型"],
        }
    }

    /// The header sandtable writes, in `lang` (date and day, which export never writes,
    /// by their field names).
    pub fn header(self, lang: Lang) -> &'static str {
        let h = &lang.catalogue().msel;
        match self {
            Field::Event => h.event,
            Field::Time => h.time,
            Field::Date => "date",
            Field::Day => "day",
            Field::Kind => h.kind,
            Field::Title => h.title,
            Field::Description => h.description,
            Field::From => h.from,
            Field::To => h.to,
            Field::Method => h.method,
            Field::ExpectedAction => h.expected_action,
            Field::Objectives => h.objectives,
            Field::Notes => h.notes,
            Field::Effects => h.effects,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A header as compared: lower case; text in brackets (`(SIMULATED)`, `（模拟）`) and a
/// trailing colon dropped; every run of punctuation or white space (line breaks
/// included) one space.
pub fn normalise(header: &str) -> String {
    let mut out = String::new();
    let (mut space, mut depth) = (false, 0usize);
    for c in header.chars().flat_map(char::to_lowercase) {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if c.is_alphanumeric() => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
            _ => space = true,
        }
    }
    out
}

/// Aliases too common to find inside a longer heading ("Time to respond" is not the
/// recipient); they name their field only when they are the whole heading.
const WHOLE_HEADING_ONLY: &[&str] = &[
    "inject", "no", "number", "ref", "to", "from", "source", "target", "player", "players", "mode", "message", "msel",
    "day", "天", "事件", "script", "when", "note", "对象", "来源",
];

/// Whether `alias` stands in `heading` as whole words (or, for Chinese, which is
/// written without spaces, as a run of characters).
fn contains_words(heading: &str, alias: &str) -> bool {
    if alias.chars().any(is_cjk) {
        return heading.contains(alias);
    }
    let (h, a): (Vec<&str>, Vec<&str>) = (heading.split(' ').collect(), alias.split(' ').collect());
    h.windows(a.len()).any(|w| w == a.as_slice())
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The field a header names, if any: a heading that is an alias, else the field whose
/// longest alias stands in the heading among other words (`Planned event time:` is the
/// time). A bare "inject" heading is the title, "INJECT #" the number.
pub fn field_of(header: &str) -> Option<Field> {
    let h = normalise(header);
    if h == "inject" && header.contains('#') {
        return Some(Field::Event);
    }
    if let Some(f) = Field::ALL.into_iter().find(|f| f.aliases().contains(&h.as_str())) {
        return Some(f);
    }
    let mut best: Option<(usize, Field)> = None;
    for f in Field::ALL {
        for alias in f.aliases().iter().filter(|a| !WHOLE_HEADING_ONLY.contains(a)) {
            let len = alias.chars().count();
            if contains_words(&h, alias) && best.is_none_or(|(l, _)| len > l) {
                best = Some((len, f));
            }
        }
    }
    best.map(|(_, f)| f)
}
