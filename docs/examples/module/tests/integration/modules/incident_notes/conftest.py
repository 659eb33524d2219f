"""An app with only the Incident Notes routes, mounted through the feature's own hook."""

from collections.abc import Callable, Iterator
from typing import Any, get_args
from unittest.mock import MagicMock

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.services import CurrentUserDep, get_settings
from modules.incident_notes import register_routes
from modules.incident_notes import controllers
from modules.incident_notes.service import IncidentNotesService
from tests.unit.modules.incident_notes.fakes import FakeIncidentNotesProvider


@pytest.fixture
def feature_settings() -> IncidentNotesSettings:
    """The feature's settings slice, switched on."""
    return IncidentNotesSettings(_env_file=None, INCIDENT_NOTES_ENABLED=True)


@pytest.fixture
def fake(feature_settings: IncidentNotesSettings) -> FakeIncidentNotesProvider:
    """The fake primary provider behind the routes."""
    return FakeIncidentNotesProvider(feature_settings)


@pytest.fixture
def service(
    feature_settings: IncidentNotesSettings, fake: FakeIncidentNotesProvider
) -> IncidentNotesService:
    """The real service, on the fake provider."""
    return IncidentNotesService(settings=feature_settings, provider=fake)


@pytest.fixture
def app(
    make_mock_settings: Callable[..., Any],
    service: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[FastAPI]:
    """A FastAPI app with the feature mounted, on test settings and the test service."""
    builder = "build_incident_notes_service"
    monkeypatch.setattr(controllers, builder, lambda: service)
    app = FastAPI()
    register_routes(app)
    settings = make_mock_settings(**{"incident_notes.INCIDENT_NOTES_ENABLED": True})
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[current_user_dependency()] = lambda: MagicMock(
        name="current_user"
    )
    yield app
    app.dependency_overrides.clear()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client of ``app``."""
    with TestClient(app) as client:
        yield client


def current_user_dependency() -> Callable[..., Any]:
    """The callable behind the host's ``CurrentUserDep``, to override in tests."""
    return get_args(CurrentUserDep)[1].dependency  # type: ignore[no-any-return]
