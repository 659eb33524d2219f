"""ATIP (Access to Information and Privacy) requests."""

from fastapi import FastAPI

from infrastructure.services import hookimpl

from api.v1.atip import router


@hookimpl
def register_routes(app: FastAPI) -> None:
    """Mount the ATIP routes under ``/api/v1``.

    Args:
        app: The FastAPI application.
    """
    app.include_router(router, prefix="/api/v1")
