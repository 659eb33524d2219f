"""The settings aggregator: one object holding every feature's and integration's slice."""

from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

from infrastructure.configuration.features import AtipSettings
from infrastructure.configuration.integrations import SlackSettings


class Settings(BaseSettings):
    """All settings of the bot, one attribute per slice.

    Nobody builds this class directly: use ``get_settings()`` from
    ``infrastructure.services``.
    """

    model_config = SettingsConfigDict(
        env_file=".env", case_sensitive=True, extra="ignore"
    )

    atip: AtipSettings
    slack: SlackSettings

    def __init__(self, **kwargs: Any) -> None:
        """Instantiate every slice that was not passed in.

        Args:
            **kwargs: Slices to use instead of reading them from the environment.
        """
        settings_map: dict[str, type[BaseSettings]] = {
            "atip": AtipSettings,
            "slack": SlackSettings,
        }
        for name, slice_class in settings_map.items():
            if name not in kwargs:
                kwargs[name] = slice_class()
        super().__init__(**kwargs)
