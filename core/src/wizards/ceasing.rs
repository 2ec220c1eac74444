//! The ceasing-to-be-looked-after wizard: who must approve the decision, what must happen
//! first, and the approval request.
//!
//! Sources: CPPCR reg 39 (national), `003` §10 (Salford), `002` §12.8–12.10 and §13
//! (Leicestershire), `004` §1.1. The approval route is data: each profile's `ceasing`
//! section (docs/rule-profiles.md), layered on the national one.
//!
//! What the case already says is not asked again: the legal status, the child's age on
//! the day, the working days looked after in this period and whether the child is an
//! eligible child are worked out from the case as of that day (`with_facts`), and asked
//! only where the case cannot tell.

use super::engine::{Answer, Answers, Choice, Flow, Kind, Next, Outcome, Question, NONE};
use super::Produced;
use super::{cite, lower_first};
use crate::calendar::{working_days_between, Date};
use crate::engine::{facts::facts, Eligibility};
use crate::model::{Attrs, Case, Event, EventKind, LegalBasis, Task};
use crate::rules::{Profile, Review, Situation, SourceRef};
use crate::sources::Citation;

const REG_39: Citation = cite("CPPCR", "reg 39");
const SALFORD: Citation = cite("003", "§10");
const CARE_ORDER: Citation = cite(
    "003",
    "§10 (\u{201c}Where a child is subject to a Care Order\u{201d})",
);
const UNREGULATED: Citation = cite(
    "003",
    "§10 (\u{201c}should not cease simply as a result of a move from a regulated to an unregulated placement\u{201d})",
);
const UNPLANNED: Citation = cite(
    "003",
    "§10 (\u{201c}If the child ceases to be looked after and this has been unplanned\u{201d})",
);
const LEICESTERSHIRE_REVIEW: Citation = cite("002", "§12.8");
const RETURN_HOME: Citation = cite("002", "§12.9–12.10");
const ELIGIBLE: Citation = cite("002", "§13.1; CA 1989 Sch 2 para 19B");

/// The facts worked out from the case, kept among the answers under these keys (question
/// ids never start with `_`, so they are never stored or asked).
const FACT_BASIS: &str = "_basis";
const FACT_AGE: &str = "_age";
const FACT_TWENTY: &str = "_twenty-days";
const FACT_ELIGIBLE: &str = "_eligible";
/// From the profile's approval route for the situation.
const FACT_REVIEW_REQUIRED: &str = "_review-required";
const FACT_APPROVER: &str = "_approver";
const FACT_NOTIFY: &str = "_notify";
const FACT_RETURN_HOME: &str = "_return-home";
const FACT_RETURN_HOME_SOURCE: &str = "_return-home-source";
const FACT_REVIEW_SOURCE: &str = "_review-source";
const FACT_APPROVER_SOURCE: &str = "_approver-source";
const FACT_NOTIFY_SOURCE: &str = "_notify-source";
/// Every fact, so that all are worked out again together and none is left from before.
const FACTS: &[&str] = &[
    FACT_BASIS,
    FACT_AGE,
    FACT_TWENTY,
    FACT_ELIGIBLE,
    FACT_REVIEW_REQUIRED,
    FACT_REVIEW_SOURCE,
    FACT_APPROVER,
    FACT_APPROVER_SOURCE,
    FACT_NOTIFY,
    FACT_NOTIFY_SOURCE,
    FACT_RETURN_HOME,
    FACT_RETURN_HOME_SOURCE,
];

const HOW: &[Choice] = &[
    Choice {
        value: "planned",
        label: "It is planned",
    },
    Choice {
        value: "unplanned",
        label: "It has already happened, without a plan",
    },
];

const LEGAL_STATUS: &[Choice] = &[
    Choice {
        value: "s20",
        label: "Accommodated under section 20",
    },
    Choice {
        value: "care-order",
        label: "Under a care order, an interim care order or a placement order",
    },
    Choice {
        value: "other",
        label: "Police protection or an emergency protection order",
    },
];

const AGE_BAND: &[Choice] = &[
    Choice {
        value: "under-16",
        label: "Under 16",
    },
    Choice {
        value: "16-17",
        label: "16 or 17",
    },
    Choice {
        value: "18",
        label: "18 or over",
    },
];

