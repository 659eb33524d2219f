"""Settings slices of the integrations, one module each."""

from infrastructure.configuration.integrations.slack import SlackSettings

__all__ = [
    "SlackSettings",
]
