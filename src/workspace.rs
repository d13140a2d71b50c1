//! The open pledge and its derived figures: what was loaded from where, the
//! interned entries, and the status at the chosen date. Status is recomputed
//! here when the data or the date changes, never while drawing.
//!
//! It sits below both the GUI and the CLI (it needs no egui): opening a
//! folder, copying the sample and recomputing status are the same for a
//! window and for a nightly report on a server.

use std::path::{Path, PathBuf};

use crate::model::{ActivityFile, Date, Pledge};
use crate::sample;
use crate::status::{self, MonthlyReports, Prepared, StatusReport};
use crate::store::{self, Inputs, Loaded, OpenError, SaveError};

/// Where the open data came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The Karlstad sample embedded in the program (read-only).
    Sample,
    /// A pledge folder, or a pledge file, plus extra activity files.
    Path {
        /// The folder or the pledge file.
        path: PathBuf,
        /// Activity files added beside those of the folder.
        extra: Vec<PathBuf>,
    },
}

impl Origin {
    /// A folder or pledge file without extra activity files.
    pub fn path(path: impl Into<PathBuf>) -> Self {
        Origin::Path {
            path: path.into(),
            extra: Vec::new(),
        }
    }

    /// A pledge file and activity files chosen together: the pledge is the
    /// file that looks like one (see [`Origin::looks_like_pledge`]), else the first.
    pub fn from_files(paths: &[PathBuf]) -> Option<Self> {
        let pledge = paths
            .iter()
            .find(|p| Origin::looks_like_pledge(p))
            .or_else(|| paths.first())?;
        Some(Origin::Path {
            path: pledge.clone(),
            extra: paths.iter().filter(|p| *p != pledge).cloned().collect(),
        })
    }

    /// Whether a file is probably a pledge: named `pledge.ron`, or its
    /// beginning names both parties and commitments (activity files have neither).
    pub fn looks_like_pledge(path: &Path) -> bool {
        use std::io::Read;
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.eq_ignore_ascii_case(store::PLEDGE_FILE))
        {
            return true;
        }
        let Ok(file) = std::fs::File::open(path) else {
            return false;
        };
        let mut head = Vec::new();
        if file.take(64 * 1024).read_to_end(&mut head).is_err() {
            return false;
        }
        let text = String::from_utf8_lossy(&head);
        text.contains("parties") && text.contains("commitments")
    }

    /// The inputs to load.
    pub fn inputs(&self) -> Result<Inputs, OpenError> {
        match self {
            Origin::Sample => Ok(sample::karlstad()),
            Origin::Path { path, extra } => Inputs::open(path, extra),
        }
    }

    /// The folder to remember in the recent list (the pledge's folder).
    pub fn folder(&self) -> Option<PathBuf> {
        match self {
            Origin::Sample => None,
            Origin::Path { path, .. } if path.is_dir() => Some(path.clone()),
            Origin::Path { path, .. } => path.parent().map(Path::to_path_buf),
        }
    }
}

/// The open pledge with everything derived from it.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from.
    pub origin: Origin,
    /// What loading produced (data, sources, problems).
    pub loaded: Loaded,
    prepared: Prepared,
    /// The date the figures describe.
    pub as_of: Date,
    /// The status at `as_of` (absent when the pledge could not be read).
    pub status: Option<StatusReport>,
    /// Entries per month per party and area, up to `as_of`.
    pub monthly: Option<MonthlyReports>,
    /// The effect indicators at `as_of`, in pledge order; apart from
    /// `status`, never summed with it.
    pub indicators: Vec<status::indicators::IndicatorStatus>,
}

impl Document {
    /// The files a written document must never replace (see
    /// [`store::output::check_output_path`]).
    pub fn protected(&self) -> store::output::Protected {
        store::output::Protected::of_loaded(&self.loaded, self.origin.folder().as_deref())
    }

    /// Loads `origin`. `today` decides which dates are in the future and the
    /// default as-of date (today, moved into the period or up to a final
    /// meeting after it: [`status::as_of_range`]).
    pub fn open(origin: Origin, today: Date) -> Result<Self, OpenError> {
        let mut loaded = store::load(origin.inputs()?, today);
        loaded.release_unneeded_texts();
        let as_of = loaded
            .pledge
            .as_ref()
            .map_or(today, |p| status::default_as_of(p, &loaded.meetings, today));
        let mut doc = Document {
            origin,
            loaded,
            prepared: Prepared::default(),
            as_of,
            status: None,
            monthly: None,
            indicators: Vec::new(),
        };
        doc.prepare();
        Ok(doc)
    }

    /// Loads the same origin again, keeping the as-of date.
    pub fn reloaded(&self, today: Date) -> Result<Self, OpenError> {
        let mut doc = Document::open(self.origin.clone(), today)?;
        if let Some((start, end)) = doc.as_of_range() {
            doc.as_of = self.as_of.clamp(start, end);
            doc.recompute();
        }
        Ok(doc)
    }

    /// The pledge, if it could be read.
    pub fn pledge(&self) -> Option<&Pledge> {
        self.loaded.pledge.as_ref()
    }

    /// The parsed activity files.
    pub fn activities(&self) -> &[ActivityFile] {
        &self.loaded.activities
    }

