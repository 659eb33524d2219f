"""The feature's implementation plan: its tasks, sizes and checks, derived from the answers.

PLAN.md renders these tasks, and the generated ``test_plan.py`` verifies them, so the
plan and the code start from the same facts. A task's ``check`` is what makes a ticked
box trustworthy; its grammar is documented in docs/plan.md.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from typing import Any

PHASES = ("Foundation", "Core functionality", "Polish & deploy")
SIZES = ((2, "Small"), (4, "Medium"))


def size(points: int) -> str:
    """Small, Medium or Large for a task worth ``points`` (roughly: files or operations touched)."""
    for limit, label in SIZES:
        if points <= limit:
            return label
    return "Large"


def exists(*paths: str) -> str:
    """Check clause: every path exists (relative to the application root)."""
    return "exists " + " ".join(shlex.quote(path) for path in paths)


def absent(path: str, text: str) -> str:
    """Check clause: ``text`` appears nowhere in ``path`` (a file, or every .py file of a folder)."""
    return f"absent {shlex.quote(path)} {shlex.quote(text)}"


def contains(path: str, text: str) -> str:
    """Check clause: ``text`` appears in ``path``."""
    return f"contains {shlex.quote(path)} {shlex.quote(text)}"


def no_line(path: str, pattern: str) -> str:
    """Check clause: no line of ``path`` matches the regular expression ``pattern``."""
    return f"no-line {shlex.quote(path)} {shlex.quote(pattern)}"


MANUAL = "manual"
# An import statement inside a function or class body.
INDENTED_IMPORT = r"^[ ]+(import [\w.]+|from [\w.]+ import )"


@dataclass(frozen=True)
class Task:
    """One checklist line of the plan."""

    id: str
    phase: int
    title: str
    files: tuple[str, ...]
    size: str
    done: bool
    checks: tuple[str, ...]
    where: str = ""
    marker: str = ""
    new_files: tuple[str, ...] = field(default=())

    @property
    def check(self) -> str:
        """The machine-readable check, clauses joined by ``;``."""
        return "; ".join(self.checks)


class TaskList:
    """Collects a plan's tasks; ``add`` takes a task's fixed number and fills in the rest."""

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self._tasks: list[Task] = []

    def add(
        self,
        number: int,
        title: str,
        files: list[str],
        points: int,
        done: bool,
        checks: list[str],
        **extra: Any,
    ) -> None:
        """Add task ``T<number>``: phase from its first digit, size from ``points``."""
        if "where" in extra:
            extra.setdefault("marker", self.marker)
        self._tasks.append(
            Task(
                id=f"T{number:03d}",
                phase=number // 100,
                title=title,
                files=tuple(files),
                size=size(points),
                done=done,
                checks=tuple(checks),
                **extra,
            )
        )

    def in_order(self) -> list[Task]:
        return sorted(self._tasks, key=lambda task: task.id)


def add_settings_tasks(add: Any, names: Any, secrets: str) -> None:
    """T101 and T102, the settings slice and its wiring, for either kind of feature."""
    slice_file = names.settings_file
    add(
        101,
        f"Settings slice: one explicit environment variable per field, {secrets} as `SecretStr`",
        [slice_file],
        1,
        True,
        [exists(slice_file)],
    )
    host_files = [
        "infrastructure/configuration/settings.py",
        f"infrastructure/configuration/{names.settings_kind}/__init__.py",
        ".env.example",
    ]
    add(
        102,
        "Settings slice wired into the host: import, attribute, `settings_map` entry, package export, `.env.example`",
        host_files,
        1,
        True,
        [
            contains(host_files[0], f'"{names.module}": {names.settings_class}'),
            contains(host_files[1], names.settings_class),
            contains(host_files[2], f"{names.env('ENABLED')}="),
        ],
    )


def add_rollout_task(add: Any, names: Any) -> None:
    """T305, the staged switch-on, for either kind of feature."""
    add(
        305,
        f"Rollout: `{names.env('ENABLED')}=true` in dev, then staging, then production (section 10)",
        [],
        2,
        False,
        [MANUAL],
    )


def build_tasks(names: Any, require_auth: bool) -> list[Task]:
    """Every task of the plan, numbered in phase order.

    Args:
        names: The feature's ``FeatureNames``.
        require_auth: Whether the routes require an authenticated caller.

    Returns:
        The tasks in ID order. An ID is the task's phase and its place in that phase
        (T101, T102, ... T201, ...), fixed for each kind of task, so it stays the same
        across template versions: a new kind of task gets a new number, never one taken.
        Provider tasks are numbered T211, T212, ... in provider order.
    """
    m = names.module
    package = f"modules/{m}"
    marker = f"TODO({m})"
    unit = f"tests/unit/modules/{m}"
    ops = len(names.ops)
    verbs = ", ".join(op.verb for op in names.ops)
    tasks = TaskList(marker)
    add = tasks.add

    # Phase 1: what every later task stands on.
    add_settings_tasks(add, names, "secrets")
    add(
        103,
        "Domain models (frozen dataclasses) and HTTP schemas",
        [f"{package}/models.py", f"{package}/schemas.py"],
        2,
        True,
        [exists(f"{package}/models.py", f"{package}/schemas.py")],
    )
    if names.has_providers:
        provider_files = [
            f"{package}/providers/base.py",
            f"{package}/providers/registry.py",
            f"{package}/providers/__init__.py",
        ]
        add(
            104,
            "Provider contract, registry and primary-provider selection",
            provider_files,
            1 + len(names.providers),
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
    service_files = [f"{package}/service.py", f"{package}/validation.py"]
    add(
        201,
        f"Service with one method per operation ({verbs}), domain rules checked first",
        service_files,
        ops,
        True,
        [contains(f"{package}/service.py", f"class {names.service_class}")],
    )
    http_files = [
        f"{package}/controllers.py",
        f"{package}/responses.py",
        f"api/v1/{m}.py",
    ]
    add(
        202,
        "Controllers, result-to-HTTP mapping and the router",
        http_files,
        ops,
        True,
        [exists(*http_files)],
    )
    add(
        203,
        f"Real fields of `{names.entity}`: replace the `title`/`details` placeholders"
        " in the models, schemas and responses",
        [f"{package}/models.py", f"{package}/schemas.py", f"{package}/responses.py"],
        3,
        False,
        [absent(f"{package}/models.py", marker)],
        where=f"{package}/models.py",
    )
    if names.input_models:
        add(
            204,
            "Business rules in validation (beyond types and lengths, which the schemas enforce)",
            [f"{package}/validation.py"],
            len(names.input_models) + 1,
            False,
            [absent(f"{package}/validation.py", marker)],
            where=f"{package}/validation.py",
        )
    for index, provider in enumerate(names.providers):
        provider_file = f"{package}/providers/{provider}.py"
        add(
            211 + index,
            f"`{provider}` provider: call its API for {verbs} and map its payloads",
            [provider_file],
            ops,
            False,
            [absent(provider_file, marker)],
            where=provider_file,
        )
    if not names.has_providers:
        add(
            205,
            f"The work of each operation ({verbs}) in the service",
            [f"{package}/service.py"],
            ops,
            False,
            [absent(f"{package}/service.py", marker)],
            where=f"{package}/service.py",
        )
    if require_auth:
        add(
            206,
            "Authorization: decide which authenticated callers may use each route",
            [f"{package}/controllers.py"],
            ops,
            False,
            [absent(f"{package}/controllers.py", marker)],
            where=f"{package}/controllers.py",
        )

    # Phase 3: confidence and release.
    if names.has_providers:
        tests_file = f"{unit}/test_providers.py"
        add(
            301,
            "Provider tests: replace the not-implemented pins with tests of the real API calls (fake HTTP transport)",
            [tests_file],
            ops * len(names.providers),
            False,
            [absent(tests_file, "is_not_implemented_yet")],
            where=tests_file,
            marker="is_not_implemented_yet",
        )
        timeout = f"self._settings.{names.env('TIMEOUT_SECONDS')}"
        provider_files = [
            f"{package}/providers/{provider}.py" for provider in names.providers
        ]
        add(
            302,
            f"Every back-end call passes `{names.env('TIMEOUT_SECONDS')}` to its client",
            provider_files,
            len(provider_files),
            False,
            [contains(path, timeout) for path in provider_files],
        )
    else:
        tests_file = f"{unit}/test_service.py"
        add(
            301,
            "Service tests: replace the not-implemented pin with tests of the real work",
            [tests_file],
            ops,
            False,
            [absent(tests_file, "is_not_implemented_yet")],
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
    add(
        304,
        "Performance check against staging: p95 latency of each route recorded in the Rollout section",
        [],
        2,
        False,
        [MANUAL],
    )
    add_rollout_task(add, names)
    return tasks.in_order()


def phase_commands(names: Any, phase: int) -> list[str]:
    """The commands that close a phase, run from the application root.

    The host's CI targets (``app/Makefile``, as its workflow runs them), plus what they
    leave out for the feature: ``make lint-ci`` never fails on mypy (the host has type
    errors of its own), so the feature's files are type-checked on their own.
    ``python3 -m`` puts the application root on the import path, as the Makefile does.
    """
    unit = names.unit_tests
    types = "python3 -m mypy --follow-imports=silent " + " ".join(names.source_paths)
    if phase == 1:
        first = (
            "test_settings.py",
            "test_fake.py" if names.is_integration else "test_hooks.py",
        )
        return [
            "make lint-ci fmt-ci",
            types,
            "python3 -m pytest " + " ".join(f"{unit}/{name}" for name in first),
        ]
    if phase == 2:
        return [
            "make lint-ci fmt-ci",
            types,
            f"python3 -m coverage run -m pytest {' '.join(names.test_dirs)}",
            f"python3 -m coverage report -m --include='{names.coverage_include}'",
        ]
    return [
        "make lint-ci fmt-ci test",
        f"python3 {unit}/test_plan.py  # every ticked box holds",
    ]


@dataclass(frozen=True)
class Risk:
    """One row of the risks table."""

    risk: str
    likelihood: str
    mitigation: str


def risks(names: Any, require_auth: bool) -> list[Risk]:
    """The risks this feature's answers make real, most specific first."""
    found: list[Risk] = []
    enabled = names.env("ENABLED")
    if names.has_providers:
        found.append(
            Risk(
                "A provider's API rate-limits the bot (HTTP 429)",
                "Medium",
                "Errors are classified transient `RATE_LIMITED`; routes answer 503 with `Retry-After`; "
                "no retries inside a request",
            )
        )
        found.append(
            Risk(
                "A provider is down or slow",
                "Medium",
                f"Calls time out after `{names.env('TIMEOUT_SECONDS')}`; failures log "
                f"`{names.module}_provider_call_failed`; `{enabled}=false` switches the feature off",
            )
        )
        found.append(
            Risk(
                "A provider token leaks",
                "Low",
                "Tokens are `SecretStr`, never logged nor echoed in errors; rotate through the environment",
            )
        )
    if len(names.providers) > 1:
        found.append(
            Risk(
                "Providers disagree about an item",
                "Medium",
                f"One source of truth: the primary (`{names.env('PRIMARY_PROVIDER')}`); "
                "secondaries are not written to until a task adds mirroring",
            )
        )
    if require_auth:
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
    if names.has("create") or names.has("update"):
        found.append(
            Risk(
                "Invalid or hostile input reaches a provider",
                "Medium",
                "Schemas refuse unknown fields and over-long text (422); domain rules run before any call",
            )
        )
    if names.has("delete"):
        found.append(
            Risk(
                "A delete cannot be undone",
                "Medium",
                "Decide soft delete or confirmation in the authorization task; log "
                f"`{names.entity_snake}_deleted` with the id",
            )
        )
    if names.has("list"):
        found.append(
            Risk(
                "Large pages slow the bot",
                "Low",
                f"Pages are capped by `{names.env('MAX_PAGE_SIZE')}`",
            )
        )
    found.append(
        Risk(
            "The feature breaks existing ones",
            "Low",
            "It lives in its own package, touches only the settings wiring, and ships switched off "
            f"(`{enabled}=false`)",
        )
    )
    return found


