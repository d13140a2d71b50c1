//! The bundled Karlstad 2016–17 sample, embedded in the binary so the app and
//! `medborgarlofte` without arguments work from any directory.

use crate::store::{Inputs, Source};

/// Display name of the embedded sample's folder.
pub const KARLSTAD_NAME: &str = "exempel/karlstad-2016-17";

const PLEDGE: &str = include_str!("../sample-data/karlstad-2016-17/pledge.ron");
const ACTIVITIES: [(&str, &str); 3] = [
    (
        "gemensamt.ron",
        include_str!("../sample-data/karlstad-2016-17/activities/gemensamt.ron"),
    ),
    (
        "kommunen.ron",
        include_str!("../sample-data/karlstad-2016-17/activities/kommunen.ron"),
    ),
    (
        "polisen.ron",
        include_str!("../sample-data/karlstad-2016-17/activities/polisen.ron"),
    ),
];

/// The Karlstad sample as loader inputs, in the same order as a folder load.
pub fn karlstad() -> Inputs {
    Inputs {
        pledge: Source::from_text(format!("{KARLSTAD_NAME}/pledge.ron"), PLEDGE),
        activities: ACTIVITIES
            .iter()
            .map(|(name, text)| {
                Source::from_text(format!("{KARLSTAD_NAME}/activities/{name}"), *text)
            })
            .collect(),
        meetings: Vec::new(),
    }
}