const DESTINATION: &[Choice] = &[
    Choice {
        value: "parent",
        label: "With a parent or someone with parental responsibility",
    },
    Choice {
        value: "elsewhere",
        label: "Somewhere else: with family or friends, or on their own",
    },
];

/// What the assessment must do before a child stops being looked after.
pub const ASSESSMENT: &[Choice] = &[
    Choice {
        value: "updated",
        label: "It has been completed or updated",
    },
    Choice {
        value: "rationale",
        label: "It states why the child should stop being looked after",
    },
    Choice {
        value: "supports",
        label: "It says what support and services the child and family need",
    },
    Choice {
        value: "safeguarding",
        label: "It says how the child will be safeguarded",
    },
    Choice {
        value: NONE,
        label: "None of these yet",
    },
];

const REVIEW_OPTIONS: &[Choice] = &[
    Choice {
        value: "held",
        label: "Yes, it has been held",
    },
    Choice {
        value: "booked",
        label: "Yes, it is booked",
    },
    Choice {
        value: "not-practicable",
        label: "No, it is not practicable",
    },
];

const APPROVAL: &[Choice] = &[
    Choice {
        value: "approved",
        label: "Yes, it has been approved",
    },
    Choice {
        value: "requested",
        label: "It has been asked for, and not yet decided",
    },
    Choice {
        value: "not-yet",
        label: "Not yet asked for",
    },
];

const QUESTIONS: &[Question] = &[
    Question {
        id: "how",
        text: "Is the child going to stop being looked after, or have they already stopped without a plan?",
        hint: None,
        kind: Kind::Choice(HOW),
        missing: "Select whether it is planned or has already happened",
        source: REG_39,
    },
    Question {
        id: "planned-on",
        text: "When is the child due to stop being looked after?",
        hint: Some("The approval route depends on the child's age and how long they have been looked after on this day. For example, 27 3 2027."),
        kind: Kind::Date,
        missing: "Enter the date the child is due to stop being looked after",
        source: REG_39,
    },
    Question {
        id: "ceased-at",
        text: "When did the child stop being looked after?",
        hint: Some("The date and time: the risk assessment is due within 24 hours of it."),
        kind: Kind::DateTime,
        missing: "Enter the date the child stopped being looked after",
        source: UNPLANNED,
    },
    Question {
        id: "legal-status",
        text: "What is the child's legal status?",
        hint: Some("The case does not record how the child became looked after."),
        kind: Kind::Choice(LEGAL_STATUS),
        missing: "Select the child's legal status",
        source: REG_39,
    },
    Question {
        id: "age-band",
        text: "How old will the child be on that day?",
        hint: Some("The case does not record the child's date of birth."),
        kind: Kind::Choice(AGE_BAND),
        missing: "Select how old the child will be",
        source: REG_39,
    },
    Question {
        id: "twenty-days",
        text: "Will the child have been looked after for 20 working days or more by then?",
        hint: Some("The case does not record when this period of care began."),
        kind: Kind::YesNo,
        missing: "Select yes if the child will have been looked after for 20 working days or more",
        source: REG_39,
    },
    Question {
        id: "eligible",
        text: "Is the young person an eligible child?",
        hint: Some("Aged 16 or 17 and looked after for 13 weeks in all since the age of 14. The case cannot tell."),
        kind: Kind::YesNo,
        missing: "Select yes if the young person is an eligible child",
        source: ELIGIBLE,
    },
    Question {
        id: "returning-home",
        text: "Is the plan for the child to live with a parent or someone with parental responsibility?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if the child is to live with a parent",
        source: CARE_ORDER,
    },
    Question {
        id: "unregulated",
        text: "Is the young person moving to an unregulated placement, such as semi-independent accommodation, rather than leaving care?",
        hint: Some("A move from a regulated to an unregulated placement does not by itself end looked-after status."),
        kind: Kind::YesNo,
        missing: "Select yes if the young person is moving to an unregulated placement",
        source: UNREGULATED,
    },
    Question {
        id: "destination",
        text: "Where will the child live?",
        hint: None,
        kind: Kind::Choice(DESTINATION),
        missing: "Select where the child will live",
        source: RETURN_HOME,
    },
    Question {
        id: "assessment",
        text: "Which of these does the assessment do?",
        hint: Some("Select all that apply, or \u{201c}None of these yet\u{201d}. Anything not yet done becomes a task on the case."),
        kind: Kind::Checklist(ASSESSMENT),
        missing: "Select what the assessment does, or \u{201c}None of these yet\u{201d}",
        source: SALFORD,
    },
    Question {
        id: "wishes",
        text: "Have the child's wishes and feelings been found out and taken into account?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if the child's wishes and feelings have been taken into account",
        source: REG_39,
    },
    Question {
        id: "iro-reviewed",
        text: "Has the independent reviewing officer reviewed the assessment and the plan?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if the independent reviewing officer has reviewed them",
        source: SALFORD,
    },
    Question {
        id: "review",
        text: "Will a looked-after review be held before the child stops being looked after?",
        hint: Some("The approval route on the next page says whether your procedures require one."),
        kind: Kind::Choice(REVIEW_OPTIONS),
        missing: "Select whether a looked-after review will be held first",
        source: LEICESTERSHIRE_REVIEW,
    },
    Question {
        id: "pathway-plan",
        text: "Has the pathway plan been completed or updated?",
        hint: Some("It must show that ceasing to be looked after will safeguard and promote the young person's welfare."),
        kind: Kind::YesNo,
        missing: "Select yes if the pathway plan has been completed or updated",
        source: ELIGIBLE,
    },
    Question {
        id: "notified",
        text: "Has everyone your procedures say must be told been notified?",
        hint: Some("The approval route on Check your answers names them."),
        kind: Kind::YesNo,
        missing: "Select yes if they have been notified",
        source: LEICESTERSHIRE_REVIEW,
    },
    Question {
        id: "approval",
        text: "Has the decision been approved?",
        hint: Some("It must not be put into effect until it is approved."),
        kind: Kind::Choice(APPROVAL),
        missing: "Select whether the decision has been approved",
        source: REG_39,
    },
];

