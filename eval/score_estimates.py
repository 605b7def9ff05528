"""Score estimate extraction: does a plumber's sentence become the right priced lines?

Each case in eval/estimates.jsonl (set "tuning": the catalogue aliases and job rules were written with
these in view; set "held-out": written afterwards and not tuned on) names the lines the estimate must have (catalogue code and quantity, or "some
line a cotizar"), the labour hours that are sensible, and the other catalogue items a good estimate may add.
The items are priced by the real `estimate_create()` in a transaction that is rolled back, and the lines are
scored. A case is right when every required line is there with its quantity, the labour is in range, and no
other item was priced. A priced line that should not be there is the costly error: it is counted on its own.

Each case has one outcome (they add up to the cases):
  right         as above
  partial       an estimate was made, nothing wrong is priced, but something is missing (a required line
                absent or "a cotizar", the labour out of range): the plumber gets a draft to complete
  wrong-priced  an estimate with at least one priced line the request does not need (the costly error)
  refused       no estimate: nothing could be priced, so a person prepares it
Sets: "tuning" (written first; the aliases and rules were written with them in view), "held-out" (written
afterwards, not tuned on), "issue-18" (the real requests of issue 18 the catalogue was extended for), and
"held-out-2" (written before the 300-item catalogue, its aliases and rules; not tuned on).

Modes (how the items are found):
  model      the model alone: the estimate workflow's extraction prompt, JSON Schema and retries on the LLM
             server, its items priced as they are (answers saved with --model-out; --model-in scores saved
             answers again without a model; --catalogue-in-prompt --workflow <old estimate.json> = the design
             before estimate_match, where the model picked catalogue codes)
  catalogue  Postgres alone: estimate_match() finds catalogue names, aliases and quantities in the words, and
             the job rules add labour and the usual extras
  checked    what the workflow does: estimate_match() first; the model's answer (when estimate_match says it
             could add something) only adds labour hours when no job rule gave them, and with --model-items
             (estimate_settings.model_items) lines a cotizar for items not in the catalogue

    .venv/bin/python eval/score_estimates.py --database-url postgresql://... --mode catalogue
    .venv/bin/python eval/score_estimates.py --database-url ... --mode model checked \\
        --base-url http://127.0.0.1:4891/v1 --model-out bench/estimates/model-answers-0.5b.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "eval" / "estimates.jsonl"
WORKFLOW = ROOT / "n8n-workflows" / "workflows" / "estimate.json"
LABOUR = "mano-obra-oficial"


@dataclass
class Line:
    code: str | None
    quantity: Decimal
    to_quote: bool
    requested: str


@dataclass
class CaseScore:
    id: str
    right: bool
    required: int
    required_found: int
    labour_ok: bool
    wrong_priced: list[str]
    extra_to_quote: int = 0
    lines: list[dict[str, Any]] = field(default_factory=list)
    problem: str = ""

    @property
    def outcome(self) -> str:
        if not self.lines:
            return "refused"
        if self.wrong_priced:
            return "wrong-priced"
        return "right" if self.right else "partial"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def workflow_settings(path: Path = WORKFLOW) -> dict[str, Any]:
    """The estimate workflow's own settings node: the prompt scored is the prompt n8n sends."""
    workflow = json.loads(path.read_text(encoding="utf-8"))
    node = next(n for n in workflow["nodes"] if n["name"] == "Estimate settings")
    return {a["name"]: a["value"] for a in node["parameters"]["assignments"]["assignments"]}


