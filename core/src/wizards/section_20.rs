//! The Section 20 admission wizard: from the decision to accommodate to the initial care
//! planning meeting. Source: `000` (Care Planning Procedure – Section 20), with the
//! Children's Decision Meeting of `002` §5 for Leicestershire and the Children Act 1989
//! s20 for what the law itself requires. `000` has no numbered sections, so its citations
//! quote the opening words of the passage.

use super::cite;
use super::engine::{Answers, Choice, Flow, Kind, Next, Outcome, Question, NONE};
use super::Produced;
use crate::calendar::Date;
use crate::model::{Attrs, Event, EventKind, LegalBasis, PlacementType, Task};
use crate::sources::Citation;

const ADMISSION: Citation = cite(
    "000",
    "\u{201c}When an admission to Section 20 care is considered to be necessary\u{201d}",
);
const ALTERNATIVE: Citation = cite(
    "000",
    "\u{201c}it may be decided that an alternative plan is more appropriate\u{201d}",
);
const CONSENT: Citation = cite("CA1989", "s20(7)–(8)");
const INITIAL_MEETING: Citation = cite(
    "000",
    "Initial care planning meeting: \u{201c}Has a non resident parent been made aware\u{201d}",
);
const REG_24: Citation = cite("000", "\u{201c}If a child is placed in an emergency with a family member, Fostering Services Regulation 24 applies\u{201d}");
const FGC: Citation = cite(
    "000",
    "\u{201c}The social worker will refer for a Family Group Conference\u{201d}",
);
const NO_FGC: Citation = cite(
    "000",
    "\u{201c}If a Family Group Conference is not held\u{201d}",
);
const AUTHORITY: Citation = cite("CA1989", "s20(1)");
const DECISION_MEETING: Citation = cite("002", "§5.1, §5.6 and §6.2 (Children's Decision Meeting)");
const CAPACITY: Citation = cite(
    "002",
    "§5.10 (\u{201c}the capacity of parents to agree to section 20 accommodation\u{201d})",
);

const KIND_OPTIONS: &[Choice] = &[
    Choice {
        value: "planned",
        label: "Planned",
    },
    Choice {
        value: "emergency",
        label: "An emergency",
    },
];

const AUTHORISED_LOCAL_A: &[Choice] = &[
    Choice {
        value: "strategic-lead",
        label: "The Strategic Lead (Safeguarding)",
    },
    Choice {
        value: "assistant-director",
        label: "The Assistant Director Social Care",
    },
];

const AUTHORISED_LEICESTERSHIRE: &[Choice] = &[
    Choice {
        value: "decision-meeting",
        label: "The Children's Decision Meeting",
    },
    Choice {
        value: "head-of-service",
        label: "The Head of Service, outside a meeting",
    },
];

const DECISION_OPTIONS: &[Choice] = &[
    Choice {
        value: "admit",
        label: "Admit the child to care under section 20",
    },
    Choice {
        value: "support-at-home",
        label: "Support the child to stay at home (support plan)",
    },
    Choice {
        value: "interim-care-order",
        label: "Seek an interim care order instead",
    },
];

const PLACEMENT_OPTIONS: &[Choice] = &[
    Choice {
        value: "regulation-24",
        label: "With a family member or friend (connected person, regulation 24)",
    },
    Choice {
        value: "foster",
        label: "With a mainstream foster carer",
    },
    Choice {
        value: "ifa",
        label: "With an independent fostering agency carer",
    },
    Choice {
        value: "residential",
        label: "In a children's home",
    },
];

const FGC_OPTIONS: &[Choice] = &[
    Choice {
        value: "referred",
        label: "Yes, a referral has been made",
    },
    Choice {
        value: "to-refer",
        label: "Not yet: it is to be made",
    },
    Choice {
        value: "not-held",
        label: "No, a conference will not be held",
    },
];

/// The initial care planning meeting's checklist, in the procedure's order.
pub const CHECKLIST: &[Choice] = &[
    Choice { value: "medical-forms", label: "CoramBAAF medical forms" },
    Choice { value: "contact", label: "Contact arrangements" },
    Choice { value: "family-group-meeting", label: "Family Group Meeting" },
    Choice { value: "viability-assessments", label: "Viability assessments of connected persons" },
    Choice { value: "genogram", label: "Genogram" },
    Choice { value: "parents-assessment", label: "Assessment of parents: further information required identified" },
    Choice { value: "child-assessment", label: "Assessment of the child's needs: further action identified" },
    Choice { value: "placement-planning-meeting", label: "Date of the placement planning meeting set, and who will gather the placement information record (at least a skeleton, with medical consent)" },
    Choice { value: "first-review-requested", label: "A date for the first looked-after review requested" },
    Choice { value: "initial-medical-booked", label: "An initial medical booked" },
        Choice { value: "pep-initiated", label: "A personal education plan initiated (if required)" },
    Choice { value: NONE, label: "None of these yet" },
];

