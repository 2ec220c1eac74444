//! One module per page. `page_for` is the only place that maps an address to a page.

mod about;
mod approval_request;
mod backup;
mod case;
mod case_forms;
mod caseload;
mod deadlines;
mod documents;
mod flow_diagram;
pub mod lock_screen;
mod not_found;
mod passphrase;
mod privacy;
mod proceedings;
mod settings;
mod task_list;
mod trainer;
mod walkthrough;
mod wizard_steps;
mod wizards;

use care_planner_core::routes::Route;
use leptos::prelude::*;

pub fn page_for(route: Route) -> AnyView {
    match route {
        Route::Caseload => caseload::CaseloadPage().into_any(),
        Route::Case { id } => view! { <case::CasePage id=id/> }.into_any(),
        Route::NewCase => case_forms::NewCasePage().into_any(),
        Route::EditChild { id } => view! { <case_forms::EditChildPage id=id/> }.into_any(),
        Route::EventForm { id, event } => {
            view! { <case_forms::EventFormPage id=id event=event/> }.into_any()
        }
        Route::DeleteCase { id } => view! { <case_forms::DeleteCasePage id=id/> }.into_any(),
        Route::TaskList { id, list } => {
            view! { <task_list::TaskListPage id=id list=list/> }.into_any()
        }
        Route::TaskListItem { id, list, item } => {
            view! { <task_list::TaskListItemPage id=id list=list item=item/> }.into_any()
        }
        Route::CaseSummary { id } => view! { <documents::CaseSummaryPage id=id/> }.into_any(),
        Route::CarePlan { id } => view! { <documents::CarePlanPage id=id/> }.into_any(),
        Route::ApprovalRequest { id } => {
            view! { <approval_request::ApprovalRequestPage id=id/> }.into_any()
        }
        Route::Proceedings { id } => view! { <proceedings::ProceedingsPage id=id/> }.into_any(),
        Route::Wizards => wizards::WizardsPage().into_any(),
        Route::Wizard(kind) => view! { <wizards::WizardPage kind=kind/> }.into_any(),
        Route::WizardStep { kind, case, step } => {
            view! { <wizard_steps::WizardStepPage kind=kind case=case step=step/> }.into_any()
        }
        Route::Trainer => trainer::TrainerPage().into_any(),
        Route::TrainerFlow(kind) => view! { <flow_diagram::FlowDiagramPage kind=kind/> }.into_any(),
        Route::Walkthrough { id } => view! { <walkthrough::WalkthroughPage id=id/> }.into_any(),
        Route::Settings => settings::SettingsPage().into_any(),
        Route::Passphrase => passphrase::PassphrasePage().into_any(),
        Route::About => about::AboutPage().into_any(),
        Route::Privacy => privacy::PrivacyPage().into_any(),
        Route::NotFound { path } => view! { <not_found::NotFoundPage path=path/> }.into_any(),
    }
}
