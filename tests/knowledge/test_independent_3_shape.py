"""Shape of the third independent split (eval/independent-3.jsonl), its labels and its safety labels.

Checks only the files: no database, no stack, no scorer. The article slugs are read from the text of the
knowledge seed SQL files (``SELECT kb_seed_article('<slug>', ...)``), the safety rule slugs
from the knowledge SQL files (``SELECT kb_seed_safety_rule('<slug>', ...)``).
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "eval" / "independent-3.jsonl"
LABELS = ROOT / "eval" / "independent-3-labels.json"
SAFETY_LABELS = ROOT / "eval" / "independent-3-safety.json"
KNOWLEDGE = ROOT / "n8n-workflows" / "knowledge"

KINDS = {"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}  # no followup in split 3
REGIONS = {"ES", "MX", "AR", "CO", "CL", "PE", "VE", "central-america", "caribbean", "US-hispanic", "generic"}
FIELDS = {"id", "question", "topic", "kind", "region", "in_scope", "required", "safety"}
MIN_QUESTIONS = 150
MIN_SAFETY = 25
# A reply that says nothing useful but sounds like plumbing (the check of the first split's page).
CANNED_NON_ANSWER = ("¡Hola! ¿De qué marca es? Cierra la llave de paso, revisa si hay fugas y llama a un técnico. "
                     "Revisa la temperatura y la presión del agua. Fuente: Fontanería básica")
_ARTICLE = re.compile(r"SELECT\s+kb_seed_article\(\s*'([^']+)'")
_RULE = re.compile(r"SELECT\s+kb_seed_safety_rule\(\s*'([^']+)'")


def normalise(text: str) -> str:
    """Lower-case and strip accents, as the scorer compares answers with the required phrases."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def article_slugs() -> set[str]:
    slugs: set[str] = set()
    for path in sorted(KNOWLEDGE.glob("seed*.sql")):
        slugs.update(_ARTICLE.findall(path.read_text(encoding="utf-8")))
    return slugs


def safety_rule_slugs() -> set[str]:
    slugs: set[str] = set()
    for path in sorted(KNOWLEDGE.glob("*.sql")):
        slugs.update(_RULE.findall(path.read_text(encoding="utf-8")))
    return slugs


