"""Factories for the Email Delivery client tests: its settings, and a client on a fake transport."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from infrastructure.configuration.integrations.email_delivery import (
    EmailDeliverySettings,
)
from integrations.email_delivery.client import HttpEmailDeliveryClient

BASE_URL = "https://api.example.test/v1"
API_KEY = "test-key-0d6f1c2b9a"

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def make_settings() -> Callable[..., EmailDeliverySettings]:
    """Build the settings slice: enabled, with an address and a key; overrides by env name."""

    def _make(**overrides: Any) -> EmailDeliverySettings:
        values: dict[str, Any] = {
            "EMAIL_DELIVERY_ENABLED": True,
            "EMAIL_DELIVERY_BASE_URL": BASE_URL,
            "EMAIL_DELIVERY_API_KEY": API_KEY,
        }
        values.update(overrides)
        return EmailDeliverySettings(_env_file=None, **values)

    return _make


@pytest.fixture
def make_client(
    make_settings: Callable[..., EmailDeliverySettings],
) -> Callable[..., HttpEmailDeliveryClient]:
    """Build a client whose requests reach ``handler`` instead of the network."""

    def _make(handler: Handler, **overrides: Any) -> HttpEmailDeliveryClient:
        transport = httpx.MockTransport(handler)
        return HttpEmailDeliveryClient(make_settings(**overrides), transport=transport)

    return _make
