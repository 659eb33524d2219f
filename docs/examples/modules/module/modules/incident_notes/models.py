"""Domain objects of Incident Notes, passed between service and providers."""

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

# The values severity may take.
IncidentNoteSeverityChoice = Literal["low", "medium", "high"]


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
    """Apply changes to an incident note.

    Args:
        incident_note: The incident note as it is.
        changes: The fields to change or clear.

    Returns:
        The incident note with the fields the changes give, the others as they were.
    """
    given: dict[str, Any] = {
        name: value
        for name, value in vars(changes).items()
        if value is not None and name != "cleared"
    }
    given.update(dict.fromkeys(changes.cleared))
    return replace(incident_note, **given)
