#!/usr/bin/env python3
"""Checks a SARIF 2.1.0 log written by `bylaw lint --format sarif`.

Usage: check-sarif.py FILE [--schema SARIF_SCHEMA_JSON]

Without --schema it checks, with Python's json module alone, the properties SARIF 2.1.0 requires and the
ones code-scanning tools rely on: version, runs, tool.driver.name, each result's message.text, level,
ruleId/ruleIndex agreement with tool.driver.rules, and each location's relative URI and 1-based region.
With --schema (the OASIS sarif-schema-2.1.0.json, if you have it) it also validates against the schema
with the `jsonschema` package. Prints `N results: M problems` and exits 1 when M > 0.
"""
import json
import re
import sys

LEVELS = {"none", "note", "warning", "error"}


def check(doc):
    problems = []

    def need(cond, what):
        if not cond:
            problems.append(what)

    need(doc.get("version") == "2.1.0", "version must be 2.1.0")
    need(isinstance(doc.get("$schema"), str), "$schema should name the SARIF 2.1.0 schema")
    runs = doc.get("runs")
    need(isinstance(runs, list) and runs, "runs must be a non-empty array")
    count = 0
    for r, run in enumerate(runs or []):
        driver = run.get("tool", {}).get("driver", {})
        need(isinstance(driver.get("name"), str) and driver["name"], f"runs[{r}].tool.driver.name is required")
        rules = driver.get("rules", [])
        ids = [rule.get("id") for rule in rules]
        need(len(ids) == len(set(ids)), f"runs[{r}]: rule ids must be unique")
        for i, rule in enumerate(rules):
            need(isinstance(rule.get("id"), str), f"rules[{i}].id is required")
            need(isinstance(rule.get("shortDescription", {}).get("text"), str), f"rules[{i}].shortDescription.text")
            level = rule.get("defaultConfiguration", {}).get("level")
            need(level in LEVELS, f"rules[{i}].defaultConfiguration.level must be one of {sorted(LEVELS)}")
        for k, res in enumerate(run.get("results", [])):
            count += 1
            where = f"runs[{r}].results[{k}]"
            need(isinstance(res.get("message", {}).get("text"), str), f"{where}.message.text is required")
            need(res.get("level") in LEVELS, f"{where}.level must be one of {sorted(LEVELS)}")
            rid = res.get("ruleId")
            need(rid in ids, f"{where}.ruleId `{rid}` is not in tool.driver.rules")
            if "ruleIndex" in res:
                idx = res["ruleIndex"]
                need(isinstance(idx, int) and 0 <= idx < len(rules) and ids[idx] == rid,
                     f"{where}.ruleIndex does not point at rule `{rid}`")
            locations = res.get("locations", []) + res.get("relatedLocations", [])
            for loc in locations:
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri", "")
                need(isinstance(uri, str) and uri and not uri.startswith("/") and " " not in uri,
                     f"{where}: uri `{uri}` must be a relative reference or a file URI, percent-encoded")
                need(not re.match(r"^[A-Za-z]:", uri), f"{where}: uri `{uri}` looks like a Windows path")
                region = phys.get("region", {})
                for key in ("startLine", "startColumn"):
                    need(isinstance(region.get(key), int) and region[key] >= 1, f"{where}: region.{key} must be >= 1")
                if "endColumn" in region:
                    need(region["endColumn"] > region["startColumn"], f"{where}: region.endColumn after startColumn")
    return count, problems


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") if argv[1] != "-" else sys.stdin as f:
        doc = json.load(f)
    count, problems = check(doc)
    if "--schema" in argv:
        import jsonschema  # only when asked: the structural checks above need nothing but json
        with open(argv[argv.index("--schema") + 1], encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.validators.validator_for(schema)(schema)
        problems += [f"schema: {e.message} at {list(e.absolute_path)}" for e in validator.iter_errors(doc)]
    for p in problems:
        print(p)
    print(f"{count} results: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
