//! Reading and writing the RON files: precise errors, atomic saves.
//!
//! Loading never modifies a file and never stops at the first problem: it
//! reads what it can, validates everything and returns every problem with
//! file, line and column, next to whatever data could be used.

pub mod activities;
pub mod conflicts;
pub mod copies;
pub mod journal;
mod locate;
pub mod newlines;
pub mod output;
pub mod paths;
pub mod retry;
mod ron_error;
mod save;
pub mod splice;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::model::{
    ActivityFile, Date, DocRef, Finding, Pledge, Problem, ProblemKind, Severity,
    meeting::Meeting,
    validate::{validate_activities, validate_meetings, validate_pledge},
};

pub use locate::{Position, locate};
pub use save::{
    SaveError, activities_to_ron, backup_path, create_pledge_folder, meeting_to_ron,
    save_activities, save_atomic, save_atomic_bytes, save_meeting, save_pledge, to_ron,
    update_pledge,
};

/// Files larger than this are refused without being read: the largest real
/// activity log is a few MB, and a 50 MB file is almost certainly not ours.
pub const MAX_FILE_BYTES: u64 = 32 * 1_000_000;

/// Name of the pledge file in a pledge folder.
pub const PLEDGE_FILE: &str = "pledge.ron";
/// Sub-folder with activity files.
pub const ACTIVITIES_DIR: &str = "activities";
/// Sub-folder with meeting files.
pub const MEETINGS_DIR: &str = "meetings";

/// The entry of `dir` named `name`, also when its case differs (`Pledge.RON`,
/// `Activities`): a folder made on Windows, whose file systems ignore case,
/// may be read where case matters (a copy on a Linux disk, some shares).
/// The name as the folder spells it is returned, also on Windows (where
/// `dir/name` would open `Pledge.RON` too, but show another name than
/// Explorer does). The exact name wins; among several spellings the first
/// in byte order. `dir/name` when there is none, so that a new file gets
/// the usual name.
pub fn child(dir: &Path, name: &str) -> PathBuf {
    let exact = dir.join(name);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return exact;
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .map(|e| e.path())
        .collect();
    if found.contains(&exact) {
        return exact;
    }
    found.sort();
    found.into_iter().next().unwrap_or(exact)
}

/// The pledge file of a pledge folder ([`child`]: `Pledge.RON` is found).
pub fn pledge_file(folder: &Path) -> PathBuf {
    child(folder, PLEDGE_FILE)
}

/// The activity folder of a pledge folder (`Activities` is found).
pub fn activities_dir(folder: &Path) -> PathBuf {
    child(folder, ACTIVITIES_DIR)
}

/// The meeting folder of a pledge folder (`MEETINGS` is found).
pub fn meetings_dir(folder: &Path) -> PathBuf {
    child(folder, MEETINGS_DIR)
}

/// Whether a folder's listing loads `path`: `*.ron` in any case, and the
/// `*.ron.conflict` copies of sync services, which are reported rather than
/// counted ([`conflicts`]).
pub fn is_listed(path: &Path) -> bool {
    paths::has_extension(path, "ron")
        || (paths::has_extension(path, "conflict")
            && path
                .file_stem()
                .is_some_and(|stem| paths::has_extension(Path::new(stem), "ron")))
}

/// One input file: its name as shown to the user and its text, if it could be read.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as the user gave it (or a name for embedded data).
    pub path: PathBuf,
    /// The text, or why there is none.
    pub text: Result<String, ProblemKind>,
}

impl Source {
    /// A source from text already in memory (embedded sample, tests, GUI edits).
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: Ok(text.into()),
        }
    }

    /// Reads a file, refusing oversized, binary and non-UTF-8 files with a clear reason.
    pub fn read(path: impl Into<PathBuf>) -> Self {
        Self::read_with_style(path).0
    }

    /// [`Source::read`], and how the file's bytes are laid out (line
    /// endings, byte-order mark), for saving it back the same way.
    pub fn read_with_style(path: impl Into<PathBuf>) -> (Self, newlines::TextStyle) {
        let path = path.into();
        let (text, style) = match read_bytes(&path) {
            Ok(bytes) => {
                let style = newlines::TextStyle::of(&bytes);
                (text_from_bytes(bytes), style)
            }
            Err(kind) => (Err(kind), newlines::TextStyle::default()),
        };
        (Self { path, text }, style)
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, ProblemKind> {
    let io = |e: std::io::Error| ProblemKind::Io(io_message(&e));
    read_regular_file(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadRefused::Io(e) => io(e),
        ReadRefused::Special(kind) => ProblemKind::Io(format!("{kind}; bara vanliga filer läses")),
        ReadRefused::TooLarge { bytes, limit } => ProblemKind::TooLarge { bytes, limit },
    })
}

