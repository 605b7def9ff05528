"""What the repository imports into n8n is what staff get back when they export it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from devstack.n8n import WORKFLOWS_DIR, export_workflows
from devstack.stack import Stack

pytestmark = [pytest.mark.stack, pytest.mark.timeout(300)]


def test_export_gives_back_the_imported_workflows(stack: Stack, tmp_path: Path) -> None:
    for path in WORKFLOWS_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    written = export_workflows(stack.n8n_cli(), tmp_path)
    assert {p.name for p in written} == {p.name for p in WORKFLOWS_DIR.glob("*.json")}
    for path in written:
        exported = json.loads(path.read_text())
        original = json.loads((WORKFLOWS_DIR / path.name).read_text())
        assert exported["id"] == original["id"] and exported["name"] == original["name"]
        assert exported["connections"] == original["connections"]
        by_name = {n["name"]: n for n in exported["nodes"]}
        for node in original["nodes"]:
            assert by_name[node["name"]]["parameters"] == node["parameters"], node["name"]
        assert "createdAt" not in exported and "versionId" not in exported
