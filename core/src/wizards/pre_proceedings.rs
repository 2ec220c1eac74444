//! The pre-proceedings (Public Law Outline) wizard: from the concern that the current plan
//! no longer protects the child, through the panel, the legal gateway meeting, the letter
//! before proceedings, the PLO meeting and its reviews, to issuing care proceedings.
//!
//! Source: `001` (Care Planning Procedure – Care Proceedings), which has no numbered
//! sections, so its citations quote the opening words of the passage; for Leicestershire,
//! the Children's Decision Meeting of `002` §5, which replaces the legal planning meeting.
//!
//! The phase lasts months, so the wizard is a record kept up to date: it can be confirmed
//! at any stage ("the letter is not sent yet") and changed later, and each confirmation
//! brings the case's events and tasks up to date with the answers (`super::Produced`).

use super::engine::{Answers, Choice, Flow, Kind, Next, Outcome, Question, NONE};
use super::Produced;
use super::{cite, lower_first};
use crate::calendar::Date;
use crate::model::{Attrs, Event, EventKind, Task};
use crate::sources::Citation;
use crate::task_list::{Item, Section, TaskList};

const REFERRAL: Citation = cite(
    "001",
    "\u{201c}Any child who \u{2026} must be referred by the social worker to the Service Manager Panel\u{201d}",
);
const IMMEDIATE: Citation = cite(
    "001",
    "\u{201c}If the child is in immediate danger it should be referred to the Service manager\u{201d}",
);
const NOT_RELEVANT: Citation = cite(
    "001",
    "\u{201c}In such circumstances the pre-proceedings phase is not relevant\u{201d}",
);
const RECOMMENDATION: Citation = cite(
    "001",
    "\u{201c}it will recommend that the Public Law Outline (PLO) should be followed\u{201d}",
);
const GATEWAY: Citation = cite(
    "001",
    "\u{201c}A Legal Gateway/Planning meeting must be convened within 7 days of this recommendation\u{201d}",
);
const LETTER: Citation = cite(
    "001",
    "\u{201c}Once agreed a \u{2018}Letter before Proceedings\u{2019} must be drafted\u{201d}",
);
const PLO_MEETING: Citation = cite(
    "001",
    "\u{201c}The PLO meeting will be chaired by a Safeguarding Team Manager\u{201d}",
);
const PLAN: Citation = cite(
    "001",
    "\u{201c}A plan will be agreed at this meeting\u{201d}",
);
const PERIOD: Citation = cite(
    "001",
    "\u{201c}Early in the three months a family meeting should be held\u{201d}",
);
const REVIEW: Citation = cite(
    "001",
    "\u{201c}The PLO review meeting \u{2026} has three potential outcomes\u{201d}",
);
const DRIFT: Citation = cite(
    "001",
    "\u{201c}If the case has been under the PLO for 6 months\u{201d}",
);
const ISSUE: Citation = cite(
    "001",
    "\u{201c}In addition to the above to commence proceedings you will need to complete\u{201d}",
);
const BEFORE: Citation = cite(
    "001",
    "\u{201c}Checklist for work to be undertaken before proceedings\u{201d}",
);
const TWENTY_SIX_WEEKS: Citation = cite("CA1989", "s32(1)(a)");
const DECISION_PAPERS: Citation = cite("002", "§5.7");
const DECISION_OUTCOMES: Citation = cite("002", "§5.9");
const DECISION_ROLE: Citation = cite("002", "§5.3, §5.4 and §5.6");
const FOUR_MONTHS: Citation = cite("002", "§5.11");

const TRIGGERS: &[Choice] = &[
    Choice {
        value: "deterioration",
        label: "Their circumstances have deteriorated and the current plan does not protect them enough",
    },
    Choice {
        value: "second-review",
        label: "At the second review of their child protection plan they still need protection",
    },
    Choice {
        value: "immediate-danger",
        label: "They are in immediate danger",
    },
];

const IMMEDIATE_ACTIONS: &[Choice] = &[
    Choice {
        value: "issue",
        label: "Apply to court now for a care order",
    },
    Choice {
        value: "emergency-protection",
        label: "Police protection or an emergency protection order",
    },
    Choice {
        value: "panel",
        label: "No immediate action: refer to the panel as usual",
    },
];

