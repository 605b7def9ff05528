"""How long one revision takes in Postgres: the draft and the reply of
tests/estimates/test_estimate_revise_11.py::test_inches_whose_nominal_size_holds_two_rows_are_not_guessed
("5 m de tubo de cobre de 22 y 2 codos de cobre de 22", then "mejor todo de media pulgada"), on a private
embedded Postgres built from the SQL files of --workflows-root (default: this checkout's). Prints the seconds of
the draft and of the reply, and the functions with the most self time in the reply (track_functions = 'all',
as postgres). No model. Timings depend on the machine's load: say what else was running.

    .venv/bin/python bench/estimates/revise_time.py [--workflows-root <checkout>/n8n-workflows] [--top 8]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402

DRAFT = "5 m de tubo de cobre de 22 y 2 codos de cobre de 22"
REPLY = "mejor todo de media pulgada"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workflows-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args(argv)
    files = schema_files_under(args.workflows_root)
    with private_database_from(files) as url:
        admin = make_conninfo(**{**conninfo_to_dict(url), "user": "postgres"})
        with psycopg.connect(admin) as conn:
            conn.execute("SET track_functions = 'all'")
            conn.execute("INSERT INTO conversations (id, channel) VALUES ('web:bench', 'web')")
            start = time.perf_counter()
            found = conn.execute("SELECT estimate_match(%s)", (DRAFT,)).fetchone()[0]
            conn.execute("SELECT estimate_create('web:bench', %s::jsonb)", (json.dumps(found["items"]),))
            draft_s = time.perf_counter() - start
            conn.commit()
            start = time.perf_counter()
            answer = conn.execute("SELECT estimate_converse('web:bench', %s, 'm1', 'https://r.example')",
                                  (REPLY,)).fetchone()[0]
            reply_s = time.perf_counter() - start
            top = conn.execute("SELECT funcname, calls, round(total_time::numeric, 1), round(self_time::numeric, 1)"
                               " FROM pg_stat_xact_user_functions ORDER BY self_time DESC LIMIT %s",
                               (args.top,)).fetchall()
            lines = conn.execute("SELECT json_agg(json_build_object('code', l.catalog_code, 'qty', l.quantity, 'quote', l.to_quote,"
                                 " 'description', l.description, 'requested', l.requested) ORDER BY l.position)::text"
                                 " FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id"
                                 " WHERE e.conversation_id = 'web:bench'").fetchone()[0]
            words = conn.execute("SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions"
                                 " WHERE funcname = 'estimate_words'").fetchone()[0]
    print(json.dumps({"draft_s": round(draft_s, 2), "reply_s": round(reply_s, 2), "action": answer.get("action"),
                      "answer_md5": hashlib.md5(json.dumps(answer, sort_keys=True).encode()).hexdigest(),
                      "lines_md5": hashlib.md5((lines or "").encode()).hexdigest(), "lines": json.loads(lines or "[]"),
                      "estimate_words_calls": int(words),
                      "top_self_ms": [{"function": f, "calls": c, "total_ms": float(t), "self_ms": float(s)}
                                      for f, c, t, s in top]}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
