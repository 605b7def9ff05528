"""Is a safety notice shown first, as the whole chat decides it for a first message — from the words or from the
article the answer cites — and is it shown only where one is needed? (bench/quality/TALK-31.md)

    .venv/bin/python -m bench.quality.safety_notice bench/quality/safety-11-tune.jsonl [--wrong] [--json OUT]

Each message is the first of a conversation, on a private Postgres built from the checkout's SQL files, through
the workflows' own chain, without the model (bench/quality/talk_decision.py's runner):
1. ``safety_check_conversation`` ("Check safety rules"): a rule fired by the words;
2. "What is the plumber asking for?" (chat-answer.json, under Node): small talk, an estimate or a person get no
   article;
3. the SQL of "Find knowledge articles" (chat-find-answer.json, read from the checkout): ``article_safety_rule``,
   the rule linked to the cited article (kb_article_safety_rules), when no rule fired on the words. When the
   chat asks back between cases, the notice of the **first** case is counted (the plumber's pick is unknown; the
   first is the search's best).

A message's label is ``notice`` (true / false), or ``warn[0]`` of a one-turn checklist row, or ``safety`` (a rule
name or null, eval/dev-facts-*), or ``topic`` of checklists 3 and 4 (a danger's topic: true; "none", a look-alike:
false — a look-alike's "not" names only the warning it must not get, so another rule's notice on it counts as a
false alarm here). Reported: notices missing where one was needed, false alarms where none was, each split by where
it came from (words / link).

    --first-turns   also the first message of the multi-turn rows (label ``warn[0]``), as a first message
    --links         list every notice that came from a link, right or not (what made the link fire: the article)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.quality.talk_decision import FIND_QUERY, router, safety_rules  # noqa: E402


def label(case: dict) -> bool | None:
    if "notice" in case:
        return bool(case["notice"])
    if isinstance(case.get("warn"), list) and len(case["warn"]) == 1:
        return bool(case["warn"][0])
    if "safety" in case:
        return bool(case["safety"])
    if "topic" in case:
        return case["topic"] != "none"
    return None


def notices(texts: list[str]) -> list[dict]:
    import psycopg

    from bench.eval_services import private_database_from
    from devstack.postgres import SCHEMA_FILES

    query = FIND_QUERY
    out = []
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        safety = safety_rules(conn, texts, "notice")
        for i, (text, asked, (rule, _)) in enumerate(zip(texts, router(texts, safety), safety)):
            if rule:
                out.append({"shown": rule, "from": "words", "outcome": "safety"})
                continue
            if asked["wants_estimate"] or asked["wants_person"] or asked["small_talk_reply"]:
                out.append({"shown": "", "from": "", "outcome": "estimate" if asked["wants_estimate"] else
                            "person" if asked["wants_person"] else "talk"})
                continue
            params = {"p1": text, "p2": "", "p3": "", "p4": "", "p5": "", "p6": "null", "p7": f"notice-{i}",
                      "p8": json.dumps(asked.get("talk_opening"))}
            cur = conn.execute(query, params)
            kb = dict(zip([d.name for d in cur.description], cur.fetchone()))
            if kb["choices"] and len(kb["choices"]) > 0:
                first = kb["choices"][0].get("slug")
                (linked,) = conn.execute("SELECT coalesce(max(rule), '') FROM safety_article_rule(%s, %s, %s)",
                                         ([first], text, f"notice-{i}")).fetchone()
                out.append({"shown": linked, "from": "link (first case)" if linked else "", "outcome": "asked",
                            "article": first})
            elif kb["found"] and not kb.get("trade_talk"):
                linked = kb.get("article_safety_rule") or ""
                out.append({"shown": linked, "from": "link" if linked else "", "outcome": "answer",
                            "article": (kb.get("slugs") or [""])[0]})
            else:
                out.append({"shown": "", "from": "", "outcome": "talk" if kb.get("no_plumbing") else "not_sure"})
    return out


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    json_out = None
    if "--json" in sys.argv:
        json_out = sys.argv[sys.argv.index("--json") + 1]
        args = [a for a in args if a != json_out]
    cases = []
    for name in args:
        path = Path(name) if Path(name).is_absolute() else ROOT / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                c = json.loads(line)
                text = c.get("question") or (c.get("turns") or [None])[0] or c.get("message")
                if "--first-turns" in sys.argv and isinstance(c.get("warn"), list) and len(c["warn"]) > 1:
                    c = {**c, "warn": c["warn"][:1], "turns": c["turns"][:1]}
                if text and label(c) is not None and len(c.get("turns") or [text]) == 1:
                    cases.append((path.name, c, text))
    got = notices([t for _, _, t in cases])
    report = {}
    for name in dict.fromkeys(n for n, _, _ in cases):
        rows = [(c, t, g) for (n, c, t), g in zip(cases, got) if n == name]
        need = [(c, t, g) for c, t, g in rows if label(c)]
        none = [(c, t, g) for c, t, g in rows if not label(c)]
        missed = [r for r in need if not r[2]["shown"]]
        false = [r for r in none if r[2]["shown"]]
        summary = {"messages": len(rows), "need_notice": len(need), "shown": len(need) - len(missed),
                   "missed": len(missed), "no_notice_needed": len(none), "false_alarms": len(false),
                   "false_from_words": sum(r[2]["from"] == "words" for r in false),
                   "false_from_link": sum(r[2]["from"].startswith("link") for r in false),
                   "wrong": [{"id": c.get("id", ""), "label": label(c), **g, "text": t} for c, t, g in missed + false]}
        linked = [(c, t, g) for c, t, g in rows if g["from"].startswith("link")]
        summary["from_link"] = {"right": sum(bool(label(c)) for c, _, _ in linked),
                                "false": sum(not label(c) for c, _, _ in linked)}
        if "--links" in sys.argv:
            summary["links"] = [{"id": c.get("id", ""), "label": label(c), **g, "text": t} for c, t, g in linked]
        report[name] = summary
        print(f"== {name}: {len(rows)} messages   notice shown {summary['shown']}/{len(need)}   "
              f"false alarms {len(false)}/{len(none)} (words {summary['false_from_words']}, "
              f"link {summary['false_from_link']})")
        if "--wrong" in sys.argv:
            for w in summary["wrong"]:
                what = f"{w['shown']} ({w['from']})" if w["shown"] else f"none ({w['outcome']})"
                print(f"     {w['id']:>10s} {'MISSED' if w['label'] else 'FALSE '} {what:45s} "
                      f"{w.get('article', '')[:28]:28s} {w['text']!r}")
        if "--links" in sys.argv:
            print(f"   notices from a link: {summary['from_link']['right']} needed, {summary['from_link']['false']} false")
            for w in summary["links"]:
                print(f"     {w['id']:>10s} {'needed' if w['label'] else 'FALSE '} {w['shown']:24s} "
                      f"{w.get('article', '')[:28]:28s} {w['text']!r}")
    if json_out:
        Path(json_out).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
