"""Settings of the ATIP feature."""

from pydantic import Field

from infrastructure.configuration.base import FeatureSettings


class AtipSettings(FeatureSettings):
    """Settings of the ATIP feature, read from the environment."""

    ATIP_ANNOUNCE_CHANNEL: str = Field(
        default="",
        alias="ATIP_ANNOUNCE_CHANNEL",
        description="Slack channel where ATIP requests are announced.",
    )
