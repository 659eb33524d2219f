"""Unit tests of Incident Notes's adapters: the calls left to write are pinned."""

from typing import Any

import pytest

from infrastructure.operations import OperationStatus
from packages.incident_notes.adapters import NOT_IMPLEMENTED
from packages.incident_notes.adapters.aws import AwsBackend
from packages.incident_notes.adapters.google import GoogleBackend
from packages.incident_notes.adapters.opsgenie import OpsgenieBackend
from packages.incident_notes.domain import IncidentNoteChanges, IncidentNoteDraft

pytestmark = pytest.mark.unit

DRAFT = IncidentNoteDraft(title="Disk full on db-1", details="Paged at 03:12.")
CHANGES = IncidentNoteChanges(title="Disk full on db-2")
ITEM_ID = "incident-note-1"

# Each operation an adapter leaves to write, with valid arguments: (adapter, method, arguments).
PINNED = [
    pytest.param(GoogleBackend(), "create_incident_note", (DRAFT,), id="google-create"),
    pytest.param(GoogleBackend(), "get_incident_note", (ITEM_ID,), id="google-get"),
    pytest.param(GoogleBackend(), "list_incident_notes", (10,), id="google-list"),
    pytest.param(GoogleBackend(), "update_incident_note", (ITEM_ID, CHANGES), id="google-update"),
    pytest.param(GoogleBackend(), "delete_incident_note", (ITEM_ID,), id="google-delete"),
    pytest.param(AwsBackend(), "create_incident_note", (DRAFT,), id="aws-create"),
    pytest.param(AwsBackend(), "get_incident_note", (ITEM_ID,), id="aws-get"),
    pytest.param(AwsBackend(), "list_incident_notes", (10,), id="aws-list"),
    pytest.param(AwsBackend(), "update_incident_note", (ITEM_ID, CHANGES), id="aws-update"),
    pytest.param(AwsBackend(), "delete_incident_note", (ITEM_ID,), id="aws-delete"),
    pytest.param(OpsgenieBackend(), "create_incident_note", (DRAFT,), id="opsgenie-create"),
    pytest.param(OpsgenieBackend(), "get_incident_note", (ITEM_ID,), id="opsgenie-get"),
    pytest.param(OpsgenieBackend(), "list_incident_notes", (10,), id="opsgenie-list"),
    pytest.param(OpsgenieBackend(), "update_incident_note", (ITEM_ID, CHANGES), id="opsgenie-update"),
    pytest.param(OpsgenieBackend(), "delete_incident_note", (ITEM_ID,), id="opsgenie-delete"),
]


@pytest.mark.parametrize(("adapter", "method", "args"), PINNED)
def test_operation_is_not_implemented_yet(adapter: Any, method: str, args: tuple[Any, ...]) -> None:
    # Pins the skeleton: replace with tests of the real call, on a fake of the vendor's client.
    result = getattr(adapter, method)(*args)

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert (result.error_code, result.provider) == (NOT_IMPLEMENTED, adapter.name)
