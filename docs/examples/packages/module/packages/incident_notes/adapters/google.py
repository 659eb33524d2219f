"""The google back-end of Incident Notes."""

from infrastructure.operations import OperationResult
from packages.incident_notes.adapters import not_implemented
from packages.incident_notes.domain import IncidentNote, IncidentNoteChanges, IncidentNoteDraft


class GoogleBackend:
    """Incident Notes on google: implements ``IncidentNotesBackend``."""

    name = "google"

    def create_incident_note(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        """Create an incident note on google."""
        # TODO(incident_notes): call google through its client in integrations/ for create; classify its errors.
        return not_implemented(self.name, "create")

    def get_incident_note(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Get one incident note on google."""
        # TODO(incident_notes): call google through its client in integrations/ for get; classify its errors.
        return not_implemented(self.name, "get")

    def list_incident_notes(self, limit: int, before: str | None = None) -> OperationResult[list[IncidentNote]]:
        """List incident notes on google."""
        # TODO(incident_notes): call google through its client in integrations/ for list; classify its errors.
        # A page is the newest items after ``before`` (all of them when it is None), as the storage back-end answers.
        return not_implemented(self.name, "list")

    def update_incident_note(self, incident_note_id: str, changes: IncidentNoteChanges) -> OperationResult[IncidentNote]:
        """Update an incident note on google."""
        # TODO(incident_notes): call google through its client in integrations/ for update; classify its errors.
        return not_implemented(self.name, "update")

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[None]:
        """Delete an incident note on google."""
        # TODO(incident_notes): call google through its client in integrations/ for delete; classify its errors.
        return not_implemented(self.name, "delete")
