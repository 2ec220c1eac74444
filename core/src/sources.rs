//! The documents every rule, question and checklist item cites.
//!
//! The five local procedures are in `shared/procedures/`; the national law is the
//! Children Act 1989 and the Care Planning, Placement and Case Review (England)
//! Regulations 2010. A citation names one of these and a section within it.

/// One source document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Stable short id used in citations and data files ("000" … "004", "CA1989", "CPPCR").
    pub id: &'static str,
    pub title: &'static str,
    /// Who publishes it, where the document says so.
    pub publisher: &'static str,
    /// The rule profile that implements it (see `shared/design/rule-catalogue.md`).
    pub profile: &'static str,
    pub summary: &'static str,
}

/// Every source, national law first, then the local procedures in file order.
pub const SOURCES: &[Source] = &[
    Source {
        id: "CA1989",
        title: "Children Act 1989",
        publisher: "UK Parliament",
        profile: "national",
        summary: "Accommodation under section 20, care proceedings (26 weeks, s32), contact, \
                  special guardianship, police protection.",
    },
    Source {
        id: "CPPCR",
        title: "Care Planning, Placement and Case Review (England) Regulations 2010",
        publisher: "SI 2010/959, as amended",
        profile: "national",
        summary: "Care and placement plans, reviews, visits, health assessments, connected \
                  person placements, ceasing to look after, eligible children.",
    },
    Source {
        id: "000",
        title: "Care Planning Procedure – Section 20",
        publisher: "Local authority (not named in the document)",
        profile: "local-a",
        summary: "Admission to section 20 care, initial care planning meeting, placement \
                  planning meeting, first review, 13-week care planning meeting, second review.",
    },
    Source {
        id: "001",
        title: "Care Planning Procedure – Care Proceedings",
        publisher: "Local authority (not named in the document)",
        profile: "local-a",
        summary: "Pre-proceedings (PLO) phase, checklist before proceedings, care planning \
                  meetings one to three on the 26-week timetable, reviews one to three.",
    },
    Source {
        id: "002",
        title: "Care Planning and Decision Making Guidance (January 2018)",
        publisher: "Leicestershire County Council Children and Family Services",
        profile: "leicestershire",
        summary: "Family Care and Protect meetings, Children's Decision Meeting, placements, \
                  health, education, contact, participation, permanence panels, ceasing to be \
                  looked after, leaving care.",
    },
    Source {
        id: "003",
        title: "Permanence Planning Policy (3.1.3)",
        publisher: "Salford City Council Children's Services",
        profile: "salford",
        summary: "Permanence key stages, placement stability, out-of-area placements, \
                  consultation reviews, statutory visits, ceasing to look after.",
    },
    Source {
        id: "004",
        title: "Care Planning Guidance",
        publisher: "Local authority (not named in the document)",
        profile: "local-d",
        summary: "Who must have a care plan, responsibilities, timescales, approval, \
                  consultation, contents and front sheet of the care plan, permanency report.",
    },
];

/// A reference to a place in a source: "003 §10", "CPPCR reg 39".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    pub source: &'static str,
    pub section: &'static str,
}

impl Citation {
    /// The source this citation names, if it is one of [`SOURCES`].
    pub fn source(&self) -> Option<&'static Source> {
        find(self.source)
    }

    /// How the citation reads in the app: the document's title, then the section.
    pub fn label(&self) -> String {
        match self.source() {
            Some(source) if self.section.is_empty() => source.title.to_string(),
            Some(source) => format!("{}, {}", source.title, self.section),
            None => format!("{} {}", self.source, self.section),
        }
    }
}

/// The source with this id.
pub fn find(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_ids_are_unique() {
        for (i, a) in SOURCES.iter().enumerate() {
            for b in &SOURCES[i + 1..] {
                assert_ne!(a.id, b.id, "duplicate source id");
            }
        }
    }

    #[test]
    fn every_profile_in_the_catalogue_has_a_source() {
        for profile in [
            "national",
            "local-a",
            "leicestershire",
            "salford",
            "local-d",
        ] {
            assert!(
                SOURCES.iter().any(|s| s.profile == profile),
                "no source for profile {profile}"
            );
        }
    }

    #[test]
    fn a_citation_reads_as_title_and_section() {
        let c = Citation {
            source: "003",
            section: "§10",
        };
        assert_eq!(c.label(), "Permanence Planning Policy (3.1.3), §10");
        let whole = Citation {
            source: "000",
            section: "",
        };
        assert_eq!(whole.label(), "Care Planning Procedure – Section 20");
    }

    #[test]
    fn an_unknown_source_is_still_shown_not_hidden() {
        let c = Citation {
            source: "999",
            section: "§1",
        };
        assert_eq!(c.source(), None);
        assert_eq!(c.label(), "999 §1");
    }
}
