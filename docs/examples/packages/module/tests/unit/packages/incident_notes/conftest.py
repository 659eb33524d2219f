"""Fixtures of the Incident Notes unit tests: settings from the defaults only, the service on fakes."""

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from packages.incident_notes import providers
from packages.incident_notes.service import IncidentNotesService
from packages.incident_notes.settings import IncidentNotesSettings, get_incident_notes_settings
from tests.unit.packages.incident_notes.fakes import FakeIncidentNotesBackend, FakeStorageService


def clear_caches() -> None:
    """Forget every singleton the feature's getters built."""
    get_incident_notes_settings.cache_clear()
    providers.get_incident_notes_backend.cache_clear()
    providers.get_incident_notes_service.cache_clear()


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No .env file, no INCIDENT_NOTES_* variable of the machine, no singleton of another test."""
    monkeypatch.setitem(IncidentNotesSettings.model_config, "env_file", None)
    for name in os.environ:
        if name.upper().startswith("INCIDENT_NOTES_"):
            monkeypatch.delenv(name)
    clear_caches()
    yield
    clear_caches()


@pytest.fixture(autouse=True)
def storage(monkeypatch: pytest.MonkeyPatch) -> FakeStorageService:
    """The host's storage kept in memory, wherever the feature's getters reach for it: no test calls AWS."""
    fake = FakeStorageService()
    monkeypatch.setattr(providers, "get_storage_service", lambda: fake)
    return fake


@pytest.fixture
def make_settings() -> Callable[..., IncidentNotesSettings]:
    """Build the settings slice: enabled, defaults elsewhere, overrides by field name."""

    def _make(**overrides: Any) -> IncidentNotesSettings:
        values: dict[str, Any] = {"enabled": True, **overrides}
        return IncidentNotesSettings(**values)

    return _make


@pytest.fixture
def fake() -> FakeIncidentNotesBackend:
    """The fake back-end behind ``service``."""
    return FakeIncidentNotesBackend()


@pytest.fixture
def service(make_settings: Callable[..., IncidentNotesSettings], fake: FakeIncidentNotesBackend) -> IncidentNotesService:
    """The service under test, on the fake back-end."""
    return IncidentNotesService(settings=make_settings(), backend=fake)
