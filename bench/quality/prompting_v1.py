"""FROZEN: the prompt and reply assembly of eval/prompting.py before issue 13 (three whole articles from
kb_context, max_tokens 400, no cleaning or trimming), kept only so that bench/quality/compare_shape.py can measure
the old answer shape against the new one on the same machine at the same time. Not used by the workflow."""


from __future__ import annotations

import re
from typing import Iterable

# The same text as the "system_prompt" in the workflow's "Assistant settings" node (kept in step by hand).
SYSTEM_PROMPT = (
    "Eres Remedios, el asistente técnico de una empresa de fontanería. Hablas con fontaneros profesionales "
    "que están trabajando en una obra. Responde siempre en español, breve y práctico, con pasos numerados.\n"
    "Reglas de seguridad, siempre primero:\n"
    "- Antes de desmontar nada, cerrar la llave de paso y abrir un grifo para quitar la presión.\n"
    "- Si hay agua cerca de enchufes o cuadros eléctricos, cortar la electricidad antes de tocar nada.\n"
    "- Si huele a gas: no encender ni apagar nada eléctrico, ventilar, salir y llamar a la compañía de gas o al 112.\n"
    "- Gas, electricidad y calentadores de gas: recomendar un profesional con licencia cuando corresponda.\n"
    "Si no estás seguro de algo, dilo claramente y ofrece pasar la consulta a una persona. "
    "No inventes medidas, marcas ni normativas."
)

GROUNDING_RULES = (
    "Usa solo la DOCUMENTACIÓN DE LA EMPRESA que acompaña a la pregunta. Copia las cifras tal como aparecen "
    "(medidas, presiones, temperaturas, porcentajes) y respeta sus avisos de seguridad y cuándo llamar a un "
    "profesional. Si la documentación no responde a la pregunta, di que no estás seguro y ofrece pasar la "
    "consulta a una persona. No añadas datos que no estén en la documentación."
)

# Worded without the word "cifras": with "los pasos ... con sus cifras" the 0.5B model invented a
# "Cifra: 20" line under every step (bench/quality/RESULTS.md, prompt v1).
ANSWER_INSTRUCTION = (
    "Responde a la pregunta en español con los pasos de la documentación que correspondan, copiando las "
    "medidas tal como están escritas, y el aviso de seguridad. No escribas la fuente: se añade aparte."
)

NOT_FOUND_REPLY = (
    "No estoy seguro: no tengo un procedimiento verificado sobre esto en la base de conocimiento de la "
    "empresa y prefiero no adivinar. ¿Quieres que pase tu consulta a un compañero técnico (una persona) "
    "para que te responda?"
)

_MODEL_SOURCE_LINE = re.compile(r"^\s*\**\s*(fuente|fuentes|source)s?\s*\**\s*:.*$", re.IGNORECASE | re.MULTILINE)


def build_messages(
    question: str,
    context: str,
    sources: str = "",
    system_prompt: str = SYSTEM_PROMPT,
    history: Iterable[dict[str, str]] = (),
) -> list[dict[str, str]]:
    """The chat messages for a grounded answer. ``context`` and ``sources`` are kb_context's columns;
    ``sources`` is not shown to the model (the code appends it), it is accepted so callers pass the row
    as it comes. With an empty context (nothing found) the model is normally not called at all; if it is,
    the documentation says so and the rules tell the model to say it is not sure."""
    documentation = context.strip() or "(No hay documentación sobre esta pregunta.)"
    user = (
        "DOCUMENTACIÓN DE LA EMPRESA:\n" + documentation + "\n\n"
        "PREGUNTA DEL FONTANERO:\n" + question.strip() + "\n\n" + ANSWER_INSTRUCTION
    )
    return [
        {"role": "system", "content": system_prompt.strip() + "\n\n" + GROUNDING_RULES},
        *[{"role": m["role"], "content": m["content"]} for m in history],
        {"role": "user", "content": user},
    ]


def build_messages_alone(question: str, system_prompt: str = SYSTEM_PROMPT) -> list[dict[str, str]]:
    """The model alone, as the workflow asked it before retrieval: system prompt and question."""
    return [{"role": "system", "content": system_prompt}, {"role": "user", "content": question.strip()}]


def finalize_reply(model_text: str | None, safety_message: str | None, sources: str, found: bool) -> str:
    """The text the plumber receives. Safety message first (fixed text from safety_rules), then the
    model's answer with any source line it made up removed, then the real "Fuente: ..." line.
    With found false the answer is NOT_FOUND_REPLY whatever the model said."""
    parts: list[str] = []
    if safety_message:
        parts.append(safety_message.strip())
    if found:
        body = _MODEL_SOURCE_LINE.sub("", model_text or "").strip()
        if body:
            parts.append(body)
        if sources:
            parts.append(sources.strip())
    else:
        parts.append(NOT_FOUND_REPLY)
    return "\n\n".join(parts)
