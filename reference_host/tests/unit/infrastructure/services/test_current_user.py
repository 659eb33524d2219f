"""Tests of the current-user dependency."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from infrastructure.services import CurrentUserDep

pytestmark = pytest.mark.unit


@pytest.fixture
def client() -> TestClient:
    """Return a client of an app with one route that needs the current user."""
    app = FastAPI()

    @app.get("/whoami")
    def whoami(current_user: CurrentUserDep) -> dict[str, str]:
        return {"email": current_user.email}

    return TestClient(app)


class TestGetCurrentUser:
    def test_get_current_user_rejects_request_without_token(
        self, client: TestClient
    ) -> None:
        # Act
        response = client.get("/whoami")

        # Assert
        assert (
            response.status_code,
            response.headers["WWW-Authenticate"],
            response.json(),
        ) == (401, "Bearer", {"detail": "Not authenticated"})

    def test_get_current_user_rejects_non_bearer_scheme(
        self, client: TestClient
    ) -> None:
        # Act
        response = client.get("/whoami", headers={"Authorization": "Basic dXNlcg=="})

        # Assert
        assert response.status_code == 401

    @pytest.mark.parametrize(
        ("token", "email"),
        [
            ("alice@example.com", "alice@example.com"),
            ("opaque-token", "token-holder@example.com"),
        ],
    )
    def test_get_current_user_returns_user_for_bearer_token(
        self, client: TestClient, token: str, email: str
    ) -> None:
        # Act
        response = client.get("/whoami", headers={"Authorization": f"Bearer {token}"})

        # Assert
        assert (response.status_code, response.json()) == (200, {"email": email})
