"""Construction of the FastAPI application."""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import structlog
from fastapi import APIRouter, FastAPI

from infrastructure.plugins import PLUGIN_ROOTS, discover_plugins

logger = structlog.get_logger()

health_router = APIRouter(tags=["health"])


@health_router.get("/health")
def get_health() -> dict[str, str]:
    """Report that the application is up.

    Returns:
        ``{"status": "ok"}``.
    """
    return {"status": "ok"}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the features: discover them, mount their routes, run their warmups.

    A broken feature import or a failing ``startup_warmup`` aborts startup.

    Args:
        app: The application being started.

    Yields:
        Control to the running application.
    """
    plugin_manager = discover_plugins(app.state.plugin_roots)
    plugin_manager.hook.register_routes(app=app)
    logger.info("feature_routes_registered")
    plugin_manager.hook.startup_warmup(logger=logger)
    logger.info("feature_startup_warmup_completed")
    yield


def create_app(plugin_roots: Sequence[str] = PLUGIN_ROOTS) -> FastAPI:
    """Build the application.

    Feature routes are mounted when the application starts (see ``lifespan``):
    run it with ``TestClient(create_app())`` used as a context manager.

    Args:
        plugin_roots: Top-level packages whose sub-packages are feature plugins.

    Returns:
        The FastAPI application.
    """
    app = FastAPI(title="SRE Bot", lifespan=lifespan)
    app.state.plugin_roots = tuple(plugin_roots)
    app.include_router(health_router)
    return app