const RECOMMENDATIONS: &[Choice] = &[
    Choice {
        value: "plo",
        label: "Follow the Public Law Outline: send a letter before proceedings",
    },
    Choice {
        value: "issue",
        label: "Apply to court now for a care order",
    },
    Choice {
        value: "no-plo",
        label: "The current plan protects the child well enough",
    },
];

const DECISION_MEETING_OUTCOMES: &[Choice] = &[
    Choice {
        value: "plo",
        label: "PLO to be initiated",
    },
    Choice {
        value: "issue",
        label: "Care proceedings to be issued",
    },
    Choice {
        value: "no-plo",
        label: "Other pathways: early help, child in need or child protection plan",
    },
    Choice {
        value: "more-information",
        label: "More information or work is needed before a decision",
    },
    Choice {
        value: "not-yet",
        label: "The meeting has not been held yet",
    },
];

const DECISION_PAPERS_ITEMS: &[Choice] = &[
    Choice {
        value: "single-assessment",
        label: "A single assessment illustrating the child's journey",
    },
    Choice {
        value: "genogram",
        label: "A genogram",
    },
    Choice {
        value: "summary",
        label: "A summary document with the evidence, analysis and the route recommended",
    },
    Choice {
        value: "chronology",
        label: "The chronology, mapping, danger statements, safety goals and plans",
    },
    Choice {
        value: "draft-letter",
        label: "The draft letter before proceedings",
    },
    Choice {
        value: NONE,
        label: "None of these yet",
    },
];

const ASSESSMENTS: &[Choice] = &[
    Choice { value: "hair-strand", label: "Hair strand testing" },
    Choice { value: "drug-alcohol", label: "Drug and alcohol testing" },
    Choice { value: "dna", label: "DNA testing" },
    Choice { value: "psychological", label: "A psychological assessment (such as domestic abuse, capacity to change, PAMS or cognitive)" },
    Choice { value: NONE, label: "None of these" },
];

/// What the letter before proceedings must do, in the procedure's order.
pub const LETTER_CONTENTS: &[Choice] = &[
    Choice { value: "concerns", label: "Sets out the concerns" },
    Choice { value: "support", label: "Sets out the support being offered" },
    Choice { value: "understandable", label: "Is written in a way and language the parents can understand" },
    Choice { value: "meeting-date", label: "Gives a date for the PLO meeting that leaves the parents time to arrange a solicitor" },
    Choice { value: "consequences", label: "Says that not making the changes, or rejecting the help offered, will lead to court and a permanency plan" },
    Choice { value: "adoption", label: "Says that the plan could be adoption, where that is appropriate" },
    Choice { value: "countersigned", label: "Has been checked and countersigned by the manager" },
    Choice { value: "sent-to-legal", label: "Has been sent to legal section to agree the date of the PLO meeting" },
    Choice { value: NONE, label: "None of these yet" },
];

const PLO_MEETING_OPTIONS: &[Choice] = &[
    Choice {
        value: "held",
        label: "Yes, with the parents",
    },
    Choice {
        value: "parents-absent",
        label: "The parents did not come",
    },
    Choice {
        value: "not-yet",
        label: "Not yet",
    },
];

const ABSENT_DECISIONS: &[Choice] = &[
    Choice {
        value: "rearrange",
        label: "Rearrange the PLO meeting",
    },
    Choice {
        value: "issue",
        label: "Start care proceedings now",
    },
];

const AGREED: &[Choice] = &[
    Choice { value: "plan", label: "A plan of further work to safeguard the child" },
    Choice { value: "assessment", label: "An updated assessment, in a form that could be put before the court" },
    Choice { value: "ifit", label: "A referral to the Intensive Family Intervention Team, if it has not worked with the family" },
    Choice { value: "review-date", label: "The review date, usually 3 months from the meeting" },
    Choice { value: "plan-sent", label: "The agreed plan and review date sent to all parties" },
    Choice { value: NONE, label: "None of these yet" },
];

const DURING_PERIOD: &[Choice] = &[
    Choice { value: "family-meeting", label: "A family meeting early in the period to identify family members who could care for the child" },
    Choice { value: "fostering-at-meeting", label: "A Fostering Team worker asked to attend the family meeting" },
    Choice { value: "viability", label: "Potential kinship carers (no more than two) referred to the Fostering Team for viability assessments" },
    Choice { value: "contingency", label: "The contingency plan for where the child will live firmed up" },
    Choice { value: "absent-parents", label: "Absent parents contacted, informed and engaged" },
    Choice { value: NONE, label: "None of these yet" },
];

