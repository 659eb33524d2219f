"""Hand-written fakes of Incident Notes's seams, shared by its unit and integration tests."""

from typing import Any

from infrastructure.operations import OperationResult
from packages.incident_notes.domain import IncidentNote, IncidentNoteChanges, IncidentNoteDraft


def sample_incident_note(**overrides: Any) -> IncidentNote:
    """A valid incident note; keyword arguments replace its fields."""
    fields: dict[str, Any] = {
        "id": "incident-note-1",
        "title": "Disk full on db-1",
        "details": "Paged at 03:12, cleaned up old WAL files.",
    }
    fields.update(overrides)
    return IncidentNote(**fields)


class FakeIncidentNotesBackend:
    """A back-end that keeps ``IncidentNotesBackend``, records its calls and answers what the test sets.

    Set ``answer`` to make every call return that result.
    """

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answer: OperationResult[Any] | None = None

    def _reply(self, operation: str, args: tuple[Any, ...], default: OperationResult[Any]) -> OperationResult[Any]:
        self.calls.append((operation, args))
        return self.answer if self.answer is not None else default

    def create_incident_note(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        created = sample_incident_note(title=draft.title, details=draft.details)
        return self._reply("create", (draft,), OperationResult.success(data=created))

    def get_incident_note(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        found = sample_incident_note(id=incident_note_id)
        return self._reply("get", (incident_note_id,), OperationResult.success(data=found))

    def list_incident_notes(self, limit: int) -> OperationResult[list[IncidentNote]]:
        return self._reply("list", (limit,), OperationResult.success(data=[sample_incident_note()]))

    def update_incident_note(self, incident_note_id: str, changes: IncidentNoteChanges) -> OperationResult[IncidentNote]:
        updated = sample_incident_note(id=incident_note_id, title=changes.title or "Disk full on db-1")
        return self._reply("update", (incident_note_id, changes), OperationResult.success(data=updated))

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[None]:
        return self._reply("delete", (incident_note_id,), OperationResult.success(data=None))
