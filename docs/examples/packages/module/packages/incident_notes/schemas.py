"""HTTP models of Incident Notes: what its routes accept and return, and their translation to the domain."""

from datetime import date
from typing import Self

from pydantic import BaseModel, ConfigDict, Field

from packages.incident_notes.domain import IncidentNote, IncidentNoteChanges, IncidentNoteDraft, IncidentNoteSeverityChoice

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 5000
# The fields an update may empty by sending null.
OPTIONAL_FIELDS = frozenset({"body", "follow_up_on"})


class IncidentNoteCreateRequest(BaseModel):
    """Body of ``POST /api/v1/incident-notes``."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=TITLE_MAX_LENGTH, description="Title: short text, 1 to 200 characters, trimmed.")
    body: str | None = Field(
        default=None, max_length=BODY_MAX_LENGTH, description="Body: free text up to 5000 characters, or none."
    )
    severity: IncidentNoteSeverityChoice = Field(description="Severity: one of low, medium, high.")
    pinned: bool = Field(default=False, description="Pinned: true or false, false by default.")
    follow_up_on: date | None = Field(default=None, description="Follow up on: a calendar day, YYYY-MM-DD, or none.")

    def to_draft(self) -> IncidentNoteDraft:
        """The incident note to create, as the domain holds it."""
        return IncidentNoteDraft(
            title=self.title, body=self.body, severity=self.severity, pinned=self.pinned, follow_up_on=self.follow_up_on
        )


class IncidentNoteUpdateRequest(BaseModel):
    """Body of ``PATCH /api/v1/incident-notes/{incident_note_id}``: only the fields to change; null empties an optional one."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(
        default=None, min_length=1, max_length=TITLE_MAX_LENGTH, description="Title: short text, 1 to 200 characters, trimmed."
    )
    body: str | None = Field(
        default=None, max_length=BODY_MAX_LENGTH, description="Body: free text up to 5000 characters, or none."
    )
    severity: IncidentNoteSeverityChoice | None = Field(default=None, description="Severity: one of low, medium, high.")
    pinned: bool | None = Field(default=None, description="Pinned: true or false, false by default.")
    follow_up_on: date | None = Field(default=None, description="Follow up on: a calendar day, YYYY-MM-DD, or none.")

    def to_changes(self) -> IncidentNoteChanges:
        """The fields to change, as the domain holds them."""
        cleared = frozenset(name for name in OPTIONAL_FIELDS & self.model_fields_set if getattr(self, name) is None)
        return IncidentNoteChanges(
            title=self.title,
            body=self.body,
            severity=self.severity,
            pinned=self.pinned,
            follow_up_on=self.follow_up_on,
            cleared=cleared,
        )


class IncidentNoteResponse(BaseModel):
    """One incident note, as the API returns it."""

    id: str = Field(description="Identifier of the incident note.")
    title: str = Field(description="Title: short text, 1 to 200 characters, trimmed.")
    body: str | None = Field(description="Body: free text up to 5000 characters, or none.")
    severity: IncidentNoteSeverityChoice = Field(description="Severity: one of low, medium, high.")
    pinned: bool = Field(description="Pinned: true or false, false by default.")
    follow_up_on: date | None = Field(description="Follow up on: a calendar day, YYYY-MM-DD, or none.")

    @classmethod
    def from_domain(cls, incident_note: IncidentNote) -> Self:
        """The answer for one incident note of the domain."""
        return cls(
            id=incident_note.id,
            title=incident_note.title,
            body=incident_note.body,
            severity=incident_note.severity,
            pinned=incident_note.pinned,
            follow_up_on=incident_note.follow_up_on,
        )


class IncidentNoteListResponse(BaseModel):
    """A page of incident notes, newest first."""

    items: list[IncidentNoteResponse] = Field(description="The incident notes of this page.")
    count: int = Field(description="How many items this page holds.")
    next: str | None = Field(description="The id to send as `before` for the next page; null once a page is not full.")

    @classmethod
    def from_domain(cls, incident_notes: list[IncidentNote], limit: int) -> Self:
        """The answer for a page of incident notes of the domain: a full page may have more after it."""
        last = incident_notes[-1].id if len(incident_notes) == limit else None
        return cls(
            items=[IncidentNoteResponse.from_domain(item) for item in incident_notes], count=len(incident_notes), next=last
        )