const REVIEW_OUTCOMES: &[Choice] = &[
    Choice {
        value: "further-period",
        label: "A further review period: some progress, but concerns remain",
    },
    Choice {
        value: "step-down",
        label: "No longer before proceedings: progress made and the child is safeguarded",
    },
    Choice {
        value: "issue",
        label: "Apply for care proceedings now: little or no progress",
    },
    Choice {
        value: "not-yet",
        label: "The review has not been held yet",
    },
];

const QUESTIONS: &[Question] = &[
    Question {
        id: "trigger",
        text: "Why are you considering the Public Law Outline for this child?",
        hint: None,
        kind: Kind::Choice(TRIGGERS),
        missing: "Select why you are considering the Public Law Outline",
        source: REFERRAL,
    },
    Question {
        id: "immediate-action",
        text: "What did the Service Manager decide?",
        hint: Some("A child in immediate danger is referred to the Service Manager for an immediate decision on protective action."),
        kind: Kind::Choice(IMMEDIATE_ACTIONS),
        missing: "Select what the Service Manager decided",
        source: IMMEDIATE,
    },
    Question {
        id: "panel-recommendation",
        text: "What did the Service Manager Panel recommend?",
        hint: None,
        kind: Kind::Choice(RECOMMENDATIONS),
        missing: "Select what the panel recommended",
        source: RECOMMENDATION,
    },
    Question {
        id: "recommendation",
        text: "What did the manager or panel that decides on the Public Law Outline recommend?",
        hint: Some("The Care Planning Procedure \u{2013} Care Proceedings refers the child to a Service Manager Panel; use your authority's equivalent."),
        kind: Kind::Choice(RECOMMENDATIONS),
        missing: "Select what was recommended",
        source: RECOMMENDATION,
    },
    Question {
        id: "decision-meeting-on",
        text: "When is the Children's Decision Meeting?",
        hint: Some("The papers go to the panel 5 working days before it and to the attendees 3 working days before. If it has been held, enter the day it was held."),
        kind: Kind::Date,
        missing: "Enter the date of the Children's Decision Meeting",
        source: DECISION_PAPERS,
    },
    Question {
        id: "decision-meeting-papers",
        text: "Which papers have gone to the Children's Decision Meeting?",
        hint: Some("Select all that apply, or \u{201c}None of these yet\u{201d}. Where the Public Law Outline is being considered, the draft letter before proceedings must go to the panel."),
        kind: Kind::Checklist(DECISION_PAPERS_ITEMS),
        missing: "Select the papers sent, or \u{201c}None of these yet\u{201d}",
        source: DECISION_PAPERS,
    },
    Question {
        id: "decision-meeting-outcome",
        text: "What did the Children's Decision Meeting agree?",
        hint: None,
        kind: Kind::Choice(DECISION_MEETING_OUTCOMES),
        missing: "Select what the meeting agreed",
        source: DECISION_OUTCOMES,
    },
    Question {
        id: "assessments",
        text: "Which assessments did the legal advice at the meeting say are needed?",
        hint: Some("Select all that apply, or \u{201c}None of these\u{201d}. Each one needed becomes a task on the case."),
        kind: Kind::Checklist(ASSESSMENTS),
        missing: "Select the assessments needed, or \u{201c}None of these\u{201d}",
        source: DECISION_OUTCOMES,
    },
    Question {
        id: "parents-can-take-part",
        text: "Can the parents take part in the Public Law Outline and the legal process?",
        hint: Some("The panel should be clear about the parents' functioning, and whether support or an assessment is needed for them to take part."),
        kind: Kind::YesNo,
        missing: "Select yes if the parents can take part",
        source: DECISION_OUTCOMES,
    },
    Question {
        id: "recommended-on",
        text: "When was the Public Law Outline recommended?",
        hint: Some("The legal gateway or planning meeting is counted from this day."),
        kind: Kind::Date,
        missing: "Enter the date the Public Law Outline was recommended",
        source: GATEWAY,
    },
    Question {
        id: "gateway-held",
        text: "Has the legal gateway or planning meeting been held?",
        hint: Some("It considers whether the threshold for care proceedings is met and the Public Law Outline should be followed."),
        kind: Kind::YesNo,
        missing: "Select yes if the legal gateway or planning meeting has been held",
        source: GATEWAY,
    },
    Question {
        id: "gateway-on",
        text: "When was the legal gateway or planning meeting held?",
        hint: Some("The letter before proceedings is counted from this day."),
        kind: Kind::Date,
        missing: "Enter the date of the legal gateway or planning meeting",
        source: GATEWAY,
    },
    Question {
        id: "gateway-agrees",
        text: "Did the meeting agree that the Public Law Outline should be followed?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if the meeting agreed",
        source: GATEWAY,
    },
    Question {
        id: "letter-contents",
        text: "Which of these does the letter before proceedings do?",
        hint: Some("Select all that apply, or \u{201c}None of these yet\u{201d}. Anything not yet done becomes a task on the case."),
        kind: Kind::Checklist(LETTER_CONTENTS),
        missing: "Select what the letter does, or \u{201c}None of these yet\u{201d}",
        source: LETTER,
    },
    Question {
        id: "letter-sent",
        text: "Has the letter before proceedings been sent to the parents?",
        hint: Some("Where there was a legal gateway or planning meeting, no later than one week after it."),
        kind: Kind::YesNo,
        missing: "Select yes if the letter has been sent",
        source: LETTER,
    },
    Question {
        id: "letter-sent-on",
        text: "When was the letter before proceedings sent?",
        hint: None,
        kind: Kind::Date,
        missing: "Enter the date the letter was sent",
        source: LETTER,
    },
    Question {
        id: "plo-meeting",
        text: "Has the PLO meeting been held?",
        hint: Some("Chaired by a Safeguarding Team Manager, with a file note made by the local authority solicitor."),
        kind: Kind::Choice(PLO_MEETING_OPTIONS),
        missing: "Select whether the PLO meeting has been held",
        source: PLO_MEETING,
    },
    Question {
        id: "absent-decision",
        text: "What did the social workers and the local authority solicitor decide?",
        hint: Some("If the parents do not attend, they decide whether to rearrange the meeting or start care proceedings."),
        kind: Kind::Choice(ABSENT_DECISIONS),
        missing: "Select what was decided",
        source: PLO_MEETING,
    },
    Question {
        id: "plo-meeting-on",
        text: "When was the PLO meeting held?",
        hint: Some("The review, the 9-week meeting with the solicitor and the referral to prevent drift are counted from this day."),
        kind: Kind::Date,
        missing: "Enter the date of the PLO meeting",
        source: PLO_MEETING,
    },
    Question {
        id: "plo-agreed",
        text: "What was agreed at the PLO meeting?",
        hint: Some("Select all that apply, or \u{201c}None of these yet\u{201d}. Anything not yet agreed becomes a task on the case."),
        kind: Kind::Checklist(AGREED),
        missing: "Select what was agreed, or \u{201c}None of these yet\u{201d}",
        source: PLAN,
    },
    Question {
        id: "during-period",
        text: "Which of these have been done during the PLO period?",
        hint: Some("Select all that apply, or \u{201c}None of these yet\u{201d}. Anything not yet done becomes a task on the case."),
        kind: Kind::Checklist(DURING_PERIOD),
        missing: "Select what has been done, or \u{201c}None of these yet\u{201d}",
        source: PERIOD,
    },
    Question {
        id: "solicitor-meeting",
        text: "Have the social workers and the local authority solicitor met to review progress against the plan?",
        hint: Some("At 9 weeks, to discuss their position before the PLO review."),
        kind: Kind::YesNo,
        missing: "Select yes if the social workers and the solicitor have met",
        source: REVIEW,
    },
    Question {
        id: "solicitor-meeting-on",
        text: "When did the social workers and the solicitor meet?",
        hint: None,
        kind: Kind::Date,
        missing: "Enter the date the social workers and the solicitor met",
        source: REVIEW,
    },
    Question {
        id: "review-outcome",
        text: "What did the PLO review meeting decide?",
        hint: Some("Held with the parents and their advocates, usually 3 months after the PLO meeting."),
        kind: Kind::Choice(REVIEW_OUTCOMES),
        missing: "Select what the review decided",
        source: REVIEW,
    },
    Question {
        id: "review-on",
        text: "When was the PLO review meeting held?",
        hint: Some("The next review is counted from this day."),
        kind: Kind::Date,
        missing: "Enter the date of the PLO review meeting",
        source: REVIEW,
    },
    Question {
        id: "second-review-outcome",
        text: "What did the second PLO review meeting decide?",
        hint: Some("Held 3 months after the first review."),
        kind: Kind::Choice(REVIEW_OUTCOMES),
        missing: "Select what the second review decided",
        source: REVIEW,
    },
    Question {
        id: "second-review-on",
        text: "When was the second PLO review meeting held?",
        hint: None,
        kind: Kind::Date,
        missing: "Enter the date of the second PLO review meeting",
        source: REVIEW,
    },
    Question {
        id: "issued",
        text: "Have care proceedings been issued?",
        hint: Some("Issued by the court, not only decided on."),
        kind: Kind::YesNo,
        missing: "Select yes if care proceedings have been issued",
        source: ISSUE,
    },
    Question {
        id: "issue-date",
        text: "When were care proceedings issued?",
        hint: Some("The 26 weeks begin with this day. For example, 2 3 2026."),
        kind: Kind::Date,
        missing: "Enter the date care proceedings were issued",
        source: TWENTY_SIX_WEEKS,
    },
];

