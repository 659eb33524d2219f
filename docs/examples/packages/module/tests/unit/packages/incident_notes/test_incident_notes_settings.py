"""Unit tests of IncidentNotesSettings: the environment's names, the defaults, the ranges."""

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from packages.incident_notes.settings import IncidentNotesSettings, get_incident_notes_settings

pytestmark = pytest.mark.unit


def test_the_feature_ships_switched_off() -> None:
    assert IncidentNotesSettings().enabled is False


@pytest.mark.parametrize(
    ("variable", "value", "field", "expected"),
    [
        pytest.param("INCIDENT_NOTES_ENABLED", "true", "enabled", True, id="enabled"),
        pytest.param("INCIDENT_NOTES_MAX_PAGE_SIZE", "7", "max_page_size", 7, id="max_page_size"),
        pytest.param("INCIDENT_NOTES_TABLE_NAME", "sre_bot_elsewhere", "table_name", "sre_bot_elsewhere", id="table_name"),
        pytest.param("INCIDENT_NOTES_PRIMARY_PROVIDER", "google", "primary_provider", "google", id="primary_provider"),
    ],
)
def test_each_field_is_read_from_its_own_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, field: str, expected: object
) -> None:
    monkeypatch.setenv(variable, value)

    assert getattr(IncidentNotesSettings(), field) == expected


@pytest.mark.parametrize("size", [0, 1001])
def test_a_page_size_out_of_range_is_refused(make_settings: Callable[..., IncidentNotesSettings], size: int) -> None:
    with pytest.raises(ValidationError, match="max_page_size"):
        make_settings(max_page_size=size)


def test_an_unknown_primary_back_end_is_refused(make_settings: Callable[..., IncidentNotesSettings]) -> None:
    with pytest.raises(ValidationError, match="primary_provider"):
        make_settings(primary_provider="nobody")


def test_the_getter_reads_the_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    first = get_incident_notes_settings()
    monkeypatch.setenv("INCIDENT_NOTES_ENABLED", "true")

    assert get_incident_notes_settings() is first
    assert first.enabled is False
