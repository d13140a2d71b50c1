//! Importing activity reports from spreadsheets, and exporting them back.
//!
//! [`table`] reads a sheet into cells; [`Mapping`] says which column holds
//! what (recognised from Swedish headings, changeable in the GUI preview or
//! with `--columns`); [`plan`] turns every row into an [`Activity`] or into
//! row problems with the sheet's own row numbers and column letters, and
//! sorts out entries that are already there; [`apply`] writes the plan to
//! each party's file through the same edit path as the entry form.

pub mod export;
pub mod table;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::activity_edit::ActivityEdit;
use crate::model::validate::{check_entry, likely_duplicate, suggest};
use crate::model::{
    Activity, ActivityFile, CommitmentId, Date, PartyId, PartyKind, Pledge, Qualifier, Quantity,
    Severity, Span,
};
use crate::store::activities::{ActivityWriteError, appends, apply_all};

pub use table::{Cell, Table, column_index, column_letter};

/// What a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The day (or first day).
    Datum,
    /// The last day of a range.
    Till,
    /// The commitment id(s).
    Atagande,
    /// The party (id, name, "polisen", "kommunen").
    Part,
    /// The amount ("2,5", "ca 60").
    Antal,
    /// The unit.
    Enhet,
    /// exakt / minst / cirka.
    Kvalifikator,
    /// Where.
    Plats,
    /// Free text.
    Anteckning,
    /// A running total (ja/nej).
    Lopande,
    /// The entry says the milestone was reached (ja/nej).
    Uppnatt,
    /// Done instead of the promise: why.
    IStallet,
    /// The part of a commitment followed up in parts (its id).
    Del,
}

impl Field {
    /// All fields, in the order of an export.
    pub const ALL: [Field; 13] = [
        Field::Datum,
        Field::Till,
        Field::Atagande,
        Field::Part,
        Field::Antal,
        Field::Enhet,
        Field::Kvalifikator,
        Field::Plats,
        Field::Anteckning,
        Field::Lopande,
        Field::Uppnatt,
        Field::IStallet,
        Field::Del,
    ];