@dataclass(frozen=True)
class StrategyRow:
    """One row of the testing strategy."""

    level: str
    path: str
    covers: str


def testing_strategy(names: Any, require_auth: bool) -> list[StrategyRow]:
    """The generated test files by level, with what each covers."""
    unit = f"tests/unit/modules/{names.module}"
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
    if names.has_providers:
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
        StrategyRow(
            "unit",
            f"{unit}/test_plan.py",
            "this plan: unique task IDs, named files exist, every ticked box's check holds",
        ),
        StrategyRow(
            "integration",
            f"tests/integration/modules/{names.module}/test_{names.module}_routes.py",
            "every route over HTTP: success, each error mapping, malformed input"
            + (", anonymous callers refused" if require_auth else "")
            + ", feature switched off",
        ),
    ]
    return rows


@dataclass(frozen=True)
class Rule:
    """One host rule of the architectural checklist, with the check that shows it holds."""

    text: str
    check: str


def architecture_rules(names: Any) -> list[Rule]:
    """The host's rules that the generated code satisfies, each with its check."""
    package = f"modules/{names.module}"
    router = f"api/v1/{names.module}.py"
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
            "Constructor injection: the service receives its settings and provider, it never calls `get_settings()`",
            absent(f"{package}/service.py", "get_settings"),
        ),
        Rule(
            "Settings singleton: nobody builds `Settings()`",
            absent(package, "Settings()"),
        ),
        Rule(
            "Top-level imports only",
            no_line(package, INDENTED_IMPORT),
        ),
        Rule(
            "Every operation returns an `OperationResult`; routes never return the envelope",
            contains(f"{package}/service.py", "-> OperationResult["),
        ),
        Rule(
            "structlog only: no `print`, no standard `logging`",
            "; ".join([absent(package, "print("), absent(package, "import logging")]),
        ),
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


