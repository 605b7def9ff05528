"""Retrieval gates: eval/retrieval.py's measures on the public evaluation set and on the regional tuning set,
with thresholds a little below what the search reaches (bench/quality/RETRIEVAL.md), so that a change that
makes the search worse fails here, while one question more or less does not."""

from __future__ import annotations

import psycopg
import pytest

from eval.retrieval import DEFAULT_FILES, evaluate, load, misses

QUESTIONS, TUNING = DEFAULT_FILES
# written before its author opened the articles, then used to choose seed-regional.sql (a development set)
DEV_REGIONAL = QUESTIONS.parent / "dev-regional-2.jsonl"
# voice-note transcripts, written before their author opened the articles; used to choose kb_exclusions
DEV_SPEECH = QUESTIONS.parent / "dev-speech.jsonl"
TUNED = [QUESTIONS, TUNING, QUESTIONS.parent / "dev-neighbours.jsonl", QUESTIONS.parent / "dev-embed.jsonl"]
# plumbers' own words (Spain, Latin America, the Caribbean, the US), written blind; used to choose the
# set-3 rows of seed-regional.sql and seed-neighbours.sql
DEV_REGIONAL_3 = QUESTIONS.parent / "dev-regional-3.jsonl"

# file -> minimum top-1, minimum top-3, maximum "nothing found although in scope", maximum "found something
# although off topic", maximum "wrong first article" (rates; see bench/quality/RETRIEVAL.md for the figures)
GATES = {
    QUESTIONS: dict(top1=0.94, top3=0.94, not_found=0.04, found_off_topic=0.0, wrong=0.04),
    TUNING: dict(top1=0.90, top3=0.90, not_found=0.05, found_off_topic=0.19, wrong=0.08),
    DEV_REGIONAL: dict(top1=0.71, top3=0.71, not_found=0.05, found_off_topic=0.3, wrong=0.25),
    DEV_SPEECH: dict(top1=0.82, top3=0.82, not_found=0.05, found_off_topic=0.4, wrong=0.15),
}

# plumbers' own words, written blind (dev4, stop 22); the least tuned development set when stop 22 chose its signals
DEV_REGIONAL_4 = QUESTIONS.parent / "dev-regional-4.jsonl"

# What the plumber gets (kb_answer, asking back: kb_choices): the share of the questions with an article
# answered with a wrong one, at most (bench/quality/RETRIEVAL.md, "Speech development set": dev-speech 0 of 69,
# dev-regional-2 4 of 94, the tuned sets 0; before kb_exclusions 3 of 69 and 9 of 94).
# Stop 22 (bench/quality/ASKING.md: the likeness and lone-neighbour signals): dev-speech 0 of 74 (1 before),
# dev-regional-2 2 of 95 (3), dev-regional-3 2 of 126 (4), dev-regional-4 4 of 133 (8).
# Stop 24 (words13): dev-words-5 (typed and spoken, written blind; labels of 15 rows put back on their own questions)
# 3 of 151 (6 on main's search).
DEV_WORDS_5 = QUESTIONS.parent / "dev-words-5.jsonl"
ANSWERED_WRONG = ({DEV_SPEECH: 0.02, DEV_REGIONAL: 0.04, DEV_REGIONAL_3: 0.03, DEV_REGIONAL_4: 0.045,
                   DEV_WORDS_5: 0.025}
                  | {path: 0.0 for path in TUNED})
# dev-regional-3: 4 of 126 after the set-3 rows, 13 of 126 (10.3 %) before ("Plumbers' words, set 3")