    /// The name in `--columns` and in messages ("datum", "åtagande").
    pub fn key(self) -> &'static str {
        match self {
            Field::Datum => "datum",
            Field::Till => "till",
            Field::Atagande => "åtagande",
            Field::Part => "part",
            Field::Antal => "antal",
            Field::Enhet => "enhet",
            Field::Kvalifikator => "kvalifikator",
            Field::Plats => "plats",
            Field::Anteckning => "anteckning",
            Field::Lopande => "löpande",
            Field::Uppnatt => "uppnått",
            Field::IStallet => "i stället",
            Field::Del => "del",
        }
    }

    /// The heading an export writes.
    pub fn heading(self) -> &'static str {
        match self {
            Field::Datum => "Datum",
            Field::Till => "Till och med",
            Field::Atagande => "Åtagande",
            Field::Part => "Part",
            Field::Antal => "Antal",
            Field::Enhet => "Enhet",
            Field::Kvalifikator => "Kvalifikator",
            Field::Plats => "Plats",
            Field::Anteckning => "Anteckning",
            Field::Lopande => "Löpande total",
            Field::Uppnatt => "Delmål uppnått",
            Field::IStallet => "I stället för det utlovade, eftersom",
            Field::Del => "Del",
        }
    }

    /// Recognises a heading: "Datum", "Åtagande"/"Löfte"/"Nr", "Antal",
    /// "Enhet", "Plats", "Kommentar"/"Anteckning", "Part"/"Myndighet" …
    pub fn from_heading(heading: &str) -> Option<Field> {
        let h = heading.trim().to_lowercase();
        let h = h.trim_end_matches([':', '.']).trim();
        let any = |words: &[&str]| words.contains(&h);
        if any(&[
            "datum",
            "dag",
            "datum från",
            "från",
            "från och med",
            "fr.o.m",
            "startdatum",
            "date",
        ]) {
            Some(Field::Datum)
        } else if any(&[
            "till",
            "till och med",
            "t.o.m",
            "tom",
            "slutdatum",
            "datum till",
            "until",
        ]) {
            Some(Field::Till)
        } else if any(&[
            "åtagande",
            "åtaganden",
            "löfte",
            "nr",
            "löftesnr",
            "åtagande nr",
            "id",
            "commitment",
        ]) {
            Some(Field::Atagande)
        } else if any(&["part", "myndighet", "organisation", "aktör", "party"]) {
            Some(Field::Part)
        } else if any(&["antal", "mängd", "omfattning", "amount", "kvantitet"]) {
            Some(Field::Antal)
        } else if any(&["enhet", "unit"]) {
            Some(Field::Enhet)
        } else if any(&["kvalifikator", "exakthet", "noggrannhet", "qualifier"]) {
            Some(Field::Kvalifikator)
        } else if any(&["plats", "område", "ort", "place", "stadsdel"]) {
            Some(Field::Plats)
        } else if any(&[
            "anteckning",
            "kommentar",
            "kommentarer",
            "anteckningar",
            "beskrivning",
            "notering",
            "note",
        ]) {
            Some(Field::Anteckning)
        } else if any(&[
            "löpande total",
            "löpande",
            "kumulativ",
            "ackumulerat",
            "cumulative",
        ]) {
            Some(Field::Lopande)
        } else if any(&[
            "delmål uppnått",
            "uppnått",
            "klart",
            "klar",
            "genomfört",
            "milestone reached",
        ]) {
            Some(Field::Uppnatt)
        } else if any(&[
            "i stället för det utlovade, eftersom",
            "i stället",
            "istället",
            "ersätter",
            "instead",
        ]) {
            Some(Field::IStallet)
        } else if any(&["del", "delmål", "part"]) {
            Some(Field::Del)
        } else {
            None
        }
    }

    /// The field an entry's finding (from `check_entry`) is about, if one.
    pub fn of_finding(finding: &crate::model::Finding) -> Option<Field> {
        let name = finding.path.iter().rev().find_map(|seg| match seg {
            crate::model::PathSeg::Field(name) => Some(*name),
            crate::model::PathSeg::Index(_) => None,
        })?;
        match name {
            "date" => Some(Field::Datum),
            "until" => Some(Field::Till),
            "party" => Some(Field::Part),
            "commitments" => Some(Field::Atagande),
            "amount" | "quantity" => Some(Field::Antal),
            "unit" => Some(Field::Enhet),
            "qualifier" => Some(Field::Kvalifikator),
            "place" => Some(Field::Plats),
            "note" => Some(Field::Anteckning),
            "cumulative" => Some(Field::Lopande),
            "milestone_reached" => Some(Field::Uppnatt),
            "part" => Some(Field::Del),
            "instead" => Some(Field::IStallet),
            _ => None,
        }
    }

    /// The field for a `--columns` key.
    pub fn from_key(key: &str) -> Option<Field> {
        let k = key.trim().to_lowercase();
        Field::ALL
            .into_iter()
            .find(|f| f.key() == k || f.heading().to_lowercase() == k)
            .or_else(|| match k.as_str() {
                "atagande" => Some(Field::Atagande),
                "lopande" => Some(Field::Lopande),
                "uppnatt" => Some(Field::Uppnatt),
                "i stallet" | "istallet" => Some(Field::IStallet),
                _ => Field::from_heading(&k),
            })
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.heading())
    }
}

/// Which column holds each field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    columns: HashMap<Field, usize>,
}

