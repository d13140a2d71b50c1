//! Where a text sits in a meeting, in words the chair can act on ("beslut 2
//! i § 3", "ansvarig för åtgärd A4", "titeln för deltagare 2"). Used when a
//! personnummer is refused as it is typed and when the minutes are refused.

use crate::privacy::{Step, path_words};

use super::meeting::Meeting;

/// The § number (1-based) when the text belongs to an agenda item, and the
/// field in Swedish, for the text at `path` in `meeting` (a path from
/// [`crate::privacy::leaks`]).
pub fn field_words(meeting: &Meeting, path: &[Step]) -> (Option<usize>, String) {
    match path {
        [Step::Field("items"), Step::Index(i), rest @ ..] => {
            let what = match rest {
                [Step::Field("discussion")] => "diskussionen".to_owned(),
                [Step::Field("decisions"), Step::Index(d)] => format!("beslut {}", d + 1),
                [Step::Field("kind"), Step::Field("reason")] => "skälet".to_owned(),
                [Step::Field("kind"), ..] => "rubriken".to_owned(),
                _ => format!("fältet \"{}\"", path_words(rest)),
            };
            (Some(i + 1), format!("{what} i § {}", i + 1))
        }
        [Step::Field("actions"), Step::Index(a), rest @ ..] => {
            let id = meeting
                .actions
                .get(*a)
                .map_or_else(|| (a + 1).to_string(), |action| action.id.to_string());
            let what = match rest {
                [Step::Field("text")] => format!("åtgärd {id}"),
                [Step::Field("responsible")] => format!("ansvarig för åtgärd {id}"),
                _ => format!("fältet \"{}\" i åtgärd {id}", path_words(rest)),
            };
            (None, what)
        }
        // The number, not the name: the name may be what holds the number.
        [Step::Field("participants"), Step::Index(p), rest @ ..] => {
            let what = match rest {
                [Step::Field("name")] => "namnet på",
                [Step::Field("title")] => "titeln för",
                _ => "en uppgift om",
            };
            (None, format!("{what} deltagare {}", p + 1))
        }
        [Step::Field("title")] => (None, "mötets namn".to_owned()),
        [Step::Field("place")] => (None, "mötets plats".to_owned()),
        [Step::Field("next_meeting"), ..] => (None, "platsen för nästa möte".to_owned()),
        [Step::Field("adjustment"), ..] => (None, "justeringens plats".to_owned()),
        [Step::Field("reopenings"), ..] => (None, "skälet att öppna mötet igen".to_owned()),
        _ => (
            None,
            format!("fältet \"{}\" i mötesfilen", path_words(path)),
        ),
    }
}
