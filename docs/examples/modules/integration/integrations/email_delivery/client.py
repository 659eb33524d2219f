"""Client of the Email Delivery API: synchronous httpx calls, each returning an ``OperationResult``.

Features never build it: they take a ``EmailDeliveryClient`` and, in production,
the process-wide instance from :func:`get_email_delivery_client`. Statuses are classified
along the host's rules (see :func:`classify_response`); the API key travels only in the
``Authorization`` header, never in a log line, a message or a repr.
"""

import math
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
import structlog
from structlog.typing import FilteringBoundLogger

from infrastructure.configuration.integrations.email_delivery import (
    EmailDeliverySettings,
)
from infrastructure.operations import OperationResult, OperationStatus
from infrastructure.services import get_settings
from integrations.email_delivery.protocol import EmailDeliveryClient
from integrations.email_delivery.schemas import Message, MessageDraft

logger = structlog.get_logger()

T = TypeVar("T")

INTEGRATION = "email_delivery"
# The longest wait passed on from a Retry-After header, in seconds.
MAX_RETRY_AFTER = 3600
# TODO(email_delivery): check the API's path of messages and the payloads in schemas.py against its documentation.
RESOURCE = "/messages"


class HttpEmailDeliveryClient:
    """The Email Delivery API over HTTP; no public method raises.

    Args:
        settings: The integration's settings slice.
        transport: How requests travel; tests pass an ``httpx.MockTransport``.
    """

    def __init__(
        self,
        settings: EmailDeliverySettings,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._enabled = settings.EMAIL_DELIVERY_ENABLED
        self._http = httpx.Client(
            base_url=settings.EMAIL_DELIVERY_BASE_URL,
            headers=_headers(settings),
            timeout=httpx.Timeout(settings.EMAIL_DELIVERY_TIMEOUT_SECONDS),
            transport=transport,
        )

    def __repr__(self) -> str:
        """Name the API's address, never its credentials."""
        return f"{type(self).__name__}(base_url={str(self._http.base_url)!r})"

    def create_message(self, draft: MessageDraft) -> OperationResult[Message]:
        """Create a message.

        Args:
            draft: The message to create.

        Returns:
            The created message, or why it could not be created.
        """
        return self._call(
            "create",
            _parse_message,
            "POST",
            RESOURCE,
            json=draft.model_dump(mode="json"),
        )

    def get_message(self, message_id: str) -> OperationResult[Message]:
        """Get one message.

        Args:
            message_id: Identifier of the message.

        Returns:
            The message, or why it could not be fetched (NOT_FOUND when it does not exist).
        """
        return self._call("get", _parse_message, "GET", _item(message_id))

    def _call(
        self,
        operation: str,
        parse: Callable[[httpx.Response], T],
        method: str,
        path: str | None,
        **request: Any,
    ) -> OperationResult[T]:
        """Send one request and turn every outcome into an ``OperationResult``.

        Args:
            operation: The operation making the call, for results and logs.
            parse: Reads the data out of a successful answer.
            method: The HTTP method.
            path: The path below the base URL; ``None`` for an id that names no item.
            **request: Passed on to ``httpx.Client.request``.

        Returns:
            The parsed data, or why there is none.
        """
        log = logger.bind(integration=INTEGRATION, operation=operation)
        if not self._enabled:
            return _failed(
                log,
                _error(
                    OperationStatus.PERMANENT_ERROR,
                    "The integration is switched off.",
                    "INTEGRATION_DISABLED",
                    operation,
                ),
            )
        if path is None:
            return _failed(
                log,
                _error(
                    OperationStatus.PERMANENT_ERROR,
                    "The id names no single item.",
                    "INVALID_ID",
                    operation,
                ),
            )
        try:
            response = self._http.request(method, path, **request)
        except httpx.TimeoutException:
            return _failed(
                log,
                _error(
                    OperationStatus.TRANSIENT_ERROR,
                    "The API did not answer in time.",
                    "TIMEOUT",
                    operation,
                ),
            )
        except httpx.TransportError:
            return _failed(
                log,
                _error(
                    OperationStatus.TRANSIENT_ERROR,
                    "The API could not be reached.",
                    "CONNECTION_FAILED",
                    operation,
                ),
            )
        except httpx.HTTPError:  # an answer httpx could not read, too many redirects
            return _failed(
                log,
                _error(
                    OperationStatus.PERMANENT_ERROR,
                    "The API's answer could not be read.",
                    "UNREADABLE_RESPONSE",
                    operation,
                ),
            )
        if not response.is_success:
            result = classify_response(response, operation)
            return _failed(log, result, response.status_code)
        try:
            data = parse(response)
        except ValueError:  # not JSON, or not the expected payload
            return _failed(
                log,
                _error(
                    OperationStatus.PERMANENT_ERROR,
                    "The API answered with an unexpected payload.",
                    "INVALID_RESPONSE",
                    operation,
                ),
                response.status_code,
            )
        log.info("email_delivery_call_succeeded")
        return OperationResult.success(
            data=data, provider=INTEGRATION, operation=operation
        )


@lru_cache(maxsize=1)
def get_email_delivery_client() -> EmailDeliveryClient:
    """The process-wide client, built once from the settings.

    Returns:
        The real client, typed as the protocol features depend on.
    """
    return HttpEmailDeliveryClient(get_settings().email_delivery)


def classify_response(response: httpx.Response, operation: str) -> OperationResult[Any]:
    """Classify an unsuccessful answer along the host's rules for HTTP errors.

    429 is a transient ``RATE_LIMITED`` with the ``Retry-After`` delay; 401 is
    ``UNAUTHORIZED``; 403 a permanent ``FORBIDDEN``; 404 ``NOT_FOUND``; 408 and 5xx
    transient (with ``Retry-After`` when given); any other status a permanent ``REJECTED``.

    Args:
        response: The API's answer, not a 2xx.
        operation: The operation that made the call.

    Returns:
        The error result; its message never quotes the answer's body.
    """
    code = response.status_code
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    if code == 429:
        return _error(
            OperationStatus.TRANSIENT_ERROR,
            "The API is rate limiting the bot.",
            "RATE_LIMITED",
            operation,
            retry_after,
        )
    if code == 401:
        return _error(
            OperationStatus.UNAUTHORIZED,
            "The API refused the bot's credentials.",
            "UNAUTHORIZED",
            operation,
        )
    if code == 403:
        return _error(
            OperationStatus.PERMANENT_ERROR,
            "The API does not allow this call with the bot's credentials.",
            "FORBIDDEN",
            operation,
        )
    if code == 404:
        return _error(
            OperationStatus.NOT_FOUND,
            "The API has no such item.",
            "NOT_FOUND",
            operation,
        )
    if code == 408 or code >= 500:
        return _error(
            OperationStatus.TRANSIENT_ERROR,
            f"The API failed with HTTP {code}.",
            "UPSTREAM_UNAVAILABLE",
            operation,
            retry_after,
        )
    return _error(
        OperationStatus.PERMANENT_ERROR,
        f"The API rejected the request with HTTP {code}.",
        "REJECTED",
        operation,
    )


def parse_retry_after(value: str | None, now: datetime | None = None) -> int | None:
    """Read a ``Retry-After`` header: a number of seconds, or an HTTP date.

    Args:
        value: The header's value, if the answer had one.
        now: The current time (tests pass a fixed one).

    Returns:
        Whole seconds to wait, from 0 (a date in the past) to ``MAX_RETRY_AFTER``, or
        ``None`` when the header is missing or unreadable.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return min(int(text), MAX_RETRY_AFTER)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    current = now or datetime.now(timezone.utc)
    seconds = math.ceil((moment - current).total_seconds())
    return min(max(0, seconds), MAX_RETRY_AFTER)


def _headers(settings: EmailDeliverySettings) -> dict[str, str]:
    """The headers of every request: JSON, and the API key (if any) as a bearer token."""
    headers = {"Accept": "application/json"}
    api_key = settings.EMAIL_DELIVERY_API_KEY
    if api_key is not None and api_key.get_secret_value():
        headers["Authorization"] = f"Bearer {api_key.get_secret_value()}"
    return headers


def _item(item_id: str) -> str | None:
    """The path of one item, or ``None`` when the id cannot name one.

    The id is escaped, so it cannot leave its path segment; an empty id, ``.`` or
    ``..`` would name the collection or a parent instead, so they name nothing.
    """
    if not item_id.strip("."):
        return None
    return f"{RESOURCE}/{quote(item_id, safe='')}"


def _parse_message(response: httpx.Response) -> Message:
    """The message an answer carries; ``ValueError`` when it carries none."""
    return Message.model_validate(response.json())


def _error(
    status: OperationStatus,
    message: str,
    error_code: str,
    operation: str,
    retry_after: int | None = None,
) -> OperationResult[Any]:
    """An error result of this integration."""
    return OperationResult.error(
        status,
        message,
        error_code=error_code,
        retry_after=retry_after,
        provider=INTEGRATION,
        operation=operation,
    )


def _failed(
    log: FilteringBoundLogger,
    result: OperationResult[T],
    http_status: int | None = None,
) -> OperationResult[T]:
    """Log a failed call (its classification only, never the API's answer) and return it."""
    log.warning(
        "email_delivery_call_failed",
        status=result.status.value,
        error_code=result.error_code,
        http_status=http_status,
        retry_after=result.retry_after,
    )
    return result
