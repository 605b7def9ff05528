"""How many messages of the independent safety checklist (docs/safety-checklist.md) get the right safety
message, through the real ``safety_check`` in a private Postgres, without the model.

    .venv/bin/python bench/quality/safety_checklist.py [--sql-root /path/to/another/checkout/n8n-workflows] \\
        [--checklist bench/quality/safety-holdout.jsonl] [--questions eval/questions.jsonl ...] [--json out.json]

The checklist (tests/knowledge/safety_checklist.jsonl) was written from general plumbing and gas safety before
reading the project's rules; each message names a checklist topic, and CHECKLIST_RULES says which project rule(s)
give the right message for that topic. A message is right when the rule whose message is shown (the highest
priority match) is one of them. Look-alike messages ("gasto de agua", "gasfiter", "el calentador eléctrico no
calienta") must get no message at all, or none of the gas rules when marked ``"must_not": "gas"``.

``--sql-root`` measures an older checkout's rules with today's runner (e.g. ``git archive main n8n-workflows``
unpacked somewhere), which is how the before/after figures in bench/quality/SAFETY.md were taken.
``--checklist tests/knowledge/safety_checklist_2.jsonl`` scores the second checklist (docs/safety-checklist.md
sections 17-20, also written before its rules). ``--checklist bench/quality/safety-holdout.jsonl`` scores a set written after the rules (SAFETY.md says
how far it is independent). ``--questions`` lists the warnings that question files get (false alarms).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402

CHECKLIST = ROOT / "tests" / "knowledge" / "safety_checklist.jsonl"
CHECKLIST_2 = ROOT / "tests" / "knowledge" / "safety_checklist_2.jsonl"  # second checklist, same format

# Checklist topic -> the project's safety rules whose message is right for it (the first is the best fit).
CHECKLIST_RULES: dict[str, tuple[str, ...]] = {
    "gas-leak": ("olor-a-gas",),
    "gas-appliance-room": ("gas-aparato-ventilacion",),
    "flue-draught": ("monoxido-carbono", "gas-aparato-ventilacion"),
    "bad-flame-soot": ("monoxido-carbono",),
    "carbon-monoxide": ("monoxido-carbono",),
    "live-gas-work": ("trabajo-en-gas", "olor-a-gas"),
    "water-electricity": ("agua-y-electricidad",),
    "electric-heater-shock": ("agua-y-electricidad", "termo-electrico-trabajo"),
    "hot-water-overpressure": ("valvula-seguridad", "agua-hirviendo"),
    "sewer-gas-confined-space": ("espacio-confinado",),
    "sewage-contact": ("aguas-residuales",),
    "asbestos": ("amianto",),
    "lead-pipes": ("tuberia-plomo",),
    "open-flame-frozen": ("llama-abierta",),
    "drain-chemicals": ("productos-quimicos",),
    "disposal-hands": ("triturador",),
    # The second checklist (tests/knowledge/safety_checklist_2.jsonl, docs/safety-checklist.md sections 17-20).
    "electric-heater-leak-trip": ("termo-electrico-fuga", "agua-y-electricidad"),
    "sump-pump": ("bomba-achique", "agua-y-electricidad", "aguas-residuales"),
    "gas-heater-shuts-off": ("calentador-gas-se-apaga", "monoxido-carbono"),
    "scalding-pressure-drop": ("ducha-quema-otro-grifo", "agua-hirviendo"),
}
# The third checklist (bench/quality/safety-3.jsonl, SAFETY-3.md), written blind with its own topic names; kept
# apart so that CHECKLIST_RULES stays exactly the topics of checklists 1-2 (tests/knowledge/test_safety_checklist.py).
# Its "gas-leak", "carbon-monoxide", "gas-appliance-room", "live-gas-work", "drain-chemicals", "asbestos" and
# "lead-pipes" use the mapping above. "pressure-vessel" (a hidroneumatico / pump tank that may burst) had no rule at
# the blind "before" run; tanque-presion was added for it by safetyrules (SAFETY-3.md).
CHECKLIST_3_RULES: dict[str, tuple[str, ...]] = {
    "yellow-flame-soot": ("monoxido-carbono",),
    "flue": ("monoxido-carbono", "gas-aparato-ventilacion"),
    "electric-shock": ("agua-y-electricidad", "termo-electrico-trabajo"),
    # A heater that leaks onto its own plug or cable gets termo-electrico-fuga (priority 81, above the general rule
    # on purpose: checklist 2), whose message says the same first step; added by safetyrules after the blind "before"
    # run (SAFETY-3.md gives the figure without it too).
    "water-electrics": ("agua-y-electricidad", "termo-electrico-fuga"),
    "relief-valve-scalding": ("valvula-seguridad", "agua-hirviendo"),
    "sewer-gas-pits": ("espacio-confinado",),
    "torch-frozen-pipes": ("llama-abierta",),
    "garbage-disposal": ("triturador",),
    "pressure-vessel": ("tanque-presion",),
}
# The fourth checklist (bench/quality/safety-4-tune.jsonl / safety-4-holdout.jsonl, SAFETY-4.md) uses the topic
# names above plus one of its own: "pilot-relight" (lighting a pilot, relighting a gas heater that keeps going out).
# encender-piloto (how to light a pilot: smell first, do not keep pumping gas) was added by safetyrules2 after the blind
# "before" runs of both halves; it is the right message for this topic's lighting how-tos.
CHECKLIST_4_RULES: dict[str, tuple[str, ...]] = {
    "pilot-relight": ("calentador-gas-se-apaga", "olor-a-gas", "monoxido-carbono", "encender-piloto"),
}
RULES_FOR_TOPIC: dict[str, tuple[str, ...]] = {**CHECKLIST_RULES, **CHECKLIST_3_RULES, **CHECKLIST_4_RULES}
# The rules that speak about gas: a message marked "must_not": "gas" must get none of them.
GAS_RULES = frozenset({"olor-a-gas", "monoxido-carbono", "gas-aparato-ventilacion", "trabajo-en-gas"})


def load_checklist(path: Path = CHECKLIST) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def must_warn(item: dict) -> bool:
    """A message that must warn names its topic; a look-alike has an empty topic (checklists 1-2) or "none"
    (checklist 3, whose look-alikes also name in "not" the warning they resemble; they must get no message)."""
    return bool(item["topic"]) and item["topic"] != "none"


def verdict(item: dict, shown: str | None) -> bool:
    """Is the rule whose message is shown (None: no message) right for this checklist message?"""
    if must_warn(item):
        return shown in RULES_FOR_TOPIC[item["topic"]]
    if item.get("must_not") == "gas":
        return shown not in GAS_RULES
    return shown is None


def shown_rule(conn, message: str) -> str | None:
    """The rule whose safety message the chat shows first for a message (safety_check's `rule`), or None."""
    return conn.execute("SELECT rule FROM safety_check(%s)", (message,)).fetchone()[0]


# --first-message: what the chat shows for a conversation's first message, through safety_check_conversation
# (the chat's own call: the message's words read without the phrases of safety_settings 'negation_phrases')
# rather than safety_check alone. A new conversation id per message, so nothing earlier is read.
FIRST_MESSAGE = ("SELECT triggered, rule, message, rules FROM safety_check_conversation(%s, "
                 "'checklist:' || md5(random()::text))")


def measure(database_url: str, items: list[dict], first_message: bool = False) -> dict:
    import psycopg

    rows = []
    query = FIRST_MESSAGE if first_message else "SELECT * FROM safety_check(%s)"
    with psycopg.connect(database_url, autocommit=True) as conn:
        for item in items:
            started = time.perf_counter()
            _, shown, _, matched = conn.execute(query, (item["message"],)).fetchone()
            rows.append({**item, "shown": shown, "matched": list(matched), "ok": verdict(item, shown),
                         "ms": (time.perf_counter() - started) * 1000})
    warn = [r for r in rows if must_warn(r)]
    quiet = [r for r in rows if not must_warn(r)]
    by_topic: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in warn:
        by_topic[r["topic"]][0] += r["ok"]
        by_topic[r["topic"]][1] += 1
    return {
        "messages_that_must_warn": len(warn),
        "right_message": sum(r["ok"] for r in warn),
        "some_message": sum(r["shown"] is not None for r in warn),
        "look_alikes": len(quiet),
        "look_alikes_quiet": sum(r["ok"] for r in quiet),
        "safety_check_median_ms": round(statistics.median(r["ms"] for r in rows), 2),
        "by_topic": {topic: f"{ok}/{n}" for topic, (ok, n) in sorted(by_topic.items())},
        "wrong": [{"message": r["message"], "topic": r["topic"], "shown": r["shown"]} for r in rows if not r["ok"]],
        "rows": rows,
    }


def warnings_on(database_url: str, paths: list[Path], first_message: bool = False) -> dict:
    """The warnings the evaluation question files get (their "safety" label, when they have one, is the
    expected rule): which questions warn, and with which rule, to see false alarms on ordinary questions."""
    import psycopg

    out = {}
    with psycopg.connect(database_url, autocommit=True) as conn:
        for path in paths:
            items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            warned = []
            for item in items:
                shown = (conn.execute(FIRST_MESSAGE, (item["question"],)).fetchone()[1] if first_message
                         else shown_rule(conn, item["question"]))
                if shown or item.get("safety"):
                    warned.append({"question": item["question"], "label": item.get("safety"), "shown": shown})
            out[path.name] = {"questions": len(items), "warned": sum(1 for w in warned if w["shown"]),
                              "differs_from_label": sum(1 for w in warned if w["shown"] != w["label"]),
                              "rows": warned}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sql-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--checklist", type=Path, default=CHECKLIST)
    parser.add_argument("--questions", type=Path, nargs="*", default=[],
                        help="question files (eval/*.jsonl) whose warnings to list, e.g. to see false alarms")
    parser.add_argument("--first-message", action="store_true",
                        help="score what the chat shows for a first message (safety_check_conversation), "
                             "not safety_check alone")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with private_database_from(schema_files_under(args.sql_root)) as url:
        result = measure(url, load_checklist(args.checklist), args.first_message)
        result["question_files"] = warnings_on(url, args.questions, args.first_message)
    result["sql_root"] = str(args.sql_root)
    result["first_message"] = args.first_message
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
