"""Pluggy markers of the ``sre_bot`` project."""

import pluggy

PROJECT_NAME = "sre_bot"

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