def build_integration_tasks(names: Any) -> list[Task]:
    """Every task of an integration's plan; IDs fixed per kind of task, as in :func:`build_tasks`."""
    m = names.module
    package = names.package
    marker = f"TODO({m})"
    client = f"{package}/client.py"
    schemas = f"{package}/schemas.py"
    ops = len(names.ops)
    verbs = ", ".join(op.verb for op in names.ops)
    tasks = TaskList(marker)
    add = tasks.add

    # Phase 1: what every later task stands on.
    add_settings_tasks(add, names, "the API key")
    add(
        103,
        f"Payload schemas and the `{names.client_protocol}` Protocol features depend on",
        [schemas, f"{package}/protocol.py"],
        2,
        True,
        [
            contains(
                f"{package}/protocol.py", f"class {names.client_protocol}(Protocol)"
            )
        ],
    )
    add(
        104,
        f"`{names.fake_client}` for features' tests, kept in step with the Protocol",
        [names.fake_module],
        1,
        True,
        [exists(names.fake_module)],
    )

    # Phase 2: the client's behaviour.
    add(
        201,
        f"Client on httpx: one method per call ({verbs}), explicit timeouts, every status classified",
        [client],
        ops,
        True,
        [contains(client, f"class {names.client_class}")],
    )
    add(
        202,
        f"`{names.client_factory}()`: one client per process, built from the settings",
        [client],
        1,
        True,
        [contains(client, "@lru_cache(maxsize=1)")],
    )
    if names.payload_models:
        add(
            203,
            f"Real fields of `{names.entity}`: replace the `title`/`details` placeholders with the API's",
            [schemas, names.fake_module],
            2,
            False,
            [absent(schemas, marker)],
            where=schemas,
        )
    add(
        204,
        f"Real paths: check `RESOURCE` and each call's method and path ({verbs}) against the API's documentation",
        [client],
        3,
        False,
        [absent(client, marker)],
        where=client,
    )
    if names.endpoint:
        http_files = [
            f"modules/{m}/__init__.py",
            f"modules/{m}/controllers.py",
            f"api/v1/{m}.py",
        ]
        add(
            205,
            "Endpoint: one route per call, mounted by the module's own hook, switched by "
            f"`{names.env('ENDPOINT_ENABLED')}`",
            http_files,
            ops,
            True,
            [exists(*http_files)],
        )
        if names.require_auth:
            add(
                206,
                "Authorization: decide which authenticated callers may use each route",
                [http_files[1]],
                ops,
                False,
                [absent(http_files[1], marker)],
                where=http_files[1],
            )

    # Phase 3: confidence and release.
    add(
        301,
        "Sandbox check: each call made once against the vendor's sandbox or staging account, answers compared "
        "with the schemas",
        [],
        ops,
        False,
        [MANUAL],
    )
    add(
        302,
        "Retry policy agreed with the first calling feature: which transient errors it retries, honouring "
        "`retry_after` (the client never retries)",
        [],
        1,
        False,
        [MANUAL],
    )
    readme = f"{package}/README.md"
    add(
        303,
        "Documentation for operators: what the integration calls, its settings, its log events, how to rotate "
        "the key",
        [],
        1,
        False,
        [exists(readme)],
        new_files=(readme,),
    )
    add_rollout_task(add, names)
    return tasks.in_order()


