//! Synthetic pledges of any size, for benchmarks and load tests
//! (`cargo run --release --example generate`). Deterministic for a given seed;
//! the data is valid and free of duplicates, so it exercises the normal path.

use std::collections::HashSet;
use std::path::Path;

use crate::model::{
    ACTIVITY_FORMAT_VERSION, Activity, ActivityFile, Bound, Commitment, Date,
    PLEDGE_FORMAT_VERSION, Party, PartyKind, Period, Pledge, ProblemArea, Qualifier, Quantity,
    RateUnit, Target, TargetShape,
};
use crate::store::{SaveError, save_activities, save_pledge};

/// Size of a synthetic pledge.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Number of commitments.
    pub commitments: usize,
    /// Number of activity entries in all.
    pub activities: usize,
    /// Number of activity files they are spread over.
    pub files: usize,
    /// Seed for the pseudo-random choices.
    pub seed: u64,
}

/// A small xorshift generator: enough for synthetic data, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

const PLACES: [&str; 12] = [
    "centrala Karlstad",
    "Kronoparken",
    "Rud",
    "Orrholmen",
    "Våxnäs",
    "Herrhagen",
    "Skåre",
    "Molkom",
    "Väse",
    "Vålberg",
    "Gruvlyckan",
    "Sandbäcken",
];
const UNITS: [&str; 4] = ["tillsyner", "timmar", "insatser", "personer"];

/// Builds a pledge and its activity files in memory.
///
/// # Panics
///
/// Never: the only `expect`s are on fixed, valid calendar dates.
pub fn generate(size: Size) -> (Pledge, Vec<ActivityFile>) {
    let mut rng = Rng(size.seed.max(1));
    let start = Date::from_ymd(2016, 10, 1).expect("a fixed valid date");
    let end = Date::from_ymd(2017, 9, 30).expect("a fixed valid date");
    let parties = synthetic_parties();
    let commitments = synthetic_commitments(size, &parties);
    let pledge = Pledge {
        version: PLEDGE_FORMAT_VERSION,
        title: format!(
            "Syntetiskt löfte ({} åtaganden, {} aktiviteter)",
            size.commitments, size.activities
        ),
        source: Some("Genererat av medborgarlofte::synthetic".into()),
        parties,
        convener: Some("polis".into()),
        communication_lead: Some("polis".into()),
        contact: None,
        period: Period {
            start,
            end,
            signed: None,
        },
        problem_areas: (1..=3)
            .map(|n| ProblemArea {
                number: n,
                title: format!("Problemområde {n}"),
                focus: n == 3,
            })
            .collect(),
        commitments,
        indicators: Vec::new(),
        revisions: Vec::new(),
    };
    let days = usize::try_from(pledge.period.days()).unwrap_or(1);
    let mut files: Vec<ActivityFile> = (0..size.files.max(1))
        .map(|i| ActivityFile {
            version: ACTIVITY_FORMAT_VERSION,
            reporter: Some(format!("Syntetisk rapportör {}", i + 1)),
            note: Some("Syntetiska data".into()),
            entries: Vec::with_capacity(size.activities / size.files.max(1) + 1),
        })
        .collect();
    let mut seen = HashSet::new();
    let mut made = 0;
    while made < size.activities && !pledge.commitments.is_empty() {
        let Some(c) = pledge.commitments.get(rng.below(pledge.commitments.len())) else {
            continue;
        };
        let date = start.add_days(i64::try_from(rng.below(days)).unwrap_or(0));
        let place = PLACES
            .get(rng.below(PLACES.len()))
            .copied()
            .unwrap_or("okänd plats");
        let count = rng.below(8) + 1;
        let amount = count as f64;
        let party = c.owners.first().cloned().unwrap_or_else(|| "polis".into());
        // Same commitment, day, place and amount would be flagged as a likely duplicate.
        if !seen.insert((c.id.clone(), date, place, count)) {
            continue;
        }
        let unit = c
            .target
            .as_ref()
            .map_or_else(|| "insatser".to_owned(), |t| t.unit.clone());
        let entry = Activity {
            date: date.into(),
            until: None,
            commitments: smallvec::smallvec![c.id.clone()],
            party,
            quantity: Some(Quantity {
                amount,
                unit: unit.into(),
                qualifier: Qualifier::Exakt,
            }),
            place: Some(place.into()),
            note: (made % 4 == 0).then(|| format!("Syntetisk anteckning {made}.")),
            cumulative: false,
            milestone_reached: false,
            instead: None,
            part: None,
            with: Vec::new(),
        };
        if let Some(file) = files.get_mut(made % size.files.max(1)) {
            file.entries.push(entry);
        }
        made += 1;
    }
    (pledge, files)
}

/// A police area, a municipality and a housing company: more than two parties on purpose.
fn synthetic_parties() -> Vec<Party> {
    vec![
        Party {
            id: "polis".into(),
            name: "Lokalpolisområdet".into(),
            kind: PartyKind::Polis,
            signed: true,
        },
        Party {
            id: "kommun".into(),
            name: "Kommunen".into(),
            kind: PartyKind::Kommun,
            signed: true,
        },
        Party {
            id: "bostad".into(),
            name: "Bostadsbolaget".into(),
            kind: PartyKind::Bostadsbolag,
            signed: true,
        },
    ]
}

/// The commitments of a synthetic pledge: every third without a target, the
/// others with a total or a monthly rate; every fifth joint with the municipality.
fn synthetic_commitments(size: Size, parties: &[Party]) -> Vec<Commitment> {
    (0..size.commitments)
        .map(|i| {
            let owner = parties.get(i % parties.len()).map(|p| p.id.clone());
            let mut owners: Vec<_> = owner.into_iter().collect();
            if i % 5 == 0 {
                owners.push("kommun".into());
                owners.dedup();
            }
            let unit = UNITS.get(i % UNITS.len()).copied().unwrap_or("insatser");
            let target = match i % 3 {
                0 => None,
                1 => Some(TargetShape::Total {
                    amount: (size.activities / size.commitments.max(1)) as f64,
                }),
                _ => Some(TargetShape::Rate {
                    amount: 40.0,
                    per: RateUnit::Manad,
                    average: true,
                }),
            };
            Commitment {
                id: format!("C{}", i + 1).as_str().into(),
                text: format!(
                    "Syntetiskt åtagande nummer {} för belastningstester.",
                    i + 1
                ),
                owners,
                lead: None,
                other_actors: Vec::new(),
                problem_areas: vec![u32::try_from(i % 3).unwrap_or(0) + 1],
                places: Vec::new(),
                carried_over: None,
                parts: Vec::new(),
                target: target.map(|shape| Target {
                    shape,
                    unit: unit.to_owned(),
                    bound: Bound::Minst,
                    condition: None,
                    from: None,
                    until: None,
                    example: true,
                }),
            }
        })
        .collect()
}

/// Writes a synthetic pledge folder (`pledge.ron`, `activities/NN.ron`).
pub fn write_folder(dir: &Path, size: Size) -> Result<(), SaveError> {
    let (pledge, files) = generate(size);
    let io = |e: std::io::Error| SaveError::Io {
        path: dir.display().to_string(),
        reason: crate::store::io_message(&e),
    };
    std::fs::create_dir_all(dir.join(crate::store::ACTIVITIES_DIR)).map_err(io)?;
    save_pledge(&dir.join(crate::store::PLEDGE_FILE), &pledge)?;
    for (i, file) in files.iter().enumerate() {
        save_activities(
            &dir.join(crate::store::ACTIVITIES_DIR)
                .join(format!("{:02}.ron", i + 1)),
            file,
        )?;
    }
    Ok(())
}
