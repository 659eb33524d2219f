"""HTTP handlers of Email Delivery: call the integration's client, answer with its result.

The routes themselves are declared in ``api/v1/email_delivery.py``.
"""

from typing import Annotated, TypeVar

from fastapi import HTTPException, Path, status

from infrastructure.configuration import Settings
from infrastructure.operations import OperationResult, OperationStatus
from infrastructure.services import CurrentUserDep, SettingsDep
from integrations.email_delivery import EmailDeliveryClient, get_email_delivery_client
from integrations.email_delivery.schemas import Message, MessageDraft

T = TypeVar("T")

# An error not listed answers 502: the API failed, not the caller.
HTTP_STATUS_BY_ERROR: dict[OperationStatus, int] = {
    OperationStatus.NOT_FOUND: status.HTTP_404_NOT_FOUND,
    OperationStatus.TRANSIENT_ERROR: status.HTTP_503_SERVICE_UNAVAILABLE,
}


def get_client(settings: Settings) -> EmailDeliveryClient:
    """The client for one request, while ``EMAIL_DELIVERY_ENDPOINT_ENABLED`` is true.

    Each handler calls it with its ``settings`` rather than declaring it as a FastAPI
    dependency: FastAPI runs every synchronous dependency in its thread pool, so one
    dependency fewer is one thread hop fewer per request.

    Args:
        settings: The host's settings.

    Returns:
        The process-wide client.

    Raises:
        HTTPException: 503 on every route while the endpoint is switched off, as the
            host's records answer a feature that is not enabled.
    """
    if not settings.email_delivery.EMAIL_DELIVERY_ENDPOINT_ENABLED:
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="Email Delivery is not enabled",
        )
    return get_email_delivery_client()


ID_DESCRIPTION = "Identifier of the message."
# At least one character that is not a dot: ".", ".." would name no single item.
ID_PATTERN = r"^[^/]*[^/.][^/]*$"
MessageId = Annotated[
    str, Path(pattern=ID_PATTERN, max_length=200, description=ID_DESCRIPTION)
]

# TODO(email_delivery): authorize: decide which authenticated callers may use each route.


def create_message(
    body: MessageDraft, settings: SettingsDep, current_user: CurrentUserDep
) -> Message:
    """Create a message.

    Args:
        body: The request body.
        settings: The host's settings.
        current_user: The authenticated caller; anonymous requests never get here.

    Returns:
        The created message.
    """
    client = get_client(settings)
    return answer(client.create_message(body))


def get_message(
    message_id: MessageId, settings: SettingsDep, current_user: CurrentUserDep
) -> Message:
    """Get one message.

    Args:
        message_id: Identifier of the message.
        settings: The host's settings.
        current_user: The authenticated caller; anonymous requests never get here.

    Returns:
        The message.
    """
    client = get_client(settings)
    return answer(client.get_message(message_id))


def answer(result: OperationResult[T]) -> T:
    """The result's data, or the HTTP error that matches its failure.

    The body carries the result's error code and message, never the API's answer.

    Args:
        result: What the client returned.

    Returns:
        The data of a successful result.

    Raises:
        HTTPException: When the result is not a success.
    """
    if not result.is_success:
        headers = None
        if result.retry_after is not None:
            headers = {"Retry-After": str(result.retry_after)}
        raise HTTPException(
            status_code=HTTP_STATUS_BY_ERROR.get(
                result.status, status.HTTP_502_BAD_GATEWAY
            ),
            detail={"error_code": result.error_code, "message": result.message},
            headers=headers,
        )
    data: T = result.unwrap()
    return data
