"""Tests of the exception classifiers."""

from typing import Any, Optional

import httpx
import pytest

from infrastructure.operations import (
    OperationStatus,
    classify_aws_error,
    classify_http_error,
    classify_integration_error,
)

pytestmark = pytest.mark.unit


class FakeClientError(Exception):
    """An exception shaped like botocore's ClientError."""

    def __init__(self, response: dict[str, Any]) -> None:
        """Keep the error response.

        Args:
            response: The error response, as botocore shapes it.
        """
        super().__init__("client error")
        self.response = response


def make_status_error(
    status_code: int, headers: Optional[dict[str, str]] = None
) -> httpx.HTTPStatusError:
    """Build the error httpx raises for an error response.

    Args:
        status_code: HTTP status of the response.
        headers: Response headers.

    Returns:
        The HTTPStatusError.
    """
    request = httpx.Request("GET", "https://api.example.com/things")
    response = httpx.Response(status_code, headers=headers, request=request)
    return httpx.HTTPStatusError("error", request=request, response=response)


def make_client_error(code: Optional[str]) -> FakeClientError:
    """Build an AWS client error.

    Args:
        code: The AWS error code, or None for a response without one.

    Returns:
        The error.
    """
    error = {} if code is None else {"Code": code, "Message": "m"}
    return FakeClientError({"Error": error})


