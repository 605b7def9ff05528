"""The shape shared by the two-half safety checklists (bench/quality/safety-8-*.jsonl, safety-9-*.jsonl): one
conversation per line, a warn flag per turn, a kind whose meaning each checklist's page gives. Shape only: no rule,
workflow or chat is run."""

from __future__ import annotations

import json
from pathlib import Path

KEYS = {"id", "turns", "warn", "danger", "kind", "region"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def row_problems(row: dict, kinds: set[str], regions: set[str], max_turns: int) -> list[str]:
    """What is wrong with one conversation's fields (empty when nothing is), and the two kinds every checklist
    shares: a look-alike never warns and names no danger; a danger that emerges warns on the last turn only after
    a first turn that does not."""
    rid = row.get("id", "?")
    if set(row) != KEYS:
        return [f"{rid}: fields {sorted(set(row) ^ KEYS)}"]
    turns, warn, kind = row["turns"], row["warn"], row["kind"]
    problems = []
    if not (isinstance(turns, list) and 1 <= len(turns) <= max_turns
            and all(isinstance(t, str) and t.strip() for t in turns)):
        problems.append(f"{rid}: turns")
    if not (isinstance(warn, list) and len(warn) == len(turns) and all(isinstance(w, bool) for w in warn)):
        problems.append(f"{rid}: warn")
        return problems
    if kind not in kinds or row["region"] not in regions:
        problems.append(f"{rid}: kind {kind!r} or region {row['region']!r}")
    if kind == "lookalike":
        if any(warn) or row["danger"] is not None:
            problems.append(f"{rid}: a look-alike that warns or names a danger")
        return problems
    if not (isinstance(row["danger"], str) and row["danger"].strip()):
        problems.append(f"{rid}: no danger said")
    if kind == "emerge" and not (len(warn) >= 2 and not warn[0] and warn[-1]):
        problems.append(f"{rid}: an emerging danger must warn last, not first")
    return problems
