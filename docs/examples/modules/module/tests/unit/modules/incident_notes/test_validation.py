"""Unit tests of the Incident Notes domain rules."""

import pytest

from infrastructure.operations import OperationStatus
from modules.incident_notes.models import IncidentNoteChanges, IncidentNoteDraft
from modules.incident_notes import validation

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


class TestValidateDraft:
    def test_accepts_draft_and_trims_title(self) -> None:
        result = validation.validate_draft(
            IncidentNoteDraft(title="  Disk full  ", details="d")
        )

        expected = IncidentNoteDraft(title="Disk full", details="d")
        assert result.data == expected

    @pytest.mark.parametrize("title", ["", "   ", "\t\n"])
    def test_rejects_blank_title(self, title: str) -> None:
        result = validation.validate_draft(IncidentNoteDraft(title=title))

        assert result.error_code == validation.INVALID_INCIDENT_NOTE


class TestValidateChanges:
    def test_accepts_changes_and_trims_title(self) -> None:
        changes = IncidentNoteChanges(title=" New title ")

        result = validation.validate_changes("item-1", changes)

        assert result.data == IncidentNoteChanges(title="New title")

    def test_accepts_details_only(self) -> None:
        changes = IncidentNoteChanges(details="")

        result = validation.validate_changes("item-1", changes)

        assert result.is_success

    @pytest.mark.parametrize(
        "changes",
        [IncidentNoteChanges(), IncidentNoteChanges(title="  ")],
        ids=["nothing-to-change", "blank-title"],
    )
    def test_rejects_unusable_changes(self, changes: IncidentNoteChanges) -> None:
        result = validation.validate_changes("item-1", changes)

        assert result.error_code == validation.INVALID_INCIDENT_NOTE

    def test_rejects_malformed_id(self) -> None:
        changes = IncidentNoteChanges(title="t")

        result = validation.validate_changes("bad id", changes)

        assert result.error_code == validation.INVALID_ID


class TestValidateLimit:
    @pytest.mark.parametrize("limit", [1, 50, 100])
    def test_accepts_limit_within_bounds(self, limit: int) -> None:
        assert validation.validate_limit(limit, maximum=100).data == limit

    @pytest.mark.parametrize("limit", [-1, 0, 101])
    def test_rejects_limit_out_of_bounds(self, limit: int) -> None:
        result = validation.validate_limit(limit, maximum=100)

        assert result.error_code == validation.INVALID_LIMIT
