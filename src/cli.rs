//! Command-line interface: `check`, `status`, `minutes`, `kallelse`, `report`, `import` and `export`; without a subcommand it
//! opens the desktop app on a pledge (the bundled sample when no path is given).

mod json;
mod table;
mod usage;

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::minutes::Document;
use crate::model::meeting::MeetingState;
use crate::model::{Date, Pledge, Severity};
use crate::status;
use crate::store::{self, Inputs, Loaded};

/// Exit code: everything fine (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code: the data has errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: wrong usage, or a path that cannot be opened.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "medborgarlofte",
    version,
    about = "Löftesuppföljning: följ upp medborgarlöften mellan polis och kommun",
    long_about = "Löftesuppföljning: följ upp medborgarlöften mellan polis och kommun.\n\n\
        Utan underkommando öppnas programfönstret med löftet i SÖKVÄG (en mapp med pledge.ron \
        och activities/, eller en löftesfil följd av aktivitetsfiler), eller med det inbyggda \
        Karlstadsexemplet om ingen sökväg anges.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Mapp med ett medborgarlöfte, eller en löftesfil följd av aktivitetsfiler.
    #[arg(value_name = "SÖKVÄG", value_parser = PathArg)]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Kontrollera filerna och lista alla fel och varningar (fil:rad:kolumn).
    Check {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Skriv protokollet från ett uppföljningsmöte som PDF (A4).
    Minutes {
        #[command(flatten)]
        args: MeetingArgs,
        /// Skriv kopian att publicera av ett justerat protokoll: utan underskriftsrader, med
        /// justerarnas namn och var det underskrivna originalet förvaras
        /// (protokoll-<datum>-publicering.pdf).
        #[arg(long)]
        publish: bool,
        /// Format: pdf, eller html för en tillgänglig webbsida att publicera först;
        /// standard är filändelsen i -o, annars pdf.
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// Skriv ett protokollsutdrag med bara dessa §, t.ex. 7,12, med utdragsbestyrkande
        /// (protokollsutdrag-<datum>-paragraf-7_12.pdf).
        #[arg(
            long,
            value_name = "§",
            value_delimiter = ',',
            conflicts_with = "publish"
        )]
        paragraphs: Vec<usize>,
        /// Skriv inte justerade protokoll och utdrag som PDF/A-2u (arkivformat), som annars är
        /// standard; de är ändå taggade och tillgängliga.
        #[arg(long)]
        no_pdfa: bool,
    },
    /// Skriv kallelsen till ett uppföljningsmöte som PDF (A4), att skicka ut före mötet.
    #[command(
        long_about = "Skriv kallelsen till ett uppföljningsmöte som PDF (A4), att skicka ut före mötet: \
            tid och plats, kallade, dagordning, öppna åtgärder från tidigare möten och läget för \
            varje åtagande per mötesdagen som underlag. Mötet kan vara ett utkast som förbereds i förväg."
    )]
    Kallelse {
        #[command(flatten)]
        args: MeetingArgs,
    },
    /// Skriv en lägesrapport till medborgarna (PDF eller tillgänglig HTML) att publicera.
    Report {
        /// Mapp med pledge.ron, activities/ och meetings/.
        #[arg(value_name = "MAPP", value_parser = PathArg)]
        folder: PathBuf,
        /// Datum som rapporten beskriver (ÅÅÅÅ-MM-DD); standard är i dag, begränsat till löftets period.
        #[arg(long, value_name = "DATUM", value_parser = parse_date)]
        as_of: Option<Date>,
        /// Format; standard är filändelsen i -o, annars pdf.
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// Utfil; standard är lagesrapport-<datum>.<format> i mappen.
        #[arg(short, long, value_name = "FIL", value_parser = PathArg)]
        output: Option<PathBuf>,
    },
    /// Importera aktiviteter från ett kalkylark (xlsx, ods eller csv) till parternas aktivitetsfiler.
    #[command(
        long_about = "Importera aktiviteter från ett kalkylark (xlsx, ods eller csv) till parternas \
            aktivitetsfiler.\n\nKolumnerna känns igen på rubrikerna i första raden (Datum, Åtagande/Löfte/Nr, \
            Part/Myndighet, Antal, Enhet, Plats, Kommentar/Anteckning …) eller anges med --columns. \
            Allt eller inget: finns det rader med fel importeras ingenting, om inte --only-valid anges. \
            Rader som redan finns hoppas över, så samma fil kan importeras flera gånger."
    )]
    Import {
        /// Mapp med pledge.ron och activities/.
        #[arg(value_name = "MAPP", value_parser = PathArg)]
        folder: PathBuf,
        /// Kalkylarket: .xlsx, .ods eller .csv (semikolon eller komma, UTF-8 eller Windows-1252).
        #[arg(value_name = "FIL", value_parser = PathArg)]
        file: PathBuf,
        /// Part för rader utan partkolumn (id eller namn).
        #[arg(long, value_name = "PART")]
        party: Option<String>,
        /// Bladet att läsa (standard: det första).
        #[arg(long, value_name = "BLAD")]
        sheet: Option<String>,
        /// Kolumner, t.ex. datum=A,åtagande=B,antal=D,plats=Ort (bokstav eller rubrik).
        #[arg(long, value_name = "FÄLT=KOLUMN,…")]
        columns: Option<String>,
        /// Importera de giltiga raderna även om andra rader har fel.
        #[arg(long)]
        only_valid: bool,
        /// Visa vad som skulle importeras utan att skriva något.
        #[arg(long)]
        dry_run: bool,
    },
    /// Exportera alla aktiviteter till ett kalkylark (csv eller xlsx) som går att importera igen.
    Export {
        /// Mapp med pledge.ron och activities/.
        #[arg(value_name = "MAPP", value_parser = PathArg)]
        folder: PathBuf,
        /// Format.
        #[arg(long, value_enum, default_value_t = ExportKind::Xlsx)]
        format: ExportKind,
        /// Utfil; standard är aktiviteter.<format> i mappen.
        #[arg(short, long, value_name = "FIL", value_parser = PathArg)]
        output: Option<PathBuf>,
    },
    /// Visa läget per åtagande: rapporterat mot förväntat vid ett datum.
    Status {
        /// Mapp med pledge.ron och activities/, eller löftesfilen; utan sökväg visas det inbyggda Karlstadsexemplet.
        #[arg(value_name = "SÖKVÄG", value_parser = PathArg)]
        path: Option<PathBuf>,
        /// Fler aktivitetsfiler att läsa in.
        #[arg(value_name = "AKTIVITETSFIL", value_parser = PathArg)]
        activities: Vec<PathBuf>,
        /// Datum som läget avser (ÅÅÅÅ-MM-DD); standard är i dag, begränsat till löftets period.
        #[arg(long, value_name = "DATUM", value_parser = parse_date)]
        as_of: Option<Date>,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// Which meeting a document is printed for, and where it goes.
#[derive(Debug, clap::Args)]
struct MeetingArgs {
    /// Mapp med pledge.ron, activities/ och meetings/.
    #[arg(value_name = "MAPP", value_parser = PathArg)]
    folder: PathBuf,
    /// Mötet: datum (ÅÅÅÅ-MM-DD) eller sökväg till mötesfilen.
    #[arg(long, value_name = "MÖTE")]
    meeting: String,
    /// Utfil; standard är protokoll-<datum>.pdf (.html med --format html; kallelse-<datum>.pdf för en kallelse) bredvid mötesfilen.
    #[arg(short, long, value_name = "FIL", value_parser = PathArg)]
    output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct InputArgs {
    /// Mapp med pledge.ron och activities/, eller löftesfilen.
    #[arg(value_name = "SÖKVÄG", value_parser = PathArg)]
    path: PathBuf,
    /// Fler aktivitetsfiler att läsa in.
    #[arg(value_name = "AKTIVITETSFIL", value_parser = PathArg)]
    activities: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Tabell för terminalen.
    Table,
    /// JSON (se docs/file-formats.md).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportKind {
    /// Semikolonseparerad text (UTF-8), som svenska Excel läser den.
    Csv,
    /// Excel-arbetsbok.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// PDF (A4).
    Pdf,
    /// En fristående HTML-fil för webben.
    Html,
}

impl From<ReportFormat> for crate::report::Format {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Pdf => crate::report::Format::Pdf,
            ReportFormat::Html => crate::report::Format::Html,
        }
    }
}

