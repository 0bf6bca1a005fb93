//! What scripts may do in one run, beyond one hook call's budget: how much they log,
//! how many injects they add, and how often they set off their own hooks. Each limit
//! refuses the call that would cross it, so the error points at that statement; the
//! refusal is also kept as the run's fault, so a script that catches the error still
//! stops the run.

use rhai::Position;

use crate::time::format_time;

/// Lines `log()` may write in one run.
pub const MAX_LOG_LINES: usize = 1_000;
/// Bytes `log()` may write in one run.
pub const MAX_LOG_BYTES: usize = 256 * 1024;
/// Injects `schedule()` may add in one run.
pub const MAX_INJECTS_PER_RUN: usize = 1_000;
/// Injects `schedule()` may add at one scenario time (a `schedule(0, …)` chain).
pub const MAX_INJECTS_PER_MOMENT: usize = 100;
/// Hook calls at one scenario time after which no script may set off more: a hook that
/// reacts to its own effects (an `apply` ping-pong, a `schedule(0, …)` or `pose` chain).
pub const MAX_HOOK_CALLS_PER_MOMENT: usize = 10_000;
/// Hook calls in one run after which no script may set off more (a chain through time).
pub const MAX_HOOK_CALLS_PER_RUN: usize = 100_000;

/// A limit a script hit, or an argument it may not pass, located at the call.
#[derive(Debug, Clone)]
pub struct Fault {
    /// The diagnostic code.
    pub code: &'static str,
    /// What happened.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// The call that was refused.
    pub at: Position,
}

impl Fault {
    /// A fault whose place the caller fills in.
    pub fn new(code: &'static str, message: impl Into<String>, help: impl Into<String>) -> Self {
        Fault { code, message: message.into(), help: help.into(), at: Position::NONE }
    }
}

/// What scripts have done so far in the run.
#[derive(Debug, Clone, Default)]
pub struct Counters {
    log_lines: usize,
    log_bytes: usize,
    injects: usize,
    hook_calls: usize,
    moment: i64,
    injects_at_moment: usize,
    hook_calls_at_moment: usize,
}

impl Counters {
    /// Counts a hook call at scenario time `now`.
    pub fn hook_called(&mut self, now: i64) {
        if now != self.moment {
            self.moment = now;
            self.injects_at_moment = 0;
            self.hook_calls_at_moment = 0;
        }
        self.hook_calls += 1;
        self.hook_calls_at_moment += 1;
    }

    /// Whether a script may set off more events (`apply`, `schedule`, `pose`) now.
    pub fn may_react(&self, what: &str) -> Result<(), Fault> {
        let help = "a hook probably reacts to its own effects (undoes and redoes an effect, schedules or \
                    poses from the hook the result calls); guard it with a condition or `remember` what it did";
        if self.hook_calls_at_moment > MAX_HOOK_CALLS_PER_MOMENT {
            return Err(Fault::new(
                "script::hook-loop",
                format!(
                    "scripts reacted to their own effects more than {MAX_HOOK_CALLS_PER_MOMENT} times at {}; \
                     this {what} would set off more",
                    format_time(self.moment)
                ),
                help,
            ));
        }
        if self.hook_calls > MAX_HOOK_CALLS_PER_RUN {
            return Err(Fault::new(
                "script::hook-loop",
                format!(
                    "scripts were called more than {MAX_HOOK_CALLS_PER_RUN} times in this run; this {what} would set off more"
                ),
                help,
            ));
        }
        Ok(())
    }

    /// Counts a line of `bytes` for `log()`.
    pub fn log(&mut self, bytes: usize) -> Result<(), Fault> {
        if self.log_lines >= MAX_LOG_LINES || self.log_bytes.saturating_add(bytes) > MAX_LOG_BYTES {
            return Err(Fault::new(
                "script::too-much-log",
                format!("scripts may log at most {MAX_LOG_LINES} lines and {MAX_LOG_BYTES} bytes in a run"),
                "log what the facilitator needs once, not inside a loop",
            ));
        }
        self.log_lines += 1;
        self.log_bytes += bytes;
        Ok(())
    }

    /// Counts an inject added by `schedule()`.
    pub fn schedule(&mut self) -> Result<(), Fault> {
        let help = "an on_inject hook probably schedules from the inject it schedules; guard it with a condition";
        if self.injects >= MAX_INJECTS_PER_RUN {
            return Err(Fault::new(
                "script::too-many-injects",
                format!("scripts may add at most {MAX_INJECTS_PER_RUN} injects in a run"),
                help,
            ));
        }
        if self.injects_at_moment >= MAX_INJECTS_PER_MOMENT {
            return Err(Fault::new(
                "script::too-many-injects",
                format!(
                    "scripts may add at most {MAX_INJECTS_PER_MOMENT} injects at one time ({})",
                    format_time(self.moment)
                ),
                help,
            ));
        }
        self.injects += 1;
        self.injects_at_moment += 1;
        Ok(())
    }
}
