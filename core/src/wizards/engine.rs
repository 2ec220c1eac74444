//! The wizard engine all guided procedures share, in the style of GOV.UK smart answers: a
//! flow is a set of questions and outcomes (data) and one next-node rule (logic) that names
//! exactly one next step from the answers so far and the procedures in use.
//!
//! Answers are kept as text (`Case::answers`: question id → answer) so that a draft and a
//! finished wizard are stored and exported like any other part of a case. Changing an
//! earlier answer keeps later answers: those still on the new path are used again, the
//! others are kept but ignored.

use std::collections::BTreeMap;

use crate::calendar::{Date, Time};
use crate::forms::{read_date, DateParts, FieldError};
use crate::sources::Citation;

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    YesNo,
    /// One of these options.
    Choice(&'static [Choice]),
    Date,
    /// A date and a time of day (hour limits count from the time).
    DateTime,
    /// Any of these items, or none.
    Checklist(&'static [Choice]),
    /// Up to `MAX_TEXT` characters.
    Text,
}

impl Kind {
    /// An answer of each kind that can lead somewhere different, for following every path
    /// of a flow (the tests, and the flow diagrams): each option; yes and no; "none" and
    /// every item of a checklist; one date, time or text (the next step never depends on
    /// their value).
    pub fn samples(self) -> Vec<Answer> {
        let day = Date::from_ymd(2026, 3, 2).expect("a real date");
        match self {
            Kind::YesNo => vec![Answer::Yes(true), Answer::Yes(false)],
            Kind::Choice(options) => options.iter().map(|o| Answer::Choice(o.value)).collect(),
            Kind::Date => vec![Answer::Date(day)],
            Kind::DateTime => vec![Answer::DateTime(
                day,
                Time::from_hm(9, 0).expect("a real time"),
            )],
            Kind::Checklist(items) => vec![
                Answer::Checklist(vec![NONE]),
                Answer::Checklist(
                    items
                        .iter()
                        .map(|i| i.value)
                        .filter(|v| *v != NONE)
                        .collect(),
                ),
            ],
            Kind::Text => vec![Answer::Text("reason".into())],
        }
    }
}

/// An option of a choice, or an item of a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// As stored; never renamed once released (it is in saved answers).
    pub value: &'static str,
    pub label: &'static str,
}

/// The longest short-text answer.
pub const MAX_TEXT: usize = 500;

/// The value of a checklist's "None of these" item, which cannot be ticked with others.
pub const NONE: &str = "none";

/// One question: one page of the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Unique within the flow; the key of its answer. Never renamed once released.
    pub id: &'static str,
    /// The question, as the page heading.
    pub text: &'static str,
    pub hint: Option<&'static str>,
    pub kind: Kind,
    /// The message when nothing (or nothing valid) is given, GOV.UK style: "Select yes if …".
    pub missing: &'static str,
    /// Where the question comes from.
    pub source: Citation,
}

/// Where a path through a flow ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub id: &'static str,
    pub title: &'static str,
    /// What to do next, in a sentence or two.
    pub next_step: &'static str,
    pub source: Citation,
}

/// An answer, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Yes(bool),
    Choice(&'static str),
    Date(Date),
    DateTime(Date, Time),
    Checklist(Vec<&'static str>),
    Text(String),
}

/// What the user typed or chose on a question page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    /// A yes/no ("yes" or "no") or a choice's value.
    pub choice: String,
    pub date: DateParts,
    /// `HH:MM`.
    pub time: String,
    pub checked: Vec<String>,
    pub text: String,
}

