"""Domain objects of Incident Notes, passed between service and providers."""

from dataclasses import dataclass


@dataclass(frozen=True)
class IncidentNote:
    """One incident note.

    Attributes:
        id: Identifier given by the source of truth.
        title: Short title.
        details: Free-form details.
    """

    # TODO(incident_notes): replace title and details with the real fields of an incident note (schemas.py, responses.py and the tests follow).
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
