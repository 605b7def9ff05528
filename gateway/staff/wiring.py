"""`install_staff_console(app, …)`: the staff console's routes, and live updates on the plumbers' channels."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import httpx
from quart import Quart

from gateway.channels.base import OutputChannel
from gateway.hub import Hub
from gateway.settings import Settings
from gateway.staff.activity import watch_channels
from gateway.staff.client import StaffWorkflow
from gateway.staff.console import StaffConsole
from gateway.staff.settings import StaffSettings


def install_staff_console(
    app: Quart, settings: Settings, hub: Hub, channels: Mapping[str, OutputChannel], static_dir: Path,
    *, transport: httpx.AsyncBaseTransport | None = None,
) -> dict[str, OutputChannel]:
    """Registers /staff, /staff/api/* and /staff/ws; returns `channels` wrapped so that what they send to
    plumbers also reaches the open staff consoles as `activity`."""
    staff_settings = StaffSettings.from_env(settings)
    workflow = StaffWorkflow(staff_settings, settings.n8n_webhook_token, transport=transport)
    app.register_blueprint(StaffConsole(settings, staff_settings, hub, workflow, static_dir).blueprint())
    app.after_serving(workflow.aclose)
    return watch_channels(channels, hub)
