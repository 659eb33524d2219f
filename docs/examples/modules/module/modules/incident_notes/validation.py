"""Domain rules of Incident Notes, checked by the service before any other work.

The HTTP layer already enforces types and lengths; these rules also protect callers
that do not come through HTTP, such as Slack commands.
"""

import re
from dataclasses import replace
from typing import Any

from infrastructure.operations import OperationResult
from modules.incident_notes.models import IncidentNoteChanges, IncidentNoteDraft

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
INVALID_ID = "INVALID_INCIDENT_NOTE_ID"
INVALID_INCIDENT_NOTE = "INVALID_INCIDENT_NOTE"
INVALID_LIMIT = "INVALID_LIMIT"

_ID = re.compile(ID_PATTERN)
# The short texts, which the rules trim and refuse blank.
TRIMMED = ("title",)


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
        The draft with its short texts trimmed, or a permanent error naming the broken rule.
    """
    blank = _first_blank(draft)
    if blank:
        return _blank(blank)
    # TODO(incident_notes): add the business rules a new incident note must satisfy.
    return OperationResult.success(data=replace(draft, **_trimmed(draft)))


def validate_changes(
    incident_note_id: str, changes: IncidentNoteChanges
) -> OperationResult[IncidentNoteChanges]:
    """Check an update: the id of the incident note and the fields to change.

    Args:
        incident_note_id: Identifier of the incident note to change.
        changes: The fields to change.

    Returns:
        The changes with their short texts trimmed, or a permanent error naming the broken rule.
    """
    checked_id = validate_incident_note_id(incident_note_id)
    if not checked_id.is_success:
        return OperationResult.permanent_error(
            checked_id.message, error_code=checked_id.error_code
        )
    if changes.is_empty:
        return OperationResult.permanent_error(
            "nothing to update: send title, body, severity, pinned or follow_up_on",
            error_code=INVALID_INCIDENT_NOTE,
        )
    blank = _first_blank(changes)
    if blank:
        return _blank(blank)
    # TODO(incident_notes): add the business rules a change to an incident note must satisfy.
    return OperationResult.success(data=replace(changes, **_trimmed(changes)))


def validate_page(limit: int, before: str | None, maximum: int) -> OperationResult[int]:
    """Check a requested page: its size, and the id it starts after.

    Args:
        limit: How many incident notes the caller asked for.
        before: The last id of the previous page, or None for the first page.
        maximum: The largest page the feature serves.

    Returns:
        The limit, or a permanent error when it is outside 1..maximum or ``before``
        is not an incident note id.
    """
    if not 1 <= limit <= maximum:
        return OperationResult.permanent_error(
            f"limit must be between 1 and {maximum}", error_code=INVALID_LIMIT
        )
    if before is not None and not _ID.match(before):
        return OperationResult.permanent_error(
            "before must be the id of an incident note", error_code=INVALID_ID
        )
    return OperationResult.success(data=limit)


def _first_blank(item: object) -> str:
    """The name of the first short text of ``item`` left blank, or ""."""
    texts = {name: getattr(item, name) for name in TRIMMED}
    blank = [
        name for name, text in texts.items() if text is not None and not text.strip()
    ]
    return blank[0] if blank else ""


def _blank(name: str) -> OperationResult[Any]:
    """The refusal of a short text left blank."""
    return OperationResult.permanent_error(
        f"{name} must not be blank", error_code=INVALID_INCIDENT_NOTE
    )


def _trimmed(item: object) -> dict[str, Any]:
    """The short texts of ``item`` trimmed, by name; one it leaves out stays out."""
    texts = {name: getattr(item, name) for name in TRIMMED}
    return {name: text.strip() for name, text in texts.items() if text is not None}
