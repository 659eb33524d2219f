"""Unit tests of Incident Notes's plugin hooks: the routes they mount, the warm-up on and off."""

from typing import Any

import pytest
from fastapi import FastAPI
from structlog.stdlib import get_logger
from structlog.testing import capture_logs

import packages.incident_notes as package

pytestmark = pytest.mark.unit


def test_register_routes_mounts_every_route_under_api_v1() -> None:
    app = FastAPI()

    package.register_routes(app=app)

    paths = {(method, route.path) for route in app.routes for method in getattr(route, "methods", ())}
    assert paths >= {
        ("POST", "/api/v1/incident-notes"),
        ("GET", "/api/v1/incident-notes/{incident_note_id}"),
        ("GET", "/api/v1/incident-notes"),
        ("PATCH", "/api/v1/incident-notes/{incident_note_id}"),
        ("DELETE", "/api/v1/incident-notes/{incident_note_id}"),
    }


def test_warmup_stops_at_the_settings_while_the_feature_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "get_incident_notes_service", _must_not_be_called)

    with capture_logs() as logs:
        package.startup_warmup(logger=get_logger())

    assert [entry["event"] for entry in logs] == ["incident_notes_settings_loaded", "incident_notes_disabled"]
    assert logs[0]["enabled"] is False


def test_warmup_builds_the_service_when_the_feature_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INCIDENT_NOTES_ENABLED", "true")

    with capture_logs() as logs:
        package.startup_warmup(logger=get_logger())

    assert [entry["event"] for entry in logs] == ["incident_notes_settings_loaded", "incident_notes_ready"]
    assert logs[-1]["backend"] == "storage"


def _must_not_be_called(*args: Any) -> Any:
    raise AssertionError("the service was built while the feature is off")
