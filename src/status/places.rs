//! Reports per place, for the detail panel, the progress report and the
//! entry form's suggestions: one way of counting and ordering them.

use rustc_hash::FxHashMap;

/// Places counted as entries are seen.
#[derive(Debug, Default)]
pub struct PlaceCounts {
    counts: Vec<(String, usize)>,
    index: FxHashMap<String, usize>,
}

impl PlaceCounts {
    /// Counts one report at `place`.
    pub fn add(&mut self, place: &str) {
        if let Some(slot) = self.index.get(place).and_then(|&i| self.counts.get_mut(i)) {
            slot.1 += 1;
        } else {
            self.index.insert(place.to_owned(), self.counts.len());
            self.counts.push((place.to_owned(), 1));
        }
    }

    /// The places with their counts, most reports first, then by name.
    pub fn sorted(mut self) -> Vec<(String, usize)> {
        self.counts
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_used_first_then_by_name() {
        let mut counts = PlaceCounts::default();
        for place in ["Rud", "Väse", "Rud", "Edsvalla", "Väse", "Rud"] {
            counts.add(place);
        }
        assert_eq!(
            counts.sorted(),
            [
                ("Rud".to_owned(), 3),
                ("Väse".to_owned(), 2),
                ("Edsvalla".to_owned(), 1)
            ]
        );
    }
}