const OUTCOMES: &[Outcome] = &[
    Outcome {
        id: "court",
        title: "Only the court can end a care order",
        next_step: "The child stays looked after until the court discharges the order, or they turn 18. If the plan is for them to live with a parent, complete a Schedule 3 assessment (in the court assessment template) first.",
        source: CARE_ORDER,
    },
    Outcome {
        id: "adult",
        title: "The young person stops being looked after at 18",
        next_step: "No approval is needed: looked-after status ends by law on the 18th birthday. A young person who was an eligible child becomes a relevant or former relevant child: keep the pathway plan and leaving care support going.",
        source: ELIGIBLE,
    },
    Outcome {
        id: "other-basis",
        title: "This procedure does not apply",
        next_step: "Police protection and emergency protection orders end by law or by the court. Record what happens next on the case: accommodation under section 20, or an interim care order.",
        source: REG_39,
    },
    Outcome {
        id: "still-looked-after",
        title: "The young person stays looked after",
        next_step: "A move from a regulated to an unregulated placement does not by itself end looked-after status. Record the move as a new placement; plan for leaving care with the pathway plan.",
        source: UNREGULATED,
    },
    Outcome {
        id: "review-first",
        title: "Hold a looked-after review first",
        next_step: "The procedures for this case require a looked-after review before the child stops being looked after. Book it, then come back to this wizard.",
        source: LEICESTERSHIRE_REVIEW,
    },
    Outcome {
        id: "request-approval",
        title: "Ask for approval before the child stops being looked after",
        next_step: "Send the approval request to the approver named in the route below, with the assessment. The decision must not be put into effect until it is approved.",
        source: REG_39,
    },
    Outcome {
        id: "approved",
        title: "The decision is approved",
        next_step: "The child stops being looked after on the planned day; the deadlines that follow (such as the child in need plan) are on the case.",
        source: REG_39,
    },
    Outcome {
        id: "unplanned",
        title: "The child has stopped being looked after without a plan",
        next_step: "Assess the risk to the child at once and complete or update the assessment (Salford: within 24 hours and 15 working days; where the case's procedures set these, the deadlines are on the case), then complete the approval request so that the decision is recorded.",
        source: UNPLANNED,
    },
];

pub struct Ceasing;

