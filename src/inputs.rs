//! What a run was played from: the SHA-256 of the text of the scenario, its plan and each
//! script. A session's journal carries it, so that recorded answers are never replayed
//! against other inputs without saying so.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Each input file's SHA-256 (lower-case hex of its UTF-8 text), by its role: `scenario`,
/// `plan`, and `script PATH` with the path as the scenario writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Inputs(BTreeMap<String, String>);

impl Inputs {
    /// Records one file's text under its role.
    pub fn add(&mut self, role: impl Into<String>, text: &str) {
        self.0.insert(role.into(), sha256_hex(text));
    }

    /// The roles whose text differs from what `recorded` holds (or that only one of the
    /// two has), in order.
    pub fn differences<'a>(&'a self, recorded: &'a Inputs) -> Vec<&'a str> {
        let mut roles: Vec<&str> = self.0.keys().chain(recorded.0.keys()).map(String::as_str).collect();
        roles.sort_unstable();
        roles.dedup();
        roles.retain(|role| self.0.get(*role) != recorded.0.get(*role));
        roles
    }
}

/// The SHA-256 of a text, as lower-case hex: how every input is identified.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_named_and_an_unchanged_one_is_not() {
        let mut then = Inputs::default();
        then.add("scenario", "id: a");
        then.add("plan", "rto: 2h");
        let mut now = then.clone();
        assert!(now.differences(&then).is_empty());
        now.add("plan", "rto: 4h");
        now.add("script s.rhai", "log(1)");
        assert_eq!(now.differences(&then), ["plan", "script s.rhai"]);
    }

    #[test]
    fn the_digest_is_sha256_of_the_text() {
        let mut i = Inputs::default();
        i.add("scenario", "abc");
        assert_eq!(i.0["scenario"], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