/// Why [`read_regular_file`] read nothing.
#[derive(Debug)]
pub enum ReadRefused {
    /// The operating system refused.
    Io(std::io::Error),
    /// A FIFO, a device, a folder…: never opened (a FIFO blocks, a device
    /// such as `/dev/zero` never ends). The Swedish name of what it is.
    Special(&'static str),
    /// Larger than the limit.
    TooLarge {
        /// Size of the file (at least).
        bytes: u64,
        /// The limit.
        limit: u64,
    },
}

/// Reads an ordinary file (a symlink is followed) of at most `limit` bytes.
/// Anything else is refused without being read.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadRefused> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadRefused::Io)?;
    if let Some(kind) = output::special_kind(&meta) {
        return Err(ReadRefused::Special(kind));
    }
    let too_large = |bytes| ReadRefused::TooLarge { bytes, limit };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadRefused::Io)?;
    // Replaced by something else since the check above?
    if let Some(kind) = file.metadata().ok().as_ref().and_then(output::special_kind) {
        return Err(ReadRefused::Special(kind));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadRefused::Io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Checks raw bytes the way [`Source::read`] does (exposed for tests and drops).
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, ProblemKind> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.contains(&0) {
        return Err(ProblemKind::BinaryFile);
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let bad = e.utf8_error().valid_up_to();
        ProblemKind::NotUtf8 {
            byte: e.as_bytes().get(bad).copied().unwrap_or(0),
        }
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    if text.trim().is_empty() {
        return Err(ProblemKind::EmptyFile);
    }
    Ok(text)
}

/// Turns an I/O error into a short Swedish phrase. The operating system's
/// own text is English ("Too many levels of symbolic links (os error 40)"),
/// so it is never shown; an unknown error gets its number, to look up.
/// The callers put the path in front.
pub fn io_message(err: &std::io::Error) -> String {
    use std::io::ErrorKind as E;
    // ELOOP has no stable ErrorKind yet.
    #[cfg(unix)]
    if err.raw_os_error() == Some(40) {
        return "för många nivåer av symboliska länkar (en länk som pekar på sig själv?)".into();
    }
    // Windows' sharing and lock violations (another program has the file
    // open) have no ErrorKind of their own.
    #[cfg(windows)]
    match err.raw_os_error() {
        Some(32) => return "filen används av ett annat program".into(),
        Some(33) => return "en del av filen är låst av ett annat program".into(),
        _ => {}
    }
    let text = match err.kind() {
        E::NotFound => "filen eller mappen finns inte",
        E::PermissionDenied => "behörighet saknas",
        E::IsADirectory => "det är en mapp, inte en fil",
        E::NotADirectory => "en del av sökvägen är ingen mapp",
        E::AlreadyExists => "filen finns redan",
        E::DirectoryNotEmpty => "mappen är inte tom",
        E::StorageFull => "disken är full",
        E::QuotaExceeded => "diskkvoten är slut",
        E::ReadOnlyFilesystem => "filsystemet är skrivskyddat",
        E::ResourceBusy | E::ExecutableFileBusy => "filen är upptagen",
        E::FileTooLarge => "filen är för stor för filsystemet",
        E::InvalidFilename => "ogiltigt filnamn (för långt eller med otillåtna tecken)",
        E::CrossesDevices => "filen kan inte flyttas mellan olika diskar",
        E::TooManyLinks => "för många länkar till filen",
        E::StaleNetworkFileHandle => "nätverksfilen är inte längre tillgänglig",
        E::TimedOut => "tidsgränsen överskreds",
        E::Interrupted => "avbröts",
        E::WouldBlock => "filen är inte redo att läsas",
        E::UnexpectedEof => "filen tog slut oväntat",
        E::InvalidData => "filen innehåller ogiltiga data",
        E::OutOfMemory => "minnet räckte inte",
        E::ConnectionRefused
        | E::ConnectionReset
        | E::ConnectionAborted
        | E::NotConnected
        | E::BrokenPipe
        | E::NetworkDown
        | E::NetworkUnreachable
        | E::HostUnreachable => "förbindelsen med nätverksenheten bröts",
        E::Unsupported => "åtgärden stöds inte här",
        _ => {
            return match err.raw_os_error() {
                Some(code) => format!("okänt fel från operativsystemet (felkod {code})"),
                None => "okänt fel vid läsning eller skrivning".into(),
            };
        }
    };
    text.into()
}

/// Why a path could not be opened at all (as opposed to problems inside files).
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The path does not exist or cannot be read.
    #[error("kan inte öppna {path}: {reason}")]
    Unreadable {
        /// The path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A folder without a pledge file.
    #[error(
        "mappen {0} saknar {PLEDGE_FILE}; välj en mapp med ett medborgarlöfte eller själva löftesfilen"
    )]
    NoPledge(PathBuf),
}

