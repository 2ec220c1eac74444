//! When a rule falls due, as a profile file writes it: "20 working days",
//! "26 weeks beginning with", "end of week 18", "5 working days before", "by review-2".

use crate::calendar::{Counting, Period};

/// When a rule is due, relative to its anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timing {
    /// A period counted from the anchor event ("within", or "beginning with").
    After { period: Period, counting: Counting },
    /// A period before the anchor, a scheduled event ("5 working days before").
    Before { period: Period },
    /// The same date as another rule ("by review-2").
    SameAs { rule: String },
    /// The day before another rule's date ("before review-2").
    DayBefore { rule: String },
}

impl Timing {
    /// Reads the profile file's wording. The error says what is wrong, for the user.
    pub fn parse(text: &str) -> Result<Timing, String> {
        let text = text.trim();
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            ["same", "day", "or", "next", "working", "day"] => Ok(Timing::After {
                period: Period::WorkingDays(1),
                counting: Counting::After,
            }),
            ["end", "of", "week", n] => Ok(Timing::After {
                period: Period::Weeks(count(n)?),
                counting: Counting::BeginningWith,
            }),
            ["before"] => Ok(Timing::Before {
                period: Period::Days(1),
            }),
            ["by", rule] => Ok(Timing::SameAs {
                rule: rule.to_string(),
            }),
            ["before", rule] => Ok(Timing::DayBefore {
                rule: rule.to_string(),
            }),
            [n, unit @ .., "before"] => Ok(Timing::Before {
                period: period(n, unit)?,
            }),
            [n, unit @ .., "beginning", "with"] => Ok(Timing::After {
                period: period(n, unit)?,
                counting: Counting::BeginningWith,
            }),
            [n, unit @ ..] => Ok(Timing::After {
                period: period(n, unit)?,
                counting: Counting::After,
            }),
            [] => Err("is empty: write a period such as \"20 working days\"".to_string()),
        }
    }

    /// The other rule this timing depends on, if any.
    pub fn depends_on(&self) -> Option<&str> {
        match self {
            Timing::SameAs { rule } | Timing::DayBefore { rule } => Some(rule),
            _ => None,
        }
    }

    /// Plain English, as the app shows it: "20 working days after", "by review-2".
    pub fn describe(&self) -> String {
        match self {
            Timing::After {
                period,
                counting: Counting::After,
            } => format!("{} after", period.describe()),
            Timing::After {
                period,
                counting: Counting::BeginningWith,
            } => {
                format!("{} beginning with", period.describe())
            }
            Timing::Before {
                period: Period::Days(1),
            } => "the day before".to_string(),
            Timing::Before { period } => format!("{} before", period.describe()),
            Timing::SameAs { rule } => format!("by the date of {rule}"),
            Timing::DayBefore { rule } => format!("the day before {rule}"),
        }
    }
}

fn count(n: &str) -> Result<u32, String> {
    match n.parse::<u32>() {
        Ok(n) if (1..=1000).contains(&n) => Ok(n),
        _ => Err(format!("\"{n}\" is not a whole number from 1 to 1000")),
    }
}

fn period(n: &str, unit: &[&str]) -> Result<Period, String> {
    let n = count(n)?;
    let make = match unit {
        ["working", "day" | "days"] => Period::WorkingDays,
        ["day" | "days"] => Period::Days,
        ["week" | "weeks"] => Period::Weeks,
        ["month" | "months"] => Period::Months,
        ["hour" | "hours"] => Period::Hours,
        _ => {
            return Err(format!(
                "\"{}\" is not a unit: use working days, days, weeks, months or hours",
                unit.join(" ")
            ))
        }
    };
    Ok(make(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(period: Period) -> Timing {
        Timing::After {
            period,
            counting: Counting::After,
        }
    }

    #[test]
    fn reads_every_form_the_profiles_use() {
        assert_eq!(
            Timing::parse("20 working days"),
            Ok(after(Period::WorkingDays(20)))
        );
        assert_eq!(Timing::parse("1 week"), Ok(after(Period::Weeks(1))));
        assert_eq!(Timing::parse("3 months"), Ok(after(Period::Months(3))));
        assert_eq!(Timing::parse("72 hours"), Ok(after(Period::Hours(72))));
        assert_eq!(Timing::parse("7 days"), Ok(after(Period::Days(7))));
        assert_eq!(
            Timing::parse("same day or next working day"),
            Ok(after(Period::WorkingDays(1)))
        );
        assert_eq!(
            Timing::parse("26 weeks beginning with"),
            Ok(Timing::After {
                period: Period::Weeks(26),
                counting: Counting::BeginningWith
            })
        );
        assert_eq!(
            Timing::parse("end of week 18"),
            Ok(Timing::After {
                period: Period::Weeks(18),
                counting: Counting::BeginningWith
            })
        );
        assert_eq!(
            Timing::parse("5 working days before"),
            Ok(Timing::Before {
                period: Period::WorkingDays(5)
            })
        );
        assert_eq!(
            Timing::parse("before"),
            Ok(Timing::Before {
                period: Period::Days(1)
            })
        );
        assert_eq!(
            Timing::parse("by review-2"),
            Ok(Timing::SameAs {
                rule: "review-2".into()
            })
        );
        assert_eq!(
            Timing::parse("before review-2"),
            Ok(Timing::DayBefore {
                rule: "review-2".into()
            })
        );
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(
            Timing::parse("20 workdays"),
            Err(
                "\"workdays\" is not a unit: use working days, days, weeks, months or hours".into()
            )
        );
        assert_eq!(
            Timing::parse("0 days"),
            Err("\"0\" is not a whole number from 1 to 1000".into())
        );
        assert_eq!(
            Timing::parse("ten days"),
            Err("\"ten\" is not a whole number from 1 to 1000".into())
        );
        assert!(Timing::parse("  ").unwrap_err().contains("is empty"));
    }

    #[test]
    fn reads_back_as_english() {
        assert_eq!(
            Timing::parse("20 working days").unwrap().describe(),
            "20 working days after"
        );
        assert_eq!(
            Timing::parse("end of week 18").unwrap().describe(),
            "18 weeks beginning with"
        );
        assert_eq!(
            Timing::parse("before").unwrap().describe(),
            "the day before"
        );
    }
}
