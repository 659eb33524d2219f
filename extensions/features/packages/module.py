"""A module of the packages generation: a feature package with routes, a service and back-end adapters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...fields import Fields
from ...text_answers import as_names
from ...names import Names, pascal, with_article
from ...operations import TABLE, Operation
from ...plan import (
    ApiRow,
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
from .. import STORAGE
from . import PackagesFeature

# What each verb's route does, in its OpenAPI description.
DESCRIPTIONS = {
    "create": "Creates {a} from the body, once the domain's rules hold.",
    "get": "Returns the {one} with this id.",
    "list": "Returns up to `limit` {many}, at most {max_page} of them, newest first;"
    " send a page's `next` as `before` for the one after it.",
    "update": "Changes the fields the body sends; the others keep their value.",
    "delete": "Deletes the {one} with this id.",
}


@dataclass(frozen=True)
class Wired:
    """A back-end that is an integration this template wrote into the host: its adapter calls it.

    Attributes:
        module: The integration's package under ``integrations/``.
        entity: The integration's payload class.
        verbs: The calls its client has.
    """

    module: str
    entity: str
    verbs: tuple[str, ...]

    @property
    def pascal(self) -> str:
        return pascal(self.module)

    @property
    def client_class(self) -> str:
        return f"{self.pascal}Client"

    @property
    def classifier(self) -> str:
        return f"classify_{self.module}_error"

    @property
    def client_factory(self) -> str:
        return self.names.client_factory

    @property
    def fake_client(self) -> str:
        return self.names.fake_client

    @property
    def names(self) -> Names:
        return Names(title=self.module, module=self.module, entity=self.entity)

    @property
    def store(self) -> str:
        """The attribute of the integration's fake client that holds its payloads."""
        return self.names.entity_plural_snake

    def method(self, verb: str) -> str:
        """The client's method of one operation, named after the integration's entity."""
        return TABLE[verb](self.names).method


