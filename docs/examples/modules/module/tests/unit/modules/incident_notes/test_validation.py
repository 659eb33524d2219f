"""Unit tests of the Incident Notes domain rules."""

import dataclasses

import pytest

from infrastructure.operations import OperationStatus
from modules.incident_notes.models import (
    IncidentNoteChanges,
    IncidentNoteDraft,
    changed,
)
from modules.incident_notes import validation
from tests.unit.modules.incident_notes.fakes import (
    CHANGED,
    CHANGES,
    DRAFT,
    SAMPLE,
    sample_incident_note,
)

pytestmark = pytest.mark.unit


class TestValidateIncidentNoteId:
    @pytest.mark.parametrize("value", ["a", "item-1", "A_b-9", "x" * 64])
    def test_accepts_well_formed_id(self, value: str) -> None:
        result = validation.validate_incident_note_id(value)

        assert result.is_success
        assert result.data == value

    @pytest.mark.parametrize(
        "value", ["", "has space", "slash/in", "x" * 65, "ünïcode", "../etc"]
    )
    def test_rejects_malformed_id(self, value: str) -> None:
        result = validation.validate_incident_note_id(value)

        assert result.status is OperationStatus.PERMANENT_ERROR
        assert result.error_code == validation.INVALID_ID


# The short texts, which the domain trims and refuses blank.
TRIMMED = ["title"]


class TestValidateDraft:
    def test_accepts_a_draft_that_keeps_the_rules(self) -> None:
        assert validation.validate_draft(DRAFT).data == DRAFT

    @pytest.mark.parametrize("field", TRIMMED)
    def test_trims_each_short_text(self, field: str) -> None:
        result = validation.validate_draft(
            IncidentNoteDraft(**{**SAMPLE, field: "  Disk full  "})
        )

        assert result.data is not None
        assert getattr(result.data, field) == "Disk full"

    @pytest.mark.parametrize("field", TRIMMED)
    @pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
    def test_rejects_a_blank_short_text(self, field: str, blank: str) -> None:
        result = validation.validate_draft(
            IncidentNoteDraft(**{**SAMPLE, field: blank})
        )

        assert result.error_code == validation.INVALID_INCIDENT_NOTE
        assert field in result.message


class TestValidateChanges:
    def test_accepts_changes_that_keep_the_rules(self) -> None:
        assert validation.validate_changes("item-1", CHANGES).data == CHANGES

    @pytest.mark.parametrize("field", sorted(CHANGED))
    def test_accepts_a_change_to_one_field_alone(self, field: str) -> None:
        changes = IncidentNoteChanges(**{field: CHANGED[field]})

        assert validation.validate_changes("item-1", changes).data == changes

    @pytest.mark.parametrize("field", TRIMMED)
    def test_trims_each_short_text(self, field: str) -> None:
        result = validation.validate_changes(
            "item-1", IncidentNoteChanges(**{field: " New "})
        )

        assert result.data is not None
        assert getattr(result.data, field) == "New"

    @pytest.mark.parametrize(
        "changes",
        [
            pytest.param(IncidentNoteChanges(), id="nothing-to-change"),
            pytest.param(IncidentNoteChanges(title="  "), id="blank-title"),
        ],
    )
    def test_rejects_unusable_changes(self, changes: IncidentNoteChanges) -> None:
        result = validation.validate_changes("item-1", changes)

        assert result.error_code == validation.INVALID_INCIDENT_NOTE

    def test_rejects_malformed_id(self) -> None:
        result = validation.validate_changes("bad id", CHANGES)

        assert result.error_code == validation.INVALID_ID


class TestChanged:
    def test_replaces_the_fields_given_and_keeps_the_others(self) -> None:
        before = sample_incident_note()

        for field, value in CHANGED.items():
            after = changed(before, IncidentNoteChanges(**{field: value}))

            assert after == dataclasses.replace(before, **{field: value})

    @pytest.mark.parametrize("field", ["body", "follow_up_on"])
    def test_empties_an_optional_field_it_clears(self, field: str) -> None:
        after = changed(
            sample_incident_note(), IncidentNoteChanges(cleared=frozenset({field}))
        )

        assert getattr(after, field) is None


class TestValidatePage:
    @pytest.mark.parametrize("limit", [1, 50, 100])
    @pytest.mark.parametrize("before", [None, "incident-note-1"])
    def test_accepts_limit_within_bounds(self, limit: int, before: str | None) -> None:
        assert validation.validate_page(limit, before, maximum=100).data == limit

    @pytest.mark.parametrize("limit", [-1, 0, 101])
    def test_rejects_limit_out_of_bounds(self, limit: int) -> None:
        result = validation.validate_page(limit, None, maximum=100)

        assert result.error_code == validation.INVALID_LIMIT

    @pytest.mark.parametrize("before", ["", "not an id!", "x" * 65])
    def test_rejects_a_start_that_is_not_an_id(self, before: str) -> None:
        result = validation.validate_page(10, before, maximum=100)

        assert result.error_code == validation.INVALID_ID
        assert "before" in result.message