def score_case(case: dict[str, Any], lines: list[Line]) -> CaseScore:
    priced = [line for line in lines if not line.to_quote and line.code]
    required = case["require"]
    found = 0
    quotes_needed = 0   # lines "a cotizar" the case asks for; any other one is noise (unpriced, but noise)
    expected_codes: set[str] = set()
    for want in required:
        if want.get("to_quote"):
            hit = any(line.to_quote for line in lines)
            found += hit
            quotes_needed += hit
            continue
        codes = set(want["any_of"])
        expected_codes |= codes
        quantity = Decimal(str(want["quantity"]))
        hit = any(line.code in codes and line.quantity == quantity for line in priced)
        if not hit and want.get("or_to_quote"):
            hit = any(line.to_quote and line.quantity == quantity for line in lines)
            quotes_needed += hit
        found += hit
    hours = sum((line.quantity for line in priced if line.code == LABOUR), Decimal(0))
    labour = case.get("labour")
    labour_ok = labour is None or Decimal(str(labour[0])) <= hours <= Decimal(str(labour[1]))
    allowed = expected_codes | set(case.get("allow", [])) | {LABOUR}
    wrong = [line.code for line in priced if line.code not in allowed]
    return CaseScore(
        id=case["id"], right=found == len(required) and labour_ok and not wrong, required=len(required),
        required_found=found, labour_ok=labour_ok, wrong_priced=wrong,
        extra_to_quote=max(0, sum(line.to_quote for line in lines) - quotes_needed),
        lines=[{"code": x.code, "quantity": str(x.quantity), "to_quote": x.to_quote, "requested": x.requested}
               for x in lines],
    )


def price(conn: psycopg.Connection, items: list[Any]) -> list[Line]:
    """Price the items with the real estimate_create(), then roll everything back."""
    with conn.transaction(force_rollback=True):
        estimate = conn.execute("SELECT estimate_create(NULL, %s::jsonb)", (json.dumps(items),)).fetchone()[0]
    return [
        Line(code=line.get("catalog_code") if not line["to_quote"] else None, quantity=Decimal(str(line["quantity"])), to_quote=bool(line["to_quote"]),
             requested=line.get("requested") or "")
        for line in estimate["lines"]
    ]


def priced_or_nothing(found: dict[str, Any]) -> list[Any] | None:
    """As the workflow decides: no estimate unless at least one line gets a price or a line's choices can be
    asked back ("precio de 3 latiguillos": which length?); else a person makes it."""
    return found["items"] if found["priced"] > 0 or found.get("ask_back", 0) > 0 else None


def catalogue_items(conn: psycopg.Connection, text: str) -> list[Any] | None:
    return priced_or_nothing(conn.execute("SELECT estimate_match(%s)", (text,)).fetchone()[0])


def checked_items(conn: psycopg.Connection, text: str, model_items: list[Any] | None) -> list[Any] | None:
    """The workflow: the words read once; the model's answer used only when they say it could add something."""
    found = conn.execute("SELECT estimate_match(%s)", (text,)).fetchone()[0]
    if not found["ask_model"]:
        model_items = []
    merged = conn.execute("SELECT estimate_merge(%s, %s::jsonb, %s::jsonb)",
                          (text, json.dumps(model_items or []), json.dumps(found))).fetchone()[0]
    return priced_or_nothing(merged)


