//! Whatever file a user imports, reading it as a profile answers (a profile or a list of
//! problems) and never panics.

use care_planner_core::rules::{catalogue, parse_profile};
use proptest::prelude::*;

const VALID: &str = include_str!("../rules/profiles/salford.json");

proptest! {
    #[test]
    fn any_text_is_answered(text in ".{0,400}") {
        let _ = parse_profile(&text, catalogue());
    }

    /// A real profile with a stretch of it replaced: near-misses of the format.
    #[test]
    fn any_damaged_profile_is_answered(start in 0..VALID.len(), len in 0..40usize, junk in ".{0,20}") {
        let mut text = VALID.to_string();
        let start = (0..=start).rev().find(|&i| text.is_char_boundary(i)).unwrap();
        let end = (start + len).min(text.len());
        let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap();
        text.replace_range(start..end, &junk);
        if let Err(problems) = parse_profile(&text, catalogue()) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(!p.message.is_empty());
            }
        }
    }
}
