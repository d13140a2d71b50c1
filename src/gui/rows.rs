//! The commitment table's content, prepared once per status change (texts
//! formatted, sort keys ready), then filtered and sorted when filters change.
//! Drawing a frame only reads these rows.

use std::cmp::Ordering;

use crate::format;
use crate::model::meeting::{Meeting, latest_assessment};
use crate::model::{CommitmentId, Date, Pledge};
use crate::status::{MeasuredStatus, StatusReport, words};

use super::state::{Filters, Sort, SortColumn};

/// One commitment as the table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Position in the pledge (the "Id" sort order).
    pub index: usize,
    /// The group it is listed under.
    pub group: usize,
    /// Id.
    pub id: CommitmentId,
    /// Verbatim text.
    pub text: String,
    /// Owning parties' names.
    pub owners: String,
    /// Owning party ids (for the party filter).
    pub owner_ids: Vec<String>,
    /// Linked problem areas.
    pub areas: Vec<u32>,
    /// Places named in the pledge (searched, not shown).
    pub places: String,
    /// Target in words, or "inget mål".
    pub target: String,
    /// "14 av 24 tillsyner".
    pub reported: String,
    /// "förväntat 12 (50 %)".
    pub expected: Option<String>,
    /// Reported ÷ target (not capped).
    pub fraction: Option<f32>,
    /// Expected ÷ target.
    pub expected_fraction: Option<f32>,
    /// "58 %" or "–".
    pub percent: String,
    /// Measured status.
    pub status: MeasuredStatus,
    /// Symbol and word ("▼ efter plan").
    pub status_text: String,
    /// Latest assessment by a concluded meeting on or before the date.
    pub assessment: Option<String>,
    /// The date of the meeting that made it.
    pub assessment_date: Option<Date>,
    /// Latest day reported.
    pub last_report: Option<Date>,
    /// Lower-case text the search looks in.
    haystack: String,
}

/// A line of the table: a group heading or a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Heading of group `n` with the number of its rows shown.
    Group(usize, usize),
    /// Row `n` of the rows.
    Row(usize),
}

/// Rows of all commitments and the group titles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Group titles in pledge presentation order.
    pub groups: Vec<String>,
    /// One row per commitment, in pledge order.
    pub rows: Vec<Row>,
}

impl Rows {
    /// Prepares the rows of `pledge` at the status `report`.
    pub fn new(pledge: &Pledge, meetings: &[Meeting], report: &StatusReport) -> Self {
        let groups = pledge.groups();
        let mut rows = Vec::with_capacity(pledge.commitments.len());
        for (index, (commitment, status)) in pledge
            .commitments
            .iter()
            .zip(&report.commitments)
            .enumerate()
        {
            let group = groups
                .iter()
                .position(|g| g.commitments.iter().any(|c| c.id == commitment.id))
                .unwrap_or(0);
            let owners: Vec<String> = commitment
                .owners
                .iter()
                .map(|o| {
                    pledge
                        .party(o)
                        .map_or_else(|| o.to_string(), |p| p.name.clone())
                })
                .collect();
            let fraction = status.percent_of_target().map(share);
            let assessment = latest_assessment(meetings, &commitment.id, report.as_of);
            let places = commitment.places.join(", ");
            let text = pledge.wording_at(commitment, report.as_of);
            let haystack = format!("{} {} {} {}", commitment.id, text, owners.join(" "), places)
                .to_lowercase();
            rows.push(Row {
                index,
                group,
                id: commitment.id.clone(),
                text: text.to_owned(),
                owners: owners.join(", "),
                owner_ids: commitment.owners.iter().map(ToString::to_string).collect(),
                areas: commitment.problem_areas.clone(),
                places,
                target: words::target_with_window(
                    pledge.target_at(commitment, report.as_of),
                    status,
                ),
                reported: words::reported_of_target(status),
                expected: words::expected_by_date(status),
                fraction,
                expected_fraction: status.expected_percent().map(share),
                percent: status
                    .percent_of_target()
                    .map_or_else(|| "–".to_owned(), format::percent),
                status: status.measured,
                status_text: words::status_lines(status),
                assessment: assessment.as_ref().map(|a| a.assessment.to_string()),
                assessment_date: assessment.map(|a| a.date),
                last_report: status.last_report,
                haystack,
            });
        }
        Rows {
            groups: groups.into_iter().map(|g| g.title).collect(),
            rows,
        }
    }

    /// The row of a commitment.
    pub fn row(&self, id: &CommitmentId) -> Option<&Row> {
        self.rows.iter().find(|r| &r.id == id)
    }

