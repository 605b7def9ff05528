"""The repository's n8n workflows as the workflow tests read them, and the Node binary that runs their code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from devstack.config import StackConfig
from devstack.n8n import WORKFLOWS_DIR

FILES = sorted(WORKFLOWS_DIR.glob("*.json"))


def load(workflow: str | Path) -> dict[str, Any]:
    """A workflow's JSON, by file name (``"chat-answer.json"``) or by path."""
    path = workflow if isinstance(workflow, Path) else WORKFLOWS_DIR / workflow
    return json.loads(path.read_text(encoding="utf-8"))


def node_binary() -> str:
    """The Node that scripts/setup.sh installs (the one n8n runs on), else Node from PATH."""
    cached = StackConfig.from_env().node_bin_dir / "node"
    found = str(cached) if cached.exists() else shutil.which("node")
    if not found:
        pytest.fail("Node is missing: scripts/setup.sh installs it")
    return found
