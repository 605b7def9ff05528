"""Settings from a ``.env`` file at the repository root for the local runner (``make run``).

The file uses the names of the Compose ``.env`` (``.env.example``), so one file serves both. Rules:
- a variable already in the environment wins over the file;
- an empty value means "not set" (as in ``.env.example``) and is skipped;
- names that only make sense inside Compose (container addresses, published ports, the Compose databases'
  passwords, the scale profile) are ignored: the runner sets its own loopback addresses;
- the runner's secrets (``devstack.secrets.SECRET_NAMES``) stay in ``run/secrets.env``: taking them from a Compose
  file would, for example, hand n8n another encryption key than the one its credentials were saved with.

Syntax: ``NAME=value`` per line, ``#`` comments and blank lines, an optional ``export`` before the name, values
optionally in single or double quotes (taken literally, no ``$`` expansion).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from .secrets import SECRET_NAMES

COMPOSE_ONLY = frozenset({
    "GATEWAY_N8N_URL", "N8N_GATEWAY_CALLBACK_URL", "GATEWAY_HUB_URL", "GATEWAY_PUBLISH", "GATEWAY_LB_PUBLISH",
    "N8N_EDITOR_PUBLISH", "N8N_EDITOR_BASE_URL", "N8N_EXECUTIONS_MODE", "N8N_WORKER_CONCURRENCY",
    "REMEDIOS_WORKFLOW_IMPORT", "POSTGRES_PASSWORD", "N8N_DB_PASSWORD", "REDIS_PASSWORD",
})
_LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


class EnvFileError(ValueError):
    """A line of the file that is not ``NAME=value``."""


@dataclass
class EnvFileReport:
    """What reading the file did, name by name (never the values: the file holds secrets)."""

    path: Path
    applied: list[str] = field(default_factory=list)
    kept_from_environment: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"Read {self.path.name}: {len(self.applied)} setting(s)"
                 + (f" ({', '.join(self.applied)})" if self.applied else "")]
        if self.kept_from_environment:
            parts.append(f"already set in the environment, kept: {', '.join(self.kept_from_environment)}")
        if self.ignored:
            parts.append(f"not used by the local runner (Compose only, or its own secrets in run/secrets.env): "
                         f"{', '.join(self.ignored)}")
        return "; ".join(parts) + "."


def parse_env_file(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise EnvFileError(f"line {number}: expected NAME=value, got {line[:40]!r}")
        name, value = match.group(1), match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        else:
            value = re.split(r"\s+#", value, maxsplit=1)[0].strip()
        values[name] = value
    return values


def apply_env_file(path: Path, environ: MutableMapping[str, str]) -> EnvFileReport | None:
    """Put the file's settings into ``environ`` (normally ``os.environ``); None when there is no file."""
    if not path.is_file():
        return None
    report = EnvFileReport(path)
    for name, value in parse_env_file(path.read_text(encoding="utf-8")).items():
        if value == "":
            continue
        if name in COMPOSE_ONLY or name in SECRET_NAMES:
            report.ignored.append(name)
        elif name in environ:
            report.kept_from_environment.append(name)
        else:
            environ[name] = value
            report.applied.append(name)
    return report
