//! The dependency index: for each thing whose state can change, what depends on it.
//! Built once per model, it lets the engine bring derived state (systems, channels,
//! functions) and recovery steps in line with only what changed, instead of going over
//! the whole plan after every event, so that an event costs the same in a large plan as
//! in a small one. The invariant it serves is written in `dirty.rs`.

use crate::compile::Model;
use crate::ids::{self, FunctionId, Id, LinkId, RoleId, StakeholderId, SystemId};

/// What depends on what, by index. Every list is in ascending id order.
#[derive(Debug, Default)]
pub(super) struct Index {
    /// Per site: the systems hosted there.
    pub site_systems: Vec<Vec<SystemId>>,
    /// Per site: the functions that need it.
    pub site_functions: Vec<Vec<FunctionId>>,
    /// Per system: the systems that need it.
    pub system_dependants: Vec<Vec<SystemId>>,
    /// Per system: the channels that run on it.
    pub system_channels: Vec<Vec<crate::ids::ChannelId>>,
    /// Per system: the functions that need it.
    pub system_functions: Vec<Vec<FunctionId>>,
    /// Per system: the functions whose procedure has a step that needs it.
    pub system_steps: Vec<Vec<FunctionId>>,
    /// Per channel: the functions whose procedure has a step that needs it.
    pub channel_steps: Vec<Vec<FunctionId>>,
    /// Per supplier: the functions that need it.
    pub supplier_functions: Vec<Vec<FunctionId>>,
    /// Per role: the functions whose procedure has a step it does.
    pub role_steps: Vec<Vec<FunctionId>>,
    /// Per person: the roles they hold.
    pub person_roles: Vec<Vec<RoleId>>,
    /// Per role: the call-tree links it calls along.
    pub role_links: Vec<Vec<LinkId>>,
    /// Per role: the stakeholders it notifies.
    pub role_stakeholders: Vec<Vec<StakeholderId>>,
    /// Per system: its place in `Model::system_order`.
    pub system_position: Vec<usize>,
    /// Per function: its place in the recovery order.
    pub recovery_position: Vec<usize>,
}

impl Index {
    /// The index of `model`; `recovery_order` is the engine's order of functions.
    pub fn new(m: &Model, recovery_order: &[FunctionId]) -> Index {
        let mut x = Index {
            site_systems: vec![Vec::new(); m.sites.len()],
            site_functions: vec![Vec::new(); m.sites.len()],
            system_dependants: vec![Vec::new(); m.systems.len()],
            system_channels: vec![Vec::new(); m.systems.len()],
            system_functions: vec![Vec::new(); m.systems.len()],
            system_steps: vec![Vec::new(); m.systems.len()],
            channel_steps: vec![Vec::new(); m.channels.len()],
            supplier_functions: vec![Vec::new(); m.suppliers.len()],
            role_steps: vec![Vec::new(); m.roles.len()],
            person_roles: vec![Vec::new(); m.people.len()],
            role_links: vec![Vec::new(); m.roles.len()],
            role_stakeholders: vec![Vec::new(); m.roles.len()],
            system_position: vec![0; m.systems.len()],
            recovery_position: vec![0; m.functions.len()],
        };
        for s in ids::all(&m.systems) {
            x.site_systems[m.systems[s].site.index()].push(s);
            for &d in &m.systems[s].depends_on {
                x.system_dependants[d.index()].push(s);
            }
        }
        for c in ids::all(&m.channels) {
            for &s in &m.channels[c].depends_on {
                x.system_channels[s.index()].push(c);
            }
        }
        for f in ids::all(&m.functions) {
            let func = &m.functions[f];
            func.sites.iter().for_each(|s| x.site_functions[s.index()].push(f));
            func.systems.iter().for_each(|s| x.system_functions[s.index()].push(f));
            func.suppliers.iter().for_each(|s| x.supplier_functions[s.index()].push(f));
            for step in func.procedure.iter().flat_map(|&p| &m.procedures[p].steps) {
                step.needs_systems.iter().for_each(|s| x.system_steps[s.index()].push(f));
                step.needs_channels.iter().for_each(|c| x.channel_steps[c.index()].push(f));
                x.role_steps[step.role.index()].push(f);
            }
        }
        for r in ids::all(&m.roles) {
            m.roles[r].holders.iter().for_each(|p| x.person_roles[p.index()].push(r));
        }
        for (l, link) in m.call_tree.iter().flat_map(|ct| ct.links.iter().enumerate()) {
            x.role_links[link.from.index()].push(LinkId::from_index(l));
        }
        for s in ids::all(&m.stakeholders) {
            x.role_stakeholders[m.stakeholders[s].owner.index()].push(s);
        }
        for (i, s) in m.system_order.iter().enumerate() {
            x.system_position[s.index()] = i;
        }
        for (i, f) in recovery_order.iter().enumerate() {
            x.recovery_position[f.index()] = i;
        }
        for lists in [&mut x.site_functions, &mut x.system_functions, &mut x.system_steps, &mut x.channel_steps] {
            lists.iter_mut().for_each(dedup);
        }
        x.supplier_functions.iter_mut().for_each(dedup);
        x.role_steps.iter_mut().for_each(dedup);
        x.person_roles.iter_mut().for_each(dedup);
        x
    }
}

/// Sorted, each once (a function may name a system twice, through two of its steps).
fn dedup<T: Ord>(v: &mut Vec<T>) {
    v.sort();
    v.dedup();
}
