"""Incident Notes: Keep short notes attached to an incident while it is handled.

The host imports this package at startup and calls its hooks: ``register_routes``
mounts the routes of ``api/v1/incident_notes.py``,
``register_slack_commands`` declares ``/sre incident-notes`` (``platforms/slack.py``),
``register_i18n_resources`` adds its catalogues (``locales/``) and ``startup_warmup``
checks the feature's settings before the bot serves anything.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI

from infrastructure.i18n.resources import I18nResourceRegistry, I18nResourceSpec
from infrastructure.services import get_settings, hookimpl
import api.v1.incident_notes as incident_notes_routes
from modules.incident_notes.platforms import slack
from modules.incident_notes.providers import get_primary_provider

if TYPE_CHECKING:
    from infrastructure.platforms.providers.slack import SlackPlatformProvider


@hookimpl
def register_routes(app: FastAPI) -> None:
    """Mount the Incident Notes routes under ``/api/v1`` and describe their tag.

    Once per app: the host calls this hook at every start of its app, and its tests
    start the one app many times; each mount would repeat the routes and nest
    FastAPI's lifespans one level deeper, until a host with many features hits
    Python's recursion limit.

    Args:
        app: The host's FastAPI application.
    """
    if incident_notes_routes.OPENAPI_TAG in (app.openapi_tags or []):
        return
    app.openapi_tags = [*(app.openapi_tags or []), incident_notes_routes.OPENAPI_TAG]
    app.include_router(incident_notes_routes.router, prefix="/api/v1")


@hookimpl
def startup_warmup(logger: Any) -> None:
    """Check the feature's settings; an error here aborts the bot's startup.

    Args:
        logger: The host's structlog logger.
    """
    feature_settings = get_settings().incident_notes
    if not feature_settings.INCIDENT_NOTES_ENABLED:
        logger.info("incident_notes_disabled")
        return
    provider = get_primary_provider(feature_settings)
    logger.info("incident_notes_ready", primary_provider=provider.name)


@hookimpl
def register_slack_commands(provider: "SlackPlatformProvider") -> None:
    """Declare ``/sre incident-notes`` and its subcommands with the host's Slack provider.

    Args:
        provider: The host's Slack platform provider.
    """
    slack.register_commands(provider)


@hookimpl
def register_i18n_resources(registry: I18nResourceRegistry) -> None:
    """Add the command's English and French catalogues to the host's translations.

    Args:
        registry: The host's registry of translation resources.
    """
    registry.register(
        I18nResourceSpec(
            owner="modules.incident_notes",
            path=str(Path(__file__).parent / "locales"),
            required=True,
            format="yaml",
            domain="incident_notes",
        )
    )
