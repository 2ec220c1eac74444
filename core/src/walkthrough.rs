//! Trainer mode's walkthroughs: each procedure one step per screen, with what happens, who
//! does it, the timescale under the chosen procedures and the words of the source.
//!
//! A step's timescale is read from the rule profiles (the step names its rule), so it
//! follows the procedures the trainer chooses and can never disagree with the deadlines.

use crate::rules::Profile;
use crate::sources::Citation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub what: &'static str,
    pub who: &'static str,
    /// The rule whose period this step has, if any.
    pub rule: Option<&'static str>,
    /// When, for a step without a rule ("Immediately").
    pub when: &'static str,
    pub source: Citation,
    /// The source's own words.
    pub quote: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walkthrough {
    /// In addresses; never renamed once released.
    pub id: &'static str,
    pub title: &'static str,
    pub steps: &'static [Step],
}

const fn step(
    what: &'static str,
    who: &'static str,
    rule: Option<&'static str>,
    when: &'static str,
    source: (&'static str, &'static str),
    quote: &'static str,
) -> Step {
    Step {
        what,
        who,
        rule,
        when,
        source: Citation {
            source: source.0,
            section: source.1,
        },
        quote,
    }
}

pub const ALL: &[Walkthrough] = &[
    Walkthrough {
        id: "section-20",
        title: "Section 20 admission",
        steps: &[
            step("Decide whether the child should be admitted to care", "The Strategic Lead (Safeguarding) or the Assistant Director Social Care", None, "Before admission, other than in an emergency", ("000", "Admission"), "Other than in an emergency, the decision to admit a child to care will be based on a full assessment that indicates that it is in the child\u{2019}s best interests to become Looked After."),
            step("Initial care planning meeting", "The child's social worker convenes it; a Team Manager chairs", Some("initial-care-planning-meeting"), "", ("000", "Initial care planning meeting"), "This meeting will be convened by the child\u{2019}s social worker, immediately following a decision that a child should become Looked After."),
            step("Placement planning meeting", "The Fostering Team supervising social worker", Some("placement-planning-meeting"), "", ("000", "Placement Planning Meeting"), "which will be held within 5 working days of the child being placed if it has not been possible to do so before placement."),
            step("Care plan", "The child's social worker", Some("care-plan"), "", ("004", "§3.1"), "It should be completed prior to the child/young person's first placement or, if this is impracticable within 10 working days of the child/young person's first placement."),
            step("First looked-after review", "The Independent Reviewing Officer", Some("review-1"), "", ("000", "First Statutory Review"), "will be held within 15 working days of the child coming into care."),
            step("Care planning meeting on the future plan", "The child's social worker arranges it; a Team Manager chairs", Some("s20-care-planning-meeting"), "", ("000", "Care Planning Meeting"), "no later than 13 weeks after the child\u{2019}s admission to care."),
            step("Second looked-after review", "The Independent Reviewing Officer", Some("review-2"), "", ("000", "Second Statutory Review"), "To be held within 12 weeks of the initial review (i.e. 15 weeks after the child entered care)."),
        ],
    },
    Walkthrough {
        id: "pre-proceedings",
        title: "Pre-proceedings (Public Law Outline)",
        steps: &[
            step("Refer the child to the panel", "The social worker, with the team manager", None, "When the current plan no longer protects the child", ("001", "Pre-proceedings"), "must be referred by the social worker to the Service Manager Panel for consideration."),
            step("Legal gateway or planning meeting", "Legal services and managers", Some("plo-legal-gateway-meeting"), "", ("001", "Pre-proceedings"), "A Legal Gateway/Planning meeting must be convened within 7 days of this recommendation"),
            step("Letter before proceedings", "The allocated social worker drafts it; the manager countersigns", Some("plo-letter"), "", ("001", "Letter before Proceedings"), "The letter should be sent no later than one week after the legal meeting has been held."),
            step("PLO meeting", "A Safeguarding Team Manager chairs; the local authority solicitor makes a file note", None, "On the date in the letter", ("001", "PLO meeting"), "If the parents do not attend the PLO meeting then the social workers and Local Authority solicitor must decide whether to rearrange the meeting or to initiate care proceedings at this stage."),
            step("Social workers and solicitor review progress", "The social workers and the local authority solicitor", Some("plo-solicitor-meeting"), "", ("001", "PLO review"), "The social workers and Local Authority solicitor will meet at 9 weeks to discuss their position"),
            step("PLO review meeting", "With the parents and their advocates", Some("plo-review"), "", ("001", "PLO review"), "The review date for the agreed plan will be set and in most cases will be three months from the date of the PLO meeting."),
            step("Refer back to prevent drift", "The social worker, to the panel", Some("plo-drift-referral"), "", ("001", "PLO review"), "If the case has been under the PLO for 6 months then it should be referred back to Service Manager Panel for further consideration to prevent drift."),
        ],
    },
    Walkthrough {
        id: "care-proceedings",
        title: "Care proceedings (26 weeks)",
        steps: &[
            step("Care planning meeting one", "The child's social worker convenes it; a Safeguarding Team Manager chairs", Some("initial-care-planning-meeting"), "", ("001", "Care Planning Meeting One"), "If care proceedings have been or are about to be issued the first care planning meeting should, wherever possible, be held before the First Appointment Hearing."),
            step("First looked-after review", "The Independent Reviewing Officer", Some("review-1"), "", ("001", "First Statutory Review"), "will be held within 15 working days of the child coming into care."),
            step("Care planning meeting two", "The child's social worker; a Safeguarding Team Manager chairs", Some("care-planning-meeting-2"), "", ("001", "Care Planning Meeting Two"), "not more than 5 weeks after CMC to ensure that the case is progressing as per the Court's timetable."),
            step("Care planning meeting three", "The allocated social worker; a Service Manager chairs", Some("care-planning-meeting-3"), "", ("001", "Care Planning Meeting Three"), "This will usually be at week 18 of the proceedings."),
            step("Meeting with the parents", "The social worker", None, "After care planning meeting three", ("001", "Meeting with parents"), "Following Care Planning Meeting 3 the social worker must arrange a meeting with parents to inform them of the Local Authority's proposed care plan."),
            step("Third review ratifies the final care plan", "The Independent Reviewing Officer", Some("review-3-proceedings"), "", ("001", "Third Review"), "The third review will be held at week 19 to consider, amend and ratify the Local Authority's final care plan."),
            step("Court documents to managers", "The child's social worker", Some("court-documents-to-managers"), "", ("004", "§2.3"), "Court Care Plans, the SGO court report or the CPR must be provided to managers at least 5 working days before the date of filing or submission to allow for amendments."),
            step("Proceedings disposed of", "The court", Some("proceedings-26-weeks"), "", ("001", "Scope of this chapter"), "The timescale will usually be 26 weeks unless the Court determines a different timescale."),
        ],
    },
    Walkthrough {
        id: "ceasing",
        title: "Ceasing to be looked after",
        steps: &[
            step("Complete or update the assessment", "The social worker and their practice manager", None, "Before the decision", ("003", "§10"), "The assessment should state the rationale for the plan to cease looking after the child, stating what supports and services are required."),
            step("The IRO reviews the assessment and plan", "The Independent Reviewing Officer", None, "Before the child stops being looked after", ("003", "§10"), "The IRO must review the assessment and proposed plan and where practicable, a LAC Review should take place prior to the child ceasing to be looked after"),
            step("Approval", "The nominated officer, Assistant Director or director of children's services, by the child's age and time looked after", None, "Before the decision takes effect", ("003", "§10"), "the decision to cease to Look After the child must not be put into effect until it has been approved by the Assistant Director."),
            step("Child in need plan after the return home", "An independent child in need coordinator", Some("ceasing-cin-plan"), "", ("003", "§10"), "A referral for an independent Child in Need (CIN) coordinator should be made and a CIN plan should be developed within 2 weeks of returning home"),
            step("Unplanned: assess the risk", "The social worker", Some("ceasing-risk-assessment"), "", ("003", "§10"), "If the child ceases to be looked after and this has been unplanned, an assessment of the risk should be completed within 24 hours"),
            step("Unplanned: complete or update the assessment", "The social worker", Some("ceasing-assessment-update"), "", ("003", "§10"), "and the CAFAS updated / completed within 15 working days."),
        ],
    },
];