/// Paths on the command line, spelled one way ([`store::paths::native`]):
/// on Windows `C:/Löfte 2024/`, `c:\Löfte 2024` and the `C:\Löfte 2024"`
/// that `"C:\Löfte 2024\"` becomes there are all `C:\Löfte 2024`.
/// Otherwise as clap's own path parser (which refuses an empty path).
#[derive(Debug, Clone, Copy)]
struct PathArg;

impl clap::builder::TypedValueParser for PathArg {
    type Value = PathBuf;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<PathBuf, clap::Error> {
        clap::builder::PathBufValueParser::new()
            .parse_ref(cmd, arg, value)
            .map(|path| store::paths::native(&path))
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>().map_err(|e| e.to_string())
}

/// Replaces Rust's panic output (and any backtrace) with a short Swedish
/// message: a user must never see a backtrace, and loading never writes files,
/// so nothing on disk is at risk.
pub fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" ({}:{})", l.file(), l.line()));
        eprintln!(
            "Ett internt fel inträffade i medborgarlofte{place}. Inga filer har ändrats. \
             Rapportera gärna felet tillsammans med filerna som användes."
        );
    }));
}

/// Runs the CLI with `args` (including the program name); returns the exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let parsed = usage::swedish(Cli::command())
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            let usage_line = usage::usage_line(&mut usage::swedish(Cli::command()), &args);
            let _ = std::io::stderr().write_all(usage::render(&err, &usage_line).as_bytes());
            return ExitCode::from(EXIT_USAGE);
        }
        // --help and --version.
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(EXIT_OK);
        }
    };
    let today = Date::today();
    let code = match cli.command {
        Some(Command::Check { input }) => check(&input, today),
        Some(Command::Status {
            path,
            activities,
            as_of,
            format,
        }) => {
            let inputs = match &path {
                None => Some(crate::sample::karlstad()),
                Some(path) => open(path, &activities),
            };
            inputs.map_or(EXIT_USAGE, |inputs| {
                status_cmd(inputs, as_of, format, today)
            })
        }
        Some(Command::Minutes {
            args,
            publish,
            format,
            paragraphs,
            no_pdfa,
        }) => minutes_cmd(args, (publish, paragraphs), (format, no_pdfa), today),
        Some(Command::Kallelse { args }) => meeting_document_cmd(
            (Document::Invitation, &[]),
            (
                crate::report::Format::Pdf,
                crate::minutes::pdf::PdfA::WhenArchival,
            ),
            args,
            today,
        ),
        Some(Command::Report {
            folder,
            as_of,
            format,
            output,
        }) => report_cmd(&folder, as_of, format, output, today),
        Some(Command::Import {
            folder,
            file,
            party,
            sheet,
            columns,
            only_valid,
            dry_run,
        }) => import_cmd(
            &folder,
            &file,
            &ImportOptions {
                party,
                sheet,
                columns,
                only_valid,
                dry_run,
            },
            today,
        ),
        Some(Command::Export {
            folder,
            format,
            output,
        }) => export_cmd(&folder, format, output, today),
        None => open_window(&cli.paths),
    };
    ExitCode::from(code)
}

