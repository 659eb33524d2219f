"""An app with only the Email Delivery routes, mounted through the endpoint's own hook, on the fake client."""

from collections.abc import Callable, Iterator
from typing import Any, get_args
from unittest.mock import MagicMock

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.services import CurrentUserDep, get_settings
from integrations.email_delivery.schemas import Message
from modules.email_delivery import controllers, register_routes
from tests.fixtures.fake_email_delivery_client import FakeEmailDeliveryClient


@pytest.fixture
def fake() -> FakeEmailDeliveryClient:
    """The fake client behind the routes, holding one item, ``item-1``."""
    return FakeEmailDeliveryClient(items=(Message(id="item-1", title="A title"),))


@pytest.fixture
def app(
    make_mock_settings: Callable[..., Any],
    fake: FakeEmailDeliveryClient,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[FastAPI]:
    """A FastAPI app with the endpoint mounted, on test settings and the fake client."""
    monkeypatch.setattr(controllers, "get_email_delivery_client", lambda: fake)
    app = FastAPI()
    register_routes(app)
    switch = "email_delivery.EMAIL_DELIVERY_ENDPOINT_ENABLED"
    settings = make_mock_settings(**{switch: True})
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[current_user_dependency()] = lambda: MagicMock(
        name="current_user"
    )
    yield app
    app.dependency_overrides.clear()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client of ``app``."""
    with TestClient(app) as client:
        yield client


def current_user_dependency() -> Callable[..., Any]:
    """The callable behind the host's ``CurrentUserDep``, to override in tests."""
    return get_args(CurrentUserDep)[1].dependency  # type: ignore[no-any-return]
