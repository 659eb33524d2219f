"""Settings of the Incident Notes feature, read from the environment."""

from pydantic import Field, SecretStr

from infrastructure.configuration.base import FeatureSettings


class IncidentNotesSettings(FeatureSettings):
    """Settings of Incident Notes; each field names its environment variable."""

    INCIDENT_NOTES_ENABLED: bool = Field(
        default=False,
        alias="INCIDENT_NOTES_ENABLED",
        description="Serve the Incident Notes routes. Off until the feature is rolled out.",
    )

    INCIDENT_NOTES_TIMEOUT_SECONDS: float = Field(
        default=10.0,
        gt=0,
        le=60,
        alias="INCIDENT_NOTES_TIMEOUT_SECONDS",
        description="Timeout of one call to an external back-end, in seconds.",
    )

    INCIDENT_NOTES_MAX_PAGE_SIZE: int = Field(
        default=100,
        ge=1,
        le=1000,
        alias="INCIDENT_NOTES_MAX_PAGE_SIZE",
        description="The largest page of incident notes a list request may ask for.",
    )

    INCIDENT_NOTES_PRIMARY_PROVIDER: str = Field(
        default="storage",
        alias="INCIDENT_NOTES_PRIMARY_PROVIDER",
        description="The provider that is the source of truth: one of storage, google.",
    )

    INCIDENT_NOTES_GOOGLE_API_TOKEN: SecretStr | None = Field(
        default=None,
        alias="INCIDENT_NOTES_GOOGLE_API_TOKEN",
        description="API token of the google provider.",
    )

    INCIDENT_NOTES_TABLE_NAME: str = Field(
        default="sre_bot_incident_notes",
        alias="INCIDENT_NOTES_TABLE_NAME",
        description="The DynamoDB table that keeps the incident notes (the storage back-end).",
    )
