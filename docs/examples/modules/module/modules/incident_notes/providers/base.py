"""The contract every Incident Notes provider fulfils."""

from abc import ABC, abstractmethod
from typing import Any, ClassVar

import structlog

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.operations import (
    OperationResult,
    OperationStatus,
    classify_integration_error,
)
from modules.incident_notes.models import (
    IncidentNote,
    IncidentNoteChanges,
    IncidentNoteDraft,
)

logger = structlog.get_logger()

NOT_IMPLEMENTED = "NOT_IMPLEMENTED"


class IncidentNotesProvider(ABC):
    """An external back-end of Incident Notes.

    Public methods never raise: each calls its ``_..._impl`` method and turns any
    exception into an ``OperationResult`` through :meth:`classify_error`.

    Args:
        settings: The feature's settings slice.
    """

    name: ClassVar[str] = ""

    def __init__(self, settings: IncidentNotesSettings) -> None:
        self._settings = settings

    def create_incident_note(
        self, draft: IncidentNoteDraft
    ) -> OperationResult[IncidentNote]:
        """Create an incident note through this back-end.

        Args:
            draft: The validated incident note to create.

        Returns:
            The back-end's answer, or the error its exception maps to.
        """
        try:
            return self._create_impl(draft)
        except Exception as exc:
            return self.classify_error(exc, "create")

    def get_incident_note(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Get one incident note through this back-end.

        Args:
            incident_note_id: Identifier of the incident note.

        Returns:
            The back-end's answer, or the error its exception maps to.
        """
        try:
            return self._get_impl(incident_note_id)
        except Exception as exc:
            return self.classify_error(exc, "get")

    def list_incident_notes(
        self, limit: int, before: str | None = None
    ) -> OperationResult[list[IncidentNote]]:
        """List incident notes through this back-end.

        Args:
            limit: How many incident notes to return at most.
            before: The last id of the previous page: the incident notes after it; None for the first page.

        Returns:
            The back-end's answer, or the error its exception maps to.
        """
        try:
            return self._list_impl(limit, before)
        except Exception as exc:
            return self.classify_error(exc, "list")

    def update_incident_note(
        self, incident_note_id: str, changes: IncidentNoteChanges
    ) -> OperationResult[IncidentNote]:
        """Update an incident note through this back-end.

        Args:
            incident_note_id: Identifier of the incident note.
            changes: The validated fields to change.

        Returns:
            The back-end's answer, or the error its exception maps to.
        """
        try:
            return self._update_impl(incident_note_id, changes)
        except Exception as exc:
            return self.classify_error(exc, "update")

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[None]:
        """Delete an incident note through this back-end.

        Args:
            incident_note_id: Identifier of the incident note.

        Returns:
            The back-end's answer, or the error its exception maps to.
        """
        try:
            return self._delete_impl(incident_note_id)
        except Exception as exc:
            return self.classify_error(exc, "delete")

    def classify_error(self, exc: Exception, operation: str) -> OperationResult[Any]:
        """Turn an exception raised by a back-end call into an error result.

        Override it to recognise a vendor SDK's own exceptions. The exception's text
        is neither logged nor returned: vendors put request details, and sometimes
        secrets, in it.

        Args:
            exc: What the call raised.
            operation: The operation that failed, e.g. ``"create"``.

        Returns:
            An error result naming this provider and the operation.
        """
        logger.warning(
            "incident_notes_provider_call_failed",
            provider=self.name,
            operation=operation,
            error_type=type(exc).__name__,
        )
        result: OperationResult[Any] = classify_integration_error(exc)
        # The classifier's message quotes the exception; callers get a neutral one.
        result.message = f"the {self.name} provider could not {operation}"
        result.provider = self.name
        result.operation = operation
        return result

    def not_implemented(self, operation: str) -> OperationResult[Any]:
        """The result of an operation whose back-end call is not written yet.

        Args:
            operation: The operation, e.g. ``"create"``.

        Returns:
            A permanent NOT_IMPLEMENTED error naming this provider and the operation.
        """
        return OperationResult.error(
            OperationStatus.PERMANENT_ERROR,
            f"the {self.name} provider does not implement {operation} yet",
            error_code=NOT_IMPLEMENTED,
            provider=self.name,
            operation=operation,
        )

    @abstractmethod
    def _create_impl(self, draft: IncidentNoteDraft) -> OperationResult[IncidentNote]:
        """Call the back-end to create; it may raise, :meth:`create_incident_note` classifies it."""

    @abstractmethod
    def _get_impl(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Call the back-end to get; it may raise, :meth:`get_incident_note` classifies it."""

    @abstractmethod
    def _list_impl(
        self, limit: int, before: str | None = None
    ) -> OperationResult[list[IncidentNote]]:
        """Call the back-end to list; it may raise, :meth:`list_incident_notes` classifies it."""

    @abstractmethod
    def _update_impl(
        self, incident_note_id: str, changes: IncidentNoteChanges
    ) -> OperationResult[IncidentNote]:
        """Call the back-end to update; it may raise, :meth:`update_incident_note` classifies it."""

    @abstractmethod
    def _delete_impl(self, incident_note_id: str) -> OperationResult[None]:
        """Call the back-end to delete; it may raise, :meth:`delete_incident_note` classifies it."""