def extraction_request(settings: dict[str, Any], catalogue: str, text: str, problem: str) -> dict[str, Any]:
    """The request the workflow's 'Build extraction request' node sends (same prompt, schema and limits).
    With a catalogue: the request before estimate_match (commit 9324cee), whose schema had no bare names."""
    item = {
        "type": "object", "additionalProperties": False, "required": ["item", "quantity"],
        "properties": {"item": {"type": "string", "minLength": 1, "maxLength": 200},
                       "quantity": {"type": "number", "exclusiveMinimum": 0},
                       "unit": {"type": "string", "maxLength": 20}},
    }
    named = {"type": "string", "minLength": 1, "maxLength": 200}
    labour = {"type": "object", "additionalProperties": False, "required": ["labour_hours"],
              "properties": {"labour_hours": {"type": "number", "exclusiveMinimum": 0}}}
    schema = {"type": "object", "additionalProperties": False, "required": ["items"],
              "properties": {"items": {"type": "array", "minItems": 1, "maxItems": 50,
                                       "items": {"oneOf": [item, labour] if catalogue else [named, item, labour]}}}}
    user = "TRABAJO QUE DESCRIBE EL FONTANERO:\n" + text
    if catalogue:  # the design before estimate_match (commit 9324cee): the model picked catalogue codes
        user = "CATÁLOGO (código | nombre | unidad):\n" + catalogue + "\n\n" + user
    if problem:
        user += f"\n\nTu respuesta anterior no sirvió ({problem[:300]}). Responde de nuevo solo con el JSON corregido."
    return {
        "model": "remedios-local",
        "messages": [{"role": "system", "content": settings["extraction_prompt"]}, {"role": "user", "content": user}],
        "temperature": settings["temperature"], "max_tokens": settings["max_tokens"],
        "response_format": {"type": "json_schema", "json_schema": {"name": "estimate_items", "schema": schema}},
    }


def ask_model(client: httpx.Client, conn: psycopg.Connection, settings: dict[str, Any], text: str,
              catalogue_in_prompt: bool = False) -> dict[str, Any]:
    """The workflow's loop: ask, read, let Postgres check, and ask again with the problem, `attempts` times."""
    catalogue = conn.execute(
        "SELECT coalesce(string_agg(code || ' | ' || name || ' | ' || unit, E'\\n' ORDER BY kind, code), '') "
        "FROM price_catalog WHERE active"
    ).fetchone()[0] if catalogue_in_prompt else ""
    problem = ""
    started = time.monotonic()
    for attempt in range(1, int(settings["attempts"]) + 1):
        response = client.post("/chat/completions", json=extraction_request(settings, catalogue, text, problem))
        if response.status_code != 200:
            problem = f"HTTP {response.status_code}: {response.text[:300]}"
            continue
        try:  # the workflow's "Read the items": a non-empty list, the rest is Postgres' business
            items = json.loads(response.json()["choices"][0]["message"]["content"])["items"]
            assert isinstance(items, list) and items
            if catalogue_in_prompt:  # the old design stored the model's items as they were: Postgres checked them
                price(conn, items)
        except psycopg.Error as error:
            problem = str(error).splitlines()[0]
            continue
        except (ValueError, KeyError, TypeError, AssertionError):
            problem = 'falta la lista "items" con al menos una partida'
            continue
        return {"items": items, "attempts": attempt, "seconds": round(time.monotonic() - started, 1)}
    return {"items": None, "attempts": int(settings["attempts"]), "problem": problem,
            "seconds": round(time.monotonic() - started, 1)}


def score_mode(conn: psycopg.Connection, mode: str, cases: list[dict[str, Any]],
               answers: dict[str, dict[str, Any]]) -> list[CaseScore]:
    scores = []
    for case in cases:
        answer = answers.get(case["id"], {})
        if mode == "model":  # the model's items priced as they are (a bare name = 1 of it)
            items = [{"item": x, "quantity": 1} if isinstance(x, str) else x for x in answer.get("items") or []]
        elif mode == "catalogue":
            items = catalogue_items(conn, case["text"])
        else:
            items = checked_items(conn, case["text"], answer.get("items"))
        if not items:
            empty = score_case(case, [])
            empty.right = False
            empty.problem = answer.get("problem", "no items") if mode == "model" else "nothing priced: a person"
            scores.append(empty)
            continue
        try:
            lines = price(conn, items)
        except psycopg.Error as error:  # Postgres refused the items: no estimate
            refused = score_case(case, [])
            refused.right, refused.problem = False, str(error).splitlines()[0]
            scores.append(refused)
            continue
        scores.append(score_case(case, lines))
    return scores