const OUTCOMES: &[Outcome] = &[
    Outcome {
        id: "no-plo",
        title: "Continue with the current plan",
        next_step: "The child is protected well enough by the current plan: the Public Law Outline is not followed. Keep the plan's progress under review, and come back if the child's circumstances deteriorate.",
        source: RECOMMENDATION,
    },
    Outcome {
        id: "more-information",
        title: "Bring more information to the Children's Decision Meeting",
        next_step: "The meeting needs more information or work before it can decide. Gather it and book the case back into the meeting.",
        source: DECISION_OUTCOMES,
    },
    Outcome {
        id: "await-decision-meeting",
        title: "Prepare for the Children's Decision Meeting",
        next_step: "Send the papers to the panel 5 working days before the meeting (the deadline is on the case) and to the attendees 3 working days before. Come back to record what the meeting agreed.",
        source: DECISION_PAPERS,
    },
    Outcome {
        id: "emergency-protection",
        title: "The pre-proceedings phase does not apply",
        next_step: "The child has been removed for their safety: follow the care planning procedure from care planning meeting one. Record police protection on the case; a legal planning meeting is counted from it where your procedures set one.",
        source: NOT_RELEVANT,
    },
    Outcome {
        id: "hold-gateway",
        title: "Hold the legal gateway or planning meeting",
        next_step: "Convene it to consider whether the threshold for care proceedings is met: within 7 days of the recommendation under the Care Planning Procedure \u{2013} Care Proceedings, where the case's procedures set it, the deadline is on the case. Come back to record it and the letter before proceedings.",
        source: GATEWAY,
    },
    Outcome {
        id: "strategic-lead",
        title: "Refer to the Strategic Lead for Safeguarding",
        next_step: "The legal gateway or planning meeting did not agree with the panel's recommendation: refer the matter to the Strategic Lead for Safeguarding for immediate consideration.",
        source: GATEWAY,
    },
    Outcome {
        id: "send-letter",
        title: "Send the letter before proceedings",
        next_step: "Send it once it is checked, countersigned and agreed with legal section: no later than one week after the legal meeting under the Care Planning Procedure \u{2013} Care Proceedings (where the case's procedures set it, the deadline is on the case). Come back to record it.",
        source: LETTER,
    },
    Outcome {
        id: "await-plo-meeting",
        title: "Hold the PLO meeting",
        next_step: "Hold it on the date in the letter. If the parents do not come, decide with the solicitor whether to rearrange it or start proceedings. Come back to record it.",
        source: PLO_MEETING,
    },
    Outcome {
        id: "rearrange-meeting",
        title: "Rearrange the PLO meeting",
        next_step: "Set a new date, giving the parents time to arrange a solicitor, and tell them and the solicitor. Come back to record the meeting.",
        source: PLO_MEETING,
    },
    Outcome {
        id: "plo-under-way",
        title: "The pre-proceedings period is under way",
        next_step: "The social workers and the solicitor meet at 9 weeks, the PLO review is usually 3 months after the PLO meeting, and a case still under the PLO at 6 months goes back to the panel (the Children's Decision Meeting expects pre-proceedings concluded by 4 months). Where the case's procedures set these, the dates are on the case. Come back to record the review.",
        source: REVIEW,
    },
    Outcome {
        id: "further-period",
        title: "A further review period is under way",
        next_step: "The next PLO review is due 3 months after this one, with an updated plan if needed. Come back to record it.",
        source: REVIEW,
    },
    Outcome {
        id: "step-down",
        title: "The family is no longer before proceedings",
        next_step: "Progress has been made and the child is adequately safeguarded. Tell the parents and their advocates in writing, and continue under the child's plan.",
        source: REVIEW,
    },
    Outcome {
        id: "drift-referral",
        title: "Refer the case back to the panel to prevent drift",
        next_step: "A case under the Public Law Outline for 6 months goes back to the Service Manager Panel for further consideration, to prevent drift.",
        source: DRIFT,
    },
    Outcome {
        id: "decision-meeting-drift",
        title: "Take the case back to the Children's Decision Meeting",
        next_step: "The Children's Decision Meeting tracks the PLO and expects pre-proceedings to be concluded by 4 months from its agreement: a further review period goes past that, so bring the case back to the meeting to decide whether to issue care proceedings or end the PLO.",
        source: FOUR_MONTHS,
    },
    Outcome {
        id: "prepare-to-issue",
        title: "Prepare to issue care proceedings",
        next_step: "Complete the pre-proceedings checklist and the documents needed to issue: the initial social work statement, the interim care plan, and the solicitor's allocation record and timetable. Come back to record the issue date.",
        source: ISSUE,
    },
    Outcome {
        id: "proceedings-issued",
        title: "Care proceedings are issued",
        next_step: "The 26 weeks begin with the issue date. The care proceedings tracker shows each milestone of the timetable and the week it falls in.",
        source: TWENTY_SIX_WEEKS,
    },
];