impl Mapping {
    /// Recognised from the headings; the first column with a heading wins.
    pub fn guess(headers: &[String]) -> Self {
        let mut columns = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            if let Some(field) = Field::from_heading(h) {
                columns.entry(field).or_insert(i);
            }
        }
        Mapping { columns }
    }

    /// The column of a field.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }

    /// The field a column is mapped to.
    pub fn field_of(&self, column: usize) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| self.columns.get(f) == Some(&column))
    }

    /// Maps `column` to `field` (`None` clears the column). A field has one
    /// column: mapping it elsewhere moves it.
    pub fn set(&mut self, column: usize, field: Option<Field>) {
        self.columns.retain(|_, c| *c != column);
        if let Some(field) = field {
            self.columns.insert(field, column);
        }
    }

    /// Applies `--columns datum=A,åtagande=B,plats=Ort`: a column letter or
    /// a heading of the sheet.
    pub fn apply_arg(&mut self, arg: &str, headers: &[String]) -> Result<(), String> {
        for part in arg.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, column)) = part.split_once('=') else {
                return Err(format!(
                    "--columns: \"{part}\" ska skrivas fält=kolumn, till exempel datum=A"
                ));
            };
            let field = Field::from_key(key).ok_or_else(|| {
                let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
                format!(
                    "--columns: okänt fält \"{}\"; fälten heter {}",
                    key.trim(),
                    keys.join(", ")
                )
            })?;
            let column = column.trim();
            let index = headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(column) || h.trim().to_lowercase() == column.to_lowercase())
                .or_else(|| column_index(column))
                .ok_or_else(|| {
                    format!("--columns: \"{column}\" är varken en kolumnbokstav eller en rubrik i bladet")
                })?;
            self.set(index, Some(field));
        }
        Ok(())
    }

    /// "datum=A (Datum), åtagande=B (Löfte), …" for the CLI.
    pub fn describe(&self, headers: &[String]) -> String {
        Field::ALL
            .into_iter()
            .filter_map(|f| {
                let c = self.column(f)?;
                let heading = headers.get(c).map(|h| h.trim()).unwrap_or_default();
                Some(if heading.is_empty() {
                    format!("{}={}", f.key(), column_letter(c))
                } else {
                    format!("{}={} ({heading})", f.key(), column_letter(c))
                })
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A problem with one row, located as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The row number in the sheet (the header is row 1).
    pub row: usize,
    /// The column letter and its heading, when one column is at fault.
    pub column: Option<String>,
    /// Error (the row is not imported) or warning.
    pub severity: Severity,
    /// What is wrong, in Swedish.
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rad {}", self.row)?;
        if let Some(column) = &self.column {
            write!(f, ", kolumn {column}")?;
        }
        write!(f, ": {}: {}", self.severity, self.message)
    }
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// Rows that become entries: (sheet row, entry).
    pub entries: Vec<(usize, Activity)>,
    /// Rows with errors (not imported) and warnings.
    pub problems: Vec<RowProblem>,
    /// Rows already in the files, exactly: skipped, so importing twice adds nothing.
    pub already_there: Vec<usize>,
    /// Rows that look like an existing entry but differ (note): imported and flagged.
    pub likely_duplicates: Vec<usize>,
    /// Rows with data read (blank rows are not counted).
    pub rows: usize,
}

impl Plan {
    /// Sheet rows with at least one error.
    pub fn error_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Fel)
            .map(|p| p.row)
            .collect();
        rows.dedup();
        rows
    }

    /// Whether any row has an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Fel)
    }
}

/// What the import needs besides the sheet.
pub struct Context<'a> {
    /// The pledge.
    pub pledge: &'a Pledge,
    /// The activity files there are now.
    pub existing: &'a [ActivityFile],
    /// The party of rows without one (`--party`).
    pub default_party: Option<&'a PartyId>,
    /// Today, for the "in the future" warning.
    pub today: Date,
}

fn column_name(table: &Table, column: usize) -> String {
    match table.headers.get(column).map(|h| h.trim()) {
        Some(h) if !h.is_empty() => format!("{} ({h})", column_letter(column)),
        _ => column_letter(column),
    }
}