# Asking back is a cost too (a tap, and a plumber who must read three titles): the share of the questions with
# an article that are asked back, at most. Stop 22: the tuned sets 50 of 277 (18.1 %; 36, 13.0 %, before it),
# dev-regional-4 55 of 133 (41.4 %; 43, 32.3 %, before).
# Stop 28 (bench/quality/NEIGHBOURS.md, "Stop 28"): the staff pair of a short-cycling pump and its pressure tank
# (kb_ask_between) asks one question more on dev-regional-4, 60 of 133 (45.1 %; 59 before), in place of a wrong answer.
# Stop 31 (bench/quality/ARTICLES-31.md): 24 new articles (seed-jobs-31.sql) are offered as a case on two more
# questions, 62 of 133 (46.6 %); no wrong answer more on the set.
# Stop 33 (bench/quality/ASK-33.md): known neighbours close behind are asked between (ask_neighbour_ratio 0.8): two
# questions more on dev-regional-4, 64 of 133 (48.1 %): one was answered wrong (now asked with the right case
# offered), one answered right; the tuned sets 57 of 277 (20.6 %; 52 before).
# Stop 34 (bench/quality/ASK-34.md): ask_ratio 0.85 -> 0.80, chosen on every labelled tuning set (wrong answers 27 -> 16
# of 1,725 with the stop's neighbour rows; 55 -> 36 on the base without its example questions; right + offered up; at
# most one offer without the right case more on any set). Asking is its price: the tuned sets 70 of 277 (25.3 %; 56
# before), dev-regional-4 70 of 133 (52.6 %; 64 before, none of the six a wrong answer there: right -> offered, the
# right case among the cases). The gates move with it, so that more asking than this still fails; the lead decides
# with the held-out check (ASK-34.md, "Recommendation"): ask_ratio back at 0.85 restores 0.21 / 0.485.
ASKED_AT_MOST = {"tuned": 0.26, DEV_REGIONAL_4: 0.53}


@pytest.fixture(scope="module")
def answered() -> dict[str, tuple[list[str], list]]:
    """kb_answer(question, '')'s (slugs, choices) per question, shared by this module's tests: several gates ask
    the same sets (the tuned sets, dev-regional-3 and -4 twice each). kb_answer is STABLE (reads only) and every
    test here reads the shipped data, so a result is the same whichever test's transaction computed it."""
    return {}


def slugs_and_choices(conn: psycopg.Connection, answered: dict, question: str) -> tuple[list[str], list]:
    if question not in answered:
        answered[question] = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    return answered[question]


@pytest.mark.parametrize("path", list(GATES), ids=lambda p: p.name)
def test_retrieval_gate(conn: psycopg.Connection, path) -> None:
    summary, outcomes = evaluate(conn, load(path))
    gate = GATES[path]
    report = {k: summary[k] for k in gate} | {"misses": misses(outcomes)}
    assert summary["top1"] >= gate["top1"], report
    assert summary["top3"] >= gate["top3"], report
    assert summary["not_found"] <= gate["not_found"], report
    assert summary["found_off_topic"] <= gate["found_off_topic"], report
    assert summary["wrong"] <= gate["wrong"], report


@pytest.mark.parametrize("path", list(ANSWERED_WRONG), ids=lambda p: p.name)
def test_answered_with_a_wrong_article_gate(conn: psycopg.Connection, answered: dict, path) -> None:
    wrong, labelled = [], 0
    for item in load(path):
        if not item["article"]:
            continue
        labelled += 1
        slugs, choices = slugs_and_choices(conn, answered, item["question"])
        if slugs and choices == [] and slugs[0] not in {item["article"], *item.get("also", [])}:
            wrong.append((item["id"], slugs[0]))
    assert len(wrong) / labelled <= ANSWERED_WRONG[path], wrong


def test_dev_regional_3_not_sure_gate(conn: psycopg.Connection, answered: dict) -> None:
    """Questions with an article that find nothing ("not sure"): 7 of 126 after the set-3 rows, 10 before; 9 of 127
    since stop 26's twelve new articles (118 -> 130). Two short questions ("cambiar registro de la ducha", a Moen
    shower cartridge) fell under min_score because "ducha" and "cartucho" are now in more articles, so they weigh
    less (kb_rarity): the base grew, the threshold did not drift. Lowering min_score to 0.72 brings them back but
    lets off-topic questions find articles (tuning-regional's off-topic gate fails) and adds one wrong answer in
    the 1,000 development questions; not taken (bench/quality/ARTICLES.md, "Stop 26")."""
    items = [item for item in load(DEV_REGIONAL_3) if item["article"]]
    nothing = [item["id"] for item in items
               if not slugs_and_choices(conn, answered, item["question"])[0]]
    assert len(nothing) <= 9, nothing