impl Flow for Ceasing {
    fn questions(&self) -> &'static [Question] {
        QUESTIONS
    }

    fn outcomes(&self) -> &'static [Outcome] {
        OUTCOMES
    }

    fn start(&self) -> &'static str {
        "how"
    }

    fn next(&self, question: &str, a: &Answers, _profile: &str) -> Next {
        use Next::{Ask, Finish};
        let planned = a.choice("how") == Some("planned");
        let basis = a.choice(FACT_BASIS).or_else(|| a.choice("legal-status"));
        let older = a.choice(FACT_AGE).or_else(|| a.choice("age-band")) == Some("16-17");
        let twenty = a.get(FACT_TWENTY).or_else(|| a.get("twenty-days"));
        let eligible = a.get(FACT_ELIGIBLE).or_else(|| a.get("eligible"));
        let adult = a.choice(FACT_AGE).or_else(|| a.choice("age-band")) == Some("18");
        let facts_known = || match basis {
            _ if adult => Finish("adult"),
            None => Ask("legal-status"),
            Some("care-order") => Ask("returning-home"),
            Some("other") => Finish("other-basis"),
            _ if a.get(FACT_AGE).is_none() && a.get("age-band").is_none() => Ask("age-band"),
            _ if !older && twenty.is_none() => Ask("twenty-days"),
            _ if older && eligible.is_none() => Ask("eligible"),
            _ if older && planned => Ask("unregulated"),
            _ => Ask("destination"),
        };
        // What the profile's approval route says is among the facts (`with_facts`).
        let notify = a.text(FACT_NOTIFY).is_some();
        let after_pathway = || {
            if notify {
                Ask("notified")
            } else if planned {
                Ask("approval")
            } else {
                Finish("unplanned")
            }
        };
        let after_review = || {
            if matches!(eligible, Some(Answer::Yes(true))) {
                Ask("pathway-plan")
            } else if notify {
                Ask("notified")
            } else if planned {
                Ask("approval")
            } else {
                Finish("unplanned")
            }
        };
        match question {
            "how" if planned => Ask("planned-on"),
            "how" => Ask("ceased-at"),
            "planned-on" | "ceased-at" | "legal-status" | "age-band" | "twenty-days"
            | "eligible" => facts_known(),
            "returning-home" => Finish("court"),
            "unregulated" if a.yes("unregulated") => Finish("still-looked-after"),
            "unregulated" => Ask("destination"),
            "destination" => Ask("assessment"),
            "assessment" => Ask("wishes"),
            "wishes" => Ask("iro-reviewed"),
            "iro-reviewed" if planned => Ask("review"),
            "iro-reviewed" => after_review(),
            "review"
                if a.choice("review") == Some("not-practicable") && a.yes(FACT_REVIEW_REQUIRED) =>
            {
                Finish("review-first")
            }
            "review" => after_review(),
            "pathway-plan" => after_pathway(),
            "notified" if planned => Ask("approval"),
            "notified" => Finish("unplanned"),
            "approval" if a.choice("approval") == Some("approved") => Finish("approved"),
            "approval" => Finish("request-approval"),
            other => panic!("no next step after {other}"),
        }
    }
}

/// The day the child stops (or stopped) being looked after, from the answers.
pub fn the_day(a: &Answers) -> Option<Date> {
    match a.choice("how") {
        Some("planned") => a.date("planned-on"),
        Some("unplanned") => a.date("ceased-at"),
        _ => None,
    }
}

/// What the case says on `day`, as shown to the practitioner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub basis: Option<LegalBasis>,
    pub age: Option<i32>,
    /// The start of the period of care open on the day.
    pub since: Option<Date>,
    /// Working days looked after in that period, up to the day.
    pub working_days: Option<u32>,
    pub eligible: Eligibility,
}

impl CaseFacts {
    pub fn of(case: &Case, day: Date) -> CaseFacts {
        // As the case stands going into the day: an end of care recorded for the day (by
        // this wizard, once confirmed) or after it is what is being decided, not a fact.
        let mut before = case.clone();
        before
            .events
            .retain(|e| !(e.kind == EventKind::CeasedLookedAfter && e.date >= day));
        let index = before.index();
        let f = facts(&before, &index, day);
        let since = f
            .periods_of_care
            .last()
            .filter(|(_, end)| end.is_none_or(|end| end >= day))
            .map(|(start, _)| *start);
        CaseFacts {
            basis: f.legal_status,
            age: f.age,
            since,
            working_days: since.and_then(|start| working_days_between(start, day).ok()),
            eligible: f.eligible,
        }
    }

