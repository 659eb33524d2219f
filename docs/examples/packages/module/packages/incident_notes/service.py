"""Business logic of Incident Notes: the domain's rules first, then the back-end."""

from typing import Any

import structlog
from structlog.stdlib import BoundLogger

from infrastructure.operations import OperationResult
from packages.incident_notes.domain import (
    IncidentNote,
    IncidentNoteChanges,
    IncidentNoteDraft,
    IncidentNoteRejected,
    check_changes,
    check_draft,
    check_incident_note_id,
    check_page,
)
from packages.incident_notes.ports import IncidentNotesBackend
from packages.incident_notes.settings import IncidentNotesSettings

logger: BoundLogger = structlog.get_logger()


class IncidentNotesService:
    """The Incident Notes operations, each returning an ``OperationResult``.

    Args:
        settings: The feature's settings slice.
        backend: The back-end that is the source of truth.
    """

    def __init__(self, *, settings: IncidentNotesSettings, backend: IncidentNotesBackend) -> None:
        self._settings = settings
        self._backend = backend

    @property
    def backend_name(self) -> str:
        """The name of the back-end the service works with."""
        return self._backend.name

    def create_incident_note(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        """Create an incident note.

        Args:
            draft: The incident note to create.

        Returns:
            The created incident note, or why it could not be created.
        """
        log = logger.bind(operation="create_incident_note")
        try:
            checked = check_draft(draft)
        except IncidentNoteRejected as rejected:
            return _logged(log, _refusal(rejected), "incident_note_created")
        return _logged(log, self._backend.create_incident_note(checked), "incident_note_created")

    def get_incident_note(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Get one incident note.

        Args:
            incident_note_id: Identifier of the incident note.

        Returns:
            The incident note, or why it could not be fetched (NOT_FOUND when it does not exist).
        """
        log = logger.bind(operation="get_incident_note")
        try:
            checked = check_incident_note_id(incident_note_id)
        except IncidentNoteRejected as rejected:
            return _logged(log, _refusal(rejected), "incident_note_fetched")
        return _logged(log, self._backend.get_incident_note(checked), "incident_note_fetched")

    def list_incident_notes(self, limit: int, before: str | None = None) -> OperationResult[list[IncidentNote]]:
        """List incident notes.

        Args:
            limit: How many incident notes to return at most.
            before: The last id of the previous page: the incident notes after it; None for the first page.

        Returns:
            Up to ``limit`` incident notes, newest first, or why they could not be listed.
        """
        log = logger.bind(operation="list_incident_notes")
        try:
            checked = check_page(limit, before, self._settings.max_page_size)
        except IncidentNoteRejected as rejected:
            return _logged(log, _refusal(rejected), "incident_notes_listed")
        return _logged(log, self._backend.list_incident_notes(checked, before), "incident_notes_listed")

    def update_incident_note(self, incident_note_id: str, changes: IncidentNoteChanges) -> OperationResult[IncidentNote]:
        """Update an incident note.

        Args:
            incident_note_id: Identifier of the incident note.
            changes: The fields to change.

        Returns:
            The updated incident note, or why it could not be updated (NOT_FOUND when it does not exist).
        """
        log = logger.bind(operation="update_incident_note")
        try:
            checked = check_changes(incident_note_id, changes)
        except IncidentNoteRejected as rejected:
            return _logged(log, _refusal(rejected), "incident_note_updated")
        return _logged(log, self._backend.update_incident_note(incident_note_id, checked), "incident_note_updated")

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[None]:
        """Delete an incident note.

        Args:
            incident_note_id: Identifier of the incident note.

        Returns:
            Success, or why the incident note could not be deleted (NOT_FOUND when it does not exist).
        """
        log = logger.bind(operation="delete_incident_note")
        try:
            checked = check_incident_note_id(incident_note_id)
        except IncidentNoteRejected as rejected:
            return _logged(log, _refusal(rejected), "incident_note_deleted")
        return _logged(log, self._backend.delete_incident_note(checked), "incident_note_deleted")


def _refusal(rejected: IncidentNoteRejected) -> OperationResult[Any]:
    """The result of an operation whose input breaks a rule of the domain."""
    return OperationResult.permanent_error(str(rejected), error_code=rejected.error_code)


def _logged(log: BoundLogger, result: OperationResult[Any], event: str) -> OperationResult[Any]:
    """Log how an operation ended and return its result unchanged."""
    if result.is_success:
        log.info(event)
    else:
        log.warning(
            "incident_notes_operation_failed",
            status=result.status.value,
            error_code=result.error_code,
            backend=result.provider,
        )
    return result
