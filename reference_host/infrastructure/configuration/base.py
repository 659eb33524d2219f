"""Base classes of the settings slices.

Every slice reads its own variables from the environment (or ``.env``); each
field names its variable explicitly with ``alias`` and there is no env_prefix.
"""

from pydantic_settings import BaseSettings, SettingsConfigDict


class FeatureSettings(BaseSettings):
    """Base class of a feature's settings slice."""

    model_config = SettingsConfigDict(
        env_file=".env", case_sensitive=True, extra="ignore"
    )


class IntegrationSettings(BaseSettings):
    """Base class of an integration's settings slice."""

    model_config = SettingsConfigDict(
        env_file=".env", case_sensitive=True, extra="ignore"
    )


class InfrastructureSettings(BaseSettings):
    """Base class of an infrastructure component's settings slice."""

    model_config = SettingsConfigDict(
        env_file=".env", case_sensitive=True, extra="ignore"
    )
