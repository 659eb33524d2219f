"""Every Email Delivery route over HTTP, on the fake client: success, each error mapping, input checks, auth."""

from typing import Any
from unittest.mock import MagicMock

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.operations import OperationResult, OperationStatus
from infrastructure.services import get_current_user, get_settings
from modules.email_delivery import startup_warmup

pytestmark = pytest.mark.integration

BASE = "/api/v1/email-delivery"
ITEM = f"{BASE}/item-1"

# Every route with a valid request: (method, path, JSON body, success status).
ROUTES = [
    pytest.param(
        "POST",
        BASE,
        {
            "title": "Disk full on db-1",
            "details": "Paged at 03:12, cleaned up old WAL files.",
        },
        201,
        id="create",
    ),
    pytest.param("GET", ITEM, None, 200, id="get"),
]

ERRORS = [
    pytest.param(OperationStatus.NOT_FOUND, 404, id="not-found-404"),
    pytest.param(OperationStatus.TRANSIENT_ERROR, 503, id="transient-503"),
    pytest.param(OperationStatus.PERMANENT_ERROR, 502, id="permanent-502"),
    pytest.param(OperationStatus.UNAUTHORIZED, 502, id="unauthorized-502"),
]


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_succeeds(
    client: TestClient, method: str, path: str, body: Any, status: int
) -> None:
    response = client.request(method, path, json=body)

    assert response.status_code == status


def test_get_answers_with_the_item(client: TestClient) -> None:
    response = client.get(ITEM)

    assert response.json() == {"id": "item-1", "title": "A title", "details": ""}


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
@pytest.mark.parametrize(("error", "http_status"), ERRORS)
def test_route_maps_each_error(
    client: TestClient,
    fake: Any,
    method: str,
    path: str,
    body: Any,
    status: int,
    error: OperationStatus,
    http_status: int,
) -> None:
    fake.failure = OperationResult.error(error, "it failed", error_code="SOME_CODE")

    response = client.request(method, path, json=body)

    assert response.status_code == http_status
    assert response.json() == {
        "detail": {"error_code": "SOME_CODE", "message": "it failed"}
    }


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_sends_retry_after_on_transient_error(
    client: TestClient, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    fake.failure = OperationResult.transient_error(
        "slow down", "RATE_LIMITED", retry_after=42
    )

    response = client.request(method, path, json=body)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "42"


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_answers_503_while_the_endpoint_is_off(
    app: FastAPI,
    make_mock_settings: Any,
    fake: Any,
    method: str,
    path: str,
    body: Any,
    status: int,
) -> None:
    switch = "email_delivery.EMAIL_DELIVERY_ENDPOINT_ENABLED"
    settings = make_mock_settings(**{switch: False})
    app.dependency_overrides[get_settings] = lambda: settings

    with TestClient(app) as client:
        response = client.request(method, path, json=body)

    assert response.status_code == 503
    assert fake.calls == []


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_refuses_an_anonymous_caller(
    app: FastAPI, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    del app.dependency_overrides[get_current_user]

    with TestClient(app) as client:
        response = client.request(method, path, json=body)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert fake.calls == []


@pytest.mark.parametrize(
    "body",
    [{"title": "t", "unexpected": "field"}, {}],
    ids=["unknown-field", "no-title"],
)
def test_create_refuses_a_malformed_body(
    client: TestClient, fake: Any, body: Any
) -> None:
    response = client.post(BASE, json=body)

    assert response.status_code == 422
    assert fake.calls == []


@pytest.mark.parametrize("item_id", ["...", "%2E%2E"])
def test_route_refuses_an_id_that_names_no_single_item(
    client: TestClient, fake: Any, item_id: str
) -> None:
    method, body = "GET", None

    response = client.request(method, f"{BASE}/{item_id}", json=body)

    assert response.status_code == 422
    assert fake.calls == []


@pytest.mark.parametrize(("switch", "event"), [(False, "disabled"), (True, "ready")])
def test_startup_warmup_loads_the_settings_and_says_whether_it_serves(
    monkeypatch: pytest.MonkeyPatch,
    make_mock_settings: Any,
    switch: bool,
    event: str,
) -> None:
    name = "email_delivery.EMAIL_DELIVERY_ENDPOINT_ENABLED"
    settings = make_mock_settings(**{name: switch})
    monkeypatch.setattr("modules.email_delivery.get_settings", lambda: settings)
    logger = MagicMock()

    startup_warmup(logger)

    logger.info.assert_called_once()
    assert logger.info.call_args.args == ("email_delivery_endpoint_" + event,)