pub fn find(id: &str) -> Option<&'static Walkthrough> {
    ALL.iter().find(|w| w.id == id)
}

/// The step's timescale under `local` (layered on `national`): the local period where the
/// procedures set one, else the national one, with its source; or the step's own words.
pub fn timescale(step: &Step, national: &Profile, local: &Profile) -> String {
    let Some(rule) = step.rule else {
        return step.when.to_string();
    };
    let timing = local.rules.get(rule).or_else(|| national.rules.get(rule));
    match timing {
        Some(t) => {
            let periods: Vec<String> = t.cases.iter().map(|c| c.timing.describe()).collect();
            format!("{} ({})", periods.join("; or "), t.source.label())
        }
        None => "Not set by these procedures".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::catalogue;

    fn profile(id: &str) -> &'static Profile {
        crate::rules::builtin_profile(id)
    }

    #[test]
    fn every_step_cites_a_known_source_and_names_a_real_rule() {
        for w in ALL {
            assert!(!w.steps.is_empty());
            for s in w.steps {
                assert!(s.source.source().is_some(), "{}: {}", w.id, s.what);
                if let Some(rule) = s.rule {
                    assert!(catalogue().iter().any(|r| r.id == rule), "{rule}");
                } else {
                    assert!(
                        !s.when.is_empty(),
                        "{}: a step without a rule says when",
                        s.what
                    );
                }
            }
        }
        assert!(find("care-proceedings").is_some() && find("nope").is_none());
    }

    #[test]
    fn the_quotes_are_the_sources_own_words() {
        let read = |id: &str| {
            let name = std::fs::read_dir("../../shared/procedures")
                .ok()
                .and_then(|dir| {
                    dir.flatten()
                        .find(|e| e.file_name().to_string_lossy().starts_with(id))
                })
                .map(|e| e.path());
            name.and_then(|p| std::fs::read_to_string(p).ok())
        };
        let mut checked = 0;
        // Every quote is from one of the five procedures, so every quote is checked.
        for w in ALL {
            for s in w.steps {
                assert!(s.source.source.starts_with('0'), "{}", s.what);
                // The shared procedures sit beside the repository; where they do not (a
                // copy of the code alone), there is nothing to check against.
                if let Some(text) = read(s.source.source) {
                    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    let quote = s.quote.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert!(
                        flat.contains(&quote),
                        "{}: \u{201c}{quote}\u{201d} is not in {}",
                        w.id,
                        s.source.source
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked == 0 || checked == ALL.iter().map(|w| w.steps.len()).sum::<usize>());
    }

    #[test]
    fn the_timescale_follows_the_chosen_procedures() {
        let w = find("section-20").unwrap();
        let review = w.steps.iter().find(|s| s.rule == Some("review-1")).unwrap();
        let national = profile("national");
        assert_eq!(
            timescale(review, national, national),
            "20 working days after (Care Planning, Placement and Case Review (England) Regulations 2010, reg 33)"
        );
        assert!(timescale(review, national, profile("local-a"))
            .starts_with("15 working days after (Care Planning Procedure \u{2013} Section 20"));
        let meeting = w
            .steps
            .iter()
            .find(|s| s.rule == Some("s20-care-planning-meeting"))
            .unwrap();
        assert_eq!(
            timescale(meeting, national, national),
            "Not set by these procedures"
        );
        let decide = &w.steps[0];
        assert_eq!(
            timescale(decide, national, national),
            "Before admission, other than in an emergency"
        );
    }
}