    /// The facts as rows for Check your answers and the approval request.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let eligible = match &self.eligible {
            Eligibility::Unknown => "Not known: the date of birth is not recorded".to_string(),
            Eligibility::NotEligible { reason } => format!("No. {reason}"),
            Eligibility::Eligible { reason, .. } => format!("Yes. {reason}"),
        };
        vec![
            (
                "Legal status",
                self.basis
                    .map_or("Not recorded".into(), |b| b.label().to_string()),
            ),
            (
                "Age on the day",
                self.age.map_or("Not known".into(), |a| a.to_string()),
            ),
            (
                "Looked after in this period",
                match (self.since, self.working_days) {
                    (Some(since), Some(days)) => format!("{days} working days, since {since}"),
                    (Some(since), None) => format!("Since {since}"),
                    _ => "Not recorded".into(),
                },
            ),
            ("Eligible child", eligible),
        ]
    }
}

/// Puts what the case says on the day, and what the profile's approval route says for
/// that situation, among the answers (taking out what no longer holds), so the flow asks
/// only what the case cannot tell and follows the route the profile sets.
pub fn with_facts(case: &Case, answers: &mut Answers, national: &Profile, local: &Profile) {
    for key in FACTS {
        answers.remove(key);
    }
    let Some(day) = the_day(answers) else {
        return;
    };
    let facts = CaseFacts::of(case, day);
    if let Some(basis) = facts.basis {
        let value = match basis {
            LegalBasis::S20 => "s20",
            LegalBasis::CareOrder | LegalBasis::InterimCareOrder | LegalBasis::PlacementOrder => {
                "care-order"
            }
            LegalBasis::PoliceProtection | LegalBasis::EmergencyProtectionOrder => "other",
        };
        answers.set(FACT_BASIS, Answer::Choice(value));
    }
    if let Some(age) = facts.age {
        let band = match age {
            18.. => "18",
            16 | 17 => "16-17",
            _ => "under-16",
        };
        answers.set(FACT_AGE, Answer::Choice(band));
    }
    if let Some(days) = facts.working_days {
        answers.set(FACT_TWENTY, Answer::Yes(days >= 20));
    }
    // Without a period of care on record the case cannot tell: asked.
    match (facts.since, facts.eligible) {
        (Some(_), Eligibility::Eligible { .. }) => answers.set(FACT_ELIGIBLE, Answer::Yes(true)),
        (Some(_), Eligibility::NotEligible { .. }) => {
            answers.set(FACT_ELIGIBLE, Answer::Yes(false))
        }
        _ => {}
    }
    if let Some(situation) = situation(answers) {
        let route = route(national, local, situation);
        let mut set =
            |key: &'static str, source_key: &'static str, value: Answer, source: SourceRef| {
                answers.set(key, value);
                answers.set(source_key, Answer::Text(source.label()));
            };
        if let Some((review, source)) = route.review {
            set(
                FACT_REVIEW_REQUIRED,
                FACT_REVIEW_SOURCE,
                Answer::Yes(review == Review::Required),
                source,
            );
        }
        if let Some((who, source)) = route.approver {
            set(
                FACT_APPROVER,
                FACT_APPROVER_SOURCE,
                Answer::Text(who),
                source,
            );
        }
        if let Some((who, source)) = route.notify {
            set(FACT_NOTIFY, FACT_NOTIFY_SOURCE, Answer::Text(who), source);
        }
        if let Some((task, source)) = route.return_home {
            set(
                FACT_RETURN_HOME,
                FACT_RETURN_HOME_SOURCE,
                Answer::Text(task),
                source,
            );
        }
    }
}

/// The situation the answers and the case put the decision in.
pub fn situation(a: &Answers) -> Option<Situation> {
    let basis = a.choice(FACT_BASIS).or_else(|| a.choice("legal-status"))?;
    let age = a.choice(FACT_AGE).or_else(|| a.choice("age-band"));
    if basis == "other" || age == Some("18") {
        return None;
    }
    let older = age? == "16-17";
    let twenty = matches!(
        a.get(FACT_TWENTY).or_else(|| a.get("twenty-days")),
        Some(Answer::Yes(true))
    );
    Some(match (basis, older, twenty) {
        ("care-order", _, _) => Situation::CareOrder,
        (_, true, _) => Situation::Aged16Or17,
        (_, false, true) => Situation::S20Under16,
        (_, false, false) => Situation::S20Short,
    })
}