/// Whether `args` (including the program name) open the desktop app, rather
/// than run a subcommand or print help, the version or a usage error. On
/// Windows the binary attaches to the console it was started from only when
/// they do not (`src/main.rs`).
pub fn opens_window<T>(args: &[T]) -> bool
where
    T: Into<OsString> + Clone,
{
    use clap::{CommandFactory, FromArgMatches};
    usage::swedish(Cli::command())
        .try_get_matches_from(args.iter().cloned())
        .ok()
        .and_then(|matches| Cli::from_arg_matches(&matches).ok())
        .is_some_and(|cli| cli.command.is_none())
}

/// The folder of a lone `pledge.ron` (any case) given to the window: a
/// double-click on the file (the Windows file association, the Linux MIME
/// type) means the whole pledge, with its activities and meetings. The
/// command line's `status pledge.ron` still reads that one file.
#[cfg(feature = "gui")]
fn pledge_file_folder(paths: &[PathBuf]) -> Option<PathBuf> {
    let [path] = paths else { return None };
    let name = path.file_name()?.to_str()?;
    if !name.eq_ignore_ascii_case(store::PLEDGE_FILE) || !path.is_file() {
        return None;
    }
    match path.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Some(PathBuf::from(".")),
        parent => parent.map(std::path::Path::to_path_buf),
    }
}

/// Without the `gui` feature (a server build that makes reports), there is
/// no window to open: says so and points to the subcommands.
#[cfg(not(feature = "gui"))]
fn open_window(_paths: &[PathBuf]) -> u8 {
    eprintln!(
        "fel: det här programmet är byggt utan fönster; använd `medborgarlofte check`, \
         `status`, `minutes`, `kallelse`, `report`, `import` eller `export` (se `medborgarlofte --help`)."
    );
    EXIT_USAGE
}

/// Opens the desktop app; without a display, says so in Swedish and points
/// to the commands that work in a terminal.
#[cfg(feature = "gui")]
fn open_window(paths: &[PathBuf]) -> u8 {
    use crate::gui;
    use crate::workspace::Origin;
    let folder = pledge_file_folder(paths);
    let paths = folder.as_ref().map_or(paths, std::slice::from_ref);
    let origin = match paths.split_first() {
        None => Origin::Sample,
        Some((path, rest)) => Origin::Path {
            path: path.clone(),
            extra: rest.to_vec(),
        },
    };
    let start = gui::Start {
        resume: paths.is_empty(),
        ..gui::Start::new(origin)
    };
    if gui::run(start).is_ok() {
        return EXIT_OK;
    }
    // The error itself is the windowing library's, in English, with its
    // source paths: what a user needs is what to do instead.
    let why = if cfg!(unix)
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        "ingen grafisk skärm hittades"
    } else {
        "skärmen eller grafikdrivrutinen svarade inte"
    };
    eprintln!(
        "fel: programfönstret kunde inte öppnas: {why}. Utan grafisk skärm fungerar \
         `medborgarlofte status` och `medborgarlofte check` i terminalen."
    );
    // On Windows the app has no console when started from the Start menu
    // or the Explorer: the message above goes nowhere, so say it in a box.
    #[cfg(windows)]
    {
        let _ = rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(gui::text::texts().app_name)
            .set_description(format!(
                "Programfönstret kunde inte öppnas: {why}.\n\nKontrollera grafikdrivrutinen, \
                 eller använd kommandona i en terminal (medborgarlofte --help)."
            ))
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
    EXIT_USAGE
}

