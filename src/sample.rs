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

const MEETINGS: [(&str, &str); 4] = [
    (
        "2016-12-08.ron",
        include_str!("../sample-data/karlstad-2016-17/meetings/2016-12-08.ron"),
    ),
    (
        "2017-03-16.ron",
        include_str!("../sample-data/karlstad-2016-17/meetings/2017-03-16.ron"),
    ),
    (
        "2017-06-15.ron",
        include_str!("../sample-data/karlstad-2016-17/meetings/2017-06-15.ron"),
    ),
    (
        "2017-09-28.ron",
        include_str!("../sample-data/karlstad-2016-17/meetings/2017-09-28.ron"),
    ),
];

/// All embedded files as (path relative to the sample folder, text), for
/// copying the sample to a folder of the user's.
pub fn files() -> Vec<(String, &'static str)> {
    let mut files = vec![("pledge.ron".to_owned(), PLEDGE)];
    files.extend(
        ACTIVITIES
            .iter()
            .map(|(name, text)| (format!("activities/{name}"), *text)),
    );
    files.extend(
        MEETINGS
            .iter()
            .map(|(name, text)| (format!("meetings/{name}"), *text)),
    );
    files
}

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
        meetings: MEETINGS
            .iter()
            .map(|(name, text)| {
                Source::from_text(format!("{KARLSTAD_NAME}/meetings/{name}"), *text)
            })
            .collect(),
    }
}