const QUESTIONS: &[Question] = &[
    Question {
        id: "admission-kind",
        text: "Is this a planned admission or an emergency?",
        hint: Some("Other than in an emergency, admission must be based on a full assessment."),
        kind: Kind::Choice(KIND_OPTIONS),
        missing: "Select whether the admission is planned or an emergency",
        source: ADMISSION,
    },
    Question {
        id: "full-assessment",
        text: "Does a full assessment show that it is in the child's best interests to become looked after?",
                hint: Some("The assessment goes with the request for a decision, with what the admission is intended to achieve."),
        kind: Kind::YesNo,
        missing: "Select yes if a full assessment supports the admission",
        source: ADMISSION,
    },
    Question {
        id: "authorised-by",
        text: "Who is considering the admission?",
        hint: Some("In an emergency the Out of Hours Duty Manager refers the matter to them for authorisation."),
        kind: Kind::Choice(AUTHORISED_LOCAL_A),
        missing: "Select who is considering the admission",
        source: ADMISSION,
    },
    Question {
        id: "decision-meeting",
        text: "Who made the decision to accommodate?",
        hint: Some("The Children's Decision Meeting decides; referrals for a placement need its consideration or the Head of Service's agreement."),
        kind: Kind::Choice(AUTHORISED_LEICESTERSHIRE),
        missing: "Select who made the decision",
        source: DECISION_MEETING,
    },
    Question {
        id: "authorised-by-name",
        text: "Who authorised the admission?",
        hint: Some("Their name and role, as your authority's scheme of delegation requires."),
        kind: Kind::Text,
        missing: "Enter who authorised the admission",
        source: AUTHORITY,
    },
    Question {
        id: "decision",
        text: "What was decided?",
        hint: None,
        kind: Kind::Choice(DECISION_OPTIONS),
        missing: "Select what was decided",
        source: ALTERNATIVE,
    },
    Question {
        id: "pr-objects",
        text: "Does anyone with parental responsibility object to the child being accommodated?",
        hint: Some("Only an objection from someone with parental responsibility who is willing and able to provide or arrange accommodation for the child stops accommodation under section 20."),
        kind: Kind::YesNo,
        missing: "Select yes if someone with parental responsibility objects",
        source: CONSENT,
    },
    Question {
        id: "parents-capacity",
        text: "Do the parents agreeing to the accommodation have the capacity to do so?",
        hint: Some("Their agreement must be informed and freely given."),
        kind: Kind::YesNo,
        missing: "Select yes if the parents have capacity to agree",
        source: CAPACITY,
    },
    Question {
        id: "non-resident-parent",
        text: "Is there a parent who does not live with the child?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if there is a non-resident parent",
        source: INITIAL_MEETING,
    },
    Question {
        id: "nrp-aware",
        text: "Has the non-resident parent been made aware, and do they want to be involved?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if the non-resident parent has been made aware",
        source: INITIAL_MEETING,
    },
    Question {
        id: "nrp-pr",
        text: "Does the non-resident parent have parental responsibility?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if the non-resident parent has parental responsibility",
        source: INITIAL_MEETING,
    },
    Question {
        id: "nrp-legal-advice",
        text: "Has the non-resident parent been advised to seek legal advice?",
        hint: None,
        kind: Kind::YesNo,
        missing: "Select yes if they have been advised to seek legal advice",
        source: INITIAL_MEETING,
    },
    Question {
        id: "nrp-safe-home",
        text: "Can the non-resident parent offer a safe home instead of the child being looked after?",
        hint: Some("If so, the child should be placed with that parent as soon as is practicable."),
        kind: Kind::YesNo,
        missing: "Select yes if the non-resident parent can offer a safe home",
        source: INITIAL_MEETING,
    },
    Question {
        id: "admitted-at",
        text: "When did the child start to be looked after?",
        hint: Some("The date and time the child was placed, for example 27 3 2026 at 17:30."),
        kind: Kind::DateTime,
        missing: "Enter the date the child started to be looked after",
        source: ADMISSION,
    },
    Question {
        id: "placement",
        text: "Where is the child placed?",
        hint: None,
        kind: Kind::Choice(PLACEMENT_OPTIONS),
        missing: "Select where the child is placed",
        source: INITIAL_MEETING,
    },
    Question {
        id: "reg-24-authorised",
                text: "Has the placement with the family member been authorised?",
        hint: Some("The Care Planning Procedure – Section 20 has the Strategic Lead (Safeguarding) authorise it."),
        kind: Kind::YesNo,
        missing: "Select yes if the placement has been authorised",
        source: REG_24,
    },
    Question {
        id: "reg-24-referred",
        text: "Has the connected person been referred to the Fostering Service for assessment?",
        hint: Some("The referral must be made immediately."),
        kind: Kind::YesNo,
        missing: "Select yes if the referral has been made",
        source: REG_24,
    },
    Question {
        id: "family-group-conference",
        text: "Has the child's family been referred for a Family Group Conference?",
        hint: Some("It helps extended family contribute to the plan, and a contingency plan."),
        kind: Kind::Choice(FGC_OPTIONS),
        missing: "Select whether a Family Group Conference referral has been made",
        source: FGC,
    },
    Question {
        id: "no-fgc-reason",
        text: "Why will a Family Group Conference not be held?",
        hint: Some("Recorded at the planning meeting, with how information about the family and connected persons will be gathered early."),
        kind: Kind::Text,
        missing: "Enter why a Family Group Conference will not be held",
        source: NO_FGC,
    },
    Question {
        id: "initial-meeting",
        text: "Which of these has the initial care planning meeting covered?",
                hint: Some("Select all that apply, or \u{201c}None of these yet\u{201d}. Anything not yet covered becomes a task on the case."),
        kind: Kind::Checklist(CHECKLIST),
                missing: "Select what the meeting has covered, or \u{201c}None of these yet\u{201d}",
        source: INITIAL_MEETING,
    },
];

