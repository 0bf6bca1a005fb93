//! The MSEL columns sandtable knows, and the many ways spreadsheets head them.

use std::fmt;

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
    /// Title.
    Title,
    /// Description or script.
    Description,
    /// Sender.
    From,
    /// Recipient.
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
            ],
            Field::Date => &["date", "event date", "inject date", "日期"],
            Field::Day => &["day", "exercise day", "天"],
            Field::Title => &["subject", "title", "inject title", "event title", "inject", "标题", "事件"],
            Field::Description => &[
                "event description",
                "description script",
                "description",
                "script",
                "inject description",
                "narrative",
                "message",
                "描述",
                "内容",
            ],
            Field::From => &["send from simulated", "sent from", "send from", "from", "source", "sender", "发送方"],
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
                "接收方",
            ],
            Field::Method => &["inject mode", "method", "deliverymethod", "delivery method", "mode", "方式"],
            Field::ExpectedAction => &[
                "expected outcomes",
                "expected outcome",
                "expected action",
                "expectedaction",
                "expected actions",
                "expected player action",
                "预期行动",
            ],
            Field::Objectives => {
                &["objective", "objectives", "objective capability", "capability", "core capability", "目标"]
            }
            Field::Notes => &["notes", "comments notes", "comments", "controller notes", "remarks", "备注"],
            Field::Effects => &["effects", "sandtable effects", "效果"],
            Field::Kind => &["row kind", "sandtable kind"],
        }
    }

    /// The header sandtable writes.
    pub fn header(self) -> &'static str {
        match self {
            Field::Event => "Event #",
            Field::Time => "Scenario time",
            Field::Date => "Date",
            Field::Day => "Day",
            Field::Kind => "Row kind",
            Field::Title => "Inject title",
            Field::Description => "Description",
            Field::From => "From",
            Field::To => "To",
            Field::Method => "Delivery method",
            Field::ExpectedAction => "Expected player action",
            Field::Objectives => "Objective / capability",
            Field::Notes => "Notes",
            Field::Effects => "Effects",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A header as compared: lower case, every run of punctuation or white space (line
/// breaks included) one space.
pub fn normalise(header: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in header.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// The field a header names, if any. Every alias belongs to one field only; a bare
/// "inject" heading is the title, "INJECT #" the number.
pub fn field_of(header: &str) -> Option<Field> {
    let h = normalise(header);
    if h == "inject" && header.contains('#') {
        return Some(Field::Event);
    }
    Field::ALL.into_iter().find(|f| f.aliases().contains(&h.as_str()))
}