/// Who approves, whether a review comes first and who is told, each with its source: the
/// profile's say where it has one, the national profile's otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub situation: Situation,
    pub approver: Option<(String, SourceRef)>,
    pub review: Option<(Review, SourceRef)>,
    pub notify: Option<(String, SourceRef)>,
    /// The task when the child goes home to a parent.
    pub return_home: Option<(String, SourceRef)>,
}

pub fn route(national: &Profile, local: &Profile, situation: Situation) -> Route {
    let pick = |get: &dyn Fn(&crate::rules::Ceasing) -> Option<String>| {
        [local, national].iter().find_map(|p| {
            let entry = p.ceasing.get(&situation)?;
            Some((get(entry)?, entry.source.clone()))
        })
    };
    let review = [local, national].iter().find_map(|p| {
        let entry = p.ceasing.get(&situation)?;
        Some((entry.review?, entry.source.clone()))
    });
    Route {
        situation,
        approver: pick(&|c| c.approver.clone()),
        review,
        notify: pick(&|c| c.notify.clone()),
        return_home: pick(&|c| c.return_home.clone()),
    }
}

impl Route {
    /// The route as rows: what, who or whether, and the source.
    pub fn rows(&self) -> Vec<(&'static str, String, String)> {
        let mut rows = Vec::new();
        if let Some((who, source)) = &self.approver {
            rows.push(("Approves", who.clone(), source.label()));
        }
        if let Some((review, source)) = &self.review {
            let text = match review {
                Review::Required => "Required before the child stops being looked after",
                Review::WherePracticable => {
                    "Where practicable, before the child stops being looked after"
                }
            };
            rows.push(("Looked-after review", text.to_string(), source.label()));
        }
        if let Some((who, source)) = &self.notify {
            rows.push(("Notify", who.clone(), source.label()));
        }
        rows
    }
}

/// The events and tasks the answers produce: the end of care once it is approved or has
/// happened, and a task for each step still to take, citing its source. Tasks are due on
/// the planned day; after an unplanned end they have no date of their own (the profile's
/// deadlines, where it sets them, count from the end).
pub fn produced(a: &Answers, path: &[&Question], outcome: &str) -> Produced {
    let on_path = |id: &str| path.iter().any(|q| q.id == id);
    let mut out = Produced::default();
    let day = the_day(a);
    let due = if outcome == "unplanned" { None } else { day };
    let task = |id: &str, title: String, source: String| Task {
        id: format!("cease-{id}"),
        title,
        due,
        source: Some(source),
        ..Task::default()
    };
    let mut step = |done: bool, t: Task| {
        if done {
            out.resolved.push(t.id);
        } else {
            out.tasks.push(t);
        }
    };
    let review_required = a.yes(FACT_REVIEW_REQUIRED);
    // Each step cites the profile's own source for it where the route gives one.
    let source = |key: &str, fallback: Citation| {
        a.text(key).map_or_else(|| fallback.label(), str::to_string)
    };
    match outcome {
        "approved" | "unplanned" => {
            if let Some(date) = day {
                out.events.push(Event {
                    id: "cease-ended".into(),
                    kind: EventKind::CeasedLookedAfter,
                    date,
                    time: a.time("ceased-at"),
                    attrs: Attrs {
                        planned: Some(outcome == "approved"),
                        ..Attrs::default()
                    },
                });
            }
        }
        "court" if a.yes("returning-home") => {
            step(
                false,
                task(
                    "schedule-3",
                    "Complete a Schedule 3 assessment before the child lives with a parent".into(),
                    CARE_ORDER.label(),
                ),
            );
            step(
                false,
                task(
                    "discharge",
                    "Consider an application to the court to discharge the care order".into(),
                    CARE_ORDER.label(),
                ),
            );
        }
        "still-looked-after" if review_required => step(
            false,
            task(
                "review-move",
                "Hold a looked-after review before the move to semi-independent accommodation"
                    .into(),
                source(FACT_REVIEW_SOURCE, LEICESTERSHIRE_REVIEW),
            ),
        ),
        _ => {}
    }
    if on_path("assessment") {
        let ticked = a.checked("assessment");
        for item in ASSESSMENT.iter().filter(|i| i.value != NONE) {
            step(
                ticked.contains(&item.value),
                task(
                    &format!("assessment-{}", item.value),
                    format!("Assessment: {}", item.label.to_lowercase()),
                    SALFORD.label(),
                ),
            );
        }
    }
    if on_path("wishes") {
        step(
            a.yes("wishes"),
            task(
                "wishes",
                "Find out the child's wishes and feelings and take them into account".into(),
                REG_39.label(),
            ),
        );
    }
    if on_path("iro-reviewed") {
        step(
            a.yes("iro-reviewed"),
            task(
                "iro",
                "Ask the independent reviewing officer to review the assessment and the plan"
                    .into(),
                SALFORD.label(),
            ),
        );
    }
    if on_path("review") {
        let (title, done) = if review_required {
            (
                "Hold a looked-after review before the child stops being looked after (required)",
                a.choice("review") == Some("held"),
            )
        } else {
            // Where it is not practicable, there is nothing left to do.
            ("Hold a looked-after review before the child stops being looked after, where practicable", a.choice("review") != Some("booked"))
        };
        step(
            done,
            task(
                "review",
                title.into(),
                source(FACT_REVIEW_SOURCE, LEICESTERSHIRE_REVIEW),
            ),
        );
    }
    if on_path("pathway-plan") {
        step(
            a.yes("pathway-plan"),
            task(
                "pathway-plan",
                "Complete or update the pathway plan".into(),
                ELIGIBLE.label(),
            ),
        );
    }
    if on_path("notified") {
        let who = a
            .text(FACT_NOTIFY)
            .map_or("the people your procedures name".to_string(), lower_first);
        step(
            a.yes("notified"),
            task(
                "notify",
                format!("Notify {who}"),
                source(FACT_NOTIFY_SOURCE, LEICESTERSHIRE_REVIEW),
            ),
        );
    }
    if on_path("approval") || outcome == "unplanned" {
        let who = a
            .text(FACT_APPROVER)
            .unwrap_or("the approver your procedures name");
        let title = if outcome == "unplanned" {
            format!(
                "Complete the approval request, so that the decision is recorded. Approver: {who}"
            )
        } else {
            format!("Get approval before the child stops being looked after. Approver: {who}")
        };
        step(
            a.choice("approval") == Some("approved"),
            task("approval", title, source(FACT_APPROVER_SOURCE, REG_39)),
        );
    }
    if on_path("destination") && a.choice("destination") == Some("parent") {
        if let Some(what) = a.text(FACT_RETURN_HOME) {
            let source = a
                .text(FACT_RETURN_HOME_SOURCE)
                .unwrap_or_default()
                .to_string();
            step(false, task("return-home", what.to_string(), source));
        }
    }
    out
}