/// The files of a pledge: which file is the pledge and which hold activities.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The pledge file.
    pub pledge: Source,
    /// Activity files, in the order given (folders: sorted by name).
    pub activities: Vec<Source>,
    /// Meeting files (folders: `meetings/*.ron`, sorted by name).
    pub meetings: Vec<Source>,
}

impl Inputs {
    /// A pledge folder (`pledge.ron`, `activities/*.ron`), or a single pledge
    /// file plus any number of extra activity files.
    pub fn open(path: &Path, extra_activities: &[PathBuf]) -> Result<Self, OpenError> {
        let meta = std::fs::metadata(path).map_err(|e| OpenError::Unreadable {
            path: path.to_owned(),
            reason: io_message(&e),
        })?;
        let mut inputs = if meta.is_dir() {
            let pledge = pledge_file(path);
            // Anything by that name is read, so that a FIFO or a folder
            // called pledge.ron is reported for what it is.
            if std::fs::symlink_metadata(&pledge).is_err() {
                return Err(OpenError::NoPledge(path.to_owned()));
            }
            Inputs {
                pledge: Source::read(pledge),
                activities: ron_files_in(&activities_dir(path))?
                    .into_iter()
                    .map(Source::read)
                    .collect(),
                meetings: ron_files_in(&meetings_dir(path))?
                    .into_iter()
                    .map(Source::read)
                    .collect(),
            }
        } else {
            Inputs {
                pledge: Source::read(path),
                activities: Vec::new(),
                meetings: Vec::new(),
            }
        };
        inputs
            .activities
            .extend(extra_activities.iter().map(Source::read));
        let folder = if meta.is_dir() {
            path
        } else {
            path.parent().unwrap_or(Path::new("."))
        };
        inputs.read_through_journal(folder);
        Ok(inputs)
    }

    /// Reads the new texts of a save interrupted after its commit point
    /// in place of the files it has yet to replace (and adds the files it
    /// creates in `activities/`), so what is loaded is the state after the
    /// save, without writing anything ([`journal`]).
    fn read_through_journal(&mut self, folder: &Path) {
        let pending = journal::pending(folder);
        if pending.is_empty() {
            return;
        }
        // A journal written by an older version may name its targets with
        // Windows' `\\?\` prefix.
        let same = |source: &Path, target: &Path| {
            paths::canonical(source).ok().as_deref() == Some(target)
                || output::resolved(source) == target
        };
        let activities = activities_dir(folder);
        for (target, staged) in pending {
            let target = paths::native(&target);
            let text = Source::read(&staged).text;
            let existing = std::iter::once(&mut self.pledge)
                .chain(&mut self.activities)
                .chain(&mut self.meetings)
                .find(|s| same(&s.path, &target));
            if let Some(source) = existing {
                source.text = text;
            } else if target.parent() == paths::canonical(&activities).ok().as_deref()
                && let Some(name) = target.file_name()
            {
                self.activities.push(Source {
                    path: activities.join(name),
                    text,
                });
                self.activities.sort_by(|a, b| a.path.cmp(&b.path));
            }
        }
    }
}

