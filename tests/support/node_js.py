"""Running a workflow's JavaScript (an n8n Code node) in Node, as n8n would, for tests that check what a node
makes of its input without starting n8n."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from devstack.config import StackConfig

# One Code node in "Run once for each item" mode: `$json` is the item, the code returns `{ json }`.
EACH_ITEM_HARNESS = r"""
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(({ code, json }) => {
  try { return new Function('$json', code)(json).json; } catch (e) { return { __error: String(e) }; }
});
process.stdout.write(JSON.stringify(out));
"""


def node_binary() -> str:
    """The Node that scripts/setup.sh installed with n8n (or one on PATH)."""
    try:
        cached = StackConfig.from_env().node_bin_dir / "node"
        if cached.exists():
            return str(cached)
    except Exception:  # the runner's settings are not what the caller tests (tests/deploy checks bad ones)
        pass
    found = shutil.which("node")
    if not found:
        pytest.fail("Node is missing: scripts/setup.sh installs it (Node 24)", pytrace=False)
    return found


def run_each_item(code: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The `json` a "Run once for each item" Code node returns for each input item."""
    payload = [{"code": code, "json": item} for item in items]
    done = subprocess.run([node_binary(), "-e", EACH_ITEM_HARNESS], input=json.dumps(payload),
                          capture_output=True, text=True, timeout=60, check=True)
    results = json.loads(done.stdout)
    for result in results:
        assert "__error" not in result, result
    return results
