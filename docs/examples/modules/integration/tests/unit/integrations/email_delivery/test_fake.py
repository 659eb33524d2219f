"""The fake client stays a faithful stand-in: the protocol's methods, signatures and behaviour."""

import inspect

import pytest

from infrastructure.operations import OperationResult, OperationStatus
from integrations.email_delivery.client import HttpEmailDeliveryClient
from integrations.email_delivery.protocol import EmailDeliveryClient
from integrations.email_delivery.schemas import Message, MessageDraft
from tests.fixtures.fake_email_delivery_client import FakeEmailDeliveryClient

pytestmark = pytest.mark.unit

PROTOCOL_METHODS = sorted(
    name
    for name, member in vars(EmailDeliveryClient).items()
    if inspect.isfunction(member) and not name.startswith("_")
)


@pytest.mark.parametrize(
    "implementation", [FakeEmailDeliveryClient, HttpEmailDeliveryClient]
)
@pytest.mark.parametrize("method", PROTOCOL_METHODS)
def test_implements_the_protocol_method_with_its_signature(
    implementation: type, method: str
) -> None:
    expected = inspect.signature(getattr(EmailDeliveryClient, method))

    assert inspect.signature(getattr(implementation, method)) == expected


def test_protocol_lists_every_operation() -> None:
    assert PROTOCOL_METHODS == ["create_message", "get_message"]


def test_answers_from_the_items_it_holds() -> None:
    item = Message(id="item-1", title="A title")
    fake = FakeEmailDeliveryClient(items=(item,))

    result = fake.get_message("item-1")

    assert result.unwrap() == item
    assert fake.calls == ["get_message"]


def test_create_keeps_each_new_item_under_its_own_id() -> None:
    fake = FakeEmailDeliveryClient()

    first = fake.create_message(MessageDraft(title="A title", details="Some details"))
    second = fake.create_message(MessageDraft(title="A title", details="Some details"))

    assert first.unwrap().id != second.unwrap().id
    assert sorted(fake.items) == sorted([first.unwrap().id, second.unwrap().id])


def test_returns_the_failure_it_is_given() -> None:
    fake = FakeEmailDeliveryClient()
    fake.failure = OperationResult.error(
        OperationStatus.TRANSIENT_ERROR,
        "down",
        error_code="RATE_LIMITED",
        retry_after=3,
    )

    result = fake.create_message(MessageDraft(title="A title", details="Some details"))

    assert result is fake.failure


def test_an_unknown_id_is_not_found() -> None:
    fake = FakeEmailDeliveryClient()

    result = fake.get_message("item-1")

    assert result.status is OperationStatus.NOT_FOUND
