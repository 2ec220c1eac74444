//! Guided procedures ("wizards").
//!
//! The catalogue the pages are built from (each wizard's address, title, purpose and
//! sources), the engine all wizards share (`engine`), and one module per wizard with its
//! questions, next-node rule and outcomes.

pub mod ceasing;
pub mod diagram;
pub mod engine;
pub mod pre_proceedings;
mod record;
pub mod section_20;

pub use record::{Changes, Produced};

/// A citation, for the wizards' tables of sources.
pub(crate) const fn cite(source: &'static str, section: &'static str) -> Citation {
    Citation { source, section }
}

/// A label made to follow a colon or a verb: "A genogram" → "a genogram"; "DNA testing"
/// and "The Assistant Director" stay as they are where the next letter is a capital.
pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// The key, among a wizard's stored answers, that marks it finished (question ids never
/// start with `_`).
pub const FINISHED: &str = "_finished";

/// Confirms the answers of `kind` in `case`: writes what they produce (each change in the
/// case's history) and marks the wizard finished with its outcome and when.
pub fn finish(
    case: &mut Case,
    kind: WizardKind,
    answers: &Answers,
    at: &str,
    today: Date,
) -> Result<(), crate::model::ChangeError> {
    let Some(flow) = kind.flow() else {
        return Ok(());
    };
    let outcome = match walk(flow, answers, &case.profile).now {
        Step::Done(outcome) => outcome.id,
        Step::Ask(_) => return Ok(()),
    };
    kind.changes(case, answers, today).apply(case, at)?;
    let mut stored = answers.encode(flow);
    stored.insert(FINISHED.to_string(), format!("{outcome} {at}"));
    case.answers.insert(kind.slug().to_string(), stored);
    Ok(())
}
#[cfg(test)]
mod ceasing_tests;
#[cfg(test)]
mod pre_proceedings_tests;
#[cfg(test)]
mod section_20_tests;
#[cfg(test)]
mod test_support;

use crate::calendar::Date;
use crate::model::Case;
use crate::rules::Profile;
use crate::sources::Citation;
use engine::{walk, Answers, Step};

/// The three guided procedures the app offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WizardKind {
    Section20Admission,
    PreProceedings,
    CeasingToBeLookedAfter,
}

