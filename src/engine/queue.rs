//! The event queue: a min-heap ordered by (time, sequence number), so that events at the
//! same second always resolve in the order they were scheduled.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::ids::{
    CallId, DecisionId, FunctionId, InjectId, PersonId, RecordId, RoleId, ScriptInjectId, StakeholderId, StepId,
    SupplierId,
};

/// Something that happens at a scenario time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Event {
    /// Deliver an inject of the scenario.
    Inject(InjectId),
    /// A disruption began: draw how long detection takes.
    DetectionDelay,
    /// The on-duty role notices.
    Detect,
    /// An attempt to reach someone ends; `pos` is its channel's place in the person's
    /// order for this call.
    AttemptDone { call: CallId, answered: bool, pos: usize },
    /// Try holder `rank` of the call's role (0: the primary).
    TryHolder { call: CallId, rank: usize },
    /// A declaring person starts deciding: draw how long it takes.
    Deliberate { person: PersonId, role: RoleId },
    /// The disaster is declared.
    Declare { person: PersonId, role: RoleId },
    /// Pose a decision.
    Pose(DecisionId),
    /// Apply the answer in decision record `record`.
    Answer { record: RecordId },
    /// A recovery step finishes.
    StepDone { function: FunctionId, step: StepId },
    /// A cut-off supplier's alternate (by position in its list) takes over.
    SupplierSwitch { supplier: SupplierId, alternate: usize },
    /// The owner starts preparing a stakeholder's notice: draw the effort.
    PrepareNotice(StakeholderId),
    /// Send a stakeholder's notice.
    StakeholderSend(StakeholderId),
    /// Deliver an inject a script scheduled.
    ScriptInject(ScriptInjectId),
    /// A call-tree notification's deadline.
    CallDeadline(CallId),
    /// A stakeholder's deadline.
    StakeholderDeadline(StakeholderId),
    /// A person's unavailability ends (if it has not been changed since).
    PersonBack { person: PersonId, until: i64 },
    /// Nothing but a re-evaluation (someone becomes available, a hand-over completes).
    Wake,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    t: i64,
    seq: u64,
    ev: Event,
}

impl Ord for Item {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and the earliest event must come out first.
        (other.t, other.seq).cmp(&(self.t, self.seq))
    }
}

impl PartialOrd for Item {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Pending events.
#[derive(Debug, Default)]
pub(super) struct Queue {
    heap: BinaryHeap<Item>,
    seq: u64,
}

impl Queue {
    /// Schedules `ev` at time `t`.
    pub fn push(&mut self, t: i64, ev: Event) {
        let seq = self.reserve();
        self.push_reserved(t, seq, ev);
    }

    /// Takes the next sequence number now for an event whose time is known only later
    /// (a decision's answer): it will sort as if it had been pushed now.
    pub fn reserve(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Schedules `ev` at `t` in the place `reserve` kept for it.
    pub fn push_reserved(&mut self, t: i64, seq: u64, ev: Event) {
        self.heap.push(Item { t, seq, ev });
    }

    /// The earliest event, first scheduled first among equals.
    pub fn pop(&mut self) -> Option<(i64, Event)> {
        self.heap.pop().map(|i| (i.t, i.ev))
    }

    /// The time of the earliest event.
    pub fn peek_time(&self) -> Option<i64> {
        self.heap.peek().map(|i| i.t)
    }

    /// Empties the queue, keeping its allocation.
    pub fn clear(&mut self) {
        self.heap.clear();
        self.seq = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_time_events_come_out_in_scheduling_order() {
        let mut q = Queue::default();
        let pose = |i| Event::Pose(crate::ids::Id::from_index(i));
        q.push(10, pose(2));
        q.push(5, pose(0));
        let kept = q.reserve();
        q.push(10, pose(3));
        q.push(5, pose(1));
        q.push_reserved(10, kept, pose(4));
        let order: Vec<_> = std::iter::from_fn(|| q.pop()).collect();
        assert_eq!(order, vec![(5, pose(0)), (5, pose(1)), (10, pose(2)), (10, pose(4)), (10, pose(3))]);
    }
}
