//! Exporting every activity entry to a spreadsheet officers can keep working
//! in: CSV the way Swedish Excel reads it (semicolon, decimal comma, UTF-8
//! with BOM) or xlsx with real dates and numbers (rust_xlsxwriter). The
//! columns are the import's headings, so an export imports back unchanged.

use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook, XlsxError};

use super::Field;
use crate::model::{Activity, ActivityFile, Qualifier};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Semicolon-separated, UTF-8 with BOM.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// Why the export could not be made. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The xlsx writer failed; its message is English, so only the kind
    /// of failure is told.
    #[error("kalkylarket kunde inte skapas: {}", xlsx_reason(.0))]
    Xlsx(#[from] XlsxError),
    /// A date Excel cannot hold: it would be refused, or shown a day off.
    #[error(
        "aktiviteten den {date} (åtagande {commitments}) har ett datum som Excel inte kan visa rätt; \
         Excel räknar datum från 1900-03-01. Rätta datumet i aktivitetsfilen"
    )]
    DateBeforeExcel {
        /// The date as written.
        date: crate::model::Date,
        /// The entry's commitments, to find it.
        commitments: String,
    },
    /// A personnummer in a text of the activities: a spreadsheet is a saved
    /// document and is passed on, so none is written.
    #[error(
        "kalkylarket skrivs inte: fältet \"{field}\" i en aktivitetsfil innehåller ett {kind}; kör `medborgarlofte check` för var"
    )]
    PersonalData {
        /// The field, as written in the file.
        field: String,
        /// Which kind of number.
        kind: String,
    },
}

/// What went wrong in the xlsx writer, in Swedish.
fn xlsx_reason(err: &XlsxError) -> String {
    match err {
        XlsxError::MaxStringLengthExceeded => {
            "en text är längre än Excel tillåter (32 767 tecken)".into()
        }
        XlsxError::RowColumnLimitError => "fler rader än Excel tillåter (1 048 576)".into(),
        XlsxError::DateTimeRangeError(_) | XlsxError::DateTimeParseError(_) => {
            "ett datum som Excel inte kan visa".into()
        }
        XlsxError::IoError(e) | XlsxError::TempFileError(_, e) => crate::store::io_message(e),
        _ => "internt fel i xlsx-skrivaren".into(),
    }
}

/// Refuses entries with a date Excel cannot hold, before anything is made.
/// The writers' own guard: nothing with a personnummer is exported, whoever
/// calls them (the CLI and the app refuse a folder with errors first).
fn check_personal_data(files: &[ActivityFile]) -> Result<(), ExportError> {
    match crate::privacy::leaks(files).first() {
        Some(leak) => Err(ExportError::PersonalData {
            field: crate::privacy::path_words(leak.path.get(1..).unwrap_or_default()),
            kind: leak.kind.to_string(),
        }),
        None => Ok(()),
    }
}

