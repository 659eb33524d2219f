"""The domain of Incident Notes: frozen dataclasses and the rules they keep.

Plain Python on purpose: nothing here imports beyond the standard library, so the rules
hold for every caller, over HTTP or not. A rule that fails raises ``IncidentNoteRejected``;
the service turns it into a permanent error.
"""

import re
from dataclasses import dataclass, replace

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
INVALID_ID = "INVALID_INCIDENT_NOTE_ID"
INVALID_INCIDENT_NOTE = "INVALID_INCIDENT_NOTE"
INVALID_LIMIT = "INVALID_LIMIT"

_ID = re.compile(ID_PATTERN)


class IncidentNoteRejected(ValueError):
    """A value that breaks a rule of the domain.

    Args:
        message: Which rule it breaks, for the caller.
        error_code: The machine-readable code of the rule.
    """

    def __init__(self, message: str, error_code: str) -> None:
        super().__init__(message)
        self.error_code = error_code


@dataclass(frozen=True)
class IncidentNote:
    """One incident note.

    Attributes:
        id: Identifier given by the source of truth.
        title: Short title.
        details: Free-form details.
    """

    # TODO(incident_notes): replace title and details with the real fields of an incident note (schemas.py and the tests follow).
    id: str
    title: str
    details: str


@dataclass(frozen=True)
class IncidentNoteDraft:
    """An incident note that does not exist yet.

    Attributes:
        title: Short title.
        details: Free-form details.
    """

    title: str
    details: str = ""


@dataclass(frozen=True)
class IncidentNoteChanges:
    """The fields of an incident note to change; ``None`` keeps a field as it is.

    Attributes:
        title: New title, or ``None``.
        details: New details, or ``None``.
    """

    title: str | None = None
    details: str | None = None

    @property
    def is_empty(self) -> bool:
        """Whether no field would change."""
        return self.title is None and self.details is None


def check_incident_note_id(incident_note_id: str) -> str:
    """Return the identifier if it has the shape of an incident note id.

    Raises:
        IncidentNoteRejected: It does not.
    """
    if not _ID.match(incident_note_id):
        raise IncidentNoteRejected("incident_note_id must be 1 to 64 letters, digits, '-' or '_'", INVALID_ID)
    return incident_note_id


def check_draft(draft: IncidentNoteDraft) -> IncidentNoteDraft:
    """Return a new incident note with its title trimmed, if it keeps the domain's rules.

    Raises:
        IncidentNoteRejected: It breaks one.
    """
    title = draft.title.strip()
    if not title:
        raise IncidentNoteRejected("title must not be blank", INVALID_INCIDENT_NOTE)
    # TODO(incident_notes): add the business rules a new incident note must satisfy.
    return IncidentNoteDraft(title=title, details=draft.details)


def check_changes(incident_note_id: str, changes: IncidentNoteChanges) -> IncidentNoteChanges:
    """Return the changes to an incident note, title trimmed, if they keep the domain's rules.

    Raises:
        IncidentNoteRejected: The id or the changes break one.
    """
    check_incident_note_id(incident_note_id)
    if changes.is_empty:
        raise IncidentNoteRejected("nothing to update: send title or details", INVALID_INCIDENT_NOTE)
    if changes.title is not None and not changes.title.strip():
        raise IncidentNoteRejected("title must not be blank", INVALID_INCIDENT_NOTE)
    # TODO(incident_notes): add the business rules a change to an incident note must satisfy.
    title = changes.title.strip() if changes.title is not None else None
    return replace(changes, title=title)


def check_limit(limit: int, maximum: int) -> int:
    """Return the size of a requested page of incident notes if it is within 1..maximum.

    Raises:
        IncidentNoteRejected: It is not.
    """
    if not 1 <= limit <= maximum:
        raise IncidentNoteRejected(f"limit must be between 1 and {maximum}", INVALID_LIMIT)
    return limit
