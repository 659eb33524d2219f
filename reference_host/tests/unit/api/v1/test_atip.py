"""Tests of the ATIP routes."""

from collections.abc import Callable, Iterator
from unittest.mock import MagicMock

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.services import get_settings

from api.v1.atip import router

pytestmark = pytest.mark.unit


@pytest.fixture
def app() -> Iterator[FastAPI]:
    """Return an app serving the ATIP router; its overrides are cleared afterwards."""
    app = FastAPI()
    app.include_router(router, prefix="/api/v1")
    yield app
    app.dependency_overrides.clear()


class TestGetAtipStatus:
    @pytest.mark.parametrize(("channel", "configured"), [("C1", True), ("", False)])
    def test_get_atip_status_reports_whether_channel_is_configured(
        self,
        app: FastAPI,
        make_mock_settings: Callable[..., MagicMock],
        channel: str,
        configured: bool,
    ) -> None:
        # Arrange
        settings = make_mock_settings(**{"atip.ATIP_ANNOUNCE_CHANNEL": channel})
        app.dependency_overrides[get_settings] = lambda: settings
        client = TestClient(app)

        # Act
        response = client.get("/api/v1/atip/status")

        # Assert
        assert response.json() == {
            "status": "ok",
            "announce_channel_configured": configured,
        }
