"""Incident Notes: Keep short notes attached to an incident while it is handled.

The host imports this package at startup and calls its hooks: ``register_routes``
mounts the routes of ``api/v1/incident_notes.py`` and ``startup_warmup`` checks
the feature's settings before the bot serves anything.
"""

from typing import Any

from fastapi import FastAPI

from infrastructure.services import get_settings, hookimpl
import api.v1.incident_notes as incident_notes_routes
from modules.incident_notes.providers import get_primary_provider


@hookimpl
def register_routes(app: FastAPI) -> None:
    """Mount the Incident Notes routes under ``/api/v1`` and describe their tag.

    Args:
        app: The host's FastAPI application.
    """
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
