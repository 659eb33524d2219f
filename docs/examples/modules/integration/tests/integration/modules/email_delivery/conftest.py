"""An app with only the Email Delivery routes, mounted through the endpoint's own hook, on the fake client."""

from collections.abc import Callable, Iterator
from typing import Any
from unittest.mock import MagicMock

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.identity.models import IdentitySource, User
from infrastructure.services import (
    get_current_user,
    get_identity_service,
    get_jwks_manager,
    get_settings,
)
from integrations.email_delivery.schemas import Message
from modules.email_delivery import controllers, register_routes
from tests.fixtures.fake_email_delivery_client import FakeEmailDeliveryClient


@pytest.fixture
def fake() -> FakeEmailDeliveryClient:
    """The fake client behind the routes, holding one item, ``item-1``."""
    return FakeEmailDeliveryClient(items=(Message(id="item-1", title="A title"),))


@pytest.fixture
def caller() -> User:
    """The authenticated caller of every request, as the host's identity service gives it."""
    return User(
        user_id="caller@example.org",
        email="caller@example.org",
        display_name="Test Caller",
        source=IdentitySource.API_JWT,
        platform_id="caller@example.org",
    )


@pytest.fixture
def app(
    make_mock_settings: Callable[..., Any],
    fake: FakeEmailDeliveryClient,
    caller: User,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[FastAPI]:
    """A FastAPI app with the endpoint mounted, on test settings and the fake client."""
    monkeypatch.setattr(controllers, "get_email_delivery_client", lambda: fake)
    switch = "email_delivery.EMAIL_DELIVERY_ENDPOINT_ENABLED"
    app = FastAPI()
    register_routes(app)
    settings = make_mock_settings(**{switch: True})
    app.dependency_overrides[get_settings] = lambda: settings
    # The host's authentication stays real: only its key set and identity store are
    # doubles, so a request without a bearer token meets the host's own 401.
    app.dependency_overrides[get_jwks_manager] = lambda: MagicMock(name="jwks")
    app.dependency_overrides[get_identity_service] = lambda: MagicMock(name="identity")
    app.dependency_overrides[get_current_user] = lambda: caller
    yield app
    app.dependency_overrides.clear()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client of ``app``."""
    with TestClient(app) as client:
        yield client
