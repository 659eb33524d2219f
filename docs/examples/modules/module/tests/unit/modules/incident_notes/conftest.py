"""Factories and fakes for the Incident Notes unit tests."""

from collections.abc import Callable
from typing import Any

import pytest

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
import modules.incident_notes.providers.storage as storage_provider
from modules.incident_notes.service import IncidentNotesService
from tests.unit.modules.incident_notes.fakes import (
    FakeIncidentNotesProvider,
    FakeStorageService,
)


@pytest.fixture(autouse=True)
def storage(monkeypatch: pytest.MonkeyPatch) -> FakeStorageService:
    """The host's storage kept in memory, wherever the storage provider reaches for it: no test calls AWS."""
    fake = FakeStorageService()
    monkeypatch.setattr(storage_provider, "get_storage_service", lambda: fake)
    return fake


@pytest.fixture
def make_settings() -> Callable[..., IncidentNotesSettings]:
    """Build the settings slice: enabled, defaults elsewhere, overrides by env name."""

    def _make(**overrides: Any) -> IncidentNotesSettings:
        values: dict[str, Any] = {"INCIDENT_NOTES_ENABLED": True}
        values.update(overrides)
        return IncidentNotesSettings(_env_file=None, **values)

    return _make


@pytest.fixture
def fake(
    make_settings: Callable[..., IncidentNotesSettings],
) -> FakeIncidentNotesProvider:
    """The fake primary provider behind ``service``."""
    return FakeIncidentNotesProvider(make_settings())


@pytest.fixture
def service(
    make_settings: Callable[..., IncidentNotesSettings],
    fake: FakeIncidentNotesProvider,
) -> IncidentNotesService:
    """The service under test, on the fake provider."""
    return IncidentNotesService(settings=make_settings(), provider=fake)