/// Turns every row into an entry or row problems.
pub fn plan(table: &Table, mapping: &Mapping, ctx: &Context<'_>) -> Plan {
    let mut out = Plan::default();
    if mapping.column(Field::Datum).is_none() || mapping.column(Field::Atagande).is_none() {
        let missing: Vec<&str> = [Field::Datum, Field::Atagande]
            .into_iter()
            .filter(|f| mapping.column(*f).is_none())
            .map(Field::key)
            .collect();
        out.problems.push(RowProblem {
            row: 1,
            column: None,
            severity: Severity::Fel,
            message: format!(
                "ingen kolumn för {}; välj kolumnerna i förhandsvisningen eller ange --columns {}=A",
                missing.join(" och "),
                missing.first().copied().unwrap_or("datum")
            ),
        });
        return out;
    }
    let existing: Vec<&Activity> = ctx.existing.iter().flat_map(|f| &f.entries).collect();
    let mut by_date: HashMap<Span, Vec<&Activity>> = HashMap::new();
    for e in &existing {
        by_date.entry(e.date).or_default().push(e);
    }
    for (i, cells) in table.rows.iter().enumerate() {
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        out.rows += 1;
        let row = i + 2;
        let mut problems = Vec::new();
        let entry = RowReader {
            table,
            mapping,
            ctx,
            index: i,
            problems: &mut problems,
        }
        .entry();
        if let Some(entry) = &entry {
            for finding in check_entry(ctx.pledge, entry, ctx.today) {
                let column = Field::of_finding(&finding).and_then(|f| mapping.column(f));
                problems.push(RowProblem {
                    row,
                    column: column.map(|c| column_name(table, c)),
                    severity: finding.severity,
                    message: finding.kind.to_string(),
                });
            }
        }
        let has_error = problems.iter().any(|p| p.severity == Severity::Fel);
        out.problems.extend(problems);
        let Some(entry) = entry else { continue };
        if has_error {
            continue;
        }
        let same_day = by_date
            .get(&entry.date)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if same_day.iter().any(|e| **e == entry) {
            out.already_there.push(row);
            continue;
        }
        if same_day.iter().any(|e| likely_duplicate(e, &entry)) {
            out.likely_duplicates.push(row);
            out.problems.push(RowProblem {
                row,
                column: None,
                severity: Severity::Varning,
                message: "liknar en aktivitet som redan finns (samma dag, åtagande, part, antal och plats); kontrollera att den inte är rapporterad två gånger".into(),
            });
        }
        out.entries.push((row, entry));
    }
    out
}

/// The text of a mapped cell, trimmed; `None` when unmapped or blank.
fn text_at(table: &Table, mapping: &Mapping, row: usize, field: Field) -> Option<(usize, Cell)> {
    let column = mapping.column(field)?;
    let cell = table.cell(row, column);
    if cell.is_blank() {
        None
    } else {
        Some((column, cell.clone()))
    }
}

/// One row being read: where it is, and the problems found so far.
struct RowReader<'a> {
    table: &'a Table,
    mapping: &'a Mapping,
    ctx: &'a Context<'a>,
    /// 0-based index into `table.rows`.
    index: usize,
    problems: &'a mut Vec<RowProblem>,
}

