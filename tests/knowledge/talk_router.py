"""How the workflows decide a plumber's first message: the router's own JavaScript ("What is the plumber asking
for?", chat-answer.json, under Node) and, for what it leaves to the knowledge base, the workflow's own "Find
knowledge articles" query (chat-find-answer.json) on the test database. Shared by the small-talk tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg

from tests.workflows.test_answer_shape import CHAT, SETTINGS, run_nodes

ROOT = Path(__file__).resolve().parents[2]
FIND = next(n for n in json.loads((ROOT / "n8n-workflows/workflows/chat-find-answer.json").read_text())["nodes"]
            if n["name"] == "Find knowledge articles")["parameters"]["query"]
WORDS = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
         for a in n["parameters"]["assignments"]["assignments"]}


def route(texts: list[str], settings: dict | None = None, words: dict | None = None) -> list[dict]:
    """The router's output for each text (the shipped settings and words unless given)."""
    return run_nodes([{
        "node": "What is the plumber asking for?",
        "json": {"safety_message": "", "safety_rule": "", "safety_carried": False},
        "nodes": {"Estimate and person words": words or WORDS, "Assistant settings": settings or SETTINGS,
                  "Read message": {"text": text, "metadata": {}}},
    } for text in texts])


def decide(conn: psycopg.Connection, texts: list[str], conversation: str = "web:talk") -> list[str]:
    """'talk' (the router's reply, trade talk or the no-plumbing reply), 'person', or 'search' (an answer, a
    question asked back or "not sure"), as the workflows decide a first message. An estimate is never expected."""
    out = []
    for i, (text, asked) in enumerate(zip(texts, route(texts))):
        assert not asked["wants_estimate"], text
        if asked["wants_person"]:
            out.append("person")
            continue
        if asked["small_talk_reply"]:
            out.append("talk")
            continue
        params = {"p1": text, "p2": "", "p3": "", "p4": "", "p5": "", "p6": "null", "p7": f"{conversation}-{i}",
                  "p8": json.dumps(asked.get("talk_opening"))}
        cur = conn.execute(re.sub(r"\$(\d+)", r"%(p\1)s", FIND), params)
        kb = dict(zip([d.name for d in cur.description], cur.fetchone()))
        talk = kb["no_plumbing"] is True and not kb["found"] and not kb["choices"] and kb["describe"] is None
        out.append("talk" if talk else "search")
    return out