class Module(PackagesFeature):
    """``packages/<m>/``: hooks, settings, domain, schemas, service, providers, adapters, HTTP routes."""

    kind = "module"
    root = "packages"
    noun = "feature"

    def __init__(self, answers: Mapping[str, Any]) -> None:
        super().__init__(answers)
        self.providers: tuple[str, ...] = tuple(as_names(answers.get("providers")))
        primary = answers.get("primary_provider") if len(self.providers) > 1 else None
        if primary not in self.providers:
            primary = self.providers[0] if self.providers else None
        self.primary_provider: str | None = primary
        wired = answers.get("wired_providers") or {}
        self.wired: dict[str, Wired] = {
            provider: Wired(
                provider,
                str(wired[provider].get("entity_name", "")),
                tuple(wired[provider].get("operations") or ()),
            )
            for provider in self.providers
            if isinstance(wired, dict) and isinstance(wired.get(provider), dict)
        }

    def backend_factory(self, provider: str) -> str:
        """What builds one back-end: its adapter's class, or the store's getter."""
        if provider == STORAGE:
            return f"get_{self.names.module}_store"
        return self.names.backend_class(provider)

    @property
    def store_file(self) -> str:
        """The repository of the storage back-end."""
        return f"{self.package}/store.py"

    def backend_file(self, provider: str) -> str:
        """The file of one back-end: its adapter, or the store."""
        if provider == STORAGE:
            return self.store_file
        return f"{self.package}/adapters/{provider}.py"

    def backend_type(self, provider: str) -> str:
        """The class of one back-end: its adapter, or the store."""
        if provider == STORAGE:
            return self.names.store_class
        return self.names.backend_class(provider)

    def stubbed(self, provider: str) -> list[Operation]:
        """The operations ``provider``'s adapter leaves to the team: all, unless its integration has them.

        An integration's payloads have the template's two placeholder fields: an entity
        with other fields leaves the mapping of every payload to the team, so only delete,
        which maps none, calls the integration. A list stays with the team too: the
        module's list goes on after an id (``before``), the integration's client reads
        the vendor's first page only.
        """
        wired = self.wired.get(provider)
        maps = self.fields != Fields.read(None)
        return [
            op
            for op in self.ops
            if wired is None
            or op.verb not in wired.verbs
            or op.verb == "list"
            or (maps and op.verb != "delete")
        ]

    @property
    def has_routes(self) -> bool:
        return True

    @property
    def has_providers(self) -> bool:
        return bool(self.providers)

    @property
    def scope(self) -> str:
        """The OAuth scope the routes ask of a caller's token, as the host names them."""
        return f"sre-bot:{self.names.url_path[1:]}"

    @property
    def first_tests(self) -> list[str]:
        return [
            self.test_file(self.unit_tests, "settings"),
            self.test_file(self.unit_tests, "package_init"),
        ]

    def route_description(self, op: Operation) -> str:
        n = self.names
        return DESCRIPTIONS[op.verb].format(
            a=with_article(n.entity_words),
            one=n.entity_words,
            many=n.entity_plural_words,
            max_page=n.env("MAX_PAGE_SIZE"),
        )

    @property
    def api_rows(self) -> list[ApiRow]:
        """The routes, for the plan's API design table."""
        rows = []
        for op in self.ops:
            body = [param.type for param in op.http_params if param.name == "body"]
            if body:
                request = f"`{body[0]}` (JSON)"
            else:
                request = (
                    f"`?limit=` (1 to `{self.names.env('MAX_PAGE_SIZE')}`),"
                    " `?before=` (the last id of the previous page)"
                    if op.verb == "list"
                    else "—"
                )
            # 401 and 403 also come from a back-end's refusal, with or without auth.
            codes = [op.status_code, 400, 401, 403]
            codes += ([404] if op.by_id else []) + [422, 503]
            rows.append(
                ApiRow(
                    method=op.http_method,
                    path=f"/api/v1{self.names.url_path}{op.path}",
                    request=request,
                    response=(
                        "no body"
                        if op.http_returns == "None"
                        else f"`{op.http_returns}`"
                    ),
                    codes=", ".join(str(code) for code in codes),
                    auth=f"token with `{self.scope}`" if self.require_auth else "none",
                )
            )
        return rows

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
                field="enabled",
            )
        ]
        if self.ops.has("list"):
            found.append(
                Setting(
                    n.env("MAX_PAGE_SIZE"),
                    "int",
                    "100",
                    ("ge=1", "le=1000"),
                    f"The largest page of {n.entity_plural_words} a list request may ask for.",
                    field="max_page_size",
                )
            )
        found += self.table_setting(field="table_name")
        if self.primary_choice:
            choices = ", ".join(f'"{provider}"' for provider in self.providers)
            found.append(
                Setting(
                    n.env("PRIMARY_PROVIDER"),
                    f"Literal[{choices}]",
                    f'"{self.primary_provider}"',
                    (),
                    f"The back-end that is the source of truth: one of {', '.join(self.providers)}.",
                    field="primary_provider",
                )
            )
        return found

    @property
    def log_events(self) -> list[str]:
        m = self.names.module
        events = [
            f"{m}_settings_loaded",
            f"{m}_disabled",
            f"{m}_ready",
            *(op.event for op in self.ops),
        ]
        events.append(f"{m}_operation_failed")
        if self.slack:
            events.append(f"{m}_slack_command_received")
        return events

    def build_tasks(self) -> list[Task]:
        n = self.names
        package = self.package
        tasks = TaskList(f"TODO({n.module})")
        add, todo = tasks.add, tasks.todo
        ops = len(self.ops)
        verbs = self.ops.verbs
        http = f"{package}/interactions/http.py"

        # Phase 1: what every later task stands on.
        self.add_settings_task(tasks)
        add(
            103,
            "Domain (frozen dataclasses and their rules, standard library only) and HTTP schemas",
            [f"{package}/domain.py", f"{package}/schemas.py"],
            2,
            True,
            [exists(f"{package}/domain.py", f"{package}/schemas.py")],
        )
        if self.has_providers:
            port_files = [f"{package}/ports.py", f"{package}/providers.py"]
            port_files += [self.backend_file(provider) for provider in self.providers]
            kinds = (["the store"] if self.stores else []) + (
                ["one adapter per vendor"] if self.vendors else []
            )
            add(
                104,
                f"Back-end port `{n.backend_port}`, {' and '.join(kinds)}, and the getters that choose the primary",
                port_files,
                1 + len(self.providers),
                True,
                [exists(*port_files)],
            )
        add(
            105,
            "Plugin hooks: `register_routes` mounts the router,"
            " `startup_warmup` logs the settings and builds the service",
            [f"{package}/__init__.py"],
            1,
            True,
            [contains(f"{package}/__init__.py", "def startup_warmup")],
        )

        # Phase 2: the feature's behaviour.
        add(
            201,
            f"Service with one method per operation ({verbs}), the domain's rules checked first",
            [f"{package}/service.py", f"{package}/providers.py"],
            ops,
            True,
            [contains(f"{package}/service.py", f"class {n.service_class}")],
        )
        add(
            202,
            "HTTP routes: `async def` handlers, one service call each, results rendered to status codes",
            [http],
            ops,
            True,
            [contains(http, "async def")],
        )
        self.add_fields_task(tasks, [f"{package}/domain.py", f"{package}/schemas.py"])
        self.add_storage_tasks(tasks)
        if self.ops.takes_input:
            todo(
                204,
                "Business rules in the domain (beyond types and lengths, which the schemas enforce)",
                [f"{package}/domain.py"],
                len([verb for verb in ("create", "update") if self.ops.has(verb)]) + 1,
                where=f"{package}/domain.py",
                marker=f"TODO({n.module}): add the business rules",
            )
        for index, provider in enumerate(self.vendors):
            adapter = self.backend_file(provider)
            stubbed = self.stubbed(provider)
            if provider in self.wired and not stubbed:
                add(
                    211 + index,
                    f"`{provider}` adapter: calls `integrations/{provider}/` for {verbs},"
                    " classifies its errors, maps its payloads",
                    [adapter],
                    ops,
                    True,
                    [contains(adapter, f"from integrations.{provider} import")],
                )
                continue
            left = ", ".join(op.verb for op in stubbed)
            todo(
                211 + index,
                f"`{provider}` adapter: call {provider} through its client in `integrations/`"
                f" for {left}, classify its errors, map its payloads",
                [adapter],
                len(stubbed),
                where=adapter,
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
                f"Authorization: who is granted `{self.scope}`, and whether writes need a scope of their own",
                [http],
                1,
                where=http,
            )

        # Phase 3: confidence and release.
        unit = self.unit_tests
        pinned = sum(len(self.stubbed(provider)) for provider in self.vendors)
        if pinned:
            tests_file = self.test_file(unit, "adapters")
            todo(
                301,
                "Adapter tests: replace the not-implemented pins with tests of the real calls (a fake client)",
                [tests_file],
                pinned,
                where=tests_file,
                marker="is_not_implemented_yet",
            )
        if self.vendors:
            adapters = [self.backend_file(provider) for provider in self.vendors]
            add(
                302,
                "Every adapter reaches its vendor through `integrations/` and classifies the vendor's errors",
                adapters,
                len(adapters),
                all(provider in self.wired for provider in self.vendors),
                [contains(path, "from integrations.") for path in adapters],
            )
        elif not self.has_providers:
            tests_file = self.test_file(unit, "service")
            todo(
                301,
                "Service tests: replace the not-implemented pins with tests of the real work",
                [tests_file],
                ops,
                where=tests_file,
                marker="is_not_implemented_yet",
            )
        self.readme_task(tasks)
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
                    "A back-end rate-limits the bot (HTTP 429)",
                    "Medium",
                    "The adapter classifies it transient with its `retry_after`; routes answer 503 with `Retry-After`; "
                    "retries belong to the vendor's client, never to the feature",
                ),
                Risk(
                    "A back-end is down or slow",
                    "Medium",
                    "Its client's timeout (set once in `integrations/`) bounds each call; failures log "
                    f"`{n.module}_operation_failed` with the back-end; `{enabled}=false` switches the feature off",
                ),
            ]
        if self.primary_choice:
            found.append(
                Risk(
                    "Back-ends disagree about an item",
                    "Medium",
                    f"One source of truth: the primary (`{n.env('PRIMARY_PROVIDER')}`); "
                    "the others are not written to until a task adds mirroring",
                )
            )
        if self.require_auth:
            found.append(
                Risk(
                    f"Every caller granted `{self.scope}` can use every route",
                    "High until done",
                    "The authorization task decides who is granted the scope before production",
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
                    "Invalid or hostile input reaches a back-end",
                    "Medium",
                    "Schemas refuse unknown fields and over-long text (422); the domain's rules run before any call",
                )
            )
        if self.ops.has("delete"):
            found.append(
                Risk(
                    "A delete cannot be undone",
                    "Medium",
                    f"Decide soft delete or confirmation in the authorization task; log `{n.entity_snake}_deleted`",
                )
            )
        found += self.slack_risks
        found.append(self.contained_risk("The feature breaks existing ones"))
        return found

    @property
    def testing_strategy(self) -> list[StrategyRow]:
        unit, routes = self.unit_tests, self.route_tests
        rows = [
            StrategyRow(
                "unit",
                self.test_file(unit, "domain"),
                "every rule of the domain, kept and broken",
            ),
            StrategyRow(
                "unit",
                self.test_file(unit, "service"),
                "each operation: success, every error passed through, rules checked before any call, log events",
            ),
        ]
        if self.vendors:
            rows.append(
                StrategyRow(
                    "unit",
                    self.test_file(unit, "adapters"),
                    "each adapter keeps the port"
                    + (
                        "; those on an integration call its fake client, classify what it raises"
                        if self.wired
                        else ""
                    )
                    + "; its open work is pinned",
                )
            )
        rows += [
            StrategyRow(
                "unit",
                self.test_file(unit, "providers"),
                "the getters build once, the primary back-end is chosen",
            ),
            StrategyRow(
                "unit",
                self.test_file(unit, "settings"),
                "environment names, defaults, ranges",
            ),
            StrategyRow(
                "unit",
                self.test_file(unit, "package_init"),
                "routes mounted by the hook, warm-up on and off",
            ),
            *self.slack_strategy,
            self.plan_test_row(),
            *self.storage_strategy(
                self.test_file(unit, "store"), self.test_file(routes, "storage")
            ),
            StrategyRow(
                "integration",
                self.test_file(routes, "routes"),
                "every route over HTTP: success, each error status, malformed input"
                + (", callers without a token refused" if self.require_auth else "")
                + ", the feature switched off",
            ),
        ]
        return rows

    @property
    def rules(self) -> list[Rule]:
        package = self.package
        http = f"{package}/interactions/http.py"
        service = f"{package}/service.py"
        domain = f"{package}/domain.py"
        outside_adapters = [
            path
            for path in self.files
            if path.startswith(package + "/")
            and path.endswith(".py")
            and "/adapters/" not in path
        ]
        return [
            Rule(
                "Handlers are `async def` and call one service method each, with no `try`",
                "; ".join([contains(http, "async def"), absent(http, "try:")]),
            ),
            Rule(
                "Constructor injection: the service receives its settings"
                + (" and back-end" if self.has_providers else "")
                + " by keyword and never calls a getter",
                "; ".join(
                    [
                        contains(service, "def __init__(self, *,"),
                        absent(service, "_settings()"),
                    ]
                ),
            ),
            Rule(
                "`integrations/` is imported only under `adapters/`, but for the Slack transport's"
                " models and provider, which the host still keeps in `integrations/slack/`",
                "; ".join(
                    no_line(
                        path,
                        r"^(from|import) integrations\.(?!slack\.(models|provider)\b)",
                    )
                    for path in outside_adapters
                ),
            ),
            *self.house_rules(),
            Rule(
                "Every operation returns an `OperationResult`; routes never return the envelope",
                contains(service, "-> OperationResult["),
            ),
            self.structlog_rule(),
            Rule(
                "Frozen dataclasses for the domain, which imports only the standard library",
                "; ".join(
                    [
                        contains(domain, "@dataclass(frozen=True)"),
                        no_line(domain, r"^from (?!(dataclasses|datetime|typing)\b)"),
                    ]
                ),
            ),
        ]
