"""Stop 34 (ASK-34.md): the describe step's offers (kb_after_none) with a floor relative to the best
case: for every labelled question of the three sets with descriptions that reaches the description (asked, 'ninguna', described), the ranked cases with their
ranking key (2*both - alone, as kb_after_none) are read once; floors replayed.

    .venv/bin/python bench/quality/ask-34/describe_floor.py [ASK_RATIO] [rows.json]
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
import psycopg
from bench.quality import describe_step as D
RANKED = """
WITH alone AS (SELECT e.slug, e.score FROM kb_search(%(q)s, 1000, 0, 0) e),
both_texts AS (SELECT btrim(btrim(coalesce(%(q)s, '')) || ' ' || btrim(coalesce(%(d)s, ''))) AS t)
SELECT s.slug, (2 * s.score - coalesce(alone.score, 0))::real AS key, s.score::real
FROM kb_search((SELECT t FROM both_texts), kb_max_choices() + coalesce(cardinality(%(r)s::text[]), 0) + 3, NULL, 0) s
LEFT JOIN alone ON alone.slug = s.slug
WHERE s.slug <> ALL (coalesce(%(r)s::text[], '{}')) AND s.score > coalesce(alone.score, 0) + 0.01
ORDER BY 2 * s.score - coalesce(alone.score, 0) DESC, s.score DESC
"""
SETS = [("dev-words-5", None), ("dev-regional-4", None), ("dev-speech", None)]
ratio = sys.argv[1] if len(sys.argv) > 1 else None   # ask_ratio for the first question (None: the shipped one)


def floors(rows: list) -> None:
    for f in (0, 0.61, 0.7, 0.75, 0.8):
        right = cases = not_right = 0
        for r in rows:
            ks = r["ranked"][:3]
            kept = [s for s, k, sc in ks if k >= f * ks[0][1]]
            right += bool(set(kept) & set(r["right"]))
            cases += len(kept)
            not_right += len([s for s in kept if s not in r["right"]])
        print(f"floor {f}: right case offered {right}, cases {cases}, cases not right {not_right}")


def work(url: str) -> list:
    out = []
    with psycopg.connect(url, autocommit=True) as conn:
        if ratio:
            conn.execute("UPDATE kb_settings SET value = %s WHERE key = 'ask_ratio'", (ratio,))
        for name, _ in SETS:
            items = [json.loads(l) for l in open(ROOT / 'eval' / f'{name}.jsonl') if l.strip()]
            desc = json.load(open(ROOT / 'eval' / f'{name}-describe.json'))["descriptions"]
            for it in items:
                label = it.get("article")
                if not label or not desc.get(it["id"]):
                    continue
                right = {label, *it.get("also", [])}
                first = D.ask(conn, it["question"])
                if first["offered"]:
                    if right & set(first["offered"]):
                        continue
                    refused = D.ask(conn, "ninguna", {"question": first["asked"] or it["question"],
                                                      "choices": [{"slug": s, "title": ""} for s in first["offered"]]})
                    if not refused["describe"]:
                        continue
                    state = refused["describe"]
                elif first["first"] or not first["describe"]:
                    continue
                else:
                    state = first["describe"]
                offered = D.ask(conn, desc[it["id"]], {**state, "describe": True})["offered"]
                ranked = conn.execute(RANKED, {"q": state["question"], "d": desc[it["id"]], "r": state["rejected"]}).fetchall()
                out.append({"set": name, "id": it["id"], "right": sorted(right), "offered": offered,
                            "ranked": [[s, k, sc] for s, k, sc in ranked]})
    return out


if __name__ == "__main__":
    from bench.eval_services import on_database
    rows = on_database(work, None)
    print(len(rows), "described; lowest share of the best among the cases offered:",
          min((k / r["ranked"][0][1]) for r in rows for s, k, sc in r["ranked"][:3]))
    floors(rows)
    if len(sys.argv) > 2:
        json.dump(rows, open(sys.argv[2], "w"), indent=1)
