"""The "packages" generation of SRE Bot (the main branch since summer 2026): features under ``packages/``.

Facts every kind of this generation shares, from the host's records marked "applies:
now" (``decisions/feature-packages.md``, ``plugins.md``, ``migration.md``) and its shipped
packages: each settings slice lives next to its code with its own cached getter, no host
file is edited, the host's CI runs under Python 3.14 with uv, ruff and mypy.
"""

from __future__ import annotations

from typing import ClassVar

from ...plan import (
    INDENTED_IMPORT,
    Risk,
    Rule,
    TaskList,
    absent,
    contains,
    exists,
    no_line,
)
from .. import Feature


class PackagesFeature(Feature):
    """A feature of the packages generation."""

    generation = "packages"
    # Where the kind's own package lives, under the application root.
    root: ClassVar[str]
    # The host's workflow's make targets: the checks of the code, then the tests.
    ci_targets = (
        "lint-ci fmt-ci check-deprecated-client-imports check-sdk-typing",
        "test",
    )
    python_command = "uv run python"

    @property
    def package(self) -> str:
        return f"{self.root}/{self.names.module}"

    @property
    def import_path(self) -> str:
        """The feature's package as Python imports it."""
        return self.package.replace("/", ".")

    @property
    def settings_file(self) -> str:
        return f"{self.package}/settings.py"

    @property
    def settings_getter(self) -> str:
        return f"get_{self.names.module}_settings"

    @property
    def settings_reach(self) -> str:
        return f"read once per process through its cached getter `{self.settings_getter}()`"

    @property
    def unit_tests(self) -> str:
        return f"tests/unit/{self.package}"

    @property
    def route_tests(self) -> str:
        return f"tests/integration/{self.package}"

    @property
    def package_roots(self) -> tuple[str, ...]:
        return ("packages", "integrations")

    def test_file(self, folder: str, thing: str) -> str:
        """A test file, named as the host names them: ``test_<feature>_<thing>.py``."""
        return f"{folder}/test_{self.names.module}_{thing}.py"

    @property
    def plan_test(self) -> str:
        return self.test_file(self.unit_tests, "plan")

    slack_folder = "interactions"

    @property
    def slack_test(self) -> str:
        return self.test_file(self.unit_tests, "slack")

    @property
    def owner_mark(self) -> str:
        """What the settings file holds when the slice owns the ``<MODULE>_*`` variables."""
        return f'env_prefix="{self.names.upper}_"'

    def add_settings_task(self, tasks: TaskList) -> None:
        """T101: the settings slice and its getter, next to the code it configures."""
        tasks.add(
            101,
            f"Settings slice `{self.names.settings_class}` and its cached getter `{self.settings_getter}()`,"
            f" every variable named `{self.names.upper}_*`",
            [self.settings_file],
            1,
            True,
            [contains(self.settings_file, self.owner_mark)],
        )

    def house_rules(self) -> list[Rule]:
        """The host's rules every package of this generation keeps the same way."""
        package = self.package
        own = self.names.module
        return [
            Rule(
                "Features never import other features",
                no_line(package, rf"^(from|import) packages\.(?!{own}\b)"),
            ),
            Rule(
                f"One owner per environment variable: every variable of the slice is `{self.names.upper}_*`",
                contains(self.settings_file, self.owner_mark),
            ),
            Rule(
                "No new dependent of the frozen `modules/`",
                no_line(package, r"^(from|import) modules\b"),
            ),
            Rule(
                "Top-level imports only, but the Slack provider's, for typing only under"
                " `if TYPE_CHECKING:`",
                no_line(package, INDENTED_IMPORT),
            ),
            Rule(
                "No client of the deprecated `infrastructure.clients`",
                absent(package, "infrastructure.clients"),
            ),
        ]

    def contained_risk(self, title: str) -> Risk:
        """The risk every new package carries for the host, and why it stays low."""
        return Risk(
            title,
            "Low",
            "It lives in its own package, edits no host file, and ships switched off "
            f"(`{self.names.env('ENABLED')}=false`)",
        )

    def readme_task(self, tasks: TaskList) -> None:
        """T303: the package's README, as the host's packages have one."""
        readme = f"{self.package}/README.md"
        tasks.add(
            303,
            "Feature documentation for operators: what it does, its settings, its log events",
            [],
            1,
            False,
            [exists(readme)],
            new_files=(readme,),
        )

    def phase_commands(self, phase: int) -> list[str]:
        """The host's CI targets (``app/Makefile``, as its workflow runs them), and what they leave out.

        The host's mypy checks untyped code loosely and never fails the build, so the
        feature's code is checked on its own with ``--strict``; its tests run with
        coverage on the feature's files alone.
        """
        types = "uv run mypy --strict --follow-imports=silent " + " ".join(
            self.source_paths
        )
        if phase == 1:
            first = " ".join(self.first_tests)
            return [f"make {self.ci_targets[0]}", types, f"uv run pytest {first}"]
        if phase == 2:
            return [
                f"make {self.ci_targets[0]}",
                types,
                f"uv run coverage run -m pytest {' '.join(self.test_dirs)}",
                f"uv run coverage report -m --fail-under=90 {' '.join(self.coverage_files)}",
            ]
        return [
            f"make {' '.join(self.ci_targets)}",
            f"{self.python_command} {self.plan_test}  # every ticked box holds",
        ]

    @property
    def first_tests(self) -> list[str]:
        """The tests a phase-1 change runs first."""
        return [self.test_file(self.unit_tests, "settings")]


# The kinds of this generation register themselves on import.
from . import integration, module  # noqa: E402, F401
