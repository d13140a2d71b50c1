//! Noticing files that change on disk (an officer saves a new report on the
//! shared drive) so the dashboard can reload them.
//!
//! Polling the modification time and size of the few files of a pledge once a
//! second is cheap and, unlike inotify-style notifications, also works on the
//! network shares (SMB) where these files usually live.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::store;

/// What we know of a file: modification time and size, or absent.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The state of a set of files (and of the activity folder's listing) at one moment.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    files: Vec<(PathBuf, Stamp)>,
    /// The activity folder of a pledge folder, whose listing is watched so a
    /// new report file is picked up too.
    folder: Option<(PathBuf, Vec<PathBuf>)>,
}

impl Watch {
    /// Starts watching `files`, and the listing of `pledge_folder/activities`
    /// when the pledge is a folder.
    pub fn new(files: Vec<PathBuf>, pledge_folder: Option<&Path>) -> Self {
        let folder = pledge_folder.map(|f| {
            let dir = f.join(store::ACTIVITIES_DIR);
            let listing = listing(&dir);
            (dir, listing)
        });
        Watch {
            files: files.into_iter().map(|p| (p.clone(), stamp(&p))).collect(),
            folder,
        }
    }

    /// The files that changed, appeared or disappeared since the last call.
    pub fn changed(&mut self) -> Vec<PathBuf> {
        let mut changed = Vec::new();
        for (path, old) in &mut self.files {
            let new = stamp(path);
            if new != *old {
                *old = new;
                changed.push(path.clone());
            }
        }
        if let Some((dir, old)) = &mut self.folder {
            let new = listing(dir);
            if new != *old {
                for path in new.iter().filter(|p| !old.contains(p)) {
                    self.files.push((path.clone(), stamp(path)));
                    changed.push(path.clone());
                }
                for path in old.iter().filter(|p| !new.contains(p)) {
                    if !changed.contains(path) {
                        changed.push(path.clone());
                    }
                }
                *old = new;
            }
        }
        changed
    }
}

/// The `.ron` files of a folder, sorted; empty when it cannot be read.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
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
}
