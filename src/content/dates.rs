//! The dates and years an entry's front matter holds, each with its place in the file
//! ([`DateKey`]), kept for the checks against the build date in [`crate::date_check`], which
//! the per-file checks in [`crate::content::validate`] cannot make (they do not know it).

use jiff::civil::Date;

use crate::calendar;
use crate::content::front_matter::{FrontMatter, Pos};
use crate::content::model::{Data, DateKey, DateKind};

/// The dates and years of `data` with where they are written, for the checks against the
/// build date ([`crate::date_check`]).
pub fn date_keys(fm: &FrontMatter, data: &Data) -> Vec<DateKey> {
    let key =
        |key: &'static str, kind: DateKind, year: i32, date: Option<Date>, pos: Pos| DateKey {
            key,
            kind,
            year,
            date,
            pos,
        };
    let day = |name: &'static str, d: Date, pos: Pos| {
        key(name, DateKind::Scheduled, i32::from(d.year()), Some(d), pos)
    };
    match data {
        Data::Event(ev) => {
            let mut v = vec![day("date", ev.date, fm.pos("date"))];
            v.extend(ev.end_date.map(|d| day("end_date", d, fm.pos("end_date"))));
            let until = ev.repeat.as_ref().and_then(calendar::Rule::until);
            v.extend(until.map(|d| day("until", d, fm.item_pos("repeat", "until"))));
            v
        }
        Data::News(n) => vec![day("date", n.date, fm.pos("date"))],
        Data::City(c) => {
            let since = key(
                "since",
                DateKind::Historic,
                i32::from(c.since.year),
                c.since.date,
                fm.pos("since"),
            );
            let ended = c.ended.map(|y| {
                key(
                    "ended",
                    DateKind::Historic,
                    i32::from(y),
                    None,
                    fm.pos("ended"),
                )
            });
            std::iter::once(since).chain(ended).collect()
        }
        Data::Association(a) => a
            .founded
            .map(|y| key("founded", DateKind::Historic, y, None, fm.pos("founded")))
            .into_iter()
            .collect(),
        Data::Page(_) => Vec::new(),
    }
}
