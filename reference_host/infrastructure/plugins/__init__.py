"""Feature plugins: the hook specifications and the discovery of feature packages."""

from infrastructure.plugins.discovery import (
    PLUGIN_ROOTS,
    discover_plugins,
    make_plugin_manager,
    register_packages,
)

__all__ = [
    "PLUGIN_ROOTS",
    "discover_plugins",
    "make_plugin_manager",
    "register_packages",
]
