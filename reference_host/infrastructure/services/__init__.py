"""Services shared by every feature: settings, the current user, plugin markers."""

from infrastructure.services.current_user import User, get_current_user
from infrastructure.services.dependencies import CurrentUserDep, SettingsDep
from infrastructure.services.hooks import hookimpl, hookspec
from infrastructure.services.providers import get_settings

__all__ = [
    "CurrentUserDep",
    "SettingsDep",
    "User",
    "get_current_user",
    "get_settings",
    "hookimpl",
    "hookspec",
]