def integration_risks(names: Any) -> list[Risk]:
    """The risks of a client of an external service."""
    enabled = names.env("ENABLED")
    found = [
        Risk(
            "The API rate-limits the bot (HTTP 429)",
            "Medium",
            "Classified transient `RATE_LIMITED` with `retry_after` from `Retry-After`; the client never "
            "retries, callers decide (task " + "T302)",
        ),
        Risk(
            "The vendor is down or slow",
            "Medium",
            f"Each phase of a call (connect, write, read, pool) times out after `{names.env('TIMEOUT_SECONDS')}`; "
            f"timeouts and 5xx are transient; `{enabled}=false` makes every call fail fast with "
            "`INTEGRATION_DISABLED`",
        ),
        Risk(
            "The API key leaks, or must be rotated",
            "Low",
            f"`{names.env('API_KEY')}` is a `SecretStr`, sent only in the `Authorization` header, never logged "
            "nor in a repr or message (tested); rotate it in the environment and restart",
        ),
        Risk(
            "The vendor changes its payloads",
            "Medium",
            "Schemas ignore unknown fields and a missing field is a permanent `INVALID_RESPONSE`, logged as "
            f"`{names.module}_call_failed`; the sandbox check (T301) is repeated on vendor release notes",
        ),
        *(
            [
                Risk(
                    "A retried create sends twice: a timeout or 5xx may come after the vendor acted",
                    "Medium",
                    "The client never retries; the retry policy (T302) retries a create only with an "
                    "idempotency key the API honours, or not at all",
                )
            ]
            if names.has("create")
            else []
        ),
        Risk(
            "Features couple to the HTTP client",
            "Low",
            f"They type `{names.client_protocol}` and test with `{names.fake_client}`, whose signatures are "
            "checked against the Protocol",
        ),
    ]
    if names.endpoint and names.require_auth:
        found.append(
            Risk(
                "Any authenticated caller can use every route",
                "High until done",
                "The authorization task decides who may call each route before "
                f"`{names.env('ENDPOINT_ENABLED')}=true`",
            )
        )
    elif names.endpoint:
        found.append(
            Risk(
                "The routes are open to anonymous callers",
                "High",
                "Serve only data that is safe to publish, or regenerate with `require_auth`",
            )
        )
    found.append(
        Risk(
            "The integration breaks existing features",
            "Low",
            "It lives in its own package, touches only the settings wiring, and ships switched off "
            f"(`{enabled}=false`)",
        )
    )
    return found