impl Question {
    /// Reads what was given on this question's page, or the message to show and the id of
    /// the input it is about (the question's id, or for a date its day, month, year or time).
    pub fn read(&self, input: &Input) -> Result<Answer, FieldError> {
        let here = |message: &str| FieldError {
            field: self.id.to_string(),
            message: message.to_string(),
        };
        let missing = || FieldError {
            field: self.first_input(),
            message: self.missing.to_string(),
        };
        match self.kind {
            Kind::YesNo => match input.choice.as_str() {
                "yes" => Ok(Answer::Yes(true)),
                "no" => Ok(Answer::Yes(false)),
                _ => Err(missing()),
            },
            Kind::Choice(options) => options
                .iter()
                .find(|o| o.value == input.choice)
                .map(|o| Answer::Choice(o.value))
                .ok_or_else(missing),
            Kind::Date => match read_date(self.id, "The date", &input.date, false) {
                Ok(Some(date)) => Ok(Answer::Date(date)),
                Ok(None) => Err(missing()),
                Err(e) => Err(e),
            },
            Kind::DateTime => {
                let date = match read_date(self.id, "The date", &input.date, false) {
                    Ok(Some(date)) => date,
                    Ok(None) => return Err(missing()),
                    Err(e) => return Err(e),
                };
                match Time::parse(input.time.trim()) {
                    Some(time) => Ok(Answer::DateTime(date, time)),
                    None => Err(FieldError {
                        field: format!("{}-time", self.id),
                        message: "Enter the time on the 24-hour clock, such as 17:30".to_string(),
                    }),
                }
            }
            Kind::Checklist(items) => {
                let mut checked = Vec::new();
                for value in &input.checked {
                    match items.iter().find(|i| i.value == value) {
                        Some(item) if !checked.contains(&item.value) => checked.push(item.value),
                        Some(_) => {}
                        None => {
                            return Err(here(&format!(
                                "\u{201c}{value}\u{201d} is not one of the items"
                            )))
                        }
                    }
                }
                if checked.is_empty() {
                    return Err(missing());
                }
                if checked.contains(&NONE) && checked.len() > 1 {
                    // Named as the page shows it: "None of these yet", "None of these".
                    let none = items
                        .iter()
                        .find(|i| i.value == NONE)
                        .map_or("None of these", |i| i.label);
                    return Err(here(&format!(
                        "Select \u{201c}{none}\u{201d}, or the items that apply, not both"
                    )));
                }
                // In the checklist's order, whatever order they were ticked in.
                checked.sort_by_key(|v| items.iter().position(|i| i.value == *v));
                Ok(Answer::Checklist(checked))
            }
            Kind::Text => {
                let text = input.text.trim();
                if text.is_empty() {
                    Err(missing())
                } else if text.chars().count() > MAX_TEXT {
                    Err(here(&format!(
                        "The answer must be {MAX_TEXT} characters or fewer"
                    )))
                } else {
                    Ok(Answer::Text(text.to_string()))
                }
            }
        }
    }

    /// The id of the question's first input, which the error summary links to.
    pub fn first_input(&self) -> String {
        match self.kind {
            Kind::Date | Kind::DateTime => format!("{}-day", self.id),
            _ => self.id.to_string(),
        }
    }

    /// The answer as stored (`Case::answers`).
    pub fn encode(&self, answer: &Answer) -> String {
        match answer {
            Answer::Yes(true) => "yes".into(),
            Answer::Yes(false) => "no".into(),
            Answer::Choice(value) => value.to_string(),
            Answer::Date(date) => date.iso(),
            Answer::DateTime(date, time) => format!("{}T{time}", date.iso()),
            Answer::Checklist(values) => values.join(","),
            Answer::Text(text) => text.clone(),
        }
    }

    /// A stored answer read back; `None` if it no longer fits the question (then it is
    /// asked again).
    pub fn decode(&self, stored: &str) -> Option<Answer> {
        match self.kind {
            Kind::YesNo => match stored {
                "yes" => Some(Answer::Yes(true)),
                "no" => Some(Answer::Yes(false)),
                _ => None,
            },
            Kind::Choice(options) => options
                .iter()
                .find(|o| o.value == stored)
                .map(|o| Answer::Choice(o.value)),
            Kind::Date => Date::parse_iso(stored).map(Answer::Date),
            Kind::DateTime => {
                let (date, time) = stored.split_once('T')?;
                Some(Answer::DateTime(Date::parse_iso(date)?, Time::parse(time)?))
            }
            Kind::Checklist(items) => stored
                .split(',')
                .filter(|v| !v.is_empty())
                .map(|v| items.iter().find(|i| i.value == v).map(|i| i.value))
                .collect::<Option<Vec<_>>>()
                .map(Answer::Checklist),
            Kind::Text => (!stored.trim().is_empty()).then(|| Answer::Text(stored.to_string())),
        }
    }

    /// The answer in words, for "Check your answers".
    pub fn describe(&self, answer: &Answer) -> String {
        let label = |options: &[Choice], value: &str| {
            options
                .iter()
                .find(|o| o.value == value)
                .map_or(value.to_string(), |o| o.label.to_string())
        };
        match (self.kind, answer) {
            (_, Answer::Yes(true)) => "Yes".into(),
            (_, Answer::Yes(false)) => "No".into(),
            (Kind::Choice(options), Answer::Choice(value)) => label(options, value),
            (_, Answer::Date(date)) => date.to_string(),
            (_, Answer::DateTime(date, time)) => format!("{date} at {time}"),
            (Kind::Checklist(_), Answer::Checklist(values)) if values.is_empty() => {
                "None of these".into()
            }
            (Kind::Checklist(items), Answer::Checklist(values)) => values
                .iter()
                .map(|v| label(items, v))
                .collect::<Vec<_>>()
                .join("; "),
            (_, Answer::Text(text)) => text.clone(),
            (_, answer) => format!("{answer:?}"),
        }
    }
}

