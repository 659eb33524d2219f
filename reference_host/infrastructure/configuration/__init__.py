"""Settings of the bot: the ``Settings`` aggregator and the base classes of its slices."""

from infrastructure.configuration.base import (
    FeatureSettings,
    InfrastructureSettings,
    IntegrationSettings,
)
from infrastructure.configuration.settings import Settings

__all__ = [
    "FeatureSettings",
    "InfrastructureSettings",
    "IntegrationSettings",
    "Settings",
]