/// The pre-proceedings checklist and the documents needed to issue, as a task list.
pub const CHECKLIST: TaskList = TaskList {
    id: "pre-proceedings",
    title: "Before proceedings",
    purpose: "The work to complete before care proceedings, and the documents needed to issue them.",
    sections: &[
        Section {
            title: "Pre-proceedings checklist",
            source: BEFORE,
            items: &[
                Item { id: "assessment", title: "An up-to-date assessment", hint: None },
                Item { id: "family-meeting", title: "A family meeting to consider alternative care, and the kinship care assessment started", hint: None },
                Item { id: "previous-reports", title: "Previous reports, court orders and judgements collated", hint: Some("Such as supervision orders and section 7 or 37 reports.") },
                Item { id: "agency-materials", title: "Joint, single and interagency materials collected", hint: Some("Such as child protection conference reports, and health, education and immigration reports.") },
                Item { id: "genogram-chronology", title: "A genogram completed and the chronology of significant events updated", hint: None },
                Item { id: "letter-and-plan", title: "The letter before proceedings, the advocates meeting, and a plan agreed with the family for 3 months", hint: None },
            ],
        },
        Section {
            title: "Documents to issue proceedings",
            source: ISSUE,
            items: &[
                Item { id: "statement", title: "Initial social work statement", hint: None },
                Item { id: "interim-care-plan", title: "Interim care plan", hint: Some("Filed with the application, whether the child is to stay at home or be removed (Care Planning Guidance §3.4).") },
                Item { id: "allocation-record", title: "Allocation record and timetable for the child", hint: Some("Prepared by the local authority solicitor.") },
            ],
        },
    ],
};