class TestClassifyHttpError:
    @pytest.mark.parametrize(
        ("status_code", "status", "error_code"),
        [
            (401, OperationStatus.PERMANENT_ERROR, "UNAUTHORIZED"),
            (403, OperationStatus.PERMANENT_ERROR, "FORBIDDEN"),
            (404, OperationStatus.NOT_FOUND, "NOT_FOUND"),
            (400, OperationStatus.PERMANENT_ERROR, "HTTP_ERROR"),
            (409, OperationStatus.PERMANENT_ERROR, "HTTP_ERROR"),
            (500, OperationStatus.TRANSIENT_ERROR, "SERVER_ERROR"),
            (503, OperationStatus.TRANSIENT_ERROR, "SERVER_ERROR"),
        ],
    )
    def test_classify_http_error_maps_status_code(
        self, status_code: int, status: OperationStatus, error_code: str
    ) -> None:
        # Arrange
        exc = make_status_error(status_code)

        # Act
        result = classify_http_error(exc)

        # Assert
        assert (result.status, result.error_code) == (status, error_code)

    def test_classify_http_error_reads_retry_after_of_rate_limit(self) -> None:
        # Arrange
        exc = make_status_error(429, headers={"Retry-After": "120"})

        # Act
        result = classify_http_error(exc)

        # Assert
        assert (result.status, result.error_code, result.retry_after) == (
            OperationStatus.TRANSIENT_ERROR,
            "RATE_LIMITED",
            120,
        )

    @pytest.mark.parametrize(
        "headers",
        [None, {"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}],
        ids=["missing", "http-date"],
    )
    def test_classify_http_error_defaults_retry_after_when_not_seconds(
        self, headers: Optional[dict[str, str]]
    ) -> None:
        # Arrange
        exc = make_status_error(429, headers=headers)

        # Act
        result = classify_http_error(exc)

        # Assert
        assert result.retry_after == 60

    @pytest.mark.parametrize(
        ("exc", "error_code"),
        [
            (httpx.ReadTimeout("timed out"), "TIMEOUT"),
            (httpx.ConnectTimeout("timed out"), "TIMEOUT"),
            (httpx.ConnectError("refused"), "CONNECTION_ERROR"),
            (httpx.RemoteProtocolError("closed"), "CONNECTION_ERROR"),
            (OSError("network down"), "CONNECTION_ERROR"),
        ],
    )
    def test_classify_http_error_treats_transport_failure_as_transient(
        self, exc: Exception, error_code: str
    ) -> None:
        # Act
        result = classify_http_error(exc)

        # Assert
        assert (result.status, result.error_code) == (
            OperationStatus.TRANSIENT_ERROR,
            error_code,
        )

    @pytest.mark.parametrize(
        "exc",
        [httpx.DecodingError("bad gzip"), httpx.TooManyRedirects("loop")],
    )
    def test_classify_http_error_treats_other_http_error_as_permanent(
        self, exc: Exception
    ) -> None:
        # Act
        result = classify_http_error(exc)

        # Assert
        assert (result.status, result.error_code) == (
            OperationStatus.PERMANENT_ERROR,
            "HTTP_ERROR",
        )


class TestClassifyAwsError:
    @pytest.mark.parametrize(
        ("code", "status", "error_code"),
        [
            ("ThrottlingException", OperationStatus.TRANSIENT_ERROR, "RATE_LIMITED"),
            ("AccessDeniedException", OperationStatus.PERMANENT_ERROR, "FORBIDDEN"),
            ("ResourceNotFoundException", OperationStatus.NOT_FOUND, "NOT_FOUND"),
            ("ValidationException", OperationStatus.PERMANENT_ERROR, "INVALID_REQUEST"),
            (
                "InvalidParameterException",
                OperationStatus.PERMANENT_ERROR,
                "INVALID_REQUEST",
            ),
            ("BadRequestException", OperationStatus.PERMANENT_ERROR, "INVALID_REQUEST"),
            (
                "InternalServerException",
                OperationStatus.TRANSIENT_ERROR,
                "AWS_CLIENT_ERROR",
            ),
            (None, OperationStatus.TRANSIENT_ERROR, "AWS_CLIENT_ERROR"),
        ],
    )
    def test_classify_aws_error_maps_error_code(
        self, code: Optional[str], status: OperationStatus, error_code: str
    ) -> None:
        # Arrange
        exc = make_client_error(code)

        # Act
        result = classify_aws_error(exc)

        # Assert
        assert (result.status, result.error_code) == (status, error_code)

    def test_classify_aws_error_sets_retry_after_when_throttled(self) -> None:
        # Arrange
        exc = make_client_error("ThrottlingException")

        # Act
        result = classify_aws_error(exc)

        # Assert
        assert result.retry_after == 60

    @pytest.mark.parametrize(
        "exc",
        [ConnectionError("endpoint unreachable"), FakeClientError({"Other": {}})],
    )
    def test_classify_aws_error_treats_error_without_code_as_transient(
        self, exc: Exception
    ) -> None:
        # Act
        result = classify_aws_error(exc)

        # Assert
        assert (result.status, result.error_code) == (
            OperationStatus.TRANSIENT_ERROR,
            "CONNECTION_ERROR",
        )


class TestClassifyIntegrationError:
    @pytest.mark.parametrize(
        "exc",
        [make_status_error(404), httpx.ReadTimeout("timed out")],
    )
    def test_classify_integration_error_delegates_httpx_error(
        self, exc: Exception
    ) -> None:
        # Act
        result = classify_integration_error(exc)

        # Assert
        assert result == classify_http_error(exc)

    def test_classify_integration_error_delegates_aws_error(self) -> None:
        # Arrange
        exc = make_client_error("AccessDeniedException")

        # Act
        result = classify_integration_error(exc)

        # Assert
        assert result == classify_aws_error(exc)

    @pytest.mark.parametrize(
        ("exc", "status", "error_code"),
        [
            (TimeoutError("slow"), OperationStatus.TRANSIENT_ERROR, "TIMEOUT"),
            (
                ConnectionResetError("reset"),
                OperationStatus.TRANSIENT_ERROR,
                "CONNECTION_ERROR",
            ),
            (
                ValueError("bad payload"),
                OperationStatus.PERMANENT_ERROR,
                "INTEGRATION_ERROR",
            ),
        ],
    )
    def test_classify_integration_error_defaults_by_exception_type(
        self, exc: Exception, status: OperationStatus, error_code: str
    ) -> None:
        # Act
        result = classify_integration_error(exc)

        # Assert
        assert (result.status, result.error_code) == (status, error_code)
