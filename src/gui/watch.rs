//! Noticing files that change on disk (an officer saves a new report on the
//! shared drive) so the dashboard can reload them.
//!
//! Polling the modification time and size of the few files of a pledge once a
//! second is cheap and, unlike inotify-style notifications, also works on the
//! network shares (SMB) where these files usually live.
//!
//! A time and a size can miss a change: FAT and some shares keep times in
//! steps of 2 s, so a file rewritten within the step it was last written in,
//! at the same size ("2" became "3"), looks the same. So while a file's
//! time is recent, its content is compared too, by a hash: only then can a
//! change hide in the same step, and only files just written are read again.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::store;

/// What we know of a file: modification time and size, or absent.
type Stamp = Option<(SystemTime, u64)>;

/// For how long after a stamp is first seen the content is compared too:
/// longer than the coarsest step of file times (2 s on FAT and some shares).
pub const SETTLE: Duration = Duration::from_secs(3);

/// How near the clock a file's time must be for its content to be hashed
/// when it is first seen: a file last written long ago cannot change again
/// within that step. A minute allows for a share whose clock is off.
const RECENT: Duration = Duration::from_mins(1);

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// A hash of the file's content; `None` when it cannot be read.
fn content_hash(path: &Path) -> Option<u64> {
    let bytes = store::read_regular_file(path, store::MAX_FILE_BYTES).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    Some(hasher.finish())
}

/// Whether a stamp's time is near the clock (either way).
fn is_recent(stamp: Stamp) -> bool {
    let Some((modified, _)) = stamp else {
        return false;
    };
    let now = SystemTime::now();
    let distance = now
        .duration_since(modified)
        .or_else(|_| modified.duration_since(now))
        .unwrap_or(Duration::MAX);
    distance < RECENT
}

/// One watched file.
#[derive(Debug, Clone)]
struct Watched {
    path: PathBuf,
    stamp: Stamp,
    /// When `stamp` was first seen.
    seen: Instant,
    /// The content's hash, while the stamp is settling.
    hash: Option<u64>,
}

impl Watched {
    fn new(path: PathBuf, now: Instant) -> Self {
        let stamp = stamp(&path);
        let hash = if is_recent(stamp) {
            content_hash(&path)
        } else {
            None
        };
        Watched {
            path,
            stamp,
            seen: now,
            hash,
        }
    }

    /// Whether the file changed since the last look.
    fn changed(&mut self, now: Instant) -> bool {
        let new = stamp(&self.path);
        if new != self.stamp {
            self.stamp = new;
            self.seen = now;
            // Hashed whatever its time: it was just written.
            self.hash = content_hash(&self.path);
            return true;
        }
        if self.hash.is_none() || now.duration_since(self.seen) >= SETTLE {
            self.hash = None;
            return false;
        }
        let hash = content_hash(&self.path);
        if hash != self.hash {
            self.hash = hash;
            self.seen = now;
            return true;
        }
        false
    }
}

/// The state of a set of files (and of the activity and meeting folders'
/// listings) at one moment.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    files: Vec<Watched>,
    /// The activity and meeting folders of a pledge folder, whose listings
    /// are watched so a new report or meeting file is picked up too.
    folders: Vec<(PathBuf, Vec<PathBuf>)>,
}

impl Watch {
    /// Starts watching `files`, and the listings of `activities/` and
    /// `meetings/` (in any case) when the pledge is a folder.
    pub fn new(files: Vec<PathBuf>, pledge_folder: Option<&Path>) -> Self {
        let now = Instant::now();
        let folders = pledge_folder.map_or_else(Vec::new, |f| {
            [store::activities_dir(f), store::meetings_dir(f)]
                .into_iter()
                .map(|dir| {
                    let listing = listing(&dir);
                    (dir, listing)
                })
                .collect()
        });
        Watch {
            files: files.into_iter().map(|p| Watched::new(p, now)).collect(),
            folders,
        }
    }

