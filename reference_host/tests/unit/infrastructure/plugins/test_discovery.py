"""Tests of feature plugin discovery."""

from collections.abc import Callable

import pluggy
import pytest

from infrastructure.plugins import (
    discover_plugins,
    make_plugin_manager,
    register_packages,
)

pytestmark = pytest.mark.unit

ROUTES_HOOK = """
    from fastapi import FastAPI

    from infrastructure.services import hookimpl


    @hookimpl
    def register_routes(app: FastAPI) -> None:
        app.state.mounted = True
"""

MakeFeatureRoot = Callable[[dict[str, str]], str]


class TestMakePluginManager:
    def test_make_plugin_manager_knows_every_feature_hook(self) -> None:
        # Act
        plugin_manager = make_plugin_manager()

        # Assert
        assert (
            plugin_manager.project_name,
            {
                name
                for name in dir(plugin_manager.hook)
                if name.startswith(("register_", "startup_"))
            },
        ) == (
            "sre_bot",
            {
                "register_routes",
                "startup_warmup",
                "register_slack_commands",
                "register_i18n_resources",
            },
        )


class TestDiscoverPlugins:
    def test_discover_plugins_registers_host_modules(self) -> None:
        # Act
        plugin_manager = discover_plugins()

        # Assert
        assert plugin_manager.has_plugin("modules.atip")

    def test_discover_plugins_registers_nested_packages(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root(
            {"access/__init__.py": "", "access/sync/__init__.py": ROUTES_HOOK}
        )

        # Act
        plugin_manager = discover_plugins((root,))

        # Assert
        assert sorted(name for name, _ in plugin_manager.list_name_plugin()) == [
            f"{root}.access",
            f"{root}.access.sync",
        ]

    def test_discover_plugins_does_not_register_plain_modules(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root(
            {"notes/__init__.py": "", "notes/hooks.py": ROUTES_HOOK}
        )

        # Act
        plugin_manager = discover_plugins((root,))

        # Assert
        assert plugin_manager.hook.register_routes.get_hookimpls() == []

    def test_discover_plugins_raises_when_feature_import_fails(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root({"broken/__init__.py": "import no_such_dependency\n"})

        # Act / Assert
        with pytest.raises(ModuleNotFoundError, match="no_such_dependency"):
            discover_plugins((root,))

    def test_discover_plugins_raises_for_hook_without_specification(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root(
            {
                "typo/__init__.py": """
                    from infrastructure.services import hookimpl


                    @hookimpl
                    def register_http_routes(api_router: object) -> None:
                        pass
                """
            }
        )

        # Act / Assert
        with pytest.raises(pluggy.PluginValidationError, match="register_http_routes"):
            discover_plugins((root,))

    def test_discover_plugins_raises_for_hook_argument_not_in_specification(
        self, make_feature_root: MakeFeatureRoot
    ) -> None:
        # Arrange
        root = make_feature_root(
            {
                "renamed/__init__.py": """
                    from infrastructure.services import hookimpl


                    @hookimpl
                    def register_routes(router: object) -> None:
                        pass
                """
            }
        )

        # Act / Assert
        with pytest.raises(pluggy.PluginValidationError, match="router"):
            discover_plugins((root,))


class TestRegisterPackages:
    def test_register_packages_skips_package_already_registered(self) -> None:
        # Arrange
        plugin_manager = make_plugin_manager()
        register_packages(plugin_manager, "modules")
        first = [name for name, _ in plugin_manager.list_name_plugin()]

        # Act
        register_packages(plugin_manager, "modules")

        # Assert
        assert [name for name, _ in plugin_manager.list_name_plugin()] == first
        assert "modules.atip" in first
