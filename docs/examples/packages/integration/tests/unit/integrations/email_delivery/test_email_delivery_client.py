"""Unit tests of EmailDeliveryClient: the requests it sends, what it reads back, what it raises."""

import json
from collections.abc import Callable

import httpx
import pytest

from integrations.email_delivery.client import EmailDeliveryClient, get_email_delivery_client
from integrations.email_delivery.schemas import Message, MessageDraft
from tests.unit.integrations.email_delivery.conftest import Recorder

pytestmark = pytest.mark.unit

PAYLOAD = {"id": "message-1", "title": "Disk full on db-1", "details": "Paged at 03:12."}


def test_create_message_sends_its_request_and_reads_the_answer(
    client: EmailDeliveryClient, recorder: Recorder, answer: Callable[..., None]
) -> None:
    answer(201, json=PAYLOAD)

    created = client.create_message(MessageDraft(title="Disk full on db-1", details="Paged at 03:12."))

    assert created == Message.model_validate(PAYLOAD)
    assert (recorder.requests[0].method, recorder.requests[0].url.path) == ("POST", "/v1/messages")
    assert json.loads(recorder.requests[0].content) == {"title": "Disk full on db-1", "details": "Paged at 03:12."}


def test_get_message_sends_its_request_and_reads_the_answer(
    client: EmailDeliveryClient, recorder: Recorder, answer: Callable[..., None]
) -> None:
    answer(200, json=PAYLOAD)

    found = client.get_message("message-1")

    assert found == Message.model_validate(PAYLOAD)
    assert (recorder.requests[0].method, recorder.requests[0].url.path) == ("GET", "/v1/messages/message-1")


def test_an_id_is_escaped_in_the_path(client: EmailDeliveryClient, recorder: Recorder, answer: Callable[..., None]) -> None:
    answer(200, json=PAYLOAD)

    client.get_message("a/b?c")

    assert recorder.requests[0].url.raw_path.endswith(b"/a%2Fb%3Fc")


def test_a_refusal_raises_the_api_status(client: EmailDeliveryClient, answer: Callable[..., None]) -> None:
    answer(403, json={"error": "forbidden"})

    with pytest.raises(httpx.HTTPStatusError) as raised:
        client.create_message(MessageDraft(title="Disk full"))

    assert raised.value.response.status_code == 403


def test_the_factory_needs_a_base_url() -> None:
    with pytest.raises(ValueError, match="EMAIL_DELIVERY_BASE_URL"):
        get_email_delivery_client()


def test_the_factory_builds_one_authenticated_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMAIL_DELIVERY_BASE_URL", "https://email-delivery.example.org/v1")
    monkeypatch.setenv("EMAIL_DELIVERY_API_TOKEN", "s3cret")

    client = get_email_delivery_client()

    assert get_email_delivery_client() is client
    assert client._http.headers["Authorization"] == "Bearer s3cret"
    assert client._http.timeout == httpx.Timeout(10.0)
