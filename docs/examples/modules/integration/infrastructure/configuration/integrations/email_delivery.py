"""Settings of the Email Delivery integration, read from the environment."""

from typing import Self

from pydantic import Field, SecretStr, model_validator

from infrastructure.configuration.base import IntegrationSettings


class EmailDeliverySettings(IntegrationSettings):
    """Settings of Email Delivery; each field names its environment variable."""

    EMAIL_DELIVERY_ENABLED: bool = Field(
        default=False,
        alias="EMAIL_DELIVERY_ENABLED",
        description="Let the client call the Email Delivery API. Off until the integration is rolled out; while off, every call fails fast with INTEGRATION_DISABLED.",
    )

    EMAIL_DELIVERY_BASE_URL: str = Field(
        default="",
        alias="EMAIL_DELIVERY_BASE_URL",
        description="Base URL of the Email Delivery API, e.g. https://api.example.com/v1. Required, and https, when EMAIL_DELIVERY_ENABLED is true.",
    )

    EMAIL_DELIVERY_API_KEY: SecretStr | None = Field(
        default=None,
        alias="EMAIL_DELIVERY_API_KEY",
        description="API key, sent as a bearer token (none when empty). Never logged.",
    )

    EMAIL_DELIVERY_TIMEOUT_SECONDS: float = Field(
        default=10.0,
        gt=0,
        le=60,
        alias="EMAIL_DELIVERY_TIMEOUT_SECONDS",
        description="Timeout of each phase of one call (connect, write, read, pool), in seconds.",
    )

    EMAIL_DELIVERY_ENDPOINT_ENABLED: bool = Field(
        default=False,
        alias="EMAIL_DELIVERY_ENDPOINT_ENABLED",
        description="Serve the Email Delivery routes. Off until the endpoint is rolled out.",
    )

    @model_validator(mode="after")
    def _require_an_https_address_when_enabled(self) -> Self:
        """Refuse to enable the client without the API's address, or over plain HTTP.

        Returns:
            The settings, unchanged.

        Raises:
            ValueError: EMAIL_DELIVERY_ENABLED is true and EMAIL_DELIVERY_BASE_URL is not an https:// URL.
        """
        if not self.EMAIL_DELIVERY_ENABLED:
            return self
        if not self.EMAIL_DELIVERY_BASE_URL.startswith("https://"):
            raise ValueError(
                "EMAIL_DELIVERY_BASE_URL must be an https:// URL when EMAIL_DELIVERY_ENABLED is true"
            )
        return self
