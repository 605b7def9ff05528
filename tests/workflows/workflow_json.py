"""The repository's n8n workflows as the workflow tests read them (and the Node binary that runs their code)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from devstack.n8n import WORKFLOWS_DIR
from tests.support.node_js import node_binary

__all__ = ["FILES", "load", "node_binary"]

FILES = sorted(WORKFLOWS_DIR.glob("*.json"))


def load(workflow: str | Path) -> dict[str, Any]:
    """A workflow's JSON, by file name (``"chat-answer.json"``) or by path."""
    path = workflow if isinstance(workflow, Path) else WORKFLOWS_DIR / workflow
    return json.loads(path.read_text(encoding="utf-8"))

