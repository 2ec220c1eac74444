//! The app in a real browser (headless Chromium, via wasm-bindgen-test): what only a
//! browser can show, such as following `location.hash` and moving focus.
//! Run by scripts/test.sh with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

/// `hashchange` is dispatched asynchronously, and effects run after rendering.
async fn settle() {
    TimeoutFuture::new(50).await;
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// Mounts a fresh app at `hash` and waits for it to render; dropping the result unmounts it.
async fn app_at(hash: &str) -> impl Sized {
    set_hash(hash);
    let root = document().create_element("div").unwrap();
    root.set_text_content(Some("Loading…"));
    document().body().unwrap().append_child(&root).unwrap();
    let app = care_planner::mount_at(root.unchecked_into());
    settle().await;
    app
}

#[wasm_bindgen_test]
async fn the_page_follows_the_address_bar() {
    let app = app_at("").await;
    assert_eq!(text_of("h1"), "Your caseload");
    assert_eq!(document().title(), "Your caseload – Care Planner");

    set_hash("#/about");
    settle().await;
    assert_eq!(text_of("h1"), "About Care Planner");
    assert_eq!(document().title(), "About Care Planner – Care Planner");
    assert_eq!(text_of("[aria-current=page]"), "About");

    set_hash("#/wizards/ceasing");
    settle().await;
    assert_eq!(text_of("h1"), "Ceasing to be looked after");
    assert_eq!(text_of("[aria-current=page]"), "Guided procedures");

    set_hash("#/no/such/page");
    settle().await;
    assert_eq!(text_of("h1"), "Page not found");
    assert_eq!(
        document().query_selector("[aria-current=page]").unwrap(),
        None
    );
    drop(app);
}

#[wasm_bindgen_test]
async fn moving_to_a_page_focuses_its_heading_for_screen_readers() {
    let app = app_at("#/trainer").await;
    set_hash("#/settings");
    settle().await;
    let focused = document().active_element().expect("something has focus");
    assert_eq!(focused.tag_name(), "H1");
    assert_eq!(focused.text_content().unwrap(), "Settings and backup");
    drop(app);
}

#[wasm_bindgen_test]
async fn an_in_page_anchor_keeps_the_current_page() {
    let app = app_at("#/privacy").await;
    set_hash("#main-content");
    settle().await;
    assert_eq!(text_of("h1"), "Privacy");
    drop(app);
}

#[wasm_bindgen_test]
async fn text_from_the_address_is_shown_as_text_not_markup() {
    let app = app_at("#/<img src=x onerror=alert(1)>").await;
    assert_eq!(text_of("h1"), "Page not found");
    assert!(text_of("main code").contains("<img src=x onerror=alert(1)>"));
    assert_eq!(document().query_selector("main img").unwrap(), None);
    drop(app);
}

#[wasm_bindgen_test]
async fn a_case_shows_every_deadline_with_its_rule_date_and_status() {
    let app = app_at("#/cases/example-proceedings").await;
    let rows = document().query_selector_all("tr[data-rule]").unwrap();
    assert!(
        rows.length() >= 41,
        "one row per rule at least: {}",
        rows.length()
    );
    let review = document()
        .query_selector("tr[data-rule='proceedings-26-weeks']")
        .unwrap()
        .expect("the 26-week row");
    let due = review.get_attribute("data-due").expect("a due date");
    assert!(
        care_planner_core::calendar::Date::parse_iso(&due).is_some(),
        "{due}"
    );
    let status = review.get_attribute("data-status").unwrap();
    assert!(
        ["upcoming", "due-soon", "due-today", "overdue"].contains(&status.as_str()),
        "{status}"
    );
    drop(app);
}

/// What public/boot.js and the update prompt say to each other (docs/offline.md).
const UPDATE_READY: &str = "care-planner-update-available";
const UPDATE_READY_FLAG: &str = "carePlannerUpdateReady";
const UPDATE_REQUESTED: &str = "care-planner-apply-update";

/// Counts the update requests the page makes while it lives; removed when dropped.
struct UpdateRequests {
    count: std::rc::Rc<std::cell::Cell<u32>>,
    listener: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl UpdateRequests {
    fn listen() -> Self {
        let count = std::rc::Rc::new(std::cell::Cell::new(0));
        let counted = count.clone();
        let listener =
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || counted.set(counted.get() + 1));
        web_sys::window()
            .unwrap()
            .add_event_listener_with_callback(UPDATE_REQUESTED, listener.as_ref().unchecked_ref())
            .unwrap();
        Self { count, listener }
    }
}

impl Drop for UpdateRequests {
    fn drop(&mut self) {
        let _ = web_sys::window()
            .unwrap()
            .remove_event_listener_with_callback(
                UPDATE_REQUESTED,
                self.listener.as_ref().unchecked_ref(),
            );
    }
}

fn click(selector: &str) {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn a_new_version_is_offered_when_found_and_asked_for_only_by_the_button() {
    let requests = UpdateRequests::listen();
    let app = app_at("").await;
    assert_eq!(document().query_selector("#update-prompt").unwrap(), None);

    let ready = web_sys::Event::new(UPDATE_READY).unwrap();
    web_sys::window().unwrap().dispatch_event(&ready).unwrap();
    settle().await;
    assert_eq!(
        text_of("#update-prompt h2"),
        "A new version of Care Planner is ready"
    );
    assert_eq!(requests.count.get(), 0, "nothing is swapped by itself");
    click("#update-prompt button");
    assert_eq!(requests.count.get(), 1);
    drop(app);
}

#[wasm_bindgen_test]
async fn a_new_version_found_before_the_app_started_is_offered_too() {
    let window = web_sys::window().unwrap();
    let flag = wasm_bindgen::JsValue::from_str(UPDATE_READY_FLAG);
    js_sys::Reflect::set(&window, &flag, &true.into()).unwrap();
    let requests = UpdateRequests::listen();
    let app = app_at("#/about").await;
    assert_eq!(text_of("#update-prompt button"), "Reload to update");
    click("#update-prompt button");
    assert_eq!(requests.count.get(), 1);
    drop(app);
    js_sys::Reflect::delete_property(&window, &flag).unwrap();
}
