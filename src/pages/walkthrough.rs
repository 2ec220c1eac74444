//! A procedure's walkthrough for a room: one step per screen with what happens, who does
//! it, the timescale under the chosen procedures and the source's words. The arrow keys,
//! Home and End move between steps; "Presenter view" makes the type large.

use care_planner_core::rules::builtin_profiles;
use care_planner_core::walkthrough::{find, timescale};
use leptos::ev;
use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::profile_select::ProfileSelect;
use crate::pages::not_found::NotFoundPage;
use crate::profiles::profile_for;

#[component]
pub fn WalkthroughPage(id: String) -> impl IntoView {
    let Some(walk) = find(&id) else {
        return view! { <NotFoundPage path=format!("/trainer/walkthroughs/{id}")/> }.into_any();
    };
    let total = walk.steps.len();
    let at = RwSignal::new(0usize);
    let presenter = RwSignal::new(false);
    let profile = RwSignal::new("local-a".to_string());
    let go = move |to: usize| at.set(to.min(total - 1));
    // Left, Right, Home and End anywhere on the page, except in a form control or with a
    // modifier (Alt+Left is the browser's Back; Shift and Ctrl keep their meaning).
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() || e.default_prevented() {
            return;
        }
        let in_control = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "SELECT" | "INPUT" | "TEXTAREA"));
        if in_control {
            return;
        }
        let now = at.get_untracked();
        let to = match e.key().as_str() {
            "ArrowRight" => now + 1,
            "ArrowLeft" => now.saturating_sub(1),
            "Home" => 0,
            "End" => total - 1,
            _ => return,
        };
        e.prevent_default();
        go(to);
    });
    on_cleanup(move || keys.remove());
    let step = move || {
        let s = &walk.steps[at.get()];
        let local = profile_for(&profile.get());
        let when = timescale(s, &builtin_profiles()[0], &local);
        view! {
            <section class="walk__step" id="walk-step">
                <p class="caption-l" id="walk-position">{format!("Step {} of {total}", at.get() + 1)}</p>
                <h2 class="heading-l">{s.what}</h2>
                <dl class="summary-list">
                    <div class="summary-list__row"><dt class="summary-list__key">"Who"</dt><dd class="summary-list__value">{s.who}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"When"</dt><dd class="summary-list__value" id="walk-when">{when}</dd></div>
                </dl>
                <blockquote class="walk__quote">
                    <p>{format!("\u{201c}{}\u{201d}", s.quote)}</p>
                    <footer class="hint">{s.source.label()}</footer>
                </blockquote>
            </section>
        }
    };
    view! {
        <div class:presenter=move || presenter.get()>
            <span class="caption-l">"Trainer mode: walkthrough"</span>
            <PageHeading text=walk.title/>
            <div class="walk__controls no-print">
                <ProfileSelect value=profile.into() on_change=move |id| profile.set(id)/>
                <button type="button" class="button button--secondary" aria-pressed=move || presenter.get().to_string()
                    on:click=move |_| presenter.update(|p| *p = !*p)>"Presenter view"</button>
                <p class="hint">"Use the left and right arrow keys to move between steps, Home for the first and End for the last."</p>
            </div>
            // One lasting status region, so each move is announced briefly.
            <p class="visually-hidden" role="status" aria-atomic="true">
                {move || format!("Step {} of {total}: {}", at.get() + 1, walk.steps[at.get()].what)}
            </p>
            {step}
            // aria-disabled, not disabled, so focus stays on the button at either end.
            <div class="button-group no-print">
                <button type="button" class="button button--secondary" id="walk-previous" aria-disabled=move || (at.get() == 0).to_string() on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Previous step"</button>
                <button type="button" class="button" id="walk-next" aria-disabled=move || (at.get() + 1 == total).to_string() on:click=move |_| go(at.get_untracked() + 1)>"Next step"</button>
            </div>
        </div>
    }
    .into_any()
}