const OUTCOMES: &[Outcome] = &[
    Outcome {
        id: "admitted",
        title: "The child is looked after under section 20",
        next_step: "The case is created with its events and tasks; its deadlines start from the admission.",
        source: ADMISSION,
    },
    Outcome {
        id: "assessment-first",
        title: "Complete a full assessment first",
                next_step: "Other than in an emergency, the decision to admit must be based on a full assessment that shows it is in the child's best interests. Send it, with what the admission is intended to achieve, to whoever decides on admissions.",
        source: ADMISSION,
    },
    Outcome {
        id: "support-plan",
        title: "Put a support plan in place",
        next_step: "The child is to be supported to remain at home: put a support plan in place. Nothing is recorded as an admission.",
        source: ALTERNATIVE,
    },
    Outcome {
        id: "care-proceedings",
        title: "Convene a legal gateway or planning meeting",
        next_step: "An interim care order is more appropriate: convene a legal gateway/planning meeting and follow the Care Planning Procedure – Care Proceedings (the pre-proceedings wizard).",
        source: ALTERNATIVE,
    },
    Outcome {
        id: "no-consent",
        title: "The child cannot be accommodated under section 20",
                next_step: "While someone with parental responsibility who is willing and able to provide or arrange accommodation objects, or without the parents' capacity to agree, the child cannot be accommodated under section 20 (unless the child is 16 or 17 and agrees, s20(11)). Seek legal advice and consider whether an order is needed (the pre-proceedings wizard).",
        source: CONSENT,
    },
    Outcome {
        id: "place-with-parent",
        title: "Place the child with the non-resident parent",
                next_step: "The non-resident parent can offer a safe home: the child should be placed with them as soon as is practicable, rather than being looked after. If the child has already been placed in an emergency, record that on the case and plan the move.",
        source: INITIAL_MEETING,
    },
];

pub struct Section20;

impl Flow for Section20 {
    fn questions(&self) -> &'static [Question] {
        QUESTIONS
    }

    fn outcomes(&self) -> &'static [Outcome] {
        OUTCOMES
    }

    fn start(&self) -> &'static str {
        "admission-kind"
    }

    fn next(&self, question: &str, a: &Answers, profile: &str) -> Next {
        use Next::{Ask, Finish};
        let authorisation = || match profile {
            "local-a" => Ask("authorised-by"),
            "leicestershire" => Ask("decision-meeting"),
            _ => Ask("authorised-by-name"),
        };
        match question {
            "admission-kind" if a.choice("admission-kind") == Some("planned") => {
                Ask("full-assessment")
            }
            "admission-kind" => authorisation(),
            "full-assessment" if a.yes("full-assessment") => authorisation(),
            "full-assessment" => Finish("assessment-first"),
            "authorised-by" | "decision-meeting" | "authorised-by-name" => Ask("decision"),
            "decision" => match a.choice("decision") {
                Some("support-at-home") => Finish("support-plan"),
                Some("interim-care-order") => Finish("care-proceedings"),
                _ => Ask("non-resident-parent"),
            },
            // The non-resident parent first: whether they have parental responsibility
            // bears on who may object.
            "non-resident-parent" if a.yes("non-resident-parent") => Ask("nrp-aware"),
            "non-resident-parent" => Ask("pr-objects"),
            "nrp-aware" => Ask("nrp-pr"),
            "nrp-pr" => Ask("nrp-legal-advice"),
            "nrp-legal-advice" => Ask("nrp-safe-home"),
            "nrp-safe-home" if a.yes("nrp-safe-home") => Finish("place-with-parent"),
            "nrp-safe-home" => Ask("pr-objects"),
            "pr-objects" if a.yes("pr-objects") => Finish("no-consent"),
            "pr-objects" => Ask("parents-capacity"),
            "parents-capacity" if a.yes("parents-capacity") => Ask("admitted-at"),
            "parents-capacity" => Finish("no-consent"),
            "admitted-at" => Ask("placement"),
            "placement" if a.choice("placement") == Some("regulation-24") => {
                Ask("reg-24-authorised")
            }
            "placement" => Ask("family-group-conference"),
            "reg-24-authorised" => Ask("reg-24-referred"),
            "reg-24-referred" => Ask("family-group-conference"),
            "family-group-conference"
                if a.choice("family-group-conference") == Some("not-held") =>
            {
                Ask("no-fgc-reason")
            }
            "family-group-conference" | "no-fgc-reason" => Ask("initial-meeting"),
            "initial-meeting" => Finish("admitted"),
            other => panic!("no next step after {other}"),
        }
    }
}

