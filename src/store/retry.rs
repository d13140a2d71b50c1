//! Trying again, for a bounded time, a step that another program blocks for
//! a moment.
//!
//! On Windows a file that another program has open without letting others
//! delete it cannot be replaced: the atomic save's rename fails with a
//! sharing violation or "access denied". An antivirus scanner, the search
//! indexer and OneDrive each open a file just written, for a moment; a
//! colleague's program reading the file on the share holds it longer. So
//! the rename is tried again with short, growing pauses for about two
//! seconds (Go's own tool chain does the same for the same reasons) before
//! the save gives up and says so ([`super::SaveError::Busy`]).
//!
//! The loop takes its clock as a parameter, so tests run it on every
//! platform with a failing step injected, without waiting.

use std::io;
use std::time::{Duration, Instant};

/// How long a blocked step is tried again.
pub const BUSY_FOR: Duration = Duration::from_secs(2);

/// Time as the retry loop sees it.
pub trait Clock {
    /// Time since the loop started.
    fn elapsed(&self) -> Duration;
    /// Waits `pause`.
    fn sleep(&mut self, pause: Duration);
}

/// The real clock.
#[derive(Debug)]
pub struct RealClock(Instant);

impl RealClock {
    /// A clock started now.
    pub fn start() -> Self {
        RealClock(Instant::now())
    }
}

impl Clock for RealClock {
    fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }

    fn sleep(&mut self, pause: Duration) {
        std::thread::sleep(pause);
    }
}

/// The pause before try `n + 1` (from 1): 10, 20, 40, 80, 160 ms, then
/// 250 ms: a scanner is usually done in tens of milliseconds, and the
/// pauses stay short so a save is not held up longer than needed.
fn pause_after(tries: u32) -> Duration {
    let ms = 10u64.saturating_mul(1 << tries.saturating_sub(1).min(5));
    Duration::from_millis(ms.min(250))
}

/// A step that was still failing when the time was up (or failed for
/// another reason, at once).
#[derive(Debug)]
pub struct GaveUp {
    /// The last error.
    pub error: io::Error,
    /// How often it was tried.
    pub tries: u32,
    /// How long it was tried for.
    pub waited: Duration,
}

/// Runs `step` until it succeeds, fails with an error `blocked` does not
/// accept, or `bound` has passed (then one last try).
pub fn retry<T>(
    mut step: impl FnMut() -> io::Result<T>,
    blocked: impl Fn(&io::Error) -> bool,
    bound: Duration,
    clock: &mut dyn Clock,
) -> Result<T, GaveUp> {
    let mut tries = 0;
    loop {
        tries += 1;
        match step() {
            Ok(value) => return Ok(value),
            Err(error) => {
                let waited = clock.elapsed();
                if !blocked(&error) || waited >= bound {
                    return Err(GaveUp {
                        error,
                        tries,
                        waited,
                    });
                }
                clock.sleep(pause_after(tries).min(bound.saturating_sub(waited)));
            }
        }
    }
}

/// Whether `error` means another program holds the file for now, by
/// [`is_blocked_code`] on the platform the program runs on.
pub fn is_blocked(error: &io::Error) -> bool {
    is_blocked_code(error.kind(), error.raw_os_error(), cfg!(windows))
}

/// Windows' error codes for a file another program has open.
const ERROR_ACCESS_DENIED: i32 = 5;
const ERROR_SHARING_VIOLATION: i32 = 32;
const ERROR_LOCK_VIOLATION: i32 = 33;

/// Whether an error (its kind, and its raw code on `windows` or not) means
/// another program holds the file for now: on Windows a sharing or lock
/// violation, or "access denied", which is what replacing a file open in
/// another program (or pending its deletion) gives; anywhere "resource
/// busy" (a Linux share mounted with CIFS). A denied permission elsewhere is
/// no such case: it does not pass.
pub fn is_blocked_code(kind: io::ErrorKind, raw: Option<i32>, windows: bool) -> bool {
    if kind == io::ErrorKind::ResourceBusy {
        return true;
    }
    windows
        && matches!(
            raw,
            Some(ERROR_ACCESS_DENIED | ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
        )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A clock that only advances when slept on.
    #[derive(Debug, Default)]
    pub(crate) struct FakeClock {
        pub now: Duration,
        pub pauses: Vec<Duration>,
    }

    impl Clock for FakeClock {
        fn elapsed(&self) -> Duration {
            self.now
        }

        fn sleep(&mut self, pause: Duration) {
            self.now += pause;
            self.pauses.push(pause);
        }
    }

    fn busy() -> io::Error {
        io::Error::from(io::ErrorKind::ResourceBusy)
    }

    #[test]
    fn a_step_blocked_twice_succeeds_on_the_third_try() {
        let mut clock = FakeClock::default();
        let mut failures = 2;
        let result = retry(
            || {
                if failures > 0 {
                    failures -= 1;
                    Err(busy())
                } else {
                    Ok("sparad")
                }
            },
            is_blocked,
            BUSY_FOR,
            &mut clock,
        );
        assert_eq!(result.ok(), Some("sparad"));
        assert_eq!(
            clock.pauses,
            vec![Duration::from_millis(10), Duration::from_millis(20)]
        );
    }

    #[test]
    fn a_step_blocked_for_ever_gives_up_after_the_bound() {
        let mut clock = FakeClock::default();
        let gave_up = retry(|| Err::<(), _>(busy()), is_blocked, BUSY_FOR, &mut clock)
            .expect_err("never succeeds");
        assert_eq!(gave_up.waited, BUSY_FOR, "two seconds, not more");
        assert_eq!(clock.now, BUSY_FOR);
        assert!(
            clock
                .pauses
                .iter()
                .all(|p| *p <= Duration::from_millis(250))
        );
        // 10+20+40+80+160 ms, six pauses of 250 ms, 190 ms to the bound,
        // and the last try at 2 s: 13 tries.
        assert_eq!(gave_up.tries, 13);
    }

    #[test]
    fn another_error_is_not_tried_again() {
        let mut clock = FakeClock::default();
        let gave_up = retry(
            || Err::<(), _>(io::Error::from(io::ErrorKind::NotFound)),
            is_blocked,
            BUSY_FOR,
            &mut clock,
        )
        .expect_err("fails");
        assert_eq!((gave_up.tries, clock.now), (1, Duration::ZERO));
    }

    #[test]
    fn what_counts_as_blocked() {
        use io::ErrorKind as K;
        for (kind, raw, windows, expected) in [
            (K::PermissionDenied, Some(5), true, true),
            (K::Other, Some(32), true, true),
            (K::Other, Some(33), true, true),
            (K::ResourceBusy, Some(16), false, true),
            (K::PermissionDenied, Some(13), false, false),
            (K::Other, Some(32), false, false),
            (K::NotFound, Some(2), true, false),
            (K::StorageFull, Some(112), true, false),
        ] {
            assert_eq!(
                is_blocked_code(kind, raw, windows),
                expected,
                "{kind:?} {raw:?} windows={windows}"
            );
        }
    }
}