fn open(path: &std::path::Path, extra: &[PathBuf]) -> Option<Inputs> {
    match Inputs::open(path, extra) {
        Ok(inputs) => Some(inputs),
        Err(err) => {
            eprintln!("fel: {err}");
            None
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn summary_line(loaded: &Loaded) -> String {
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fel)
        .count();
    let warnings = loaded.problems.len() - errors;
    format!(
        "{errors} fel, {}",
        crate::format::count(warnings, "varning", "varningar")
    )
}

fn check(input: &InputArgs, today: Date) -> u8 {
    let Some(inputs) = open(&input.path, &input.activities) else {
        return EXIT_USAGE;
    };
    let files = 1 + inputs.activities.len() + inputs.meetings.len();
    let loaded = store::load(inputs, today);
    let mut text = String::new();
    list_problems(&mut text, &loaded.problems);
    let entries: usize = loaded.activities.iter().map(|f| f.entries.len()).sum();
    let _ = writeln!(
        text,
        "{} {}, {}: {}",
        crate::format::count(files, "fil", "filer"),
        if files == 1 {
            "kontrollerad"
        } else {
            "kontrollerade"
        },
        crate::format::count(entries, "aktivitet", "aktiviteter"),
        summary_line(&loaded)
    );
    emit(&text);
    if loaded.has_errors() {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

/// At most this many problems of one kind are listed; a file of
/// near-duplicates once printed 194 MB of warnings.
const MAX_LISTED_PER_KIND: usize = 100;

/// Lists `problems`, one per line, at most [`MAX_LISTED_PER_KIND`] of each
/// kind, the last of them followed by how many more there are.
fn list_problems(text: &mut String, problems: &[crate::model::Problem]) {
    use std::collections::HashMap;
    use std::mem::discriminant;
    let mut total: HashMap<_, usize> = HashMap::new();
    for problem in problems {
        *total.entry(discriminant(&problem.kind)).or_default() += 1;
    }
    let mut listed: HashMap<_, usize> = HashMap::new();
    for problem in problems {
        let kind = discriminant(&problem.kind);
        let n = listed.entry(kind).or_default();
        *n += 1;
        if *n > MAX_LISTED_PER_KIND {
            continue;
        }
        let _ = writeln!(text, "{problem}");
        let all = total.get(&kind).copied().unwrap_or(0);
        if *n == MAX_LISTED_PER_KIND && all > MAX_LISTED_PER_KIND {
            #[allow(clippy::cast_precision_loss)] // counts far below 2^52
            let more = crate::format::number((all - MAX_LISTED_PER_KIND) as f64);
            let _ = writeln!(text, "… och {more} till av samma slag");
        }
    }
}

/// Refuses (exit 2, message printed) an explicit `--as-of` far outside the
/// pledge: more than a year before its start or two years after its end is
/// a typing error (`9999-12-31` once published "Läget per 9999-12-31").
fn check_as_of(as_of: Date, pledge: &Pledge) -> Result<(), u8> {
    use chrono::Months;
    let period = pledge.period;
    let earliest = period.start.naive().checked_sub_months(Months::new(12));
    let latest = period.end.naive().checked_add_months(Months::new(24));
    let outside =
        earliest.is_some_and(|d| as_of.naive() < d) || latest.is_some_and(|d| as_of.naive() > d);
    if outside {
        eprintln!(
            "fel: --as-of {as_of} ligger långt utanför löftets period ({} – {}); ange ett datum \
             från ett år före starten till två år efter slutet",
            period.start, period.end
        );
        return Err(EXIT_USAGE);
    }
    Ok(())
}

/// Prints the error-level problems and why nothing is written; the exit code.
fn refuse_with_errors(loaded: &Loaded, what: &str) -> u8 {
    refuse_with_reason(
        loaded,
        &format!("{what} skrivs inte eftersom filerna har fel (se ovan)"),
    )
}

/// Prints the error-level problems and `reason`; the exit code.
/// The errors are listed as `check` lists them, at most 100 of a kind.
fn refuse_with_reason(loaded: &Loaded, reason: &str) -> u8 {
    let errors: Vec<crate::model::Problem> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fel)
        .cloned()
        .collect();
    let mut text = String::new();
    list_problems(&mut text, &errors);
    let _ = writeln!(text, "fel: {reason}");
    let _ = std::io::stderr().write_all(text.as_bytes());
    EXIT_INVALID
}

/// Loads a pledge folder for a command that needs the pledge (taken out of
/// `Loaded`): the exit code, with the message printed, when the folder or
/// the pledge cannot be read.
fn load_folder(folder: &std::path::Path, today: Date) -> Result<(Pledge, Loaded), u8> {
    let inputs = open(folder, &[]).ok_or(EXIT_USAGE)?;
    let mut loaded = store::load(inputs, today);
    let Some(pledge) = loaded.pledge.take() else {
        eprintln!("fel: löftesfilen kunde inte läsas; kör `medborgarlofte check` för detaljer");
        return Err(EXIT_INVALID);
    };
    Ok((pledge, loaded))
}

/// Refuses (exit 2, message printed) an output path that would replace one
/// of the files `loaded` came from, or anything but an ordinary file.
fn check_output(
    output: &std::path::Path,
    folder: &std::path::Path,
    loaded: &Loaded,
) -> Result<(), u8> {
    let protected = store::output::Protected::of_loaded(loaded, Some(&folder_of(folder)));
    store::output::check_output_path(output, &protected).map_err(|err| {
        eprintln!("fel: {err}");
        EXIT_USAGE
    })
}

/// `minutes`: the whole minutes, the copy to publish or an extract, as PDF
/// (PDF/A-2u when justerat, unless `--no-pdfa`) or as a web page.
fn minutes_cmd(
    args: MeetingArgs,
    (publish, mut paragraphs): (bool, Vec<usize>),
    (format, no_pdfa): (Option<ReportFormat>, bool),
    today: Date,
) -> u8 {
    // In the meeting's order, each once: "7,12" and "12,7,7" are one extract.
    paragraphs.sort_unstable();
    paragraphs.dedup();
    let document = if publish {
        Document::Published
    } else if !paragraphs.is_empty() {
        Document::Extract
    } else {
        Document::Minutes
    };
    // `--format`, else `-o`'s extension when it is .html, else PDF
    // (as before there was a choice: `-o protokoll` is a PDF).
    let format = format.map_or_else(
        || {
            args.output
                .as_deref()
                .and_then(crate::report::Format::from_path)
                .unwrap_or(crate::report::Format::Pdf)
        },
        crate::report::Format::from,
    );
    let pdfa = if no_pdfa {
        crate::minutes::pdf::PdfA::Off
    } else {
        crate::minutes::pdf::PdfA::WhenArchival
    };
    meeting_document_cmd((document, &paragraphs), (format, pdfa), args, today)
}

/// Writes the minutes or the invitation of one meeting as PDF; refuses
/// (exit 1, no file) when the data has errors, including a personnummer in
/// what it would print.
fn meeting_document_cmd(
    (document, paragraphs): (Document, &[usize]),
    (format, pdfa): (crate::report::Format, crate::minutes::pdf::PdfA),
    args: MeetingArgs,
    today: Date,
) -> u8 {
    let MeetingArgs {
        folder,
        meeting,
        output,
    } = args;
    let (folder, meeting) = (folder.as_path(), meeting.as_str());
    let (pledge, loaded) = match load_folder(folder, today) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let pledge = &pledge;
    // The meeting by date, or by the path of its file.
    let by_date = match meeting.parse::<Date>() {
        Ok(date) => Some(date),
        Err(err @ crate::model::DateError::NoSuchDay { .. }) => {
            eprintln!("fel: --meeting: {err}");
            return EXIT_USAGE;
        }
        Err(crate::model::DateError::Format(_) | crate::model::DateError::SpanFormat(_)) => None,
    };
    let found = loaded
        .meetings
        .iter()
        .zip(&loaded.meeting_sources)
        .find(|(m, source)| {
            by_date.map_or_else(
                || {
                    let wanted = store::paths::native(std::path::Path::new(meeting));
                    loaded.sources.get(**source).is_some_and(|s| {
                        store::paths::same(&s.path, &wanted)
                            || s.path
                                .canonicalize()
                                .is_ok_and(|c| wanted.canonicalize().is_ok_and(|w| w == c))
                    })
                },
                |d| m.date == d,
            )
        });
    let Some((chosen, source)) = found else {
        eprintln!(
            "fel: hittar inget möte \"{meeting}\" i {}",
            folder.display()
        );
        return EXIT_USAGE;
    };
    if loaded.has_errors() {
        return refuse_with_errors(&loaded, &document.to_string());
    }
    if document == Document::Published && chosen.state != MeetingState::Justerat {
        eprintln!(
            "fel: --publish: mötet {} är {}; bara ett justerat protokoll publiceras utan underskrifter",
            chosen.date, chosen.state
        );
        return EXIT_USAGE;
    }
    let output = output.unwrap_or_else(|| {
        let dir = loaded
            .sources
            .get(*source)
            .and_then(|s| s.path.parent().map(std::path::Path::to_path_buf))
            .unwrap_or_default();
        dir.join(document.output_name(
            chosen.date,
            paragraphs,
            format == crate::report::Format::Html,
        ))
    });
    if let Err(code) = check_output(&output, folder, &loaded) {
        return code;
    }
    for warning in document.case_warnings(chosen) {
        eprintln!("varning: {warning}");
    }
    // A meeting not yet concluded prints the figures as the reports stand
    // now; a concluded one prints what it kept.
    let live = if chosen.has_concluded() {
        Vec::new()
    } else {
        crate::status::compute(pledge, &loaded.activities, chosen.date).snapshots()
    };
    let made = make_document(
        (document, paragraphs),
        (format, pdfa),
        pledge,
        &loaded.meetings,
        chosen,
        &live,
    );
    write_document(document, made, &output)
}

/// The document of `meeting` as PDF or web page bytes, guarded.
fn make_document(
    (document, paragraphs): (Document, &[usize]),
    (format, pdfa): (crate::report::Format, crate::minutes::pdf::PdfA),
    pledge: &Pledge,
    meetings: &[crate::model::meeting::Meeting],
    meeting: &crate::model::meeting::Meeting,
    live: &[crate::model::meeting::CommitmentSnapshot],
) -> Result<Vec<u8>, crate::minutes::MinutesError> {
    use crate::minutes as m;
    let guarded = m::guard_chosen(document, paragraphs, pledge, meetings, meeting, live)?;
    match format {
        crate::report::Format::Pdf => m::write_pdf(&guarded, pdfa),
        crate::report::Format::Html => Ok(m::html::render(&guarded).into_bytes()),
    }
}

/// Writes what `minutes` or `kallelse` made, or says why not.
fn write_document(
    document: Document,
    made: Result<Vec<u8>, crate::minutes::MinutesError>,
    output: &std::path::Path,
) -> u8 {
    let bytes = match made {
        Ok(bytes) => bytes,
        // A § the meeting does not have is a mistake on the command line.
        Err(
            err @ (crate::minutes::MinutesError::NoSuchParagraph { .. }
            | crate::minutes::MinutesError::NoParagraph { .. }),
        ) => {
            eprintln!("fel: --paragraphs: {err}");
            return EXIT_USAGE;
        }
        Err(err) => {
            eprintln!("fel: {err}");
            return EXIT_INVALID;
        }
    };
    match store::save_atomic_bytes(output, &bytes) {
        Ok(()) => {
            let what = match document {
                Document::Minutes => "Protokollet",
                Document::Invitation => "Kallelsen",
                Document::Published => "Protokollet för publicering",
                Document::Extract => "Protokollsutdraget",
            };
            emit(&format!("{what} skrevs till {}\n", output.display()));
            EXIT_OK
        }
        Err(err) => {
            eprintln!("fel: {err}");
            EXIT_USAGE
        }
    }
}

/// `--format`, else the extension of `-o`, else PDF; an unknown extension
/// without `--format` is a usage error (exit 2).
fn output_format(
    format: Option<ReportFormat>,
    output: Option<&std::path::Path>,
) -> Result<crate::report::Format, u8> {
    use crate::report::Format;
    match (format, output.and_then(Format::from_path), output) {
        (Some(f), _, _) => Ok(Format::from(f)),
        (None, Some(f), _) => Ok(f),
        (None, None, Some(path)) => {
            eprintln!(
                "fel: okänd filändelse i {}; ange --format pdf eller --format html",
                path.display()
            );
            Err(EXIT_USAGE)
        }
        (None, None, None) => Ok(Format::Pdf),
    }
}

/// Writes the public progress report; refuses (exit 1, no file) when the
/// data has errors or the report would publish a personnummer.
fn report_cmd(
    folder: &std::path::Path,
    as_of: Option<Date>,
    format: Option<ReportFormat>,
    output: Option<PathBuf>,
    today: Date,
) -> u8 {
    use crate::report;
    let format = match output_format(format, output.as_deref()) {
        Ok(format) => format,
        Err(code) => return code,
    };
    let (pledge, loaded) = match load_folder(folder, today) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let pledge = &pledge;
    if loaded.has_errors() {
        return refuse_with_errors(&loaded, "lägesrapporten");
    }
    if let Some(as_of) = as_of
        && let Err(code) = check_as_of(as_of, pledge)
    {
        return code;
    }
    let as_of = as_of.unwrap_or_else(|| status::default_as_of(pledge, &loaded.meetings, today));
    let selected = report::select(pledge, &loaded.activities, &loaded.meetings, as_of);
    for warning in selected.case_warnings() {
        eprintln!("varning: {warning}");
    }
    let bytes = match report::render(&selected, format) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("fel: {err}");
            return EXIT_INVALID;
        }
    };
    let output = output.unwrap_or_else(|| {
        let dir = if folder.is_dir() {
            folder.to_path_buf()
        } else {
            folder
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default()
        };
        dir.join(report::file_name(as_of, format))
    });
    if let Err(code) = check_output(&output, folder, &loaded) {
        return code;
    }
    match store::save_atomic_bytes(&output, &bytes) {
        Ok(()) => {
            emit(&format!(
                "Lägesrapporten per {as_of} skrevs till {}\n",
                output.display()
            ));
            EXIT_OK
        }
        Err(err) => {
            eprintln!("fel: {err}");
            EXIT_USAGE
        }
    }
}

struct ImportOptions {
    party: Option<String>,
    sheet: Option<String>,
    columns: Option<String>,
    only_valid: bool,
    dry_run: bool,
}

/// The pledge folder of a path (the folder itself, or a pledge file's folder).
fn folder_of(path: &std::path::Path) -> PathBuf {
    if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default()
    }
}