impl RowReader<'_> {
    fn error(&mut self, column: Option<usize>, message: String) {
        self.problems.push(RowProblem {
            row: self.index + 2,
            column: column.map(|c| column_name(self.table, c)),
            severity: Severity::Fel,
            message,
        });
    }

    /// The mapped cell when it holds something.
    fn cell(&self, field: Field) -> Option<(usize, Cell)> {
        text_at(self.table, self.mapping, self.index, field)
    }

    /// Parses a mapped cell; a failure is an error at that column.
    fn parsed<T>(
        &mut self,
        field: Field,
        parse: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Option<T> {
        let (column, cell) = self.cell(field)?;
        match parse(&cell) {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(Some(column), message);
                None
            }
        }
    }

    fn required_missing(&mut self, field: Field, what: &str) {
        self.error(self.mapping.column(field), format!("{what} saknas"));
    }

    /// The party of the row, and the parties it did it together with
    /// ("Polisen och skolan" in the party column).
    fn party(&mut self, commitments: &[CommitmentId]) -> Option<(PartyId, Vec<PartyId>)> {
        let pledge = self.ctx.pledge;
        if self.cell(Field::Part).is_some() {
            return self
                .parsed(Field::Part, |c| parse_parties(&c.display(), pledge))
                .and_then(|mut parties| {
                    let first = parties.first().cloned()?;
                    parties.remove(0);
                    Some((first, parties))
                });
        }
        if let Some(party) = self.ctx.default_party {
            return Some((party.clone(), Vec::new()));
        }
        // A commitment of one party needs no party column.
        let owners: Vec<&PartyId> = commitments
            .iter()
            .filter_map(|id| pledge.commitment(id))
            .flat_map(|c| &c.owners)
            .collect();
        match owners.as_slice() {
            [first, rest @ ..] if rest.iter().all(|o| o == first) => {
                Some(((*first).clone(), Vec::new()))
            }
            // The commitment's own error says enough.
            [] if commitments.is_empty() => None,
            _ => {
                self.error(
                    self.mapping.column(Field::Part),
                    "part saknas och åtagandet har flera parter; lägg till en kolumn Part eller välj en part för rader utan partkolumn (--party)".into(),
                );
                None
            }
        }
    }

    fn quantity(&mut self, commitments: &[CommitmentId]) -> Option<Quantity> {
        let mut qualifier = self.parsed(Field::Kvalifikator, |c| {
            parse_qualifier(&c.display()).ok_or_else(|| {
                format!(
                    "okänd kvalifikator \"{}\"; skriv exakt, minst eller cirka",
                    c.display()
                )
            })
        });
        let (amount, written) = self.parsed(Field::Antal, parse_amount)?;
        qualifier = qualifier.or(written);
        let unit = self
            .cell(Field::Enhet)
            .map(|(_, c)| c.display().trim().to_owned())
            .or_else(|| {
                // The commitment's target unit, as the entry form defaults to.
                commitments
                    .first()
                    .and_then(|id| self.ctx.pledge.commitment(id))
                    .and_then(|c| c.target.as_ref())
                    .map(|t| t.unit.clone())
            });
        let Some(unit) = unit else {
            if commitments.is_empty() {
                return None;
            }
            self.error(
                self.mapping
                    .column(Field::Enhet)
                    .or(self.mapping.column(Field::Antal)),
                "enhet saknas och åtagandet har inget mål med enhet; lägg till en kolumn Enhet"
                    .into(),
            );
            return None;
        };
        Some(Quantity {
            amount,
            unit: unit.into(),
            qualifier: qualifier.unwrap_or_default(),
        })
    }

    /// A yes/no column ("ja", "x", "nej", empty); anything else is an
    /// error naming the column.
    fn yes_no(&mut self, field: Field) -> bool {
        self.parsed(field, |c| {
            match c.display().trim().to_lowercase().as_str() {
                "ja" | "j" | "x" | "1" | "sant" | "true" | "yes" => Ok(true),
                "" | "nej" | "n" | "0" | "falskt" | "false" | "no" => Ok(false),
                other => Err(format!(
                    "\"{other}\" i {}; skriv ja eller nej",
                    field.heading()
                )),
            }
        })
        .unwrap_or(false)
    }

    fn entry(&mut self) -> Option<Activity> {
        let date = if self.cell(Field::Datum).is_some() {
            self.parsed(Field::Datum, parse_span)
        } else {
            self.required_missing(Field::Datum, "datum");
            None
        };
        let until = self.parsed(Field::Till, parse_date);
        let pledge = self.ctx.pledge;
        let commitments = if self.cell(Field::Atagande).is_some() {
            self.parsed(Field::Atagande, |c| parse_commitments(&c.display(), pledge))
                .unwrap_or_default()
        } else {
            self.required_missing(Field::Atagande, "åtagande");
            Vec::new()
        };
        let parties = self.party(&commitments);
        let quantity = self.quantity(&commitments);
        let cumulative = self.yes_no(Field::Lopande);
        let milestone_reached = self.yes_no(Field::Uppnatt);
        let part = self
            .cell(Field::Del)
            .map(|(_, c)| c.display().trim().to_owned())
            .filter(|p| !p.is_empty());
        let instead = self
            .cell(Field::IStallet)
            .map(|(_, c)| c.display().trim().to_owned())
            .filter(|r| !r.is_empty());
        let place = self
            .cell(Field::Plats)
            .map(|(_, c)| c.display().trim().into());
        let note = self
            .cell(Field::Anteckning)
            .map(|(_, c)| c.display().trim().to_owned());
        if commitments.is_empty() {
            return None;
        }
        Some(Activity {
            date: date?,
            until,
            commitments: commitments.into_iter().collect(),
            party: parties.as_ref()?.0.clone(),
            with: parties.map(|(_, with)| with).unwrap_or_default(),
            quantity,
            place,
            note,
            cumulative,
            milestone_reached,
            instead,
            part,
        })
    }
}

