"""`install_staff_console(app, …)`: the staff console's routes, and live updates on the plumbers' channels."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from quart import Quart

from gateway.channels.base import OutputChannel
from gateway.hub import Hub
from gateway.n8n import N8nClient
from gateway.settings import Settings
from gateway.staff.activity import watch_channels
from gateway.staff.console import StaffConsole


def install_staff_console(
    app: Quart, settings: Settings, hub: Hub, n8n: N8nClient, channels: Mapping[str, OutputChannel],
    static_dir: Path,
) -> dict[str, OutputChannel]:
    """Registers /staff, /staff/api/* and /staff/ws; returns `channels` wrapped so that what they send to
    plumbers also reaches the open staff consoles as `activity`."""
    app.register_blueprint(StaffConsole(settings, settings.staff, hub, n8n, static_dir).blueprint())
    return watch_channels(channels, hub)
