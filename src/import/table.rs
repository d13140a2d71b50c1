//! Reading a spreadsheet into a plain table of cells: xlsx/ods with calamine,
//! CSV with the csv crate (semicolon, comma or tab; UTF-8 with or without
//! BOM, or Windows-1252 as Excel in Sweden still writes it).

use std::path::Path;

use calamine::{Data, Reader};

use crate::model::Date;

/// One cell, already told apart: a date from Excel stays a date.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text as written.
    Text(String),
    /// A number.
    Number(f64),
    /// A date cell.
    Date(Date),
}

impl Cell {
    /// The cell as the spreadsheet would show it (for previews and messages).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => crate::format::number(*n),
            Cell::Date(d) => d.to_string(),
        }
    }

    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A sheet: the header row and the rows under it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The sheet's name (empty for CSV).
    pub sheet: String,
    /// All sheet names of the workbook (empty for CSV).
    pub sheets: Vec<String>,
    /// The first row's texts.
    pub headers: Vec<String>,
    /// The rows after the header; row `i` is spreadsheet row `i + 2`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The cell at `row`, `column`, or empty.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&EMPTY)
    }

    /// The number of columns (the widest row).
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(self.headers.len()))
            .max()
            .unwrap_or(0)
    }
}

/// Why a spreadsheet could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file cannot be opened.
    #[error("kunde inte läsa {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The workbook is broken or not a spreadsheet.
    #[error("{path} går inte att läsa som kalkylark: {reason}")]
    Workbook {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The sheet asked for does not exist.
    #[error("bladet \"{sheet}\" finns inte i {path}; bladen heter: {sheets}")]
    NoSuchSheet {
        /// The file.
        path: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets there are.
        sheets: String,
    },
    /// Not a kind of file we read.
    #[error("{0}: okänd filtyp; importera .xlsx, .ods eller .csv")]
    UnknownKind(String),
    /// Nothing in it.
    #[error("{0} är tomt")]
    Empty(String),
    /// A CSV file with NUL bytes: not text.
    #[error(
        "{0} är ingen textfil (den innehåller NUL-tecken); spara kalkylarket som CSV (UTF-8) eller xlsx"
    )]
    NotText(String),
    /// A FIFO, a device, a folder: never read.
    #[error("{path} läses inte: {kind}; importera en vanlig fil")]
    Special {
        /// The path.
        path: String,
        /// What it is, in Swedish.
        kind: &'static str,
    },
    /// Larger than any activity sheet.
    #[error(
        "{path} är för stor ({} MB; högst {} MB läses); dela upp kalkylarket",
        bytes / 1_000_000,
        MAX_SHEET_BYTES / 1_000_000
    )]
    TooLarge {
        /// The path.
        path: String,
        /// Its size.
        bytes: u64,
    },
}

/// Spreadsheets larger than this are refused unread: 64 MB holds several
/// hundred thousand rows, far more than a party reports in a period.
pub const MAX_SHEET_BYTES: u64 = 64 * 1_000_000;

/// The bytes of a spreadsheet file, refusing special and oversized files.
fn read_sheet_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let display = path.display().to_string();
    crate::store::read_regular_file(path, MAX_SHEET_BYTES).map_err(|e| match e {
        crate::store::ReadRefused::Io(e) => ReadError::Io {
            path: display,
            reason: crate::store::io_message(&e),
        },
        crate::store::ReadRefused::Special(kind) => ReadError::Special {
            path: display,
            kind,
        },
        crate::store::ReadRefused::TooLarge { bytes, .. } => ReadError::TooLarge {
            path: display,
            bytes,
        },
    })
}

/// Reads a spreadsheet: `.xlsx`, `.xlsm`, `.xls`, `.ods` or `.csv`/`.txt`.
/// `sheet` picks a sheet by name (the first sheet by default).
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    let display = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let table = match ext.as_str() {
        "csv" | "txt" | "tsv" => {
            let bytes = read_sheet_bytes(path)?;
            // UTF-16 ("Unicode-text" from Excel) is full of NUL bytes; any
            // other NUL means the file is not text at all.
            if !bytes.starts_with(b"\xFF\xFE")
                && !bytes.starts_with(b"\xFE\xFF")
                && bytes.contains(&0)
            {
                return Err(ReadError::NotText(display));
            }
            csv_table(&bytes)
        }
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => {
            workbook_table(path, read_sheet_bytes(path)?, sheet)?
        }
        _ => return Err(ReadError::UnknownKind(display)),
    };
    if table.headers.iter().all(|h| h.trim().is_empty()) && table.rows.is_empty() {
        return Err(ReadError::Empty(display));
    }
    Ok(table)
}

/// The kind of workbook a file name promises, as a user calls it.
fn workbook_kind(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("ods") => "ods-fil",
        Some("xls") => "xls-fil",
        _ => "xlsx-fil",
    }
}

