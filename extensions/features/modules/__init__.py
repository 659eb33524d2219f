"""The "modules" generation of SRE Bot (spring 2026): features under ``modules/``, one ``Settings`` aggregator.

Facts every kind of this generation shares: where settings slices live and how they are
wired into the aggregator, the host's CI commands, the plan's settings and rollout tasks.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import ClassVar

from ...operations import Operation, Param
from ...plan import (
    INDENTED_IMPORT,
    ApiRow,
    Risk,
    Rule,
    StrategyRow,
    TaskList,
    absent,
    contains,
    exists,
    no_line,
)
from .. import Feature

# What every route handler takes besides its request: the host's settings, which it
# hands to the feature's service (or client) getter, and with auth the caller.
SETTINGS = Param(name="settings", type="SettingsDep", doc="The host's settings.")
CALLER = Param(
    name="current_user",
    type="CurrentUserDep",
    doc="The authenticated caller; anonymous requests never get here.",
)


class ModulesFeature(Feature):
    """A feature of the modules generation."""

    generation = "modules"
    # The host's folder of settings slices of this kind, under infrastructure/configuration/.
    settings_folder: ClassVar[str]
    settings_base: ClassVar[str]
    # What the settings task calls the slice's secret fields.
    secrets: ClassVar[str]

    @property
    def route_tests(self) -> str:
        return f"tests/integration/modules/{self.names.module}"

    @property
    def package_roots(self) -> tuple[str, ...]:
        return ("modules", "integrations")

    @property
    def settings_file(self) -> str:
        return f"infrastructure/configuration/{self.settings_folder}/{self.names.module}.py"

    @property
    def settings_reach(self) -> str:
        return f"attached to the host's `Settings` as `settings.{self.names.module}`"

    @property
    def wired_files(self) -> list[str]:
        """The host files the settings wiring task edits."""
        return [
            f"infrastructure/configuration/{self.settings_folder}/__init__.py",
            "infrastructure/configuration/settings.py",
            ".env.example",
        ]

    def http_param(self, param: Param) -> Param:
        """A route handler's own parameter, as this kind types it."""
        return param

    def handler_params(self, op: Operation) -> list[Param]:
        """The route handler's parameters: its own, the host's, then those with defaults."""
        own = [self.http_param(param) for param in op.http_params]
        host = [SETTINGS] + ([CALLER] if self.require_auth else [])
        return [p for p in own if not p.default] + host + [p for p in own if p.default]

    def handler_returns(self, op: Operation) -> str:
        """The route handler's return annotation."""
        return op.http_returns

    def response_model(self, op: Operation) -> str:
        """What the route declares as its response model."""
        return op.http_returns

    # The page-size rule of a list route, in the API table.
    limit_doc: ClassVar[str]

    @abstractmethod
    def status_codes(self, op: Operation) -> list[int]:
        """The statuses a route can answer, in the API table."""

    @property
    def api_rows(self) -> list[ApiRow]:
        """The routes, for the plan's API design table."""
        rows = []
        for op in self.ops:
            body = [self.http_param(p) for p in op.http_params if p.name == "body"]
            if body:
                request = f"`{body[0].type}` (JSON)"
            else:
                request = self.limit_doc if op.verb == "list" else "—"
            returns = self.handler_returns(op)
            rows.append(
                ApiRow(
                    method=op.http_method,
                    path=f"/api/v1{self.names.url_path}{op.path}",
                    request=request,
                    response="no body" if returns == "None" else f"`{returns}`",
                    codes=", ".join(str(code) for code in self.status_codes(op)),
                    auth="authenticated caller" if self.require_auth else "none",
                )
            )
        return rows

    def add_settings_tasks(self, tasks: TaskList) -> None:
        """T101 and T102: the settings slice, and its wiring into the host."""
        slice_file = self.settings_file
        tasks.add(
            101,
            f"Settings slice: one explicit environment variable per field, {self.secrets} as `SecretStr`",
            [slice_file],
            1,
            True,
            [exists(slice_file)],
        )
        package, settings, env, *requirements = self.wired_files
        host_files = [settings, package, env, *requirements]
        title = (
            "Settings slice wired into the host: import, attribute, `settings_map` entry,"
            " package export, `.env.example`"
        )
        if requirements:
            title += ", and the storage tests' `moto` in `requirements_dev.txt`"
        tasks.add(
            102,
            title,
            host_files,
            1,
            True,
            [
                contains(
                    host_files[0], f'"{self.names.module}": {self.names.settings_class}'
                ),
                contains(host_files[1], self.names.settings_class),
                contains(host_files[2], f"{self.names.env('ENABLED')}="),
                *(
                    contains(requirements[0], requirement)
                    for requirement in self.dev_requirements
                ),
            ],
        )

    # The first tests a phase-1 change runs, after the settings' own.
    first_tests: ClassVar[str]

    def house_rules(self) -> list[Rule]:
        """The host's rules every kind's package keeps the same way, with their checks."""
        package = self.package
        return [
            Rule(
                "Settings singleton: nobody builds `Settings()`",
                absent(package, "Settings()"),
            ),
            Rule(
                "Top-level imports only, but the Slack provider's, for typing only under"
                " `if TYPE_CHECKING:`",
                no_line(package, INDENTED_IMPORT),
            ),
        ]

    def contained_risk(self, title: str) -> Risk:
        """The risk every new package carries for the host, and why it stays low."""
        return Risk(
            title,
            "Low",
            "It lives in its own package, touches only the settings wiring, and ships switched off "
            f"(`{self.names.env('ENABLED')}=false`)",
        )

    def route_test_row(self, covers: str, switch: str) -> StrategyRow:
        """The route tests' row: what they ``cover``, and the ``switch`` they turn off."""
        refused = ", anonymous callers refused" if self.require_auth else ""
        return StrategyRow(
            "integration",
            f"{self.route_tests}/test_{self.names.module}_routes.py",
            f"every route over HTTP{covers}{refused}, {switch} switched off",
        )

    # The host's workflow's make targets: the checks of the code, then the tests.
    ci_targets = ("lint-ci fmt-ci", "test")

    def phase_commands(self, phase: int) -> list[str]:
        """The host's CI targets (``app/Makefile``, as its workflow runs them), and what they leave out.

        ``make lint-ci`` never fails on mypy (the host has type errors of its own), so
        the feature's files are type-checked on their own. ``python3 -m`` puts the
        application root on the import path, as the Makefile does.
        """
        unit = self.unit_tests
        types = "python3 -m mypy --follow-imports=silent " + " ".join(self.source_paths)
        if phase == 1:
            first = f"{unit}/test_settings.py {unit}/{self.first_tests}"
            return [f"make {self.ci_targets[0]}", types, f"python3 -m pytest {first}"]
        if phase == 2:
            return [
                f"make {self.ci_targets[0]}",
                types,
                f"python3 -m coverage run -m pytest {' '.join(self.test_dirs)}",
                f"python3 -m coverage report -m --fail-under=90 {' '.join(self.coverage_files)}",
            ]
        return [
            f"make {' '.join(self.ci_targets)}",
            f"{self.python_command} {self.plan_test}  # every ticked box holds",
        ]


# The kinds of this generation register themselves on import.
from . import integration, module  # noqa: E402, F401
