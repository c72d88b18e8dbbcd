#!/usr/bin/env python3
"""Generate N synthetic asset disposals for the peer benchmark, deterministically from a seed.

The workload of issue 27 and of the peer study: rules R1-R8 and the 14-row first-hit table D1 over a disposal
with its asset, sale and approvals. Every record is written as one JSON line; with --expect, the reference's
failed rule ids (exact decimals, real calendar years) are written one line per record, in the same order.

    Benchmarks/peers/gen.py 100000 > records.jsonl
    Benchmarks/peers/gen.py 100000 --expect expected.txt > records.jsonl
"""
import argparse
import datetime
import importlib.util
import os
import random
import sys
from decimal import Decimal

# Amounts are written as JSON numbers from exact text, as scripts/gen-disposals.py writes them.
_spec = importlib.util.spec_from_file_location(
    "gen_disposals", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../scripts/gen-disposals.py"))
_disposals = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_disposals)
money, dump = _disposals.money, _disposals.dump

CATEGORIES = ["vehicle", "building", "equipment", "it", "furniture", "intangible"]
METHODS = ["auction", "tender", "scrap", "donation", "transfer"]
BODIES = ["unit_head", "finance_dept", "collective_meeting", "party_group", "superior_union"]

# Table D1: (category or None for any, minimum book value or None, the body required). First hit.
D1 = [
    ("vehicle", 200_000, "superior_union"), ("vehicle", None, "party_group"),
    ("building", 1_000_000, "superior_union"), ("building", None, "party_group"),
    ("equipment", 300_000, "party_group"), ("equipment", 50_000, "collective_meeting"),
    ("equipment", None, "finance_dept"),
    ("it", 100_000, "collective_meeting"), ("it", 10_000, "finance_dept"), ("it", None, "unit_head"),
    ("furniture", 50_000, "collective_meeting"), ("furniture", 5_000, "finance_dept"),
    ("furniture", None, "unit_head"),
    (None, None, "collective_meeting"),
]


def d1(category, book):
    for cat, least, body in D1:
        if (cat is None or cat == category) and (least is None or book >= least):
            return body
    raise AssertionError("D1 has a catch-all row")


def add_years(d, n):
    """Calendar years; 29 February lands on 28 February in a common year."""
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def whole_years(a, b):
    """Completed calendar years from a to b."""
    n = b.year - a.year
    return n if add_years(a, n) <= b else n - 1


def reference(r):
    """The failed rule ids of a record, in rule order, with exact decimals and real dates."""
    book = Decimal(r["asset"]["book_value"])
    disposal = r["disposal"]
    bodies = {a["body"] for a in r["approvals"]}
    day = datetime.date.fromisoformat(disposal["date"])
    failed = []
    if book >= 500_000 and "superior_union" not in bodies:
        failed.append("R1")
    if book >= 50_000 and "collective_meeting" not in bodies:
        failed.append("R2")
    if "finance_dept" not in bodies:
        failed.append("R3")
    if disposal["method"] in ("auction", "tender"):
        appraised = disposal.get("appraised_value")
        if appraised is None or Decimal(disposal["proceeds"]) < Decimal("0.9") * Decimal(appraised):
            failed.append("R4")
    if disposal["buyer_related_party"]:
        failed.append("R5")
    if disposal["method"] == "scrap":
        acquired = datetime.date.fromisoformat(r["asset"]["acquired"])
        if day < add_years(acquired, r["asset"]["useful_life_years"]):
            failed.append("R6")
    if disposal["method"] == "donation" and "party_group" not in bodies:
        failed.append("R7")
    if any(datetime.date.fromisoformat(a["date"]) > day for a in r["approvals"]):
        failed.append("R8")
    if d1(r["asset"]["category"], book) not in bodies:
        failed.append("D1")
    return failed


def book_value(rng):
    """Yuan in fen; one record in ten sits on a threshold, or one fen either side of it."""
    if rng.random() < 0.1:
        edge = rng.choice([5_000, 10_000, 50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000])
        return edge * 100 + rng.choice([-1, 0, 0, 1])
    return rng.randrange(1_000_00, 2_000_000_00)


def record(rng, i):
    category = rng.choice(CATEGORIES)
    method = rng.choices(METHODS, weights=[4, 2, 3, 1, 1])[0]
    book = book_value(rng)
    yuan = Decimal(book) / 100
    day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 2000))
    life = rng.randrange(3, 16)
    if rng.random() < 0.05:
        acquired = datetime.date(rng.choice([2000, 2004, 2008, 2012]), 2, 29)
    else:
        acquired = day - datetime.timedelta(days=rng.randrange(365, 365 * 25))
    if method == "scrap" and rng.random() < 0.1:
        # Exactly on the anniversary.
        acquired = add_years(day, -life) if not (day.month == 2 and day.day == 29) else acquired
    needed = {"finance_dept", d1(category, yuan)}
    if yuan >= 500_000:
        needed.add("superior_union")
    if yuan >= 50_000:
        needed.add("collective_meeting")
    if method == "donation":
        needed.add("party_group")
    needed.add(rng.choice(BODIES))
    disposal = {"method": method, "date": day.isoformat()}
    appraised = rng.randrange(book // 4, book + 1)
    if method in ("auction", "tender"):
        disposal["appraised_value"] = money(appraised)
        proceeds = appraised * 9 // 10 + (0 if rng.random() < 0.1 else rng.randrange(0, appraised // 5 + 1))
        if appraised % 10 == 0 and rng.random() < 0.5:
            proceeds = appraised * 9 // 10
    else:
        proceeds = rng.randrange(0, appraised + 1) if method != "donation" else 0
    disposal["buyer_related_party"] = False
    disposal["proceeds"] = money(proceeds)
    approvals = [{"body": b, "date": (day - datetime.timedelta(days=rng.randrange(0, 90))).isoformat()}
                 for b in sorted(needed)]
    rng.shuffle(approvals)
    # About 30 % break one to three rules.
    if rng.random() < 0.3:
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            edit = rng.randrange(6)
            if edit == 0 and len(approvals) > 1:
                approvals.pop(rng.randrange(len(approvals)))
            elif edit == 1:
                disposal["buyer_related_party"] = True
            elif edit == 2 and approvals:
                approvals[rng.randrange(len(approvals))]["date"] = (
                    day + datetime.timedelta(days=rng.randrange(1, 30))).isoformat()
            elif edit == 3 and "appraised_value" in disposal:
                if rng.random() < 0.3:
                    del disposal["appraised_value"]
                else:
                    disposal["proceeds"] = money(appraised * 9 // 10 - rng.randrange(1, 1000))
            elif edit == 4:
                acquired = day - datetime.timedelta(days=rng.randrange(30, 365 * 2))
                disposal["method"] = "scrap"
            else:
                approvals = [a for a in approvals if a["body"] != "finance_dept"] or approvals
    asset = {"category": category, "book_value": money(book), "acquired": acquired.isoformat(),
             "useful_life_years": life, "age_years": whole_years(acquired, day)}
    return {"kind": "disposal", "id": f"D{i:07d}", "date": day.isoformat(), "unit": f"province-{rng.randrange(1, 32):02d}",
            "asset": asset, "disposal": disposal, "approvals": approvals}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--expect", help="also write each record's failed rule ids, space-separated, one line each")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    expect = open(args.expect, "w") if args.expect else None
    out = sys.stdout
    for i in range(1, args.n + 1):
        r = record(rng, i)
        out.write(dump(r) + "\n")
        if expect:
            expect.write(" ".join(reference(r)) + "\n")


if __name__ == "__main__":
    main()
