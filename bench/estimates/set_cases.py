"""The builders the tuning-set writers share (bench/estimates/est-36/make30.py, est-37/make32.py): an expected item
and a case in the format of eval/ESTIMATES-INDEPENDENT-23.md's "Fields", and the .jsonl they write. The writers run
as scripts (`python bench/estimates/est-37/make32.py`) and put this folder on their path to import it."""
import json
from pathlib import Path


def it(what, size, qty, unit="ud"):
    return {"what": what, "size": size, "quantity": qty, "unit": unit}


def case(cid, region, medium, turns, items, hours=None, status="draft", quote=(), notes="", kind=""):
    turns_out = []
    for t in turns:
        text, expect, intent = t[:3]
        turn = {"text": text, "expect": expect, "intent": intent}
        if len(t) > 3:
            turn["also_ok"] = list(t[3])
        turns_out.append(turn)
    return {"id": cid, "region": region, "medium": medium, "kind": kind, "turns": turns_out,
            "final": {"status": status, "items": items, "labour_hours": hours, "to_quote_expected": list(quote),
                      "notes": notes}}


def write_cases(out: Path, cases: list) -> None:
    out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")


def label(codes, why, **kw):
    """One expected item's catalogue codes (a list, or one code; [] = it must stay a cotizar) and why."""
    return {"codes": codes if isinstance(codes, list) else [codes], "why": why, **kw}


def write_labels(out: Path, cases_path: Path, labels: dict, about: str) -> None:
    """The labels file of a set: one entry per expected item of each case, checked against the cases, in order."""
    cases = [json.loads(x) for x in cases_path.read_text().splitlines() if x]
    for c in cases:
        assert len(labels[c["id"]]) == len(c["final"]["items"]), c["id"]
    out.write_text(json.dumps({"about": about, "labels": labels}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
