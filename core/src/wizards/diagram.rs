//! A wizard's flow as a graph, for the trainer's diagrams: drawn from the wizard's own
//! questions and next-node rule by following every path, so it can never disagree with
//! the wizard.

use std::collections::{BTreeMap, VecDeque};

use super::engine::{walk, Answer, Answers, Flow, Kind, Next, Step};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: &'static str,
    /// The question, or the outcome's title.
    pub text: &'static str,
    pub outcome: bool,
    /// Steps from the first question along the shortest path.
    pub layer: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub from: &'static str,
    pub to: &'static str,
    /// The answers that lead this way ("Yes", "Planned / An emergency"), or "Any answer".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagram {
    /// By layer, then in the order first reached.
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn label(kind: Kind, answer: &Answer) -> Option<String> {
    match (kind, answer) {
        (Kind::YesNo, Answer::Yes(yes)) => Some(if *yes { "Yes" } else { "No" }.to_string()),
        (Kind::Choice(options), Answer::Choice(value)) => options
            .iter()
            .find(|o| o.value == *value)
            .map(|o| o.label.to_string()),
        _ => None,
    }
}

/// The graph of `flow` under `profile`.
pub fn diagram(flow: &dyn Flow, profile: &str) -> Diagram {
    // (from, to) → the labels of the answers that go that way; None: any answer.
    let mut ways: BTreeMap<(&'static str, &'static str), Vec<Option<String>>> = BTreeMap::new();
    let mut order: Vec<&'static str> = vec![flow.start()];
    let mut frontier = vec![Answers::default()];
    while let Some(answers) = frontier.pop() {
        let Step::Ask(q) = walk(flow, &answers, profile).now else {
            continue;
        };
        for sample in q.kind.samples() {
            let mut next = answers.clone();
            next.set(q.id, sample.clone());
            let to = match flow.next(q.id, &next, profile) {
                Next::Ask(id) | Next::Finish(id) => id,
            };
            if !order.contains(&to) {
                order.push(to);
            }
            let labels = ways.entry((q.id, to)).or_default();
            let this = label(q.kind, &sample);
            if !labels.contains(&this) {
                labels.push(this);
            }
            frontier.push(next);
        }
    }
    let edges: Vec<Edge> = ways
        .into_iter()
        .map(|((from, to), labels)| {
            let named: Vec<String> = labels.iter().flatten().cloned().collect();
            let label = if named.is_empty() || labels.iter().any(Option::is_none) {
                "Any answer".to_string()
            } else {
                named.join(" / ")
            };
            Edge { from, to, label }
        })
        .collect();
    // Shortest distance from the start, over the edges.
    let mut layer: BTreeMap<&str, usize> = BTreeMap::from([(flow.start(), 0)]);
    let mut queue = VecDeque::from([flow.start()]);
    while let Some(id) = queue.pop_front() {
        let here = layer[id];
        for e in edges.iter().filter(|e| e.from == id) {
            if !layer.contains_key(e.to) {
                layer.insert(e.to, here + 1);
                queue.push_back(e.to);
            }
        }
    }
    let mut nodes: Vec<Node> = order
        .iter()
        .map(|id| match flow.question(id) {
            Some(q) => Node {
                id: q.id,
                text: q.text,
                outcome: false,
                layer: layer[id],
            },
            None => {
                let o = flow
                    .outcome(id)
                    .expect("every step is a question or an outcome");
                Node {
                    id: o.id,
                    text: o.title,
                    outcome: true,
                    layer: layer[id],
                }
            }
        })
        .collect();
    nodes.sort_by_key(|n| n.layer);
    Diagram { nodes, edges }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizards::WizardKind;

    #[test]
    fn the_diagram_has_every_question_and_outcome_the_profile_can_reach() {
        for kind in WizardKind::ALL {
            let flow = kind.flow().unwrap();
            let d = diagram(flow, "local-a");
            assert_eq!(d.nodes[0].id, flow.start());
            assert_eq!(d.nodes[0].layer, 0);
            // Every edge joins two nodes, and every node but the first is reached by one.
            for e in &d.edges {
                assert!(
                    d.nodes.iter().any(|n| n.id == e.from) && d.nodes.iter().any(|n| n.id == e.to)
                );
            }
            for n in d.nodes.iter().skip(1) {
                assert!(d.edges.iter().any(|e| e.to == n.id), "{} not reached", n.id);
            }
            // Outcomes lead nowhere; questions lead somewhere.
            for n in &d.nodes {
                assert_eq!(
                    n.outcome,
                    !d.edges.iter().any(|e| e.from == n.id),
                    "{}",
                    n.id
                );
            }
        }
    }

    #[test]
    fn edges_name_the_answers_that_take_them() {
        let d = diagram(WizardKind::Section20Admission.flow().unwrap(), "local-a");
        let edge = |from: &str, to: &str| {
            d.edges
                .iter()
                .find(|e| e.from == from && e.to == to)
                .map(|e| e.label.clone())
        };
        assert_eq!(
            edge("admission-kind", "full-assessment").as_deref(),
            Some("Planned")
        );
        assert_eq!(
            edge("admission-kind", "authorised-by").as_deref(),
            Some("An emergency")
        );
        assert_eq!(
            edge("full-assessment", "assessment-first").as_deref(),
            Some("No")
        );
        assert_eq!(
            edge("admitted-at", "placement").as_deref(),
            Some("Any answer")
        );
        // local-a's route: the Strategic Lead, not Leicestershire's decision meeting.
        assert!(d.nodes.iter().any(|n| n.id == "authorised-by"));
        assert!(!d.nodes.iter().any(|n| n.id == "decision-meeting"));
        let leicestershire = diagram(
            WizardKind::Section20Admission.flow().unwrap(),
            "leicestershire",
        );
        assert!(leicestershire
            .nodes
            .iter()
            .any(|n| n.id == "decision-meeting"));
    }
}
