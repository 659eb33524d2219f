"""Configuration of the fake host: the settings aggregator and its slices."""

from infrastructure.configuration.settings import Settings

__all__ = ["Settings"]
