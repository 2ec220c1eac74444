use super::*;
use crate::calendar::{Counting, Period};

fn profiles() -> &'static [Profile] {
    builtin_profiles()
}

fn profile(id: &str) -> &'static Profile {
    profiles().iter().find(|p| p.id == id).unwrap()
}

fn single(profile: &Profile, rule: &str) -> Timing {
    let timing = &profile.rules[rule];
    assert_eq!(timing.cases.len(), 1, "{rule} has one period");
    timing.cases[0].timing.clone()
}

fn after(period: Period) -> Timing {
    Timing::After {
        period,
        counting: Counting::After,
    }
}

#[test]
fn the_catalogue_has_every_rule_once() {
    let rules = catalogue();
    assert_eq!(rules.len(), 41);
    for (i, rule) in rules.iter().enumerate() {
        assert!(
            rules[i + 1..].iter().all(|r| r.id != rule.id),
            "{} twice",
            rule.id
        );
        assert!(
            !rule.due.is_empty() && !rule.anchor.is_empty(),
            "{}",
            rule.id
        );
        // Every anchor is either events or another rule, which must exist and come first.
        match &rule.from.rule {
            Some(other) => {
                assert!(rule.from.events.is_empty(), "{}", rule.id);
                assert!(
                    rules[..i].iter().any(|r| r.id == *other),
                    "{} depends on {other}, not before it",
                    rule.id
                );
            }
            None => assert!(!rule.from.events.is_empty(), "{} has no anchor", rule.id),
        }
        // Occurrences are counted from 1.
        assert_ne!(rule.from.nth, Some(0), "{}", rule.id);
        assert_ne!(
            rule.done_by.as_ref().and_then(|d| d.nth),
            Some(0),
            "{}",
            rule.id
        );
    }
}

#[test]
fn the_five_builtin_profiles_are_valid() {
    for text in BUILTIN_PROFILES {
        if let Err(problems) = parse_profile(text, catalogue()) {
            panic!("{problems:#?}");
        }
    }
    let ids: Vec<&str> = profiles().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "national",
            "local-a",
            "leicestershire",
            "salford",
            "local-d"
        ]
    );
}

#[test]
fn every_rule_is_used_by_some_profile() {
    let profiles = profiles();
    for rule in catalogue() {
        assert!(
            profiles.iter().any(|p| p.rules.contains_key(&rule.id)),
            "{} is in no profile",
            rule.id
        );
    }
}

#[test]
fn every_source_names_a_document() {
    for profile in profiles() {
        for (id, timing) in &profile.rules {
            assert!(
                crate::sources::find(&timing.source.document).is_some(),
                "{}/{id}",
                profile.id
            );
        }
    }
}

#[test]
fn national_periods_are_those_of_the_law() {
    let national = profile("national");
    assert_eq!(
        single(national, "care-plan"),
        after(Period::WorkingDays(10))
    );
    assert_eq!(
        single(national, "placement-plan"),
        after(Period::WorkingDays(5))
    );
    assert_eq!(single(national, "review-1"), after(Period::WorkingDays(20)));
    assert_eq!(single(national, "review-2"), after(Period::Months(3)));
    assert_eq!(single(national, "review-next"), after(Period::Months(6)));
    assert_eq!(single(national, "visit-first"), after(Period::Weeks(1)));
    assert_eq!(
        single(national, "connected-person-approval-expiry"),
        after(Period::Weeks(16))
    );
    assert_eq!(
        single(national, "contact-refusal-ends"),
        after(Period::Days(7))
    );
    assert_eq!(
        single(national, "proceedings-26-weeks"),
        Timing::After {
            period: Period::Weeks(26),
            counting: Counting::BeginningWith
        }
    );
    assert_eq!(
        single(national, "health-assessment-initial"),
        Timing::SameAs {
            rule: "review-1".into()
        }
    );
    let health = &national.rules["health-assessment-review"].cases;
    assert_eq!(
        (health[0].when.as_slice(), &health[0].timing),
        (&[Condition::Under5][..], &after(Period::Months(6)))
    );
    assert_eq!(
        (health[1].when.as_slice(), &health[1].timing),
        (&[][..], &after(Period::Months(12)))
    );
    assert_eq!(
        national.rules["review-1"].source,
        SourceRef {
            document: "CPPCR".into(),
            section: "reg 33".into()
        }
    );
}

