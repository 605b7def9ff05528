"""Checking that private files are created private (0600), not tightened after a readable moment."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual umask (022): a file made without care is world-readable (0644)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def no_chmod(monkeypatch: pytest.MonkeyPatch) -> None:
    """With chmod disabled, only a file created 0600 ends up 0600: there was no readable moment."""
    monkeypatch.setattr(os, "chmod", lambda *a, **k: None)
    monkeypatch.setattr(os, "fchmod", lambda *a, **k: None)
    monkeypatch.setattr(Path, "chmod", lambda *a, **k: None)