/// Why a plan imports nothing whatever the options, if it does not: the
/// header row (row 1) is no data row, and "1 av 0 rader har fel" said
/// nothing useful.
fn nothing_to_import(plan: &crate::import::Plan, file: &std::path::Path) -> Option<String> {
    if plan
        .problems
        .iter()
        .any(|p| p.row == 1 && p.severity == Severity::Fel)
    {
        Some("kolumnerna i kalkylarket känns inte igen (se ovan).".into())
    } else if plan.rows == 0 {
        Some(format!(
            "{} har inga rader under rubrikraden.",
            file.display()
        ))
    } else {
        None
    }
}

/// Imports a spreadsheet: all or nothing unless `--only-valid`; rows that
/// are already there are skipped.
fn import_cmd(
    folder: &std::path::Path,
    file: &std::path::Path,
    options: &ImportOptions,
    today: Date,
) -> u8 {
    use crate::import;
    let (pledge, loaded) = match load_folder(folder, today) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let pledge = &pledge;
    // A file that does not load hides its entries: the import would add
    // them again, and fixing the file later would double every total.
    if loaded.has_errors() {
        return refuse_with_reason(
            &loaded,
            "inget importerades eftersom filerna i mappen har fel (se ovan). Rätta dem först: \
             poster i en fil som inte kan läsas skulle annars importeras en gång till",
        );
    }
    let table = match import::table::read(file, options.sheet.as_deref()) {
        Ok(table) => table,
        Err(err) => {
            eprintln!("fel: {err}");
            return EXIT_USAGE;
        }
    };
    let mut mapping = import::Mapping::guess(&table.headers);
    if let Some(arg) = &options.columns
        && let Err(message) = mapping.apply_arg(arg, &table.headers)
    {
        eprintln!("fel: {message}");
        return EXIT_USAGE;
    }
    let party = match options
        .party
        .as_deref()
        .map(|p| import::parse_party(p, pledge))
    {
        None => None,
        Some(Ok(party)) => Some(party),
        Some(Err(message)) => {
            eprintln!("fel: --party: {message}");
            return EXIT_USAGE;
        }
    };
    let mut text = format!("Kolumner: {}\n", mapping.describe(&table.headers));
    let plan = import::plan(
        &table,
        &mapping,
        &import::Context {
            pledge,
            existing: &loaded.activities,
            default_party: party.as_ref(),
            today,
        },
    );
    for problem in &plan.problems {
        let _ = writeln!(text, "{problem}");
    }
    emit(&text);
    let error_rows = plan.error_rows().len();
    if let Some(reason) = nothing_to_import(&plan, file) {
        eprintln!("fel: inget importerades: {reason}");
        return EXIT_INVALID;
    }
    if error_rows > 0 && !options.only_valid {
        eprintln!(
            "fel: inget importerades: {error_rows} av {} rader har fel (se ovan). Rätta dem i kalkylarket, \
             eller importera bara de giltiga raderna med --only-valid.",
            plan.rows
        );
        return EXIT_INVALID;
    }
    if options.dry_run {
        emit(&format!(
            "Provkörning, inget skrevs: {} rader skulle importeras, {} fanns redan, {} möjliga dubbletter, {} med fel.\n",
            plan.entries.len(),
            plan.already_there.len(),
            plan.likely_duplicates.len(),
            error_rows
        ));
        return EXIT_OK;
    }
    let files: Vec<_> = loaded.activity_files().collect();
    match import::apply(&plan, &folder_of(folder), &files, pledge) {
        Ok(summary) => {
            let mut text = format!("{summary}.\n");
            for (path, n) in &summary.files {
                let _ = writeln!(text, "  {n} till {}", path.display());
            }
            emit(&text);
            EXIT_OK
        }
        Err(err) => {
            eprintln!("fel: {err}");
            EXIT_INVALID
        }
    }
}

