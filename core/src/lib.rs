//! The pure core of Care Planner.
//!
//! Everything here compiles and is tested natively: no browser API, no clock, no I/O.
//! The Leptos UI (the crate one level up) only renders what this crate decides.
//! See `docs/architecture.md` for the map of modules and the direction of dependencies.

pub mod calendar;
pub mod caseload;
pub mod documents;
pub mod encryption;
pub mod engine;
pub mod examples;
pub mod forms;
pub mod ics;
pub mod model;
pub mod problem;
pub mod proceedings;
pub mod routes;
pub mod rules;
pub mod sources;
pub mod task_list;
pub mod trainer;
pub mod walkthrough;
pub mod wizards;

/// The product's name as shown in the header, page titles and documents.
pub const SERVICE_NAME: &str = "Care Planner";

/// The released version, shown on the About page and written into exported files.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The text of the browser tab for a page: "About – Care Planner".
pub fn page_title(page: &str) -> String {
    format!("{page} – {SERVICE_NAME}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_title_names_the_page_then_the_service() {
        assert_eq!(super::page_title("Privacy"), "Privacy – Care Planner");
    }
}
