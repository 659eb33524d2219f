"""Unit tests of HttpEmailDeliveryClient against ``httpx.MockTransport``: requests, status mapping, timeouts, secrets."""

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from structlog.testing import capture_logs

from infrastructure.configuration.integrations.email_delivery import (
    EmailDeliverySettings,
)
from infrastructure.operations import OperationResult, OperationStatus
from integrations.email_delivery import client as client_module
from integrations.email_delivery.client import (
    HttpEmailDeliveryClient,
    classify_response,
    parse_retry_after,
)
from integrations.email_delivery.schemas import Message, MessageDraft
from tests.unit.integrations.email_delivery.conftest import API_KEY

pytestmark = pytest.mark.unit

MakeClient = Callable[..., HttpEmailDeliveryClient]

ITEM = {"id": "item-1", "title": "A title", "details": "Some details"}
PATH = "/v1/messages"


class Recorder:
    """A transport handler that records each request and answers as told."""

    def __init__(
        self,
        status_code: int = 200,
        payload: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.status_code = status_code
        self.payload = payload
        self.headers = headers or {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status_code, json=self.payload, headers=self.headers)

    @property
    def request(self) -> httpx.Request:
        """The one request made."""
        assert len(self.requests) == 1
        return self.requests[0]


def raising(
    error: type[httpx.RequestError],
) -> Callable[[httpx.Request], httpx.Response]:
    """A transport handler that fails every request with ``error``."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise error("simulated", request=request)

    return handler


def call(client: HttpEmailDeliveryClient) -> OperationResult[Any]:
    """Make the client's first call, the one the shared tests below go through."""
    return client.create_message(MessageDraft(title="A title", details="Some details"))


def test_create_posts_the_draft_and_returns_the_created_item(
    make_client: MakeClient,
) -> None:
    recorder = Recorder(201, ITEM)
    client = make_client(recorder)

    result = client.create_message(
        MessageDraft(title="A title", details="Some details")
    )

    assert recorder.request.method == "POST"
    assert recorder.request.url.path == PATH
    assert json.loads(recorder.request.content) == {
        "title": "A title",
        "details": "Some details",
    }
    assert result.unwrap() == Message(**ITEM)


def test_get_fetches_the_item_by_id(make_client: MakeClient) -> None:
    recorder = Recorder(200, ITEM)
    client = make_client(recorder)

    result = client.get_message("item-1")

    assert recorder.request.method == "GET"
    assert recorder.request.url.path == f"{PATH}/item-1"
    assert result.unwrap() == Message(**ITEM)


def test_an_id_cannot_leave_its_path_segment(make_client: MakeClient) -> None:
    recorder = Recorder(200, ITEM)
    client = make_client(recorder)

    client.get_message("../admin?all=1")

    assert recorder.request.url.raw_path == f"{PATH}/..%2Fadmin%3Fall%3D1".encode()


@pytest.mark.parametrize("item_id", ["", ".", "..", "..."])
def test_an_id_that_names_no_single_item_is_refused_without_a_request(
    make_client: MakeClient, item_id: str
) -> None:
    recorder = Recorder(200, ITEM)
    client = make_client(recorder)

    result = client.get_message(item_id)

    assert recorder.requests == []
    assert result.status is OperationStatus.PERMANENT_ERROR
    assert result.error_code == "INVALID_ID"


def test_sends_the_api_key_as_a_bearer_token(make_client: MakeClient) -> None:
    recorder = Recorder(200, ITEM)

    call(make_client(recorder))

    assert recorder.request.headers["Authorization"] == f"Bearer {API_KEY}"


@pytest.mark.parametrize("api_key", [None, ""])
def test_sends_no_authorization_without_an_api_key(
    make_client: MakeClient, api_key: str | None
) -> None:
    recorder = Recorder(200, ITEM)

    call(make_client(recorder, EMAIL_DELIVERY_API_KEY=api_key))

    assert "Authorization" not in recorder.request.headers


def test_every_call_has_the_configured_timeout(make_client: MakeClient) -> None:
    recorder = Recorder(200, ITEM)

    call(make_client(recorder, EMAIL_DELIVERY_TIMEOUT_SECONDS=2.5))

    assert recorder.request.extensions["timeout"] == {
        "connect": 2.5,
        "read": 2.5,
        "write": 2.5,
        "pool": 2.5,
    }


@pytest.mark.parametrize(
    ("status_code", "status", "error_code"),
    [
        (400, OperationStatus.PERMANENT_ERROR, "REJECTED"),
        (401, OperationStatus.UNAUTHORIZED, "UNAUTHORIZED"),
        (403, OperationStatus.PERMANENT_ERROR, "FORBIDDEN"),
        (404, OperationStatus.NOT_FOUND, "NOT_FOUND"),
        (408, OperationStatus.TRANSIENT_ERROR, "UPSTREAM_UNAVAILABLE"),
        (409, OperationStatus.PERMANENT_ERROR, "REJECTED"),
        (422, OperationStatus.PERMANENT_ERROR, "REJECTED"),
        (429, OperationStatus.TRANSIENT_ERROR, "RATE_LIMITED"),
        (500, OperationStatus.TRANSIENT_ERROR, "UPSTREAM_UNAVAILABLE"),
        (502, OperationStatus.TRANSIENT_ERROR, "UPSTREAM_UNAVAILABLE"),
        (503, OperationStatus.TRANSIENT_ERROR, "UPSTREAM_UNAVAILABLE"),
    ],
)
def test_error_status_is_classified(
    make_client: MakeClient, status_code: int, status: OperationStatus, error_code: str
) -> None:
    recorder = Recorder(status_code, {"error": "vendor detail 7f3a"})

    result = call(make_client(recorder))

    assert result.status is status
    assert result.error_code == error_code
    assert result.provider == "email_delivery"
    assert "vendor detail 7f3a" not in result.message


def test_rate_limit_carries_the_retry_after_delay(make_client: MakeClient) -> None:
    recorder = Recorder(429, headers={"Retry-After": "30"})

    result = call(make_client(recorder))

    assert result.error_code == "RATE_LIMITED"
    assert result.retry_after == 30


def test_server_error_carries_retry_after_when_given() -> None:
    response = httpx.Response(503, headers={"Retry-After": "5"})

    result = classify_response(response, "get")

    assert result.status is OperationStatus.TRANSIENT_ERROR
    assert result.retry_after == 5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120),
        ("0", 0),
        (" 7 ", 7),
        ("Fri, 27 Nov 2026 10:00:30 GMT", 30),
        ("Fri, 27 Nov 2026 09:00:00 GMT", 0),
        (None, None),
        ("", None),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        ("99999999999999999999", 3600),
        ("Fri, 27 Nov 2099 10:00:00 GMT", 3600),
    ],
)
def test_parse_retry_after_reads_seconds_or_a_date(
    value: str | None, expected: int | None
) -> None:
    now = datetime(2026, 11, 27, 10, 0, 0, tzinfo=timezone.utc)

    assert parse_retry_after(value, now=now) == expected