/// Writes every activity entry as CSV or xlsx.
fn export_cmd(
    folder: &std::path::Path,
    format: ExportKind,
    output: Option<PathBuf>,
    today: Date,
) -> u8 {
    use crate::import::export;
    let Some(inputs) = open(folder, &[]) else {
        return EXIT_USAGE;
    };
    let loaded = store::load(inputs, today);
    // Files that do not load would silently be missing from the export.
    if loaded.has_errors() {
        return refuse_with_reason(
            &loaded,
            "inget exporterades eftersom filerna har fel (se ovan); exporten skulle sakna \
             aktiviteterna i filerna som inte kan läsas",
        );
    }
    let format = match format {
        ExportKind::Csv => export::ExportFormat::Csv,
        ExportKind::Xlsx => export::ExportFormat::Xlsx,
    };
    let bytes = match format {
        export::ExportFormat::Csv => export::csv(&loaded.activities),
        export::ExportFormat::Xlsx => export::xlsx(&loaded.activities),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("fel: {err}");
            return EXIT_INVALID;
        }
    };
    let output = output
        .unwrap_or_else(|| folder_of(folder).join(format!("aktiviteter.{}", format.extension())));
    if let Err(code) = check_output(&output, folder, &loaded) {
        return code;
    }
    let entries: usize = loaded.activities.iter().map(|f| f.entries.len()).sum();
    match store::save_atomic_bytes(&output, &bytes) {
        Ok(()) => {
            emit(&format!(
                "{entries} aktiviteter exporterades till {}\n",
                output.display()
            ));
            EXIT_OK
        }
        Err(err) => {
            eprintln!("fel: {err}");
            EXIT_USAGE
        }
    }
}

