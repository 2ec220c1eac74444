//! Whether a profile's condition ("under-5", "first-year-of-placement", …) holds for an
//! instance, judged on the day the instance is counted from.

use crate::calendar::Date;
use crate::model::{Case, Event, EventIndex, EventKind, LegalBasis, PlacementType};
use crate::rules::Condition;

/// The rule that computes when temporary approvals end. It must come before every rule
/// whose periods use `connected-person-temporary-approval` (tested).
pub const TEMPORARY_APPROVAL_RULE: &str = "connected-person-approval-expiry";

pub struct Context<'a> {
    pub case: &'a Case,
    pub events: &'a EventIndex<'a>,
    pub date: Date,
    pub anchor_kind: Option<EventKind>,
    /// Temporary approvals of connected persons: from the approval to the date it ends,
    /// as [`TEMPORARY_APPROVAL_RULE`] computed them.
    pub approvals: &'a [(Date, Date)],
}

impl Context<'_> {
    pub fn holds(&self, condition: Condition) -> Result<bool, String> {
        Ok(match condition {
            Condition::Under5 => self.age()? < 5,
            Condition::Aged16OrOver => self.age()? >= 16,
            Condition::FirstYearOfPlacement => self
                .placement()
                .is_some_and(|p| self.date < p.date.add_years(1)),
            Condition::LongTermFoster => self.placement().is_some_and(|p| p.attrs.long_term),
            Condition::IntendedUntil18 => self.placement().is_some_and(|p| p.attrs.until_18),
            Condition::ConnectedPersonTemporaryApproval => self.under_temporary_approval(),
            Condition::InterimCareOrderAtHome => {
                self.legal_basis() == Some(LegalBasis::InterimCareOrder)
                    && self
                        .placement()
                        .is_some_and(|p| p.attrs.placement == Some(PlacementType::WithParent))
            }
            Condition::BeforeFirstReview => self
                .events
                .latest(EventKind::ReviewHeld, self.date)
                .is_none(),
            Condition::AfterPoliceProtection => {
                self.anchor_kind == Some(EventKind::PoliceProtectionStarted)
            }
        })
    }

    fn age(&self) -> Result<i32, String> {
        self.case.age_on(self.date).ok_or_else(|| {
            "The child's date of birth is needed to choose the period, which depends on age."
                .to_string()
        })
    }

    /// The latest event of `kind` on or before the day.
    fn latest(&self, kind: EventKind) -> Option<&Event> {
        self.events.latest(kind, self.date)
    }

    /// The placement the child was in on the day, if any.
    fn placement(&self) -> Option<&Event> {
        let started = self.latest(EventKind::PlacementStarted)?;
        let ended = self.latest(EventKind::PlacementEnded);
        match ended {
            Some(end) if end.date >= started.date && end.date <= self.date => None,
            _ => Some(started),
        }
    }

    fn legal_basis(&self) -> Option<LegalBasis> {
        self.latest(EventKind::BecameLookedAfter)
            .and_then(|e| e.attrs.basis)
    }

    /// In a connected person placement (CPPCR reg 24) whose temporary approval has not
    /// ended. Without a recorded approval the placement itself is the temporary approval.
    fn under_temporary_approval(&self) -> bool {
        let Some(placement) = self.placement() else {
            return false;
        };
        if placement.attrs.placement != Some(PlacementType::ConnectedPerson) {
            return false;
        }
        match self
            .approvals
            .iter()
            .rev()
            .find(|(from, _)| *from <= self.date)
        {
            Some((_, ends)) => self.date < *ends,
            None => true,
        }
    }
}
