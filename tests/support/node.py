"""The Node binary that tests run workflow code and n8n's own modules in: the one scripts/setup.sh installs for
n8n (the runner's cache), else Node from PATH, else a clear failure."""

from __future__ import annotations

import shutil

import pytest


def node_binary() -> str:
    try:
        from devstack.config import StackConfig

        cached = StackConfig.from_env().node_bin_dir / "node"
        if cached.exists():
            return str(cached)
    except Exception:  # the runner's settings are not what the caller tests (tests/deploy checks bad ones)
        pass
    found = shutil.which("node")
    if not found:
        pytest.fail("Node is missing: scripts/setup.sh installs it (Node 24)", pytrace=False)
    return found
