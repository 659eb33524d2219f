"""Every Incident Notes route over HTTP: success, each error mapping, input checks, auth."""

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.operations import OperationResult, OperationStatus
from infrastructure.services import get_current_user, get_settings

pytestmark = pytest.mark.integration

BASE = "/api/v1/incident-notes"
ITEM = f"{BASE}/incident-note-1"

# Every route with a valid request: (method, path, JSON body, success status).
ROUTES = [
    pytest.param(
        "POST",
        BASE,
        {
            "title": "Disk full on db-1",
            "body": "Paged at 03:12, cleaned up old WAL files.",
            "severity": "low",
            "pinned": True,
            "follow_up_on": "2026-03-01",
        },
        201,
        id="create",
    ),
    pytest.param("GET", ITEM, None, 200, id="get"),
    pytest.param("GET", f"{BASE}?limit=10", None, 200, id="list"),
    pytest.param(
        "PATCH",
        ITEM,
        {
            "title": "Disk full on db-2",
            "body": "Moved to the replica.",
            "severity": "medium",
            "pinned": False,
            "follow_up_on": "2026-03-02",
        },
        200,
        id="update",
    ),
    pytest.param("DELETE", ITEM, None, 204, id="delete"),
]

ID_ROUTES = [route for route in ROUTES if route.values[1] == ITEM]

ERRORS = [
    pytest.param(OperationStatus.PERMANENT_ERROR, 400, id="permanent-400"),
    pytest.param(OperationStatus.UNAUTHORIZED, 401, id="unauthorized-401"),
    pytest.param(OperationStatus.NOT_FOUND, 404, id="not-found-404"),
    pytest.param(OperationStatus.TRANSIENT_ERROR, 503, id="transient-503"),
]


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_succeeds(
    client: TestClient, method: str, path: str, body: Any, status: int
) -> None:
    response = client.request(method, path, json=body)

    assert response.status_code == status


def test_delete_answers_without_a_body(client: TestClient) -> None:
    response = client.delete(ITEM)

    assert response.content == b""


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
    fake.answer = OperationResult.error(error, "it failed", error_code="SOME_CODE")

    response = client.request(method, path, json=body)

    assert response.status_code == http_status
    assert response.json() == {
        "detail": {"error_code": "SOME_CODE", "message": "it failed"}
    }


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_sends_retry_after_on_transient_error(
    client: TestClient, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    fake.answer = OperationResult.transient_error(
        "slow down", "RATE_LIMITED", retry_after=42
    )

    response = client.request(method, path, json=body)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "42"


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_never_echoes_a_back_end_exception(
    client: TestClient, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    fake.error = RuntimeError("GET https://api.example.org/?token=s3cr3t failed")

    response = client.request(method, path, json=body)

    # The host's classify_integration_error takes an exception it does not know
    # for a transient INTEGRATION_ERROR: the caller may retry.
    assert response.status_code == 503
    assert response.json()["detail"]["error_code"] == "INTEGRATION_ERROR"
    assert "s3cr3t" not in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_answers_503_while_the_feature_is_off(
    app: FastAPI,
    make_mock_settings: Any,
    fake: Any,
    method: str,
    path: str,
    body: Any,
    status: int,
) -> None:
    switch = "incident_notes.INCIDENT_NOTES_ENABLED"
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
    [
        pytest.param(
            {
                **{
                    "title": "Disk full on db-1",
                    "body": "Paged at 03:12, cleaned up old WAL files.",
                    "severity": "low",
                    "pinned": True,
                    "follow_up_on": "2026-03-01",
                },
                "unexpected": "field",
            },
            id="unknown-field",
        ),
        pytest.param({}, id="nothing"),
        pytest.param(
            {
                **{
                    "title": "Disk full on db-1",
                    "body": "Paged at 03:12, cleaned up old WAL files.",
                    "severity": "low",
                    "pinned": True,
                    "follow_up_on": "2026-03-01",
                },
                "title": "x" * 201,
            },
            id="bad-title",
        ),
        pytest.param(
            {
                **{
                    "title": "Disk full on db-1",
                    "body": "Paged at 03:12, cleaned up old WAL files.",
                    "severity": "low",
                    "pinned": True,
                    "follow_up_on": "2026-03-01",
                },
                "body": "x" * 5001,
            },
            id="bad-body",
        ),
        pytest.param(
            {
                **{
                    "title": "Disk full on db-1",
                    "body": "Paged at 03:12, cleaned up old WAL files.",
                    "severity": "low",
                    "pinned": True,
                    "follow_up_on": "2026-03-01",
                },
                "severity": "nonsense",
            },
            id="bad-severity",
        ),
        pytest.param(
            {
                **{
                    "title": "Disk full on db-1",
                    "body": "Paged at 03:12, cleaned up old WAL files.",
                    "severity": "low",
                    "pinned": True,
                    "follow_up_on": "2026-03-01",
                },
                "pinned": "perhaps",
            },
            id="bad-pinned",
        ),
        pytest.param(
            {
                **{
                    "title": "Disk full on db-1",
                    "body": "Paged at 03:12, cleaned up old WAL files.",
                    "severity": "low",
                    "pinned": True,
                    "follow_up_on": "2026-03-01",
                },
                "follow_up_on": "someday",
            },
            id="bad-follow-up-on",
        ),
    ],
)
def test_create_refuses_a_malformed_body(
    client: TestClient, fake: Any, body: Any
) -> None:
    response = client.post(BASE, json=body)

    assert response.status_code == 422
    assert fake.calls == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"unexpected": "field"}, id="unknown-field"),
        pytest.param({"title": "x" * 201}, id="bad-title"),
        pytest.param({"body": "x" * 5001}, id="bad-body"),
        pytest.param({"severity": "nonsense"}, id="bad-severity"),
        pytest.param({"pinned": "perhaps"}, id="bad-pinned"),
        pytest.param({"follow_up_on": "someday"}, id="bad-follow-up-on"),
    ],
)
def test_update_refuses_a_malformed_body(
    client: TestClient, fake: Any, body: Any
) -> None:
    response = client.patch(ITEM, json=body)

    assert response.status_code == 422
    assert fake.calls == []


@pytest.mark.parametrize(("method", "path", "body", "status"), ID_ROUTES)
@pytest.mark.parametrize("item_id", ["has%20space", "x" * 65, "semi;colon", "%C3%BC"])
def test_route_refuses_a_malformed_id(
    client: TestClient,
    fake: Any,
    method: str,
    path: str,
    body: Any,
    status: int,
    item_id: str,
) -> None:
    response = client.request(method, f"{BASE}/{item_id}", json=body)

    assert response.status_code == 422
    assert fake.calls == []


def test_list_refuses_a_zero_limit(client: TestClient, fake: Any) -> None:
    response = client.get(f"{BASE}?limit=0")

    assert response.status_code == 422
    assert fake.calls == []


def test_list_refuses_to_start_after_something_other_than_an_id(
    client: TestClient, fake: Any
) -> None:
    response = client.get(BASE, params={"before": "not an id!"})

    assert response.status_code == 422
    assert fake.calls == []