fn workbook_table(path: &Path, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, ReadError> {
    let display = path.display().to_string();
    // calamine's and zip's messages are English ("Could not find EOCD")
    // and say nothing a user can act on.
    let broken = |_: calamine::Error| ReadError::Workbook {
        path: display.clone(),
        reason: format!("filen är inte en giltig {}", workbook_kind(path)),
    };
    let mut workbook =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(broken)?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.eq_ignore_ascii_case(wanted) || s.to_lowercase() == wanted.to_lowercase())
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet {
                path: display.clone(),
                sheet: wanted.to_owned(),
                sheets: sheets.join(", "),
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| ReadError::Empty(display.clone()))?,
    };
    let range = workbook.worksheet_range(&name).map_err(broken)?;
    // Rows as the sheet numbers them: a sheet that starts lower keeps its
    // numbering, so "rad 5" is the row the officer sees.
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut rows: Vec<Vec<Cell>> = std::iter::repeat_n(Vec::new(), first_row).collect();
    for row in range.rows() {
        let mut cells: Vec<Cell> = std::iter::repeat_n(Cell::Empty, first_col).collect();
        cells.extend(row.iter().map(cell_of));
        while cells.last().is_some_and(Cell::is_blank) {
            cells.pop();
        }
        rows.push(cells);
    }
    let (headers, rows) = split_header(rows);
    Ok(Table {
        sheet: name,
        sheets,
        headers,
        rows,
    })
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(if *b { "ja" } else { "nej" }.to_owned()),
        #[allow(clippy::cast_precision_loss)] // counts far below 2^52
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        // Out of Excel's reliable range: kept as the number, which the
        // date parser then refuses with a reason.
        Data::DateTime(dt) => {
            excel_serial_date(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s
            .get(..10)
            .and_then(|d| d.parse::<Date>().ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
    }
}

/// The first row as headings, and the rows under it.
fn split_header(rows: Vec<Vec<Cell>>) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut rows = rows.into_iter();
    let headers = rows
        .next()
        .unwrap_or_default()
        .iter()
        .map(Cell::display)
        .collect();
    (headers, rows.collect())
}

/// An Excel serial day number (days since 1899-12-30) as a date; `None`
/// before 61 (1900-03-01): Excel counts a 29 February 1900 that never was,
/// so its serials 1–60 are a day off (1900-01-01 would read 1899-12-31).
pub fn excel_serial_date(serial: f64) -> Option<Date> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // checked range above
    let days = serial.floor() as i64;
    Some(Date::from_ymd(1899, 12, 30)?.add_days(days))
}

/// UTF-16 with its BOM, UTF-8 (a BOM is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator of the first line: the most frequent of `;`, `,` and tab
/// outside quotes (semicolon when tied, as Swedish Excel writes).
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for ch in first.chars() {
        match ch {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b';', b',', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    seps[best]
}

/// A CSV file as a table; every cell is text (numbers and dates are told
/// apart when mapped).
pub fn csv_table(bytes: &[u8]) -> Table {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for record in reader.records() {
        // A broken line (unbalanced quote) becomes what could be read of it.
        let Ok(record) = record else {
            rows.push(Vec::new());
            continue;
        };
        let mut cells: Vec<Cell> = record
            .iter()
            .map(|t| {
                if t.trim().is_empty() {
                    Cell::Empty
                } else {
                    // An export's guard against formulas is not part of the text.
                    Cell::Text(super::export::strip_neutraliser(t).to_owned())
                }
            })
            .collect();
        while cells.last().is_some_and(Cell::is_blank) {
            cells.pop();
        }
        rows.push(cells);
    }
    let (headers, rows) = split_header(rows);
    Table {
        sheet: String::new(),
        sheets: Vec::new(),
        headers,
        rows,
    }
}

/// "A", "B", … "Z", "AA" for a 0-based column index.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + u8::try_from(rem).unwrap_or(0));
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The 0-based index of a column letter ("A" → 0, "AA" → 26).
pub fn column_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for c in letters.to_ascii_uppercase().bytes() {
        n = n.checked_mul(26)?.checked_add(usize::from(c - b'A') + 1)?;
    }
    Some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_semicolons_bom_and_windows_1252() {
        let utf8 = "\u{feff}Datum;Åtagande;Antal\n2017-03-14;K1;2,5\n";
        let t = csv_table(utf8.as_bytes());
        assert_eq!(t.headers, ["Datum", "Åtagande", "Antal"]);
        assert_eq!(t.cell(0, 2), &Cell::Text("2,5".into()));
        // "Åtagande;Plats\nK1;Våxnäs" in Windows-1252.
        let cp1252: Vec<u8> = b"\xC5tagande;Plats\nK1;V\xE5xn\xE4s\n".to_vec();
        let t = csv_table(&cp1252);
        assert_eq!(t.headers, ["Åtagande", "Plats"]);
        assert_eq!(t.cell(0, 1), &Cell::Text("Våxnäs".into()));
        let comma = "Datum,Antal,Plats\n2017-03-14,\"2,5\",Torget\n";
        let t = csv_table(comma.as_bytes());
        assert_eq!(t.cell(0, 1), &Cell::Text("2,5".into()));
    }

    #[test]
    fn column_letters_both_ways() {
        for (i, l) in [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")] {
            assert_eq!(column_letter(i), l);
            assert_eq!(column_index(l), Some(i));
        }
        assert_eq!(column_index("a"), Some(0));
        assert_eq!(column_index("1"), None);
    }

    #[test]
    fn excel_serial_dates() {
        assert_eq!(excel_serial_date(42808.0), "2017-03-14".parse().ok());
        assert_eq!(excel_serial_date(-1.0), None);
        // Serials 1–60 are a day off in Excel's calendar: refused.
        assert_eq!(excel_serial_date(1.0), None);
        assert_eq!(excel_serial_date(61.0), "1900-03-01".parse().ok());
    }
}
