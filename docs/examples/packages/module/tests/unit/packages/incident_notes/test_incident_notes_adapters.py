"""Unit tests of Incident Notes's adapters: each keeps the port; the calls left to write are pinned."""

from typing import Any

import pytest

from infrastructure.operations import OperationStatus
from packages.incident_notes.adapters import NOT_IMPLEMENTED
from packages.incident_notes.adapters.aws import AwsBackend
from packages.incident_notes.adapters.google import GoogleBackend
from packages.incident_notes.adapters.opsgenie import OpsgenieBackend
from packages.incident_notes.domain import IncidentNoteChanges, IncidentNoteDraft
from packages.incident_notes.ports import IncidentNotesBackend

pytestmark = pytest.mark.unit

DRAFT = IncidentNoteDraft(title="Disk full on db-1", details="Paged at 03:12.")
CHANGES = IncidentNoteChanges(title="Disk full on db-2")
ITEM_ID = "incident-note-1"

ADAPTERS: list[IncidentNotesBackend] = [GoogleBackend(), AwsBackend(), OpsgenieBackend()]

# Each operation with valid arguments: (method, arguments).
VALID_CALLS = [
    pytest.param("create_incident_note", (DRAFT,), id="create"),
    pytest.param("get_incident_note", (ITEM_ID,), id="get"),
    pytest.param("list_incident_notes", (10,), id="list"),
    pytest.param("update_incident_note", (ITEM_ID, CHANGES), id="update"),
    pytest.param("delete_incident_note", (ITEM_ID,), id="delete"),
]


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda adapter: adapter.name)
@pytest.mark.parametrize(("method", "args"), VALID_CALLS)
def test_operation_is_not_implemented_yet(adapter: IncidentNotesBackend, method: str, args: tuple[Any, ...]) -> None:
    # Pins the skeleton: replace with tests of the real call, on a fake of the vendor's client.
    result = getattr(adapter, method)(*args)

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert (result.error_code, result.provider) == (NOT_IMPLEMENTED, adapter.name)
