"""Fixtures of the Incident Notes route tests: the feature's router in an app of its own, on fakes."""

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.security import get_current_user
from infrastructure.security.models import AuthPrincipalSource, User
from packages.incident_notes.interactions import http
from packages.incident_notes.providers import get_incident_notes_service
from packages.incident_notes.service import IncidentNotesService
from packages.incident_notes.settings import IncidentNotesSettings, get_incident_notes_settings
from tests.unit.packages.incident_notes.fakes import FakeIncidentNotesBackend

CALLER = User(
    user_id="caller@example.com",
    email="caller@example.com",
    display_name="Test Caller",
    source=AuthPrincipalSource.API_JWT,
    platform_id="caller@example.com",
)


@pytest.fixture
def settings() -> IncidentNotesSettings:
    """The feature's settings, switched on; a test may switch it off."""
    return IncidentNotesSettings(_env_file=None, enabled=True)


@pytest.fixture
def fake() -> FakeIncidentNotesBackend:
    """The fake back-end behind the routes."""
    return FakeIncidentNotesBackend()


@pytest.fixture
def service(settings: IncidentNotesSettings, fake: FakeIncidentNotesBackend) -> IncidentNotesService:
    return IncidentNotesService(settings=settings, backend=fake)


@pytest.fixture
def app(settings: IncidentNotesSettings, service: IncidentNotesService) -> FastAPI:
    """An app serving the feature's router as the hook mounts it, with an authenticated caller."""
    application = FastAPI()
    application.include_router(http.router, prefix="/api/v1")
    application.dependency_overrides[get_incident_notes_settings] = lambda: settings
    application.dependency_overrides[get_current_user] = lambda: CALLER
    application.dependency_overrides[get_incident_notes_service] = lambda: service
    return application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def anonymous_client(app: FastAPI) -> Iterator[TestClient]:
    """A client whose requests carry no token: the host's own authentication answers."""
    app.dependency_overrides.pop(get_current_user)
    with TestClient(app) as test_client:
        yield test_client
