"""The storage back-end of Incident Notes: its incident notes in the bot's own DynamoDB table.

Every call goes through the host's ``StorageService``; this repository owns the key
scheme. Each incident note is one item of the table ``INCIDENT_NOTES_TABLE_NAME`` names:

    PK = "INCIDENT_NOTE"    SK = its id    the other attributes: its fields

An id starts with the time it was made (milliseconds, 12 hexadecimal digits) and ends
with 8 random ones, so the one partition sorts newest first by its sort key and a page
is one ``query``, without a scan or an index.
"""

import secrets
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from infrastructure.operations import OperationResult, OperationStatus
from infrastructure.storage import StorageService
from packages.incident_notes.domain import IncidentNote, IncidentNoteChanges, IncidentNoteDraft, changed

# The partition every incident note is kept in.
PARTITION = "INCIDENT_NOTE"
# What the host's storage answers when the table does not exist.
MISSING_TABLE = "ResourceNotFoundException"


class IncidentNotesStore:
    """Incident notes in the table: implements ``IncidentNotesBackend``.

    Args:
        storage: The host's storage service.
        table: The table's name.
        clock: Nanoseconds since the epoch, which new ids start with; tests give their own.
    """

    name = "storage"

    def __init__(self, *, storage: StorageService, table: str, clock: Callable[[], int] = time.time_ns) -> None:
        self._storage = storage
        self._table = table
        self._clock = clock

    def create_incident_note(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        """Create an incident note in the table."""
        incident_note = IncidentNote(
            id=self._new_id(),
            title=draft.title,
            body=draft.body,
            severity=draft.severity,
            pinned=draft.pinned,
            follow_up_on=draft.follow_up_on,
        )
        written = self._storage.put_if_not_exists(self._table, _item(incident_note), "SK")
        if not written.is_success:
            return self._failed(written, "create")
        if written.data is False:
            return OperationResult.transient_error("a new id was already taken: try again", error_code="ID_TAKEN")
        return OperationResult.success(data=incident_note, provider=self.name, operation="create")

    def get_incident_note(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Get one incident note in the table."""
        found = self._storage.get(self._table, _key(incident_note_id))
        if not found.is_success or not found.data:
            return self._failed(found, "get", incident_note_id)
        return OperationResult.success(data=_incident_note(found.data), provider=self.name, operation="get")

    def list_incident_notes(self, limit: int, before: str | None = None) -> OperationResult[list[IncidentNote]]:
        """List incident notes in the table."""
        condition, values = "PK = :partition", {":partition": PARTITION}
        if before is not None:
            # Ids sort by age: the page after an id holds the ones older than it.
            condition, values[":before"] = condition + " AND SK < :before", before
        page = self._storage.query(
            self._table,
            condition,
            values,
            ScanIndexForward=False,
            PaginationConfig={"MaxItems": limit},
        )
        if not page.is_success:
            return self._failed(page, "list")
        return OperationResult.success(
            data=[_incident_note(item) for item in (page.data or [])[:limit]], provider=self.name, operation="list"
        )

    def update_incident_note(self, incident_note_id: str, changes: IncidentNoteChanges) -> OperationResult[IncidentNote]:
        """Update an incident note in the table."""
        found = self._storage.get(self._table, _key(incident_note_id))
        if not found.is_success or not found.data:
            return self._failed(found, "update", incident_note_id)
        updated = changed(_incident_note(found.data), changes)
        written = self._storage.put(self._table, _item(updated))
        if not written.is_success:
            return self._failed(written, "update")
        return OperationResult.success(data=updated, provider=self.name, operation="update")

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[None]:
        """Delete an incident note in the table."""
        found = self._storage.get(self._table, _key(incident_note_id))
        if not found.is_success or not found.data:
            return self._failed(found, "delete", incident_note_id)
        deleted = self._storage.delete(self._table, _key(incident_note_id))
        if not deleted.is_success:
            return self._failed(deleted, "delete")
        return OperationResult.success(data=None, provider=self.name, operation="delete")

    def _new_id(self) -> str:
        """A new id: the time in milliseconds, then randomness, so ids sort by age."""
        return f"{self._clock() // 1_000_000:012x}{secrets.token_hex(4)}"

    def _failed(self, result: OperationResult[Any], operation: str, incident_note_id: str = "") -> OperationResult[Any]:
        """The storage's error as the feature answers it: its status and code, never its own words.

        A missing table is a deployment error, not a missing item: it is never NOT_FOUND;
        an item read back empty is.

        Args:
            result: What the storage answered.
            operation: The operation that failed, e.g. ``"get"``.
            incident_note_id: The id the operation was about, if any.

        Returns:
            An error result naming this back-end and the operation.
        """
        status, message = result.status, f"the storage could not {operation}"
        if result.error_code == MISSING_TABLE:
            status = OperationStatus.PERMANENT_ERROR
            message = f"the table {self._table} does not exist"
        elif result.status is OperationStatus.NOT_FOUND or result.is_success:
            status = OperationStatus.NOT_FOUND
            message = f"no incident note has the id {incident_note_id}"
        return OperationResult.error(
            status, message, error_code=result.error_code, retry_after=result.retry_after, provider=self.name, operation=operation
        )


def _key(incident_note_id: str) -> dict[str, Any]:
    """The table's key of one incident note."""
    return {"PK": PARTITION, "SK": incident_note_id}


def _item(incident_note: IncidentNote) -> dict[str, Any]:
    """The item the table keeps for one incident note; ``None`` values are left out."""
    return {
        "PK": PARTITION,
        "SK": incident_note.id,
        "title": incident_note.title,
        "body": incident_note.body,
        "severity": incident_note.severity,
        "pinned": incident_note.pinned,
        "follow_up_on": _iso(incident_note.follow_up_on),
    }


def _incident_note(item: dict[str, Any]) -> IncidentNote:
    """One incident note from its item: numbers come back as ``Decimal``, days and moments as text."""
    return IncidentNote(
        id=str(item["SK"]),
        title=str(item["title"]),
        body=item.get("body"),
        severity=item["severity"],
        pinned=bool(item["pinned"]),
        follow_up_on=_optional_date(item.get("follow_up_on")),
    )


def _iso(moment: date | None) -> str | None:
    """A day or a moment as the table keeps it, ISO 8601 text; ``None`` stays ``None``."""
    return None if moment is None else moment.isoformat()


def _optional_date(value: Any) -> date | None:
    """A stored day read back; ``None`` when the item has none."""
    return None if value is None else date.fromisoformat(value)
