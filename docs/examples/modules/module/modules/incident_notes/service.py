"""Business logic of Incident Notes: domain rules first, then the primary provider."""

from functools import partial
from typing import TypeVar

import structlog
from structlog.typing import FilteringBoundLogger

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.operations import OperationResult
from modules.incident_notes.models import (
    IncidentNote,
    IncidentNoteChanges,
    IncidentNoteDraft,
)
from modules.incident_notes.providers import IncidentNotesProvider
from modules.incident_notes.validation import (
    validate_changes,
    validate_draft,
    validate_incident_note_id,
    validate_page,
)

logger = structlog.get_logger()

T = TypeVar("T")


class IncidentNotesService:
    """The Incident Notes operations, each returning an ``OperationResult``.

    Args:
        settings: The feature's settings slice.
        provider: The primary provider, the source of truth.
    """

    def __init__(
        self, settings: IncidentNotesSettings, provider: IncidentNotesProvider
    ) -> None:
        self._settings = settings
        self._provider = provider

    def create_incident_note(
        self, draft: IncidentNoteDraft
    ) -> OperationResult[IncidentNote]:
        """Create an incident note.

        Args:
            draft: The incident note to create.

        Returns:
            The created incident note, or why it could not be created.
        """
        log = logger.bind(operation="create_incident_note")
        checked = validate_draft(draft)
        result = checked.bind(self._provider.create_incident_note)
        return _logged(log, result, "incident_note_created")

    def get_incident_note(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Get one incident note.

        Args:
            incident_note_id: Identifier of the incident note.

        Returns:
            The incident note, or why it could not be fetched (NOT_FOUND when it does not exist).
        """
        log = logger.bind(operation="get_incident_note")
        checked = validate_incident_note_id(incident_note_id)
        result = checked.bind(self._provider.get_incident_note)
        return _logged(log, result, "incident_note_fetched")

    def list_incident_notes(
        self, limit: int, before: str | None = None
    ) -> OperationResult[list[IncidentNote]]:
        """List incident notes.

        Args:
            limit: How many incident notes to return at most.
            before: The last id of the previous page: the incident notes after it; None for the first page.

        Returns:
            Up to ``limit`` incident notes, newest first, or why they could not be listed.
        """
        log = logger.bind(operation="list_incident_notes")
        maximum = self._settings.INCIDENT_NOTES_MAX_PAGE_SIZE
        checked = validate_page(limit, before, maximum)
        result = checked.bind(
            partial(self._provider.list_incident_notes, before=before)
        )
        return _logged(log, result, "incident_notes_listed")

    def update_incident_note(
        self, incident_note_id: str, changes: IncidentNoteChanges
    ) -> OperationResult[IncidentNote]:
        """Update an incident note.

        Args:
            incident_note_id: Identifier of the incident note.
            changes: The fields to change.

        Returns:
            The updated incident note, or why it could not be updated (NOT_FOUND when it does not exist).
        """
        log = logger.bind(operation="update_incident_note")
        checked = validate_changes(incident_note_id, changes)
        update = partial(self._provider.update_incident_note, incident_note_id)
        result = checked.bind(update)
        return _logged(log, result, "incident_note_updated")

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[None]:
        """Delete an incident note.

        Args:
            incident_note_id: Identifier of the incident note.

        Returns:
            Success, or why the incident note could not be deleted (NOT_FOUND when it does not exist).
        """
        log = logger.bind(operation="delete_incident_note")
        checked = validate_incident_note_id(incident_note_id)
        result = checked.bind(self._provider.delete_incident_note)
        return _logged(log, result, "incident_note_deleted")


def _logged(
    log: FilteringBoundLogger, result: OperationResult[T], event: str
) -> OperationResult[T]:
    """Log how an operation ended and return its result unchanged."""
    if result.is_success:
        log.info(event)
    else:
        log.warning(
            "incident_notes_operation_failed",
            status=result.status.value,
            error_code=result.error_code,
            provider=result.provider,
        )
    return result
