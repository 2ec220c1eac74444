//! Properties of the app's addresses that must hold for any input a user can type or paste.

use care_planner_core::routes::{Route, Step};
use care_planner_core::wizards::WizardKind;
use proptest::prelude::*;

/// Ids the app generates: never "new", which names the form for adding one.
fn id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_-]{1,64}".prop_filter("\"new\" names a form", |id| id != "new")
}

fn any_route() -> impl Strategy<Value = Route> {
    prop_oneof![
        Just(Route::Caseload),
        id().prop_map(|id| Route::Case { id }),
        Just(Route::NewCase),
        id().prop_map(|id| Route::EditChild { id }),
        id().prop_map(|id| Route::DeleteCase { id }),
        (id(), prop::option::of(id())).prop_map(|(id, event)| Route::EventForm { id, event }),
        (id(), id()).prop_map(|(id, list)| Route::TaskList { id, list }),
        (id(), id(), id()).prop_map(|(id, list, item)| Route::TaskListItem { id, list, item }),
        id().prop_map(|id| Route::Proceedings { id }),
        id().prop_map(|id| Route::ApprovalRequest { id }),
        id().prop_map(|id| Route::CaseSummary { id }),
        id().prop_map(|id| Route::CarePlan { id }),
        (
            prop::sample::select(WizardKind::ALL.to_vec()),
            id(),
            prop_oneof![
                Just(Step::Next),
                Just(Step::Check),
                Just(Step::Done),
                id().prop_filter("names a page", |q| q != "check" && q != "done")
                    .prop_map(Step::Question)
            ]
        )
            .prop_map(|(kind, case, step)| Route::WizardStep { kind, case, step }),
        Just(Route::Wizards),
        prop::sample::select(WizardKind::ALL.to_vec()).prop_map(Route::Wizard),
        Just(Route::Trainer),
        prop::sample::select(WizardKind::ALL.to_vec()).prop_map(Route::TrainerFlow),
        id().prop_map(|id| Route::Walkthrough { id }),
        Just(Route::Settings),
        Just(Route::About),
        Just(Route::Privacy),
    ]
}

proptest! {
    /// A link the app writes always leads back to the same page (bookmarks, reloads).
    #[test]
    fn every_link_leads_back_to_its_page(route in any_route()) {
        prop_assert_eq!(Route::from_hash(&route.href()), Some(route));
    }

    /// Whatever is pasted after the `#`, the app shows a page (or keeps the current one);
    /// it never fails.
    #[test]
    fn any_fragment_gives_a_page_or_none(hash in ".{0,200}") {
        let parsed = Route::from_hash(&hash);
        if let Some(Route::NotFound { path }) = &parsed {
            prop_assert!(path.starts_with('/'));
        }
        if let Some(route) = parsed {
            // And the page it shows links back to itself.
            prop_assert_eq!(Route::from_hash(&route.href()), Some(route));
        }
    }
}
