"""Incident Notes: Keep short notes attached to an incident while it is handled.

Plugin hooks only: ``register_routes`` mounts the routes of ``interactions/http.py`` under
``/api/v1``, ``register_slack_commands`` declares ``/sre incident-notes``
(``interactions/slack.py``), ``register_i18n_resources`` adds its catalogues (``locales/``)
and ``startup_warmup`` logs the settings and builds the service before the bot serves
anything. The business logic is in ``service.py``, its wiring in ``providers.py``.
"""

# The hooks' annotations stay unevaluated: pluggy reads each hook's signature, and the
# Slack provider is imported for typing only, as the host's packages import it.
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from structlog.stdlib import BoundLogger

from infrastructure.i18n.resources import I18nResourceRegistry, I18nResourceSpec
from infrastructure.plugins import hookimpl
from packages.incident_notes.interactions import slack
from packages.incident_notes.interactions.http import router
from packages.incident_notes.providers import get_incident_notes_service
from packages.incident_notes.settings import get_incident_notes_settings

if TYPE_CHECKING:
    from integrations.slack.provider import SlackPlatformProvider


@hookimpl
def register_routes(app: FastAPI) -> None:
    """Mount the Incident Notes routes under ``/api/v1``."""
    app.include_router(router, prefix="/api/v1")


@hookimpl
def startup_warmup(logger: BoundLogger) -> None:
    """Log the effective settings and, when the feature is on, build its service.

    A settings or wiring error raised here stops the bot's startup, before any request.
    """
    settings = get_incident_notes_settings()
    logger.info("incident_notes_settings_loaded", enabled=settings.enabled)
    if not settings.enabled:
        logger.warning("incident_notes_disabled", hint="Set INCIDENT_NOTES_ENABLED=true to serve the routes.")
        return
    service = get_incident_notes_service()
    logger.info("incident_notes_ready", backend=service.backend_name)


@hookimpl
def register_slack_commands(provider: SlackPlatformProvider) -> None:
    """Declare ``/sre incident-notes`` and its subcommands with the host's Slack provider."""
    slack.register_commands(provider)


@hookimpl
def register_i18n_resources(registry: I18nResourceRegistry) -> None:
    """Add the command's English and French catalogues to the host's translations."""
    registry.register(
        I18nResourceSpec(
            owner="packages.incident_notes",
            path=str(Path(__file__).parent / "locales"),
            required=True,
            format="yaml",
            domain="incident_notes",
        )
    )
