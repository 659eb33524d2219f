"""Unit tests of Incident Notes's domain: each rule kept and broken."""

import dataclasses

import pytest

from packages.incident_notes.domain import (
    INVALID_ID,
    INVALID_INCIDENT_NOTE,
    INVALID_LIMIT,
    IncidentNoteChanges,
    IncidentNoteDraft,
    IncidentNoteRejected,
    changed,
    check_changes,
    check_draft,
    check_incident_note_id,
    check_page,
)
from tests.unit.packages.incident_notes.fakes import CHANGED, CHANGES, DRAFT, SAMPLE, sample_incident_note

pytestmark = pytest.mark.unit
# The short texts, which the domain trims and refuses blank.
TRIMMED = ["title"]


def test_domain_objects_are_frozen() -> None:
    incident_note = sample_incident_note()

    with pytest.raises(dataclasses.FrozenInstanceError):
        incident_note.id = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("incident_note_id", ["incident-note-1", "A_1", "x" * 64])
def test_a_well_formed_id_is_kept(incident_note_id: str) -> None:
    assert check_incident_note_id(incident_note_id) == incident_note_id


@pytest.mark.parametrize("incident_note_id", ["", "not an id!", "x" * 65, "../etc"])
def test_a_malformed_id_is_rejected(incident_note_id: str) -> None:
    with pytest.raises(IncidentNoteRejected) as rejected:
        check_incident_note_id(incident_note_id)

    assert rejected.value.error_code == INVALID_ID


def test_a_draft_that_keeps_the_rules_is_kept() -> None:
    assert check_draft(DRAFT) == DRAFT


def test_a_draft_takes_the_defaults_of_the_fields_it_leaves_out() -> None:
    defaults = {"body": None, "pinned": False, "follow_up_on": None}
    draft = IncidentNoteDraft(title=SAMPLE["title"], severity=SAMPLE["severity"])

    assert {name: getattr(draft, name) for name in defaults} == defaults


@pytest.mark.parametrize("field", TRIMMED)
def test_a_draft_has_its_short_texts_trimmed(field: str) -> None:
    checked = check_draft(IncidentNoteDraft(**{**SAMPLE, field: "  Disk full  "}))

    assert getattr(checked, field) == "Disk full"


@pytest.mark.parametrize("field", TRIMMED)
def test_a_draft_with_a_blank_short_text_is_rejected(field: str) -> None:
    with pytest.raises(IncidentNoteRejected, match=field) as rejected:
        check_draft(IncidentNoteDraft(**{**SAMPLE, field: "   "}))

    assert rejected.value.error_code == INVALID_INCIDENT_NOTE


def test_changes_that_keep_the_rules_are_kept() -> None:
    assert check_changes("incident-note-1", CHANGES) == CHANGES


@pytest.mark.parametrize("field", sorted(CHANGED))
def test_a_change_to_one_field_alone_is_kept(field: str) -> None:
    changes = IncidentNoteChanges(**{field: CHANGED[field]})

    assert check_changes("incident-note-1", changes) == changes


@pytest.mark.parametrize("field", TRIMMED)
def test_changes_have_their_short_texts_trimmed(field: str) -> None:
    checked = check_changes("incident-note-1", IncidentNoteChanges(**{field: " New "}))

    assert getattr(checked, field) == "New"


@pytest.mark.parametrize(
    ("incident_note_id", "changes", "error_code"),
    [
        pytest.param("incident-note-1", IncidentNoteChanges(), INVALID_INCIDENT_NOTE, id="nothing-to-change"),
        pytest.param("incident-note-1", IncidentNoteChanges(title=" "), INVALID_INCIDENT_NOTE, id="blank-title"),
        pytest.param("not an id!", CHANGES, INVALID_ID, id="bad-id"),
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


def test_changes_replace_the_fields_they_give_and_keep_the_others() -> None:
    before = sample_incident_note()

    for field, value in CHANGED.items():
        after = changed(before, IncidentNoteChanges(**{field: value}))

        assert after == dataclasses.replace(before, **{field: value})


@pytest.mark.parametrize("field", ["body", "follow_up_on"])
def test_changes_empty_an_optional_field_they_clear(field: str) -> None:
    after = changed(sample_incident_note(), IncidentNoteChanges(cleared=frozenset({field})))

    assert getattr(after, field) is None
    assert check_changes("incident-note-1", IncidentNoteChanges(cleared=frozenset({field}))).cleared == {field}


@pytest.mark.parametrize("limit", [1, 50, 100])
@pytest.mark.parametrize("before", [None, "incident-note-1"])
def test_a_page_within_the_maximum_is_kept(limit: int, before: str | None) -> None:
    assert check_page(limit, before, 100) == limit


@pytest.mark.parametrize("limit", [0, -1, 101])
def test_a_limit_outside_the_maximum_is_rejected(limit: int) -> None:
    with pytest.raises(IncidentNoteRejected, match="between 1 and 100") as rejected:
        check_page(limit, None, 100)

    assert rejected.value.error_code == INVALID_LIMIT


@pytest.mark.parametrize("before", ["", "not an id!", "x" * 65])
def test_a_page_after_something_other_than_an_id_is_rejected(before: str) -> None:
    with pytest.raises(IncidentNoteRejected, match="before") as rejected:
        check_page(10, before, 100)

    assert rejected.value.error_code == INVALID_ID
