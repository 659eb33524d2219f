"""The google back-end of Incident Notes."""

from infrastructure.operations import OperationResult
from modules.incident_notes.models import (
    IncidentNote,
    IncidentNoteChanges,
    IncidentNoteDraft,
)
from modules.incident_notes.providers.base import IncidentNotesProvider
from modules.incident_notes.providers.registry import register_provider


@register_provider("google")
class GoogleProvider(IncidentNotesProvider):
    """Incident notes kept in the google back-end.

    Authenticates with ``INCIDENT_NOTES_GOOGLE_API_TOKEN`` and gives up on a call
    after ``INCIDENT_NOTES_TIMEOUT_SECONDS``.
    """

    def _create_impl(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        # TODO(incident_notes): create through the google API; map its payload to IncidentNote.
        return self.not_implemented("create")

    def _get_impl(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        # TODO(incident_notes): get through the google API; map its payload to IncidentNote.
        return self.not_implemented("get")

    def _list_impl(
        self, limit: int, before: str | None = None
    ) -> OperationResult[list[IncidentNote]]:
        # TODO(incident_notes): list through the google API; map its payload to IncidentNote.
        # A page is the newest items after ``before`` (all of them when it is None), as the storage back-end answers.
        return self.not_implemented("list")

    def _update_impl(
        self, incident_note_id: str, changes: IncidentNoteChanges
    ) -> OperationResult[IncidentNote]:
        # TODO(incident_notes): update through the google API; map its payload to IncidentNote.
        return self.not_implemented("update")

    def _delete_impl(self, incident_note_id: str) -> OperationResult[None]:
        # TODO(incident_notes): delete through the google API.
        return self.not_implemented("delete")
