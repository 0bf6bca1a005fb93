//! The kinds of finding. Detection, ids, ratings and the phrase catalogue all key on
//! this enum; matches on it are exhaustive so that a new kind is handled everywhere.

use serde::{Serialize, Serializer};

/// What a finding is about. Its [`slug`](FindingKind::slug) starts the finding's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    /// A recovery step's runbook was kept at a site that went down.
    RunbookUnreachable,
    /// A notification channel went down with the systems it runs on.
    ChannelOnFailedSystem,
    /// Nobody holding a role could be reached.
    RoleUnreachable,
    /// A function came back later than its RTO.
    RtoMissed,
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
}

impl FindingKind {
    /// The kind as it appears in ids and `report.json`. Reports from earlier years are
    /// compared by id, so these never change.
    pub fn slug(self) -> &'static str {
        match self {
            FindingKind::RunbookUnreachable => "runbook-unreachable",
            FindingKind::ChannelOnFailedSystem => "channel-on-failed-system",
            FindingKind::RoleUnreachable => "role-unreachable",
            FindingKind::RtoMissed => "rto-missed",
            FindingKind::RpoMissed => "rpo-missed",
            FindingKind::SingleChannel => "single-channel",
            FindingKind::SingleSource => "single-source",
            FindingKind::NotificationLate => "notification-late",
            FindingKind::StakeholderLate => "stakeholder-late",
            FindingKind::DecisionDefault => "decision-default",
        }
    }

    /// The stable id of this kind of finding about `subject`: `kind:subject`.
    pub fn id(self, subject: &str) -> String {
        format!("{}:{subject}", self.slug())
    }

    /// Whether the finding's title only restates the objective criterion it explains
    /// (a missed RTO under "back within its RTO"); the rating then quotes its detail,
    /// which says why, instead.
    pub fn title_restates_its_criterion(self) -> bool {
        match self {
            FindingKind::RtoMissed | FindingKind::RpoMissed => true,
            FindingKind::RunbookUnreachable
            | FindingKind::ChannelOnFailedSystem
            | FindingKind::RoleUnreachable
            | FindingKind::SingleChannel
            | FindingKind::SingleSource
            | FindingKind::NotificationLate
            | FindingKind::StakeholderLate
            | FindingKind::DecisionDefault => false,
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
            FindingKind::RunbookUnreachable,
            FindingKind::ChannelOnFailedSystem,
            FindingKind::RoleUnreachable,
            FindingKind::RtoMissed,
            FindingKind::RpoMissed,
            FindingKind::SingleChannel,
            FindingKind::SingleSource,
            FindingKind::NotificationLate,
            FindingKind::StakeholderLate,
            FindingKind::DecisionDefault,
        ];
        let slugs: std::collections::BTreeSet<&str> = all.iter().map(|k| k.slug()).collect();
        assert_eq!(slugs.len(), all.len());
        assert!(slugs.iter().all(|s| !s.contains(':')));
    }
}