impl WizardKind {
    /// The wizard's questions and rules; `None` while it is still to be built.
    pub fn flow(self) -> Option<&'static dyn engine::Flow> {
        match self {
            WizardKind::Section20Admission => Some(&section_20::Section20),
            WizardKind::PreProceedings => Some(&pre_proceedings::PreProceedings),
            WizardKind::CeasingToBeLookedAfter => Some(&ceasing::Ceasing),
        }
    }

    /// The answers stored in `case`, with what the case and its profile (`local`, layered
    /// on `national`) already say where the wizard uses it.
    pub fn answers(self, case: &Case, national: &Profile, local: &Profile) -> Answers {
        let Some(flow) = self.flow() else {
            return Answers::default();
        };
        let stored = case.answers.get(self.slug()).cloned().unwrap_or_default();
        let mut answers = Answers::decode(flow, &stored);
        self.refresh(case, &mut answers, national, local);
        answers
    }

    /// Works out again what the case and profile say, after an answer changed.
    pub fn refresh(self, case: &Case, answers: &mut Answers, national: &Profile, local: &Profile) {
        if self == WizardKind::CeasingToBeLookedAfter {
            ceasing::with_facts(case, answers, national, local);
        }
    }

    /// How the ids of the events and tasks this wizard records begin.
    pub fn id_prefix(self) -> &'static str {
        match self {
            WizardKind::Section20Admission => "s20-",
            WizardKind::PreProceedings => "plo-",
            WizardKind::CeasingToBeLookedAfter => "cease-",
        }
    }

    /// The events and tasks the answers produce under `profile`, and the wizard's tasks
    /// they show done. The Section 20 wizard records only an admission; the pre-proceedings
    /// wizard records the phase as far as it has gone, whatever the outcome.
    pub fn produced(self, answers: &Answers, profile: &str) -> Produced {
        let Some(flow) = self.flow() else {
            return Produced::default();
        };
        let path = walk(flow, answers, profile);
        let outcome = match path.now {
            Step::Done(outcome) => outcome.id,
            Step::Ask(_) => return Produced::default(),
        };
        match self {
            WizardKind::Section20Admission if outcome == "admitted" => {
                section_20::admission(answers).unwrap_or_default()
            }
            WizardKind::PreProceedings => {
                pre_proceedings::produced(answers, &path.answered, outcome)
            }
            WizardKind::CeasingToBeLookedAfter => {
                ceasing::produced(answers, &path.answered, outcome)
            }
            _ => Produced::default(),
        }
    }

    /// What confirming the answers will do to `case` on `today`.
    pub fn changes(self, case: &Case, answers: &Answers, today: Date) -> Changes {
        Changes::between(
            case,
            &self.produced(answers, &case.profile),
            self.id_prefix(),
            today,
        )
    }

    pub const ALL: [WizardKind; 3] = [
        WizardKind::Section20Admission,
        WizardKind::PreProceedings,
        WizardKind::CeasingToBeLookedAfter,
    ];

    /// The last part of the wizard's address: `#/wizards/<slug>`. Part of bookmarks: never change.
    pub fn slug(self) -> &'static str {
        match self {
            WizardKind::Section20Admission => "section-20",
            WizardKind::PreProceedings => "pre-proceedings",
            WizardKind::CeasingToBeLookedAfter => "ceasing",
        }
    }

    pub fn from_slug(slug: &str) -> Option<WizardKind> {
        WizardKind::ALL.into_iter().find(|w| w.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            WizardKind::Section20Admission => "Section 20 admission",
            WizardKind::PreProceedings => "Pre-proceedings (PLO)",
            WizardKind::CeasingToBeLookedAfter => "Ceasing to be looked after",
        }
    }

    /// The title inside a sentence: "Continue the pre-proceedings (PLO) wizard".
    pub fn in_sentence(self) -> &'static str {
        match self {
            WizardKind::Section20Admission => "section 20 admission",
            WizardKind::PreProceedings => "pre-proceedings (PLO) wizard",
            WizardKind::CeasingToBeLookedAfter => "ceasing to be looked after wizard",
        }
    }

    /// One sentence: what the wizard helps a practitioner do.
    pub fn purpose(self) -> &'static str {
        match self {
            WizardKind::Section20Admission => {
                "Admit a child to care under section 20 of the Children Act 1989: \
                 authorisation, parents' consent, placement, family group conference and \
                 the first deadlines."
            }
            WizardKind::PreProceedings => {
                "Work through the Public Law Outline before care proceedings: legal \
                 gateway meeting, letter before proceedings, PLO meeting and review, \
                 the pre-proceedings checklist and the 26-week timetable."
            }
            WizardKind::CeasingToBeLookedAfter => {
                "Decide who must approve a child ceasing to be looked after, what must \
                 happen first, and prepare the approval request."
            }
        }
    }

    /// The documents and sections the wizard follows.
    pub fn sources(self) -> &'static [Citation] {
        match self {
            WizardKind::Section20Admission => &[
                Citation {
                    source: "000",
                    section: "",
                },
                Citation {
                    source: "002",
                    section: "§5 Children's Decision Meeting, §6 Placements",
                },
                Citation {
                    source: "003",
                    section: "§2 key stages",
                },
                Citation {
                    source: "CPPCR",
                    section: "regs 4, 9, 24",
                },
            ],
            WizardKind::PreProceedings => &[
                Citation {
                    source: "001",
                    section: "Pre-proceedings and care planning meetings",
                },
                Citation {
                    source: "002",
                    section: "§5 Children's Decision Meeting",
                },
                Citation {
                    source: "003",
                    section: "§2 key stages",
                },
                Citation {
                    source: "004",
                    section: "§2–4 court care plans and approval",
                },
                Citation {
                    source: "CA1989",
                    section: "s32",
                },
            ],
            WizardKind::CeasingToBeLookedAfter => &[
                Citation {
                    source: "003",
                    section: "§10 and Appendices 4–5",
                },
                Citation {
                    source: "002",
                    section: "§12.8–12.10, §13, §14",
                },
                Citation {
                    source: "004",
                    section: "§1.1",
                },
                Citation {
                    source: "CPPCR",
                    section: "reg 39",
                },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_distinct() {
        for w in WizardKind::ALL {
            assert_eq!(WizardKind::from_slug(w.slug()), Some(w));
        }
        assert_eq!(WizardKind::from_slug("section-21"), None);
    }

    #[test]
    fn every_wizard_cites_only_known_sources() {
        for w in WizardKind::ALL {
            assert!(!w.sources().is_empty(), "{w:?} cites nothing");
            for c in w.sources() {
                assert!(
                    c.source().is_some(),
                    "{w:?} cites unknown source {}",
                    c.source
                );
            }
        }
    }
}