fn status_cmd(inputs: Inputs, as_of: Option<Date>, format: Format, today: Date) -> u8 {
    let loaded = store::load(inputs, today);
    let Some(pledge) = &loaded.pledge else {
        for problem in &loaded.problems {
            eprintln!("{problem}");
        }
        eprintln!("fel: löftesfilen kunde inte läsas, så inget läge kan visas");
        return EXIT_INVALID;
    };
    if !loaded.problems.is_empty() {
        eprintln!(
            "obs: {} i filerna; kör `medborgarlofte check` för detaljer. Rapporter med fel räknas inte.",
            summary_line(&loaded)
        );
    }
    if let Some(as_of) = as_of
        && let Err(code) = check_as_of(as_of, pledge)
    {
        return code;
    }
    let as_of = as_of.unwrap_or_else(|| status::default_as_of(pledge, &loaded.meetings, today));
    let report = status::compute(pledge, &loaded.activities, as_of)
        .with_assessments(pledge, &loaded.meetings);
    let text = match format {
        Format::Table => table::render(pledge, &report),
        Format::Json => json::render(pledge, &loaded.meetings, &report),
    };
    // What is printed may be redirected into a file and published: the
    // whole output passes the personnummer guard, whatever it holds.
    if let Some(found) = crate::privacy::find_id_numbers(&text).first() {
        eprintln!(
            "fel: statusen skrivs inte ut: den skulle innehålla ett {}; `medborgarlofte check` visar var det står",
            found.kind
        );
        return EXIT_INVALID;
    }
    emit(&text);
    EXIT_OK
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn only_the_window_is_a_window() {
        assert!(opens_window(&args(&["medborgarlofte"])));
        assert!(opens_window(&args(&["medborgarlofte", "mapp"])));
        assert!(opens_window(&args(&[
            "medborgarlofte",
            "löfte.ron",
            "extra.ron"
        ])));
        for cli in [
            &["medborgarlofte", "check", "mapp"][..],
            &["medborgarlofte", "status"],
            &["medborgarlofte", "report", "mapp", "-o", "x.pdf"],
            &["medborgarlofte", "--help"],
            &["medborgarlofte", "--version"],
            &["medborgarlofte", "--okänd"],
            &["medborgarlofte", "minutes"],
        ] {
            assert!(!opens_window(&args(cli)), "{cli:?}");
        }
    }

    #[cfg(feature = "gui")]
    #[test]
    fn a_lone_pledge_file_opens_its_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pledge = dir.path().join("pledge.ron");
        std::fs::write(&pledge, "()").expect("write");
        assert_eq!(
            pledge_file_folder(std::slice::from_ref(&pledge)),
            Some(dir.path().to_path_buf())
        );
        // Another name, a second file, or a folder: opened as given.
        let other = dir.path().join("karlstad.ron");
        std::fs::write(&other, "()").expect("write");
        assert_eq!(pledge_file_folder(std::slice::from_ref(&other)), None);
        assert_eq!(pledge_file_folder(&[pledge.clone(), other]), None);
        assert_eq!(pledge_file_folder(&[dir.path().to_path_buf()]), None);
        assert_eq!(
            pledge_file_folder(&[PathBuf::from("pledge.ron")]),
            None,
            "no such file here"
        );
    }
}
