"""Turn exceptions raised by clients into OperationResults.

Each classifier takes the exception a client raised and returns the error
result that describes it, so callers decide on retries by status alone.
"""

from collections.abc import Mapping
from typing import Any, Optional

import httpx

from infrastructure.operations.result import OperationResult, OperationStatus

DEFAULT_RETRY_AFTER_SECONDS = 60

AWS_THROTTLING_CODES = frozenset({"ThrottlingException"})
AWS_ACCESS_DENIED_CODES = frozenset({"AccessDeniedException"})
AWS_NOT_FOUND_CODES = frozenset({"ResourceNotFoundException"})
AWS_INVALID_REQUEST_CODES = frozenset(
    {"ValidationException", "InvalidParameterException", "BadRequestException"}
)


def classify_http_error(exc: Exception) -> OperationResult[Any]:
    """Classify an httpx error.

    Mapping: 429 is a transient ``RATE_LIMITED`` error with ``retry_after`` read
    from the Retry-After header; 401 and 403 are permanent (``UNAUTHORIZED``,
    ``FORBIDDEN``); 404 has status NOT_FOUND; 5xx is transient
    (``SERVER_ERROR``); any other status is a permanent ``HTTP_ERROR``. Timeouts
    (``TIMEOUT``) and other transport failures (``CONNECTION_ERROR``) are
    transient, as is any exception that is not an httpx error.

    Args:
        exc: The exception raised by an httpx call.

    Returns:
        The error result describing the exception.
    """
    if isinstance(exc, httpx.HTTPStatusError):
        return _classify_http_status(exc.response)
    if isinstance(exc, httpx.TimeoutException):
        return OperationResult.transient_error(
            f"HTTP request timed out: {type(exc).__name__}", error_code="TIMEOUT"
        )
    if isinstance(exc, httpx.HTTPError) and not isinstance(exc, httpx.TransportError):
        return OperationResult.permanent_error(
            f"HTTP error: {type(exc).__name__}: {exc}", error_code="HTTP_ERROR"
        )
    return OperationResult.transient_error(
        f"Connection error: {type(exc).__name__}: {exc}",
        error_code="CONNECTION_ERROR",
    )


def classify_aws_error(exc: Exception) -> OperationResult[Any]:
    """Classify an AWS SDK error.

    A botocore ``ClientError`` is recognised by its shape
    (``exc.response["Error"]["Code"]``). Mapping: ``ThrottlingException`` is a
    transient ``RATE_LIMITED`` error; ``AccessDeniedException`` is a permanent
    ``FORBIDDEN``; ``ResourceNotFoundException`` has status NOT_FOUND;
    validation codes are a permanent ``INVALID_REQUEST``; any other code is a
    transient ``AWS_CLIENT_ERROR``. Exceptions without that shape (connection
    failures, timeouts) are a transient ``CONNECTION_ERROR``.

    Args:
        exc: The exception raised by a boto3 call.

    Returns:
        The error result describing the exception.
    """
    code = _aws_error_code(exc)
    if code is None:
        return OperationResult.transient_error(
            f"AWS connection error: {type(exc).__name__}: {exc}",
            error_code="CONNECTION_ERROR",
        )
    if code in AWS_THROTTLING_CODES:
        return OperationResult.transient_error(
            "AWS API throttled",
            error_code="RATE_LIMITED",
            retry_after=DEFAULT_RETRY_AFTER_SECONDS,
        )
    if code in AWS_ACCESS_DENIED_CODES:
        return OperationResult.permanent_error(
            "AWS API access denied", error_code="FORBIDDEN"
        )
    if code in AWS_NOT_FOUND_CODES:
        return OperationResult.error(
            OperationStatus.NOT_FOUND, "AWS resource not found", error_code="NOT_FOUND"
        )
    if code in AWS_INVALID_REQUEST_CODES:
        return OperationResult.permanent_error(
            f"AWS validation error: {code}", error_code="INVALID_REQUEST"
        )
    return OperationResult.transient_error(
        f"AWS client error: {code}", error_code="AWS_CLIENT_ERROR"
    )


def classify_integration_error(exc: Exception) -> OperationResult[Any]:
    """Classify an error raised by any integration client.

    httpx errors go to ``classify_http_error`` and AWS client errors to
    ``classify_aws_error``. Otherwise ``TimeoutError`` is a transient
    ``TIMEOUT``, ``ConnectionError`` a transient ``CONNECTION_ERROR``, and
    anything else a permanent ``INTEGRATION_ERROR``.

    Args:
        exc: The exception raised by an integration client.

    Returns:
        The error result describing the exception.
    """
    if isinstance(exc, httpx.HTTPError):
        return classify_http_error(exc)
    if _aws_error_code(exc) is not None:
        return classify_aws_error(exc)
    if isinstance(exc, TimeoutError):
        return OperationResult.transient_error(
            f"Integration call timed out: {type(exc).__name__}", error_code="TIMEOUT"
        )
    if isinstance(exc, ConnectionError):
        return OperationResult.transient_error(
            f"Connection error: {type(exc).__name__}: {exc}",
            error_code="CONNECTION_ERROR",
        )
    return OperationResult.permanent_error(
        f"Integration error: {type(exc).__name__}: {exc}",
        error_code="INTEGRATION_ERROR",
    )


def _classify_http_status(response: httpx.Response) -> OperationResult[Any]:
    """Classify an HTTP error response by its status code.

    Args:
        response: The response that carried the error status.

    Returns:
        The error result matching the status code.
    """
    status_code = response.status_code
    if status_code == 429:
        return OperationResult.transient_error(
            "HTTP API rate limited",
            error_code="RATE_LIMITED",
            retry_after=_retry_after_seconds(response),
        )
    if status_code == 401:
        return OperationResult.permanent_error(
            "HTTP API authentication failed", error_code="UNAUTHORIZED"
        )
    if status_code == 403:
        return OperationResult.permanent_error(
            "HTTP API authorization denied", error_code="FORBIDDEN"
        )
    if status_code == 404:
        return OperationResult.error(
            OperationStatus.NOT_FOUND, "HTTP resource not found", error_code="NOT_FOUND"
        )
    if 500 <= status_code < 600:
        return OperationResult.transient_error(
            f"HTTP server error ({status_code})", error_code="SERVER_ERROR"
        )
    return OperationResult.permanent_error(
        f"HTTP error ({status_code})", error_code="HTTP_ERROR"
    )


def _retry_after_seconds(response: httpx.Response) -> int:
    """Read the Retry-After header of a rate-limited response.

    Args:
        response: The 429 response.

    Returns:
        The header's value in seconds, or the default when it is missing or not
        a number of seconds.
    """
    header = response.headers.get("Retry-After", "")
    try:
        return max(int(header.strip()), 0)
    except ValueError:
        return DEFAULT_RETRY_AFTER_SECONDS


def _aws_error_code(exc: Exception) -> Optional[str]:
    """Read the AWS error code of a botocore ``ClientError``-shaped exception.

    Args:
        exc: Any exception.

    Returns:
        ``exc.response["Error"]["Code"]`` (``"Unknown"`` when the code is
        missing), or None when the exception does not have that shape.
    """
    response = getattr(exc, "response", None)
    if not isinstance(response, Mapping):
        return None
    error = response.get("Error")
    if not isinstance(error, Mapping):
        return None
    return str(error.get("Code", "Unknown"))
