"""The load the throughput benchmarks put on a model server: plumbers' chat questions, as the workflow asks them.

Each request is what n8n's "Build prompt" node sends (eval/prompting.py ``build_messages``: the system
prompt and grounding rules, one company article, the question and the answer instruction), with the
workflow's ``max_tokens`` 128 and temperature 0.3. ``conversations`` clients each ask ``answers``
questions one after the other (a plumber waits for the answer before asking again), all at once.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from eval.prompting import build_messages  # noqa: E402

ARTICLES = [
    (
        "El monomando del lavabo gotea por el caño aunque esté cerrado, ¿qué hago?",
        "Cambiar el cartucho de un grifo monomando que gotea\n"
        "El cartucho cerámico se desgasta o se raya (cal, arenilla) y deja pasar agua aunque la maneta esté cerrada.\n"
        "1. Cerrar las llaves de escuadra de agua fría y caliente y abrir el grifo para quitar la presión.\n"
        "2. Tapar el desagüe con un trapo.\n"
        "3. Quitar el embellecedor, aflojar el tornillo y sacar la maneta.\n"
        "4. Desenroscar la tapa y aflojar la tuerca del cartucho con una llave fija; sacarlo tirando recto.\n"
        "5. Comprar un cartucho idéntico: 35 mm o 40 mm, comprobar altura y estriado.\n"
        "6. Limpiar el alojamiento de cal con vinagre; revisar las juntas tóricas.\n"
        "7. Colocar el cartucho nuevo respetando las patillas; apretar la tuerca sin forzar.\n"
        "8. Montar la maneta, abrir las llaves despacio y comprobar que no gotea.\n"
        "Seguridad: quitar siempre la presión antes de desmontar; solo grasa de silicona.",
    ),
    (
        "La cisterna no para de cargar agua, se oye correr todo el rato",
        "Cisterna que no deja de cargar: ajustar o cambiar el grifo de flotador\n"
        "El agua sigue entrando porque el flotador no corta o el agua se escapa por el rebosadero.\n"
        "1. Cerrar la llave de escuadra de la cisterna y quitar la tapa.\n"
        "2. Mirar el nivel: si el agua entra por el rebosadero, bajar el flotador con su tornillo de ajuste.\n"
        "3. Si el flotador está bien y sigue entrando agua, desmontar el grifo de flotador y limpiar la membrana.\n"
        "4. Si la membrana está dura o rota, cambiar el grifo de flotador completo (rosca de 3/8 o 1/2).\n"
        "5. Si el agua pasa a la taza sin llegar al rebosadero, cambiar la goma de la descarga.\n"
        "6. Abrir la llave despacio y comprobar el nivel: dos centímetros por debajo del rebosadero.\n"
        "Seguridad: no forzar la porcelana; apretar las tuercas de plástico a mano.",
    ),
    (
        "El termo eléctrico gotea por la válvula de seguridad",
        "Válvula de seguridad del termo que gotea\n"
        "La válvula descarga cuando la presión del agua sube al calentarse; un goteo al calentar es normal.\n"
        "1. Comprobar la presión de red: por encima de 4 bar instalar un reductor de presión.\n"
        "2. Accionar la palanca de la válvula para limpiar la cal del asiento.\n"
        "3. Si gotea sin calentar, cambiar la válvula por una del mismo tarado (normalmente 7 u 8 bar).\n"
        "4. Conducir el desagüe de la válvula a un sifón.\n"
        "Seguridad: cortar la corriente del termo antes de tocarlo; nunca tapar la válvula de seguridad.",
    ),
    (
        "El fregadero traga muy lento, ¿cómo lo desatasco?",
        "Desatascar un fregadero que traga lento\n"
        "Grasa y restos de comida se acumulan en el sifón y en el primer tramo del desagüe.\n"
        "1. Quitar el agua estancada y verter agua muy caliente con jabón desengrasante.\n"
        "2. Usar un desatascador de ventosa tapando el rebosadero.\n"
        "3. Si sigue, poner un cubo debajo, desenroscar el sifón y limpiarlo.\n"
        "4. Pasar un muelle desatascador por el tubo de la pared, girando.\n"
        "5. Montar el sifón con sus juntas y comprobar que no pierde.\n"
        "Seguridad: guantes y gafas; no mezclar productos químicos desatascadores.",
    ),
]


def chat_request(index: int, model: str, max_tokens: int = 128) -> dict[str, object]:
    question, article = ARTICLES[index % len(ARTICLES)]
    return {
        "model": model,
        "messages": build_messages(question, article),
        "temperature": 0.3,
        "max_tokens": max_tokens,
        "stream": True,
        "stream_options": {"include_usage": True},
    }


@dataclass
class Answer:
    conversation: int
    started: float  # seconds since the load started
    ttft: float | None
    seconds: float
    completion_tokens: int
    prompt_tokens: int
    status: int


async def ask(client: httpx.AsyncClient, url: str, body: dict[str, object], t0: float, conversation: int) -> Answer:
    started = time.perf_counter()
    first: float | None = None
    usage: dict[str, int] = {}
    async with client.stream("POST", url, json=body) as response:
        status = response.status_code
        if status != 200:
            await response.aread()
        else:
            async for line in response.aiter_lines():
                if not line.startswith("data: ") or line == "data: [DONE]":
                    continue
                chunk = json.loads(line[6:])
                if chunk.get("usage"):
                    usage = chunk["usage"]
                for choice in chunk.get("choices", []):
                    if choice.get("delta", {}).get("content") and first is None:
                        first = time.perf_counter() - started
    return Answer(conversation, started - t0, first, time.perf_counter() - started,
                  usage.get("completion_tokens", 0), usage.get("prompt_tokens", 0), status)


async def run_load(base_url: str, model: str, conversations: int, answers: int, max_tokens: int = 128) -> dict:
    """``conversations`` plumbers at once, each asking ``answers`` questions in a row."""
    url = base_url.rstrip("/") + "/v1/chat/completions"
    t0 = time.perf_counter()
    async with httpx.AsyncClient(timeout=httpx.Timeout(900.0, connect=10.0)) as client:

        async def plumber(c: int) -> list[Answer]:
            return [await ask(client, url, chat_request(c * answers + i, model, max_tokens), t0, c)
                    for i in range(answers)]

        results = await asyncio.gather(*(plumber(c) for c in range(conversations)))
    wall = time.perf_counter() - t0
    flat = [a for r in results for a in r]
    return summarize(flat, wall, conversations)


def summarize(answers: list[Answer], wall: float, conversations: int) -> dict:
    ok = [a for a in answers if a.status == 200]
    tokens = sum(a.completion_tokens for a in ok)
    waits = sorted(a.seconds for a in ok)
    ttfts = sorted(a.ttft for a in ok if a.ttft is not None)
    return {
        "conversations": conversations,
        "answers": len(ok),
        "failed": len(answers) - len(ok),
        "wall_s": round(wall, 2),
        "completion_tokens": tokens,
        "aggregate_tokens_per_s": round(tokens / wall, 2),
        "answers_per_min": round(len(ok) * 60 / wall, 2),
        "wait_p50_s": round(statistics.median(waits), 2) if waits else None,
        "wait_max_s": round(waits[-1], 2) if waits else None,
        "ttft_p50_s": round(statistics.median(ttfts), 2) if ttfts else None,
        "ttft_max_s": round(ttfts[-1], 2) if ttfts else None,
        "detail": [asdict(a) for a in answers],
    }
