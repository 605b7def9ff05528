"""Compare result files of eval/score.py on the questions they all answered.

    python bench/quality/summarize.py bench/quality/results-0.5b-alone.json bench/quality/results-0.5b-retrieval.json

Prints a Markdown table (coverage of required facts, safety compliance, questions) restricted to the
question ids present in every file, so an interrupted run can still be compared fairly, and the
per-question coverage side by side.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(paths: list[str]) -> int:
    runs = []
    for path in paths:
        data = json.loads(Path(path).read_text())
        runs.append((Path(path).stem, data["summary"], {r["id"]: r for r in data["results"]}))
    common = [i for i in runs[0][2] if all(i in run[2] for run in runs)]
    print(f"Questions answered by every run: {len(common)}\n")
    print("| run | model | mode | questions | fact groups found | coverage | safety messages present |")
    print("|---|---|---|---|---|---|---|")
    for name, summary, results in runs:
        rows = [results[i] for i in common]
        groups = sum(len(r["found"]) for r in rows)
        found = sum(sum(r["found"]) for r in rows)
        safety = [r for r in rows if r.get("safety_rule")]
        ok = sum(1 for r in safety if r.get("safety_ok"))
        print(f"| {name} | {summary['model']} | {summary['mode']} | {len(rows)} | {found}/{groups} | "
              f"{100 * found / groups:.1f} % | {ok}/{len(safety)} |")
    plain = [i for i in common if not runs[0][2][i].get("safety_rule") and runs[0][2][i].get("expected_article")]
    print(f"\nOnly the {len(plain)} questions with an expected article and no safety rule (facts must come from "
          "the model, not from the fixed safety message or the fixed not-found reply):\n")
    print("| run | fact groups found | coverage |")
    print("|---|---|---|")
    for name, _, results in runs:
        rows = [results[i] for i in plain]
        groups = sum(len(r["found"]) for r in rows)
        found = sum(sum(r["found"]) for r in rows)
        print(f"| {name} | {found}/{groups} | {100 * found / groups:.1f} % |" if groups else f"| {name} | 0/0 | - |")
    print("\n| question | " + " | ".join(name for name, _, _ in runs) + " |")
    print("|---|" + "---|" * len(runs))
    for i in common:
        cells = [f"{sum(run[2][i]['found'])}/{len(run[2][i]['found'])}" for run in runs]
        print(f"| {i} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
