"""The contract of Incident Notes's back-ends: what the service needs from the outside world.

The service depends on this Protocol only. Each back-end is one adapter under
``adapters/``, the only files that import ``integrations/``; ``providers.py`` chooses
which one the service gets.
"""

from typing import Protocol

from infrastructure.operations import OperationResult
from packages.incident_notes.domain import IncidentNote, IncidentNoteChanges, IncidentNoteDraft


class IncidentNotesBackend(Protocol):
    """A back-end of Incident Notes: it stores incident notes and answers with ``OperationResult``.

    Every method returns an error result for an outcome of the back-end (not found,
    refused, unavailable); only a programming error raises.
    """

    @property
    def name(self) -> str:
        """The back-end's name, as the settings and the logs call it."""

    def create_incident_note(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        """Create an incident note; the arguments have passed the domain's rules."""

    def get_incident_note(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Get one incident note; the arguments have passed the domain's rules."""

    def list_incident_notes(self, limit: int, before: str | None = None) -> OperationResult[list[IncidentNote]]:
        """List incident notes; the arguments have passed the domain's rules."""

    def update_incident_note(self, incident_note_id: str, changes: IncidentNoteChanges) -> OperationResult[IncidentNote]:
        """Update an incident note; the arguments have passed the domain's rules."""

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[None]:
        """Delete an incident note; the arguments have passed the domain's rules."""
