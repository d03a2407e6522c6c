//! The calendar: recurring events ([`repeat`]: the `repeat:` key, its validation, expansion
//! and RRULE), recurrence rules in words ([`describe`]), month grids ([`grid`]), the span of
//! dates a build lays out ([`window`]) and dates that are probably mistyped ([`plausible`]),
//! and the RFC 5545 iCalendar writer ([`ics`], with VTIMEZONE from jiff's bundled tz database and stable
//! UUID-v5 UIDs). Pure functions on civil dates: no I/O, no clock, no printing.

pub mod grid;
pub mod ics;
pub mod plausible;
pub mod repeat;
mod spec;
mod uid;
mod vtimezone;
pub mod window;
mod words;

pub use grid::{YearMonth, month_weeks, months_between};
pub use ics::{IcsCalendar, IcsError, IcsEvent, Status, When, uid_for, write};
pub use repeat::{
    Every, Pattern, RepeatSpec, Rule, WeekdayList, occurrences, occurrences_in, rrule, rrule_timed,
    validate,
};
pub use window::{Shown, Window};
pub use words::{Fill, describe};