/// A date cell: a date, ISO text ("2017-03-14", "2017-03-14 00:00"),
/// "14/3/2017" or "14.3.2017", or an Excel serial number. Dates before
/// 1900-03-01 are refused: Excel cannot hold them (see
/// [`crate::model::Date::FIRST_SPREADSHEET_DAY`]), so they are typing errors here.
pub fn parse_date(cell: &Cell) -> Result<Date, String> {
    let date = match cell {
        Cell::Date(d) => *d,
        Cell::Number(n) if (1.0..61.0).contains(n) => return Err(before_excel_message()),
        Cell::Number(n) => table::excel_serial_date(*n)
            .ok_or_else(|| format!("{} är inget datum", crate::format::number(*n)))?,
        Cell::Empty => return Err("datum saknas".into()),
        Cell::Text(t) => date_from_text(t.trim())?,
    };
    if date < Date::FIRST_SPREADSHEET_DAY {
        // The same words as `check`.
        return Err(crate::model::ProblemKind::BeforeSpreadsheetDates(date).to_string());
    }
    Ok(date)
}

/// The Datum cell of a report: a day as [`parse_date`] reads it, or a whole
/// ISO week, month or year written as text ("2018-W09", "2018-10",
/// "2018") or a year typed as a number (2018, which Excel would otherwise
/// read as a day in 1905).
pub fn parse_span(cell: &Cell) -> Result<Span, String> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2100.0).contains(n) => {
            // `as`: an integer between 1900 and 2100, checked above.
            #[allow(clippy::cast_possible_truncation)]
            let year = *n as i32;
            Span::year(year).ok_or_else(|| format!("{year} är inget år"))
        }
        Cell::Text(t) if looks_like_span(t.trim()) => {
            t.trim().parse::<Span>().map_err(|e| e.to_string())
        }
        _ => parse_date(cell).map(Span::day),
    }
}

/// "2018", "2018-10" or "2018-W09" (not "1.2.1900", which is a day).
fn looks_like_span(t: &str) -> bool {
    let b = t.as_bytes();
    let year = b.len() >= 4 && b.iter().take(4).all(u8::is_ascii_digit);
    year && match b.len() {
        4 => true,
        7 => b.get(4) == Some(&b'-'),
        8 => b.get(4) == Some(&b'-') && matches!(b.get(5), Some(b'W' | b'w')),
        _ => false,
    }
}

fn before_excel_message() -> String {
    "datum före 1900-03-01 kan Excel inte visa rätt; rätta datumet".into()
}

