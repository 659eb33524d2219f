"""Settings of the Slack integration."""

from typing import Optional

from pydantic import Field, SecretStr

from infrastructure.configuration.base import IntegrationSettings


class SlackSettings(IntegrationSettings):
    """Settings of the Slack integration."""

    SLACK_TOKEN: Optional[SecretStr] = Field(
        default=None,
        alias="SLACK_TOKEN",
        description="Bot token (xoxb-...) used to call the Slack Web API.",
    )