#[test]
fn local_periods_are_those_of_their_procedures() {
    let local_a = profile("local-a");
    assert_eq!(single(local_a, "review-1"), after(Period::WorkingDays(15)));
    assert_eq!(single(local_a, "review-2"), after(Period::Weeks(12)));
    assert_eq!(
        single(local_a, "initial-care-planning-meeting"),
        after(Period::WorkingDays(1))
    );
    assert_eq!(
        single(local_a, "care-planning-meeting-3"),
        Timing::After {
            period: Period::Weeks(18),
            counting: Counting::BeginningWith
        }
    );
    let leicestershire = profile("leicestershire");
    assert_eq!(
        single(leicestershire, "plo-drift-referral"),
        after(Period::Months(4))
    );
    assert_eq!(
        single(leicestershire, "decision-meeting-papers"),
        Timing::Before {
            period: Period::WorkingDays(5)
        }
    );
    let salford = profile("salford");
    assert_eq!(
        single(salford, "placement-planning-meeting"),
        after(Period::Hours(72))
    );
    assert_eq!(
        single(salford, "permanency-planning-meeting"),
        Timing::DayBefore {
            rule: "review-2".into()
        }
    );
    assert_eq!(
        salford.rules["visit-next"].cases[0].when,
        [Condition::Aged16OrOver]
    );
    let local_d = profile("local-d");
    assert_eq!(single(local_d, "sgo-report"), after(Period::Weeks(12)));
    // Rules the local documents do not state are left to the national profile.
    assert!(!local_d.rules.contains_key("review-1"));
}

fn problems(text: &str) -> Vec<String> {
    parse_profile(text, catalogue())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_bad_file_gets_every_problem_with_its_place() {
    let text = r#"{
        "format": "care-planner-profile",
        "version": 1,
        "id": "my-council",
        "name": "My Council",
        "colour": "blue",
        "rules": {
            "review-1": { "period": "15 workdays", "source": "CPPCR reg 33" },
            "review-9": { "period": "1 week", "source": "CPPCR" },
            "visit-next": { "cases": [{ "when": ["teenager"], "period": "8 weeks" }], "source": "003 §9" },
            "care-plan": { "period": "10 working days", "source": "MYDOC §3" },
            "sgo-report": { "period": "by sgo-report", "source": "004 §3.7" },
            "placement-plan": { "source": "CPPCR reg 9" }
        }
    }"#;
    assert_eq!(
        problems(text),
        [
            "colour: is not a field of a profile; the fields here are: format, version, id, name, documents, rules, ceasing",
            "rules › care-plan › source: starts with \"MYDOC\", which is not a document: start with one of CA1989, CPPCR, 000, 001, 002, 003, 004 or an id from \"documents\"",
            "rules › placement-plan: has neither \"period\" nor \"cases\"",
            "rules › review-1 › period: \"workdays\" is not a unit: use working days, days, weeks, months or hours",
            "rules › review-9: is not a rule id of the catalogue (see docs/rule-profiles.md)",
            "rules › sgo-report › period: cannot depend on the rule itself",
            "rules › visit-next › cases › 1 › when: \"teenager\" is not a condition; the conditions are: under-5, aged-16-or-over, first-year-of-placement, long-term-foster, intended-until-18, connected-person-temporary-approval, interim-care-order-at-home, before-first-review, after-police-protection",
        ]
    );
}

