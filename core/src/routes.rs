//! The app's addresses.
//!
//! Pages live in the URL fragment (`index.html#/about`) so that a bookmark, a deep link or
//! a reload works from any static host with no rewrite rules, and from a file on disk: the
//! server only ever sees a request for `index.html`. These addresses are bookmarked by
//! users, so an existing one must keep working.

use crate::wizards::WizardKind;

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Home: every case on this device and its next deadline.
    Caseload,
    /// One case, by its id.
    Case {
        id: String,
    },
    /// The form for adding a case.
    NewCase,
    /// The form for changing a case's child details.
    EditChild {
        id: String,
    },
    /// The form for recording a new event (`event: None`) or changing one.
    EventForm {
        id: String,
        event: Option<String>,
    },
    /// The confirmation before deleting a case.
    DeleteCase {
        id: String,
    },
    /// A task list of a case (`task_list`), by the list's id.
    TaskList {
        id: String,
        list: String,
    },
    /// The page for setting the status of one item of a task list.
    TaskListItem {
        id: String,
        list: String,
        item: String,
    },
    /// The care proceedings tracker of a case.
    Proceedings {
        id: String,
    },
    /// The case summary, to print.
    CaseSummary {
        id: String,
    },
    /// The care plan's front sheet and section outline, to print.
    CarePlan {
        id: String,
    },
    /// The approval request to cease looking after the child, filled from the ceasing
    /// wizard's answers, to print.
    ApprovalRequest {
        id: String,
    },
    /// The list of guided procedures.
    Wizards,
    Wizard(WizardKind),
    /// A wizard under way for a case: the next question, a question to change, "Check your
    /// answers", or the confirmation.
    WizardStep {
        kind: WizardKind,
        case: String,
        step: Step,
    },
    Trainer,
    /// The diagram of one wizard's flow, for trainers.
    TrainerFlow(WizardKind),
    /// A procedure's walkthrough, one step per screen, by the walkthrough's id.
    Walkthrough {
        id: String,
    },
    Settings,
    /// Setting, changing or removing the passphrase lock, and its idle time.
    Passphrase,
    About,
    Privacy,
    /// An address that names no page; keeps what was asked for, to show it.
    NotFound {
        path: String,
    },
}

/// Where a wizard under way is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The first question not yet answered.
    Next,
    /// One question, by its id: the next one, or one to change.
    Question(String),
    /// "Check your answers".
    Check,
    /// The confirmation, once saved.
    Done,
}

/// The longest case id an address may carry; case ids are generated, far shorter.
const MAX_CASE_ID_LEN: usize = 64;

