"""Settings of the Slack integration."""

from typing import Optional

from pydantic import Field, SecretStr

from infrastructure.configuration.base import IntegrationSettings


class SlackSettings(IntegrationSettings):
    """Settings of the Slack integration, read from the environment."""

    SLACK_TOKEN: Optional[SecretStr] = Field(
        default=None,
        alias="SLACK_TOKEN",
        description="Bot token of the Slack app.",
    )
