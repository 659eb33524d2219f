"""Routes of Email Delivery, mounted under ``/api/v1`` by the ``register_routes`` hook of ``modules/email_delivery``."""

from typing import Any

from fastapi import APIRouter, status

from integrations.email_delivery.schemas import Message
from modules.email_delivery import controllers

OPENAPI_TAG: dict[str, Any] = {
    "name": "Email Delivery",
    "description": "Send email to people outside Slack through the mail provider's HTTP API.",
}

router = APIRouter(
    prefix="/email-delivery",
    tags=[OPENAPI_TAG["name"]],
)
router.add_api_route(
    "",
    controllers.create_message,
    methods=["POST"],
    status_code=status.HTTP_201_CREATED,
    response_model=Message,
    summary="Create a message",
)
router.add_api_route(
    "/{message_id}",
    controllers.get_message,
    methods=["GET"],
    status_code=status.HTTP_200_OK,
    response_model=Message,
    summary="Get one message",
)
