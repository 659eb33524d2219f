"""Unit tests of IncidentNotesSettings: environment names, defaults and secrets."""

import pytest
from pydantic import ValidationError

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings

pytestmark = pytest.mark.unit

PRIMARY_PROVIDER = "storage"
TOKEN_VARIABLES = ["INCIDENT_NOTES_GOOGLE_API_TOKEN"]


class TestIncidentNotesSettings:
    def test_defaults_keep_the_feature_off(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("INCIDENT_NOTES_ENABLED", raising=False)

        settings = IncidentNotesSettings(_env_file=None)

        assert settings.INCIDENT_NOTES_ENABLED is False
        assert settings.INCIDENT_NOTES_PRIMARY_PROVIDER == PRIMARY_PROVIDER

    def test_reads_its_environment_variables(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("INCIDENT_NOTES_ENABLED", "true")
        monkeypatch.setenv("INCIDENT_NOTES_TIMEOUT_SECONDS", "2.5")

        settings = IncidentNotesSettings(_env_file=None)

        assert settings.INCIDENT_NOTES_ENABLED is True
        assert settings.INCIDENT_NOTES_TIMEOUT_SECONDS == 2.5

    @pytest.mark.parametrize("timeout", ["0", "-1", "61"])
    def test_rejects_timeout_out_of_range(
        self, monkeypatch: pytest.MonkeyPatch, timeout: str
    ) -> None:
        monkeypatch.setenv("INCIDENT_NOTES_TIMEOUT_SECONDS", timeout)

        with pytest.raises(ValidationError):
            IncidentNotesSettings(_env_file=None)

    @pytest.mark.parametrize("variable", TOKEN_VARIABLES)
    def test_provider_token_is_secret(
        self, monkeypatch: pytest.MonkeyPatch, variable: str
    ) -> None:
        monkeypatch.setenv(variable, "s3cr3t-token")

        settings = IncidentNotesSettings(_env_file=None)

        token = getattr(settings, variable)
        assert token is not None and token.get_secret_value() == "s3cr3t-token"
        assert "s3cr3t-token" not in repr(settings)
