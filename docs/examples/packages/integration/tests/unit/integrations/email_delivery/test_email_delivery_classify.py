"""Unit tests of classify_email_delivery_error: each outcome of a call to its status, code and delay; a bug raised again."""

import json

import httpx
import pytest
from pydantic import BaseModel, ValidationError

from infrastructure.operations import OperationStatus
from integrations.email_delivery.client import MAX_RETRY_AFTER, classify_email_delivery_error

pytestmark = pytest.mark.unit


def refused(status: int, headers: dict[str, str] | None = None) -> httpx.HTTPStatusError:
    request = httpx.Request("GET", "https://email-delivery.example.org/v1/messages")
    response = httpx.Response(status, headers=headers, request=request)
    return httpx.HTTPStatusError(f"HTTP {status}", request=request, response=response)


class Payload(BaseModel):
    """A payload the API might answer with."""

    id: str


def invalid_payload() -> ValidationError:
    try:
        Payload.model_validate({"unexpected": True})
    except ValidationError as error:
        return error
    raise AssertionError("the payload was accepted")


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        pytest.param(refused(429, {"Retry-After": "30"}), (OperationStatus.TRANSIENT_ERROR, "RATE_LIMITED", 30), id="429"),
        pytest.param(
            refused(429, {"Retry-After": "86400"}),
            (OperationStatus.TRANSIENT_ERROR, "RATE_LIMITED", MAX_RETRY_AFTER),
            id="429-capped",
        ),
        pytest.param(
            refused(429, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
            (OperationStatus.TRANSIENT_ERROR, "RATE_LIMITED", None),
            id="429-date",
        ),
        pytest.param(refused(401), (OperationStatus.UNAUTHORIZED, "HTTP_401", None), id="401"),
        pytest.param(refused(403), (OperationStatus.UNAUTHORIZED, "HTTP_403", None), id="403"),
        pytest.param(refused(404), (OperationStatus.NOT_FOUND, "NOT_FOUND", None), id="404"),
        pytest.param(refused(409), (OperationStatus.PERMANENT_ERROR, "HTTP_409", None), id="409"),
        pytest.param(refused(503, {"Retry-After": "5"}), (OperationStatus.TRANSIENT_ERROR, "HTTP_503", 5), id="503"),
        pytest.param(httpx.ReadTimeout("slow"), (OperationStatus.TRANSIENT_ERROR, "TIMEOUT", None), id="timeout"),
        pytest.param(httpx.ConnectError("refused"), (OperationStatus.TRANSIENT_ERROR, "UNREACHABLE", None), id="unreachable"),
        pytest.param(invalid_payload(), (OperationStatus.PERMANENT_ERROR, "UNEXPECTED_PAYLOAD", None), id="bad-payload"),
        pytest.param(
            json.JSONDecodeError("no JSON", "<html>", 0),
            (OperationStatus.PERMANENT_ERROR, "UNEXPECTED_PAYLOAD", None),
            id="not-json",
        ),
    ],
)
def test_each_outcome_of_a_call_is_classified(exc: Exception, expected: tuple[OperationStatus, str | None, int | None]) -> None:
    assert classify_email_delivery_error(exc) == expected


def test_a_bug_is_raised_again() -> None:
    bug = KeyError("items")

    with pytest.raises(KeyError) as raised:
        classify_email_delivery_error(bug)

    assert raised.value is bug