/// The approval request, filled from the case and the answers; the approver's decision is
/// left blank for them to complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub title: String,
    pub sections: Vec<(&'static str, Vec<(String, String)>)>,
    /// The approver's fields, left blank.
    pub decision: &'static [&'static str],
}

pub const DECISION_FIELDS: &[&str] = &[
    "Decision: approved or not approved",
    "Reasons and any conditions",
    "Name",
    "Role",
    "Signature",
    "Date",
];

/// The request for `case` from its answers (with facts) and the route for its situation.
pub fn request(case: &Case, a: &Answers, path: &[&Question], route: Option<&Route>) -> Request {
    let older = a.choice(FACT_AGE).or_else(|| a.choice("age-band")) == Some("16-17");
    let title = format!(
        "Ceasing to be looked after: approval request \u{2013} {}",
        if older { "aged 16 or 17" } else { "under 16" }
    );
    let mut child = vec![
        ("Name".to_string(), case.child.name.clone()),
        ("Case reference".to_string(), case.child.reference.clone()),
        (
            "Date of birth".to_string(),
            case.child
                .date_of_birth
                .map_or("Not recorded".into(), |d| d.to_string()),
        ),
    ];
    if let Some(day) = the_day(a) {
        child.extend(
            CaseFacts::of(case, day)
                .rows()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v)),
        );
    }
    let answers = path
        .iter()
        .filter_map(|q| Some((q.text.to_string(), q.describe(a.get(q.id)?))))
        .collect();
    let route_rows = route.map_or_else(Vec::new, |r| {
        r.rows()
            .into_iter()
            .map(|(what, who, source)| (what.to_string(), format!("{who} ({source})")))
            .collect()
    });
    Request {
        title,
        sections: vec![
            ("The child", child),
            ("The plan and what has been done", answers),
            ("Approval route", route_rows),
        ],
        decision: DECISION_FIELDS,
    }
}
