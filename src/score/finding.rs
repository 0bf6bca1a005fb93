//! What a finding is: its kind, stable id, evidence and capability element. Detection,
//! ids and ratings key on [`FindingKind`]; matches on it are exhaustive so that a new
//! kind is handled everywhere. Corrective actions are not per kind: each detector
//! derives its action from the finding's facts.

use serde::{Serialize, Serializer};

/// HSEEP capability elements (POETE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Capability {
    /// Plans and procedures.
    Planning,
    /// Roles, structure, staffing.
    Organisation,
    /// Systems, tools, channels.
    Equipment,
    /// Training of people.
    Training,
    /// Further exercises.
    Exercise,
}

/// One entry of the event log that shows a finding happened.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Scenario seconds.
    pub t: i64,
    /// `T+1:02`.
    pub at: String,
    /// What happened.
    pub text: String,
}

/// Something that went wrong in the run, with the evidence for it and what to do about it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable id, the same across runs and years: `kind:subject`.
    pub id: String,
    /// What kind of finding; serialised as the id's first part.
    pub kind: FindingKind,
    /// The cause it is about (a site, system, role, function… by id); the id's second
    /// part, so not written out again. Symptoms of one cause share it, so that one
    /// finding holds all their evidence.
    #[serde(skip)]
    pub subject: String,
    /// Short title.
    pub title: String,
    /// What happened and why it matters.
    pub detail: String,
    /// The log entries that show it, first the one that started it.
    pub evidence: Vec<Evidence>,
    /// The capability element (POETE) that fixes it.
    pub capability: Capability,
    /// What to do about it, in the report language.
    pub corrective_action: String,
    /// The role that can fix it: the plan owner, since the plan names no owner for its
    /// call tree, runbooks, procedures or suppliers.
    pub responsible: String,
}

/// What a finding is about. Its [`slug`](FindingKind::slug) starts the finding's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    /// Runbooks of recovery steps were kept at a site that went down; one per site.
    RunbooksAtSite,
    /// Notification channels went down with a system they run on; one per system.
    ChannelsOnSystem,
    /// Nobody holding a role could be reached.
    RoleUnreachable,
    /// A function came back later than its RTO.
    RtoMissed,
    /// The declaration came late and functions missed their RTO waiting for it; one
    /// per declaring role (when an unanswered decision's default declared, that
    /// decision's finding says it instead).
    DeclaredLate,
    /// A function lost more data than its RPO allows.
    RpoMissed,
    /// Someone the call tree tried to reach has only one channel.
    SingleChannel,
    /// A supplier was cut off and has no alternate.
    SingleSource,
    /// A call-tree role was reached after its deadline.
    NotificationLate,
    /// A stakeholder was notified after their deadline.
    StakeholderLate,
    /// Nobody answered a decision in time and its default applied.
    DecisionDefault,
    /// Functions went down and nobody declared a disaster, so recovery never started.
    NotDeclared,
}

impl FindingKind {
    /// The kind as it appears in ids and `report.json`. Reports from earlier years are
    /// compared by id, so these never change.
    pub fn slug(self) -> &'static str {
        match self {
            FindingKind::RunbooksAtSite => "runbooks-at-site",
            FindingKind::ChannelsOnSystem => "channels-on-system",
            FindingKind::RoleUnreachable => "role-unreachable",
            FindingKind::RtoMissed => "rto-missed",
            FindingKind::DeclaredLate => "declared-late",
            FindingKind::RpoMissed => "rpo-missed",
            FindingKind::SingleChannel => "single-channel",
            FindingKind::SingleSource => "single-source",
            FindingKind::NotificationLate => "notification-late",
            FindingKind::StakeholderLate => "stakeholder-late",
            FindingKind::DecisionDefault => "decision-default",
            FindingKind::NotDeclared => "not-declared",
        }
    }

    /// The stable id of this kind of finding about `subject`: `kind:subject`.
    pub fn id(self, subject: &str) -> String {
        format!("{}:{subject}", self.slug())
    }

    /// The capability element (POETE) that fixes this kind of finding; it also sets how
    /// long the improvement item is given.
    pub fn capability(self) -> Capability {
        match self {
            FindingKind::RunbooksAtSite
            | FindingKind::RtoMissed
            | FindingKind::DeclaredLate
            | FindingKind::SingleChannel
            | FindingKind::SingleSource
            | FindingKind::StakeholderLate
            | FindingKind::NotDeclared => Capability::Planning,
            FindingKind::ChannelsOnSystem | FindingKind::RpoMissed => Capability::Equipment,
            FindingKind::RoleUnreachable => Capability::Organisation,
            FindingKind::NotificationLate | FindingKind::DecisionDefault => Capability::Training,
        }
    }

    /// Whether the finding's title only restates the objective criterion it explains
    /// (a missed RTO under "back within its RTO"); the rating then quotes its detail,
    /// which says why, instead.
    pub fn title_restates_its_criterion(self) -> bool {
        match self {
            FindingKind::RtoMissed | FindingKind::RpoMissed => true,
            FindingKind::RunbooksAtSite
            | FindingKind::ChannelsOnSystem
            | FindingKind::RoleUnreachable
            | FindingKind::DeclaredLate
            | FindingKind::SingleChannel
            | FindingKind::SingleSource
            | FindingKind::NotificationLate
            | FindingKind::StakeholderLate
            | FindingKind::DecisionDefault
            | FindingKind::NotDeclared => false,
        }
    }
}

impl Serialize for FindingKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::FindingKind;

    /// An id `kind:subject` must name one kind and one subject: slugs differ and hold no colon.
    #[test]
    fn slugs_are_distinct_and_colon_free() {
        let all = [
            FindingKind::RunbooksAtSite,
            FindingKind::ChannelsOnSystem,
            FindingKind::RoleUnreachable,
            FindingKind::RtoMissed,
            FindingKind::DeclaredLate,
            FindingKind::RpoMissed,
            FindingKind::SingleChannel,
            FindingKind::SingleSource,
            FindingKind::NotificationLate,
            FindingKind::StakeholderLate,
            FindingKind::DecisionDefault,
            FindingKind::NotDeclared,
        ];
        let slugs: std::collections::BTreeSet<&str> = all.iter().map(|k| k.slug()).collect();
        assert_eq!(slugs.len(), all.len());
        assert!(slugs.iter().all(|s| !s.contains(':')));
    }
}
