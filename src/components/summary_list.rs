use leptos::prelude::*;

/// Facts as key and value rows (GOV.UK summary list).
#[component]
pub fn SummaryList<K>(rows: Vec<(K, String)>) -> impl IntoView
where
    K: Into<String> + Send + 'static,
{
    view! {
        <dl class="summary-list">
            {rows
                .into_iter()
                .map(|(key, value)| {
                    let key: String = key.into();
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{key}</dt>
                            <dd class="summary-list__value">{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
