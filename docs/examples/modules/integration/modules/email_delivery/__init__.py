"""Email Delivery over HTTP: the routes of ``api/v1/email_delivery.py``, calling the integration's client.

The host imports this package at startup and calls its hooks: ``register_routes``
mounts the routes and ``startup_warmup`` loads the integration's settings, so a
misconfiguration stops the bot before it serves anything.
"""

from typing import Any

from fastapi import FastAPI

from infrastructure.services import get_settings, hookimpl
import api.v1.email_delivery as email_delivery_routes


@hookimpl
def register_routes(app: FastAPI) -> None:
    """Mount the Email Delivery routes under ``/api/v1`` and describe their tag.

    Once per app: the host calls this hook at every start of its app, and its tests
    start the one app many times; each mount would repeat the routes and nest
    FastAPI's lifespans one level deeper, until a host with many features hits
    Python's recursion limit.

    Args:
        app: The host's FastAPI application.
    """
    if email_delivery_routes.OPENAPI_TAG in (app.openapi_tags or []):
        return
    app.openapi_tags = [*(app.openapi_tags or []), email_delivery_routes.OPENAPI_TAG]
    app.include_router(email_delivery_routes.router, prefix="/api/v1")


@hookimpl
def startup_warmup(logger: Any) -> None:
    """Load the integration's settings; an invalid one aborts the bot's startup.

    Args:
        logger: The host's structlog logger.
    """
    integration_settings = get_settings().email_delivery
    if not integration_settings.EMAIL_DELIVERY_ENDPOINT_ENABLED:
        logger.info("email_delivery_endpoint_disabled")
        return
    enabled = integration_settings.EMAIL_DELIVERY_ENABLED
    logger.info("email_delivery_endpoint_ready", integration_enabled=enabled)
