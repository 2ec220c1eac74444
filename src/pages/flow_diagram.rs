//! A wizard's flow as a diagram, for trainers: drawn from the wizard's own definition
//! (`core/src/wizards/diagram.rs`) under the chosen procedures, as an SVG picture and as a
//! list of every step and where each answer leads, which is what a screen reader reads.

use care_planner_core::wizards::diagram::{diagram, Diagram, Node};
use care_planner_core::wizards::WizardKind;
use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::profile_select::ProfileSelect;

const BOX: f64 = 220.0;
const GAP_X: f64 = 40.0;
const GAP_Y: f64 = 56.0;
const LINE: f64 = 16.0;
const CHARS: usize = 28;
/// Outcomes are bold, so fewer characters fit.
const CHARS_BOLD: usize = 24;

/// Splits `text` into lines of at most `chars` characters, at spaces.
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// An answer's label cut to fit beside an arrow; the list below the picture has it whole.
fn short(label: &str) -> String {
    const MAX: usize = 20;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        format!(
            "{}\u{2026}",
            label.chars().take(MAX - 1).collect::<String>().trim_end()
        )
    }
}

struct Placed {
    x: f64,
    y: f64,
    h: f64,
    lines: Vec<String>,
}

fn place(d: &Diagram) -> (Vec<Placed>, f64, f64) {
    let layers = d.nodes.iter().map(|n| n.layer).max().unwrap_or(0) + 1;
    let mut placed = Vec::new();
    let (mut y, mut width) = (10.0, 0.0f64);
    for layer in 0..layers {
        let nodes: Vec<&Node> = d.nodes.iter().filter(|n| n.layer == layer).collect();
        let chars = |n: &Node| if n.outcome { CHARS_BOLD } else { CHARS };
        let tallest = nodes
            .iter()
            .map(|n| wrap(n.text, chars(n)).len())
            .max()
            .unwrap_or(1) as f64
            * LINE
            + 16.0;
        for (i, n) in nodes.iter().enumerate() {
            let lines = wrap(n.text, chars(n));
            let h = lines.len() as f64 * LINE + 16.0;
            placed.push((
                n.id,
                Placed {
                    x: 10.0 + i as f64 * (BOX + GAP_X),
                    y,
                    h,
                    lines,
                },
            ));
        }
        width = width.max(10.0 + nodes.len() as f64 * (BOX + GAP_X));
        y += tallest + GAP_Y;
    }
    // In the diagram's node order.
    let ordered = d
        .nodes
        .iter()
        .map(|n| {
            placed
                .iter()
                .position(|(id, _)| *id == n.id)
                .expect("placed")
        })
        .collect::<Vec<_>>();
    let mut by_node: Vec<Option<Placed>> = placed.into_iter().map(|(_, p)| Some(p)).collect();
    let out = ordered
        .into_iter()
        .map(|i| by_node[i].take().expect("once"))
        .collect();
    (out, width, y)
}

#[component]
pub fn FlowDiagramPage(kind: WizardKind) -> impl IntoView {
    let profile = RwSignal::new("local-a".to_string());
    let body = move || {
        let Some(flow) = kind.flow() else {
            return view! { <p class="body">"This guided procedure has no flow yet."</p> }
                .into_any();
        };
        let d = diagram(flow, &profile.get());
        let (placed, width, height) = place(&d);
        let at = |id: &str| d.nodes.iter().position(|n| n.id == id).map(|i| &placed[i]);
        let edges = d
            .edges
            .iter()
            .filter_map(|e| {
                let (a, b) = (at(e.from)?, at(e.to)?);
                let (x1, y1) = (a.x + BOX / 2.0, a.y + a.h);
                let (x2, y2) = (b.x + BOX / 2.0, b.y);
                let path = if y2 > y1 {
                    format!(
                        "M{x1},{y1} C{x1},{} {x2},{} {x2},{y2}",
                        y1 + 30.0,
                        y2 - 30.0
                    )
                } else {
                    // Back up the page: round the side.
                    let side = a.x.max(b.x) + BOX + 20.0;
                    format!(
                        "M{x1},{y1} C{side},{} {side},{} {x2},{y2}",
                        y1 + 40.0,
                        y2 - 40.0
                    )
                };
                // Beside the arrowhead, so the labels of a question's answers, which lead to
                // different steps, stand apart.
                let (lx, ly) = (x2 + (x1 - x2) * 0.15, y2 - 12.0);
                Some(view! {
                    <g class="flow__edge">
                        <path d=path marker-end="url(#arrow)"/>
                        <title>{e.label.clone()}</title>
                        <text x=lx y=ly text-anchor="middle">{short(&e.label)}</text>
                    </g>
                })
            })
            .collect_view();
        let boxes = d
            .nodes
            .iter()
            .zip(&placed)
            .map(|(n, p)| {
                let lines = p
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(i, line)| view! { <tspan x=p.x + 8.0 y=p.y + 20.0 + i as f64 * LINE>{line.clone()}</tspan> })
                    .collect_view();
                view! {
                    <g class="flow__node" class:flow__node--outcome=n.outcome data-node=n.id>
                        <rect x=p.x y=p.y width=BOX height=p.h rx="4"/>
                        <text>{lines}</text>
                    </g>
                }
            })
            .collect_view();
        let list = d
            .nodes
            .iter()
            .map(|n| {
                let ways = d
                    .edges
                    .iter()
                    .filter(|e| e.from == n.id)
                    .map(|e| {
                        let to = d.nodes.iter().find(|m| m.id == e.to).map_or(e.to, |m| m.text);
                        view! { <li>{format!("{}: {to}", e.label)}</li> }
                    })
                    .collect_view();
                view! {
                    <li data-step=n.id>
                        <strong>{if n.outcome { format!("Outcome: {}", n.text) } else { n.text.to_string() }}</strong>
                        {(!n.outcome).then(|| view! { <ul class="list list--bullet">{ways}</ul> })}
                    </li>
                }
            })
            .collect_view();
        let questions = d.nodes.iter().filter(|n| !n.outcome).count();
        let summary = format!(
            "Flow diagram of the {}: {questions} questions and {} outcomes. The list below gives every step and where each answer leads.",
            kind.in_sentence(),
            d.nodes.len() - questions
        );
        view! {
            <div class="flow" tabindex="0" role="region" aria-label="Flow diagram, scrolls sideways">
                <svg class="flow__picture" width=width height=height viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby="flow-title">
                    <title id="flow-title">{summary}</title>
                    <defs>
                        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z"/>
                        </marker>
                    </defs>
                    {edges}
                    {boxes}
                </svg>
            </div>
            <h2 class="heading-m">"Every step, in words"</h2>
            <ol class="list list--number" id="flow-steps">{list}</ol>
        }
        .into_any()
    };
    view! {
        <span class="caption-l">"Trainer mode"</span>
        <PageHeading text=format!("How the {} flows", kind.in_sentence())/>
        <p class="body">"Drawn from the guided procedure's own questions and rules, so it always matches what practitioners see."</p>
        <div class="no-print">
            <ProfileSelect value=profile.into() on_change=move |id| profile.set(id)/>
        </div>
        {body}
    }
}
