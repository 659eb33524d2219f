"""Settings of Incident Notes, read from the environment: every variable is ``INCIDENT_NOTES_<FIELD>``."""

from functools import lru_cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class IncidentNotesSettings(BaseSettings):
    """The settings slice of Incident Notes; it owns every ``INCIDENT_NOTES_*`` variable."""

    model_config = SettingsConfigDict(env_prefix="INCIDENT_NOTES_", case_sensitive=False, extra="ignore", env_file=".env")

    enabled: bool = Field(
        default=False,
        description="Serve the Incident Notes routes. Off until the feature is rolled out.",
    )

    max_page_size: int = Field(
        default=100,
        ge=1,
        le=1000,
        description="The largest page of incident notes a list request may ask for.",
    )

    table_name: str = Field(
        default="sre_bot_incident_notes",
        description="The DynamoDB table that keeps the incident notes (the storage back-end).",
    )

    primary_provider: Literal["storage", "google"] = Field(
        default="storage",
        description="The back-end that is the source of truth: one of storage, google.",
    )


@lru_cache(maxsize=1)
def get_incident_notes_settings() -> IncidentNotesSettings:
    """The settings, read once per process."""
    return IncidentNotesSettings()
