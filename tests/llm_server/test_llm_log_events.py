"""Every event the llm-server logs is a snake_case name, with the details in other keys (the gateway's convention,
tests/gateway/test_gw_logs.py), and llm-server/README.md lists them all.

Three checks: every logging call in llm_server/ names its event with a snake_case string constant (read from the
source, so a new call with a sentence fails here); the README's table lists exactly those; and a real server on the
tiny test model, asked good and bad requests and then stopped, writes only such events."""

from __future__ import annotations

import ast
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import httpx
from llm_server_process import LLM_SERVER_DIR, REPO, TINY_MODEL_ID

from llm_server.logs import EVENT_NAME, LIBRARY_MESSAGE, JSONFormatter

SOURCES = sorted((LLM_SERVER_DIR / "llm_server").glob("*.py"))
README = LLM_SERVER_DIR / "README.md"
LEVELS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal"}
SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")  # the test's own copy: it must not trust the code's


def logger_names(tree: ast.Module) -> set[str]:
    """Module names bound to logging.getLogger(...) (``log = logging.getLogger("llm_server.app")``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and func.attr == "getLogger":
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def logging_calls(path: Path) -> list[tuple[int, ast.expr | None]]:
    """(line, the event argument) of every ``log.<level>(…)``, ``log.log(level, …)`` and ``logging.<level>(…)``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    loggers = logger_names(tree) | {"logging"}
    calls = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id in loggers):
            continue
        position = 1 if node.func.attr == "log" else 0 if node.func.attr in LEVELS else None
        if position is None:
            continue
        event = node.args[position] if len(node.args) > position else None
        calls.append((node.lineno, event))
    return calls


def events_in_code() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        for line, event in logging_calls(path):
            where = f"{path.name}:{line}"
            assert isinstance(event, ast.Constant) and isinstance(event.value, str), \
                f"{where}: name the event with a string constant, details in extra="
            assert SNAKE.fullmatch(event.value), f"{where}: {event.value!r} is not a snake_case event name"
            found.setdefault(event.value, []).append(where)
    return found


def events_in_readme() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Log events"):]
    section = section[:section.index("\n#", 1)]
    return set(re.findall(r"^\| `([^`]+)` \| (?:debug|info|warning|error|any) \|", section, re.M))


def test_every_logging_call_names_a_snake_case_event() -> None:
    found = events_in_code()
    assert sum(len(places) for places in found.values()) >= 15, found  # the scan sees the calls
    assert {"starting", "model_loaded", "request", "request_failed", "generation", "generation_failed"} <= set(found)


def test_the_scan_rejects_a_sentence_and_a_computed_event(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text('import logging\nlog = logging.getLogger("x")\nlog.info("model loaded")\n'
                      'log.error(f"failed: {1}")\nlog.log(logging.INFO, "fine_name")\nprint("not a log")\n')
    calls = logging_calls(source)
    assert [(line, getattr(event, "value", None)) for line, event in calls] == \
        [(3, "model loaded"), (4, None), (5, "fine_name")]
    assert not SNAKE.fullmatch("model loaded") and SNAKE.fullmatch("model_loaded")


def test_the_readme_lists_every_event() -> None:
    assert events_in_readme() == set(events_in_code()) | {LIBRARY_MESSAGE}


def test_a_librarys_sentence_is_kept_as_text_under_a_named_event() -> None:
    assert EVENT_NAME.pattern == SNAKE.pattern and SNAKE.fullmatch(LIBRARY_MESSAGE)
    named = logging.LogRecord("llm_server", logging.INFO, __file__, 1, "model_loaded", None, None)
    named.load_seconds = 0.05
    sentence = logging.LogRecord("hypercorn.error", logging.INFO, __file__, 1, "Running on %s (CTRL + C to quit)",
                                 ("http://127.0.0.1:8080",), None)
    first, second = (json.loads(JSONFormatter().format(record)) for record in (named, sentence))
    assert first["event"] == "model_loaded" and first["load_seconds"] == 0.05 and "text" not in first
    assert second["event"] == LIBRARY_MESSAGE and second["logger"] == "hypercorn.error"
    assert second["text"] == "Running on http://127.0.0.1:8080 (CTRL + C to quit)"


def log_events(log_text: str) -> list[dict]:
    """The JSON lines of a server's output (gpt4all's C code prints a few plain lines of its own)."""
    lines = []
    for raw in log_text.splitlines():
        if raw.startswith("{"):
            lines.append(json.loads(raw))
    return lines


def test_a_real_run_logs_only_snake_case_events(server_factory) -> None:
    """The tiny model, a few good and bad requests, then SIGTERM: every JSON line's event is a snake_case name."""
    server = server_factory()
    user = [{"role": "user", "content": "hola"}]
    with httpx.Client(base_url=server.v1, timeout=60) as client:
        assert client.post("/chat/completions", json={"model": TINY_MODEL_ID, "messages": user,
                                                      "max_tokens": 4}).status_code == 200
        with client.stream("POST", "/chat/completions", json={"model": TINY_MODEL_ID, "messages": user,
                                                              "max_tokens": 4, "stream": True}) as streamed:
            assert streamed.status_code == 200 and "[DONE]" in streamed.read().decode()
        assert client.post("/completions", json={"model": TINY_MODEL_ID, "prompt": "a",
                                                 "max_tokens": 3}).status_code == 200
        assert client.post("/chat/completions", json={"model": TINY_MODEL_ID}).status_code == 400
        assert client.get("/no-such-endpoint").status_code == 404
    assert server.stop() == 0
    lines = log_events(server.log_text())
    events = [line["event"] for line in lines]
    print(sorted(set(events)))
    assert {"starting", "model_loaded", "request", "generation", LIBRARY_MESSAGE} <= set(events)
    assert [e for e in events if not SNAKE.fullmatch(e)] == []
    assert any(line["text"].startswith("Running on") for line in lines if line["event"] == LIBRARY_MESSAGE)
    assert {line["status"] for line in lines if line["event"] == "request"} >= {200, 400, 404}
    assert set(events) <= events_in_readme(), "every event a run writes is documented"


def test_a_missing_model_is_logged_as_a_named_event_with_the_hint(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(LLM_SERVER_DIR), "LLM_MODEL": str(tmp_path / "nope.gguf"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "llm_server"], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    [line] = [line for line in log_events(result.stderr) if line["event"] == "model_file_not_found"]
    assert line["level"] == "error" and line["model"].endswith("nope.gguf")
    assert "python -m llm_server.provision" in line["hint"]
