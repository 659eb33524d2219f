"""HTTP models of Incident Notes: what its routes accept and return, and their translation to the domain."""

from typing import Self

from pydantic import BaseModel, ConfigDict, Field

from packages.incident_notes.domain import IncidentNote, IncidentNoteChanges, IncidentNoteDraft

TITLE_MAX_LENGTH = 200
DETAILS_MAX_LENGTH = 5000


class IncidentNoteCreateRequest(BaseModel):
    """Body of ``POST /api/v1/incident-notes``."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=TITLE_MAX_LENGTH, description="Short title of the incident note.")
    details: str = Field(default="", max_length=DETAILS_MAX_LENGTH, description="Free-form details.")

    def to_draft(self) -> IncidentNoteDraft:
        """The incident note to create, as the domain holds it."""
        return IncidentNoteDraft(title=self.title, details=self.details)


class IncidentNoteUpdateRequest(BaseModel):
    """Body of ``PATCH /api/v1/incident-notes/{incident_note_id}``: only the fields to change."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=TITLE_MAX_LENGTH, description="New title.")
    details: str | None = Field(default=None, max_length=DETAILS_MAX_LENGTH, description="New details.")

    def to_changes(self) -> IncidentNoteChanges:
        """The fields to change, as the domain holds them."""
        return IncidentNoteChanges(title=self.title, details=self.details)


class IncidentNoteResponse(BaseModel):
    """One incident note, as the API returns it."""

    id: str = Field(description="Identifier of the incident note.")
    title: str = Field(description="Short title.")
    details: str = Field(description="Free-form details.")

    @classmethod
    def from_domain(cls, incident_note: IncidentNote) -> Self:
        """The answer for one incident note of the domain."""
        return cls(id=incident_note.id, title=incident_note.title, details=incident_note.details)


class IncidentNoteListResponse(BaseModel):
    """A page of incident notes."""

    items: list[IncidentNoteResponse] = Field(description="The incident notes of this page.")
    count: int = Field(description="How many items this page holds.")

    @classmethod
    def from_domain(cls, incident_notes: list[IncidentNote]) -> Self:
        """The answer for a page of incident notes of the domain."""
        return cls(items=[IncidentNoteResponse.from_domain(item) for item in incident_notes], count=len(incident_notes))
