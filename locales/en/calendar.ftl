# Calendar: recurring events (`repeat:`) and the .ics feed.

calendar-unknown-time-zone = unknown time zone "{ $name }" ({ $reason }): use an IANA name such as Europe/Berlin
calendar-ends-before-start = event { $uid } ends before it starts
calendar-invalid-coordinates = event { $uid } has invalid coordinates (latitude -90..90, longitude -180..180)
calendar-duplicate-uid = two events share the UID { $uid }
calendar-date-out-of-range = event { $uid }: date out of range ({ $reason })

calendar-repeat-date-invalid = `{ $key }` { $date } is not a real date: write it as YYYY-MM-DD, e.g. 2026-03-10
calendar-repeat-interval-zero = `interval` must be 1 or more (1 = every time, 2 = every other time)
calendar-repeat-until-before-first = `until` { $until } is before the event's first `date` { $first }
calendar-repeat-count-zero = `count` must be 1 or more (it counts the first `date` too)
calendar-repeat-count-and-until = `count` and `until` cannot both be given: keep one of them
calendar-repeat-nth-invalid = `nth` must be 1, 2, 3, 4, 5 or -1 (the last one), not { $nth }
calendar-repeat-nth-needs-weekday = `nth` needs `weekday` too: write `weekday: tue` for "every 2nd Tuesday"
calendar-repeat-one-weekday = only `every: week` takes a list of weekdays; give one `weekday` here
calendar-repeat-nth-weekly = `nth` only works with `every: month` or `every: year`: "every 2nd Tuesday" is `every: month`, `weekday: tue`, `nth: 2`
calendar-repeat-weekday-needs-nth = `weekday` with `every: { $every }` needs `nth` too: write `nth: 2` for "every 2nd { $weekday }" or `nth: -1` for the last one
calendar-repeat-first-misfit = the first `date` { $first } is a { $weekday }, but `repeat` says { $rule }
calendar-repeat-first-misfit-fix = the first `date` { $first } is a { $weekday }, but `repeat` says { $rule }; the first date that fits is { $fits }: write `date: { $fits }`
calendar-repeat-except-unused = `except` { $date } is not one of the event's dates ({ $rule }), so it changes nothing

calendar-every-unknown = `every: { $every }` is not known: write `every: week`, `every: month` or `every: year`
calendar-weekday-unknown = `weekday: { $weekday }` is not a weekday: write mon, tue, wed, thu, fri, sat or sun (German mo, di, mi, do, fr, sa, so also work)
calendar-weekday-expected = a weekday such as `tue`, or a list such as `[tue, thu]`

# A repetition in words, inside the messages above.
calendar-pattern-weekly = every { $days }
calendar-days-and = { $list } and { $last }
calendar-pattern-month-day = every month on day { $day }
calendar-pattern-month-nth = the { $nth } { $weekday } of every month
calendar-pattern-year-date = every year on { $month } { $day }
calendar-pattern-year-nth = the { $nth } { $weekday } of { $month } every year
calendar-ordinal =
    { $n ->
        [-1] last
        [1] 1st
        [2] 2nd
        [3] 3rd
       *[other] { $n }th
    }
calendar-weekday =
    { $day ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }
calendar-month =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
