//! A recurrence rule in the site's language ("jeden 2. Dienstag im Monat bis 15. Dezember
//! 2026"), built from the theme's i18n strings: [`describe`]. Keys used: `repeat_weekly`,
//! `repeat_weekly_interval`, `repeat_monthly_day`, `repeat_monthly_nth`,
//! `repeat_monthly_last`, `repeat_interval_months`, `repeat_yearly`, `repeat_until`,
//! `repeat_count`, `date_medium`, `month_genitive_1`..`month_genitive_12` (inside dates) and
//! `month_1`..`month_12`.

use super::repeat::{Pattern, Rule};
use jiff::civil::{Date, Weekday};

/// Looks up an i18n string by key and fills its `{name}` placeholders.
pub type Fill<'a> = &'a dyn Fn(&str, &[(&str, &str)]) -> String;

fn weekday_index(w: Weekday) -> usize {
    usize::from(w.to_monday_zero_offset().unsigned_abs())
}

/// Describes `rule` (whose first occurrence is `first`) in words. `fill(key, args)` looks
/// up an i18n string and replaces its `{name}` placeholders; `weekday_name(i)` gives the
/// weekday's name by Monday-zero index.
pub fn describe(
    rule: &Rule,
    first: Date,
    fill: Fill<'_>,
    weekday_name: &dyn Fn(usize) -> String,
) -> String {
    let month = |m: i8| fill(&format!("month_{m}"), &[]);
    let month_in_date = |m: i8| fill(&format!("month_genitive_{m}"), &[]);
    let date = |d: Date, with_year: bool| {
        let year = if with_year {
            d.year().to_string()
        } else {
            String::new()
        };
        let text = fill(
            "date_medium",
            &[
                ("weekday", &weekday_name(weekday_index(d.weekday()))),
                ("day", &d.day().to_string()),
                ("day2", &format!("{:02}", d.day())),
                ("month", &month_in_date(d.month())),
                ("month2", &format!("{:02}", d.month())),
                ("year", &year),
            ],
        );
        text.trim()
            .trim_end_matches([',', '/', '-', '.'])
            .trim()
            .to_string()
    };
    let interval = rule.interval().to_string();
    let months_suffix = || {
        if rule.interval() > 1 {
            fill("repeat_interval_months", &[("interval", &interval)])
        } else {
            String::new()
        }
    };
    let mut text = match rule.pattern() {
        Pattern::Weekly(days) => {
            let names: Vec<String> = days
                .iter()
                .map(|d| weekday_name(weekday_index(*d)))
                .collect();
            let weekday = names.join(", ");
            if rule.interval() > 1 {
                fill(
                    "repeat_weekly_interval",
                    &[("interval", &interval), ("weekday", &weekday)],
                )
            } else {
                fill("repeat_weekly", &[("weekday", &weekday)])
            }
        }
        Pattern::MonthlyByDay(day) => {
            fill("repeat_monthly_day", &[("day", &day.to_string())]) + &months_suffix()
        }
        Pattern::MonthlyNth(nth, w) => {
            let weekday = weekday_name(weekday_index(*w));
            let base = if *nth < 0 {
                fill("repeat_monthly_last", &[("weekday", &weekday)])
            } else {
                fill(
                    "repeat_monthly_nth",
                    &[("nth", &nth.to_string()), ("weekday", &weekday)],
                )
            };
            base + &months_suffix()
        }
        Pattern::YearlyByDate(..) => fill("repeat_yearly", &[("date", &date(first, false))]),
        Pattern::YearlyNth(m, nth, w) => {
            let which = if *nth < 0 {
                "-1".to_string()
            } else {
                format!("{nth}.")
            };
            let what = format!("{which} {}, {}", weekday_name(weekday_index(*w)), month(*m));
            fill("repeat_yearly", &[("date", &what)])
        }
    };
    if let Some(u) = rule.until() {
        text += &fill("repeat_until", &[("date", &date(u, true))]);
    }
    if let Some(c) = rule.count() {
        text += &fill("repeat_count", &[("count", &c.to_string())]);
    }
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::calendar::repeat::validate;
    use jiff::civil::date;

    fn de(key: &str, args: &[(&str, &str)]) -> String {
        let mut s = match key {
            "repeat_weekly" => "jeden {weekday}",
            "repeat_weekly_interval" => "jeden {interval}. {weekday}",
            "repeat_monthly_nth" => "jeden {nth}. {weekday} im Monat",
            "repeat_monthly_last" => "jeden letzten {weekday} im Monat",
            "repeat_monthly_day" => "monatlich am {day}.",
            "repeat_interval_months" => " (alle {interval} Monate)",
            "repeat_yearly" => "jährlich am {date}",
            "repeat_until" => " bis {date}",
            "repeat_count" => " ({count} Termine)",
            "date_medium" => "{day}. {month} {year}",
            "month_genitive_12" => "Dezember",
            "month_genitive_2" => "Februar",
            other => other,
        }
        .to_string();
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    fn wd(i: usize) -> String {
        [
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ][i]
            .into()
    }

    fn text(yaml: &str, first: Date) -> String {
        let rule = validate(&serde_yaml::from_str(yaml).unwrap(), first).unwrap();
        describe(&rule, first, &de, &wd)
    }

    #[test]
    fn german_descriptions() {
        assert_eq!(
            text(
                "{every: month, weekday: di, nth: 2, until: 2026-12-08}",
                date(2026, 1, 13)
            ),
            "jeden 2. Dienstag im Monat bis 8. Dezember 2026"
        );
        assert_eq!(
            text(
                "{every: month, weekday: fr, nth: -1, count: 5}",
                date(2026, 1, 30)
            ),
            "jeden letzten Freitag im Monat (5 Termine)"
        );
        assert_eq!(
            text("{every: week, weekday: [di, do]}", date(2026, 3, 3)),
            "jeden Dienstag, Donnerstag"
        );
        assert_eq!(
            text("{every: month, interval: 3}", date(2026, 1, 31)),
            "monatlich am 31. (alle 3 Monate)"
        );
        assert_eq!(
            text("{every: year}", date(2024, 2, 29)),
            "jährlich am 29. Februar"
        );
    }
}
