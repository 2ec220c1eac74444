//! A profile: one authority's periods for the catalogue's rules, each with its source.
//! The format is documented in docs/rule-profiles.md. Reading a file either gives a whole
//! valid profile or every problem in it, each with where it is; never part of one.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::timing::Timing;
use super::RuleDef;
use crate::problem::{join, Problem};
use crate::sources;

pub const FORMAT: &str = "care-planner-profile";
pub const VERSION: u64 = 1;
/// Larger files are refused before they are read: a real profile is a few kilobytes.
pub const MAX_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// Documents the profile's sources may name besides the built-in ones.
    pub documents: Vec<Document>,
    /// By rule id. A rule the profile does not list is not used by it (national rules
    /// still apply through the national profile).
    pub rules: BTreeMap<String, RuleTiming>,
    /// Who decides that a child stops being looked after, and what must happen first, by
    /// situation. What a profile does not say, the national profile does.
    pub ceasing: BTreeMap<Situation, Ceasing>,
}

/// The situations in which the law and procedures route a decision to stop looking after
/// a child differently (CPPCR reg 39).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Situation {
    /// Under a care order (or interim care order, or placement order).
    CareOrder,
    /// Accommodated under section 20, under 16, looked after for less than 20 working days.
    S20Short,
    /// Accommodated under section 20, under 16, looked after for 20 working days or more.
    S20Under16,
    /// Aged 16 or 17 and not under a care order.
    Aged16Or17,
}

impl Situation {
    pub const ALL: [Situation; 4] = [
        Situation::CareOrder,
        Situation::S20Short,
        Situation::S20Under16,
        Situation::Aged16Or17,
    ];

    /// As written in profile files.
    pub fn name(self) -> &'static str {
        match self {
            Situation::CareOrder => "care-order",
            Situation::S20Short => "s20-under-20-working-days",
            Situation::S20Under16 => "s20-under-16",
            Situation::Aged16Or17 => "aged-16-or-17",
        }
    }

    fn from_name(name: &str) -> Option<Situation> {
        Situation::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// One profile's say on one situation; any field left out is the national profile's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ceasing {
    /// Who must approve (or decide) before the decision takes effect.
    pub approver: Option<String>,
    /// Whether a looked-after review must be held first.
    pub review: Option<Review>,
    /// Who must be told.
    pub notify: Option<String>,
    /// What must be done when the child goes home to a parent, as a task.
    pub return_home: Option<String>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    Required,
    WherePracticable,
}

impl Review {
    pub fn name(self) -> &'static str {
        match self {
            Review::Required => "required",
            Review::WherePracticable => "where practicable",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTiming {
    /// Tried in order; the first whose conditions all hold gives the timing. A single
    /// period is one case with no conditions. If none holds, the profile sets no date.
    pub cases: Vec<Case>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub when: Vec<Condition>,
    pub timing: Timing,
}

/// Facts about the child, placement or case that select a period. The schedule engine
/// decides whether each holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Condition {
    Under5,
    Aged16OrOver,
    FirstYearOfPlacement,
    LongTermFoster,
    IntendedUntil18,
    ConnectedPersonTemporaryApproval,
    InterimCareOrderAtHome,
    BeforeFirstReview,
    AfterPoliceProtection,
}

impl Condition {
    pub const ALL: [Condition; 9] = [
        Condition::Under5,
        Condition::Aged16OrOver,
        Condition::FirstYearOfPlacement,
        Condition::LongTermFoster,
        Condition::IntendedUntil18,
        Condition::ConnectedPersonTemporaryApproval,
        Condition::InterimCareOrderAtHome,
        Condition::BeforeFirstReview,
        Condition::AfterPoliceProtection,
    ];