/// The entries directly in `dir` that a folder loads ([`is_listed`]),
/// sorted by name; none if `dir` does not exist. An entry that is not an ordinary file (a FIFO, a
/// folder) is listed too, so that reading it reports what it is rather
/// than leaving it out unsaid. `dir` being a file is an error: its
/// entries would silently be missing ("0 aktiviteter").
fn ron_files_in(dir: &Path) -> Result<Vec<PathBuf>, OpenError> {
    let unreadable = |e: std::io::Error| OpenError::Unreadable {
        path: dir.to_owned(),
        reason: io_message(&e),
    };
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(unreadable(e)),
        Ok(meta) if !meta.is_dir() => {
            return Err(OpenError::Unreadable {
                path: dir.to_owned(),
                reason: "det är ingen mapp; den ska vara en mapp med .ron-filer".into(),
            });
        }
        Ok(_) => {}
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if is_listed(&path) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// What loading produced: the usable data and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Every input, pledge first, then activity files in order.
    pub sources: Vec<Source>,
    /// The pledge, if it could be parsed.
    pub pledge: Option<Pledge>,
    /// Parsed activity files, in input order (files that failed to parse are left out).
    pub activities: Vec<ActivityFile>,
    /// For each of `activities`, the index of its source in `sources`.
    pub activity_sources: Vec<usize>,
    /// Parsed meeting files, in input order (files that failed to parse are left out).
    pub meetings: Vec<Meeting>,
    /// For each of `meetings`, the index of its source in `sources`.
    pub meeting_sources: Vec<usize>,
    /// Parsed copies of meeting files (`meetings/<date>-kopia.ron`, see
    /// [`copies`]): listed and opened, never counted in the follow-up.
    pub copies: Vec<Meeting>,
    /// For each of `copies`, the index of its source in `sources`.
    pub copy_sources: Vec<usize>,
    /// All problems, sorted by file order, line and column.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Fel)
    }

    /// The parsed activity files with the paths they were read from.
    pub fn activity_files(&self) -> impl Iterator<Item = (&Path, &ActivityFile)> {
        self.activities
            .iter()
            .zip(&self.activity_sources)
            .filter_map(|(f, s)| Some((self.sources.get(*s)?.path.as_path(), f)))
    }

    /// The parsed meeting copies with the paths they were read from.
    pub fn meeting_copies(&self) -> impl Iterator<Item = (&Path, &Meeting)> {
        self.copies
            .iter()
            .zip(&self.copy_sources)
            .filter_map(|(m, s)| Some((self.sources.get(*s)?.path.as_path(), m)))
    }

    /// Drops the text of every source without a problem, keeping the rest.
    ///
    /// The text is only needed to show the lines around a problem; a large
    /// folder's files are megabytes that a long-running app need not hold.
    pub fn release_unneeded_texts(&mut self) {
        for source in &mut self.sources {
            let display = source.path.display().to_string();
            let needed = self.problems.iter().any(|p| {
                p.file == display
                    || p.related
                        .as_deref()
                        .is_some_and(|r| r.starts_with(&display))
            });
            if !needed && let Ok(text) = &mut source.text {
                *text = String::new();
            }
        }
    }
}

