"""Debian's Chromium for the browser tests, one way: where it is, how it is started, and a clear failure when
scripts/setup.sh has not installed it. Playwright drives it (`executable_path`), never a downloaded browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
# Headless on a machine without a display or network: no sandbox (containers), no GPU, nothing fetched.
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")


def require_chromium() -> str:
    """The browser's path, or the test fails saying how to install it."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: scripts/setup.sh installs it")
    return CHROMIUM


def launch_chromium(playwright: Any, *extra_args: str) -> Any:
    """A headless Chromium from a Playwright instance (sync or async API: the async one returns a coroutine)."""
    return playwright.chromium.launch(executable_path=require_chromium(), headless=True,
                                      args=[*CHROMIUM_ARGS, *extra_args])