pub struct PreProceedings;

impl Flow for PreProceedings {
    fn questions(&self) -> &'static [Question] {
        QUESTIONS
    }

    fn outcomes(&self) -> &'static [Outcome] {
        OUTCOMES
    }

    fn start(&self) -> &'static str {
        "trigger"
    }

    fn next(&self, question: &str, a: &Answers, profile: &str) -> Next {
        use Next::{Ask, Finish};
        let leicestershire = profile == "leicestershire";
        // Leicestershire's Children's Decision Meeting takes legal advice itself, so it has
        // no separate legal planning meeting (002 §5.3).
        let panel = || match profile {
            "leicestershire" => Ask("decision-meeting-on"),
            "local-a" => Ask("panel-recommendation"),
            _ => Ask("recommendation"),
        };
        let after_review = |outcome: Option<&str>, second: bool| match outcome {
            Some("further-period") if leicestershire => Finish("decision-meeting-drift"),
            Some("further-period") if second => Finish("drift-referral"),
            Some("further-period") => Ask("second-review-outcome"),
            Some("step-down") => Finish("step-down"),
            _ => Ask("issued"),
        };
        match question {
            "trigger" if a.choice("trigger") == Some("immediate-danger") => Ask("immediate-action"),
            "trigger" => panel(),
            "immediate-action" => match a.choice("immediate-action") {
                Some("issue") => Ask("issued"),
                Some("emergency-protection") => Finish("emergency-protection"),
                _ => panel(),
            },
            "panel-recommendation" | "recommendation" => match a.choice(question) {
                Some("plo") => Ask("recommended-on"),
                Some("issue") => Ask("issued"),
                _ => Finish("no-plo"),
            },
            "decision-meeting-on" => Ask("decision-meeting-papers"),
            "decision-meeting-papers" => Ask("decision-meeting-outcome"),
            "decision-meeting-outcome" => match a.choice(question) {
                Some("plo") => Ask("assessments"),
                Some("issue") => Ask("issued"),
                Some("more-information") => Finish("more-information"),
                Some("not-yet") => Finish("await-decision-meeting"),
                _ => Finish("no-plo"),
            },
            "assessments" => Ask("parents-can-take-part"),
            "parents-can-take-part" => Ask("letter-contents"),
            "recommended-on" => Ask("gateway-held"),
            "gateway-held" if a.yes("gateway-held") => Ask("gateway-on"),
            "gateway-held" => Finish("hold-gateway"),
            "gateway-on" => Ask("gateway-agrees"),
            "gateway-agrees" if a.yes("gateway-agrees") => Ask("letter-contents"),
            "gateway-agrees" => Finish("strategic-lead"),
            "letter-contents" => Ask("letter-sent"),
            "letter-sent" if a.yes("letter-sent") => Ask("letter-sent-on"),
            "letter-sent" => Finish("send-letter"),
            "letter-sent-on" => Ask("plo-meeting"),
            "plo-meeting" => match a.choice(question) {
                Some("held") => Ask("plo-meeting-on"),
                Some("parents-absent") => Ask("absent-decision"),
                _ => Finish("await-plo-meeting"),
            },
            "absent-decision" if a.choice(question) == Some("issue") => Ask("issued"),
            "absent-decision" => Finish("rearrange-meeting"),
            "plo-meeting-on" => Ask("plo-agreed"),
            "plo-agreed" => Ask("during-period"),
            "during-period" => Ask("solicitor-meeting"),
            "solicitor-meeting" if a.yes(question) => Ask("solicitor-meeting-on"),
            "solicitor-meeting" | "solicitor-meeting-on" => Ask("review-outcome"),
            "review-outcome" if a.choice(question) == Some("not-yet") => Finish("plo-under-way"),
            "review-outcome" => Ask("review-on"),
            "review-on" => after_review(a.choice("review-outcome"), false),
            "second-review-outcome" if a.choice(question) == Some("not-yet") => {
                Finish("further-period")
            }
            "second-review-outcome" => Ask("second-review-on"),
            "second-review-on" => after_review(a.choice("second-review-outcome"), true),
            "issued" if a.yes("issued") => Ask("issue-date"),
            "issued" => Finish("prepare-to-issue"),
            "issue-date" => Finish("proceedings-issued"),
            other => panic!("no next step after {other}"),
        }
    }
}