impl Route {
    /// The page named by a URL fragment (`location.hash`, with or without its `#`).
    ///
    /// `None` means the fragment is not an app address at all but an in-page anchor such as
    /// `#main-content` (the skip link): the current page stays.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let hash = percent_decode(hash.strip_prefix('#').unwrap_or(hash));
        if hash.is_empty() {
            return Some(Route::Caseload);
        }
        let path = hash.strip_prefix('/')?;
        // A query string or a trailing slash does not change the page.
        let path = path
            .split('?')
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        let segments: Vec<&str> = path.split('/').collect();
        let route = match segments.as_slice() {
            [""] => Route::Caseload,
            ["cases", "new"] => Route::NewCase,
            ["cases", id] if is_case_id(id) => Route::Case { id: id.to_string() },
            ["cases", id, "child"] if is_case_id(id) => Route::EditChild { id: id.to_string() },
            ["cases", id, "delete"] if is_case_id(id) => Route::DeleteCase { id: id.to_string() },
            ["cases", id, "events", "new"] if is_case_id(id) => Route::EventForm {
                id: id.to_string(),
                event: None,
            },
            ["cases", id, "events", event] if is_case_id(id) && is_case_id(event) => {
                Route::EventForm {
                    id: id.to_string(),
                    event: Some(event.to_string()),
                }
            }
            ["cases", id, "lists", list] if is_case_id(id) && is_case_id(list) => Route::TaskList {
                id: id.to_string(),
                list: list.to_string(),
            },
            ["cases", id, "lists", list, item]
                if is_case_id(id) && is_case_id(list) && is_case_id(item) =>
            {
                Route::TaskListItem {
                    id: id.to_string(),
                    list: list.to_string(),
                    item: item.to_string(),
                }
            }
            ["cases", id, "summary"] if is_case_id(id) => Route::CaseSummary { id: id.to_string() },
            ["cases", id, "care-plan"] if is_case_id(id) => Route::CarePlan { id: id.to_string() },
            ["cases", id, "approval-request"] if is_case_id(id) => {
                Route::ApprovalRequest { id: id.to_string() }
            }
            ["cases", id, "proceedings"] if is_case_id(id) => {
                Route::Proceedings { id: id.to_string() }
            }
            ["wizards"] => Route::Wizards,
            ["wizards", slug, case, rest @ ..] if is_case_id(case) => {
                let step = match rest {
                    [] => Some(Step::Next),
                    ["check"] => Some(Step::Check),
                    ["done"] => Some(Step::Done),
                    [question] if is_case_id(question) => {
                        Some(Step::Question(question.to_string()))
                    }
                    _ => None,
                };
                match (WizardKind::from_slug(slug), step) {
                    (Some(kind), Some(step)) => Route::WizardStep {
                        kind,
                        case: case.to_string(),
                        step,
                    },
                    _ => Route::not_found(path),
                }
            }
            ["wizards", slug] => match WizardKind::from_slug(slug) {
                Some(kind) => Route::Wizard(kind),
                None => Route::not_found(path),
            },
            ["trainer"] => Route::Trainer,
            ["trainer", "walkthroughs", id] if is_case_id(id) => {
                Route::Walkthrough { id: id.to_string() }
            }
            ["trainer", "flows", slug] => match WizardKind::from_slug(slug) {
                Some(kind) => Route::TrainerFlow(kind),
                None => Route::not_found(path),
            },
            ["settings"] => Route::Settings,
            ["settings", "passphrase"] => Route::Passphrase,
            ["about"] => Route::About,
            ["privacy"] => Route::Privacy,
            _ => Route::not_found(path),
        };
        Some(route)
    }

    fn not_found(path: &str) -> Route {
        Route::NotFound {
            path: format!("/{path}"),
        }
    }

    /// The address to link to, as an `href`: `#/about`.
    pub fn href(&self) -> String {
        match self {
            Route::Caseload => "#/".to_string(),
            Route::Case { id } => format!("#/cases/{id}"),
            Route::NewCase => "#/cases/new".to_string(),
            Route::EditChild { id } => format!("#/cases/{id}/child"),
            Route::DeleteCase { id } => format!("#/cases/{id}/delete"),
            Route::EventForm { id, event: None } => format!("#/cases/{id}/events/new"),
            Route::EventForm {
                id,
                event: Some(event),
            } => format!("#/cases/{id}/events/{event}"),
            Route::TaskList { id, list } => format!("#/cases/{id}/lists/{list}"),
            Route::TaskListItem { id, list, item } => format!("#/cases/{id}/lists/{list}/{item}"),
            Route::Proceedings { id } => format!("#/cases/{id}/proceedings"),
            Route::ApprovalRequest { id } => format!("#/cases/{id}/approval-request"),
            Route::CaseSummary { id } => format!("#/cases/{id}/summary"),
            Route::CarePlan { id } => format!("#/cases/{id}/care-plan"),
            Route::Wizards => "#/wizards".to_string(),
            Route::Wizard(kind) => format!("#/wizards/{}", kind.slug()),
            Route::WizardStep { kind, case, step } => {
                let base = format!("#/wizards/{}/{case}", kind.slug());
                match step {
                    Step::Next => base,
                    Step::Check => format!("{base}/check"),
                    Step::Done => format!("{base}/done"),
                    Step::Question(question) => format!("{base}/{question}"),
                }
            }
            Route::Trainer => "#/trainer".to_string(),
            Route::TrainerFlow(kind) => format!("#/trainer/flows/{}", kind.slug()),
            Route::Walkthrough { id } => format!("#/trainer/walkthroughs/{id}"),
            Route::Settings => "#/settings".to_string(),
            Route::Passphrase => "#/settings/passphrase".to_string(),
            Route::About => "#/about".to_string(),
            Route::Privacy => "#/privacy".to_string(),
            Route::NotFound { path } => format!("#{path}"),
        }
    }

    /// The item of the main navigation this page belongs to, for `aria-current`.
    pub fn section(&self) -> Option<NavItem> {
        match self {
            Route::Caseload
            | Route::Case { .. }
            | Route::NewCase
            | Route::EditChild { .. }
            | Route::EventForm { .. }
            | Route::DeleteCase { .. }
            | Route::TaskList { .. }
            | Route::TaskListItem { .. }
            | Route::Proceedings { .. }
            | Route::ApprovalRequest { .. }
            | Route::CaseSummary { .. }
            | Route::CarePlan { .. } => Some(NavItem::Caseload),
            Route::Wizards | Route::Wizard(_) | Route::WizardStep { .. } => Some(NavItem::Wizards),
            Route::Trainer | Route::TrainerFlow(_) | Route::Walkthrough { .. } => {
                Some(NavItem::Trainer)
            }
            Route::Settings | Route::Passphrase => Some(NavItem::Settings),
            Route::About | Route::Privacy => Some(NavItem::About),
            Route::NotFound { .. } => None,
        }
    }
}

