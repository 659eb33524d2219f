"""Client of the Email Delivery API: authenticated httpx calls that raise, and the classification of what they raise.

``get_email_delivery_client()`` builds the client once, with the timeout and httpx's own
retries (failed connections only) set from the settings; no call retries by hand. A call
that fails raises httpx's exception. The feature that uses the API holds an adapter under
its ``adapters/``: it calls the client inside ``try/except`` and turns what was raised into
an ``OperationResult`` with ``classify_email_delivery_error``.
"""

from functools import lru_cache
from urllib.parse import quote

import httpx

from infrastructure.operations import OperationStatus
from integrations.email_delivery.schemas import Message, MessageDraft
from integrations.email_delivery.settings import get_email_delivery_settings

# TODO(email_delivery): check the API's path of messages and the payloads in schemas.py against its documentation.
RESOURCE = "/messages"
# The longest wait passed on from a Retry-After header, in seconds.
MAX_RETRY_AFTER = 3600


class EmailDeliveryClient:
    """The Email Delivery API: one method per call; each raises what httpx raises.

    Args:
        http: The authenticated ``httpx.Client`` the calls go through.
    """

    def __init__(self, http: httpx.Client) -> None:
        self._http = http

    def create_message(self, draft: MessageDraft) -> Message:
        """Create a message.

        Raises:
            httpx.HTTPStatusError: The API refused the call.
            httpx.TransportError: The API could not be reached in time.
        """
        response = self._http.post(RESOURCE, json=draft.model_dump(mode="json"))
        response.raise_for_status()
        return Message.model_validate(response.json())

    def get_message(self, message_id: str) -> Message:
        """Get one message.

        Raises:
            httpx.HTTPStatusError: The API refused the call.
            httpx.TransportError: The API could not be reached in time.
        """
        response = self._http.get(_item(message_id))
        response.raise_for_status()
        return Message.model_validate(response.json())


@lru_cache(maxsize=1)
def get_email_delivery_client() -> EmailDeliveryClient:
    """The process-wide client, built on the settings.

    Raises:
        ValueError: ``EMAIL_DELIVERY_BASE_URL`` is not set.
    """
    settings = get_email_delivery_settings()
    if not settings.BASE_URL:
        raise ValueError("EMAIL_DELIVERY_BASE_URL is required to call the Email Delivery API")
    http = httpx.Client(
        base_url=settings.BASE_URL,
        headers={"Authorization": f"Bearer {settings.API_TOKEN.get_secret_value()}"},
        timeout=httpx.Timeout(settings.TIMEOUT_SECONDS),
        transport=httpx.HTTPTransport(retries=settings.MAX_RETRIES),
    )
    return EmailDeliveryClient(http)


def classify_email_delivery_error(exc: Exception) -> tuple[OperationStatus, str | None, int | None]:
    """The status, error code and retry delay of an exception a call raised.

    Only the outcomes of a call are classified: the API's refusals by HTTP status, a
    timeout, a connection that failed, an answer whose payload does not parse. Anything
    else is a bug and is raised again.

    Raises:
        Exception: ``exc`` itself, when it is none of those.
    """
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        if status == 429:
            return OperationStatus.TRANSIENT_ERROR, "RATE_LIMITED", _retry_after(exc.response)
        if status in (401, 403):
            return OperationStatus.UNAUTHORIZED, f"HTTP_{status}", None
        if status == 404:
            return OperationStatus.NOT_FOUND, "NOT_FOUND", None
        if status >= 500:
            return OperationStatus.TRANSIENT_ERROR, f"HTTP_{status}", _retry_after(exc.response)
        return OperationStatus.PERMANENT_ERROR, f"HTTP_{status}", None
    if isinstance(exc, httpx.TimeoutException):
        return OperationStatus.TRANSIENT_ERROR, "TIMEOUT", None
    if isinstance(exc, httpx.TransportError):
        return OperationStatus.TRANSIENT_ERROR, "UNREACHABLE", None
    if isinstance(exc, ValueError):
        # A payload that does not parse: pydantic's ValidationError and json's JSONDecodeError are ValueErrors.
        return OperationStatus.PERMANENT_ERROR, "UNEXPECTED_PAYLOAD", None
    raise exc


def _item(message_id: str) -> str:
    """The path of one message, its id escaped."""
    return f"{RESOURCE}/{quote(message_id, safe='')}"


def _retry_after(response: httpx.Response) -> int | None:
    """The seconds a ``Retry-After`` header asks to wait, when it gives a number."""
    value = response.headers.get("Retry-After", "")
    return min(int(value), MAX_RETRY_AFTER) if value.isdigit() else None
