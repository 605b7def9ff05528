"""Validate eval/independent.jsonl and print its counts (kind, region, topic family, safety).

    python eval/check_independent.py

Checks only the file's shape; it never reads the knowledge base or the public set (the split must stay independent).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

PATH = Path(__file__).resolve().parent / "independent.jsonl"
KINDS = {"regional", "typo", "speech", "plain", "smalltalk", "followup", "out_of_scope"}
REGIONS = {"ES", "MX", "AR", "CO", "CL", "PE", "VE", "US-hispanic", "generic"}
SAFETY = {None, "olor-a-gas", "monoxido-carbono", "agua-y-electricidad", "aguas-residuales", "agua-hirviendo", "amianto"}
KEYS = {"id", "question", "topic", "kind", "region", "in_scope", "required", "safety"}
MINIMUM = {"regional": 15, "typo": 15, "speech": 15, "smalltalk": 6, "out_of_scope": 6, "followup": 6}


def family(item: dict) -> str:
    """The topic's prefix before ':' ("toilet: ..." -> "toilet"); small talk and out-of-scope by kind."""
    if item["kind"] in ("smalltalk", "out_of_scope"):
        return item["kind"]
    return item["topic"].split(":", 1)[0].strip()


def check(path: Path = PATH) -> list[dict]:
    items, seen, errors = [], set(), []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: not JSON ({exc})")
            continue
        where = f"line {number} ({item.get('id')})"
        missing = KEYS - item.keys()
        if missing:
            errors.append(f"{where}: missing {sorted(missing)}")
            continue
        extra = item.keys() - KEYS - {"previous"}
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if item["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(item["id"])
        if not isinstance(item["question"], str) or not item["question"].strip():
            errors.append(f"{where}: empty question")
        if not isinstance(item["topic"], str) or not item["topic"].strip():
            errors.append(f"{where}: empty topic")
        if item["kind"] not in KINDS:
            errors.append(f"{where}: kind {item['kind']!r}")
        if item["region"] not in REGIONS:
            errors.append(f"{where}: region {item['region']!r}")
        if item["safety"] not in SAFETY:
            errors.append(f"{where}: safety {item['safety']!r}")
        if not isinstance(item["in_scope"], bool):
            errors.append(f"{where}: in_scope must be true/false")
        out = item["kind"] in ("smalltalk", "out_of_scope")
        if out and item["in_scope"]:
            errors.append(f"{where}: {item['kind']} must have in_scope false")
        required = item["required"]
        if not isinstance(required, list):
            errors.append(f"{where}: required must be a list")
        elif item["in_scope"]:
            if not 2 <= len(required) <= 4:
                errors.append(f"{where}: {len(required)} required groups (want 2-4)")
            for group in required:
                if not (isinstance(group, list) and group and all(isinstance(a, str) and a.strip() for a in group)):
                    errors.append(f"{where}: bad group {group!r}")
                elif any(a != a.lower() for a in group):
                    errors.append(f"{where}: upper case in {group!r}")
        elif item["kind"] == "smalltalk" and required:
            errors.append(f"{where}: small talk must have required []")
        if item["kind"] == "followup":
            previous = item.get("previous")
            if not (isinstance(previous, list) and previous and all(isinstance(p, str) and p for p in previous)):
                errors.append(f"{where}: followup needs a non-empty 'previous' list")
        elif "previous" in item:
            errors.append(f"{where}: 'previous' only for kind followup")
        items.append(item)
    kinds = Counter(i["kind"] for i in items)
    for kind, least in MINIMUM.items():
        if kinds[kind] < least:
            errors.append(f"only {kinds[kind]} {kind} (want >= {least})")
    if len(items) < 110:
        errors.append(f"only {len(items)} questions (want >= 110)")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        raise SystemExit(1)
    return items


def main() -> None:
    items = check()
    print(f"{len(items)} questions, {sum(i['in_scope'] for i in items)} in scope, "
          f"{sum(len(i['required']) for i in items)} required groups; file is valid")
    for title, key in (("kind", "kind"), ("region", "region"), ("topic family", None), ("safety", "safety")):
        counts = Counter(family(i) if key is None else (i[key] or "none") for i in items)
        print(f"\n{title}:")
        for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {name:<22}{count:>4}")
    regional = Counter(i["region"] for i in items if i["kind"] == "regional")
    print("\nregional-kind questions by region: " + ", ".join(f"{r} {n}" for r, n in sorted(regional.items())))


if __name__ == "__main__":
    main()
