"""Unit tests of Incident Notes's adapters: the calls left to write are pinned."""

from typing import Any

import pytest

from infrastructure.operations import OperationStatus
from packages.incident_notes.adapters import NOT_IMPLEMENTED
from packages.incident_notes.adapters.google import GoogleBackend
from tests.unit.packages.incident_notes.fakes import CHANGES, DRAFT

pytestmark = pytest.mark.unit

ITEM_ID = "incident-note-1"

# Each operation an adapter leaves to write, with valid arguments: (adapter, method, arguments).
PINNED = [
    pytest.param(GoogleBackend(), "create_incident_note", (DRAFT,), id="google-create"),
    pytest.param(GoogleBackend(), "get_incident_note", (ITEM_ID,), id="google-get"),
    pytest.param(GoogleBackend(), "list_incident_notes", (10, "incident-note-9"), id="google-list"),
    pytest.param(GoogleBackend(), "update_incident_note", (ITEM_ID, CHANGES), id="google-update"),
    pytest.param(GoogleBackend(), "delete_incident_note", (ITEM_ID,), id="google-delete"),
]


@pytest.mark.parametrize(("adapter", "method", "args"), PINNED)
def test_operation_is_not_implemented_yet(adapter: Any, method: str, args: tuple[Any, ...]) -> None:
    # Pins the skeleton: replace with tests of the real call, on a fake of the vendor's client.
    result = getattr(adapter, method)(*args)

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert (result.error_code, result.provider) == (NOT_IMPLEMENTED, adapter.name)
