"""HTTP models of Incident Notes: what its routes accept and return, and their translation to the domain."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from modules.incident_notes.models import (
    IncidentNoteChanges,
    IncidentNoteDraft,
    IncidentNoteSeverityChoice,
)

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 5000
# The fields an update may empty by sending null.
OPTIONAL_FIELDS = frozenset({"body", "follow_up_on"})


class IncidentNoteCreateRequest(BaseModel):
    """Body of ``POST /api/v1/incident-notes``."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(
        min_length=1,
        max_length=TITLE_MAX_LENGTH,
        description="Title: short text, 1 to 200 characters, trimmed.",
    )
    body: str | None = Field(
        default=None,
        max_length=BODY_MAX_LENGTH,
        description="Body: free text up to 5000 characters, or none.",
    )
    severity: IncidentNoteSeverityChoice = Field(
        description="Severity: one of low, medium, high."
    )
    pinned: bool = Field(
        default=False, description="Pinned: true or false, false by default."
    )
    follow_up_on: date | None = Field(
        default=None, description="Follow up on: a calendar day, YYYY-MM-DD, or none."
    )

    def to_draft(self) -> IncidentNoteDraft:
        """The incident note to create, as the domain holds it.

        Returns:
            The draft the service checks.
        """
        return IncidentNoteDraft(
            title=self.title,
            body=self.body,
            severity=self.severity,
            pinned=self.pinned,
            follow_up_on=self.follow_up_on,
        )


class IncidentNoteUpdateRequest(BaseModel):
    """Body of ``PATCH /api/v1/incident-notes/{incident_note_id}``: only the fields to change; null empties an optional one."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(
        default=None,
        min_length=1,
        max_length=TITLE_MAX_LENGTH,
        description="Title: short text, 1 to 200 characters, trimmed.",
    )
    body: str | None = Field(
        default=None,
        max_length=BODY_MAX_LENGTH,
        description="Body: free text up to 5000 characters, or none.",
    )
    severity: IncidentNoteSeverityChoice | None = Field(
        default=None, description="Severity: one of low, medium, high."
    )
    pinned: bool | None = Field(
        default=None, description="Pinned: true or false, false by default."
    )
    follow_up_on: date | None = Field(
        default=None, description="Follow up on: a calendar day, YYYY-MM-DD, or none."
    )

    def to_changes(self) -> IncidentNoteChanges:
        """The fields to change, as the domain holds them.

        Returns:
            The changes the service checks.
        """
        cleared = frozenset(
            name
            for name in OPTIONAL_FIELDS & self.model_fields_set
            if getattr(self, name) is None
        )
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
    body: str | None = Field(
        description="Body: free text up to 5000 characters, or none."
    )
    severity: IncidentNoteSeverityChoice = Field(
        description="Severity: one of low, medium, high."
    )
    pinned: bool = Field(description="Pinned: true or false, false by default.")
    follow_up_on: date | None = Field(
        description="Follow up on: a calendar day, YYYY-MM-DD, or none."
    )


class IncidentNoteListResponse(BaseModel):
    """A page of incident notes, newest first."""

    items: list[IncidentNoteResponse] = Field(
        description="The incident notes of this page.",
    )
    count: int = Field(description="How many items this page holds.")
    next: str | None = Field(
        description="The id to send as `before` for the next page; null once a page is not full.",
    )