/// The events and tasks the answers on the current path (`path`, ending in `outcome`)
/// produce, whatever the outcome: the wizard records the phase as far as it has gone.
pub fn produced(answers: &Answers, path: &[&Question], outcome: &str) -> Produced {
    let on_path = |id: &str| path.iter().any(|q| q.id == id);
    let dated = |question: &str| answers.date(question).filter(|_| on_path(question));
    let mut out = Produced::default();
    let mut event = |id: &str, kind: EventKind, date: Option<Date>, attrs: Attrs| {
        if let Some(date) = date {
            out.events.push(Event {
                id: format!("plo-{id}"),
                kind,
                date,
                time: None,
                attrs,
            });
        }
    };
    let none = Attrs::default;
    event(
        "decision-meeting",
        EventKind::DecisionMeetingScheduled,
        dated("decision-meeting-on"),
        none(),
    );
    // Leicestershire agrees the PLO at the Children's Decision Meeting; elsewhere the
    // panel's recommendation has its own date.
    let agreed = if answers.choice("decision-meeting-outcome") == Some("plo") {
        dated("decision-meeting-on").filter(|_| on_path("decision-meeting-outcome"))
    } else {
        dated("recommended-on")
    };
    event("recommended", EventKind::PloRecommended, agreed, none());
    event(
        "gateway",
        EventKind::LegalGatewayMeetingHeld,
        dated("gateway-on"),
        none(),
    );
    event(
        "letter",
        EventKind::LetterBeforeProceedingsSent,
        dated("letter-sent-on"),
        none(),
    );
    event(
        "meeting",
        EventKind::PloMeetingHeld,
        dated("plo-meeting-on"),
        none(),
    );
    event(
        "solicitor-meeting",
        EventKind::DutyCompleted,
        dated("solicitor-meeting-on"),
        Attrs {
            rule: Some("plo-solicitor-meeting".into()),
            anchor: Some("plo-meeting".into()),
            ..none()
        },
    );
    event(
        "review-1",
        EventKind::PloReviewHeld,
        dated("review-on"),
        none(),
    );
    event(
        "review-2",
        EventKind::PloReviewHeld,
        dated("second-review-on"),
        none(),
    );
    if outcome == "step-down" {
        let last_review = dated("second-review-on").or(dated("review-on"));
        event("ended", EventKind::PreProceedingsEnded, last_review, none());
    }
    event(
        "issued",
        EventKind::ProceedingsIssued,
        dated("issue-date"),
        none(),
    );

    // Each checklist item not ticked (or, for assessments, each one needed) is a task; an
    // item ticked on the path resolves its task.
    let mut checklist =
        |question: &str, items: &[Choice], prefix: &str, label: &str, source: Citation| {
            if !on_path(question) {
                return;
            }
            let ticked = answers.checked(question);
            for item in items.iter().filter(|i| i.value != NONE) {
                let id = format!("plo-{prefix}-{}", item.value);
                if ticked.contains(&item.value) {
                    out.resolved.push(id);
                } else {
                    out.tasks.push(task(
                        id,
                        format!("{label}: {}", lower_first(item.label)),
                        source,
                    ));
                }
            }
        };
    checklist(
        "decision-meeting-papers",
        DECISION_PAPERS_ITEMS,
        "papers",
        "Papers for the Children's Decision Meeting",
        DECISION_PAPERS,
    );
    checklist(
        "letter-contents",
        LETTER_CONTENTS,
        "letter",
        "Letter before proceedings",
        LETTER,
    );
    checklist(
        "plo-agreed",
        AGREED,
        "agreed",
        "To agree after the PLO meeting",
        PLAN,
    );
    checklist(
        "during-period",
        DURING_PERIOD,
        "period",
        "During the PLO period",
        PERIOD,
    );
    if on_path("assessments") {
        for value in answers
            .checked("assessments")
            .iter()
            .filter(|v| **v != NONE)
        {
            let label = ASSESSMENTS
                .iter()
                .find(|i| i.value == *value)
                .map_or(*value, |i| i.label);
            out.tasks.push(task(
                format!("plo-assessment-{value}"),
                format!("Arrange {}", lower_first(label)),
                DECISION_OUTCOMES,
            ));
        }
    }
    if on_path("parents-can-take-part") {
        let id = "plo-parents-support".to_string();
        if answers.yes("parents-can-take-part") {
            out.resolved.push(id);
        } else {
            out.tasks.push(task(
                id,
                "Arrange the support or assessment the parents need to take part in the Public Law Outline".into(),
                DECISION_OUTCOMES,
            ));
        }
    }
    let follow_up = match outcome {
        "strategic-lead" => Some(("strategic-lead", "Refer to the Strategic Lead for Safeguarding for immediate consideration", GATEWAY)),
        "rearrange-meeting" => Some(("rearrange", "Rearrange the PLO meeting and tell the parents and the solicitor", PLO_MEETING)),
        "drift-referral" => Some(("drift-referral", "Refer the case back to the Service Manager Panel to prevent drift", DRIFT)),
        "decision-meeting-drift" => Some(("drift-referral", "Take the case back to the Children's Decision Meeting (pre-proceedings concluded by 4 months)", FOUR_MONTHS)),
        "more-information" => Some(("more-information", "Gather the information the Children's Decision Meeting asked for and book the case back in", DECISION_ROLE)),
        _ => None,
    };
    if let Some((id, title, source)) = follow_up {
        out.tasks
            .push(task(format!("plo-{id}"), title.into(), source));
    }
    out
}

fn task(id: String, title: String, source: Citation) -> Task {
    Task {
        id,
        title,
        source: Some(source.label()),
        ..Task::default()
    }
}
