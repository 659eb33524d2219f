"""Annotated dependencies for FastAPI routes."""

from typing import Annotated

from fastapi import Depends, Security

from infrastructure.configuration import Settings
from infrastructure.services.current_user import User, get_current_user
from infrastructure.services.providers import get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]
CurrentUserDep = Annotated[User, Security(get_current_user)]
