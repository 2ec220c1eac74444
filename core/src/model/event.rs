use crate::calendar::{Date, Time};

/// One thing that happened (or is scheduled) in a case.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        assert_eq!(EventKind::ALL.len(), 32);
        assert_eq!(LegalBasis::from_name("s20"), Some(LegalBasis::S20));
        assert_eq!(
            PlacementType::from_name("custody"),
            Some(PlacementType::Custody)
        );
        assert_eq!(EventKind::from_name("review"), None);
    }
}