    /// As written in profile files.
    pub fn name(self) -> &'static str {
        match self {
            Condition::Under5 => "under-5",
            Condition::Aged16OrOver => "aged-16-or-over",
            Condition::FirstYearOfPlacement => "first-year-of-placement",
            Condition::LongTermFoster => "long-term-foster",
            Condition::IntendedUntil18 => "intended-until-18",
            Condition::ConnectedPersonTemporaryApproval => "connected-person-temporary-approval",
            Condition::InterimCareOrderAtHome => "interim-care-order-at-home",
            Condition::BeforeFirstReview => "before-first-review",
            Condition::AfterPoliceProtection => "after-police-protection",
        }
    }

    fn from_name(name: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// "003 §2.1": a document id (built in, or declared in the profile) and a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub document: String,
    pub section: String,
}

impl SourceRef {
    /// How the source reads in the app: the document's title, then the section.
    pub fn label(&self) -> String {
        match crate::sources::find(&self.document) {
            Some(source) if self.section.is_empty() => source.title.to_string(),
            Some(source) => format!("{}, {}", source.title, self.section),
            None => format!("{} {}", self.document, self.section)
                .trim()
                .to_string(),
        }
    }
}

/// Reads and checks a profile file against the rule catalogue.
pub fn parse_profile(text: &str, catalogue: &[RuleDef]) -> Result<Profile, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![problem(
            "",
            format!(
                "The file is {} KB; a profile file must be at most {} KB.",
                text.len() / 1024,
                MAX_BYTES / 1024
            ),
        )]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![problem(
            "",
            format!(
                "This is not a readable JSON file (line {}, column {}).",
                e.line(),
                e.column()
            ),
        )]
    })?;
    let mut reader = Reader {
        catalogue,
        problems: Vec::new(),
    };
    let profile = reader.profile(&value);
    match profile {
        Some(profile) if reader.problems.is_empty() => Ok(profile),
        _ => Err(reader.problems),
    }
}

fn problem(location: &str, message: impl Into<String>) -> Problem {
    Problem {
        location: location.to_string(),
        message: message.into(),
    }
}

