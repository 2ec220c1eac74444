//! What the tests of every wizard share: typed inputs, running a flow answer by answer, and
//! exploring every path.

use std::collections::BTreeSet;

use super::engine::{walk, Answers, Flow, Input, Step};
use crate::calendar::Date;
use crate::forms::DateParts;

pub const PROFILES: [&str; 5] = [
    "national",
    "local-a",
    "leicestershire",
    "salford",
    "local-d",
];

pub fn choice(value: &str) -> Input {
    Input {
        choice: value.into(),
        ..Input::default()
    }
}

pub fn date(iso: &str) -> Input {
    Input {
        date: DateParts::of(Some(Date::parse_iso(iso).unwrap())),
        ..Input::default()
    }
}

pub fn date_time(iso: &str, time: &str) -> Input {
    Input {
        time: time.into(),
        ..date(iso)
    }
}

pub fn text(t: &str) -> Input {
    Input {
        text: t.into(),
        ..Input::default()
    }
}

pub fn checked(items: &[&str]) -> Input {
    Input {
        checked: items.iter().map(|s| s.to_string()).collect(),
        ..Input::default()
    }
}

/// Answers the questions in order, checking each is the one asked, and returns the answers
/// and where they lead.
pub fn run(flow: &dyn Flow, profile: &str, steps: &[(&str, Input)]) -> (Answers, Step) {
    let mut answers = Answers::default();
    for (id, input) in steps {
        match walk(flow, &answers, profile).now {
            Step::Ask(q) => {
                assert_eq!(q.id, *id, "asked {} where the test answers {id}", q.id);
                let answer = q
                    .read(input)
                    .unwrap_or_else(|e| panic!("{id}: {}", e.message));
                answers.set(q.id, answer);
            }
            Step::Done(o) => panic!("finished at {} before {id}", o.id),
        }
    }
    let now = walk(flow, &answers, profile).now;
    (answers, now)
}

pub fn outcome(step: Step) -> &'static str {
    match step {
        Step::Done(o) => o.id,
        Step::Ask(q) => panic!("still asking {}", q.id),
    }
}

/// Follows every path of `flow` under every profile, calling `at_end` with the answers of
/// each path that reaches an outcome; checks no path repeats a question and that every
/// question is asked and every outcome reached under some profile.
pub fn explore(flow: &dyn Flow, at_end: impl FnMut(&str, &Answers, &'static str)) {
    explore_with(flow, |_, _| {}, at_end);
}

/// As `explore`, with `prepare` run on the answers before each step (to add what a wizard
/// works out from the case and profile).
pub fn explore_with(
    flow: &dyn Flow,
    prepare: impl Fn(&str, &mut Answers),
    mut at_end: impl FnMut(&str, &Answers, &'static str),
) {
    let (mut asked, mut reached) = (BTreeSet::new(), BTreeSet::new());
    for profile in PROFILES {
        let mut frontier = vec![Answers::default()];
        let mut paths = 0;
        while let Some(mut answers) = frontier.pop() {
            prepare(profile, &mut answers);
            let path = walk(flow, &answers, profile);
            assert!(
                path.answered.len() <= flow.questions().len(),
                "a path repeats a question"
            );
            match path.now {
                Step::Done(o) => {
                    reached.insert(o.id);
                    paths += 1;
                    at_end(profile, &answers, o.id);
                }
                Step::Ask(q) => {
                    asked.insert(q.id);
                    for answer in q.kind.samples() {
                        let mut next = answers.clone();
                        next.set(q.id, answer);
                        frontier.push(next);
                    }
                }
            }
        }
        assert!(paths > 10, "{profile}: {paths} paths");
    }
    let all_questions: BTreeSet<&str> = flow.questions().iter().map(|q| q.id).collect();
    let all_outcomes: BTreeSet<&str> = flow.outcomes().iter().map(|o| o.id).collect();
    assert_eq!(asked, all_questions, "questions never asked");
    assert_eq!(reached, all_outcomes, "outcomes never reached");
}

/// Every question and outcome names a known source, and every question its message.
pub fn assert_cited(flow: &dyn Flow) {
    for q in flow.questions() {
        assert!(q.source.source().is_some(), "{}: {:?}", q.id, q.source);
        assert!(!q.missing.is_empty());
    }
    for o in flow.outcomes() {
        assert!(o.source.source().is_some(), "{}", o.id);
    }
}
