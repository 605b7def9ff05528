"""Shape checks shared by the independent chat splits (eval/independent-2.jsonl … eval/independent-7.jsonl; split 6
adds a "length" field, short or long).

Files only: no database, no stack, no scorer. Article slugs come from the knowledge seed SQL
(``SELECT kb_seed_article('<slug>', ...)``), safety rule slugs from the knowledge SQL
(``SELECT kb_seed_safety_rule('<slug>', ...)``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "n8n-workflows" / "knowledge"
FIELDS = {"id", "question", "topic", "kind", "region", "in_scope", "required", "safety"}
REGIONS = {"ES", "MX", "AR", "CO", "CL", "PE", "VE", "central-america", "caribbean", "US-hispanic", "generic"}
# Split 4 names every country by its code (US = US-hispanic) instead of the groups above.
REGIONS |= {"UY", "EC", "BO", "PY", "CU", "DO", "PR", "GT", "HN", "SV", "NI", "CR", "PA", "US"}
# A reply that says nothing useful but sounds like plumbing (the check of the first split's page).
CANNED_NON_ANSWER = ("¡Hola! ¿De qué marca es? Cierra la llave de paso, revisa si hay fugas y llama a un técnico. "
                     "Revisa la temperatura y la presión del agua. Fuente: Fontanería básica")
_ARTICLE = re.compile(r"SELECT\s+kb_seed_article\(\s*'([^']+)'")
_RULE = re.compile(r"SELECT\s+kb_seed_safety_rule\(\s*'([^']+)'")


@dataclass(frozen=True)
class SplitShape:
    """What one split promises: its kinds, how many required groups an in-scope question has, its minimum sizes."""

    kinds: frozenset[str]
    min_required: int
    min_questions: int
    min_safety: int


def normalise(text: str) -> str:
    """Lower-case and strip accents, as the scorer compares answers with the required phrases."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _slugs(pattern: re.Pattern[str], glob: str) -> set[str]:
    slugs: set[str] = set()
    for path in sorted(KNOWLEDGE.glob(glob)):
        slugs.update(pattern.findall(path.read_text(encoding="utf-8")))
    return slugs


def article_slugs() -> set[str]:
    return _slugs(_ARTICLE, "seed*.sql")


def safety_rule_slugs() -> set[str]:
    return _slugs(_RULE, "*.sql")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_json(path: Path) -> dict[str, str | None]:
    return json.loads(path.read_text(encoding="utf-8"))


def question_problems(q: dict, shape: SplitShape) -> list[str]:
    qid = q.get("id", "?")
    problems = [f"{qid}: missing field {name}" for name in sorted(FIELDS - q.keys())]
    if problems:
        return problems
    if q["kind"] not in shape.kinds:
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
    if in_scope and not (shape.min_required <= len(required) <= 4):
        problems.append(f"{qid}: an in-scope question needs {shape.min_required}-4 required groups")
    if not in_scope and required:
        problems.append(f"{qid}: small talk and out of scope have no required facts")
    for group in required:
        if not group or any(not alt or alt != normalise(alt) for alt in group):
            problems.append(f"{qid}: required alternatives must be non-empty, lower-case, without accents")
    if (q["kind"] == "followup") != bool(q.get("previous")):
        problems.append(f"{qid}: a followup, and only a followup, has a 'previous' list")
    return problems


def check_split(questions: list[dict], labels: dict[str, str | None], slugs: set[str],
                shape: SplitShape) -> list[str]:
    """Every problem found in a split and its labels; an empty list when the files are sound."""
    problems: list[str] = []
    seen: set[str] = set()
    for q in questions:
        qid = q.get("id")
        if qid in seen:
            problems.append(f"duplicate id {qid}")
        seen.add(qid)
        problems.extend(question_problems(q, shape))
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


def size_problems(questions: list[dict], shape: SplitShape) -> list[str]:
    problems: list[str] = []
    if len(questions) < shape.min_questions:
        problems.append(f"{len(questions)} questions, fewer than {shape.min_questions}")
    if (dangers := sum(1 for q in questions if q["safety"])) < shape.min_safety:
        problems.append(f"{dangers} questions with a danger, fewer than {shape.min_safety}")
    if (kinds := {q["kind"] for q in questions}) != shape.kinds:
        problems.append(f"kinds {sorted(kinds)} are not {sorted(shape.kinds)}")
    return problems


def satisfied_by_canned_non_answer(questions: list[dict]) -> list[str]:
    """Ids of questions whose every required group a reply saying nothing useful fills (there should be none)."""
    canned = normalise(CANNED_NON_ANSWER)
    return [q["id"] for q in questions
            if q["required"] and all(any(alt in canned for alt in group) for group in q["required"])]
