"""Unit tests of IncidentNotesService: the domain's rules, the back-end's answers, results and logs."""

from typing import Any

import pytest
from structlog.testing import capture_logs

from infrastructure.operations import OperationResult, OperationStatus
from packages.incident_notes.domain import IncidentNoteChanges, IncidentNoteDraft
from packages.incident_notes.service import IncidentNotesService
from tests.unit.packages.incident_notes.fakes import CHANGES, DRAFT, SAMPLE

pytestmark = pytest.mark.unit

ITEM_ID = "incident-note-1"

# Each operation with valid arguments: (service method, arguments).
VALID_CALLS = [
    pytest.param("create_incident_note", (DRAFT,), id="create"),
    pytest.param("get_incident_note", (ITEM_ID,), id="get"),
    pytest.param("list_incident_notes", (10, "incident-note-9"), id="list"),
    pytest.param("update_incident_note", (ITEM_ID, CHANGES), id="update"),
    pytest.param("delete_incident_note", (ITEM_ID,), id="delete"),
]

# Inputs the domain's rules refuse: (service method, arguments, expected error code).
INVALID_CALLS = [
    pytest.param(
        "create_incident_note",
        (IncidentNoteDraft(**{**SAMPLE, "title": "   "}),),
        "INVALID_INCIDENT_NOTE",
        id="create-blank-title",
    ),
    pytest.param("get_incident_note", ("not an id!",), "INVALID_INCIDENT_NOTE_ID", id="get-bad-id"),
    pytest.param("list_incident_notes", (0,), "INVALID_LIMIT", id="list-zero"),
    pytest.param("list_incident_notes", (10_000,), "INVALID_LIMIT", id="list-above-max"),
    pytest.param("list_incident_notes", (10, "not an id!"), "INVALID_INCIDENT_NOTE_ID", id="list-bad-before"),
    pytest.param("update_incident_note", (ITEM_ID, IncidentNoteChanges()), "INVALID_INCIDENT_NOTE", id="update-no-change"),
    pytest.param(
        "update_incident_note", (ITEM_ID, IncidentNoteChanges(title=" ")), "INVALID_INCIDENT_NOTE", id="update-blank-title"
    ),
    pytest.param("update_incident_note", ("not an id!", CHANGES), "INVALID_INCIDENT_NOTE_ID", id="update-bad-id"),
    pytest.param("delete_incident_note", ("not an id!",), "INVALID_INCIDENT_NOTE_ID", id="delete-bad-id"),
]

# The event each operation logs when it succeeds.
EVENTS = {
    "create_incident_note": "incident_note_created",
    "get_incident_note": "incident_note_fetched",
    "list_incident_notes": "incident_notes_listed",
    "update_incident_note": "incident_note_updated",
    "delete_incident_note": "incident_note_deleted",
}

ERRORS = [
    OperationResult.error(OperationStatus.NOT_FOUND, "no such item", error_code="NOT_FOUND"),
    OperationResult.transient_error("back-end busy", error_code="RATE_LIMITED", retry_after=30),
    OperationResult.error(OperationStatus.UNAUTHORIZED, "token rejected"),
    OperationResult.permanent_error("refused", error_code="REFUSED"),
]


@pytest.mark.parametrize(("method", "args"), VALID_CALLS)
def test_operation_succeeds_on_valid_input(service: IncidentNotesService, fake: Any, method: str, args: tuple[Any, ...]) -> None:
    result = getattr(service, method)(*args)

    assert result.is_success
    assert [call_args for _, call_args in fake.calls] == [args]


@pytest.mark.parametrize(("method", "args"), VALID_CALLS)
@pytest.mark.parametrize("error", ERRORS, ids=lambda error: error.status.value)
def test_operation_returns_an_error_unchanged(
    service: IncidentNotesService,
    fake: Any,
    method: str,
    args: tuple[Any, ...],
    error: OperationResult[Any],
) -> None:
    fake.answer = error

    result = getattr(service, method)(*args)

    assert (result.status, result.error_code, result.retry_after) == (error.status, error.error_code, error.retry_after)


@pytest.mark.parametrize(("method", "args", "error_code"), INVALID_CALLS)
def test_operation_refuses_invalid_input_before_any_call(
    service: IncidentNotesService,
    fake: Any,
    method: str,
    args: tuple[Any, ...],
    error_code: str,
) -> None:
    result = getattr(service, method)(*args)

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert result.error_code == error_code
    assert fake.calls == []


@pytest.mark.parametrize(("method", "args"), VALID_CALLS)
def test_operation_logs_its_event_on_success(service: IncidentNotesService, method: str, args: tuple[Any, ...]) -> None:
    with capture_logs() as logs:
        getattr(service, method)(*args)

    assert [entry["event"] for entry in logs] == [EVENTS[method]]


@pytest.mark.parametrize(("method", "args"), VALID_CALLS)
def test_operation_logs_a_failure_without_its_message(
    service: IncidentNotesService, fake: Any, method: str, args: tuple[Any, ...]
) -> None:
    fake.answer = OperationResult.permanent_error("token abc123 refused", error_code="REFUSED")

    with capture_logs() as logs:
        getattr(service, method)(*args)

    assert logs[-1]["event"] == "incident_notes_operation_failed"
    assert logs[-1]["error_code"] == "REFUSED"
    assert "abc123" not in repr(logs)


@pytest.mark.parametrize("field", ["title"])
def test_create_trims_each_short_text(service: IncidentNotesService, fake: Any, field: str) -> None:
    service.create_incident_note(IncidentNoteDraft(**{**SAMPLE, field: "  Disk full  "}))

    assert getattr(fake.calls[0][1][0], field) == "Disk full"


def test_the_service_names_its_backend(service: IncidentNotesService) -> None:
    assert service.backend_name == "fake"
