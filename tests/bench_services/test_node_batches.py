"""tests/support/node_js.py run_in_batches, as the bench scripts run a Code node over hundreds of messages: in batches,
in order, and a batch whose Node died of a signal (stops 32 and 36: SIGSEGV under load) run once more."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.node_js import run_in_batches

# doubles each case's n; with `crash` set, the first process to see that file missing makes it and dies of SIGSEGV
SCRIPT = r"""
const fs = require('fs');
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
for (const c of cases) {
  if (c.crash && !fs.existsSync(c.crash)) { fs.writeFileSync(c.crash, 'crashed once'); process.kill(process.pid, 'SIGSEGV'); }
}
process.stdout.write(JSON.stringify(cases.map((c) => ({ n: c.n * 2, pid: process.pid }))));
"""


def test_cases_run_in_batches_of_the_size_given_and_come_back_in_order() -> None:
    results = run_in_batches(SCRIPT, [{"n": n} for n in range(7)], size=3)
    assert [r["n"] for r in results] == [0, 2, 4, 6, 8, 10, 12]
    assert len({r["pid"] for r in results}) == 3   # 3 + 3 + 1: one Node process a batch


def test_a_batch_whose_node_died_of_a_signal_is_run_once_more(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    crash = str(tmp_path / "crashed")
    results = run_in_batches(SCRIPT, [{"n": 1}, {"n": 2, "crash": crash}, {"n": 3}], size=2)
    assert [r["n"] for r in results] == [2, 4, 6]
    assert "node died of signal 11 on cases 0-1; running them again" in capsys.readouterr().err


def test_a_node_that_dies_twice_or_fails_is_an_error() -> None:
    with pytest.raises(subprocess.CalledProcessError) as died:
        run_in_batches("process.kill(process.pid, 'SIGSEGV')", [{"n": 1}])
    assert died.value.returncode == -11
    with pytest.raises(subprocess.CalledProcessError):
        run_in_batches("process.exit(3)", [{"n": 1}])