/// The answers given so far, read against a flow's questions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    values: BTreeMap<&'static str, Answer>,
}

impl Answers {
    /// Reads stored answers (question id → text); any that no longer fit are left out.
    pub fn decode(flow: &dyn Flow, stored: &BTreeMap<String, String>) -> Answers {
        let values = flow
            .questions()
            .iter()
            .filter_map(|q| Some((q.id, q.decode(stored.get(q.id)?)?)))
            .collect();
        Answers { values }
    }

    /// The answers as stored, every one kept (also those off the current path).
    pub fn encode(&self, flow: &dyn Flow) -> BTreeMap<String, String> {
        self.values
            .iter()
            .filter_map(|(id, answer)| Some((id.to_string(), flow.question(id)?.encode(answer))))
            .collect()
    }

    pub fn set(&mut self, question: &'static str, answer: Answer) {
        self.values.insert(question, answer);
    }

    pub fn remove(&mut self, question: &str) {
        self.values.remove(question);
    }

    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.values.get(question)
    }

    pub fn yes(&self, question: &str) -> bool {
        matches!(self.get(question), Some(Answer::Yes(true)))
    }

    pub fn choice(&self, question: &str) -> Option<&'static str> {
        match self.get(question) {
            Some(Answer::Choice(value)) => Some(value),
            _ => None,
        }
    }

    pub fn date(&self, question: &str) -> Option<Date> {
        match self.get(question) {
            Some(Answer::Date(date) | Answer::DateTime(date, _)) => Some(*date),
            _ => None,
        }
    }

    pub fn time(&self, question: &str) -> Option<Time> {
        match self.get(question) {
            Some(Answer::DateTime(_, time)) => Some(*time),
            _ => None,
        }
    }

    pub fn checked(&self, question: &str) -> &[&'static str] {
        match self.get(question) {
            Some(Answer::Checklist(values)) => values,
            _ => &[],
        }
    }

    pub fn text(&self, question: &str) -> Option<&str> {
        match self.get(question) {
            Some(Answer::Text(text)) => Some(text),
            _ => None,
        }
    }
}

/// The step after a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Ask(&'static str),
    Finish(&'static str),
}

/// A guided procedure: its questions and outcomes, and the rule for what comes next.
pub trait Flow: Sync {
    fn questions(&self) -> &'static [Question];
    fn outcomes(&self) -> &'static [Outcome];
    /// The first question.
    fn start(&self) -> &'static str;
    /// Exactly one next step after `question`, which has been answered, from the answers
    /// so far and the id of the profile in use.
    fn next(&self, question: &str, answers: &Answers, profile: &str) -> Next;

    fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions().iter().find(|q| q.id == id)
    }

    fn outcome(&self, id: &str) -> Option<&'static Outcome> {
        self.outcomes().iter().find(|o| o.id == id)
    }
}

/// Where the answers so far lead: the questions on the path, each with its answer, then
/// the question to ask now or the outcome reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub answered: Vec<&'static Question>,
    pub now: Step,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Ask(&'static Question),
    Done(&'static Outcome),
}

/// Follows the flow from its start through the answers given, until a question without
/// an answer or an outcome.
pub fn walk(flow: &dyn Flow, answers: &Answers, profile: &str) -> Walk {
    let mut answered = Vec::new();
    let mut next = Next::Ask(flow.start());
    loop {
        match next {
            Next::Finish(id) => {
                let outcome = flow
                    .outcome(id)
                    .unwrap_or_else(|| panic!("outcome {id} is not in the flow"));
                return Walk {
                    answered,
                    now: Step::Done(outcome),
                };
            }
            Next::Ask(id) => {
                let question = flow
                    .question(id)
                    .unwrap_or_else(|| panic!("question {id} is not in the flow"));
                if answers.get(id).is_none() || answered.contains(&question) {
                    return Walk {
                        answered,
                        now: Step::Ask(question),
                    };
                }
                answered.push(question);
                next = flow.next(id, answers, profile);
            }
        }
    }
}

impl Walk {
    /// The question before the current one (for the back link), if any.
    pub fn previous(&self) -> Option<&'static Question> {
        self.answered.last().copied()
    }
}