struct Reader<'a> {
    catalogue: &'a [RuleDef],
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn report(&mut self, location: &str, message: impl Into<String>) {
        self.problems.push(problem(location, message));
    }

    /// The object at `location`, with every key outside `known` reported.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        location: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.report(location, "must be an object ({ … })");
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.report(
                &join(location, key),
                format!(
                    "is not a field of a profile; the fields here are: {}",
                    known.join(", ")
                ),
            );
        }
        Some(map)
    }

    fn string(&mut self, map: &Map<String, Value>, key: &str, location: &str) -> Option<String> {
        match map.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::String(_)) => {
                self.report(&join(location, key), "is empty");
                None
            }
            Some(_) => {
                self.report(&join(location, key), "must be text in quotes");
                None
            }
            None => {
                self.report(location, format!("has no \"{key}\""));
                None
            }
        }
    }

    fn profile(&mut self, value: &Value) -> Option<Profile> {
        let root = self.object(
            value,
            "",
            &[
                "format",
                "version",
                "id",
                "name",
                "documents",
                "rules",
                "ceasing",
            ],
        )?;
        if let Some(format) = self.string(root, "format", "") {
            if format != FORMAT {
                self.report(
                    "format",
                    format!("is \"{format}\"; a profile file says \"{FORMAT}\""),
                );
            }
        }
        match root.get("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(v) => self.report(
                "version",
                format!("is {v}; this version of Care Planner reads version {VERSION}"),
            ),
            None => self.report("version", format!("must be the number {VERSION}")),
        }
        let id = self.string(root, "id", "");
        if let Some(id) = &id {
            let valid = id.len() <= 40
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !valid {
                self.report("id", "must be at most 40 lower-case letters, digits and hyphens, such as \"my-council\"");
            }
        }
        let name = self.string(root, "name", "");
        let documents = self.documents(root.get("documents"));
        let rules = match root.get("rules") {
            Some(rules) => self.rules(rules, &documents),
            None => {
                self.report("", "has no \"rules\"");
                BTreeMap::new()
            }
        };
        let ceasing = match root.get("ceasing") {
            Some(value) => self.ceasing(value, &documents),
            None => BTreeMap::new(),
        };
        Some(Profile {
            id: id?,
            name: name?,
            documents,
            rules,
            ceasing,
        })
    }

    fn ceasing(&mut self, value: &Value, documents: &[Document]) -> BTreeMap<Situation, Ceasing> {
        let mut out = BTreeMap::new();
        let Some(map) = value.as_object() else {
            self.report("ceasing", "must be an object with a situation for each key");
            return out;
        };
        for (name, entry) in map {
            let location = join("ceasing", name);
            let Some(situation) = Situation::from_name(name) else {
                let known: Vec<&str> = Situation::ALL.iter().map(|s| s.name()).collect();
                self.report(
                    &location,
                    format!(
                        "is not a situation; the situations are: {}",
                        known.join(", ")
                    ),
                );
                continue;
            };
            let Some(fields) = self.object(
                entry,
                &location,
                &["approver", "review", "notify", "return_home", "source"],
            ) else {
                continue;
            };
            let text = |reader: &mut Self, key: &str| {
                fields
                    .get(key)
                    .and_then(|_| reader.string(fields, key, &location))
            };
            let approver = text(self, "approver");
            let notify = text(self, "notify");
            let return_home = text(self, "return_home");
            let review = match fields.get("review").map(|v| v.as_str()) {
                None => None,
                Some(Some("required")) => Some(Review::Required),
                Some(Some("where practicable")) => Some(Review::WherePracticable),
                Some(_) => {
                    self.report(
                        &join(&location, "review"),
                        "must be \"required\" or \"where practicable\"",
                    );
                    None
                }
            };
            if !["approver", "review", "notify", "return_home"]
                .iter()
                .any(|k| fields.contains_key(*k))
            {
                self.report(
                    &location,
                    "says nothing: give \"approver\", \"review\", \"notify\" or \"return_home\"",
                );
                continue;
            }
            let source = self.source(fields, &location, documents);
            let said =
                approver.is_some() || review.is_some() || notify.is_some() || return_home.is_some();
            if let Some(source) = source.filter(|_| said) {
                out.insert(
                    situation,
                    Ceasing {
                        approver,
                        review,
                        notify,
                        return_home,
                        source,
                    },
                );
            }
        }
        out
    }

    fn documents(&mut self, value: Option<&Value>) -> Vec<Document> {
        let Some(value) = value else {
            return Vec::new();
        };
        let Some(items) = value.as_array() else {
            self.report("documents", "must be a list ([ … ])");
            return Vec::new();
        };
        let mut documents = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let location = format!("documents › {}", i + 1);
            let Some(map) = self.object(item, &location, &["id", "title"]) else {
                continue;
            };
            let (id, title) = (
                self.string(map, "id", &location),
                self.string(map, "title", &location),
            );
            if let (Some(id), Some(title)) = (id, title) {
                if sources::find(&id).is_some() || documents.iter().any(|d: &Document| d.id == id) {
                    self.report(
                        &join(&location, "id"),
                        format!("\"{id}\" is already the id of another document"),
                    );
                }
                documents.push(Document { id, title });
            }
        }
        documents
    }

    fn rules(&mut self, value: &Value, documents: &[Document]) -> BTreeMap<String, RuleTiming> {
        let Some(map) = value.as_object() else {
            self.report("rules", "must be an object with a rule id for each key");
            return BTreeMap::new();
        };
        let mut rules = BTreeMap::new();
        for (rule_id, entry) in map {
            let location = join("rules", rule_id);
            if !self.catalogue.iter().any(|r| r.id == *rule_id) {
                self.report(
                    &location,
                    "is not a rule id of the catalogue (see docs/rule-profiles.md)",
                );
                continue;
            }
            if let Some(timing) = self.rule(rule_id, entry, &location, documents) {
                rules.insert(rule_id.clone(), timing);
            }
        }
        rules
    }

    fn rule(
        &mut self,
        rule_id: &str,
        entry: &Value,
        location: &str,
        documents: &[Document],
    ) -> Option<RuleTiming> {
        let map = self.object(entry, location, &["period", "cases", "source"])?;
        let cases = match (map.get("period"), map.get("cases")) {
            (Some(_), Some(_)) => {
                self.report(location, "has both \"period\" and \"cases\"; give one");
                None
            }
            (Some(period), None) => {
                let timing = self.timing(rule_id, period, &join(location, "period"));
                timing.map(|timing| {
                    vec![Case {
                        when: Vec::new(),
                        timing,
                    }]
                })
            }
            (None, Some(cases)) => self.cases(rule_id, cases, &join(location, "cases")),
            (None, None) => {
                self.report(location, "has neither \"period\" nor \"cases\"");
                None
            }
        };
        let source = self.source(map, location, documents);
        Some(RuleTiming {
            cases: cases?,
            source: source?,
        })
    }

    fn timing(&mut self, rule_id: &str, value: &Value, location: &str) -> Option<Timing> {
        let Some(text) = value.as_str() else {
            self.report(location, "must be text such as \"20 working days\"");
            return None;
        };
        let timing = match Timing::parse(text) {
            Ok(timing) => timing,
            Err(message) => {
                self.report(location, message);
                return None;
            }
        };
        if let Some(other) = timing.depends_on() {
            if other == rule_id {
                self.report(location, "cannot depend on the rule itself");
                return None;
            }
            if !self.catalogue.iter().any(|r| r.id == other) {
                self.report(
                    location,
                    format!("\"{other}\" is not a rule id of the catalogue"),
                );
                return None;
            }
        }
        Some(timing)
    }

    fn cases(&mut self, rule_id: &str, value: &Value, location: &str) -> Option<Vec<Case>> {
        let items = match value.as_array() {
            Some(items) if !items.is_empty() => items,
            _ => {
                self.report(location, "must be a list of one or more cases");
                return None;
            }
        };
        let mut cases = Vec::new();
        let mut complete = true;
        for (i, item) in items.iter().enumerate() {
            let location = join(location, &(i + 1).to_string());
            let Some(map) = self.object(item, &location, &["when", "period"]) else {
                complete = false;
                continue;
            };
            let when = self.conditions(map.get("when"), &join(&location, "when"));
            let timing = match map.get("period") {
                Some(period) => self.timing(rule_id, period, &join(&location, "period")),
                None => {
                    self.report(&location, "has no \"period\"");
                    None
                }
            };
            match (when, timing) {
                (Some(when), Some(timing)) => cases.push(Case { when, timing }),
                _ => complete = false,
            }
        }
        complete.then_some(cases)
    }

    fn conditions(&mut self, value: Option<&Value>, location: &str) -> Option<Vec<Condition>> {
        let Some(value) = value else {
            return Some(Vec::new());
        };
        let Some(items) = value.as_array() else {
            self.report(location, "must be a list of conditions");
            return None;
        };
        let mut conditions = Vec::new();
        for item in items {
            match item.as_str().and_then(Condition::from_name) {
                Some(condition) => conditions.push(condition),
                None => {
                    let known: Vec<&str> = Condition::ALL.iter().map(|c| c.name()).collect();
                    self.report(
                        location,
                        format!(
                            "{item} is not a condition; the conditions are: {}",
                            known.join(", ")
                        ),
                    );
                    return None;
                }
            }
        }
        Some(conditions)
    }

    fn source(
        &mut self,
        map: &Map<String, Value>,
        location: &str,
        documents: &[Document],
    ) -> Option<SourceRef> {
        let text = self.string(map, "source", location)?;
        let (document, section) = text.split_once(char::is_whitespace).unwrap_or((&text, ""));
        let known = sources::find(document).is_some() || documents.iter().any(|d| d.id == document);
        if !known {
            let builtin: Vec<&str> = sources::SOURCES.iter().map(|s| s.id).collect();
            self.report(
                &join(location, "source"),
                format!(
                    "starts with \"{document}\", which is not a document: start with one of {} or an id from \"documents\"",
                    builtin.join(", ")
                ),
            );
            return None;
        }
        Some(SourceRef {
            document: document.to_string(),
            section: section.trim().to_string(),
        })
    }
}
