"""An integration of the packages generation: a vendor's client under ``integrations/<vendor>/``.

It follows the host's outbound-client record: the package gives features a cached client
factory and one classification function; the client raises, adapters in the features
that use it classify. Routes belong to feature packages, so there is no endpoint: a
module whose ``providers`` name the integration writes the adapter.
"""

from __future__ import annotations

from ...operations import Operation
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
    no_line,
)
from . import PackagesFeature


class Integration(PackagesFeature):
    """``integrations/<m>/``: settings, an httpx client that raises, its classifier, payloads, a fake."""

    kind = "integration"
    root = "integrations"
    noun = "integration"

    @property
    def has_routes(self) -> bool:
        return False

    @property
    def owner_mark(self) -> str:
        return f'alias="{self.names.upper}_'

    @property
    def client_class(self) -> str:
        return f"{self.names.pascal}Client"

    @property
    def classifier(self) -> str:
        return f"classify_{self.names.module}_error"

    @property
    def resource_path(self) -> str:
        """The vendor API's path of the entity's collection ("/incident-notes")."""
        return "/" + self.names.entity_plural_snake.replace("_", "-")

    @property
    def payload_models(self) -> list[str]:
        """The vendor payload schemas the client's calls name, sorted."""
        entity = self.names.entity
        # The entity is always there: the fake keeps the API's objects, whatever the calls.
        found = [entity]
        found += [entity + "Draft"] if self.ops.has("create") else []
        found += [entity + "Changes"] if self.ops.has("update") else []
        return sorted(found)

    def client_returns(self, op: Operation) -> str:
        """What a call of the client returns: the API's payload, a list of them, or nothing."""
        return {"list": f"list[{self.names.entity}]", "delete": "None"}.get(
            op.verb, self.names.entity
        )

    @property
    def sample_call(self) -> str:
        """A call of the client's first operation, as a test writes it."""
        op = self.ops[0]
        args = {
            "create": f'{self.names.entity}Draft(title="Disk full")',
            "list": "10",
            "update": f'"{self.names.entity_kebab}-1", {self.names.entity}Changes(title="x")',
        }.get(op.verb, f'"{self.names.entity_kebab}-1"')
        return f"client.{op.method}({args})"

    @property
    def first_tests(self) -> list[str]:
        return [
            self.test_file(self.unit_tests, "settings"),
            self.test_file(self.unit_tests, "classify"),
        ]

    @property
    def settings_variables(self) -> list[Setting]:
        n = self.names
        return [
            Setting(
                n.env("BASE_URL"),
                "str",
                '""',
                (),
                f"Base URL of the {n.title} API; the client refuses to start without it.",
                field="BASE_URL",
            ),
            Setting(
                n.env("API_TOKEN"),
                "SecretStr",
                'SecretStr("")',
                (),
                "The API token, sent as a bearer token.",
                field="API_TOKEN",
            ),
            Setting(
                n.env("TIMEOUT_SECONDS"),
                "float",
                "10.0",
                ("gt=0", "le=60"),
                "Timeout of one call, in seconds.",
                field="TIMEOUT_SECONDS",
            ),
            Setting(
                n.env("MAX_RETRIES"),
                "int",
                "2",
                ("ge=0", "le=5"),
                "How many times httpx retries a connection that failed; other failures are never retried.",
                field="MAX_RETRIES",
            ),
        ]

    @property
    def log_events(self) -> list[str]:
        return []

    def build_tasks(self) -> list[Task]:
        n = self.names
        package = self.package
        client = f"{package}/client.py"
        schemas = f"{package}/schemas.py"
        tasks = TaskList(f"TODO({n.module})")
        add, todo = tasks.add, tasks.todo
        ops = len(self.ops)

        # Phase 1: what every later task stands on.
        self.add_settings_task(tasks)
        add(
            103,
            "Payloads of the API as pydantic models",
            [schemas],
            1,
            True,
            [exists(schemas)],
        )
        add(
            104,
            f"Client with one call per operation ({self.ops.verbs}) that raises,"
            f" and its cached factory `{self.names.client_factory}()`",
            [client, f"{package}/__init__.py"],
            ops,
            True,
            [contains(client, f"def {self.names.client_factory}")],
        )
        add(
            105,
            f"Classification `{self.classifier}(exc)`: each outcome of a call to a status; a bug raised again",
            [client],
            1,
            True,
            [contains(client, f"def {self.classifier}")],
        )

        # Phase 2: the API as it really is.
        todo(
            201,
            "The API's real paths and payloads: check `RESOURCE` and the schemas against its documentation",
            [client, schemas],
            2,
            where=client,
        )
        if self.payload_models:
            todo(
                202,
                f"Real fields of `{n.entity}`: replace the `title`/`details` placeholders in the schemas",
                [schemas],
                len(self.payload_models),
                where=schemas,
            )
        add(
            203,
            f"A feature uses it: a module generated into this host with `providers: {n.module}`"
            f" gets a working adapter under its `adapters/`, calling `{self.names.client_factory}()`"
            f" and classifying with `{self.classifier}`",
            [],
            2,
            False,
            [MANUAL],
        )

        # Phase 3: confidence and release.
        fake_tests = self.test_file(self.unit_tests, "client")
        add(
            301,
            "Client tests on answers recorded from the real API (one per operation), in place of the invented payloads",
            [fake_tests],
            ops,
            False,
            [MANUAL],
        )
        self.readme_task(tasks)
        add(
            304,
            "Rate limits and timeouts of the real API checked against the defaults of the settings",
            [self.settings_file],
            1,
            False,
            [MANUAL],
        )
        tasks.add(
            305,
            f"Rollout: `{n.env('BASE_URL')}` and `{n.env('API_TOKEN')}` set in dev, then staging, then production",
            [],
            2,
            False,
            [MANUAL],
        )
        return tasks.in_order()

    @property
    def risks(self) -> list[Risk]:
        n = self.names
        return [
            Risk(
                "The API rate-limits the bot (HTTP 429)",
                "Medium",
                f"`{self.classifier}` makes it transient `RATE_LIMITED` with the API's `Retry-After`; "
                "nothing retries it inside a request",
            ),
            Risk(
                "The API is down or slow",
                "Medium",
                f"Every call times out after `{n.env('TIMEOUT_SECONDS')}`; httpx retries only connections that failed",
            ),
            Risk(
                "The token leaks",
                "Low",
                "It is a `SecretStr` with `repr=False`, sent only in the `Authorization` header;"
                " rotate it through the environment",
            ),
            Risk(
                "The real payloads differ from the generated ones",
                "High until done",
                "Task T201 checks them against the documentation; an answer that does not parse"
                " is `UNEXPECTED_PAYLOAD`, never data",
            ),
            Risk(
                "The integration breaks existing features",
                "Low",
                "Nothing calls it until a feature's adapter does; it edits no host file",
            ),
        ]

    @property
    def testing_strategy(self) -> list[StrategyRow]:
        unit = self.unit_tests
        return [
            StrategyRow(
                "unit",
                self.test_file(unit, "client"),
                "each call's request and answer on a recorded transport, refusals raised, the factory",
            ),
            StrategyRow(
                "unit",
                self.test_file(unit, "classify"),
                "each outcome of a call to its status, code and delay; a bug raised again",
            ),
            StrategyRow(
                "unit",
                self.test_file(unit, "fake"),
                "the fake has the client's calls and signatures, and raises as the API does",
            ),
            StrategyRow(
                "unit",
                self.test_file(unit, "settings"),
                "environment names, defaults, ranges, the token kept out of reprs",
            ),
            self.plan_test_row(),
        ]

    @property
    def rules(self) -> list[Rule]:
        package = self.package
        client = f"{package}/client.py"
        return [
            Rule(
                "Clients raise, adapters classify: no `OperationResult` in the client",
                no_line(
                    client, r"^from infrastructure\.operations import .*OperationResult"
                ),
            ),
            Rule(
                "No hand-rolled retry loop: retries are httpx's own",
                "; ".join(
                    absent(package, text)
                    for text in ("time.sleep", "tenacity", "backoff")
                ),
            ),
            Rule(
                "It imports nothing above `infrastructure.operations`",
                no_line(
                    package,
                    r"^(from|import) (packages|modules|api|server|infrastructure\.(?!operations\b))",
                ),
            ),
            Rule(
                "Its exports are the factory, the classification and the settings:"
                f" `{self.names.client_factory}`, `{self.classifier}`",
                contains(f"{package}/__init__.py", self.classifier),
            ),
            *self.house_rules(),
        ]