#[test]
fn a_file_that_is_not_a_profile_says_so() {
    assert_eq!(
        problems("not json"),
        ["This is not a readable JSON file (line 1, column 2)."]
    );
    assert_eq!(problems("[]"), ["must be an object ({ … })"]);
    let newer =
        r#"{"format": "care-planner-profile", "version": 2, "id": "x", "name": "X", "rules": {}}"#;
    assert_eq!(
        problems(newer),
        ["version: is 2; this version of Care Planner reads version 1"]
    );
    let other =
        r#"{"format": "care-planner-cases", "version": 1, "id": "x", "name": "X", "rules": {}}"#;
    assert_eq!(
        problems(other),
        ["format: is \"care-planner-cases\"; a profile file says \"care-planner-profile\""]
    );
    let big = " ".repeat(MAX_BYTES + 1);
    assert_eq!(
        problems(&big),
        ["The file is 1024 KB; a profile file must be at most 1024 KB."]
    );
}

#[test]
fn an_authority_can_cite_its_own_documents() {
    let text = r#"{
        "format": "care-planner-profile", "version": 1, "id": "my-council", "name": "My Council",
        "documents": [{ "id": "MC-7", "title": "My Council children looked after procedure" }],
        "rules": { "review-1": { "period": "10 working days", "source": "MC-7 §4.2" } }
    }"#;
    let profile = import_profile(text, catalogue(), &["national", "salford"]).unwrap();
    assert_eq!(
        profile.rules["review-1"].source,
        SourceRef {
            document: "MC-7".into(),
            section: "§4.2".into()
        }
    );
    assert_eq!(
        profile.documents[0].title,
        "My Council children looked after procedure"
    );
}

#[test]
fn importing_never_replaces_a_profile_in_use() {
    let salford = BUILTIN_PROFILES[3];
    let problems = import_profile(salford, catalogue(), &["national", "salford"]).unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "id: \"salford\" is already the id of a profile on this device; choose another"
    );
}

#[test]
fn ceasing_routes_are_read_and_checked() {
    use crate::rules::{Review, Situation};
    let national = profile("national");
    assert_eq!(national.ceasing.len(), 4, "national says every situation");
    let salford = profile("salford");
    let aged = &salford.ceasing[&Situation::Aged16Or17];
    assert!(aged
        .approver
        .as_deref()
        .unwrap()
        .starts_with("The Strategic Director"));
    assert_eq!(aged.review, Some(Review::Required));
    assert_eq!(aged.source.document, "003");
    let leicestershire = profile("leicestershire");
    let under_16 = &leicestershire.ceasing[&Situation::S20Under16];
    assert_eq!(
        (under_16.approver.as_deref(), under_16.review),
        (None, Some(Review::Required))
    );
    assert_eq!(
        under_16.notify.as_deref(),
        Some("The Director of Children's Services")
    );

    let text = r#"{
        "format": "care-planner-profile", "version": 1, "id": "x", "name": "X", "rules": {},
        "ceasing": {
            "teenager": { "approver": "Someone", "source": "CPPCR reg 39" },
            "s20-under-16": { "review": "sometimes", "source": "CPPCR reg 39" },
            "aged-16-or-17": { "source": "CPPCR reg 39" },
            "care-order": { "approver": "The court", "colour": "red", "source": "NOPE 1" }
        }
    }"#;
    assert_eq!(
        problems(text),
        [
            "ceasing › aged-16-or-17: says nothing: give \"approver\", \"review\", \"notify\" or \"return_home\"",
            "ceasing › care-order › colour: is not a field of a profile; the fields here are: approver, review, notify, return_home, source",
            "ceasing › care-order › source: starts with \"NOPE\", which is not a document: start with one of CA1989, CPPCR, 000, 001, 002, 003, 004 or an id from \"documents\"",
            "ceasing › s20-under-16 › review: must be \"required\" or \"where practicable\"",
            "ceasing › teenager: is not a situation; the situations are: care-order, s20-under-20-working-days, s20-under-16, aged-16-or-17",
        ]
    );
}
