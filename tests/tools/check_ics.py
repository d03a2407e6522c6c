#!/usr/bin/env python3
"""Independent checker for twinsite's iCalendar feeds (RFC 5545).

Usage: python3 tests/tools/check_ics.py FILE.ics [--expand FROM TO]

Checks the raw bytes (valid UTF-8, CRLF line ends only, no line over 75 octets,
continuation lines start with a space, every logical line is NAME[;PARAM]:VALUE,
balanced BEGIN/END), VERSION/PRODID exactly once, every VEVENT has UID, DTSTAMP and
DTSTART and not both DTEND and DURATION, no duplicate UIDs, every TZID used has a
VTIMEZONE, and that each VTIMEZONE agrees with the system tz database (zoneinfo) at the
events' times. Then parses the file with icalendar.Calendar.from_ical.

With --expand FROM TO (dates YYYY-MM-DD), prints to stdout a JSON list of
{uid, summary, start, end, status, location} for every occurrence in [FROM, TO),
expanded by recurring-ical-events (ISO strings with offset for timed events, dates for
all-day events), sorted by start then uid.

Exit status: 0 fine, 1 a problem (message on stderr), 2 usage.
Needs: pip install icalendar recurring-ical-events
"""

import argparse
import datetime as dt
import json
import re
import sys
import zoneinfo

try:
    import icalendar
    import recurring_ical_events
except ImportError as err:  # pragma: no cover - depends on the machine
    print(f"check_ics: {err}; run: pip install icalendar recurring-ical-events", file=sys.stderr)
    sys.exit(1)

NAME_RE = re.compile(r"^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=(\"[^\"]*\"|[^\";:,]*)(,(\"[^\"]*\"|[^\";:,]*))*)*:")
TZID_RE = re.compile(r";TZID=(\"[^\"]*\"|[^;:]*)")


class Problem(Exception):
    """A reason to reject the file."""


def logical_lines(data: bytes) -> list[str]:
    """Checks the raw bytes and returns the unfolded content lines."""
    try:
        data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as err:
        raise Problem(f"not valid UTF-8 at byte {err.start}") from err
    if not data.endswith(b"\r\n"):
        raise Problem("the file does not end with CRLF")
    raw = data[:-2].split(b"\r\n")
    out: list[str] = []
    for no, line in enumerate(raw, 1):
        if b"\r" in line or b"\n" in line:
            raise Problem(f"line {no}: bare CR or LF (only CRLF line ends are allowed)")
        if len(line) > 75:
            raise Problem(f"line {no}: {len(line)} octets, more than 75")
        text = line.decode("utf-8", errors="strict") if line else ""
        if line.startswith(b" ") or line.startswith(b"\t"):
            if not out:
                raise Problem(f"line {no}: continuation line before any content line")
            out[-1] += text[1:]
        else:
            if not line:
                raise Problem(f"line {no}: empty line")
            out.append(text)
    for line in out:
        if not NAME_RE.match(line):
            raise Problem(f"not a content line (NAME[;PARAM]:VALUE): {line[:60]!r}")
    return out


def check_structure(lines: list[str]) -> None:
    """BEGIN/END nesting, VERSION/PRODID once, required VEVENT properties, UIDs, TZIDs."""
    if not lines or lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR":
        raise Problem("the file must start with BEGIN:VCALENDAR and end with END:VCALENDAR")
    stack: list[str] = []
    top: dict[str, int] = {}
    events: list[dict[str, list[str]]] = []
    tzids_used: set[str] = set()
    tzids_defined: set[str] = set()
    for line in lines:
        name, _, value = line.partition(":")
        key = name.split(";")[0].upper()
        if key == "BEGIN":
            stack.append(value.upper())
            if value.upper() == "VEVENT":
                events.append({})
            continue
        if key == "END":
            if not stack or stack[-1] != value.upper():
                raise Problem(f"END:{value} does not match BEGIN:{stack[-1] if stack else '-'}")
            stack.pop()
            continue
        if stack == ["VCALENDAR"]:
            top[key] = top.get(key, 0) + 1
        if stack and stack[-1] == "VEVENT":
            events[-1].setdefault(key, []).append(line)
        if stack and stack[-1] == "VTIMEZONE" and key == "TZID":
            tzids_defined.add(value)
        for m in TZID_RE.finditer(name):
            tzids_used.add(m.group(1).strip('"'))
    if stack:
        raise Problem(f"BEGIN:{stack[-1]} is never closed")
    for key in ("VERSION", "PRODID"):
        if top.get(key, 0) != 1:
            raise Problem(f"VCALENDAR must have {key} exactly once, has it {top.get(key, 0)} times")
    if "METHOD" in top:
        raise Problem("a published feed must not have METHOD")
    seen: set[tuple[str, str]] = set()
    for i, ev in enumerate(events, 1):
        for key in ("UID", "DTSTAMP", "DTSTART"):
            if key not in ev:
                raise Problem(f"VEVENT #{i} has no {key}")
        for key, lines_ in ev.items():
            if len(lines_) > 1 and key not in ("EXDATE", "RDATE", "CATEGORIES", "COMMENT", "ATTACH"):
                raise Problem(f"VEVENT #{i} has {key} {len(lines_)} times")
        if "DTEND" in ev and "DURATION" in ev:
            raise Problem(f"VEVENT #{i} has both DTEND and DURATION")
        uid = ev["UID"][0].partition(":")[2]
        rid = ev.get("RECURRENCE-ID", [""])[0]
        if (uid, rid) in seen:
            raise Problem(f"duplicate UID {uid}")
        seen.add((uid, rid))
    missing = tzids_used - tzids_defined
    if missing:
        raise Problem(f"TZID without VTIMEZONE: {', '.join(sorted(missing))}")


