"""No prompt text ever reaches a plumber (issue 13, item 3), with the forbidden strings derived from the prompt
itself: the workflow's own "Build prompt" node (run in Node) builds the real request from "Assistant settings" and
an article passage made with the labels of kb_answer_passage (n8n-workflows/knowledge/answer.sql). Every label in
that prompt ("PREGUNTA DEL FONTANERO:", "Título:", "Pasos:", …) and every instruction sentence in it (everything
that is not a label, the plumber's words or the article) is then echoed by a pretend model in the ways small
models do it (numbered "1. Pregunta: … 2. Pasos:", bold, as a heading, mid-line, after a real step), and neither
the evaluation's clean-up (eval/prompting.py) nor the workflow's ("Read the answer") may let it through. A new
prompt line or label is covered by this test without changing it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eval.prompting import finalize_reply, instruction_sentences, plain
from tests.workflows.test_answer_shape import (
    QUESTION, SETTINGS, SOURCES, TITLE, job, run_nodes, workflow_replies,
)

ANSWER_SQL = Path(__file__).resolve().parents[2] / "n8n-workflows" / "knowledge" / "answer.sql"
EARLIER = "tengo el grifo de la cocina goteando"
STEP = "Cerrar la llave de paso antes de desmontar el grifo."
SAFETY_TEXT = "Quitar la presión del circuito."
PERSON_SAID = "Le mando a un compañero mañana a las nueve."  # a person's reply before the hand-back


def passage_labels() -> list[str]:
    """The labels kb_answer_passage writes before the article's parts ('Título: ', E'Pasos:\\n', …)."""
    body = ANSWER_SQL.read_text().split("FUNCTION kb_answer_passage", 1)[1].split("$$;", 1)[0]
    return re.findall(r"E?'([^'\n:]{1,40}):(?: |\\n)'", body)


def built_prompt(context: str, earlier: str = "", person_said: str = "") -> list[dict[str, str]]:
    [built] = run_nodes([{
        "node": "Build prompt", "json": {},
        "nodes": {"Message to answer": job({"text": QUESTION}),
                  "Find knowledge articles": {"context": context, "earlier": earlier, "person_said": person_said}},
    }])
    return built["request"]["messages"]


def derived() -> tuple[list[str], list[str]]:
    """(labels, instruction lines) of the prompts the workflow builds: with an article and a follow-up, and
    without documentation."""
    labels = passage_labels()
    assert {"Título", "Pasos", "Seguridad"} <= set(labels), labels
    passage = f"{labels[0]}: {TITLE}\n" + "\n".join(f"{label}:" for label in labels[1:-1]) + \
        f"\n1. {STEP}\n{labels[-1]}: {SAFETY_TEXT}"
    prompts = [built_prompt(passage, EARLIER, PERSON_SAID), built_prompt("")]
    own_words = {plain(QUESTION), plain(EARLIER), plain(TITLE), plain(STEP), plain(SAFETY_TEXT), plain(PERSON_SAID)}
    found_labels: list[str] = []
    instructions: list[str] = []
    for messages in prompts:
        for message in messages:
            for line in message["content"].split("\n"):
                labelled = re.match(r"^([^\d\W][^:]{0,39}):(.*)$", line.strip())
                if labelled and len(labelled.group(1).split()) <= 5:
                    found_labels.append(labelled.group(1).strip())
                    rest = labelled.group(2).strip()
                    if rest and plain(rest) not in own_words and message["role"] == "system":
                        instructions.append(line.strip())  # "Seguridad primero: …" (its advice is kept)
                elif plain(line) and plain(line) not in own_words and not re.match(r"^\d+\.", line.strip()):
                    instructions.append(line.strip())
    return sorted(set(found_labels)), instructions


LABELS, INSTRUCTION_LINES = derived()
# One sentence each, the safety advice ("Seguridad primero: …") excepted: the instructions a plumber never reads.
SENTENCES = sorted({s for line in INSTRUCTION_LINES for s in re.split(r"(?<=[.!?…])\s+", line)
                    if plain(s) in instruction_sentences(*INSTRUCTION_LINES)})


