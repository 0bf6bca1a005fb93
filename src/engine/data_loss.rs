//! Data loss: when a system goes down, the newest copy that can still be reached (a
//! backup on its schedule, or a replica trailing by its lag) decides how much is lost.

use super::Engine;
use crate::ids::SystemId;

impl Engine<'_> {
    /// Seconds of data lost if system `s` went down now; `None` when no copy can be
    /// reached (the backups and the replica sit at sites that are down too).
    pub(super) fn data_loss(&self, s: SystemId) -> Option<i64> {
        let sys = &self.model.systems[s];
        let now = self.st.now;
        let from_backup = sys.backup.filter(|b| !self.st.site_down[b.stored_at]).map(|b| {
            let interval = b.interval.max(1);
            (now - self.st.backup_phase[s]).rem_euclid(interval)
        });
        let from_replica = sys.replication.filter(|r| !self.st.site_down[r.target]).map(|r| r.lag);
        match (from_backup, from_replica) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}
