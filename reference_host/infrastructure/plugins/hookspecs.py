"""Hooks a feature may implement, with ``@hookimpl``, in its package ``__init__.py``."""

from fastapi import FastAPI
from structlog.stdlib import BoundLogger

from infrastructure.services import hookspec


@hookspec
def register_routes(app: FastAPI) -> None:
    """Mount the feature's HTTP routes, under ``/api/v1``.

    Args:
        app: The FastAPI application; call ``app.include_router(...)`` on it.
    """


@hookspec
def startup_warmup(logger: BoundLogger) -> None:
    """Validate the feature's settings and warm its caches; raising aborts startup.

    Args:
        logger: Structured logger for startup events.
    """


@hookspec
def register_slack_commands(provider: object) -> None:
    """Register the feature's Slack commands.

    Args:
        provider: The Slack platform provider commands are registered with.
    """


@hookspec
def register_i18n_resources(registry: object) -> None:
    """Register where the feature's translation files live.

    Args:
        registry: The registry of translation resources.
    """
