"""How long the chat's safety step takes, before and after a change, measured interleaved on two private Postgres
servers (one per checkout's SQL) so that the load of a shared machine falls on both alike.

    git archive main n8n-workflows | tar -x -C /tmp/before
    .venv/bin/python bench/quality/safety_speed.py --before /tmp/before/n8n-workflows [--rounds 6] [--json F]

Two measures, each round on a fresh connection per server, alternating which server goes first:
- ``safety_check``: every message of the single-message checklists (1, 2, 3 and its look-alikes 2, 4's tune half
  and its look-alikes 2; never a holdout file), one call each;
- ``safety_check_conversation``: checklist 5's tune half played turn by turn as the chat does
  (bench/quality/safety_conversations.py), one call per turn, in a new conversation each round.
Reported: the median of each round's median, the mean, and the first call of a new connection (which compiles the
rules' regular expressions); and the server process's own CPU time per call (from /proc, when readable), which a
busy shared machine disturbs less than the wall clock.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from bench.quality.safety_conversations import TUNE, load_conversations, play_turn  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402

SINGLE = [ROOT / "tests" / "knowledge" / "safety_checklist.jsonl", ROOT / "tests" / "knowledge" / "safety_checklist_2.jsonl",
          ROOT / "bench" / "quality" / "safety-3.jsonl", ROOT / "bench" / "quality" / "safety-3-lookalikes-2.jsonl",
          ROOT / "bench" / "quality" / "safety-4-tune.jsonl", ROOT / "bench" / "quality" / "safety-4-lookalikes-2.jsonl"]


def single_messages() -> list[str]:
    out = []
    for path in SINGLE:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["message"])
    return out


def backend_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a Postgres backend process, or None when /proc cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_round(url: str, messages: list[str], conversations: list[dict], tag: str) -> dict:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        started = time.perf_counter()
        conn.execute("SELECT * FROM safety_check(%s)", (messages[0],)).fetchone()
        first = (time.perf_counter() - started) * 1000
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        cpu_start = backend_cpu_s(pid)
        single = []
        for message in messages:
            started = time.perf_counter()
            conn.execute("SELECT * FROM safety_check(%s)", (message,)).fetchone()
            single.append((time.perf_counter() - started) * 1000)
        cpu_mid = backend_cpu_s(pid)
        turns = []
        for conversation in conversations:
            cid = f"speed:{tag}:{conversation['id']}"
            for i, text in enumerate(conversation["turns"]):
                turns.append(play_turn(conn, cid, f"{tag}-{conversation['id']}-{i}", text)["ms"])
        cpu_end = backend_cpu_s(pid)
    cpu = None
    if None not in (cpu_start, cpu_mid, cpu_end):
        # the conversation part also stores each turn's two messages (what the chat does too)
        cpu = {"single": (cpu_mid - cpu_start) * 1000 / len(single), "conversation": (cpu_end - cpu_mid) * 1000 / len(turns)}
    return {"first_ms": first, "single": single, "conversation": turns, "cpu_ms_per_call": cpu}


def summary(rounds: list[dict]) -> dict:
    def pack(key: str) -> dict:
        medians = [statistics.median(r[key]) for r in rounds]
        every = [x for r in rounds for x in r[key]]
        return {"round_medians_ms": [round(m, 2) for m in medians], "median_of_rounds_ms": round(statistics.median(medians), 2),
                "mean_ms": round(statistics.mean(every), 2), "calls": len(every)}
    out = {"safety_check": pack("single"), "safety_check_conversation": pack("conversation"),
           "first_call_ms": [round(r["first_ms"], 1) for r in rounds]}
    if all(r["cpu_ms_per_call"] for r in rounds):
        for key in ("single", "conversation"):
            values = [r["cpu_ms_per_call"][key] for r in rounds]
            name = "safety_check" if key == "single" else "safety_check_conversation"
            out[name]["backend_cpu_ms_per_call"] = [round(v, 3) for v in values]
            out[name]["backend_cpu_ms_median"] = round(statistics.median(values), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout's n8n-workflows folder")
    parser.add_argument("--after", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    messages = single_messages()
    conversations = load_conversations(TUNE)
    results: dict[str, list[dict]] = {"before": [], "after": []}
    with ExitStack() as stack:
        urls = {"before": stack.enter_context(private_database_from(schema_files_under(args.before))),
                "after": stack.enter_context(private_database_from(schema_files_under(args.after)))}
        for n in range(args.rounds):
            order = ("before", "after") if n % 2 == 0 else ("after", "before")
            for name in order:
                results[name].append(one_round(urls[name], messages, conversations, f"r{n}"))
    out = {name: summary(rounds) for name, rounds in results.items()}
    out["before_sql"], out["after_sql"] = str(args.before), str(args.after)
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