    /// The files that changed, appeared or disappeared since the last call.
    pub fn changed(&mut self) -> Vec<PathBuf> {
        let now = Instant::now();
        let mut changed = Vec::new();
        for file in &mut self.files {
            if file.changed(now) {
                changed.push(file.path.clone());
            }
        }
        for (dir, old) in &mut self.folders {
            let new = listing(dir);
            if new == *old {
                continue;
            }
            for path in new.iter().filter(|p| !old.contains(p)) {
                if !self.files.iter().any(|f| &f.path == path) {
                    self.files.push(Watched::new(path.clone(), now));
                }
                changed.push(path.clone());
            }
            for path in old.iter().filter(|p| !new.contains(p)) {
                if !changed.contains(path) {
                    changed.push(path.clone());
                }
            }
            *old = new;
        }
        changed
    }
}

/// The files of a folder that loading reads ([`store::is_listed`]), sorted;
/// empty when it cannot be read.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| store::is_listed(p))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_changed_new_and_removed_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let activities = dir.path().join(store::ACTIVITIES_DIR);
        std::fs::create_dir_all(&activities).expect("create");
        let a = activities.join("a.ron");
        std::fs::write(&a, "(version: 1)").expect("write");
        let mut watch = Watch::new(vec![a.clone()], Some(dir.path()));
        assert!(watch.changed().is_empty());

        std::fs::write(&a, "(version: 1, entries: [])").expect("write");
        assert_eq!(watch.changed(), vec![a.clone()]);
        assert!(watch.changed().is_empty(), "reported once");

        let b = activities.join("b.ron");
        std::fs::write(&b, "(version: 1)").expect("write");
        assert_eq!(watch.changed(), vec![b.clone()]);

        std::fs::remove_file(&a).expect("remove");
        assert_eq!(watch.changed(), vec![a]);
    }

    /// The times FAT and some SMB shares keep: whole even seconds.
    fn coarse_now() -> SystemTime {
        let secs = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs();
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs - secs % 2)
    }

    fn write_at(path: &Path, text: &str, time: SystemTime) {
        std::fs::write(path, text).expect("write");
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(time))
            .expect("set the time");
    }

    #[test]
    fn a_same_size_change_within_a_2_s_time_step_is_noticed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("kommunen.ron");
        let step = coarse_now();
        write_at(&file, "(amount: 2)", step);
        let mut watch = Watch::new(vec![file.clone()], None);
        assert!(watch.changed().is_empty());
        // Same size, same (2 s) time: only the content tells.
        write_at(&file, "(amount: 3)", step);
        assert_eq!(watch.changed(), vec![file.clone()]);
        assert!(watch.changed().is_empty(), "reported once");
        write_at(&file, "(amount: 4)", step);
        assert_eq!(watch.changed(), vec![file.clone()], "and again");
    }

    #[test]
    fn an_old_file_is_not_read_again_at_every_look() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("kommunen.ron");
        write_at(
            &file,
            "(amount: 2)",
            SystemTime::UNIX_EPOCH + Duration::from_mins(25_000_000),
        );
        let watch = Watch::new(vec![file], None);
        assert!(watch.files.iter().all(|f| f.hash.is_none()));
    }

    #[test]
    fn a_file_written_by_another_process_is_noticed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let activities = dir.path().join("Activities");
        std::fs::create_dir_all(&activities).expect("create");
        let file = activities.join("polisen.ron");
        std::fs::write(&file, "(version: 1)").expect("write");
        let mut watch = Watch::new(vec![file.clone()], Some(dir.path()));
        assert!(watch.changed().is_empty());
        // As a colleague's program on the share would: another process,
        // the same size.
        #[cfg(windows)]
        let status = {
            use std::os::windows::process::CommandExt;
            std::process::Command::new("cmd")
                .raw_arg(format!("/C echo (version: 2)>\"{}\"", file.display()))
                .status()
        };
        #[cfg(not(windows))]
        let status = std::process::Command::new("sh")
            .args(["-c", "printf '(version: 2)' > \"$1\"", "sh"])
            .arg(&file)
            .status();
        assert!(status.expect("the shell runs").success());
        assert_eq!(watch.changed(), vec![file]);
        // A new file in `Activities` (not `activities`) is seen too.
        let new = activities.join("Kommunen.RON");
        std::fs::write(&new, "(version: 1)").expect("write");
        assert_eq!(watch.changed(), vec![new]);
    }
}