def test_the_derivation_finds_the_prompts_labels_and_instructions() -> None:
    for label in ("DOCUMENTACIÓN DE LA EMPRESA", "PREGUNTA DEL FONTANERO", "PREGUNTA ANTERIOR DEL FONTANERO", "Título",
                  "Pasos", "Seguridad", "Seguridad primero", "LO QUE DIJO EL EQUIPO"):
        assert label in LABELS, LABELS
    joined = " ".join(SENTENCES)
    for words in ("Eres Remedios", "No inventes medidas.", "Usa solo la DOCUMENTACIÓN", "No copies títulos",
                  "No hay documentación"):
        assert words in joined, SENTENCES
    assert not any("llamar al 112" in s for s in SENTENCES), "the safety advice may be repeated to the plumber"


def label_echoes(label: str) -> list[str]:
    return [
        f"{label}: {QUESTION}\n1. {STEP}",
        f"1. {label}: ¿Cómo lo hago?\n2. {STEP}",
        f"1. {label}: ¿Cómo lo hago? 2. {STEP}",
        f"**{label}:**\n1. {STEP}",
        f"### {label}\n1. {STEP}",
        f"- {label.lower()}: \n{STEP}",
        f"1. {STEP} 2. {label}: 3. Abrir el grifo.",
        f"{STEP} {label.upper()}: nada más.",
    ]


def sentence_echoes(sentence: str) -> list[str]:
    return [sentence, f"1. {sentence}\n2. {STEP}", f"{STEP} {sentence}", f"**{sentence}**\n{STEP}"]


CASES = [(label, raw) for label in LABELS for raw in label_echoes(label)] + \
        [(sentence, raw) for sentence in SENTENCES for raw in sentence_echoes(sentence)] + [
    # the shape seen in issue 13 (own wording): the prompt's structure echoed as a numbered list
    ("Pregunta", f"1. Pregunta: ¿Cómo cambio el cartucho? 2. Pasos: 1. {STEP} 2. Sacar el cartucho."),
    ("Pregunta", f"1. Pregunta: ¿Cómo cambio el cartucho?\n2. Pasos:\n1. {STEP}\n2. Sacar el cartucho."),
]


def folded(text: str) -> str:
    return " ".join(plain(text).split())


@pytest.mark.parametrize("finish", ["stop", "length"])
def test_no_label_or_instruction_of_the_prompt_reaches_the_plumber(finish: str) -> None:
    replies = workflow_replies([(raw, finish, "", QUESTION, TITLE, EARLIER) for _, raw in CASES])
    for (echoed, raw), reply in zip(CASES, replies):
        expected = finalize_reply(raw, None, SOURCES, True, finish, QUESTION, TITLE, EARLIER)
        assert reply["reply_text"] == expected, (raw, reply["reply_text"], expected)
        body = expected[: -len("\n\n" + SOURCES)]
        if echoed in LABELS or echoed == "Pregunta":
            pattern = r"(^|\s)" + r"\s+".join(map(re.escape, plain(echoed).split())) + r"\s*:"
            assert not re.search(pattern, fold_keep_colons(body)), (raw, body)
            assert plain(echoed) not in {plain(line) for line in body.split("\n")}, (raw, body)
        else:
            assert folded(echoed) not in folded(body), (raw, body)
        assert plain(QUESTION) not in plain(body)
        if STEP in raw and finish == "stop":
            assert "Cerrar la llave de paso" in body, (raw, body)  # the answer itself stays


def fold_keep_colons(text: str) -> str:
    """Lower case, no accents, Markdown marks gone, colons kept (to find "label:")."""
    return re.sub(r"[^a-z0-9:\n]+", " ", plain_keep(text))


def plain_keep(text: str) -> str:
    import unicodedata
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)).lower()
