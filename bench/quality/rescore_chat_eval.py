"""A whole-chat run's replies scored again against other labels, without asking the chat again.

When a split is relabelled (an article written after its labels now answers a question labelled null, say),
the replies a run recorded are still the plumber's replies; only which article each question *should* cite
changed. This reads a `run_chat_eval.py --out` file, sets each result's expected article from the new labels and
summarises it with the same `summarize()`:

    .venv/bin/python bench/quality/rescore_chat_eval.py bench/quality/independent-2/chat-0.5b-92561d1.json \\
        --labels eval/independent-2-labels.json --out /tmp/rescored.json

One thing the replies cannot tell: a question asked back was answered by the simulated plumber with the number
of the article labelled *then*. For a relabelled question that was asked back, the pick might have been another
one under the new label; those ids are listed (`asked_back_relabelled`) so the figure can be read with them in
mind, or the questions run again (`run_chat_eval.py --ids …`).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_chat_eval import ChatResult, summarize  # noqa: E402

RESULT_FIELDS = {f.name for f in fields(ChatResult)}


def relabelled(result: dict[str, Any], labels: dict[str, str | None]) -> ChatResult:
    """The recorded result with its expected article taken from ``labels`` (unchanged when the id is absent)."""
    data = {key: value for key, value in result.items() if key in RESULT_FIELDS}
    if result["id"] in labels:
        data["expected_article"] = labels[result["id"]]
        data["labelled"] = labels[result["id"]] is not None
    return ChatResult(**data)


def with_rerun(run: dict[str, Any], rerun: dict[str, Any]) -> dict[str, Any]:
    """``run`` with the results of ``rerun`` (the same questions asked again, e.g. those a loaded machine slowed
    past the model's timeout: ``run_chat_eval.py --ids …``) in place of its own, in ``run``'s order."""
    again = {r["id"]: r for r in rerun["results"]}
    return {**run, "results": [again.get(r["id"], r) for r in run["results"]],
            "replaced": [r["id"] for r in run["results"] if r["id"] in again]}


def rescore(run: dict[str, Any], labels: dict[str, str | None]) -> dict[str, Any]:
    before = {r["id"]: r.get("expected_article") for r in run["results"]}
    results = [relabelled(r, labels) for r in run["results"]]
    changed = [r.id for r in results if r.expected_article != before[r.id]]
    return {
        "summary": {**summarize(results), "rescored_from": run.get("summary", {}).get("date"),
                    "relabelled": changed, "replaced_by_a_rerun": run.get("replaced", []),
                    "asked_back_relabelled": [r.id for r in results if r.id in changed and r.asked_back is not None]},
        "results": [{**result, "expected_article": r.expected_article, "labelled": r.labelled,
                     "wrong_article": r.wrong_article} for result, r in zip(run["results"], results)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path, help="a run_chat_eval.py --out file")
    parser.add_argument("--labels", type=Path, required=True, help="JSON {id: article slug or null}")
    parser.add_argument("--rerun", type=Path, help="a run_chat_eval.py --out file of some of the same ids, asked again")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    run = json.loads(args.run.read_text())
    if args.rerun:
        run = with_rerun(run, json.loads(args.rerun.read_text()))
    rescored = rescore(run, json.loads(args.labels.read_text()))
    print(json.dumps(rescored["summary"], indent=2, ensure_ascii=False))
    if args.out:
        args.out.write_text(json.dumps(rescored, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
