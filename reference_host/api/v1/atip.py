"""HTTP routes of the ATIP feature."""

from fastapi import APIRouter
from pydantic import BaseModel

from infrastructure.services import SettingsDep

router = APIRouter(prefix="/atip", tags=["atip"])


class AtipStatusResponse(BaseModel):
    """Status of the ATIP feature.

    Attributes:
        status: Always ``"ok"`` when the feature answers.
        announce_channel_configured: Whether an announce channel is set.
    """

    status: str
    announce_channel_configured: bool


@router.get("/status")
def get_atip_status(settings: SettingsDep) -> AtipStatusResponse:
    """Report the status of the ATIP feature.

    Args:
        settings: The settings of the bot.

    Returns:
        The feature's status.
    """
    return AtipStatusResponse(
        status="ok",
        announce_channel_configured=bool(settings.atip.ATIP_ANNOUNCE_CHANNEL),
    )
