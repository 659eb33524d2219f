"""Hand-written fakes of the Incident Notes seams and its sample incident notes, shared by unit and integration tests."""

import dataclasses
from datetime import date
from typing import Any

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.operations import OperationResult, OperationStatus
from modules.incident_notes.models import (
    IncidentNote,
    IncidentNoteChanges,
    IncidentNoteDraft,
    changed,
)
from modules.incident_notes.providers import IncidentNotesProvider


# Every field of an incident note as the tests create it, then as they change it.
SAMPLE: dict[str, Any] = {
    "title": "Disk full on db-1",
    "body": "Paged at 03:12, cleaned up old WAL files.",
    "severity": "low",
    "pinned": True,
    "follow_up_on": date(2026, 3, 1),
}
CHANGED: dict[str, Any] = {
    "title": "Disk full on db-2",
    "body": "Moved to the replica.",
    "severity": "medium",
    "pinned": False,
    "follow_up_on": date(2026, 3, 2),
}
# The same values as a request's JSON sends them.
SAMPLE_JSON: dict[str, Any] = {
    "title": "Disk full on db-1",
    "body": "Paged at 03:12, cleaned up old WAL files.",
    "severity": "low",
    "pinned": True,
    "follow_up_on": "2026-03-01",
}
CHANGED_JSON: dict[str, Any] = {
    "title": "Disk full on db-2",
    "body": "Moved to the replica.",
    "severity": "medium",
    "pinned": False,
    "follow_up_on": "2026-03-02",
}
DRAFT = IncidentNoteDraft(**SAMPLE)
CHANGES = IncidentNoteChanges(**CHANGED)


def sample_incident_note(**overrides: Any) -> IncidentNote:
    """A valid incident note with the sample fields; keyword arguments replace them."""
    return IncidentNote(**{"id": "incident-note-1", **SAMPLE, **overrides})


class FakeIncidentNotesProvider(IncidentNotesProvider):
    """A provider that records its calls and answers what the test sets.

    Set ``answer`` to return a given result, or ``error`` to make the back-end raise.
    """

    name = "fake"

    def __init__(self, settings: IncidentNotesSettings) -> None:
        super().__init__(settings)
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answer: OperationResult[Any] | None = None
        self.error: Exception | None = None

    def _reply(
        self, operation: str, args: tuple[Any, ...], default: OperationResult[Any]
    ) -> OperationResult[Any]:
        self.calls.append((operation, args))
        if self.error is not None:
            raise self.error
        return self.answer if self.answer is not None else default

    def _create_impl(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        created = sample_incident_note(**dataclasses.asdict(draft))
        return self._reply("create", (draft,), OperationResult.success(data=created))

    def _get_impl(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        found = sample_incident_note(id=incident_note_id)
        return self._reply(
            "get", (incident_note_id,), OperationResult.success(data=found)
        )

    def _list_impl(
        self, limit: int, before: str | None = None
    ) -> OperationResult[list[IncidentNote]]:
        page = [sample_incident_note()]
        return self._reply("list", (limit, before), OperationResult.success(data=page))

    def _update_impl(
        self, incident_note_id: str, changes: IncidentNoteChanges
    ) -> OperationResult[IncidentNote]:
        updated = changed(sample_incident_note(id=incident_note_id), changes)
        args = (incident_note_id, changes)
        return self._reply("update", args, OperationResult.success(data=updated))

    def _delete_impl(self, incident_note_id: str) -> OperationResult[None]:
        args = (incident_note_id,)
        return self._reply("delete", args, OperationResult.success())


class FakeStorageService:
    """The host's ``StorageService`` in memory, with DynamoDB's answers: a put replaces, a
    conditional put refuses a taken key, a get of nothing is NOT_FOUND, a delete of nothing
    succeeds, a query reads one partition in sort key order (below ``:before`` when its
    condition says so).

    Set ``answer`` to make every call return that result; ``calls`` names each call.
    """

    def __init__(self) -> None:
        self.items: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.calls: list[str] = []
        self.answer: OperationResult[Any] | None = None

    def put(self, table: str, item: dict[str, Any]) -> OperationResult[Any]:
        self.calls.append("put")
        if self.answer is not None:
            return self.answer
        self.items[(table, item["PK"], item["SK"])] = _without_none(item)
        return OperationResult.success()

    def put_if_not_exists(
        self, table: str, item: dict[str, Any], pk_attribute: str
    ) -> OperationResult[Any]:
        self.calls.append("put_if_not_exists")
        if self.answer is not None:
            return self.answer
        if (table, item["PK"], item["SK"]) in self.items:
            return OperationResult.success(data=False)
        self.items[(table, item["PK"], item["SK"])] = _without_none(item)
        return OperationResult.success(data=True)

    def get(self, table: str, key: dict[str, Any]) -> OperationResult[Any]:
        self.calls.append("get")
        if self.answer is not None:
            return self.answer
        found = self.items.get((table, key["PK"], key["SK"]))
        if found is None:
            return OperationResult.error(
                OperationStatus.NOT_FOUND, f"Item not found in {table}"
            )
        return OperationResult.success(data=dict(found))

    def query(
        self,
        table: str,
        key_condition: str,
        expression_values: dict[str, Any],
        **kwargs: Any,
    ) -> OperationResult[Any]:
        self.calls.append("query")
        if self.answer is not None:
            return self.answer
        conditions = ("PK = :partition", "PK = :partition AND SK < :before")
        assert key_condition in conditions, key_condition
        partition = expression_values[":partition"]
        paged = key_condition.endswith("AND SK < :before")
        below = expression_values[":before"] if paged else None
        keys = [key for key in self.items if key[:2] == (table, partition)]
        keys = [key for key in keys if below is None or key[2] < below]
        newest_first = not kwargs.get("ScanIndexForward", True)
        found = [self.items[key] for key in sorted(keys, reverse=newest_first)]
        limit = kwargs.get("PaginationConfig", {}).get("MaxItems")
        return OperationResult.success(data=[dict(item) for item in found[:limit]])

    def delete(self, table: str, key: dict[str, Any]) -> OperationResult[Any]:
        self.calls.append("delete")
        if self.answer is not None:
            return self.answer
        self.items.pop((table, key["PK"], key["SK"]), None)
        return OperationResult.success()


def _without_none(item: dict[str, Any]) -> dict[str, Any]:
    """What DynamoDB keeps of an item: the host's storage leaves ``None`` values out."""
    return {name: value for name, value in item.items() if value is not None}
