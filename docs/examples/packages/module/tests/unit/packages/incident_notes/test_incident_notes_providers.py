"""Unit tests of Incident Notes's getters: each builds its singleton once, on the primary back-end."""

import pytest

from packages.incident_notes.adapters.google import GoogleBackend
from packages.incident_notes.providers import get_incident_notes_backend, get_incident_notes_service
from packages.incident_notes.store import IncidentNotesStore

pytestmark = pytest.mark.unit


def test_the_service_is_built_once() -> None:
    assert get_incident_notes_service() is get_incident_notes_service()


def test_the_service_works_with_the_primary_back_end() -> None:
    assert get_incident_notes_service().backend_name == "storage"


@pytest.mark.parametrize(
    ("name", "adapter"),
    [
        ("storage", IncidentNotesStore),
        ("google", GoogleBackend),
    ],
)
def test_the_settings_choose_the_primary_back_end(monkeypatch: pytest.MonkeyPatch, name: str, adapter: type) -> None:
    monkeypatch.setenv("INCIDENT_NOTES_PRIMARY_PROVIDER", name)

    assert isinstance(get_incident_notes_backend(), adapter)
