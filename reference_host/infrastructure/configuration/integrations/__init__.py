"""Integration settings slices, one module per integration."""

from infrastructure.configuration.integrations.slack import SlackSettings

__all__ = [
    "SlackSettings",
]
