"""Tests of the application factory and its startup."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from infrastructure.plugins import PLUGIN_ROOTS
from server import create_app

pytestmark = pytest.mark.unit

MakeFeatureRoot = Callable[[dict[str, str]], str]

PING_FEATURE = """
    from fastapi import APIRouter, FastAPI

    from infrastructure.services import hookimpl

    router = APIRouter(prefix="/ping")


    @router.get("")
    def ping() -> dict[str, str]:
        return {"reply": "pong"}


    @hookimpl
    def register_routes(app: FastAPI) -> None:
        app.include_router(router, prefix="/api/v1")
"""

FAILING_WARMUP_FEATURE = """
    from infrastructure.services import hookimpl


    @hookimpl
    def startup_warmup(logger: object) -> None:
        raise ValueError("PING_CHANNEL is required")
"""


class TestCreateApp:
    def test_health_route_reports_ok(self) -> None:
        # Arrange
        app = create_app()

        # Act
        with TestClient(app) as client:
            response = client.get("/health")

        # Assert
        assert (response.status_code, response.json()) == (200, {"status": "ok"})

    def test_feature_routes_are_mounted_at_startup(self) -> None:
        # Arrange
        app = create_app()

        # Act
        with TestClient(app) as client:
            response = client.get("/api/v1/atip/status")

        # Assert
        assert (response.status_code, response.json()) == (
            200,
            {"status": "ok", "announce_channel_configured": True},
        )

    def test_feature_routes_are_absent_before_startup(self) -> None:
        # Arrange
        client = TestClient(create_app())

        # Act
        response = client.get("/api/v1/atip/status")

        # Assert
        assert response.status_code == 404

    def test_two_features_are_mounted_side_by_side(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root({"ping/__init__.py": PING_FEATURE})
        app = create_app((*PLUGIN_ROOTS, root))

        # Act
        with TestClient(app) as client:
            statuses = (
                client.get("/api/v1/atip/status").status_code,
                client.get("/api/v1/ping").status_code,
            )

        # Assert
        assert statuses == (200, 200)

    def test_failing_startup_warmup_aborts_startup(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root({"ping/__init__.py": FAILING_WARMUP_FEATURE})
        app = create_app((*PLUGIN_ROOTS, root))

        # Act / Assert
        with pytest.raises(ValueError, match="PING_CHANNEL is required"):
            with TestClient(app):
                pass

    def test_broken_feature_aborts_startup(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root({"ping/__init__.py": "import no_such_dependency\n"})
        app = create_app((*PLUGIN_ROOTS, root))

        # Act / Assert
        with pytest.raises(ModuleNotFoundError):
            with TestClient(app):
                pass
