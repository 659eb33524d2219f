"""Tests of the Settings aggregator and its slices."""

import pytest
from pydantic_settings import BaseSettings

from infrastructure.configuration import Settings
from infrastructure.configuration.features import AtipSettings
from infrastructure.configuration.integrations import SlackSettings

pytestmark = pytest.mark.unit

SLICE_CLASSES: list[type[BaseSettings]] = [AtipSettings, SlackSettings]


class TestSettings:
    def test_settings_instantiates_missing_slices_from_environment(self) -> None:
        # Act
        settings = Settings()

        # Assert
        assert settings.atip.ATIP_ANNOUNCE_CHANNEL == "C-TEST"

    def test_settings_keeps_slice_passed_in(self) -> None:
        # Arrange
        atip = AtipSettings(ATIP_ANNOUNCE_CHANNEL="C1")

        # Act
        settings = Settings(atip=atip)

        # Assert
        assert (settings.atip is atip, isinstance(settings.slack, SlackSettings)) == (
            True,
            True,
        )

    def test_settings_reads_variable_changed_in_environment(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Arrange
        monkeypatch.setenv("ATIP_ANNOUNCE_CHANNEL", "C-OTHER")

        # Act
        settings = Settings()

        # Assert
        assert settings.atip.ATIP_ANNOUNCE_CHANNEL == "C-OTHER"

    def test_settings_declares_one_attribute_per_slice(self) -> None:
        # Act
        slices = {
            name: field.annotation for name, field in Settings.model_fields.items()
        }

        # Assert: the host's own slices, plus whatever features were added.
        assert slices.items() >= {"atip": AtipSettings, "slack": SlackSettings}.items()


class TestSlices:
    @pytest.mark.parametrize("slice_class", SLICE_CLASSES)
    def test_fields_name_their_environment_variable_exactly(
        self, slice_class: type[BaseSettings]
    ) -> None:
        # Act
        aliases = {
            name: field.alias for name, field in slice_class.model_fields.items()
        }

        # Assert
        assert aliases == {name: name for name in slice_class.model_fields}

    @pytest.mark.parametrize("slice_class", SLICE_CLASSES)
    def test_slices_have_no_env_prefix(self, slice_class: type[BaseSettings]) -> None:
        # Act
        env_prefix = slice_class.model_config.get("env_prefix", "")

        # Assert
        assert env_prefix == ""

    def test_slack_token_is_hidden_in_repr(self) -> None:
        # Act
        slack = SlackSettings()

        # Assert
        assert "xoxb-test-token" not in repr(slack)

    def test_slack_token_defaults_to_none_when_unset(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Arrange
        monkeypatch.delenv("SLACK_TOKEN", raising=False)

        # Act
        slack = SlackSettings()

        # Assert
        assert slack.SLACK_TOKEN is None
