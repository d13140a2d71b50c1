//! Property tests: the loader returns problems, never panics, whatever it is fed.

use medborgarlofte::model::Date;
use medborgarlofte::store::{self, Inputs, Source, text_from_bytes};
use proptest::prelude::*;

const PLEDGE: &str = include_str!("../sample-data/karlstad-2016-17/pledge.ron");
const ACTIVITIES: &str = include_str!("../sample-data/karlstad-2016-17/activities/gemensamt.ron");

fn today() -> Date {
    "2017-06-01".parse().expect("valid")
}

fn load_texts(pledge: String, activities: String) -> store::Loaded {
    store::load(
        Inputs {
            pledge: Source::from_text("pledge.ron", pledge),
            activities: vec![Source::from_text("a.ron", activities)],
            meetings: Vec::new(),
        },
        today(),
    )
}

/// An edit to a text: delete, insert or duplicate a slice.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            "[\\(\\)\\[\\],:\"a-zåäö0-9 \\-#/\\*\\\\]{1,12}"
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

/// Applies mutations at character boundaries, so the result stays valid UTF-8.
fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let n = chars.len().max(1);
        match m {
            Mutation::Delete { at, len } => {
                let start = at % n;
                let end = (start + len).min(chars.len());
                chars.drain(start.min(chars.len())..end);
            }
            Mutation::Insert { at, text } => {
                let at = (at % n).min(chars.len());
                chars.splice(at..at, text.chars());
            }
            Mutation::Duplicate { at, len } => {
                let start = (at % n).min(chars.len());
                let end = (start + len).min(chars.len());
                let copy: Vec<char> = chars[start..end].to_vec();
                chars.splice(end..end, copy);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        match text_from_bytes(bytes) {
            Ok(text) => {
                let loaded = load_texts(text.clone(), text);
                // Whatever could not be used is explained by an error.
                prop_assert!(loaded.pledge.is_some() || loaded.has_errors());
                for p in &loaded.problems {
                    prop_assert!(p.line >= 1 && p.col >= 1);
                    prop_assert!(p.to_string().len() < 2000);
                }
            }
            Err(kind) => prop_assert!(!kind.to_string().is_empty()),
        }
    }

    #[test]
    fn mutated_pledges_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let loaded = load_texts(apply(PLEDGE, &mutations), ACTIVITIES.to_owned());
        prop_assert!(loaded.pledge.is_some() || loaded.has_errors());
        for p in &loaded.problems {
            prop_assert!(p.line >= 1 && p.col >= 1);
        }
    }

    #[test]
    fn mutated_activity_files_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let text = apply(ACTIVITIES, &mutations);
        let lines = text.lines().count().max(1);
        let loaded = load_texts(PLEDGE.to_owned(), text);
        prop_assert!(loaded.pledge.is_some(), "the pledge itself is untouched");
        for p in &loaded.problems {
            prop_assert!(p.line >= 1 && p.line <= lines + 1, "{p}");
        }
    }
}
