"""Unit tests of Incident Notes's getters: each builds its singleton once, on the primary back-end."""

import pytest

from packages.incident_notes.adapters.aws import AwsBackend
from packages.incident_notes.adapters.google import GoogleBackend
from packages.incident_notes.adapters.opsgenie import OpsgenieBackend
from packages.incident_notes.providers import get_incident_notes_backend, get_incident_notes_service

pytestmark = pytest.mark.unit


def test_the_service_is_built_once() -> None:
    assert get_incident_notes_service() is get_incident_notes_service()


def test_the_service_works_with_the_primary_back_end() -> None:
    assert get_incident_notes_service().backend_name == "google"


@pytest.mark.parametrize(
    ("name", "adapter"),
    [
        ("google", GoogleBackend),
        ("aws", AwsBackend),
        ("opsgenie", OpsgenieBackend),
    ],
)
def test_the_settings_choose_the_primary_back_end(monkeypatch: pytest.MonkeyPatch, name: str, adapter: type) -> None:
    monkeypatch.setenv("INCIDENT_NOTES_PRIMARY_PROVIDER", name)

    assert isinstance(get_incident_notes_backend(), adapter)
