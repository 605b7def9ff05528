"""Running a workflow's JavaScript (an n8n Code node) in Node, as n8n would, for tests that check what a node
makes of its input without starting n8n."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
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


# Node flags for long batch runs on a loaded machine (bench scripts). Maglev, V8's middle optimizing tier, compiles
# hot functions on a background thread; on Node 24.15+ that thread has been seen to crash the process with SIGSEGV
# when the machine is CPU-starved (nodejs/node#64841, open). A Code node run over hundreds of messages in one process
# is such a hot function: safety_notice.py's Node died so twice at stops 32 and 36 under a load of 7-16.
# Without Maglev the code still reaches TurboFan; what it computes is the same.
BATCH_FLAGS = ("--no-maglev",)
BATCH_SIZE = 200          # cases a Node process: each stays short even on a loaded machine
BATCH_TIMEOUT = 600       # s a batch (200 router cases: about 8 s quiet, 40 s at a load of 16)


def run_in_batches(script: str, cases: list[dict[str, Any]], *, size: int = BATCH_SIZE,
                   flags: tuple[str, ...] = BATCH_FLAGS, timeout: float = BATCH_TIMEOUT) -> list[Any]:
    """``script`` (reads a JSON list on stdin, writes a JSON list of as many results) over ``cases``, ``size`` at a
    time, one Node process each, with ``flags``. A batch whose Node died of a signal (a crash, not an error of the
    code: that is a result) is run once more, and said on stderr; the results are those of a pure function of each
    case, so a second run gives the same."""
    results: list[Any] = []
    for start in range(0, len(cases), size):
        batch = json.dumps(cases[start:start + size])
        for attempt in (1, 2):
            done = subprocess.run([node_binary(), *flags, "-e", script], input=batch, capture_output=True, text=True,
                                  timeout=timeout)
            if done.returncode >= 0 or attempt == 2:
                break
            print(f"node died of signal {-done.returncode} on cases {start}-{start + size - 1}; running them again",
                  file=sys.stderr, flush=True)
        if done.returncode != 0:
            raise subprocess.CalledProcessError(done.returncode, done.args, done.stdout, done.stderr)
        results += json.loads(done.stdout)
    return results
