//! Keeps the current page in a signal that follows `location.hash`.
//!
//! Navigation is plain links (`<a href="#/about">`): the browser changes the fragment and
//! fires `hashchange`, so back, forward, bookmarks and reload need no code of ours.

use care_planner_core::routes::Route;
use leptos::prelude::*;

/// The page the address bar names now. In-page anchors (the skip link) leave it unchanged.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(route_from_location().unwrap_or(Route::Caseload));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(next) = route_from_location() {
            set_route.set(next);
        }
    });
    on_cleanup(move || handle.remove());
    route
}

fn route_from_location() -> Option<Route> {
    let hash = window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}
