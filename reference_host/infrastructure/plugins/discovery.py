"""Discovery of feature plugins: every package under ``packages/`` and ``modules/``."""

import importlib
import pkgutil
from collections.abc import Sequence

import pluggy
import structlog

from infrastructure.plugins import hookspecs
from infrastructure.services.hooks import PROJECT_NAME

PLUGIN_ROOTS: tuple[str, ...] = ("packages", "modules")

logger = structlog.get_logger()


def make_plugin_manager() -> pluggy.PluginManager:
    """Build an empty plugin manager that knows the feature hook specifications.

    Returns:
        A ``PluginManager("sre_bot")`` with the hook specifications added.
    """
    plugin_manager = pluggy.PluginManager(PROJECT_NAME)
    plugin_manager.add_hookspecs(hookspecs)
    return plugin_manager


def discover_plugins(roots: Sequence[str] = PLUGIN_ROOTS) -> pluggy.PluginManager:
    """Import every package under the given roots and register it as a plugin.

    Sub-packages are found recursively. Plain modules are imported only when a
    package imports them: hook implementations belong in a package
    ``__init__.py``. An import error, or a hook implementation that matches no
    specification, is raised.

    Args:
        roots: Top-level packages to scan.

    Returns:
        A plugin manager with every discovered package registered.
    """
    plugin_manager = make_plugin_manager()
    for root in roots:
        register_packages(plugin_manager, root)
    plugin_manager.check_pending()
    logger.info(
        "feature_plugins_discovered", plugin_count=len(plugin_manager.get_plugins())
    )
    return plugin_manager


def register_packages(plugin_manager: pluggy.PluginManager, root: str) -> None:
    """Import every package below ``root`` and register it with the manager.

    Args:
        plugin_manager: The manager to register the packages with.
        root: Name of an importable top-level package, e.g. ``"modules"``.
    """
    root_package = importlib.import_module(root)
    for package_info in pkgutil.walk_packages(root_package.__path__, prefix=f"{root}."):
        if not package_info.ispkg:
            continue
        package = importlib.import_module(package_info.name)
        if plugin_manager.is_registered(package):
            continue
        plugin_manager.register(package, name=package_info.name)
        logger.debug("feature_plugin_registered", plugin=package_info.name)
