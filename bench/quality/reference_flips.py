"""Does one article about something else change what the search does? (bench/quality/LAY-36.md)

Every labelled tuning question of steal_moves.py's sets goes through kb_answer (the article it answers with, or the
cases it asks between), then one invented article (no word of any question) is added in a transaction that is rolled
back, and every question is asked again; the questions whose decision changed are listed.

    .venv/bin/python bench/quality/reference_flips.py URL_FILE_OR_URL
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from bench.quality.steal_moves import questions  # noqa: E402

UNRELATED = ("zz-frobnicador-zorglub", "Frobnicador que chirría: engrasar el zorglub",
             "El zorglub del frobnicador se seca y chirría.", "Chirrido al arrancar.",
             "1. Cortar la corriente.\n2. Engrasar el zorglub.\n3. Probar.", "frobnicador, zorglub, chirrido")


def decide(conn: psycopg.Connection, question: str) -> tuple:
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    return ("ask", tuple(c["slug"] for c in choices)) if choices else ("answer", tuple(slugs[:1]))


def main() -> int:
    url = sys.argv[1]
    if Path(url).exists():
        url = Path(url).read_text().strip()
    items = questions()
    with psycopg.connect(url) as conn:
        before = {f"{i['set']}/{i['id']}": decide(conn, i["question"]) for i in items}
        conn.execute("INSERT INTO kb_articles (slug, title, problem, symptoms, procedure, keywords) "
                     "VALUES (%s, %s, %s, %s, %s, %s)", UNRELATED)
        after = {f"{i['set']}/{i['id']}": decide(conn, i["question"]) for i in items}
        conn.rollback()
    text = {f"{i['set']}/{i['id']}": i["question"] for i in items}
    changed = [k for k in before if before[k] != after[k]]
    print(f"{len(items)} questions, {len(changed)} changed")
    for k in changed:
        print(k, text[k][:80], "|", before[k], "->", after[k])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
