//! The event queue: a min-heap ordered by (time, sequence number), so that events at the
//! same second always resolve in the order they were scheduled.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Something that happens at a scenario time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Deliver inject `i`.
    Inject(usize),
    /// A disruption began: draw how long detection takes.
    DetectionDelay,
    /// The on-duty role notices.
    Detect,
    /// An attempt to reach someone ends.
    AttemptDone { call: usize, answered: bool },
    /// Try holder `rank` of the call's role.
    TryHolder { call: usize, rank: usize },
    /// A declaring person starts deciding: draw how long it takes.
    Deliberate { person: usize, role: usize },
    /// The disaster is declared.
    Declare { person: usize, role: usize },
    /// Pose decision `d`.
    Pose(usize),
    /// Apply the answer in decision record `record`.
    Answer { record: usize },
    /// A recovery step finishes.
    StepDone { function: usize, step: usize },
    /// A cut-off supplier's alternate takes over.
    SupplierSwitch { supplier: usize, alternate: usize },
    /// The owner starts preparing stakeholder `s`'s notice: draw the effort.
    PrepareNotice(usize),
    /// Send stakeholder `s`'s notice.
    StakeholderSend(usize),
    /// Deliver the script-scheduled inject `i`.
    ScriptInject(usize),
    /// A call-tree notification's deadline.
    CallDeadline(usize),
    /// A stakeholder's deadline.
    StakeholderDeadline(usize),
    /// A person's unavailability ends (if it has not been changed since).
    PersonBack { person: usize, until: i64 },
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
pub struct Queue {
    heap: BinaryHeap<Item>,
    seq: u64,
}

impl Queue {
    /// Schedules `ev` at time `t`.
    pub fn push(&mut self, t: i64, ev: Event) {
        self.seq += 1;
        self.heap.push(Item { t, seq: self.seq, ev });
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
        q.push(10, Event::Pose(2));
        q.push(5, Event::Pose(0));
        q.push(10, Event::Pose(3));
        q.push(5, Event::Pose(1));
        let order: Vec<_> = std::iter::from_fn(|| q.pop()).collect();
        assert_eq!(order, vec![(5, Event::Pose(0)), (5, Event::Pose(1)), (10, Event::Pose(2)), (10, Event::Pose(3))]);
    }
}