def integration_testing_strategy(names: Any) -> list[StrategyRow]:
    """The generated test files of an integration, with what each covers."""
    unit = names.unit_tests
    rows = [
        StrategyRow(
            "unit",
            f"{unit}/test_client.py",
            "each call's request against `httpx.MockTransport`, every status mapping, timeouts, "
            "`Retry-After` parsing, no secret in logs, messages or reprs, the factory",
        ),
        StrategyRow(
            "unit",
            f"{unit}/test_settings.py",
            "environment names, defaults, the address rule, the key kept secret",
        ),
        StrategyRow(
            "unit",
            f"{unit}/test_fake.py",
            "the fake (and the client) match the Protocol's signatures; the fake's behaviour",
        ),
        StrategyRow(
            "unit",
            f"{unit}/test_plan.py",
            "this plan: unique task IDs, named files exist, every ticked box's check holds",
        ),
    ]
    if names.endpoint:
        rows.append(
            StrategyRow(
                "integration",
                f"tests/integration/modules/{names.module}/test_{names.module}_routes.py",
                "every route over HTTP on the fake client: success, each error mapping"
                + (", anonymous callers refused" if names.require_auth else "")
                + ", endpoint switched off",
            )
        )
    return rows


def integration_architecture_rules(names: Any) -> list[Rule]:
    """The host's rules an integration's code satisfies, each with its check."""
    package = names.package
    client = f"{package}/client.py"
    code = [package] + (
        [f"modules/{names.module}", f"api/v1/{names.module}.py"]
        if names.endpoint
        else []
    )
    return [
        Rule(
            "Synchronous only: every function is a plain `def`",
            "; ".join(
                absent(path, text) for path in code for text in ("async def", "await ")
            ),
        ),
        Rule(
            "Constructor injection: the client receives its settings slice; only the factory calls `get_settings()`",
            contains(client, f"settings: {names.settings_class},"),
        ),
        Rule(
            "Settings singleton: nobody builds `Settings()`",
            absent(package, "Settings()"),
        ),
        Rule("Top-level imports only", no_line(package, INDENTED_IMPORT)),
        Rule(
            "Every call returns an `OperationResult`",
            contains(f"{package}/protocol.py", "-> OperationResult["),
        ),
        Rule(
            "structlog only: no `print`, no standard `logging`",
            "; ".join([absent(package, "print("), absent(package, "import logging")]),
        ),
        Rule(
            "Features depend on a `Protocol`, not on the client class",
            contains(f"{package}/__init__.py", names.client_protocol),
        ),
    ]
