"""HTTP models of Incident Notes: what its routes accept and return."""

from pydantic import BaseModel, ConfigDict, Field

TITLE_MAX_LENGTH = 200
DETAILS_MAX_LENGTH = 5000


class IncidentNoteCreateRequest(BaseModel):
    """Body of ``POST /api/v1/incident-notes``."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(
        min_length=1,
        max_length=TITLE_MAX_LENGTH,
        description="Short title of the incident note.",
    )
    details: str = Field(
        default="",
        max_length=DETAILS_MAX_LENGTH,
        description="Free-form details.",
    )


class IncidentNoteUpdateRequest(BaseModel):
    """Body of ``PATCH /api/v1/incident-notes/{incident_note_id}``: only the fields to change."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(
        default=None,
        min_length=1,
        max_length=TITLE_MAX_LENGTH,
        description="New title.",
    )
    details: str | None = Field(
        default=None,
        max_length=DETAILS_MAX_LENGTH,
        description="New details.",
    )


class IncidentNoteResponse(BaseModel):
    """One incident note, as the API returns it."""

    id: str = Field(description="Identifier of the incident note.")
    title: str = Field(description="Short title.")
    details: str = Field(description="Free-form details.")


class IncidentNoteListResponse(BaseModel):
    """A page of incident notes."""

    items: list[IncidentNoteResponse] = Field(
        description="The incident notes of this page.",
    )
    count: int = Field(description="How many items this page holds.")
