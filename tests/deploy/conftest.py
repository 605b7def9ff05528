"""Fixtures of the deployment tests: env files and the resolved compose configuration per profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.deploy.compose_helpers import SCALE_SETTINGS, resolved_config, write_env_file


@pytest.fixture(scope="session")
def env_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_env_file(tmp_path_factory.mktemp("deploy-env") / "default.env")


@pytest.fixture(scope="session")
def scale_env_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_env_file(tmp_path_factory.mktemp("deploy-env") / "scale.env", **SCALE_SETTINGS)


@pytest.fixture(scope="session")
def default_config(env_file: Path) -> dict:
    return resolved_config(env_file)


@pytest.fixture(scope="session")
def scale_config(scale_env_file: Path) -> dict:
    return resolved_config(scale_env_file, "scale")
