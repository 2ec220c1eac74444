use serde::{Deserialize, Serialize};

use crate::calendar::{Date, Time};

/// One thing that happened (or is scheduled) in a case. In files its attributes sit beside
/// its kind and date, and only those that are set are written (see `EventRecord`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "EventRecord", into = "EventRecord")]
pub struct Event {
    /// Stable within the case: rule instances, and so calendar UIDs, are keyed on it.
    pub id: String,
    pub kind: EventKind,
    pub date: Date,
    /// Needed for hour limits (police protection, placement planning meeting, risk assessment).
    pub time: Option<Time>,
    pub attrs: Attrs,
}

/// What else an event says; which fields apply depends on its kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attrs {
    /// `became_looked_after`: the legal basis.
    pub basis: Option<LegalBasis>,
    /// `placement_started`: the type of placement.
    pub placement: Option<PlacementType>,
    /// `placement_started`: an emergency placement.
    pub emergency: bool,
    /// `placement_started`: a long-term foster placement the child agrees to.
    pub long_term: bool,
    /// `placement_started`: intended to last until the child is 18.
    pub until_18: bool,
    /// `ceased_looked_after`: planned (true) or unplanned (false).
    pub planned: Option<bool>,
    /// `extension_granted`, `connected_person_extended`: its length in weeks.
    pub weeks: Option<u32>,
    /// `duty_completed`: the rule id whose duty was done.
    pub rule: Option<String>,
    /// `duty_completed`: the id of the event the duty was counted from, where known.
    pub anchor: Option<String>,
}

impl Event {
    /// What else the event records, in words: "at 17:30", "Foster care", "emergency".
    pub fn details(&self) -> Vec<String> {
        let a = &self.attrs;
        let mut out = Vec::new();
        if let Some(time) = self.time {
            out.push(format!("at {time}"));
        }
        if let Some(basis) = a.basis {
            out.push(basis.label().to_string());
        }
        if let Some(placement) = a.placement {
            out.push(placement.label().to_string());
        }
        for (flag, text) in [
            (a.emergency, "emergency"),
            (a.long_term, "long-term"),
            (a.until_18, "until 18"),
        ] {
            if flag {
                out.push(text.to_string());
            }
        }
        match a.planned {
            Some(true) => out.push("planned".into()),
            Some(false) => out.push("unplanned".into()),
            None => {}
        }
        if let Some(weeks) = a.weeks {
            out.push(format!("{weeks} weeks"));
        }
        if let Some(rule) = &a.rule {
            out.push(format!("duty: {rule}"));
        }
        out
    }
}

/// An event as written in a case file: flat, with unset attributes left out, and any
/// unknown field refused rather than silently dropped.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventRecord {
    id: String,
    kind: EventKind,
    date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    basis: Option<LegalBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    placement: Option<PlacementType>,
    #[serde(default, skip_serializing_if = "is_false")]
    emergency: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    long_term: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    until_18: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    planned: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weeks: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    anchor: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl TryFrom<EventRecord> for Event {
    type Error = String;
    fn try_from(r: EventRecord) -> Result<Event, String> {
        if r.id.trim().is_empty() {
            return Err("the event has an empty \"id\"".into());
        }
        Ok(Event {
            id: r.id,
            kind: r.kind,
            date: r.date,
            time: r.time,
            attrs: Attrs {
                basis: r.basis,
                placement: r.placement,
                emergency: r.emergency,
                long_term: r.long_term,
                until_18: r.until_18,
                planned: r.planned,
                weeks: r.weeks,
                rule: r.rule,
                anchor: r.anchor,
            },
        })
    }
}

impl From<Event> for EventRecord {
    fn from(e: Event) -> EventRecord {
        let a = e.attrs;
        EventRecord {
            id: e.id,
            kind: e.kind,
            date: e.date,
            time: e.time,
            basis: a.basis,
            placement: a.placement,
            emergency: a.emergency,
            long_term: a.long_term,
            until_18: a.until_18,
            planned: a.planned,
            weeks: a.weeks,
            rule: a.rule,
            anchor: a.anchor,
        }
    }
}

macro_rules! names {
    ($type:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, serde::Serialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $type { $($variant),* }

        impl TryFrom<String> for $type {
            type Error = String;
            fn try_from(name: String) -> Result<$type, String> {
                $type::from_name(&name).ok_or_else(|| format!("\"{name}\" is not a known {}", stringify!($type)))
            }
        }

        impl From<$type> for &'static str {
            fn from(value: $type) -> &'static str {
                value.name()
            }
        }

        impl $type {
            pub const ALL: &'static [$type] = &[$($type::$variant),*];

            /// Position in `ALL`, for tables indexed by kind.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The name used in files and rule definitions.
            pub fn name(self) -> &'static str {
                match self { $($type::$variant => $name),* }
            }

            pub fn from_name(name: &str) -> Option<$type> {
                match name { $($name => Some($type::$variant),)* _ => None }
            }
        }
    };
}