def load_split() -> list[dict]:
    return [json.loads(line) for line in SPLIT.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_labels() -> dict[str, str | None]:
    return json.loads(LABELS.read_text(encoding="utf-8"))


def load_safety_labels() -> dict[str, str | None]:
    return json.loads(SAFETY_LABELS.read_text(encoding="utf-8"))


def _question_problems(q: dict) -> list[str]:
    qid = q.get("id", "?")
    problems = [f"{qid}: missing field {name}" for name in sorted(FIELDS - q.keys())]
    if problems:
        return problems
    if q["kind"] not in KINDS:
        problems.append(f"{qid}: unknown kind {q['kind']!r}")
    if q["region"] not in REGIONS:
        problems.append(f"{qid}: unknown region {q['region']!r}")
    if not q["question"].strip() or ":" not in q["topic"]:
        problems.append(f"{qid}: empty question or topic without a family")
    if q["safety"] is not None and not re.fullmatch(r"[a-z][a-z ]+", q["safety"]):
        problems.append(f"{qid}: safety must be null or English words, got {q['safety']!r}")
    in_scope = q["kind"] not in {"smalltalk", "out_of_scope"}
    if q["in_scope"] is not in_scope:
        problems.append(f"{qid}: in_scope does not match kind {q['kind']}")
    required = q["required"]
    if in_scope and not (2 <= len(required) <= 4):
        problems.append(f"{qid}: an in-scope question needs 2-4 required groups")
    if not in_scope and required:
        problems.append(f"{qid}: small talk and out of scope have no required facts")
    for group in required:
        if not group or any(not alt or alt != normalise(alt) for alt in group):
            problems.append(f"{qid}: required alternatives must be non-empty, lower-case, without accents")
    has_previous = bool(q.get("previous"))
    if (q["kind"] == "followup") != has_previous:
        problems.append(f"{qid}: a followup, and only a followup, has a 'previous' list")
    return problems


def check_split(questions: list[dict], labels: dict[str, str | None], slugs: set[str]) -> list[str]:
    """Every problem found in a split and its labels; an empty list when the files are sound."""
    problems: list[str] = []
    seen: set[str] = set()
    for q in questions:
        qid = q.get("id")
        if qid in seen:
            problems.append(f"duplicate id {qid}")
        seen.add(qid)
        problems.extend(_question_problems(q))
        if qid not in labels:
            problems.append(f"{qid}: not labelled")
        elif labels[qid] is not None and labels[qid] not in slugs:
            problems.append(f"{qid}: label {labels[qid]!r} is not an article slug")
        elif not q.get("in_scope", True) and labels[qid] is not None:
            problems.append(f"{qid}: small talk or out of scope is labelled with an article")
    problems.extend(f"label for unknown id {qid}" for qid in sorted(labels.keys() - seen))
    return problems


def check_safety_labels(questions: list[dict], safety: dict[str, str | None], rules: set[str]) -> list[str]:
    """Every question with a danger has a safety label (a rule slug or null), and only those questions."""
    problems: list[str] = []
    with_danger = {q["id"] for q in questions if q.get("safety")}
    problems.extend(f"{qid}: danger without a safety label" for qid in sorted(with_danger - safety.keys()))
    problems.extend(f"{qid}: safety label for a question without a danger" for qid in sorted(safety.keys() - with_danger))
    problems.extend(f"{qid}: safety label {slug!r} is not a safety rule slug"
                    for qid, slug in sorted(safety.items()) if slug is not None and slug not in rules)
    return problems


def test_seed_sql_yields_the_article_slugs() -> None:
    slugs = article_slugs()
    assert len(slugs) >= 80
    assert "grifo-monomando-cartucho" in slugs


def test_split_and_labels_are_sound() -> None:
    assert check_split(load_split(), load_labels(), article_slugs()) == []


def test_knowledge_sql_yields_the_safety_rule_slugs() -> None:
    rules = safety_rule_slugs()
    assert {"olor-a-gas", "monoxido-carbono", "agua-y-electricidad"} <= rules


def test_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_split(), load_safety_labels(), safety_rule_slugs()) == []


def test_split_is_large_enough_with_safety_questions() -> None:
    questions = load_split()
    assert len(questions) >= MIN_QUESTIONS
    assert sum(1 for q in questions if q["safety"]) >= MIN_SAFETY
    assert {q["kind"] for q in questions} == KINDS


def test_canned_non_answer_satisfies_no_question() -> None:
    canned = normalise(CANNED_NON_ANSWER)
    satisfied = [q["id"] for q in load_split()
                 if q["required"] and all(any(alt in canned for alt in group) for group in q["required"])]
    assert satisfied == []


def test_check_catches_a_broken_copy() -> None:
    questions = copy.deepcopy(load_split())
    labels = dict(load_labels())
    questions.append(copy.deepcopy(questions[0]))  # duplicate id
    labelled = next(q["id"] for q in questions if labels[q["id"]])
    labels[labelled] = "no-such-article"
    problems = check_split(questions, labels, article_slugs())
    assert f"duplicate id {questions[0]['id']}" in problems
    assert f"{labelled}: label 'no-such-article' is not an article slug" in problems


def test_safety_check_catches_a_broken_copy() -> None:
    questions = load_split()
    safety = dict(load_safety_labels())
    labelled = next(qid for qid, slug in safety.items() if slug)
    safety[labelled] = "no-such-rule"
    calm = next(q["id"] for q in questions if not q["safety"])
    safety[calm] = None
    problems = check_safety_labels(questions, safety, safety_rule_slugs())
    assert f"{labelled}: safety label 'no-such-rule' is not a safety rule slug" in problems
    assert f"{calm}: safety label for a question without a danger" in problems