    /// The lines to show: groups in pledge order, each with its matching
    /// rows sorted by `sort`; groups without matches are left out.
    pub fn lines(&self, filters: &Filters, sort: Sort<SortColumn>) -> Vec<Line> {
        let words: Vec<String> = filters
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let matching: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                filters
                    .party
                    .as_ref()
                    .is_none_or(|p| r.owner_ids.iter().any(|o| o == p.as_str()))
                    && filters.area.is_none_or(|a| r.areas.contains(&a))
                    && filters.status.is_none_or(|s| r.status == s)
                    && words.iter().all(|w| r.haystack.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        let mut lines = Vec::new();
        for group in 0..self.groups.len() {
            let mut members: Vec<usize> = matching
                .iter()
                .copied()
                .filter(|&i| self.rows.get(i).is_some_and(|r| r.group == group))
                .collect();
            if members.is_empty() {
                continue;
            }
            members.sort_by(|&a, &b| match (self.rows.get(a), self.rows.get(b)) {
                (Some(a), Some(b)) => {
                    let order = compare(a, b, sort.column).then(a.index.cmp(&b.index));
                    if sort.ascending {
                        order
                    } else {
                        order.reverse()
                    }
                }
                _ => Ordering::Equal,
            });
            lines.push(Line::Group(group, members.len()));
            lines.extend(members.into_iter().map(Line::Row));
        }
        lines
    }
}

/// A percentage as a share for progress bars (f32 is what egui draws with).
#[allow(clippy::cast_possible_truncation)] // a bar needs no f64 precision
fn share(percent: f64) -> f32 {
    (percent / 100.0) as f32
}

fn compare(a: &Row, b: &Row, column: SortColumn) -> Ordering {
    let by_fraction = |a: Option<f32>, b: Option<f32>| {
        a.unwrap_or(-1.0)
            .partial_cmp(&b.unwrap_or(-1.0))
            .unwrap_or(Ordering::Equal)
    };
    match column {
        SortColumn::Id => a.index.cmp(&b.index),
        SortColumn::Text => a.text.to_lowercase().cmp(&b.text.to_lowercase()),
        SortColumn::Parties => a.owners.cmp(&b.owners),
        SortColumn::Target => a.target.cmp(&b.target),
        SortColumn::Reported | SortColumn::Progress => by_fraction(a.fraction, b.fraction),
        SortColumn::Status => status_rank(a.status).cmp(&status_rank(b.status)),
        SortColumn::Assessment => a.assessment.cmp(&b.assessment),
        SortColumn::LastReport => a.last_report.cmp(&b.last_report),
    }
}

/// Worst first: what a meeting needs to talk about comes to the top.
fn status_rank(status: MeasuredStatus) -> u8 {
    match status {
        MeasuredStatus::EfterPlan => 0,
        MeasuredStatus::IngaRapporter => 1,
        MeasuredStatus::Kvalitativ => 2,
        MeasuredStatus::EnligtPlan => 3,
        MeasuredStatus::Uppnatt => 4,
        MeasuredStatus::VillkorEjUppfyllt | MeasuredStatus::Tillkommer => 5,
        MeasuredStatus::Utgatt => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartyId;
    use crate::{sample, status, store};

    fn sample_rows() -> Rows {
        let today = Date::from_ymd(2026, 1, 1).expect("date");
        let loaded = store::load(sample::karlstad(), today);
        let pledge = loaded.pledge.expect("sample pledge");
        let as_of = Date::from_ymd(2017, 3, 16).expect("date");
        let report = status::compute(&pledge, &loaded.activities, as_of);
        Rows::new(&pledge, &loaded.meetings, &report)
    }

    fn ids(rows: &Rows, lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .filter_map(|l| match l {
                Line::Row(i) => rows.rows.get(*i).map(|r| r.id.to_string()),
                Line::Group(..) => None,
            })
            .collect()
    }

    #[test]
    fn groups_follow_the_pledge() {
        let rows = sample_rows();
        assert_eq!(rows.groups.len(), 3);
        let lines = rows.lines(&Filters::default(), Sort::default());
        assert_eq!(lines.first(), Some(&Line::Group(0, 3)));
        assert_eq!(
            ids(&rows, &lines),
            [
                "G1", "G2", "G3", "P1", "P2", "P3", "P4", "K1", "K2", "K3", "K4"
            ]
        );
    }

    #[test]
    fn filters_combine_and_search_ignores_case() {
        let rows = sample_rows();
        let police = Filters {
            party: Some(PartyId::new("lpo-karlstad")),
            ..Filters::default()
        };
        let lines = rows.lines(&police, Sort::default());
        assert_eq!(
            ids(&rows, &lines),
            ["G1", "G2", "G3", "P1", "P2", "P3", "P4"]
        );
        let search = Filters {
            search: "TILLSYN".into(),
            ..police
        };
        let found = ids(&rows, &rows.lines(&search, Sort::default()));
        assert!(!found.is_empty() && found.len() < 7, "{found:?}");
    }

    #[test]
    fn sorting_reverses_and_keeps_groups() {
        let rows = sample_rows();
        let sort = Sort::default().toggled(SortColumn::Id);
        assert!(!sort.ascending);
        let lines = rows.lines(&Filters::default(), sort);
        assert_eq!(
            ids(&rows, &lines),
            [
                "G3", "G2", "G1", "P4", "P3", "P2", "P1", "K4", "K3", "K2", "K1"
            ]
        );
    }
}
