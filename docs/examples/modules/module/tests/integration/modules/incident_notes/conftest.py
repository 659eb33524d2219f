"""An app with only the Incident Notes routes, mounted through the feature's own hook."""

from collections.abc import Callable, Iterator
from typing import Any
from unittest.mock import MagicMock

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.identity.models import IdentitySource, User
from infrastructure.services import (
    get_current_user,
    get_identity_service,
    get_jwks_manager,
    get_settings,
)
from modules.incident_notes import controllers, register_routes
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
def caller() -> User:
    """The authenticated caller of every request, as the host's identity service gives it."""
    return User(
        user_id="caller@example.org",
        email="caller@example.org",
        display_name="Test Caller",
        source=IdentitySource.API_JWT,
        platform_id="caller@example.org",
    )


@pytest.fixture
def app(
    make_mock_settings: Callable[..., Any],
    service: Any,
    caller: User,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[FastAPI]:
    """A FastAPI app with the feature mounted, on test settings and the test service."""
    builder = "build_incident_notes_service"
    monkeypatch.setattr(controllers, builder, lambda: service)
    switch = "incident_notes.INCIDENT_NOTES_ENABLED"
    app = FastAPI()
    register_routes(app)
    settings = make_mock_settings(**{switch: True})
    app.dependency_overrides[get_settings] = lambda: settings
    # The host's authentication stays real: only its key set and identity store are
    # doubles, so a request without a bearer token meets the host's own 401.
    app.dependency_overrides[get_jwks_manager] = lambda: MagicMock(name="jwks")
    app.dependency_overrides[get_identity_service] = lambda: MagicMock(name="identity")
    app.dependency_overrides[get_current_user] = lambda: caller
    yield app
    app.dependency_overrides.clear()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client of ``app``."""
    with TestClient(app) as client:
        yield client