fn check_dates(files: &[ActivityFile]) -> Result<(), ExportError> {
    let first = crate::model::Date::FIRST_SPREADSHEET_DAY;
    for entry in files.iter().flat_map(|f| &f.entries) {
        for date in std::iter::once(entry.first_day()).chain(entry.until) {
            if date < first {
                return Err(ExportError::DateBeforeExcel {
                    date,
                    commitments: entry
                        .commitments
                        .iter()
                        .map(crate::model::CommitmentId::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
    }
    Ok(())
}

fn qualifier_word(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exakt => "exakt",
        Qualifier::Minst => "minst",
        Qualifier::Cirka => "cirka",
    }
}

/// A number with a decimal comma and no thousands separator (a spreadsheet
/// must read it back as a number).
fn plain_number(n: f64) -> String {
    let text = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    };
    text.replace('.', ",")
}

/// The cells of one entry as text, in [`Field::ALL`] order.
fn texts(entry: &Activity) -> [String; 13] {
    let q = entry.quantity.as_ref();
    [
        entry.date.to_string(),
        entry.until.map(|d| d.to_string()).unwrap_or_default(),
        entry
            .commitments
            .iter()
            .map(crate::model::CommitmentId::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        entry
            .parties()
            .map(crate::model::PartyId::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        q.map(|q| plain_number(q.amount)).unwrap_or_default(),
        q.map(|q| q.unit.to_string()).unwrap_or_default(),
        q.map(|q| qualifier_word(q.qualifier).to_owned())
            .unwrap_or_default(),
        entry.place.as_deref().unwrap_or_default().to_owned(),
        entry.note.clone().unwrap_or_default(),
        if entry.cumulative { "ja" } else { "" }.to_owned(),
        if entry.milestone_reached { "ja" } else { "" }.to_owned(),
        entry.instead.clone().unwrap_or_default(),
        entry.part.clone().unwrap_or_default(),
    ]
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP
/// "CSV injection"): `=`, `+`, `-`, `@`, a tab or a carriage return first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` needs a leading apostrophe to be read as text: it starts
/// like a formula, or with apostrophes and then like one (so that an
/// apostrophe the user wrote survives the round trip too).
fn needs_neutralising(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// `text` made safe to open in a spreadsheet: a leading `'` where it would
/// otherwise be a formula. [`strip_neutraliser`] undoes it.
pub fn neutralise_formula(text: &str) -> String {
    if needs_neutralising(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The text an export wrote as [`neutralise_formula`]`(text)`: the leading
/// `'` removed again where the export added it.
pub fn strip_neutraliser(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => cell,
    }
}

fn csv_field(text: &str) -> String {
    let text = neutralise_formula(text);
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Every entry of `files` as CSV bytes; cells that a spreadsheet would run
/// as formulas are neutralised. Refuses dates Excel cannot hold (the file
/// is made for Excel).
pub fn csv(files: &[ActivityFile]) -> Result<Vec<u8>, ExportError> {
    check_personal_data(files)?;
    check_dates(files)?;
    let mut out = String::from("\u{feff}");
    let headings: Vec<&str> = Field::ALL.iter().map(|f| f.heading()).collect();
    out.push_str(&headings.join(";"));
    out.push_str("\r\n");
    for entry in files.iter().flat_map(|f| &f.entries) {
        let cells: Vec<String> = texts(entry).iter().map(|t| csv_field(t)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    Ok(out.into_bytes())
}

/// Every entry of `files` as an xlsx workbook: dates as dates, amounts as
/// numbers, a bold frozen header with a filter. Texts are written as plain
/// strings, never as formulas.
pub fn xlsx(files: &[ActivityFile]) -> Result<Vec<u8>, ExportError> {
    check_personal_data(files)?;
    check_dates(files)?;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Aktiviteter")?;
    let bold = XlsxFormat::new().set_bold();
    let date_format = XlsxFormat::new().set_num_format("yyyy-mm-dd");
    let widths = [
        12.0, 12.0, 10.0, 18.0, 9.0, 16.0, 12.0, 26.0, 60.0, 12.0, 14.0, 40.0, 12.0,
    ];
    for (col, (field, width)) in Field::ALL.iter().zip(widths).enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, field.heading(), &bold)?;
        sheet.set_column_width(col, width)?;
    }
    let mut row: u32 = 0;
    for entry in files.iter().flat_map(|f| &f.entries) {
        row += 1;
        let t = texts(entry);
        let date = |d: crate::model::Date| {
            ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                u8::try_from(d.month()).unwrap_or(1),
                u8::try_from(d.day()).unwrap_or(1),
            )
        };
        if entry.date.is_day() {
            sheet.write_datetime_with_format(row, 0, date(entry.date.first())?, &date_format)?;
        } else {
            // A week, month or year stays as written ("2018-10"): a date
            // cell would invent its first day.
            sheet.write_string(row, 0, entry.date.to_string())?;
        }
        if let Some(until) = entry.until {
            sheet.write_datetime_with_format(row, 1, date(until)?, &date_format)?;
        }
        for col in [2u16, 3, 5, 6, 7, 8, 9, 10, 11, 12] {
            let text = &t[usize::from(col)];
            if !text.is_empty() {
                sheet.write_string(row, col, text)?;
            }
        }
        if let Some(q) = &entry.quantity {
            sheet.write_number(row, 4, q.amount)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row.max(1), 12)?;
    Ok(workbook.save_to_buffer()?)
}