def test_dev_speech_set_is_well_formed(conn: psycopg.Connection) -> None:
    items = load(DEV_SPEECH)
    assert len(items) >= 80 and len({i["id"] for i in items}) == len(items)
    slugs = {r[0] for r in conn.execute("SELECT slug FROM kb_articles WHERE active").fetchall()}
    for item in items:
        assert item["kind"] in {"speech", "smalltalk", "offtopic"}, item
        assert item["article"] is None or item["article"] in slugs, item
        assert all(a in slugs for a in item.get("also", [])), item
        # a transcript: no punctuation, no capitals
        assert item["question"] == item["question"].lower() and not set(item["question"]) & set(",.¿?¡!;:"), item
    assert len({i["region"] for i in items}) >= 8


def test_tuning_set_is_well_formed(conn: psycopg.Connection) -> None:
    items = load(TUNING)
    assert len(items) >= 60
    assert len({i["id"] for i in items}) == len(items)
    slugs = {r[0] for r in conn.execute("SELECT slug FROM kb_articles WHERE active").fetchall()}
    for item in items:
        assert item["kind"] in {"regional", "typo", "speech", "offtopic"}, item
        assert (item["article"] is None) == (item["kind"] == "offtopic"), item
        assert item["article"] is None or item["article"] in slugs, item
        assert all(a in slugs for a in item.get("also", [])), item
    assert sum(1 for i in items if i["article"] is None) >= 10


def test_scorer_counts_each_verdict_once() -> None:
    from eval.retrieval import Outcome, summarize

    def o(expected, slugs, also=()):
        return Outcome(id="x", question="q", expected=expected, kind=None, found=bool(slugs), also=list(also),
                       slugs=slugs, top_score=1.0 if slugs else 0.0, ms=[1.0, 3.0])

    summary = summarize([o("a", ["a", "b"]), o("a", ["b", "a"]), o("a", ["c"], also=["c"]), o("a", []),
                         o(None, []), o(None, ["z"])])
    assert summary["counts"] == {"top1": 2, "top3": 3, "not_found": 1, "wrong": 1, "found_off_topic": 1}
    assert (summary["in_scope"], summary["off_topic"], summary["top1"], summary["found_off_topic"]) == (4, 2, 0.5, 0.5)
    assert summary["latency_ms"]["median"] == 2.0


@pytest.mark.parametrize("name", list(ASKED_AT_MOST), ids=str)
def test_asked_back_gate(conn: psycopg.Connection, answered: dict, name) -> None:
    items = [item for path in (TUNED if name == "tuned" else [name]) for item in load(path) if item["article"]]
    asked = [item["id"] for item in items
             if slugs_and_choices(conn, answered, item["question"])[1] != []]
    assert len(asked) / len(items) <= ASKED_AT_MOST[name], (len(asked), len(items))


def test_typed_rewrites_gate(conn: psycopg.Connection) -> None:
    """The tuned sets' questions as a hurried plumber types them (bench/quality/retrieval_noise.py: shorthand, slips
    of sound and of the keys, words run together): found nothing 12 of 277 and answered wrong 2 at stop 24 (main's
    search: 29 and 1)."""
    from bench.quality.retrieval_noise import typed, variants

    assert typed  # the rewriting rules of the bench, seeded by each question's id
    nothing, wrong = [], []
    for path in TUNED:
        for item in load(path):
            if not item["article"]:
                continue
            text = variants(item)["typed"]
            slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (text,)).fetchone()
            if not slugs:
                nothing.append(text)
            elif choices == [] and slugs[0] not in {item["article"], *item.get("also", [])}:
                wrong.append(text)
    assert len(nothing) <= 17, nothing
    assert len(wrong) <= 3, wrong
