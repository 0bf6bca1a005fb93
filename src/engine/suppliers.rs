//! Suppliers: a supplier cut off is replaced by its first alternate after that
//! alternate's lead time; an alternate that is itself cut off is skipped for the next.

use super::{Engine, Event};
use crate::ids::SupplierId;
use crate::outcome::{LogKind, SupplierRecord, Switch};

impl Engine<'_> {
    pub(super) fn cut_off(&mut self, s: SupplierId) {
        if self.st.supplier_cut[s] {
            return;
        }
        let now = self.st.now;
        self.st.supplier_cut[s] = true;
        self.st.supplier_alternate[s] = None;
        self.supplier_changed(s);
        self.log(LogKind::SupplierCutOff(s));
        self.st.out.suppliers.push(SupplierRecord { supplier: s, cut_off_at: now, switched: None, restored_at: None });
        if let Some(first) = self.model.suppliers[s].alternates.first() {
            self.st
                .queue
                .push(now.saturating_add(first.lead_time), Event::SupplierSwitch { supplier: s, alternate: 0 });
        }
    }

    pub(super) fn restore_supplier(&mut self, s: SupplierId) {
        if !self.st.supplier_cut[s] {
            return;
        }
        let now = self.st.now;
        self.st.supplier_cut[s] = false;
        self.supplier_changed(s);
        self.log(LogKind::SupplierRestored(s));
        if let Some(r) = self.st.out.suppliers.iter_mut().rev().find(|r| r.supplier == s) {
            r.restored_at = Some(now);
        }
    }

    /// The supplier's alternate at position `alt` is due to take over.
    pub(super) fn supplier_switch(&mut self, s: SupplierId, alt: usize) {
        let m = self.model;
        let now = self.st.now;
        if !self.st.supplier_cut[s] {
            return;
        }
        let Some(alternate) = m.suppliers[s].alternates.get(alt) else { return };
        if self.st.supplier_cut[alternate.supplier] {
            if let Some(next) = m.suppliers[s].alternates.get(alt + 1) {
                self.st.queue.push(
                    now.saturating_add(next.lead_time),
                    Event::SupplierSwitch { supplier: s, alternate: alt + 1 },
                );
            }
            return;
        }
        self.st.supplier_alternate[s] = Some(alternate.supplier);
        self.supplier_changed(s);
        self.log(LogKind::SupplierSwitched { supplier: s, to: alternate.supplier });
        if let Some(r) = self.st.out.suppliers.iter_mut().rev().find(|r| r.supplier == s) {
            r.switched = Some(Switch { to: alternate.supplier, at: now });
        }
    }
}
