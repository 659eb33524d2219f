"""The FastAPI application: ``create_app()`` builds it."""

from server.app import create_app

__all__ = [
    "create_app",
]
