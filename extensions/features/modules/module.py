"""A module of the modules generation: a business feature with routes, a service and provider plug-ins."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...text_answers import as_names
from ...operations import Operation
from ...plan import (
    Risk,
    Rule,
    Setting,
    StrategyRow,
    Task,
    TaskList,
    absent,
    contains,
    exists,
)
from . import ModulesFeature

# What the storage back-end's tests need that the host lacks: moto, at the version the
# packages generation of the host locks, added to requirements_dev.txt by the wiring task.
STORAGE_DEV_REQUIREMENTS = ("moto[dynamodb]==5.2.2",)
DEV_REQUIREMENTS_FILE = "requirements_dev.txt"


class Module(ModulesFeature):
    """``modules/<m>/``: schemas, models, service, controllers, responses, providers, router."""

    kind = "module"
    settings_folder = "features"
    settings_base = "FeatureSettings"
    noun = "feature"
    secrets = "secrets"
    first_tests = "test_hooks.py"
    limit_doc = "`?limit=` (1 to the max page size), `?before=` (the last id of the previous page)"

    def __init__(self, answers: Mapping[str, Any]) -> None:
        super().__init__(answers)
        self.providers: tuple[str, ...] = tuple(as_names(answers.get("providers")))
        primary = answers.get("primary_provider") if len(self.providers) > 1 else None
        if primary not in self.providers:
            primary = self.providers[0] if self.providers else None
        self.primary_provider: str | None = primary

    @property
    def package(self) -> str:
        return f"modules/{self.names.module}"

    @property
    def has_routes(self) -> bool:
        return True

    @property
    def unit_tests(self) -> str:
        return f"tests/unit/modules/{self.names.module}"

    def status_codes(self, op: Operation) -> list[int]:
        return [op.status_code, 400, 401, 403, 404, 422, 503]

    @property
    def has_providers(self) -> bool:
        return bool(self.providers)

    @property
    def provider_token_envs(self) -> list[str]:
        """The environment variables of the vendors' API tokens, in provider order."""
        return [self.names.provider_token_env(provider) for provider in self.vendors]

    @property
    def store_file(self) -> str:
        return f"{self.package}/providers/storage.py"

    @property
    def dev_requirements(self) -> tuple[str, ...]:
        """The requirements the wiring task adds to the host's development requirements."""
        return STORAGE_DEV_REQUIREMENTS if self.stores else ()

    @property
    def wired_files(self) -> list[str]:
        return super().wired_files + (
            [DEV_REQUIREMENTS_FILE] if self.dev_requirements else []
        )

    @property
    def settings_variables(self) -> list[Setting]:
        n = self.names
        found = [
            Setting(
                n.env("ENABLED"),
                "bool",
                "False",
                (),
                f"Serve the {n.title} routes. Off until the feature is rolled out.",
            ),
            Setting(
                n.env("TIMEOUT_SECONDS"),
                "float",
                "10.0",
                ("gt=0", "le=60"),
                "Timeout of one call to an external back-end, in seconds.",
            ),
        ]
        if self.ops.has("list"):
            found.append(
                Setting(
                    n.env("MAX_PAGE_SIZE"),
                    "int",
                    "100",
                    ("ge=1", "le=1000"),
                    f"The largest page of {n.entity_plural_words} a list request may ask for.",
                )
            )
        if self.has_providers:
            found.append(
                Setting(
                    n.env("PRIMARY_PROVIDER"),
                    "str",
                    f'"{self.primary_provider}"',
                    (),
                    f"The provider that is the source of truth: one of {', '.join(self.providers)}.",
                )
            )
            found += [
                Setting(
                    n.provider_token_env(provider),
                    "SecretStr | None",
                    "None",
                    (),
                    f"API token of the {provider} provider.",
                )
                for provider in self.vendors
            ]
        return found + self.table_setting()

    @property
    def log_events(self) -> list[str]:
        m = self.names.module
        events = [f"{m}_ready", f"{m}_disabled", *(op.event for op in self.ops)]
        events.append(f"{m}_operation_failed")
        if self.slack:
            events.append(f"{m}_slack_command_received")
        if self.has_providers:
            events.append(f"{m}_provider_call_failed")
        return events

    def build_tasks(self) -> list[Task]:
        n = self.names
        package = self.package
        marker = f"TODO({n.module})"
        unit = self.unit_tests
        ops = len(self.ops)
        verbs = self.ops.verbs
        tasks = TaskList(marker)
        add, todo = tasks.add, tasks.todo

        # Phase 1: what every later task stands on.
        self.add_settings_tasks(tasks)
        add(
            103,
            "Domain models (frozen dataclasses) and HTTP schemas",
            [f"{package}/models.py", f"{package}/schemas.py"],
            2,
            True,
            [exists(f"{package}/models.py", f"{package}/schemas.py")],
        )
        if self.has_providers:
            provider_files = [
                f"{package}/providers/base.py",
                f"{package}/providers/registry.py",
                f"{package}/providers/__init__.py",
            ]
            add(
                104,
                "Provider contract, registry and primary-provider selection",
                provider_files,
                1 + len(self.providers),
                True,
                [exists(*provider_files)],
            )
        add(
            105,
            "Plugin hooks: `register_routes` mounts the router, `startup_warmup` checks the settings",
            [f"{package}/__init__.py"],
            1,
            True,
            [contains(f"{package}/__init__.py", "def startup_warmup")],
        )

        # Phase 2: the feature's behaviour.
        add(
            201,
            f"Service with one method per operation ({verbs}), domain rules checked first",
            [f"{package}/service.py", f"{package}/validation.py"],
            ops,
            True,
            [contains(f"{package}/service.py", f"class {n.service_class}")],
        )
        http_files = [
            f"{package}/controllers.py",
            f"{package}/responses.py",
            f"api/v1/{n.module}.py",
        ]
        add(
            202,
            "Controllers, result-to-HTTP mapping and the router",
            http_files,
            ops,
            True,
            [exists(*http_files)],
        )
        self.add_fields_task(
            tasks,
            [
                f"{package}/models.py",
                f"{package}/schemas.py",
                f"{package}/responses.py",
            ],
        )
        self.add_storage_tasks(tasks)
        if self.input_models:
            todo(
                204,
                "Business rules in validation (beyond types and lengths, which the schemas enforce)",
                [f"{package}/validation.py"],
                len(self.input_models) + 1,
                where=f"{package}/validation.py",
            )
        for index, provider in enumerate(self.vendors):
            provider_file = f"{package}/providers/{provider}.py"
            todo(
                211 + index,
                f"`{provider}` provider: call its API for {verbs} and map its payloads",
                [provider_file],
                ops,
                where=provider_file,
            )
        if not self.has_providers:
            todo(
                205,
                f"The work of each operation ({verbs}) in the service",
                [f"{package}/service.py"],
                ops,
                where=f"{package}/service.py",
            )
        if self.require_auth:
            todo(
                206,
                "Authorization: decide which authenticated callers may use each route",
                [f"{package}/controllers.py"],
                ops,
                where=f"{package}/controllers.py",
            )

        # Phase 3: confidence and release.
        if self.vendors:
            tests_file = f"{unit}/test_providers.py"
            todo(
                301,
                "Provider tests: replace the not-implemented pins with tests of the real"
                " API calls (fake HTTP transport)",
                [tests_file],
                ops * len(self.vendors),
                where=tests_file,
                marker="is_not_implemented_yet",
            )
            timeout = f"self._settings.{n.env('TIMEOUT_SECONDS')}"
            provider_files = [
                f"{package}/providers/{provider}.py" for provider in self.vendors
            ]
            add(
                302,
                f"Every back-end call passes `{n.env('TIMEOUT_SECONDS')}` to its client",
                provider_files,
                len(provider_files),
                False,
                [contains(path, timeout) for path in provider_files],
            )
        elif not self.has_providers:
            tests_file = f"{unit}/test_service.py"
            todo(
                301,
                "Service tests: replace the not-implemented pin with tests of the real work",
                [tests_file],
                ops,
                where=tests_file,
                marker="is_not_implemented_yet",
            )
        readme = f"{package}/README.md"
        add(
            303,
            "Feature documentation for operators: what it does, its settings, its log events",
            [],
            1,
            False,
            [exists(readme)],
            new_files=(readme,),
        )
        self.add_slack_tasks(tasks)
        self.add_performance_task(tasks)
        self.add_rollout_task(tasks)
        return tasks.in_order()

    @property
    def risks(self) -> list[Risk]:
        n = self.names
        found: list[Risk] = list(self.storage_risks)
        enabled = n.env("ENABLED")
        if self.vendors:
            found += [
                Risk(
                    "A provider's API rate-limits the bot (HTTP 429)",
                    "Medium",
                    "Errors are classified transient `RATE_LIMITED`; routes answer 503 with `Retry-After`; "
                    "no retries inside a request",
                ),
                Risk(
                    "A provider is down or slow",
                    "Medium",
                    f"Calls time out after `{n.env('TIMEOUT_SECONDS')}`; failures log "
                    f"`{n.module}_provider_call_failed`; `{enabled}=false` switches the feature off",
                ),
                Risk(
                    "A provider token leaks",
                    "Low",
                    "Tokens are `SecretStr`, never logged nor echoed in errors; rotate through the environment",
                ),
            ]
        if len(self.providers) > 1:
            found.append(
                Risk(
                    "Providers disagree about an item",
                    "Medium",
                    f"One source of truth: the primary (`{n.env('PRIMARY_PROVIDER')}`); "
                    "secondaries are not written to until a task adds mirroring",
                )
            )
        if self.require_auth:
            found.append(
                Risk(
                    "Any authenticated caller can use every route",
                    "High until done",
                    "The authorization task decides who may call each route before production",
                )
            )
        else:
            found.append(
                Risk(
                    "The routes are open to anonymous callers",
                    "High",
                    "Serve only data that is safe to publish, or regenerate with `require_auth`",
                )
            )
        if self.ops.takes_input:
            found.append(
                Risk(
                    "Invalid or hostile input reaches a provider",
                    "Medium",
                    "Schemas refuse unknown fields and over-long text (422); domain rules run before any call",
                )
            )
        if self.ops.has("delete"):
            found.append(
                Risk(
                    "A delete cannot be undone",
                    "Medium",
                    "Decide soft delete or confirmation in the authorization task; log "
                    f"`{n.entity_snake}_deleted` with the id",
                )
            )
        found += self.slack_risks
        found.append(self.contained_risk("The feature breaks existing ones"))
        return found

    @property
    def testing_strategy(self) -> list[StrategyRow]:
        unit = self.unit_tests
        rows = [
            StrategyRow(
                "unit",
                f"{unit}/test_service.py",
                "each operation: valid input, every error passed through, refusals before any call, log events",
            ),
            StrategyRow(
                "unit",
                f"{unit}/test_validation.py",
                "every domain rule, accepted and refused",
            ),
            StrategyRow(
                "unit",
                f"{unit}/test_responses.py",
                "each error status to its HTTP code, `Retry-After`, rendering",
            ),
        ]
        if self.has_providers:
            rows.append(
                StrategyRow(
                    "unit",
                    f"{unit}/test_providers.py",
                    "registry, primary selection, exceptions classified, each provider's open work pinned",
                )
            )
        rows += [
            StrategyRow(
                "unit",
                f"{unit}/test_settings.py",
                "environment names, defaults, ranges, secrets kept out of reprs",
            ),
            StrategyRow(
                "unit",
                f"{unit}/test_hooks.py",
                "routes mounted by the hook, startup checks",
            ),
            *self.slack_strategy,
            self.plan_test_row(),
            *self.storage_strategy(
                f"{unit}/test_storage.py",
                f"{self.route_tests}/test_{self.names.module}_storage.py",
            ),
            self.route_test_row(
                ": success, each error mapping, malformed input", "feature"
            ),
        ]
        return rows

    @property
    def rules(self) -> list[Rule]:
        package = self.package
        router = f"api/v1/{self.names.module}.py"
        return [
            Rule(
                "Synchronous only: every function and route is a plain `def`",
                "; ".join(
                    [
                        absent(package, "async def"),
                        absent(package, "await "),
                        absent(router, "async def"),
                    ]
                ),
            ),
            Rule(
                "Constructor injection: the service receives its settings and provider,"
                " it never calls `get_settings()`",
                absent(f"{package}/service.py", "get_settings"),
            ),
            *self.house_rules(),
            Rule(
                "Every operation returns an `OperationResult`; routes never return the envelope",
                contains(f"{package}/service.py", "-> OperationResult["),
            ),
            self.structlog_rule(),
            Rule(
                "Frozen dataclasses for the domain, pydantic only at the edges",
                "; ".join(
                    [
                        contains(f"{package}/models.py", "@dataclass(frozen=True)"),
                        absent(f"{package}/models.py", "pydantic"),
                    ]
                ),
            ),
            Rule(
                "Routes declared in one place, mounted by the feature's own hook",
                "; ".join(
                    [
                        contains(router, "add_api_route"),
                        absent(f"{package}/controllers.py", "@router"),
                    ]
                ),
            ),
        ]