names!(EventKind {
    DecisionToLookAfter = "decision_to_look_after",
    BecameLookedAfter = "became_looked_after",
    PlacementStarted = "placement_started",
    PlacementEnded = "placement_ended",
    ReviewScheduled = "review_scheduled",
    ReviewHeld = "review_held",
    VisitMade = "visit_made",
    HealthAssessmentDone = "health_assessment_done",
    ConnectedPersonApproved = "connected_person_approved",
    ConnectedPersonExtended = "connected_person_extended",
    PloRecommended = "plo_recommended",
    LegalGatewayMeetingHeld = "legal_gateway_meeting_held",
    LetterBeforeProceedingsSent = "letter_before_proceedings_sent",
    PloMeetingHeld = "plo_meeting_held",
    PloReviewHeld = "plo_review_held",
    ProceedingsIssued = "proceedings_issued",
    FirstAppointmentHearingScheduled = "first_appointment_hearing_scheduled",
    CaseManagementHearingHeld = "case_management_hearing_held",
    CarePlanningMeetingHeld = "care_planning_meeting_held",
    FilingDateSet = "filing_date_set",
    ExtensionGranted = "extension_granted",
    ProceedingsConcluded = "proceedings_concluded",
    SgoNoticeReceived = "sgo_notice_received",
    StabilityConcernRaised = "stability_concern_raised",
    ContactRefused = "contact_refused",
    PoliceProtectionStarted = "police_protection_started",
    DecisionMeetingScheduled = "decision_meeting_scheduled",
    FamilyMeetingRequested = "family_meeting_requested",
    FinalCarePlanAgreed = "final_care_plan_agreed",
    CeasedLookedAfter = "ceased_looked_after",
    ReturnedHome = "returned_home",
    // Added to the catalogue's list: a duty done that no other event records.
    DutyCompleted = "duty_completed",
    // Added: a PLO review decided the family is no longer before proceedings.
    PreProceedingsEnded = "pre_proceedings_ended",
});

names!(LegalBasis {
    S20 = "s20",
    PoliceProtection = "police_protection",
    EmergencyProtectionOrder = "emergency_protection_order",
    InterimCareOrder = "interim_care_order",
    CareOrder = "care_order",
    PlacementOrder = "placement_order",
});

names!(PlacementType {
    Foster = "foster",
    ConnectedPerson = "connected_person",
    Ifa = "ifa",
    Residential = "residential",
    WithParent = "with_parent",
    SemiIndependent = "semi_independent",
    Secure = "secure",
    Custody = "custody",
});

impl EventKind {
    /// As shown to practitioners: "Placement started".
    pub fn label(self) -> &'static str {
        use EventKind::*;
        match self {
            DecisionToLookAfter => "Decision to look after",
            BecameLookedAfter => "Became looked after",
            PlacementStarted => "Placement started",
            PlacementEnded => "Placement ended",
            ReviewScheduled => "Review scheduled",
            ReviewHeld => "Review held",
            VisitMade => "Visit made",
            HealthAssessmentDone => "Health assessment done",
            ConnectedPersonApproved => "Connected person approved (temporary)",
            ConnectedPersonExtended => "Connected person approval extended",
            PloRecommended => "PLO recommended",
            LegalGatewayMeetingHeld => "Legal gateway meeting held",
            LetterBeforeProceedingsSent => "Letter before proceedings sent",
            PloMeetingHeld => "PLO meeting held",
            PloReviewHeld => "PLO review held",
            ProceedingsIssued => "Proceedings issued",
            FirstAppointmentHearingScheduled => "First appointment hearing scheduled",
            CaseManagementHearingHeld => "Case management hearing held",
            CarePlanningMeetingHeld => "Care planning meeting held",
            FilingDateSet => "Filing date set",
            ExtensionGranted => "Extension granted",
            ProceedingsConcluded => "Proceedings concluded",
            SgoNoticeReceived => "Special guardianship notice received",
            StabilityConcernRaised => "Stability concern raised",
            ContactRefused => "Contact refused",
            PoliceProtectionStarted => "Police protection started",
            DecisionMeetingScheduled => "Decision meeting scheduled",
            FamilyMeetingRequested => "Family meeting requested",
            FinalCarePlanAgreed => "Final care plan agreed",
            CeasedLookedAfter => "Ceased to be looked after",
            ReturnedHome => "Returned home",
            DutyCompleted => "Duty completed",
            PreProceedingsEnded => "Pre-proceedings ended (stepped down)",
        }
    }

    /// Kinds whose time of day matters (hour limits): the form asks for a time.
    pub fn needs_time(self) -> bool {
        matches!(
            self,
            EventKind::PlacementStarted
                | EventKind::PoliceProtectionStarted
                | EventKind::CeasedLookedAfter
        )
    }
}

impl PlacementType {
    /// As shown to practitioners.
    pub fn label(self) -> &'static str {
        match self {
            PlacementType::Foster => "Foster care",
            PlacementType::ConnectedPerson => "Connected person (family or friend)",
            PlacementType::Ifa => "Independent fostering agency",
            PlacementType::Residential => "Residential (children's home)",
            PlacementType::WithParent => "With a parent",
            PlacementType::SemiIndependent => "Semi-independent",
            PlacementType::Secure => "Secure",
            PlacementType::Custody => "Custody",
        }
    }
}

impl LegalBasis {
    /// As shown to practitioners.
    pub fn label(self) -> &'static str {
        match self {
            LegalBasis::S20 => "Accommodated (section 20)",
            LegalBasis::PoliceProtection => "Police protection",
            LegalBasis::EmergencyProtectionOrder => "Emergency protection order",
            LegalBasis::InterimCareOrder => "Interim care order",
            LegalBasis::CareOrder => "Care order",
            LegalBasis::PlacementOrder => "Placement order",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::from_name(kind.name()), Some(*kind));
        }
        assert_eq!(EventKind::ALL.len(), 33);
        assert_eq!(LegalBasis::from_name("s20"), Some(LegalBasis::S20));
        assert_eq!(
            PlacementType::from_name("custody"),
            Some(PlacementType::Custody)
        );
        assert_eq!(EventKind::from_name("review"), None);
    }
}
