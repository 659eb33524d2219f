"""An integration of the modules generation: a client of one external service, and its optional endpoint."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ...operations import Operation, Param
from ...plan import (
    MANUAL,
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


class Integration(ModulesFeature):
    """``integrations/<m>/``: an httpx client behind a Protocol, a fake, and with ``endpoint`` a module serving it."""

    kind = "integration"
    settings_folder = "integrations"
    settings_base = "IntegrationSettings"
    noun = "integration"
    secrets = "the API key"
    first_tests = "test_fake.py"
    limit_doc = "`?limit=` (1 to 100)"

    def __init__(self, answers: Mapping[str, Any]) -> None:
        super().__init__(answers)
        self.endpoint = bool(answers.get("endpoint", False))

    @property
    def package(self) -> str:
        return f"integrations/{self.names.module}"

    @property
    def has_routes(self) -> bool:
        return self.endpoint

    @property
    def unit_tests(self) -> str:
        return f"tests/unit/integrations/{self.names.module}"

    def http_param(self, param: Param) -> Param:
        """The endpoint's handlers take the API's payloads as bodies, not a module's requests."""
        bodies = {
            f"{self.names.entity}CreateRequest": f"{self.names.entity}Draft",
            f"{self.names.entity}UpdateRequest": f"{self.names.entity}Changes",
        }
        return replace(param, type=bodies.get(param.type, param.type))

    def handler_returns(self, op: Operation) -> str:
        """What an endpoint's handler answers with: the API's payload, a page, or nothing."""
        returns = {"list": f"{self.names.entity}Page", "delete": "None"}
        return returns.get(op.verb, self.names.entity)

    def response_model(self, op: Operation) -> str:
        return self.handler_returns(op)

    def status_codes(self, op: Operation) -> list[int]:
        auth = [401] if self.require_auth else []
        return [op.status_code, *auth, 404, 422, 502, 503]

    @property
    def fake_module(self) -> str:
        """The file of the integration's fake client, shared by every feature's tests."""
        return f"tests/fixtures/fake_{self.names.module}_client.py"

    @property
    def resource_path(self) -> str:
        """The vendor API's path of the entity's collection ("/incident-notes")."""
        return "/" + self.names.entity_plural_snake.replace("_", "-")

    @property
    def payload_models(self) -> list[str]:
        """The vendor payload schemas the client's calls name, sorted."""
        entity = self.names.entity
        found = [entity] if self.ops.returns_items else []
        found += [entity + "Draft"] if self.ops.has("create") else []
        found += [entity + "Changes"] if self.ops.has("update") else []
        return sorted(found)

    @property
    def settings_variables(self) -> list[Setting]:
        n = self.names
        found = [
            Setting(
                n.env("ENABLED"),
                "bool",
                "False",
                (),
                f"Let the client call the {n.title} API. Off until the integration is rolled out;"
                " while off, every call fails fast with INTEGRATION_DISABLED.",
            ),
            Setting(
                n.env("BASE_URL"),
                "str",
                '""',
                (),
                f"Base URL of the {n.title} API, e.g. https://api.example.com/v1."
                f" Required, and https, when {n.env('ENABLED')} is true.",
            ),
            Setting(
                n.env("API_KEY"),
                "SecretStr | None",
                "None",
                (),
                "API key, sent as a bearer token (none when empty). Never logged.",
            ),
            Setting(
                n.env("TIMEOUT_SECONDS"),
                "float",
                "10.0",
                ("gt=0", "le=60"),
                "Timeout of each phase of one call (connect, write, read, pool), in seconds.",
            ),
        ]
        if self.endpoint:
            found.append(
                Setting(
                    n.env("ENDPOINT_ENABLED"),
                    "bool",
                    "False",
                    (),
                    f"Serve the {n.title} routes. Off until the endpoint is rolled out.",
                )
            )
        return found

    @property
    def log_events(self) -> list[str]:
        m = self.names.module
        events = [f"{m}_call_succeeded", f"{m}_call_failed"]
        if self.endpoint:
            events += [f"{m}_endpoint_ready", f"{m}_endpoint_disabled"]
        return events

    def build_tasks(self) -> list[Task]:
        n = self.names
        m = n.module
        package = self.package
        marker = f"TODO({m})"
        client = f"{package}/client.py"
        schemas = f"{package}/schemas.py"
        ops = len(self.ops)
        verbs = self.ops.verbs
        tasks = TaskList(marker)
        add, todo = tasks.add, tasks.todo

        # Phase 1: what every later task stands on.
        self.add_settings_tasks(tasks)
        add(
            103,
            f"Payload schemas and the `{n.client_protocol}` Protocol features depend on",
            [schemas, f"{package}/protocol.py"],
            2,
            True,
            [
                contains(
                    f"{package}/protocol.py", f"class {n.client_protocol}(Protocol)"
                )
            ],
        )
        add(
            104,
            f"`{n.fake_client}` for features' tests, kept in step with the Protocol",
            [self.fake_module],
            1,
            True,
            [exists(self.fake_module)],
        )

        # Phase 2: the client's behaviour.
        add(
            201,
            f"Client on httpx: one method per call ({verbs}), explicit timeouts, every status classified",
            [client],
            ops,
            True,
            [contains(client, f"class {n.client_class}")],
        )
        add(
            202,
            f"`{n.client_factory}()`: one client per process, built from the settings",
            [client],
            1,
            True,
            [contains(client, "@lru_cache(maxsize=1)")],
        )
        if self.payload_models:
            todo(
                203,
                f"Real fields of `{n.entity}`: replace the `title`/`details` placeholders with the API's",
                [schemas, self.fake_module],
                2,
                where=schemas,
            )
        todo(
            204,
            f"Real paths: check `RESOURCE` and each call's method and path ({verbs}) against the API's documentation",
            [client],
            3,
            where=client,
        )
        if self.endpoint:
            http_files = [
                f"modules/{m}/__init__.py",
                f"modules/{m}/controllers.py",
                f"api/v1/{m}.py",
            ]
            add(
                205,
                "Endpoint: one route per call, mounted by the module's own hook, switched by "
                f"`{n.env('ENDPOINT_ENABLED')}`",
                http_files,
                ops,
                True,
                [exists(*http_files)],
            )
            if self.require_auth:
                todo(
                    206,
                    "Authorization: decide which authenticated callers may use each route",
                    [http_files[1]],
                    ops,
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
        self.add_rollout_task(tasks)
        return tasks.in_order()

    @property
    def risks(self) -> list[Risk]:
        n = self.names
        enabled = n.env("ENABLED")
        found = [
            Risk(
                "The API rate-limits the bot (HTTP 429)",
                "Medium",
                "Classified transient `RATE_LIMITED` with `retry_after` from `Retry-After`; the client never "
                "retries, callers decide (task T302)",
            ),
            Risk(
                "The vendor is down or slow",
                "Medium",
                f"Each phase of a call (connect, write, read, pool) times out after `{n.env('TIMEOUT_SECONDS')}`; "
                f"timeouts and 5xx are transient; `{enabled}=false` makes every call fail fast with "
                "`INTEGRATION_DISABLED`",
            ),
            Risk(
                "The API key leaks, or must be rotated",
                "Low",
                f"`{n.env('API_KEY')}` is a `SecretStr`, sent only in the `Authorization` header, never logged "
                "nor in a repr or message (tested); rotate it in the environment and restart",
            ),
            Risk(
                "The vendor changes its payloads",
                "Medium",
                "Schemas ignore unknown fields and a missing field is a permanent `INVALID_RESPONSE`, logged as "
                f"`{n.module}_call_failed`; the sandbox check (T301) is repeated on vendor release notes",
            ),
        ]
        if self.ops.has("create"):
            found.append(
                Risk(
                    "A retried create sends twice: a timeout or 5xx may come after the vendor acted",
                    "Medium",
                    "The client never retries; the retry policy (T302) retries a create only with an "
                    "idempotency key the API honours, or not at all",
                )
            )
        found.append(
            Risk(
                "Features couple to the HTTP client",
                "Low",
                f"They type `{n.client_protocol}` and test with `{n.fake_client}`, whose signatures are "
                "checked against the Protocol",
            )
        )
        if self.endpoint and self.require_auth:
            found.append(
                Risk(
                    "Any authenticated caller can use every route",
                    "High until done",
                    "The authorization task decides who may call each route before "
                    f"`{n.env('ENDPOINT_ENABLED')}=true`",
                )
            )
        elif self.endpoint:
            found.append(
                Risk(
                    "The routes are open to anonymous callers",
                    "High",
                    "Serve only data that is safe to publish, or regenerate with `require_auth`",
                )
            )
        found.append(self.contained_risk("The integration breaks existing features"))
        return found

    @property
    def testing_strategy(self) -> list[StrategyRow]:
        unit = self.unit_tests
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
            self.plan_test_row(),
        ]
        if self.endpoint:
            covers = " on the fake client: success, each error mapping"
            rows.append(self.route_test_row(covers, "endpoint"))
        return rows

    @property
    def rules(self) -> list[Rule]:
        n = self.names
        package = self.package
        client = f"{package}/client.py"
        code = [package] + (
            [f"modules/{n.module}", f"api/v1/{n.module}.py"] if self.endpoint else []
        )
        return [
            Rule(
                "Synchronous only: every function is a plain `def`",
                "; ".join(
                    absent(path, text)
                    for path in code
                    for text in ("async def", "await ")
                ),
            ),
            Rule(
                "Constructor injection: the client receives its settings slice;"
                " only the factory calls `get_settings()`",
                contains(client, f"settings: {n.settings_class},"),
            ),
            *self.house_rules(),
            Rule(
                "Every call returns an `OperationResult`",
                contains(f"{package}/protocol.py", "-> OperationResult["),
            ),
            self.structlog_rule(),
            Rule(
                "Features depend on a `Protocol`, not on the client class",
                contains(f"{package}/__init__.py", n.client_protocol),
            ),
        ]
