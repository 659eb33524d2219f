"""Unit tests of EmailDeliverySettings: the environment's names, the defaults, the ranges, the secret kept out of reprs."""

import pytest
from pydantic import ValidationError

from integrations.email_delivery.settings import EmailDeliverySettings, get_email_delivery_settings

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("variable", "value", "field", "expected"),
    [
        pytest.param("EMAIL_DELIVERY_BASE_URL", "https://api.example.org", "BASE_URL", "https://api.example.org", id="base-url"),
        pytest.param("EMAIL_DELIVERY_TIMEOUT_SECONDS", "2.5", "TIMEOUT_SECONDS", 2.5, id="timeout"),
        pytest.param("EMAIL_DELIVERY_MAX_RETRIES", "0", "MAX_RETRIES", 0, id="retries"),
    ],
)
def test_each_field_is_read_from_its_own_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, field: str, expected: object
) -> None:
    monkeypatch.setenv(variable, value)

    assert getattr(EmailDeliverySettings(), field) == expected


def test_the_defaults_need_only_a_base_url() -> None:
    settings = EmailDeliverySettings()

    assert (settings.BASE_URL, settings.API_TOKEN.get_secret_value(), settings.TIMEOUT_SECONDS, settings.MAX_RETRIES) == (
        "",
        "",
        10.0,
        2,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("EMAIL_DELIVERY_TIMEOUT_SECONDS", "0"),
        ("EMAIL_DELIVERY_TIMEOUT_SECONDS", "61"),
        ("EMAIL_DELIVERY_MAX_RETRIES", "6"),
    ],
)
def test_a_value_out_of_range_is_refused(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(ValidationError):
        EmailDeliverySettings()


def test_the_token_stays_out_of_reprs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMAIL_DELIVERY_API_TOKEN", "s3cret")

    settings = get_email_delivery_settings()

    assert settings.API_TOKEN.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(settings) + str(settings.model_dump())
