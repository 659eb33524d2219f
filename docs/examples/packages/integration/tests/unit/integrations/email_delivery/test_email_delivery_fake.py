"""The fake keeps the client's calls, with their signatures, and raises as the API does."""

import inspect

import httpx
import pytest

from infrastructure.operations import OperationStatus
from integrations.email_delivery.client import EmailDeliveryClient, classify_email_delivery_error
from integrations.email_delivery.schemas import Message, MessageDraft
from tests.unit.integrations.email_delivery.fakes import FakeEmailDeliveryClient

pytestmark = pytest.mark.unit

CALLS = ["create_message", "get_message"]


@pytest.mark.parametrize("call", CALLS)
def test_the_fake_has_each_call_of_the_client(call: str) -> None:
    assert inspect.signature(getattr(FakeEmailDeliveryClient, call)) == inspect.signature(getattr(EmailDeliveryClient, call))


def test_the_fake_has_no_call_the_client_lacks() -> None:
    public = {name for name in vars(FakeEmailDeliveryClient) if not name.startswith("_")}

    assert public == set(CALLS)


def test_the_fake_keeps_what_is_created() -> None:
    fake = FakeEmailDeliveryClient()

    created = fake.create_message(MessageDraft(title="Disk full"))

    assert fake.messages[created.id] == created


def test_the_fake_raises_a_404_for_an_unknown_id() -> None:
    fake = FakeEmailDeliveryClient()

    with pytest.raises(httpx.HTTPStatusError) as raised:
        fake.get_message("missing")

    assert classify_email_delivery_error(raised.value)[0] is OperationStatus.NOT_FOUND


def test_the_fake_finds_a_stored_message() -> None:
    fake = FakeEmailDeliveryClient()
    stored = Message(id="message-1", title="Disk full")
    fake.messages[stored.id] = stored

    assert fake.get_message(stored.id) == stored


def test_a_set_error_is_raised_by_every_call() -> None:
    fake = FakeEmailDeliveryClient()
    fake.error = httpx.ConnectError("down")

    with pytest.raises(httpx.ConnectError):
        fake.create_message(MessageDraft(title="Disk full"))
