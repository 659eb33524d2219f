"""Every Incident Notes route over HTTP: success, each error status, malformed input, callers without a token, the switch."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from infrastructure.operations import OperationResult, OperationStatus
from packages.incident_notes.settings import IncidentNotesSettings
from tests.unit.packages.incident_notes.fakes import CHANGED_JSON, SAMPLE_JSON

pytestmark = pytest.mark.integration

BASE = "/api/v1/incident-notes"
ITEM = f"{BASE}/incident-note-1"

# Every route with a valid request: (method, path, JSON body, success status).
ROUTES = [
    pytest.param("POST", BASE, SAMPLE_JSON, 201, id="create"),
    pytest.param("GET", ITEM, None, 200, id="get"),
    pytest.param("GET", f"{BASE}?limit=10", None, 200, id="list"),
    pytest.param("PATCH", ITEM, CHANGED_JSON, 200, id="update"),
    pytest.param("DELETE", ITEM, None, 204, id="delete"),
]

# Each error status of a result, and the HTTP status that answers it.
ERRORS = [
    pytest.param(OperationStatus.NOT_FOUND, 404, id="not-found"),
    pytest.param(OperationStatus.PERMANENT_ERROR, 400, id="permanent"),
    pytest.param(OperationStatus.TRANSIENT_ERROR, 503, id="transient"),
    pytest.param(OperationStatus.UNAUTHORIZED, 401, id="unauthorized"),
]


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_succeeds(client: TestClient, fake: Any, method: str, path: str, body: Any, status: int) -> None:
    response = client.request(method, path, json=body)

    assert response.status_code == status
    assert len(fake.calls) == 1


def test_create_answers_the_created_incident_note(client: TestClient) -> None:
    response = client.post(BASE, json=SAMPLE_JSON)

    assert response.json() == {"id": "incident-note-1", **SAMPLE_JSON}


def test_get_answers_the_incident_note(client: TestClient) -> None:
    response = client.get(ITEM)

    assert response.json() == {"id": "incident-note-1", **SAMPLE_JSON}


def test_list_answers_a_page(client: TestClient) -> None:
    response = client.get(BASE)

    assert response.json()["count"] == len(response.json()["items"]) == 1


def test_list_refuses_a_page_above_the_maximum(client: TestClient, fake: Any) -> None:
    response = client.get(f"{BASE}?limit=101")

    assert response.status_code == 400
    assert response.json()["detail"]["error_code"] == "INVALID_LIMIT"
    assert fake.calls == []


def test_list_refuses_to_start_after_something_other_than_an_id(client: TestClient, fake: Any) -> None:
    response = client.get(BASE, params={"before": "not an id!"})

    assert response.status_code == 400
    assert response.json()["detail"]["error_code"] == "INVALID_INCIDENT_NOTE_ID"
    assert fake.calls == []


def test_update_refuses_an_empty_change(client: TestClient, fake: Any) -> None:
    response = client.patch(ITEM, json={})

    assert response.status_code == 400
    assert fake.calls == []


def test_delete_answers_no_content(client: TestClient) -> None:
    response = client.delete(ITEM)

    assert response.content == b""


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
@pytest.mark.parametrize(("error", "http_status"), ERRORS)
def test_route_answers_each_error_status(
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
    assert response.json() == {"detail": {"error_code": "SOME_CODE", "message": "it failed"}}


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_answers_403_to_a_caller_without_the_right(
    client: TestClient, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    fake.answer = OperationResult.error(OperationStatus.UNAUTHORIZED, "not allowed", error_code="FORBIDDEN")

    response = client.request(method, path, json=body)

    assert response.status_code == 403
    assert response.json()["detail"]["error_code"] == "FORBIDDEN"


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_sends_retry_after_on_a_transient_error(
    client: TestClient, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    fake.answer = OperationResult.transient_error("slow down", "RATE_LIMITED", retry_after=42)

    response = client.request(method, path, json=body)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "42"


@pytest.mark.parametrize(("method", "path", "body", "status"), [case for case in ROUTES if case.values[3] != 204])
def test_route_answers_500_when_a_success_carries_nothing(
    client: TestClient, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    fake.answer = OperationResult.success(data=None)

    response = client.request(method, path, json=body)

    assert response.status_code == 500


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_answers_503_while_the_feature_is_off(
    client: TestClient,
    settings: IncidentNotesSettings,
    fake: Any,
    method: str,
    path: str,
    body: Any,
    status: int,
) -> None:
    settings.enabled = False

    response = client.request(method, path, json=body)

    assert response.status_code == 503
    assert response.json()["detail"]["error_code"] == "FEATURE_DISABLED"
    assert fake.calls == []


@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_route_refuses_a_caller_without_a_token(
    anonymous_client: TestClient, fake: Any, method: str, path: str, body: Any, status: int
) -> None:
    response = anonymous_client.request(method, path, json=body)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer scope="sre-bot:incident-notes"'
    assert fake.calls == []


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        pytest.param("POST", BASE, {}, id="create-nothing"),
        pytest.param("POST", BASE, {**SAMPLE_JSON, "colour": "red"}, id="create-unknown-field"),
        pytest.param("POST", BASE, {**SAMPLE_JSON, "title": "x" * 201}, id="create-bad-title"),
        pytest.param("POST", BASE, {**SAMPLE_JSON, "body": "x" * 5001}, id="create-bad-body"),
        pytest.param("POST", BASE, {**SAMPLE_JSON, "severity": "nonsense"}, id="create-bad-severity"),
        pytest.param("POST", BASE, {**SAMPLE_JSON, "pinned": "perhaps"}, id="create-bad-pinned"),
        pytest.param("POST", BASE, {**SAMPLE_JSON, "follow_up_on": "someday"}, id="create-bad-follow-up-on"),
        pytest.param("PATCH", ITEM, {"colour": "red"}, id="update-unknown-field"),
        pytest.param("PATCH", ITEM, {"title": "x" * 201}, id="update-bad-title"),
        pytest.param("PATCH", ITEM, {"body": "x" * 5001}, id="update-bad-body"),
        pytest.param("PATCH", ITEM, {"severity": "nonsense"}, id="update-bad-severity"),
        pytest.param("PATCH", ITEM, {"pinned": "perhaps"}, id="update-bad-pinned"),
        pytest.param("PATCH", ITEM, {"follow_up_on": "someday"}, id="update-bad-follow-up-on"),
    ],
)
def test_route_refuses_a_malformed_body(client: TestClient, fake: Any, method: str, path: str, body: Any) -> None:
    response = client.request(method, path, json=body)

    assert response.status_code == 422
    assert fake.calls == []
