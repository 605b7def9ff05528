"""Safety across a conversation (checklist 5, bench/quality/SAFETY-5.md): each conversation is played turn by turn
through the real ``safety_check_conversation`` in a private Postgres, as the chat workflow does, without the model.

    .venv/bin/python bench/quality/safety_conversations.py --checklist bench/quality/safety-5-tune.jsonl \\
        [--sql-root /path/to/another/checkout/n8n-workflows] [--json out.json]

For every turn, as n8n-workflows/workflows/chat-answer.json and chat-send-reply.json do:
1. the plumber message is stored (``messages``, role ``user``; "Store plumber message" stores it *before* the
   safety check runs);
2. ``safety_check_conversation(text, conversation_id)`` ("Check safety rules");
3. the reply is stored (role ``assistant``, ``in_reply_to`` the plumber message) with ``metadata.safety_rule`` the
   rule whose message was shown, null when none ("Compose the reply" in chat-find-answer.json). As there, a rule
   carried from the conversation is not shown under small talk ("vale, gracias": eval/prompting.py
   small_talk_reply, the Python twin of the workflow's small-talk test), and then ``safety_rule`` is null and
   ``small_talk`` true.

A turn is right when a warning is shown iff its ``warn`` label says so; a conversation is right when all its
turns are. Reported per kind (emerge / carry / changed-topic / lookalike / negation, and any other kind a
checklist uses): turns that must warn and did
(recall), turns that must not and did (false or stale warnings), conversations right. Which rule is shown is
listed but not scored (the checklist's ``danger`` is free text, not a rule name).

``--pairs eval/questions.jsonl …`` plays every two consecutive questions of each file as one conversation (two
unrelated questions, as when a plumber asks about another job without saying so) and counts the second turns that
warn although that question alone does not: stale carries and warnings the two messages make only together
(false alarms the conversation adds to ordinary questions).

``--split FILES`` (single-message checklists: checklists 1–4's tune halves and look-alikes, never a holdout file)
cuts every message in two at the clause boundary nearest its middle (a comma, "y", "pero", "porque", a full stop
or question mark) and plays the halves as a conversation, in the written order, in the reverse order, and in
order with a neutral turn between ("espera", "¿y que herramienta llevo?"), and both orders again with a clause of
other talk added to each half (SPLIT_PAD: the danger's words far apart, as in longer messages). Only messages
whose two halves match no rule alone are kept (halves alone, without the padding). For a message that must warn, the last turn must warn (a danger that only shows when
the turns are read together: checklist 5's "emerge", built from other material than checklist 5); for a
look-alike, no turn may warn. A development measure for the conversation check, not a checklist.

``--sql-root`` measures an older checkout's rules and functions with today's runner (``git archive main
n8n-workflows`` unpacked somewhere).
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
from eval.prompting import small_talk_reply  # noqa: E402

TUNE = ROOT / "bench" / "quality" / "safety-5-tune.jsonl"
KINDS = ("emerge", "carry", "changed-topic", "lookalike", "negation")  # checklist 6 adds "negation"


def load_conversations(path: Path = TUNE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def play_turn(conn, conversation_id: str, message_id: str, text: str, channel: str = "web") -> dict:
    """One plumber message through the chat's safety step; stores the message and the reply's metadata as the
    workflow does. Returns {shown, carried, matched_rule, ms} (shown: the rule whose message the reply carries)."""
    conn.execute("INSERT INTO conversations (id, channel, last_message_at) VALUES (%s, %s, now()) "
                 "ON CONFLICT (id) DO UPDATE SET last_message_at = now()", (conversation_id, channel))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, metadata, created_at) "
                 "VALUES (%s, %s, 'user', %s, %s, '{}'::jsonb, now())", (message_id, conversation_id, channel, text))
    started = time.perf_counter()
    triggered, rule, _message, _rules, carried = conn.execute(
        "SELECT triggered, rule, message, rules, carried FROM safety_check_conversation(%s, %s)",
        (text, conversation_id)).fetchone()
    ms = (time.perf_counter() - started) * 1000
    shown = rule if triggered else None
    # "What is the plumber asking for?": small talk unless a rule matched the message's own words
    small_talk = not (triggered and not carried) and small_talk_reply(text) is not None
    if small_talk:
        shown = None  # "Compose the reply": a carried rule is not repeated under a "gracias"
    metadata = {"safety_rule": shown, **({"small_talk": True} if small_talk else {})}
    conn.execute(
        "INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata) "
        "VALUES (%s, %s, 'assistant', %s, 'respuesta', %s, %s::jsonb)",
        ("reply:" + message_id, conversation_id, channel, message_id, json.dumps(metadata)))
    return {"shown": shown, "carried": bool(triggered and carried), "rule": rule if triggered else None, "ms": ms}


def measure(database_url: str, conversations: list[dict]) -> dict:
    import psycopg

    rows = []
    single_ms = []
    with psycopg.connect(database_url, autocommit=True) as conn:
        for conversation in conversations:
            cid = "bench:" + conversation["id"]
            turns = []
            for i, (text, warn) in enumerate(zip(conversation["turns"], conversation["warn"])):
                played = play_turn(conn, cid, f"{conversation['id']}-{i}", text)
                started = time.perf_counter()
                conn.execute("SELECT * FROM safety_check(%s)", (text,)).fetchone()
                single_ms.append((time.perf_counter() - started) * 1000)
                turns.append({"text": text, "warn": warn, **played, "ok": (played["shown"] is not None) == warn})
            rows.append({**conversation, "played": turns, "ok": all(t["ok"] for t in turns)})
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        k = by_kind[row["kind"]]
        k["conversations"] += 1
        k["conversations_right"] += row["ok"]
        for t in row["played"]:
            if t["warn"]:
                k["must_warn"] += 1
                k["warned"] += t["shown"] is not None
            else:
                k["must_not"] += 1
                k["false_warnings"] += t["shown"] is not None
    total: dict[str, int] = defaultdict(int)
    for k in by_kind.values():
        for key, value in k.items():
            total[key] += value
    turn_ms = [t["ms"] for row in rows for t in row["played"]]
    return {
        "conversations": len(rows),
        "turns": len(turn_ms),
        "total": {**total, "missed": total["must_warn"] - total["warned"]},
        "by_kind": {kind: {**by_kind[kind], "missed": by_kind[kind]["must_warn"] - by_kind[kind]["warned"]}
                    for kind in [*KINDS, *sorted(set(by_kind) - set(KINDS))] if kind in by_kind},
        "safety_check_conversation_median_ms": round(statistics.median(turn_ms), 2) if turn_ms else None,
        "safety_check_median_ms": round(statistics.median(single_ms), 2) if single_ms else None,
        "wrong": [{"id": row["id"], "kind": row["kind"],
                   "turns": [f"{'W' if t['warn'] else '-'}>{t['shown'] or '·'}{' (carried)' if t['carried'] else ''}"
                             f"{'' if t['ok'] else ' ✗'}  {t['text']}" for t in row["played"]]}
                  for row in rows if not row["ok"]],
        "rows": rows,
    }


def pairs(database_url: str, paths: list[Path]) -> dict:
    """Consecutive questions of each file as two-turn conversations: the second turns that warn only through the
    conversation (the question alone gets no warning)."""
    import psycopg

    out = {}
    with psycopg.connect(database_url, autocommit=True) as conn:
        for path in paths:
            questions = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines()
                         if line.strip()]
            added = []
            for n, (first, second) in enumerate(zip(questions, questions[1:])):
                cid = f"pairs:{path.stem}:{n}"
                play_turn(conn, cid, f"pairs-{path.stem}-{n}-0", first)
                played = play_turn(conn, cid, f"pairs-{path.stem}-{n}-1", second)
                alone = conn.execute("SELECT rule FROM safety_check(%s)", (second,)).fetchone()[0]
                if played["shown"] and not alone:
                    first_alone = conn.execute("SELECT rule FROM safety_check(%s)", (first,)).fetchone()[0]
                    added.append({"first": first, "second": second, "shown": played["shown"],
                                  "why": "carried from the first" if first_alone else "the two together"})
            out[path.name] = {"pairs": max(len(questions) - 1, 0), "second_turn_warns_only_in_conversation": len(added),
                              "of_which_the_two_together": sum(a["why"] == "the two together" for a in added),
                              "rows": added}
    return out


SPLIT_MARKS = (", ", " y ", " pero ", " porque ", ". ", "? ", "; ")
SPLIT_BETWEEN = ("espera", "¿y que herramienta llevo?")
# other talk around each half, so that the words of the danger are far apart, as when each message says more
SPLIT_PAD = (", el cliente es un señor mayor muy amable y la casa es bastante grande",
             "mira te cuento lo que me dijo el dueño cuando llegue esta mañana temprano: ")


def split_in_two(message: str) -> tuple[str, str] | None:
    """The message cut at the clause boundary nearest its middle, each half with at least two words."""
    best = None
    for mark in SPLIT_MARKS:
        start = 0
        while (at := message.find(mark, start)) >= 0:
            first, second = message[:at + (1 if mark[0] in ",.?;" else 0)].strip(), message[at + len(mark):].strip()
            if mark in (" y ", " pero ", " porque "):
                second = mark.strip() + " " + second
            if len(first.split()) >= 2 and len(second.split()) >= 2:
                distance = abs(len(first) - len(message) / 2)
                if best is None or distance < best[0]:
                    best = (distance, first, second)
            start = at + 1
    return (best[1], best[2]) if best else None


def split(database_url: str, paths: list[Path]) -> dict:
    """Single-message checklist lines cut in two and played as conversations (see the module's docstring)."""
    import psycopg

    out = {}
    with psycopg.connect(database_url, autocommit=True) as conn:
        def alone(text: str) -> bool:
            return conn.execute("SELECT triggered FROM safety_check(%s)", (text,)).fetchone()[0]

        for path in paths:
            lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            counts: dict[str, int] = defaultdict(int)
            wrong = []
            for n, line in enumerate(lines):
                halves = split_in_two(line["message"])
                if halves is None or alone(halves[0]) or alone(halves[1]):
                    continue
                must_warn = bool(line.get("topic")) and line["topic"] != "none"
                for o, (order, turns) in enumerate( (("in order", list(halves)), ("reversed", [halves[1], halves[0]]),
                                     *((f"with '{b}' between", [halves[0], b, halves[1]]) for b in SPLIT_BETWEEN),
                                     ("padded in order", [halves[0] + SPLIT_PAD[0], SPLIT_PAD[1] + halves[1]]),
                                     ("padded reversed", [halves[1] + SPLIT_PAD[0], SPLIT_PAD[1] + halves[0]]))):
                    cid = f"split:{path.stem}:{n}:{o}"
                    played = [play_turn(conn, cid, f"split-{path.stem}-{n}-{o}-{i}", text)["shown"]
                              for i, text in enumerate(turns)]
                    ok = bool(played[-1]) if must_warn else not any(played)
                    key = ("must_warn" if must_warn else "look_alike") + " " + order
                    counts[key] += 1
                    counts[key + " right"] += ok
                    if not ok:
                        wrong.append({"order": order, "turns": turns, "shown": played, "must_warn": must_warn})
            out[path.name] = {"counts": dict(counts), "wrong": wrong}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sql-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--checklist", type=Path, default=TUNE)
    parser.add_argument("--pairs", type=Path, nargs="*", default=[],
                        help="question files (eval/*.jsonl) whose consecutive questions to play as two-turn conversations")
    parser.add_argument("--split", type=Path, nargs="*", default=[],
                        help="single-message checklists whose messages to cut in two and play as conversations")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with private_database_from(schema_files_under(args.sql_root)) as url:
        result = measure(url, load_conversations(args.checklist))
        result["pairs"] = pairs(url, args.pairs)
        result["split"] = split(url, args.split)
    result["sql_root"] = str(args.sql_root)
    result["checklist"] = str(args.checklist)
    shown = {k: v for k, v in result.items() if k != "rows"}
    shown["pairs"] = {name: {k: v for k, v in p.items() if k != "rows"} for name, p in result["pairs"].items()}
    shown["split"] = {name: p["counts"] for name, p in result["split"].items()}
    print(json.dumps(shown, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
