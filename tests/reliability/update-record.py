#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rewrites the record table of docs/reliability.md from the results the
reliability tests leave in their build folder (one JSON file per test
case, written by rel-common.c).

    python3 tests/reliability/update-record.py BUILD/tests/reliability/results docs/reliability.md

Only the text between the two marker lines is replaced; the rest of the
page is written by hand.
"""
import json
import os
import re
import sys

BEGIN = "<!-- record:begin (written by tests/reliability/update-record.py) -->"
END = "<!-- record:end -->"
ORDER = ["crash", "writers", "faults", "foreign", "hostile", "fuzz"]
# Figures that say how hard a case was tried, shown first.
EFFORT = ["kills", "runs", "edits_acknowledged", "whole_reports_acknowledged", "saves",
          "editor_saves", "cli_sets", "values_verified", "mutants", "cases", "kinds",
          "exports_tried", "commands", "values", "files", "fill_levels"]

# Temporary folders of the run that made the record: not worth keeping.
TEMP_PATH = re.compile(r"(/[\w.-]+)*/nb-[a-z]+-[A-Za-z0-9]{6}")


def clean(text):
    return TEMP_PATH.sub("…", str(text)).replace("|", "\\|").replace("\n", " ")


def sort_key(result):
    group = result["test"].split("/")[0]
    return (ORDER.index(group) if group in ORDER else len(ORDER), result["test"])


def figures_cell(figures):
    numbers = [(k, v) for k, v in figures.items() if isinstance(v, (int, float)) and k != "seed"]
    numbers.sort(key=lambda kv: (EFFORT.index(kv[0]) if kv[0] in EFFORT else len(EFFORT)))
    parts = []
    for key, value in numbers:
        if isinstance(value, float):
            value = "%.3g" % value
        parts.append("%s %s" % (key.replace("_", " "), value))
    return " · ".join(parts)


def notes(results):
    lines = []
    for result in results:
        texts = [(k, v) for k, v in result["figures"].items() if isinstance(v, str)]
        if not texts:
            continue
        lines.append("- **%s**" % result["test"])
        for key, value in texts:
            lines.append("  - %s: %s" % (key.replace("_", " "), clean(value)))
    return lines


def render(results):
    lines = [BEGIN, "",
             "| Test | What it tried | Figures | Outcome |",
             "|---|---|---|---|"]
    for result in results:
        lines.append("| `%s` | %s | %s | %s (%.1f s) |" % (
            result["test"], clean(result["what"]), figures_cell(result["figures"]),
            clean(result["outcome"]), result.get("seconds", 0)))
    seeds = sorted({str(r["figures"]["seed"]) for r in results if "seed" in r["figures"]})
    lines += ["", "Seeds of this run (set `NB_CRASH_SEED` / `NB_FUZZ_SEED` to repeat it): %s."
              % (", ".join(seeds) if seeds else "none"), ""]
    details = notes(results)
    if details:
        lines += ["Messages and notes recorded by the tests:", ""] + details + [""]
    lines.append(END)
    return "\n".join(lines)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    results_dir, page = sys.argv[1], sys.argv[2]
    results = []
    for name in sorted(os.listdir(results_dir)):
        if name.endswith(".json"):
            with open(os.path.join(results_dir, name), encoding="utf-8") as f:
                results.append(json.load(f))
    if not results:
        sys.exit("no results in %s: run `meson test --suite reliability` first" % results_dir)
    results.sort(key=sort_key)

    with open(page, encoding="utf-8") as f:
        text = f.read()
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        sys.exit("%s has no record markers" % page)
    text = text[:start] + render(results) + text[end + len(END):]
    with open(page, "w", encoding="utf-8") as f:
        f.write(text)
    print("%s: %d test cases recorded" % (page, len(results)))


if __name__ == "__main__":
    main()