/// What an "admitted" outcome writes into the case: the admission's events, a task for
/// everything still to do, each with its source, and the tasks the answers show done.
pub fn admission(a: &Answers) -> Option<Produced> {
    let date = a.date("admitted-at")?;
    let time = a.time("admitted-at");
    let emergency = a.choice("admission-kind") == Some("emergency");
    let placement = match a.choice("placement")? {
        "regulation-24" => PlacementType::ConnectedPerson,
        "ifa" => PlacementType::Ifa,
        "residential" => PlacementType::Residential,
        _ => PlacementType::Foster,
    };
    let event = |id: &str, kind: EventKind, attrs: Attrs| Event {
        id: format!("s20-{id}"),
        kind,
        date,
        time,
        attrs,
    };
    let mut events = vec![
        event("decision", EventKind::DecisionToLookAfter, Attrs::default()),
        event(
            "looked-after",
            EventKind::BecameLookedAfter,
            Attrs {
                basis: Some(LegalBasis::S20),
                ..Attrs::default()
            },
        ),
        event(
            "placement",
            EventKind::PlacementStarted,
            Attrs {
                placement: Some(placement),
                emergency,
                ..Attrs::default()
            },
        ),
    ];
    // Temporary approval (and its 16 weeks) only once the placement is authorised.
    if placement == PlacementType::ConnectedPerson && a.yes("reg-24-authorised") {
        events.push(event(
            "connected-person",
            EventKind::ConnectedPersonApproved,
            Attrs::default(),
        ));
    }

    let task = |id: &str, title: String, source: Citation, due: Option<Date>| Task {
        id: format!("s20-{id}"),
        title,
        due,
        done: None,
        rule: None,
        source: Some(source.label()),
        started: None,
    };
    let mut tasks = Vec::new();
    let mut resolved = Vec::new();
    // A step done (answered yes) resolves its task; one not done is a task.
    let mut step = |done: bool, task: Task| {
        if done {
            resolved.push(task.id);
        } else {
            tasks.push(task);
        }
    };
    if placement == PlacementType::ConnectedPerson {
        step(
            a.yes("reg-24-authorised"),
            task(
                "reg-24-authorise",
                "Get the placement with the family member authorised".into(),
                REG_24,
                Some(date),
            ),
        );
        step(
            a.yes("reg-24-referred"),
            task(
                "reg-24-refer",
                "Refer the connected person to the Fostering Service for assessment".into(),
                REG_24,
                Some(date),
            ),
        );
    }
    if a.yes("non-resident-parent") {
        step(
            a.yes("nrp-aware"),
            task(
                "nrp-aware",
                "Make the non-resident parent aware, and ask whether they want to be involved"
                    .into(),
                INITIAL_MEETING,
                None,
            ),
        );
        step(
            a.yes("nrp-legal-advice"),
            task(
                "nrp-legal-advice",
                "Advise the non-resident parent to seek legal advice".into(),
                INITIAL_MEETING,
                None,
            ),
        );
    }
    let fgc = task(
        "fgc",
        "Refer the family for a Family Group Conference".into(),
        FGC,
        None,
    );
    match a.choice("family-group-conference") {
        Some("to-refer") => tasks.push(fgc),
        Some("referred") => resolved.push(fgc.id),
        Some("not-held") => tasks.push(task(
            "family-information",
            "Plan how information about family relationships and connected persons will be gathered early".into(),
            NO_FGC,
            None,
        )),
        _ => {}
    }
    let covered = a.checked("initial-meeting");
    for item in CHECKLIST.iter().filter(|i| i.value != NONE) {
        let task = task(item.value, item.label.to_string(), INITIAL_MEETING, None);
        if covered.contains(&item.value) {
            resolved.push(task.id);
        } else {
            tasks.push(task);
        }
    }
    Some(Produced {
        events,
        tasks,
        resolved,
    })
}
