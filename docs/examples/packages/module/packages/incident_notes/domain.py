"""The domain of Incident Notes: frozen dataclasses and the rules they keep.

Plain Python on purpose: nothing here imports beyond the standard library, so the rules
hold for every caller, over HTTP or not. A rule that fails raises ``IncidentNoteRejected``;
the service turns it into a permanent error.
"""

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
INVALID_ID = "INVALID_INCIDENT_NOTE_ID"
INVALID_INCIDENT_NOTE = "INVALID_INCIDENT_NOTE"
INVALID_LIMIT = "INVALID_LIMIT"

_ID = re.compile(ID_PATTERN)
# The short texts, which the rules trim and refuse blank.
TRIMMED = ("title",)
# The values severity may take.
IncidentNoteSeverityChoice = Literal["low", "medium", "high"]


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
        title: Short text, 1 to 200 characters, trimmed.
        body: Free text up to 5000 characters, or none.
        severity: One of low, medium, high.
        pinned: True or false, false by default.
        follow_up_on: A calendar day, YYYY-MM-DD, or none.
    """

    id: str
    title: str
    body: str | None
    severity: IncidentNoteSeverityChoice
    pinned: bool
    follow_up_on: date | None


@dataclass(frozen=True)
class IncidentNoteDraft:
    """An incident note that does not exist yet.

    Attributes:
        title: Short text, 1 to 200 characters, trimmed.
        severity: One of low, medium, high.
        body: Free text up to 5000 characters, or none.
        pinned: True or false, false by default.
        follow_up_on: A calendar day, YYYY-MM-DD, or none.
    """

    title: str
    severity: IncidentNoteSeverityChoice
    body: str | None = None
    pinned: bool = False
    follow_up_on: date | None = None


@dataclass(frozen=True)
class IncidentNoteChanges:
    """The fields of an incident note to change; ``None`` keeps a field as it is.

    Attributes:
        title: Its new value, or ``None`` to keep it.
        body: Its new value, or ``None`` to keep it.
        severity: Its new value, or ``None`` to keep it.
        pinned: Its new value, or ``None`` to keep it.
        follow_up_on: Its new value, or ``None`` to keep it.
        cleared: The optional fields to empty.
    """

    title: str | None = None
    body: str | None = None
    severity: IncidentNoteSeverityChoice | None = None
    pinned: bool | None = None
    follow_up_on: date | None = None
    cleared: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        """Whether no field would change."""
        return self == IncidentNoteChanges()


def changed(incident_note: IncidentNote, changes: IncidentNoteChanges) -> IncidentNote:
    """The incident note with ``changes`` applied: the fields they give or clear, the others as they were."""
    given: dict[str, Any] = {name: value for name, value in vars(changes).items() if value is not None and name != "cleared"}
    given.update(dict.fromkeys(changes.cleared))
    return replace(incident_note, **given)


def check_incident_note_id(incident_note_id: str) -> str:
    """Return the identifier if it has the shape of an incident note id.

    Raises:
        IncidentNoteRejected: It does not.
    """
    if not _ID.match(incident_note_id):
        raise IncidentNoteRejected("incident_note_id must be 1 to 64 letters, digits, '-' or '_'", INVALID_ID)
    return incident_note_id


def check_draft(draft: IncidentNoteDraft) -> IncidentNoteDraft:
    """Return a new incident note with its short texts trimmed, if it keeps the domain's rules.

    Raises:
        IncidentNoteRejected: It breaks one.
    """
    checked = replace(draft, **_trimmed(draft))
    # TODO(incident_notes): add the business rules a new incident note must satisfy.
    return checked


def check_changes(incident_note_id: str, changes: IncidentNoteChanges) -> IncidentNoteChanges:
    """Return the changes to an incident note, short texts trimmed, if they keep the domain's rules.

    Raises:
        IncidentNoteRejected: The id or the changes break one.
    """
    check_incident_note_id(incident_note_id)
    if changes.is_empty:
        raise IncidentNoteRejected("nothing to update: send title, body, severity, pinned or follow_up_on", INVALID_INCIDENT_NOTE)
    checked = replace(changes, **_trimmed(changes))
    # TODO(incident_notes): add the business rules a change to an incident note must satisfy.
    return checked


def check_page(limit: int, before: str | None, maximum: int) -> int:
    """Return the size of a requested page of incident notes if it is within 1..maximum.

    ``before``, the last id of the previous page, must be an incident note id when given.

    Raises:
        IncidentNoteRejected: The size or ``before`` breaks its rule.
    """
    if not 1 <= limit <= maximum:
        raise IncidentNoteRejected(f"limit must be between 1 and {maximum}", INVALID_LIMIT)
    if before is not None and not _ID.match(before):
        raise IncidentNoteRejected("before must be the id of an incident note", INVALID_ID)
    return limit


def _trimmed(item: object) -> dict[str, Any]:
    """The short texts of ``item`` trimmed, by name; one it leaves out stays out.

    Raises:
        IncidentNoteRejected: One of them is blank.
    """
    texts = {name: getattr(item, name) for name in TRIMMED if getattr(item, name) is not None}
    blank = [name for name, text in texts.items() if not text.strip()]
    if blank:
        raise IncidentNoteRejected(f"{blank[0]} must not be blank", INVALID_INCIDENT_NOTE)
    return {name: text.strip() for name, text in texts.items()}
