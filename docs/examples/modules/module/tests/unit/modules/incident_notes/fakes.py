"""Hand-written fakes of the Incident Notes seams, shared by unit and integration tests."""

from typing import Any

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.operations import OperationResult
from modules.incident_notes.models import (
    IncidentNote,
    IncidentNoteChanges,
    IncidentNoteDraft,
)
from modules.incident_notes.providers import IncidentNotesProvider


def sample_incident_note(**overrides: Any) -> IncidentNote:
    """A valid incident note; keyword arguments replace its fields."""
    fields: dict[str, Any] = {
        "id": "incident-note-1",
        "title": "Disk full on db-1",
        "details": "Paged at 03:12, cleaned up old WAL files.",
    }
    fields.update(overrides)
    return IncidentNote(**fields)


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
        created = sample_incident_note(title=draft.title, details=draft.details)
        return self._reply("create", (draft,), OperationResult.success(data=created))

    def _get_impl(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        found = sample_incident_note(id=incident_note_id)
        return self._reply(
            "get", (incident_note_id,), OperationResult.success(data=found)
        )

    def _list_impl(self, limit: int) -> OperationResult[list[IncidentNote]]:
        page = [sample_incident_note()]
        return self._reply("list", (limit,), OperationResult.success(data=page))

    def _update_impl(
        self, incident_note_id: str, changes: IncidentNoteChanges
    ) -> OperationResult[IncidentNote]:
        updated = sample_incident_note(id=incident_note_id)
        if changes.title is not None:
            updated = sample_incident_note(id=incident_note_id, title=changes.title)
        args = (incident_note_id, changes)
        return self._reply("update", args, OperationResult.success(data=updated))

    def _delete_impl(self, incident_note_id: str) -> OperationResult[None]:
        args = (incident_note_id,)
        return self._reply("delete", args, OperationResult.success())