    /// The embedded sample cannot be changed; it can be saved as a copy.
    pub fn is_read_only(&self) -> bool {
        self.origin == Origin::Sample
    }

    /// The interned entries (for charts).
    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }

    /// The dates the as-of date can take ([`status::as_of_range`]).
    pub fn as_of_range(&self) -> Option<(Date, Date)> {
        self.pledge()
            .map(|p| status::as_of_range(p, &self.loaded.meetings))
    }

    /// Moves the as-of date (into [`Document::as_of_range`]) and recomputes the figures.
    pub fn set_as_of(&mut self, date: Date) {
        let date = self
            .as_of_range()
            .map_or(date, |(start, end)| date.clamp(start, end));
        if date != self.as_of {
            self.as_of = date;
            self.recompute();
        }
    }

    /// Every file on disk the document was read from (none for the sample).
    pub fn files_on_disk(&self) -> Vec<PathBuf> {
        if self.is_read_only() {
            return Vec::new();
        }
        self.loaded.sources.iter().map(|s| s.path.clone()).collect()
    }

    fn prepare(&mut self) {
        self.prepared = match &self.loaded.pledge {
            Some(pledge) => Prepared::new(pledge, &self.loaded.activities),
            None => Prepared::default(),
        };
        self.recompute();
    }

    fn recompute(&mut self) {
        let Some(pledge) = &self.loaded.pledge else {
            self.status = None;
            self.monthly = None;
            self.indicators = Vec::new();
            return;
        };
        self.status = Some(
            self.prepared
                .compute(pledge, self.as_of)
                .with_assessments(pledge, &self.loaded.meetings),
        );
        self.monthly = Some(self.prepared.monthly_reports(pledge, self.as_of));
        self.indicators = status::indicators::compute(pledge, self.as_of);
    }
}

/// Why the sample could not be copied.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The folder already holds a pledge: never overwrite unasked.
    #[error("mappen {0} innehåller redan en pledge.ron; välj en tom mapp")]
    NotEmpty(PathBuf),
    /// Creating a folder failed.
    #[error("kan inte skapa mappen {path}: {reason}")]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Writing a file failed.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Writes the embedded sample, as written (comments included), into `folder`
/// (`pledge.ron`, `activities/*.ron`, `meetings/*.ron`), refusing to replace a pledge there.
pub fn copy_sample_to(folder: &Path) -> Result<(), CopyError> {
    let pledge_path = folder.join(store::PLEDGE_FILE);
    if pledge_path.exists() {
        return Err(CopyError::NotEmpty(folder.to_owned()));
    }
    // Everything but the pledge first: a folder is only a pledge folder once
    // all its files are in place.
    let files = sample::files();
    for (name, text) in files.iter().filter(|(n, _)| n != store::PLEDGE_FILE) {
        let target = folder.join(name);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| CopyError::CreateDir {
                path: dir.to_owned(),
                reason: store::io_message(&e),
            })?;
        }
        if !target.exists() {
            store::save_atomic(&target, text)?;
        }
    }
    if let Some((_, text)) = files.iter().find(|(n, _)| n == store::PLEDGE_FILE) {
        store::save_atomic(&pledge_path, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_files_find_their_pledge() {
        let dir = tempfile::tempdir().expect("temp dir");
        let activity = dir.path().join("polisen.ron");
        let pledge = dir.path().join("löfte-2018.ron");
        std::fs::write(&activity, "(version: 1, entries: [])").expect("write");
        std::fs::write(&pledge, "(version: 1, parties: [], commitments: [])").expect("write");
        let origin = Origin::from_files(&[activity.clone(), pledge.clone()]);
        assert_eq!(
            origin,
            Some(Origin::Path {
                path: pledge,
                extra: vec![activity],
            })
        );
        assert_eq!(Origin::from_files(&[]), None);
    }

    #[test]
    fn the_sample_is_copied_once_and_never_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_sample_to(dir.path()).expect("first copy");
        let today = Date::from_ymd(2026, 1, 1).expect("date");
        let doc = Document::open(Origin::path(dir.path()), today).expect("copy opens");
        assert!(doc.loaded.problems.is_empty(), "{:?}", doc.loaded.problems);
        assert_eq!(doc.activities().len(), 3);
        assert!(!doc.is_read_only());
        let pledge = dir.path().join(store::PLEDGE_FILE);
        std::fs::write(&pledge, "mine").expect("write");
        assert!(matches!(
            copy_sample_to(dir.path()),
            Err(CopyError::NotEmpty(_))
        ));
        assert_eq!(std::fs::read_to_string(&pledge).expect("read"), "mine");
    }

    #[test]
    fn the_as_of_date_stays_in_the_period() {
        let today = Date::from_ymd(2026, 1, 1).expect("date");
        let mut doc = Document::open(Origin::Sample, today).expect("sample");
        let end = doc.pledge().expect("pledge").period.end;
        assert_eq!(doc.as_of, end, "today after the period opens at its end");
        doc.set_as_of(Date::from_ymd(2010, 1, 1).expect("date"));
        assert_eq!(Some(doc.as_of), doc.pledge().map(|p| p.period.start));
    }
}