fn ron_options() -> ron::Options {
    // unwrap_variant_newtypes: an agenda item reads `Atagande(commitment: "G1", …)`
    // rather than `Atagande((commitment: "G1", …))`.
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// A parse failure, boxed: a `Problem` is large next to most parsed values.
type ParseResult<T> = Result<T, Box<Problem>>;

fn parse<T: DeserializeOwned>(source: &Source) -> ParseResult<T> {
    let display = source.path.display().to_string();
    let text = source.text.as_ref().map_err(|kind| Problem {
        severity: Severity::Fel,
        file: display.clone(),
        line: 1,
        col: 1,
        kind: kind.clone(),
        related: None,
    })?;
    ron_options().from_str(text).map_err(|err| {
        Box::new(Problem {
            severity: Severity::Fel,
            file: display.clone(),
            line: err.span.start.line.max(1),
            col: err.span.start.col.max(1),
            kind: ProblemKind::Syntax(ron_error::message(&err, text)),
            related: None,
        })
    })
}

/// Reads one meeting file for editing: its text exactly as on disk (to
/// detect later changes by others) and the meeting. The error is the
/// located problem, ready to show.
pub fn read_meeting(path: &Path) -> Result<(Meeting, String), Box<Problem>> {
    let source = Source::read(path);
    let meeting = parse::<Meeting>(&source)?;
    let text = source.text.unwrap_or_default();
    Ok((meeting, text))
}

/// The activity files of a load.
struct ParsedActivities {
    files: Vec<ActivityFile>,
    /// For each of `files`, the index of its source among all sources.
    sources: Vec<usize>,
    /// Sync copies ([`conflicts`]): source, the original's file name, the
    /// copy if it reads. Not counted.
    sync_copies: Vec<(usize, String, Option<ActivityFile>)>,
}

/// Parses the activity files (sources 1…), keeping sync copies apart.
fn parse_activities(inputs: &[Source], problems: &mut Vec<Problem>) -> ParsedActivities {
    let originals = conflicts::originals(inputs);
    let mut parsed = ParsedActivities {
        files: Vec::new(),
        sources: Vec::new(),
        sync_copies: Vec::new(),
    };
    for (i, result) in parse_all::<ActivityFile>(inputs).into_iter().enumerate() {
        if let Some(Some(original)) = originals.get(i) {
            parsed
                .sync_copies
                .push((i + 1, original.clone(), result.ok()));
            continue;
        }
        match result {
            Ok(mut file) => {
                // The parser grows the list by doubling; a large file would
                // otherwise keep up to half its entries' size unused.
                file.entries.shrink_to_fit();
                parsed.files.push(file);
                parsed.sources.push(i + 1);
            }
            Err(problem) => problems.push(*problem),
        }
    }
    parsed
}

/// The meeting files of a load.
struct ParsedMeetings {
    meetings: Vec<Meeting>,
    meeting_sources: Vec<usize>,
    /// Our copies (`-kopia`) and sync services' copies: listed, not counted.
    copies: Vec<Meeting>,
    copy_sources: Vec<usize>,
    /// The warning for each of `copies`.
    copy_kinds: Vec<ProblemKind>,
}

/// Parses the meeting files (sources `first`…), keeping copies apart.
fn parse_meetings(inputs: &[Source], first: usize, problems: &mut Vec<Problem>) -> ParsedMeetings {
    let originals = conflicts::originals(inputs);
    let mut parsed = ParsedMeetings {
        meetings: Vec::new(),
        meeting_sources: Vec::new(),
        copies: Vec::new(),
        copy_sources: Vec::new(),
        copy_kinds: Vec::new(),
    };
    for (i, result) in parse_all::<Meeting>(inputs).into_iter().enumerate() {
        let own_copy = inputs
            .get(i)
            .and_then(|s| copies::copy_of(&s.path))
            .map(|original| ProblemKind::MeetingCopy { original });
        let sync_copy = originals
            .get(i)
            .cloned()
            .flatten()
            .map(|original| ProblemKind::SyncCopy {
                original,
                difference: crate::model::CopyDifference::Unknown,
            });
        match result {
            Ok(meeting) if own_copy.is_some() || sync_copy.is_some() => {
                parsed.copies.push(meeting);
                parsed.copy_sources.push(first + i);
                parsed.copy_kinds.extend(own_copy.or(sync_copy));
            }
            // A sync copy that does not read is said as such, not as an
            // error of the folder: it is not part of it.
            Err(_) if own_copy.is_none() && sync_copy.is_some() => {
                if let (Some(source), Some(kind)) = (inputs.get(i), sync_copy) {
                    problems.push(conflicts::warning(&source.path, kind));
                }
            }
            Ok(meeting) => {
                parsed.meetings.push(meeting);
                parsed.meeting_sources.push(first + i);
            }
            Err(problem) => problems.push(*problem),
        }
    }
    parsed
}

/// Parses and validates `inputs`. `today` decides which dates are in the future.
pub fn load(inputs: Inputs, today: Date) -> Loaded {
    let mut problems = Vec::new();
    let pledge = parse::<Pledge>(&inputs.pledge)
        .map_err(|p| problems.push(*p))
        .ok();
    let ParsedActivities {
        files: activities,
        sources: activity_sources,
        sync_copies,
    } = parse_activities(&inputs.activities, &mut problems);
    let first_meeting = 1 + inputs.activities.len();
    let ParsedMeetings {
        meetings,
        meeting_sources,
        copies,
        copy_sources,
        mut copy_kinds,
    } = parse_meetings(&inputs.meetings, first_meeting, &mut problems);
    let mut sources = Vec::with_capacity(first_meeting + inputs.meetings.len());
    sources.push(inputs.pledge);
    sources.extend(inputs.activities);
    sources.extend(inputs.meetings);
    problems.extend(conflicts::activity_copy_warnings(
        &sources,
        sync_copies,
        &activities,
        &activity_sources,
    ));
    conflicts::compare_meeting_copies(
        &sources,
        &mut copy_kinds,
        &copies,
        &copy_sources,
        &meetings,
        &meeting_sources,
    );
    if let Some(pledge) = &pledge {
        let mut findings = validate_pledge(pledge);
        findings.extend(validate_activities(pledge, &activities, today));
        findings.extend(validate_meetings(pledge, &meetings));
        let source_of = |doc: DocRef| match doc {
            DocRef::Pledge => Some(0),
            DocRef::Activities(i) => activity_sources.get(i).copied(),
            DocRef::Meetings(i) => meeting_sources.get(i).copied(),
        };
        problems.extend(locate_findings(&sources, findings, source_of));
    }
    let all = copies::Loading {
        meetings: &meetings,
        meeting_sources: &meeting_sources,
        copies: &copies,
        copy_sources: &copy_sources,
        copy_kinds: &copy_kinds,
    };
    problems.extend(copies::check(
        pledge.as_ref(),
        &all,
        &sources,
        &activity_sources,
    ));
    let order: BTreeMap<String, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.path.display().to_string(), i))
        .collect();
    problems.sort_by_key(|p| {
        (
            order.get(&p.file).copied().unwrap_or(usize::MAX),
            p.line,
            p.col,
            p.severity,
        )
    });
    Loaded {
        sources,
        pledge,
        activities,
        activity_sources,
        meetings,
        meeting_sources,
        copies,
        copy_sources,
        problems,
    }
}

