//! Typed indices into the compiled model.
//!
//! The engine and the outcome refer to everything by position in the model's vectors.
//! A bare `usize` lets a role index slip where a person index belongs and still compile;
//! these newtypes make that mix-up a compile error. `model.people[person_id]` works
//! because `Vec<Person>` is indexable by `PersonId` (and only by it, besides `usize`),
//! and run state that is kept per item lives in an [`IdVec`], indexable by its own id only.

use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// An index newtype: convertible to and from a position.
pub trait Id: Copy + Eq + Ord + std::fmt::Debug {
    /// The id of the item at `index`.
    fn from_index(index: usize) -> Self;
    /// The item's position.
    fn index(self) -> usize;
}

/// An item kept in a list whose positions are its ids.
pub trait Keyed {
    /// The id type of this kind of item.
    type Id: Id;
}

macro_rules! ids {
    ($($(#[$doc:meta])* $id:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $id(u32);

        impl Id for $id {
            fn from_index(index: usize) -> Self {
                // Models are bounded far below 4 billion items by the input size limit.
                $id(u32::try_from(index).unwrap_or(u32::MAX))
            }
            fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

/// Declares that the positions of a list of `$item`s are `$id`s: `Vec<$item>` becomes
/// indexable by `$id`. Invoked beside each item type, so that this module depends on
/// nothing and everything may depend on it.
#[macro_export]
macro_rules! keyed_by {
    ($($item:ty => $id:ty;)*) => {$(
        impl $crate::ids::Keyed for $item {
            type Id = $id;
        }

        impl std::ops::Index<$id> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $id) -> &$item {
                &self[$crate::ids::Id::index(id)]
            }
        }

        impl std::ops::Index<$id> for [$item] {
            type Output = $item;
            fn index(&self, id: $id) -> &$item {
                &self[$crate::ids::Id::index(id)]
            }
        }
    )*};
}

ids! {
    /// A site of the plan.
    SiteId;
    /// A system of the plan.
    SystemId;
    /// A communication channel of the plan.
    ChannelId;
    /// A person of the plan.
    PersonId;
    /// A role of the plan.
    RoleId;
    /// A critical function of the plan.
    FunctionId;
    /// A recovery procedure of the plan.
    ProcedureId;
    /// A stakeholder of the plan.
    StakeholderId;
    /// A supplier of the plan.
    SupplierId;
    /// An inject of the scenario, in delivery order.
    InjectId;
    /// A decision point of the scenario.
    DecisionId;
    /// A link of the call tree.
    LinkId;
    /// A step within its procedure.
    StepId;
    /// An option within its decision.
    OptionId;
    /// A notification of the run (an entry of `Outcome::notifications`).
    CallId;
    /// A decision as posed in the run (an entry of `Outcome::decisions`).
    RecordId;
    /// An attempt within its notification.
    AttemptId;
    /// An inject a script scheduled during the run.
    ScriptInjectId;
    /// A line a script wrote to the log.
    ScriptLineId;
}

/// Every id of a vector, in order.
pub fn all<T: Keyed>(items: &[T]) -> impl DoubleEndedIterator<Item = T::Id> + ExactSizeIterator + use<T> {
    (0..items.len()).map(T::Id::from_index)
}

/// Run state kept per item of one kind, indexable only by that kind's id.
#[derive(Debug, Clone)]
pub struct IdVec<I, T> {
    items: Vec<T>,
    id: PhantomData<fn(I) -> I>,
}

impl<I, T> Default for IdVec<I, T> {
    fn default() -> Self {
        IdVec { items: Vec::new(), id: PhantomData }
    }
}

impl<I: Id, T: Clone> IdVec<I, T> {
    /// Empties the vector and fills it with `len` copies of `value`, keeping its allocation.
    pub fn reset(&mut self, len: usize, value: T) {
        self.items.clear();
        self.items.resize(len, value);
    }

    /// Sets one item, growing the vector with `gap` as needed (for state kept per item
    /// of a list that grows during the run, such as notifications).
    pub fn set_growing(&mut self, id: I, value: T, gap: T) {
        if self.items.len() <= id.index() {
            self.items.resize(id.index() + 1, gap);
        }
        self.items[id.index()] = value;
    }
}

impl<I: Id, T> IdVec<I, T> {
    /// The item, if the id is in range.
    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(id.index())
    }

    /// Every id with its item, in order.
    pub fn iter(&self) -> impl Iterator<Item = (I, &T)> {
        self.items.iter().enumerate().map(|(i, t)| (I::from_index(i), t))
    }

    /// The items in order.
    pub fn values(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl Iterator<Item = I> + use<I, T> {
        (0..self.items.len()).map(I::from_index)
    }
}

impl<I: Id, T> Index<I> for IdVec<I, T> {
    type Output = T;
    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: Id, T> IndexMut<I> for IdVec<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_their_index() {
        assert_eq!(PersonId::from_index(7).index(), 7);
        let mut v: IdVec<RoleId, bool> = IdVec::default();
        v.reset(3, false);
        v[RoleId::from_index(2)] = true;
        assert_eq!(v.iter().filter(|(_, b)| **b).map(|(r, _)| r).collect::<Vec<_>>(), vec![RoleId::from_index(2)]);
    }
}