def local_times(cal) -> list[dt.datetime]:
    """Every DTSTART/DTEND/EXDATE/RECURRENCE-ID datetime with a tzinfo in the file."""
    out = []
    for ev in cal.walk("VEVENT"):
        for key in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            if key in ev and isinstance(ev[key].dt, dt.datetime):
                out.append(ev[key].dt)
        exdates = ev.get("EXDATE", [])
        for ex in exdates if isinstance(exdates, list) else [exdates]:
            out.extend(d.dt for d in ex.dts if isinstance(d.dt, dt.datetime))
    return out


def regular_time(t: dt.datetime, zone: zoneinfo.ZoneInfo) -> bool:
    """False for local times in a gap or fold, where definitions legitimately differ."""
    a, b = t.replace(tzinfo=zone, fold=0), t.replace(tzinfo=zone, fold=1)
    if a.utcoffset() != b.utcoffset():
        return False
    back = a.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
    return back == t.replace(tzinfo=None)


def check_vtimezones(cal, extra: list[dt.datetime]) -> None:
    """Each VTIMEZONE, read on its own, must give zoneinfo's offsets at the events' times."""
    times = [t.replace(tzinfo=None) for t in local_times(cal) + extra if t.tzinfo is not None]
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        try:
            zone = zoneinfo.ZoneInfo(tzid)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue  # not an IANA name: nothing to compare with
        own = vtz.to_tz(lookup_tzid=False)
        samples = list(times)
        years = sorted({t.year for t in times})
        if years:
            day = dt.datetime(years[0], 1, 1, 12)
            while day.year <= min(years[-1], years[0] + 20):
                samples.append(day)
                day += dt.timedelta(days=1)
        for t in samples:
            if not regular_time(t, zone):
                continue
            mine, ref = t.replace(tzinfo=own).utcoffset(), t.replace(tzinfo=zone).utcoffset()
            if mine != ref:
                raise Problem(f"VTIMEZONE {tzid} gives offset {mine} at {t}, the tz database {ref}")


def iso(value) -> str:
    return value.isoformat()


def expand(cal, start: dt.date, end: dt.date) -> list[dict]:
    rows = []
    for occ in recurring_ical_events.of(cal).between(start, end):
        s = occ["DTSTART"].dt
        e = occ["DTEND"].dt if "DTEND" in occ else None
        rows.append({
            "uid": str(occ["UID"]),
            "summary": str(occ.get("SUMMARY", "")),
            "start": iso(s),
            "end": iso(e) if e is not None else None,
            "status": str(occ.get("STATUS", "")) or None,
            "location": str(occ["LOCATION"]) if "LOCATION" in occ else None,
        })
    rows.sort(key=lambda r: (r["start"], r["uid"]))
    return rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Check a twinsite .ics file.")
    ap.add_argument("file")
    ap.add_argument("--expand", nargs=2, metavar=("FROM", "TO"))
    args = ap.parse_args(argv)
    try:
        with open(args.file, "rb") as fh:
            data = fh.read()
        check_structure(logical_lines(data))
        try:
            cal = icalendar.Calendar.from_ical(data)
        except Exception as err:  # noqa: BLE001 - any parse failure is a problem
            raise Problem(f"icalendar cannot parse it: {err}") from err
        rows = None
        extra: list[dt.datetime] = []
        if args.expand:
            try:
                start, end = (dt.date.fromisoformat(x) for x in args.expand)
            except ValueError:
                print("check_ics: --expand needs two dates YYYY-MM-DD", file=sys.stderr)
                return 2
            try:
                occs = list(recurring_ical_events.of(cal).between(start, end))
                rows = expand(cal, start, end)
            except Exception as err:  # noqa: BLE001
                raise Problem(f"recurring-ical-events cannot expand it: {err}") from err
            for occ in occs:
                for key in ("DTSTART", "DTEND"):
                    if key in occ and isinstance(occ[key].dt, dt.datetime):
                        extra.append(occ[key].dt)
        check_vtimezones(cal, extra)
    except OSError as err:
        print(f"check_ics: cannot read {args.file}: {err}", file=sys.stderr)
        return 1
    except Problem as err:
        print(f"check_ics: {args.file}: {err}", file=sys.stderr)
        return 1
    if rows is not None:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