/// ISO text (with a time after it), or day/month/year with `/` or `.`.
fn date_from_text(t: &str) -> Result<Date, String> {
    if let Some(iso) = t.get(..10)
        && (t.len() == 10 || t[10..].starts_with([' ', 'T']))
    {
        match iso.parse::<Date>() {
            Ok(d) => return Ok(d),
            // Written the right way, but the day does not exist: the same
            // words as `check` ("februari 2017 har 28 dagar").
            Err(err @ crate::model::DateError::NoSuchDay { .. }) => return Err(err.to_string()),
            Err(crate::model::DateError::Format(_) | crate::model::DateError::SpanFormat(_)) => {}
        }
    }
    let parts: Vec<&str> = t.split(['/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && let (Ok(d), Ok(m), Ok(y)) = (d.trim().parse(), m.trim().parse(), y.trim().parse())
    {
        if !(1..=12).contains(&m) {
            return Err(format!("datumet \"{t}\" finns inte (månad {m} finns inte)"));
        }
        return Date::from_ymd(y, m, d).ok_or_else(|| {
            format!(
                "datumet \"{t}\" finns inte ({} {y} har {} dagar)",
                crate::model::date::month_name(m),
                crate::model::date::days_in_month(y, m)
            )
        });
    }
    Err(format!("\"{t}\" är inget datum; skriv ÅÅÅÅ-MM-DD"))
}

/// An amount: a number cell, or text with a decimal comma and space as
/// thousands separator, optionally "ca"/"cirka"/"~" or "minst"/"≥" first.
pub fn parse_amount(cell: &Cell) -> Result<(f64, Option<Qualifier>), String> {
    match cell {
        Cell::Number(n) => Ok((*n, None)),
        Cell::Date(d) => Err(format!("{d} är ett datum, inte ett antal")),
        Cell::Empty => Err("antal saknas".into()),
        Cell::Text(t) => {
            let lower = t.trim().to_lowercase();
            let (qualifier, rest) = [
                ("cirka", Qualifier::Cirka),
                ("ca.", Qualifier::Cirka),
                ("ca", Qualifier::Cirka),
                ("~", Qualifier::Cirka),
                ("ungefär", Qualifier::Cirka),
                ("minst", Qualifier::Minst),
                (">=", Qualifier::Minst),
                ("≥", Qualifier::Minst),
            ]
            .into_iter()
            .find_map(|(prefix, q)| {
                lower
                    .strip_prefix(prefix)
                    .map(|r| (Some(q), r.trim().to_owned()))
            })
            .unwrap_or((None, lower.clone()));
            let digits: String = rest
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            digits
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(|n| (n, qualifier))
                .ok_or_else(|| format!("\"{}\" är inget antal", t.trim()))
        }
    }
}

fn parse_qualifier(text: &str) -> Option<Qualifier> {
    match text.trim().to_lowercase().as_str() {
        "" | "exakt" | "exakta" | "=" => Some(Qualifier::Exakt),
        "minst" | "≥" | ">=" => Some(Qualifier::Minst),
        "cirka" | "ca" | "ca." | "ungefär" | "~" => Some(Qualifier::Cirka),
        _ => None,
    }
}

/// "G1", "G1, G3", "g1 och G3", "K1 Tillsyner på krogar".
fn parse_commitments(text: &str, pledge: &Pledge) -> Result<Vec<CommitmentId>, String> {
    let known: Vec<&str> = pledge.commitments.iter().map(|c| c.id.as_str()).collect();
    let find = |token: &str| {
        known
            .iter()
            .find(|k| k.eq_ignore_ascii_case(token))
            .map(CommitmentId::new)
    };
    let tokens: Vec<&str> = text
        .split([',', ';', '/', '+', '&'])
        .flat_map(|part| part.split(" och "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    let mut ids = Vec::new();
    for token in tokens {
        if let Some(id) = find(token) {
            ids.push(id);
        } else if let Some(id) = token.split_whitespace().next().and_then(find) {
            // "K1 Tillsyner …": the id first, then words.
            ids.push(id);
        } else {
            let hint = suggest(token, known.iter().copied())
                .map(|s| format!(" – menade du \"{s}\"?"))
                .unwrap_or_default();
            return Err(format!("okänt åtagande \"{token}\"{hint}"));
        }
    }
    ids.dedup();
    if ids.is_empty() {
        Err("åtagande saknas".into())
    } else {
        Ok(ids)
    }
}

/// A party by id, name, or kind word ("polisen", "kommunen").
/// A party cell naming one party or several that did it together:
/// "Polisen", "polis, kommun", "Polisen och Karlstads kommun". The whole
/// text is tried first, so a party whose name contains "och" is one party.
pub fn parse_parties(text: &str, pledge: &Pledge) -> Result<Vec<PartyId>, String> {
    if let Ok(one) = parse_party(text, pledge) {
        return Ok(vec![one]);
    }
    let parts: Vec<&str> = text
        .split([',', ';', '+', '&'])
        .flat_map(|part| part.split(" och "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    if parts.len() < 2 {
        return parse_party(text, pledge).map(|one| vec![one]);
    }
    let mut parties: Vec<PartyId> = Vec::new();
    for part in parts {
        let id = parse_party(part, pledge)?;
        if !parties.contains(&id) {
            parties.push(id);
        }
    }
    Ok(parties)
}

/// One party by id, name or kind ("polisen" when there is one police party).
pub fn parse_party(text: &str, pledge: &Pledge) -> Result<PartyId, String> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if let Some(p) = pledge
        .parties
        .iter()
        .find(|p| p.id.as_str().eq_ignore_ascii_case(t) || p.name.to_lowercase() == lower)
    {
        return Ok(p.id.clone());
    }
    let kind = match lower.as_str() {
        "polisen" | "polis" | "lpo" => Some(PartyKind::Polis),
        "kommunen" | "kommun" => Some(PartyKind::Kommun),
        _ => None,
    };
    let of_kind: Vec<&PartyId> = pledge
        .parties
        .iter()
        .filter(|p| Some(&p.kind) == kind.as_ref())
        .map(|p| &p.id)
        .collect();
    if let [one] = of_kind.as_slice() {
        return Ok((*one).clone());
    }
    let names: Vec<String> = pledge
        .parties
        .iter()
        .map(|p| format!("{} ({})", p.name, p.id))
        .collect();
    Err(format!(
        "okänd part \"{t}\"; parterna är {}",
        names.join(", ")
    ))
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Entries written.
    pub imported: usize,
    /// Rows skipped because they were already there.
    pub skipped: usize,
    /// Rows imported but flagged as likely duplicates.
    pub flagged: usize,
    /// Rows not imported because of errors.
    pub rejected: usize,
    /// Entries written per file.
    pub files: Vec<(PathBuf, usize)>,
    /// The edits that undo the import, in the order to apply them.
    pub undo: Vec<(PathBuf, ActivityEdit)>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} importerade, {} fanns redan och hoppades över, {} {} som möjliga dubbletter, {} med fel importerades inte",
            crate::format::count(self.imported, "rad", "rader"),
            self.skipped,
            self.flagged,
            if self.flagged == 1 {
                "flaggad"
            } else {
                "flaggade"
            },
            self.rejected
        )
    }
}

/// Writes the plan's entries to each party's file in `folder`, appended in
/// sheet order, all or nothing. `files` are the activity files there are
/// now with their paths (to find each party's file).
pub fn apply(
    plan: &Plan,
    folder: &Path,
    files: &[(&Path, &ActivityFile)],
    pledge: &Pledge,
) -> Result<Summary, ActivityWriteError> {
    let edits = appends(folder, files, plan.entries.iter().map(|(_, e)| e.clone()));
    let undo = apply_all(folder, &edits, pledge)?;
    Ok(Summary {
        imported: plan.entries.len(),
        skipped: plan.already_there.len(),
        flagged: plan.likely_duplicates.len(),
        rejected: plan.error_rows().len(),
        files: edits
            .into_iter()
            .map(|(path, edit)| (path, edit.added().unsigned_abs()))
            .collect(),
        undo,
    })
}

#[cfg(test)]
mod tests;
