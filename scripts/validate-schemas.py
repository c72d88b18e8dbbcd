#!/usr/bin/env python3
"""Validates the shipped rule library against bylaw's JSON Schemas with an independent validator.

- every rules/*/ruleset*.yaml against schemas/ruleset.schema.json;
- every rules/*/tests/*.yaml against schemas/test.schema.json;
- every rules/*/examples/*.yaml against `bylaw schema --decision <its kind>`.

YAML is read with YAML 1.2 core typing, as bylaw reads it: plain ints and floats are numbers,
true/false are booleans, null/~ are null, and everything else (dates, `yes`, `0755`-like codes in quotes)
is a string.

Usage: scripts/validate-schemas.py [--bylaw PATH] [--rules DIR]
Exit codes: 0 every file is valid, 1 some file is not, 2 a tool or file is missing.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:  # pragma: no cover - reported to the caller
    print(f"validate-schemas: {e.name} is not installed (apt-get install python3-jsonschema python3-yaml)",
          file=sys.stderr)
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class CoreLoader(yaml.SafeLoader):
    """A loader with the YAML 1.2 core schema's implicit types only."""


CoreLoader.yaml_implicit_resolvers = {}
_CORE = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]
for tag, pattern, first in _CORE:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith("inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float(text)


def _bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


CoreLoader.add_constructor("tag:yaml.org,2002:int", _int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", _float)
CoreLoader.add_constructor("tag:yaml.org,2002:bool", _bool)


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=CoreLoader)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(schema):
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema)


def check(path, v, failures):
    try:
        doc = load_yaml(path)
    except yaml.YAMLError as e:
        failures.append(f"{path}: not YAML: {e}")
        return
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        failures.append(f"{path}: {where}: {e.message}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bylaw", default=os.environ.get("BYLAW_BIN", os.path.join(ROOT, ".build/debug/bylaw")))
    ap.add_argument("--rules", default=os.path.join(ROOT, "rules"))
    args = ap.parse_args()

    if not os.access(args.bylaw, os.X_OK):
        print(f"validate-schemas: no bylaw binary at {args.bylaw} (swift build, or --bylaw PATH)", file=sys.stderr)
        return 2

    ruleset_v = validator(load_json(os.path.join(ROOT, "schemas/ruleset.schema.json")))
    test_v = validator(load_json(os.path.join(ROOT, "schemas/test.schema.json")))

    failures = []
    counts = {"rule sets": 0, "test files": 0, "examples": 0}
    folders = sorted(d for d in glob.glob(os.path.join(args.rules, "*")) if os.path.basename(d) != "calendars")
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "ruleset*.yaml"))):
            check(path, ruleset_v, failures)
            counts["rule sets"] += 1
        for path in sorted(glob.glob(os.path.join(folder, "tests", "*.yaml"))):
            check(path, test_v, failures)
            counts["test files"] += 1

    decision_v = {}
    for path in sorted(glob.glob(os.path.join(args.rules, "*", "examples", "*.yaml"))):
        counts["examples"] += 1
        doc = load_yaml(path)
        kind = doc.get("kind") if isinstance(doc, dict) else None
        if not isinstance(kind, str):
            failures.append(f"{path}: no `kind`")
            continue
        if kind not in decision_v:
            r = subprocess.run([args.bylaw, "schema", "--decision", kind, "--rules", args.rules],
                               capture_output=True, text=True)
            if r.returncode != 0:
                first = (r.stderr.strip().splitlines() or ["?"])[0]
                failures.append(f"{path}: `bylaw schema --decision {kind}` failed: {first}")
                decision_v[kind] = None
                continue
            decision_v[kind] = validator(json.loads(r.stdout))
        if decision_v[kind] is not None:
            check(path, decision_v[kind], failures)

    for f in failures:
        print("✗ " + f)
    total = sum(counts.values())
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    print(f"validated {total} files ({summary}): {len(failures)} problem{'s' if len(failures) != 1 else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
