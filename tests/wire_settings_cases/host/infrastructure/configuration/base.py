"""Base classes of the settings slices, as in the SRE Bot."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class FeatureSettings(BaseSettings):
    """Settings of one feature, read from the environment."""

    model_config = SettingsConfigDict(
        env_file=".env", case_sensitive=True, extra="ignore"
    )


class IntegrationSettings(BaseSettings):
    """Settings of one integration, read from the environment."""

    model_config = SettingsConfigDict(
        env_file=".env", case_sensitive=True, extra="ignore"
    )
