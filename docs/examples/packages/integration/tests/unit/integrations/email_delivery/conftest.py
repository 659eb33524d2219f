"""Fixtures of the Email Delivery tests: settings from the defaults only, a client on a recorded transport."""

import os
from collections.abc import Callable, Iterator

import httpx
import pytest

from integrations.email_delivery.client import EmailDeliveryClient, get_email_delivery_client
from integrations.email_delivery.settings import EmailDeliverySettings, get_email_delivery_settings

BASE_URL = "https://email-delivery.example.org/v1"


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No .env file, no EMAIL_DELIVERY_* variable of the machine, no client of another test."""
    monkeypatch.setitem(EmailDeliverySettings.model_config, "env_file", None)
    for name in os.environ:
        if name.startswith("EMAIL_DELIVERY_"):
            monkeypatch.delenv(name)
    get_email_delivery_settings.cache_clear()
    get_email_delivery_client.cache_clear()
    yield
    get_email_delivery_settings.cache_clear()
    get_email_delivery_client.cache_clear()


class Recorder:
    """An ``httpx.MockTransport`` handler: it keeps each request and answers with ``response``."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.response = httpx.Response(200, json={})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.response


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(recorder: Recorder) -> EmailDeliveryClient:
    """The client on a transport that records requests instead of sending them."""
    return EmailDeliveryClient(httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(recorder)))


@pytest.fixture
def answer(recorder: Recorder) -> Callable[..., None]:
    """Set what the API answers: ``answer(201, json={...})``."""

    def _answer(status: int, **content: object) -> None:
        recorder.response = httpx.Response(status, **content)  # type: ignore[arg-type]

    return _answer
