"""Settings of the ATIP feature."""

from pydantic import Field

from infrastructure.configuration.base import FeatureSettings


class AtipSettings(FeatureSettings):
    """Settings of the ATIP (Access to Information and Privacy) feature."""

    ATIP_ANNOUNCE_CHANNEL: str = Field(
        default="",
        alias="ATIP_ANNOUNCE_CHANNEL",
        description="Slack channel ID where new ATIP requests are announced.",
    )
