"""Settings of the Email Delivery API: its credentials and transport, read from the ``EMAIL_DELIVERY_*`` variables."""

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmailDeliverySettings(BaseSettings):
    """Credentials and transport of the Email Delivery API; the one owner of its variables."""

    model_config = SettingsConfigDict(env_file=".env", case_sensitive=True, extra="ignore")

    BASE_URL: str = Field(
        default="",
        alias="EMAIL_DELIVERY_BASE_URL",
        description="Base URL of the Email Delivery API; the client refuses to start without it.",
    )

    API_TOKEN: SecretStr = Field(
        default=SecretStr(""),
        alias="EMAIL_DELIVERY_API_TOKEN",
        repr=False,
        description="The API token, sent as a bearer token.",
    )

    TIMEOUT_SECONDS: float = Field(
        default=10.0,
        gt=0,
        le=60,
        alias="EMAIL_DELIVERY_TIMEOUT_SECONDS",
        description="Timeout of one call, in seconds.",
    )

    MAX_RETRIES: int = Field(
        default=2,
        ge=0,
        le=5,
        alias="EMAIL_DELIVERY_MAX_RETRIES",
        description="How many times httpx retries a connection that failed; other failures are never retried.",
    )


@lru_cache(maxsize=1)
def get_email_delivery_settings() -> EmailDeliverySettings:
    """The settings, read once per process."""
    return EmailDeliverySettings()