@pytest.mark.parametrize(
    ("error", "error_code"),
    [
        (httpx.ReadTimeout, "TIMEOUT"),
        (httpx.ConnectTimeout, "TIMEOUT"),
        (httpx.ConnectError, "CONNECTION_FAILED"),
        (httpx.RemoteProtocolError, "CONNECTION_FAILED"),
    ],
)
def test_transport_failure_is_transient(
    make_client: MakeClient, error: type[httpx.TransportError], error_code: str
) -> None:
    result = call(make_client(raising(error)))

    assert result.status is OperationStatus.TRANSIENT_ERROR
    assert result.error_code == error_code


def test_an_answer_httpx_cannot_read_is_a_permanent_error(
    make_client: MakeClient,
) -> None:
    result = call(make_client(raising(httpx.DecodingError)))

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert result.error_code == "UNREADABLE_RESPONSE"


@pytest.mark.parametrize("payload", [{"unexpected": True}, "not an object"])
def test_unexpected_payload_is_a_permanent_error(
    make_client: MakeClient, payload: Any
) -> None:
    recorder = Recorder(200, payload)
    client = make_client(recorder)

    result = client.create_message(
        MessageDraft(title="A title", details="Some details")
    )

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert result.error_code == "INVALID_RESPONSE"


def test_switched_off_client_makes_no_request(make_client: MakeClient) -> None:
    recorder = Recorder(200)

    result = call(make_client(recorder, EMAIL_DELIVERY_ENABLED=False))

    assert recorder.requests == []
    assert result.error_code == "INTEGRATION_DISABLED"


def test_api_key_never_reaches_a_log_line_a_message_or_a_repr(
    make_client: MakeClient,
) -> None:
    client = make_client(Recorder(401, {"error": f"bad key {API_KEY}"}))

    with capture_logs() as logs:
        result = call(client)

    assert [log["event"] for log in logs] == ["email_delivery_call_failed"]
    assert logs[0]["http_status"] == 401
    assert API_KEY not in repr(logs)
    assert API_KEY not in result.message
    assert repr(client).endswith("(base_url='https://api.example.test/v1/')")


def test_successful_call_is_logged(make_client: MakeClient) -> None:
    recorder = Recorder(200, ITEM)

    with capture_logs() as logs:
        call(make_client(recorder))

    assert [log["event"] for log in logs] == ["email_delivery_call_succeeded"]


@pytest.fixture
def fresh_factory() -> Iterator[None]:
    """Empty the factory's cache around a test, so it builds from that test's settings."""
    client_module.get_email_delivery_client.cache_clear()
    yield
    client_module.get_email_delivery_client.cache_clear()


@pytest.mark.usefixtures("fresh_factory")
def test_factory_builds_one_client_from_the_settings(
    monkeypatch: pytest.MonkeyPatch,
    make_settings: Callable[..., EmailDeliverySettings],
) -> None:
    settings = SimpleNamespace(email_delivery=make_settings())
    monkeypatch.setattr(client_module, "get_settings", lambda: settings)

    first = client_module.get_email_delivery_client()

    assert isinstance(first, HttpEmailDeliveryClient)
    assert client_module.get_email_delivery_client() is first
