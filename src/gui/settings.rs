//! The small settings kept between runs with eframe's persistence: recent
//! folders, zoom and theme. The document is never stored here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::tokens::Theme;

/// How many recent folders the Arkiv menu lists.
pub const MAX_RECENT: usize = 8;

/// The key under which eframe stores the settings.
pub const STORAGE_KEY: &str = "medborgarlofte.settings";

/// Settings that survive a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened folders or pledge files, newest first.
    pub recent: Vec<PathBuf>,
    /// egui zoom factor (Ctrl +/-).
    pub zoom: f32,
    /// Light or dark.
    pub theme: Theme,
    /// The party the user last reported an activity for (the form's default).
    pub last_party: Option<String>,
    /// Whether justerade minutes, their copies and extracts are written as
    /// PDF/A-2u for archiving (on unless turned off in the Möte menu).
    pub archival_pdf: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            zoom: 1.0,
            theme: Theme::Ljust,
            last_party: None,
            archival_pdf: true,
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent list, without duplicates: on
    /// Windows `C:\Löfte\` and `c:/löfte` are one folder
    /// ([`crate::store::paths::same`]), kept as last opened.
    pub fn remember(&mut self, path: &Path) {
        let path = crate::store::paths::native(path);
        self.recent.retain(|p| !crate::store::paths::same(p, &path));
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// A zoom factor within what egui accepts, whatever the stored value.
    pub fn sane_zoom(&self) -> f32 {
        if self.zoom.is_finite() {
            self.zoom.clamp(0.5, 3.0)
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_newest_first_unique_and_bounded() {
        let mut s = Settings::default();
        for i in 0..10 {
            s.remember(Path::new(&format!("/data/{i}")));
        }
        s.remember(Path::new("/data/5"));
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(
            s.recent.first().map(PathBuf::as_path),
            Some(Path::new("/data/5"))
        );
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("5")).count(), 1);
    }

    #[test]
    fn recent_folders_with_non_ascii_and_share_names_survive_a_restart() {
        let mut s = Settings::default();
        s.remember(Path::new(r"\\server\share\Trygghet\Löfte 2024"));
        s.remember(Path::new("/home/anna/Trygghet/Löfte åäö"));
        // eframe keeps the settings as RON.
        let text = ron::to_string(&s).expect("serialised");
        let back: Settings = ron::from_str(&text).expect("read back");
        assert_eq!(back, s);
    }

    /// Where eframe keeps the settings, as docs/file-formats.md says:
    /// `%APPDATA%\medborgarlofte\data` on Windows, the XDG data folder on Linux.
    #[test]
    fn the_settings_live_in_the_platforms_place() {
        let dir = eframe::storage_dir("medborgarlofte").expect("a place");
        if cfg!(windows) {
            assert!(dir.ends_with("medborgarlofte\\data"), "{}", dir.display());
        } else if cfg!(target_os = "linux") {
            assert!(dir.ends_with("medborgarlofte"), "{}", dir.display());
            let base = std::env::var_os("XDG_DATA_HOME")
                .map(std::path::PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| std::env::home_dir().map(|h| h.join(".local/share")));
            assert_eq!(dir.parent(), base.as_deref());
        }
    }

    #[test]
    fn a_broken_zoom_falls_back() {
        let s = Settings {
            zoom: f32::NAN,
            ..Settings::default()
        };
        assert!((s.sane_zoom() - 1.0).abs() < f32::EPSILON);
    }
}