def summarize(scores: list[CaseScore]) -> dict[str, Any]:
    required = sum(s.required for s in scores)
    found = sum(s.required_found for s in scores)
    return {
        "cases": len(scores),
        "right": sum(s.right for s in scores),
        "required_lines": required,
        "required_found": found,
        "required_found_pct": round(100 * found / required, 1) if required else 0.0,
        "labour_ok": sum(s.labour_ok for s in scores),
        "wrong_priced_lines": sum(len(s.wrong_priced) for s in scores),
        "cases_with_wrong_price": sum(bool(s.wrong_priced) for s in scores),
        "extra_to_quote_lines": sum(s.extra_to_quote for s in scores),
        "no_estimate": sum(not s.lines for s in scores),
        "partial": sum(s.outcome == "partial" for s in scores),
        "refused": sum(s.outcome == "refused" for s in scores),
        "refused_pct": round(100 * sum(s.outcome == "refused" for s in scores) / len(scores), 1) if scores else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a database with the Remedios schema and seed")
    parser.add_argument("--mode", nargs="+", choices=["model", "catalogue", "checked"], default=["catalogue"])
    parser.add_argument("--base-url", default="", help="LLM server /v1 URL (modes model and checked)")
    parser.add_argument("--model-in", type=Path, help="saved model answers to score instead of asking")
    parser.add_argument("--model-out", type=Path, help="where to save the model answers")
    parser.add_argument("--ids", default="", help="comma-separated case ids (default: all)")
    parser.add_argument("--out", type=Path, help="write the per-case scores and summaries as JSON")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--workflow", type=Path, default=WORKFLOW, help="estimate workflow JSON to take the prompt from")
    parser.add_argument("--model-items", action="store_true",
                        help="score with estimate_settings.model_items on (the model's lines a cotizar)")
    parser.add_argument("--catalogue-in-prompt", action="store_true",
                        help="send the catalogue with the words, as the workflow did before estimate_match")
    args = parser.parse_args(argv)

    cases = load_cases()
    if args.ids:
        wanted = set(args.ids.split(","))
        cases = [c for c in cases if c["id"] in wanted]
    answers: dict[str, dict[str, Any]] = {}
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        conn.execute("UPDATE estimate_settings SET model_items = %s", (args.model_items,))
        if {"model", "checked"} & set(args.mode):
            if args.model_in:
                answers = json.loads(args.model_in.read_text(encoding="utf-8"))["answers"]
            else:
                if not args.base_url:
                    parser.error("--base-url or --model-in is needed for modes model and checked")
                settings = workflow_settings(args.workflow)
                with httpx.Client(base_url=args.base_url, timeout=args.timeout) as client:
                    for case in cases:
                        answers[case["id"]] = ask_model(client, conn, settings, case["text"],
                                                        args.catalogue_in_prompt)
                        print(f"[model] {case['id']} {json.dumps(answers[case['id']], ensure_ascii=False)}",
                              flush=True)
                        if args.model_out:
                            args.model_out.write_text(json.dumps({"answers": answers}, ensure_ascii=False,
                                                                 indent=1), encoding="utf-8")
        report: dict[str, Any] = {}
        for mode in args.mode:
            scores = score_mode(conn, mode, cases, answers)
            sets = {c["id"]: c.get("set", "tuning") for c in cases}
            summary = {"all": summarize(scores)}
            for name in sorted(set(sets.values())):
                summary[name] = summarize([s for s in scores if sets[s.id] == name])
            report[mode] = {"summary": summary,
                            "cases": [{**asdict(s), "outcome": s.outcome, "set": sets[s.id]} for s in scores]}
            for name, figures in summary.items():
                print(mode, name, json.dumps(figures), flush=True)
            for s in scores:
                if not s.right or s.extra_to_quote:
                    print(f"  {s.id} [{s.outcome}]: found {s.required_found}/{s.required} labour_ok={s.labour_ok} "
                          f"wrong={s.wrong_priced} extra_to_quote={s.extra_to_quote} {s.problem} lines={s.lines}", flush=True)
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
