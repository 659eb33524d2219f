"""Unit tests of the Incident Notes plugin hooks."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
import structlog
from structlog.testing import capture_logs

import modules.incident_notes as feature

pytestmark = pytest.mark.unit

SLICE = "incident_notes"


class TestRegisterRoutes:
    def test_mounts_every_route_under_api_v1(self) -> None:
        app = FastAPI()

        feature.register_routes(app)

        routes = {
            (method, route.path)
            for route in app.routes
            if isinstance(route, APIRoute)
            for method in route.methods
        }
        assert routes == {
            ("POST", "/api/v1/incident-notes"),
            ("GET", "/api/v1/incident-notes/{incident_note_id}"),
            ("GET", "/api/v1/incident-notes"),
            ("PATCH", "/api/v1/incident-notes/{incident_note_id}"),
            ("DELETE", "/api/v1/incident-notes/{incident_note_id}"),
        }

    def test_describes_its_openapi_tag(self) -> None:
        app = FastAPI()

        feature.register_routes(app)

        assert app.openapi_tags == [
            {
                "name": "Incident Notes",
                "description": "Keep short notes attached to an incident while it is handled.",
            },
        ]

    def test_mounts_once_however_often_the_host_starts(self) -> None:
        app = FastAPI()
        feature.register_routes(app)
        mounted = list(app.routes)

        feature.register_routes(app)

        assert app.routes == mounted
        assert len(app.openapi_tags or []) == 1


class TestStartupWarmup:
    def _use_settings(
        self,
        monkeypatch: pytest.MonkeyPatch,
        make_mock_settings: Callable[..., Any],
        **values: Any,
    ) -> None:
        overrides = {f"{SLICE}.{name}": value for name, value in values.items()}
        settings = make_mock_settings(**overrides)
        monkeypatch.setattr(feature, "get_settings", lambda: settings)

    def test_logs_disabled_when_switched_off(
        self, monkeypatch: pytest.MonkeyPatch, make_mock_settings: Callable[..., Any]
    ) -> None:
        self._use_settings(
            monkeypatch, make_mock_settings, INCIDENT_NOTES_ENABLED=False
        )

        with capture_logs() as logs:
            feature.startup_warmup(logger=feature_logger())

        events = [entry["event"] for entry in logs]
        assert events == ["incident_notes_disabled"]

    def test_logs_ready_with_its_primary_provider(
        self,
        monkeypatch: pytest.MonkeyPatch,
        make_mock_settings: Callable[..., Any],
    ) -> None:
        self._use_settings(
            monkeypatch,
            make_mock_settings,
            INCIDENT_NOTES_ENABLED=True,
            INCIDENT_NOTES_PRIMARY_PROVIDER="storage",
        )

        with capture_logs() as logs:
            feature.startup_warmup(logger=feature_logger())

        assert logs[-1]["event"] == "incident_notes_ready"
        assert logs[-1]["primary_provider"] == "storage"

    def test_aborts_startup_on_unknown_primary_provider(
        self,
        monkeypatch: pytest.MonkeyPatch,
        make_mock_settings: Callable[..., Any],
    ) -> None:
        self._use_settings(
            monkeypatch,
            make_mock_settings,
            INCIDENT_NOTES_ENABLED=True,
            INCIDENT_NOTES_PRIMARY_PROVIDER="no-such-provider",
        )

        with pytest.raises(ValueError, match="no-such-provider"):
            feature.startup_warmup(logger=feature_logger())


def feature_logger() -> Any:
    """The structlog logger the host hands to ``startup_warmup``."""
    return structlog.get_logger()
