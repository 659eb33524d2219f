"""Unit tests of EmailDeliverySettings: environment names, defaults, the address rule and the secret key."""

import pytest
from pydantic import ValidationError

from infrastructure.configuration.integrations.email_delivery import (
    EmailDeliverySettings,
)

pytestmark = pytest.mark.unit

VARIABLES = [
    "EMAIL_DELIVERY_ENABLED",
    "EMAIL_DELIVERY_BASE_URL",
    "EMAIL_DELIVERY_API_KEY",
    "EMAIL_DELIVERY_TIMEOUT_SECONDS",
    "EMAIL_DELIVERY_ENDPOINT_ENABLED",
]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each test without the integration's variables from the outside."""
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)


class TestEmailDeliverySettings:
    def test_defaults_keep_the_integration_off(self) -> None:
        settings = EmailDeliverySettings(_env_file=None)

        assert settings.EMAIL_DELIVERY_ENABLED is False
        assert settings.EMAIL_DELIVERY_BASE_URL == ""
        assert settings.EMAIL_DELIVERY_API_KEY is None
        assert settings.EMAIL_DELIVERY_TIMEOUT_SECONDS == 10.0
        assert settings.EMAIL_DELIVERY_ENDPOINT_ENABLED is False

    def test_reads_its_environment_variables(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("EMAIL_DELIVERY_ENABLED", "true")
        monkeypatch.setenv("EMAIL_DELIVERY_BASE_URL", "https://api.test")
        monkeypatch.setenv("EMAIL_DELIVERY_TIMEOUT_SECONDS", "2.5")

        settings = EmailDeliverySettings(_env_file=None)

        assert settings.EMAIL_DELIVERY_ENABLED is True
        assert settings.EMAIL_DELIVERY_BASE_URL == "https://api.test"
        assert settings.EMAIL_DELIVERY_TIMEOUT_SECONDS == 2.5

    @pytest.mark.parametrize("base_url", ["", "http://api.test", "api.test"])
    def test_refuses_to_enable_without_an_https_address(
        self, monkeypatch: pytest.MonkeyPatch, base_url: str
    ) -> None:
        monkeypatch.setenv("EMAIL_DELIVERY_ENABLED", "true")
        monkeypatch.setenv("EMAIL_DELIVERY_BASE_URL", base_url)

        with pytest.raises(ValidationError, match="EMAIL_DELIVERY_BASE_URL"):
            EmailDeliverySettings(_env_file=None)

    @pytest.mark.parametrize("timeout", ["0", "-1", "61"])
    def test_rejects_timeout_out_of_range(
        self, monkeypatch: pytest.MonkeyPatch, timeout: str
    ) -> None:
        monkeypatch.setenv("EMAIL_DELIVERY_TIMEOUT_SECONDS", timeout)

        with pytest.raises(ValidationError):
            EmailDeliverySettings(_env_file=None)

    def test_api_key_is_secret(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("EMAIL_DELIVERY_API_KEY", "s3cr3t-key")

        settings = EmailDeliverySettings(_env_file=None)

        key = settings.EMAIL_DELIVERY_API_KEY
        assert key is not None and key.get_secret_value() == "s3cr3t-key"
        assert "s3cr3t-key" not in repr(settings)
