#!/usr/bin/env python3
"""Check rules/calendars/cn-mainland.yaml against independent sources.

A maintainer's tool, not used by bylaw at run time nor by CI.

1. Consistency of the file itself: keys and shapes, valid ISO dates, ranges
   with from <= to, every block and workday within its notice's year (a
   block or workday may start in December of the year before), blocks in
   order and not overlapping, workdays sorted, no duplicates, every workday a
   weekend day outside every block whose `for` names a block of its year,
   each block the whole run of days off (the days just before and after it
   are working days), the years contiguous over `covers`.
2. For every day of `covers`, "is a working day" by our file (a listed
   workday, or Monday..Friday outside every holiday block) compared with
     - chinesecalendar (import chinese_calendar): is_workday(day), and
     - holidays (class China): is_working_day(day),
   each only for the years that source has data for (printed); the days
   where the two sources disagree with each other are printed too. The
   festival of each weekday off and of each make-up day is also compared
   with chinesecalendar's.

Prints every mismatch and a summary line; exits 1 on any consistency error
or mismatch, 2 when a package is missing and cannot be installed.

Usage:
    python3 scripts/calendar/check_cn_calendar.py [--file PATH] [--no-install]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required: python3 -m pip install pyyaml")

REPO = Path(__file__).resolve().parents[2]
DEFAULT_FILE = REPO / "rules" / "calendars" / "cn-mainland.yaml"

PACKAGES = {  # import name -> PyPI name
    "chinese_calendar": "chinesecalendar",
    "holidays": "holidays",
}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOTICE_RE = re.compile(r"^国办发明电〔(\d{4})〕(\d+)号$")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

TOP_KEYS = {"calendar", "title", "weekend", "covers", "source", "years"}
YEAR_KEYS = {"year", "notice", "provisional", "holidays", "workdays"}
BLOCK_KEYS = {"name", "from", "to"}
WORKDAY_KEYS = {"date", "for"}


# --------------------------------------------------------------------------
# packages

def ensure_packages(allow_install: bool):
    mods = {}
    missing = []
    for mod in PACKAGES:
        try:
            mods[mod] = importlib.import_module(mod)
        except ImportError:
            missing.append(mod)
    if missing and allow_install:
        names = [PACKAGES[m] for m in missing]
        print(f"installing {' '.join(names)} with pip ...", file=sys.stderr)
        rc = subprocess.call([sys.executable, "-m", "pip", "install", "--quiet", *names])
        if rc != 0:
            sys.exit(f"pip install {' '.join(names)} failed (exit {rc})")
        importlib.invalidate_caches()
        for mod in missing:
            mods[mod] = importlib.import_module(mod)
        missing = []
    if missing:
        print("missing packages: " + ", ".join(PACKAGES[m] for m in missing)
              + " (run without --no-install, or pip install them)", file=sys.stderr)
        sys.exit(2)
    return mods


def version(pypi_name: str) -> str:
    try:
        return importlib.metadata.version(pypi_name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


# --------------------------------------------------------------------------
# our file

class Calendar:
    def __init__(self):
        self.off: dict[dt.date, str] = {}      # day -> block name
        self.work: dict[dt.date, str] = {}     # make-up working day -> for
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.years: list[int] = []
        self.notes: list[str] = []

    def is_workday(self, day: dt.date) -> bool:
        if day in self.work:
            return True
        if day in self.off:
            return False
        return day.weekday() < 5


def parse_date(value, where: str, errors: list[str]) -> dt.date | None:
    if not isinstance(value, str) or not DATE_RE.match(value):
        errors.append(f"{where}: {value!r} is not a YYYY-MM-DD date")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"{where}: {value!r} is not a valid date")
        return None


def in_notice_year(day: dt.date, year: int) -> bool:
    """A notice for `year` may reach back into December of the year before."""
    return day.year == year or (day.year == year - 1 and day.month == 12)


def load(path: Path) -> tuple[Calendar, list[str]]:
    errors: list[str] = []
    cal = Calendar()
    with path.open(encoding="utf-8") as fh:
        # BaseLoader: every scalar stays a string, as bylaw's loader sees it.
        doc = yaml.load(fh, Loader=yaml.BaseLoader)
    if not isinstance(doc, dict):
        return cal, ["top level is not a mapping"]

    for key in sorted(TOP_KEYS - doc.keys()):
        errors.append(f"missing top-level key {key!r}")
    for key in sorted(doc.keys() - TOP_KEYS):
        errors.append(f"unknown top-level key {key!r}")
    if doc.get("calendar") != "cn-mainland":
        errors.append(f"calendar: expected 'cn-mainland', got {doc.get('calendar')!r}")
    if doc.get("weekend") != ["saturday", "sunday"]:
        errors.append(f"weekend: expected [saturday, sunday], got {doc.get('weekend')!r}")
    weekend = {WEEKDAYS.index(d) for d in doc.get("weekend", []) if d in WEEKDAYS} or {5, 6}

    covers = doc.get("covers") or {}
    if not isinstance(covers, dict) or set(covers) != {"from", "until"}:
        errors.append(f"covers: expected {{from, until}}, got {covers!r}")
        covers = {}
    cal.first = parse_date(covers.get("from"), "covers.from", errors)
    cal.last = parse_date(covers.get("until"), "covers.until", errors)
    if not (cal.first and cal.last) or cal.first > cal.last:
        errors.append("covers: no valid range")
        return cal, errors

    years = doc.get("years")
    if not isinstance(years, list) or not years:
        return cal, errors + ["years: expected a non-empty list"]

    prev_block_end: dt.date | None = None
    blocks_by_year: list[list[tuple[str, dt.date, dt.date]]] = []
    for i, entry in enumerate(years):
        where = f"years[{i}]"
        if not isinstance(entry, dict):
            errors.append(f"{where}: not a mapping")
            continue
        for key in sorted(entry.keys() - YEAR_KEYS):
            errors.append(f"{where}: unknown key {key!r}")
        try:
            year = int(entry.get("year", ""))
        except ValueError:
            errors.append(f"{where}: year {entry.get('year')!r} is not an integer")
            continue
        where = f"{year}"
        cal.years.append(year)

        notice = entry.get("notice")
        if notice is not None:
            m = NOTICE_RE.match(notice) if isinstance(notice, str) else None
            if not m:
                errors.append(f"{where}: notice {notice!r} is not 国办发明电〔YYYY〕N号")
            elif int(m.group(1)) != year - 1:
                errors.append(f"{where}: notice {notice!r} is not of the year before {year}")

        names: set[str] = set()
        year_blocks: list[tuple[str, dt.date, dt.date]] = []
        blocks_by_year.append(year_blocks)
        blocks = entry.get("holidays")
        if not isinstance(blocks, list) or not blocks:
            errors.append(f"{where}: holidays: expected a non-empty list")
            blocks = []
        for j, block in enumerate(blocks):
            bw = f"{where} holidays[{j}]"
            if not isinstance(block, dict) or set(block) != BLOCK_KEYS:
                errors.append(f"{bw}: expected {{name, from, to}}, got {block!r}")
                continue
            name = block["name"]
            bw = f"{where} {name}"
            if not name.strip():
                errors.append(f"{bw}: empty name")
            if name in names:
                errors.append(f"{bw}: duplicate block name in the year")
            names.add(name)
            start = parse_date(block["from"], f"{bw} from", errors)
            end = parse_date(block["to"], f"{bw} to", errors)
            if not (start and end):
                continue
            if start > end:
                errors.append(f"{bw}: from {start} is after to {end}")
                continue
            if not (in_notice_year(start, year) and end.year == year):
                errors.append(f"{bw}: {start}..{end} is not within {year} "
                              f"(a block may start in December {year - 1})")
            if start < cal.first or end > cal.last:
                errors.append(f"{bw}: {start}..{end} is outside covers")
            if prev_block_end and start <= prev_block_end:
                errors.append(f"{bw}: starts {start}, not after the previous block's end "
                              f"{prev_block_end} (order or overlap)")
            prev_block_end = max(prev_block_end or end, end)
            year_blocks.append((name, start, end))
            day = start
            while day <= end:
                if day in cal.off:
                    errors.append(f"{bw}: {day} is already in block {cal.off[day]}")
                cal.off[day] = name
                day += dt.timedelta(days=1)
            if all((start + dt.timedelta(days=k)).weekday() in weekend
                   for k in range((end - start).days + 1)):
                cal.notes.append(f"{bw} {start}..{end} has weekend days only")

        workdays = entry.get("workdays", [])
        if not isinstance(workdays, list):
            errors.append(f"{where}: workdays: expected a list")
            workdays = []
        prev: dt.date | None = None
        for j, wd in enumerate(workdays):
            ww = f"{where} workdays[{j}]"
            if not isinstance(wd, dict) or set(wd) != WORKDAY_KEYS:
                errors.append(f"{ww}: expected {{date, for}}, got {wd!r}")
                continue
            day = parse_date(wd["date"], f"{ww} date", errors)
            if not day:
                continue
            ww = f"{where} workday {day}"
            if prev and day <= prev:
                errors.append(f"{ww}: not after {prev} (unsorted or duplicate)")
            prev = day
            if day in cal.work:
                errors.append(f"{ww}: listed twice")
            if day.weekday() not in weekend:
                errors.append(f"{ww}: is a {WEEKDAYS[day.weekday()]}, not a weekend day")
            if not in_notice_year(day, year):
                errors.append(f"{ww}: not within {year} (or December {year - 1})")
            if day < cal.first or day > cal.last:
                errors.append(f"{ww}: outside covers")
            if wd["for"] not in names:
                errors.append(f"{ww}: for {wd['for']!r} names no block of {year}")
            cal.work[day] = wd["for"]

    # Checked after all years are read: a workday may precede its year's
    # first block and sit next to the previous year's blocks.
    for day in sorted(cal.work):
        if day in cal.off:
            errors.append(f"workday {day} lies inside holiday block {cal.off[day]}")

    # A block is the whole run of days off: the day before it and the day
    # after it must be working days (a weekday, or a listed make-up day), so
    # a weekend joined to a holiday ("与周末连休") is in the block. Without
    # this, a block cut short by a weekend day would pass the comparison.
    def off(day: dt.date) -> bool:
        return day in cal.off or (day.weekday() in weekend and day not in cal.work)
    for year_blocks in blocks_by_year:
        for name, start, end in year_blocks:
            for edge, side in ((start - dt.timedelta(days=1), "before"),
                               (end + dt.timedelta(days=1), "after")):
                if off(edge) and cal.off.get(edge) != name:
                    errors.append(f"block {name} {start}..{end}: the day {side} it, "
                                  f"{edge} ({WEEKDAYS[edge.weekday()]}), is also off; "
                                  f"extend the block to the whole run of days off")

    if cal.years != sorted(set(cal.years)):
        errors.append(f"years are not strictly increasing: {cal.years}")
    want = list(range(cal.first.year, cal.last.year + 1))
    if sorted(set(cal.years)) != want:
        errors.append(f"years {sorted(set(cal.years))} do not match covers {want[0]}..{want[-1]}")
    return cal, errors


# --------------------------------------------------------------------------
# sources

def chinese_calendar_source(mod):
    def covered(year: int) -> bool:
        try:
            mod.is_workday(dt.date(year, 6, 1))
            return True
        except NotImplementedError:
            return False
    return "chinesecalendar", covered, mod.is_workday


def holidays_source(mod):
    from holidays.countries.china import ChinaStaticHolidays
    china = mod.China(years=range(2000, 2031))
    # A year counts as covered when the package encodes that year's notice
    # (its substituted days); other years it would only compute from rules.
    data_years = set(ChinaStaticHolidays.special_public_holidays)

    def covered(year: int) -> bool:
        return year in data_years
    return "holidays.China", covered, china.is_working_day


def check_names(cal: Calendar, covered) -> list[str]:
    from chinese_calendar import constants
    zh = {h.value: h.chinese for h in constants.Holiday}
    out = []
    for day in sorted(cal.off):
        if day.weekday() >= 5 or not covered(day.year):
            continue
        theirs = zh.get(constants.holidays.get(day), None)
        if theirs is None or theirs not in cal.off[day]:
            out.append(f"{day}: ours {cal.off[day]}, theirs {theirs}")
    for day in sorted(cal.work):
        if not covered(day.year):
            continue
        theirs = zh.get(constants.workdays.get(day), None)
        if theirs is None or theirs not in cal.work[day]:
            out.append(f"workday {day}: ours for {cal.work[day]}, theirs {theirs}")
    return out


def ranges(years: list[int]) -> str:
    if not years:
        return "none"
    out, start = [], years[0]
    for a, b in zip(years, years[1:] + [None]):
        if b != a + 1:
            out.append(str(start) if start == a else f"{start}-{a}")
            start = b
    return ", ".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--no-install", action="store_true",
                    help="do not pip install missing packages; fail instead")
    args = ap.parse_args()

    cal, errors = load(args.file)
    print(f"file: {args.file}")
    print(f"years: {ranges(sorted(set(cal.years)))}; {len(cal.off)} days in holiday blocks, "
          f"{len(cal.work)} make-up working days")
    for n in cal.notes:
        print(f"note: {n}")
    for e in errors:
        print(f"CONSISTENCY: {e}")
    if errors and not (cal.first and cal.last):
        print(f"summary: {len(errors)} consistency errors; comparison not run")
        return 1

    mods = ensure_packages(not args.no_install)
    print(f"packages: chinesecalendar {version('chinesecalendar')}, "
          f"holidays {version('holidays')}, PyYAML {version('PyYAML')}, "
          f"Python {sys.version.split()[0]}")
    sources = [chinese_calendar_source(mods["chinese_calendar"]),
               holidays_source(mods["holidays"])]

    span = list(range(cal.first.year, cal.last.year + 1))
    total_mismatches = 0
    compared: dict[str, int] = {}
    for name, covered, is_workday in sources:
        years = [y for y in span if covered(y)]
        print(f"{name}: has data for {ranges(years)} of {span[0]}-{span[-1]}"
              + ("" if years == span else f"; not compared: {ranges([y for y in span if y not in years])}"))
        count = 0
        day = cal.first
        while day <= cal.last:
            if day.year in years:
                count += 1
                ours, theirs = cal.is_workday(day), bool(is_workday(day))
                if ours != theirs:
                    total_mismatches += 1
                    why = (f"in block {cal.off[day]}" if day in cal.off else
                           f"make-up workday for {cal.work[day]}" if day in cal.work else
                           "ordinary " + ("weekday" if day.weekday() < 5 else "weekend day"))
                    print(f"MISMATCH {name}: {day} ({WEEKDAYS[day.weekday()]}): ours "
                          f"{'work' if ours else 'off'}, {name} {'work' if theirs else 'off'} ({why})")
            day += dt.timedelta(days=1)
        compared[name] = count

    # Names: each weekday off in one of our blocks, and each make-up working
    # day, must carry the same festival in chinesecalendar (whose Chinese
    # names are short: 清明 for 清明节, 中秋 inside 中秋节、国庆节).
    name_mismatches = check_names(cal, sources[0][1])
    for line in name_mismatches:
        print(f"NAME MISMATCH chinesecalendar: {line}")

    # Where the two sources disagree with each other, say so: the file
    # must then follow the official notice and explain it in a comment.
    (n1, c1, w1), (n2, c2, w2) = sources
    disagreements = []
    day = cal.first
    while day <= cal.last:
        if c1(day.year) and c2(day.year) and bool(w1(day)) != bool(w2(day)):
            disagreements.append(day)
        day += dt.timedelta(days=1)
    for day in disagreements:
        print(f"SOURCES DISAGREE: {day}: {n1} {'work' if w1(day) else 'off'}, "
              f"{n2} {'work' if w2(day) else 'off'}; ours {'work' if cal.is_workday(day) else 'off'}")

    days = (cal.last - cal.first).days + 1
    print("summary: "
          + f"{days} days {cal.first}..{cal.last}; "
          + "; ".join(f"{n} compared {c} days" for n, c in compared.items())
          + f"; {total_mismatches} mismatches; {len(name_mismatches)} name mismatches; "
          + f"{len(errors)} consistency errors; "
          + f"{len(disagreements)} days where the sources disagree")
    return 1 if (total_mismatches or name_mismatches or errors) else 0


if __name__ == "__main__":
    sys.exit(main())
