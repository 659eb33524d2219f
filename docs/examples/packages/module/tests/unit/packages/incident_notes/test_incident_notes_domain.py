"""Unit tests of Incident Notes's domain: each rule kept and broken."""

import dataclasses

import pytest

from packages.incident_notes.domain import (
    INVALID_ID,
    INVALID_INCIDENT_NOTE,
    INVALID_LIMIT,
    IncidentNote,
    IncidentNoteChanges,
    IncidentNoteDraft,
    IncidentNoteRejected,
    check_changes,
    check_draft,
    check_incident_note_id,
    check_limit,
)

pytestmark = pytest.mark.unit


def test_domain_objects_are_frozen() -> None:
    incident_note = IncidentNote(id="incident-note-1", title="Disk full", details="")

    with pytest.raises(dataclasses.FrozenInstanceError):
        incident_note.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("incident_note_id", ["incident-note-1", "A_1", "x" * 64])
def test_a_well_formed_id_is_kept(incident_note_id: str) -> None:
    assert check_incident_note_id(incident_note_id) == incident_note_id


@pytest.mark.parametrize("incident_note_id", ["", "not an id!", "x" * 65, "../etc"])
def test_a_malformed_id_is_rejected(incident_note_id: str) -> None:
    with pytest.raises(IncidentNoteRejected) as rejected:
        check_incident_note_id(incident_note_id)

    assert rejected.value.error_code == INVALID_ID


def test_a_draft_keeps_its_fields_with_the_title_trimmed() -> None:
    checked = check_draft(IncidentNoteDraft(title="  Disk full  ", details="db-1"))

    assert checked == IncidentNoteDraft(title="Disk full", details="db-1")


def test_a_draft_with_a_blank_title_is_rejected() -> None:
    with pytest.raises(IncidentNoteRejected, match="title") as rejected:
        check_draft(IncidentNoteDraft(title="   "))

    assert rejected.value.error_code == INVALID_INCIDENT_NOTE


def test_changes_keep_their_fields_with_the_title_trimmed() -> None:
    checked = check_changes("incident-note-1", IncidentNoteChanges(title=" New "))

    assert checked == IncidentNoteChanges(title="New")


def test_changes_to_the_details_alone_are_kept() -> None:
    checked = check_changes("incident-note-1", IncidentNoteChanges(details="more"))

    assert checked == IncidentNoteChanges(details="more")


@pytest.mark.parametrize(
    ("incident_note_id", "changes", "error_code"),
    [
        pytest.param("incident-note-1", IncidentNoteChanges(), INVALID_INCIDENT_NOTE, id="nothing-to-change"),
        pytest.param("incident-note-1", IncidentNoteChanges(title=" "), INVALID_INCIDENT_NOTE, id="blank-title"),
        pytest.param("not an id!", IncidentNoteChanges(title="New"), INVALID_ID, id="bad-id"),
    ],
)
def test_invalid_changes_are_rejected(
    incident_note_id: str,
    changes: IncidentNoteChanges,
    error_code: str,
) -> None:
    with pytest.raises(IncidentNoteRejected) as rejected:
        check_changes(incident_note_id, changes)

    assert rejected.value.error_code == error_code


@pytest.mark.parametrize("limit", [1, 50, 100])
def test_a_limit_within_the_maximum_is_kept(limit: int) -> None:
    assert check_limit(limit, 100) == limit


@pytest.mark.parametrize("limit", [0, -1, 101])
def test_a_limit_outside_the_maximum_is_rejected(limit: int) -> None:
    with pytest.raises(IncidentNoteRejected, match="between 1 and 100") as rejected:
        check_limit(limit, 100)

    assert rejected.value.error_code == INVALID_LIMIT
