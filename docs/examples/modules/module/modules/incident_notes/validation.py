"""Domain rules of Incident Notes, checked by the service before any other work.

The HTTP layer already enforces types and lengths; these rules also protect callers
that do not come through HTTP, such as Slack commands.
"""

import re
from dataclasses import replace

from infrastructure.operations import OperationResult
from modules.incident_notes.models import IncidentNoteChanges, IncidentNoteDraft

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
INVALID_ID = "INVALID_INCIDENT_NOTE_ID"
INVALID_INCIDENT_NOTE = "INVALID_INCIDENT_NOTE"
INVALID_LIMIT = "INVALID_LIMIT"

_ID = re.compile(ID_PATTERN)


def validate_incident_note_id(incident_note_id: str) -> OperationResult[str]:
    """Check that an identifier has the shape of an incident note id.

    Args:
        incident_note_id: The identifier to check.

    Returns:
        The identifier, or a permanent error naming the rule it breaks.
    """
    if not _ID.match(incident_note_id):
        return OperationResult.permanent_error(
            "incident_note_id must be 1 to 64 letters, digits, '-' or '_'",
            error_code=INVALID_ID,
        )
    return OperationResult.success(data=incident_note_id)


def validate_draft(draft: IncidentNoteDraft) -> OperationResult[IncidentNoteDraft]:
    """Check a new incident note against the domain rules.

    Args:
        draft: The incident note to create.

    Returns:
        The draft with its title trimmed, or a permanent error naming the broken rule.
    """
    title = draft.title.strip()
    if not title:
        return OperationResult.permanent_error(
            "title must not be blank", error_code=INVALID_INCIDENT_NOTE
        )
    # TODO(incident_notes): add the business rules a new incident note must satisfy.
    return OperationResult.success(
        data=IncidentNoteDraft(title=title, details=draft.details)
    )


def validate_changes(
    incident_note_id: str, changes: IncidentNoteChanges
) -> OperationResult[IncidentNoteChanges]:
    """Check an update: the id of the incident note and the fields to change.

    Args:
        incident_note_id: Identifier of the incident note to change.
        changes: The fields to change.

    Returns:
        The changes with the title trimmed, or a permanent error naming the broken rule.
    """
    checked_id = validate_incident_note_id(incident_note_id)
    if not checked_id.is_success:
        return OperationResult.permanent_error(
            checked_id.message, error_code=checked_id.error_code
        )
    if changes.is_empty:
        return OperationResult.permanent_error(
            "nothing to update: send title or details",
            error_code=INVALID_INCIDENT_NOTE,
        )
    if changes.title is not None and not changes.title.strip():
        return OperationResult.permanent_error(
            "title must not be blank", error_code=INVALID_INCIDENT_NOTE
        )
    # TODO(incident_notes): add the business rules a change to an incident note must satisfy.
    title = changes.title.strip() if changes.title is not None else None
    return OperationResult.success(data=replace(changes, title=title))


def validate_limit(limit: int, maximum: int) -> OperationResult[int]:
    """Check the size of a requested page.

    Args:
        limit: How many incident notes the caller asked for.
        maximum: The largest page the feature serves.

    Returns:
        The limit, or a permanent error when it is outside 1..maximum.
    """
    if not 1 <= limit <= maximum:
        return OperationResult.permanent_error(
            f"limit must be between 1 and {maximum}", error_code=INVALID_LIMIT
        )
    return OperationResult.success(data=limit)
