#!/usr/bin/env python3
"""Runs bylaw and the peer engines on the same records, checks that each gives the reference's failed rule ids
for every record, and prints records/s and bylaw's ratio to each. Called by `Benchmarks/peers/run`.

bylaw is timed as a whole process: `bylaw audit RECORDS --no-audit --jobs 1` reads the JSON Lines, parses,
types, checks and writes its report; the JSON Lines report (one line per record, every rule) is the one
checked, and the text report (the default) is timed too. The peers run in this process, on one thread (see
`engines.py` for the two rates each is given). Rounds are interleaved so that a load change hits every engine.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import engines

HERE = os.path.dirname(os.path.abspath(__file__))


def bylaw_failed(report):
    """Each record's failed rule ids, in input order, from a JSON Lines report (an error counts as `error:ID`)."""
    out = []
    with open(report, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            failed = [r["rule"] for r in item["results"] if r["outcome"] == "failed"]
            failed += ["error:" + r["rule"] for r in item["results"] if r["outcome"] == "error"]
            out.append((item["source"]["line"], [r for r in engines.RULES if r in failed] + [
                f for f in failed if f not in engines.RULES]))
    return [ids for _, ids in sorted(out)]


def run_bylaw(binary, records, fmt, report):
    start = time.perf_counter()
    done = subprocess.run(
        [binary, "audit", records, "--rules", os.path.join(HERE, "rules"), "--no-audit", "--jobs", "1",
         "--format", fmt, "--report", report, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    # 1: some record failed a rule, as expected.
    if done.returncode not in (0, 1):
        sys.exit(f"bylaw audit failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return seconds


def mismatches(name, got, expected):
    bad = [k for k, (g, e) in enumerate(zip(got, expected)) if g != e]
    if len(got) != len(expected):
        bad.append(min(len(got), len(expected)))
    for k in bad[:3]:
        print(f"  {name}: record {k + 1}: {got[k] if k < len(got) else None} instead of "
              f"{expected[k] if k < len(expected) else None}", file=sys.stderr)
    return len(bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bylaw", required=True, help="the bylaw executable (a release build)")
    ap.add_argument("--records", required=True, help="JSON Lines written by gen.py")
    ap.add_argument("--expected", required=True, help="the reference's failed ids, from gen.py --expect")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--engines", default=",".join(engines.ENGINES))
    ap.add_argument("--work", default="/tmp")
    args = ap.parse_args()

    with open(args.records, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with open(args.expected, encoding="utf-8") as f:
        expected = [line.split() for line in f.read().splitlines()]
    n = len(lines)
    peers = {name: engines.ENGINES[name]() for name in args.engines.split(",") if name}
    report = os.path.join(args.work, "peers-bylaw-report.jsonl")

    # Correctness first, on every record: an engine that disagrees with the reference is not timed.
    wrong = {}
    run_bylaw(args.bylaw, args.records, "jsonl", report)
    wrong["bylaw"] = mismatches("bylaw", bylaw_failed(report), expected)
    for name, engine in peers.items():
        wrong[name] = mismatches(name, engine.text(lines), expected)
    prepared = {name: engine.prepare(lines) for name, engine in peers.items()}

    times = {("bylaw", "jsonl"): [], ("bylaw", "text"): []}
    for name in peers:
        times[(name, "text")] = []
        times[(name, "eval")] = []
    for _ in range(args.rounds):
        times[("bylaw", "jsonl")].append(run_bylaw(args.bylaw, args.records, "jsonl", report))
        times[("bylaw", "text")].append(run_bylaw(args.bylaw, args.records, "text", os.devnull))
        for name, engine in peers.items():
            start = time.perf_counter()
            engine.text(lines)
            times[(name, "text")].append(time.perf_counter() - start)
            start = time.perf_counter()
            engine.eval(prepared[name])
            times[(name, "eval")].append(time.perf_counter() - start)

    def rate(key):
        return n / statistics.median(times[key])

    labels = {
        ("bylaw", "jsonl"): "bylaw, whole process, JSON Lines report",
        ("bylaw", "text"): "bylaw, whole process, text report",
    }
    for name, engine in peers.items():
        labels[(name, "text")] = f"{engine.name}, JSON text in"
        labels[(name, "eval")] = f"{engine.name}, evaluation only"
    print(f"{n:,} records, rules R1-R8 and table D1 (14 rows, first hit), one core each; "
          f"median of {args.rounds} interleaved rounds; load average {os.getloadavg()[0]:.1f}")
    print(f"{'':<58} {'records/s':>10} {'range':>21}  mismatches")
    for key, label in labels.items():
        low, high = n / max(times[key]), n / min(times[key])
        print(f"{label:<58} {rate(key):>10,.0f} {low:>10,.0f}-{high:<10,.0f} {wrong[key[0]]:>6}")
    for mine, report_name in (("jsonl", "JSON Lines report"), ("text", "text report")):
        base = rate(("bylaw", mine))
        for key, label in labels.items():
            if key[0] != "bylaw":
                print(f"bylaw ({report_name}) / {label}: {base / rate(key):.2f}x")
    if any(wrong.values()):
        sys.exit("some engine disagrees with the reference")


if __name__ == "__main__":
    main()