/// Browsers percent-encode spaces, quotes and angle brackets in the fragment
/// (`#/a%20b`); the page works with, and shows, what the user typed.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Case ids travel in addresses unescaped, so only URL-safe characters are accepted.
fn is_case_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CASE_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The entries of the header navigation, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavItem {
    Caseload,
    Wizards,
    Trainer,
    Settings,
    About,
}

impl NavItem {
    pub const ALL: [NavItem; 5] = [
        NavItem::Caseload,
        NavItem::Wizards,
        NavItem::Trainer,
        NavItem::Settings,
        NavItem::About,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NavItem::Caseload => "Caseload",
            NavItem::Wizards => "Guided procedures",
            NavItem::Trainer => "Trainer",
            NavItem::Settings => "Settings and backup",
            NavItem::About => "About",
        }
    }

    pub fn route(self) -> Route {
        match self {
            NavItem::Caseload => Route::Caseload,
            NavItem::Wizards => Route::Wizards,
            NavItem::Trainer => Route::Trainer,
            NavItem::Settings => Route::Settings,
            NavItem::About => Route::About,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(hash: &str) -> Route {
        Route::from_hash(hash).expect("an app address")
    }

    #[test]
    fn an_empty_fragment_is_the_caseload() {
        assert_eq!(route(""), Route::Caseload);
        assert_eq!(route("#"), Route::Caseload);
        assert_eq!(route("#/"), Route::Caseload);
    }

    #[test]
    fn each_page_has_its_address() {
        assert_eq!(route("#/cases/c-123"), Route::Case { id: "c-123".into() });
        assert_eq!(route("#/wizards"), Route::Wizards);
        assert_eq!(
            route("#/wizards/section-20"),
            Route::Wizard(WizardKind::Section20Admission)
        );
        assert_eq!(
            route("#/wizards/pre-proceedings"),
            Route::Wizard(WizardKind::PreProceedings)
        );
        assert_eq!(
            route("#/wizards/ceasing"),
            Route::Wizard(WizardKind::CeasingToBeLookedAfter)
        );
        assert_eq!(route("#/trainer"), Route::Trainer);
        assert_eq!(route("#/settings"), Route::Settings);
        assert_eq!(route("#/about"), Route::About);
        assert_eq!(route("#/privacy"), Route::Privacy);
        assert_eq!(route("#/settings/passphrase"), Route::Passphrase);
    }

    #[test]
    fn trailing_slash_and_query_are_ignored() {
        assert_eq!(route("#/about/"), Route::About);
        assert_eq!(route("#/settings?tab=backup"), Route::Settings);
    }

    #[test]
    fn an_in_page_anchor_is_not_an_address() {
        assert_eq!(Route::from_hash("#main-content"), None);
    }

    #[test]
    fn unknown_addresses_are_not_found_and_keep_the_path() {
        assert_eq!(
            route("#/nowhere"),
            Route::NotFound {
                path: "/nowhere".into()
            }
        );
        assert_eq!(
            route("#/wizards/adoption"),
            Route::NotFound {
                path: "/wizards/adoption".into()
            }
        );
        assert_eq!(
            route("#/cases"),
            Route::NotFound {
                path: "/cases".into()
            }
        );
        assert_eq!(
            route("#/cases/a b"),
            Route::NotFound {
                path: "/cases/a b".into()
            }
        );
        let long = "x".repeat(MAX_CASE_ID_LEN + 1);
        assert!(matches!(
            route(&format!("#/cases/{long}")),
            Route::NotFound { .. }
        ));
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(route("#/about%2F"), Route::About);
        assert_eq!(
            route("#/a%20%3Cb%3E"),
            Route::NotFound {
                path: "/a <b>".into()
            }
        );
        // A lone or malformed escape is kept as typed.
        assert_eq!(
            route("#/100%"),
            Route::NotFound {
                path: "/100%".into()
            }
        );
        assert_eq!(
            route("#/%zz"),
            Route::NotFound {
                path: "/%zz".into()
            }
        );
        // Bytes that are not UTF-8 do not fail.
        assert_eq!(
            route("#/%FF"),
            Route::NotFound {
                path: "/\u{fffd}".into()
            }
        );
    }

    #[test]
    fn every_nav_item_marks_its_own_page_current() {
        for item in NavItem::ALL {
            assert_eq!(item.route().section(), Some(item));
        }
    }
}