/// Parses sources on all cores (activity logs can be tens of MB in all),
/// returning results in input order.
fn parse_all<T: DeserializeOwned + Send>(sources: &[Source]) -> Vec<ParseResult<T>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(sources.len());
    if workers <= 1 {
        return sources.iter().map(parse).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, ParseResult<T>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(source) = sources.get(i) else {
                            return done;
                        };
                        done.push((i, parse(source)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    // A worker that panicked returned nothing: report its files rather than drop them.
    let mut by_index = results.into_iter().peekable();
    sources
        .iter()
        .enumerate()
        .map(|(i, source)| match by_index.next_if(|(j, _)| *j == i) {
            Some((_, result)) => result,
            None => Err(Box::new(Problem {
                severity: Severity::Fel,
                file: source.path.display().to_string(),
                line: 1,
                col: 1,
                kind: ProblemKind::Io("internt fel vid inläsning".into()),
                related: None,
            })),
        })
        .collect()
}

/// Resolves findings to file, line and column, reading each file's text once.
fn locate_findings(
    sources: &[Source],
    findings: Vec<Finding>,
    source_of: impl Fn(DocRef) -> Option<usize>,
) -> Vec<Problem> {
    // Group every path (the finding's own and its related one) by source.
    let mut by_source: BTreeMap<usize, Vec<crate::model::FieldPath>> = BTreeMap::new();
    for finding in &findings {
        if let Some(s) = source_of(finding.doc) {
            by_source.entry(s).or_default().push(finding.path.clone());
        }
        if let Some((doc, path)) = &finding.related
            && let Some(s) = source_of(*doc)
        {
            by_source.entry(s).or_default().push(path.clone());
        }
    }
    let mut positions: BTreeMap<(usize, crate::model::FieldPath), Position> = BTreeMap::new();
    for (s, paths) in by_source {
        let Some(Ok(text)) = sources.get(s).map(|src| src.text.as_ref()) else {
            continue;
        };
        for (path, pos) in paths.iter().zip(locate(text, &paths)) {
            positions.insert((s, path.clone()), pos);
        }
    }
    let place = |doc: DocRef, path: &crate::model::FieldPath| {
        let s = source_of(doc)?;
        let file = sources.get(s)?.path.display().to_string();
        let pos = positions
            .get(&(s, path.clone()))
            .copied()
            .unwrap_or(Position { line: 1, col: 1 });
        Some((file, pos))
    };
    findings
        .into_iter()
        .filter_map(|f| {
            let (file, pos) = place(f.doc, &f.path)?;
            let related = f.related.as_ref().and_then(|(doc, path)| {
                place(*doc, path).map(|(file, pos)| format!("{file}:{}:{}", pos.line, pos.col))
            });
            Some(Problem {
                severity: f.severity,
                file,
                line: pos.line,
                col: pos.col,
                kind: f.kind,
                related,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
