"""A feature of one kind for one host generation: the one interface every kind implements.

Each host generation is a package here (``modules/``), each kind a class in it
(``module.Module``, ``integration.Integration``), with its template tree in
``template/<generation>/<kind>/``. The class owns what differs by kind and generation:
paths, settings, the plan's tasks, risks and rules, the commands, the log events.
:func:`feature_for` is the one place that chooses by kind.
"""

from __future__ import annotations

import importlib
import json
from abc import ABC, abstractmethod
from collections.abc import Mapping
from functools import cached_property, lru_cache
from typing import Any, ClassVar

from .. import inventory
from ..fields import Fields
from ..names import Names
from ..operations import VERBS, Operations
from ..plan import (
    MANUAL,
    PHASES,
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
from ..slack import SlackCommand

GENERATIONS = ("modules", "packages")
# The back-end that keeps a module's records in the bot's own table (the host's
# StorageService), as opposed to a vendor's API.
STORAGE = "storage"
# The languages of a Slack command's catalogues.
LOCALES = ("en-US", "fr-FR")
REGISTRY: dict[tuple[str, str], type[Feature]] = {}
# The answers that make a feature write every file it can (see Feature.claimed_paths).
WIDEST_OPTIONS = {
    "endpoint": True,
    "providers": ["any", STORAGE],
    "operations": list(VERBS),
}
# The answers a feature is built from; the plan's free text is rendered as it is.
INPUTS = (
    "generation",
    "kind",
    "feature_name",
    "module_name",
    "entity_name",
    "fields",
    "operations",
    "providers",
    "primary_provider",
    "wired_providers",
    "endpoint",
    "require_auth",
    "slack",
    "slack_command",
)


class Feature(ABC):
    """One feature, as its answers describe it, for its host generation.

    Args:
        answers: The answers of copier.yml (at least ``feature_name``, ``module_name``,
            ``entity_name``, ``operations`` and ``kind``).
    """

    generation: ClassVar[str]
    kind: ClassVar[str]
    # The back-ends a module's answers name; an integration has none.
    providers: tuple[str, ...] = ()
    # What the plan and docstrings call a feature of this kind.
    noun: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            REGISTRY[(cls.generation, cls.kind)] = cls

    def __init__(self, answers: Mapping[str, Any]) -> None:
        self.answers = dict(answers)
        self.names = Names(
            title=str(answers["feature_name"]),
            module=str(answers["module_name"]),
            entity=str(answers["entity_name"]),
        )
        self.ops = Operations.select(
            self.names, answers.get("operations") or (), paged=self.kind == "module"
        )
        # An integration's payloads keep the default fields; a module's are answered.
        self.fields = Fields.read(
            answers.get("fields") if self.kind == "module" else None
        )
        self.require_auth = bool(answers.get("require_auth", True))
        asked = self.kind == "module" and answers.get("slack")
        command = answers.get("slack_command") if asked else None
        self.slack: SlackCommand | None = (
            SlackCommand.build(str(command), self.names, self.ops, self.fields)
            if command
            else None
        )

    @property
    def vendors(self) -> tuple[str, ...]:
        """The back-ends that are a vendor's API, each with its adapter or plug-in."""
        return tuple(provider for provider in self.providers if provider != STORAGE)

    @property
    def primary_choice(self) -> bool:
        """Whether the settings choose the source of truth among several back-ends."""
        return len(self.providers) > 1

    @property
    def input_models(self) -> list[str]:
        """The domain dataclasses that carry input: a draft to create, changes to apply."""
        entity = self.names.entity
        suffixes = (("create", "Draft"), ("update", "Changes"))
        return [entity + suffix for verb, suffix in suffixes if self.ops.has(verb)]

    @property
    def stores(self) -> bool:
        """Whether the bot's own storage is one of the back-ends."""
        return STORAGE in self.providers

    # --- where things are -------------------------------------------------------------

    @property
    @abstractmethod
    def package(self) -> str:
        """The feature's own folder, relative to the application root."""

    @property
    @abstractmethod
    def has_routes(self) -> bool:
        """Whether the feature serves HTTP routes."""

    @property
    def tree(self) -> str:
        """The feature's template tree, under ``template/``."""
        return f"{self.generation}/{self.kind}"

    @cached_property
    def files(self) -> list[str]:
        """Every file the template writes for this feature, relative to the application root.

        The feature's own package comes first, then the rest in path order, copier's
        answers file last: the order a reviewer reads them in.
        """
        package = self.package + "/"
        return sorted(
            inventory.files(self.tree, {**self.answers, "feature": self}),
            key=lambda path: (not path.startswith(package), path.startswith("."), path),
        )

    @cached_property
    def claimed_paths(self) -> list[str]:
        """What a feature of this kind and name writes under its own name, options on.

        The host must have none of them before the feature is added: each file's leading
        path up to the segment named after the module (``modules/<m>``,
        ``api/v1/<m>.py``, ``tests/fixtures/fake_<m>_client.py``), read off the template
        tree. Every option that adds files is on, since an update may turn one on later.
        """
        widest = type(self)({**self.answers, **WIDEST_OPTIONS})
        context = {**widest.answers, "feature": widest}
        claimed = inventory.claimed(self.tree, context, "module_name")
        # Folders first, shallow ones first: "the host already has modules/<m>" says
        # the most.
        return sorted(
            claimed,
            key=lambda path: ("." in path.rsplit("/", 1)[-1], path.count("/")),
        )

    @property
    @abstractmethod
    def unit_tests(self) -> str:
        """The folder of the feature's unit tests."""

    @property
    @abstractmethod
    def route_tests(self) -> str:
        """The folder of the feature's route tests (only written when it has routes)."""

    # How the host's documentation runs a Python script from the application root.
    python_command: ClassVar[str] = "python3"

    @property
    def plan_test(self) -> str:
        """The generated test of the plan, also a script that prints its progress."""
        return f"{self.unit_tests}/test_plan.py"

    @property
    def test_dirs(self) -> list[str]:
        """The folders of the feature's tests."""
        return [self.unit_tests] + ([self.route_tests] if self.has_routes else [])

    @cached_property
    def source_paths(self) -> list[str]:
        """The feature's code outside the tests: its own package first, then the rest."""
        found: list[str] = [self.package]
        for path in self.files:
            if path.endswith(".py") and not path.startswith("tests/"):
                parts = path.split("/")
                nested = len(parts) > 2 and parts[0] in self.package_roots
                top = "/".join(parts[:2]) if nested else path
                if top not in found:
                    found.append(top)
        return found

    @property
    @abstractmethod
    def settings_file(self) -> str:
        """The file of the feature's settings slice, relative to the application root."""

    @property
    def settings_module(self) -> str:
        """The settings file as an importable module name."""
        return self.settings_file.removesuffix(".py").replace("/", ".")

    @property
    @abstractmethod
    def settings_reach(self) -> str:
        """How the feature's code reaches its settings, as the plan says it."""

    @property
    def wired_files(self) -> list[str]:
        """The host's own files the feature's generation edits (none by default)."""
        return []

    @property
    def dev_requirements(self) -> tuple[str, ...]:
        """What the wiring task adds to the host's development requirements (none by default)."""
        return ()

    @property
    def package_roots(self) -> tuple[str, ...]:
        """The host's folders that hold features' packages."""
        return (self.package.split("/")[0],)

    @cached_property
    def coverage_files(self) -> list[str]:
        """The feature's code as ``coverage report`` takes it: a shell glob per folder of it.

        Its files inside its own folders as ``<folder>/*.py``, one per folder that holds
        some, and each file outside them by its path: short arguments, so the command
        reads in a terminal, and a file the tests never import counts as uncovered.
        """
        folders = [path for path in self.source_paths if not path.endswith(".py")]
        found: list[str] = []
        for path in self.files:
            if not path.endswith(".py") or path.startswith("tests/"):
                continue
            folder = path.rpartition("/")[0]
            inside = any(
                folder == top or folder.startswith(top + "/") for top in folders
            )
            item = f"{folder}/*.py" if inside else path
            if item not in found:
                found.append(item)
        return found

    # --- the plan ---------------------------------------------------------------------

    @cached_property
    def tasks(self) -> list[Task]:
        """The implementation plan's tasks, in ID order."""
        return self.build_tasks()

    @abstractmethod
    def build_tasks(self) -> list[Task]:
        """Every task of the plan."""

    def phase_tasks(self, phase: int) -> list[Task]:
        """The tasks of one phase (1, 2 or 3)."""
        return [task for task in self.tasks if task.phase == phase]

    def phase_title(self, phase: int) -> str:
        return PHASES[phase - 1]

    def task_id(self, title_start: str) -> str:
        """The ID of the task whose title starts with ``title_start``."""
        return next(
            task.id for task in self.tasks if task.title.startswith(title_start)
        )

    @property
    def store_file(self) -> str:
        """The file of the storage back-end (a module with ``storage`` among its back-ends)."""
        raise NotImplementedError

    def add_fields_task(self, tasks: TaskList, files: list[str]) -> None:
        """T203: the entity's fields, from the answers, in every layer (the scaffold's)."""
        first = self.fields[0].name
        tasks.add(
            203,
            f"Fields of `{self.names.entity}` from the answers"
            f" ({', '.join(field.name for field in self.fields)}) in every layer and test",
            files,
            3,
            True,
            [contains(files[0], f"    {first}: ")],
        )

    def add_storage_tasks(self, tasks: TaskList) -> None:
        """T210, the storage back-end (the scaffold's), and T220, its table (the team's)."""
        if not self.stores:
            return
        n = self.names
        tasks.add(
            210,
            f"Storage back-end: {n.entity_plural_words} in `{n.table}` through the host's"
            f" `StorageService` ({self.ops.verbs})",
            [self.store_file],
            len(self.ops),
            True,
            [contains(self.store_file, "self._storage.")],
        )
        tasks.add(
            220,
            f"The table `{n.table}` in the host repository, outside `app/`: terraform's"
            " `dynamodb.tf`, its ARN in `iam.tf`, and `.devcontainer`'s `dynamodb-create.sh`,"
            " as section 4 gives them",
            [],
            1,
            False,
            [MANUAL],
        )

    def table_setting(self, field: str = "") -> list[Setting]:
        """The storage back-end's table, as a setting (``field``: its attribute, if not its
        variable's name); none without the storage back-end."""
        if not self.stores:
            return []
        n = self.names
        return [
            Setting(
                n.env("TABLE_NAME"),
                "str",
                f'"{n.table}"',
                (),
                f"The DynamoDB table that keeps the {n.entity_plural_words} (the storage back-end).",
                field=field,
            )
        ]

    @property
    def storage_risks(self) -> list[Risk]:
        """What the storage back-end adds to the risks, if it is one."""
        if not self.stores:
            return []
        n = self.names
        return [
            Risk(
                f"The table `{n.table}` is missing in an environment",
                "Medium until done",
                f"Task {self.task_id('The table')} adds it with the deploy; until then every call"
                " answers 400 naming the table, never a false 404",
            ),
            Risk(
                "Two updates of one item at the same moment: the last one wins",
                "Low",
                "The host's `StorageService` has no conditional update; an update reads the item,"
                " applies the changes and writes it whole",
            ),
            Risk(
                "One partition holds every item",
                "Low",
                "A partition serves about 1,000 writes and 3,000 reads a second; shard the"
                " partition key by month if the feature ever needs more",
            ),
        ]

    def add_rollout_task(self, tasks: TaskList) -> None:
        """T305: the staged switch-on."""
        tasks.add(
            305,
            f"Rollout: `{self.names.env('ENABLED')}=true` in dev, then staging, then production (section 10)",
            [],
            2,
            False,
            ["manual"],
        )

    # --- the Slack command (modules only: see extensions/slack.py) ------------------------

    # The folder of the feature's package that holds its transports besides HTTP.
    slack_folder: ClassVar[str] = "platforms"

    @property
    def slack_file(self) -> str:
        """The module of the feature's Slack command."""
        return f"{self.package}/{self.slack_folder}/slack.py"

    @property
    def catalogues(self) -> list[str]:
        """The command's English and French catalogues, in that order."""
        module = self.names.module
        return [f"{self.package}/locales/{module}.{locale}.yml" for locale in LOCALES]

    @property
    def slack_test(self) -> str:
        """The tests of the command, through the host's provider."""
        return f"{self.unit_tests}/test_slack.py"

    def add_slack_tasks(self, tasks: TaskList) -> None:
        """T207 to T209: the command, who may run it, its wording."""
        if self.slack is None:
            return
        subcommands = ", ".join(sub.name for sub in self.slack.subcommands)
        files = [self.slack_file, *self.catalogues]
        tasks.add(
            207,
            f"Slack command `{self.slack.usage}`: a subcommand per operation ({subcommands}),"
            " help and replies in English and French",
            files,
            len(self.ops) + 2,
            True,
            [
                exists(*files),
                contains(f"{self.package}/__init__.py", "def register_slack_commands"),
            ],
        )
        tasks.todo(
            208,
            "Slack: decide who may run each subcommand (today anyone in the workspace can)",
            [self.slack_file],
            len(self.ops),
            where=self.slack_file,
        )
        tasks.todo(
            209,
            "Slack: replies in the team's words, the French read by a French speaker",
            list(self.catalogues),
            2,
            where=self.catalogues[1],
        )

    @property
    def slack_risks(self) -> list[Risk]:
        """What the command adds to the risks, if there is one."""
        if self.slack is None:
            return []
        return [
            Risk(
                "Anyone in the Slack workspace can run every subcommand",
                "High until done",
                f"Task {self.task_id('Slack: decide')} decides who may run each one before production;"
                f" every call logs `{self.names.module}_slack_command_received` with the user's id",
            ),
            Risk(
                "A reply disturbs a busy channel",
                "Low",
                "Every reply is ephemeral: only the person who ran the command sees it",
            ),
            Risk(
                "A reply leaks a back-end detail, or pings people",
                "Low",
                "Replies show the item's fields and the domain's own refusals; back-end errors become a fixed"
                " message; text from users is escaped, so `<!channel>` stays text",
            ),
        ]

    @property
    def slack_strategy(self) -> list[StrategyRow]:
        """The command's tests, if there is one."""
        if self.slack is None:
            return []
        return [
            StrategyRow(
                "unit",
                self.slack_test,
                "the command through the host's provider, parser and translations: help, every"
                " subcommand, every error status, switched off, malformed text; both catalogues",
            )
        ]

    def storage_strategy(self, unit: str, end_to_end: str) -> list[StrategyRow]:
        """The storage back-end's tests, if it is one: ``unit``, then ``end_to_end``."""
        if not self.stores:
            return []
        slack = " and Slack subcommand" if self.slack else ""
        return [
            StrategyRow(
                "unit",
                unit,
                "the key scheme and each operation on the host's storage kept in memory:"
                " ids newest first, partial updates, not found, the storage's errors, a missing table",
            ),
            StrategyRow(
                "integration",
                end_to_end,
                f"every route{slack} end to end against DynamoDB (moto), the table read back",
            ),
        ]

    def structlog_rule(self) -> Rule:
        """structlog is the host's only logger."""
        checks = [
            absent(self.package, "print("),
            absent(self.package, "import logging"),
        ]
        return Rule(
            "structlog only: no `print`, no standard `logging`", "; ".join(checks)
        )

    def plan_test_row(self) -> StrategyRow:
        """The plan's own test, in each kind's testing strategy."""
        return StrategyRow(
            "unit",
            self.plan_test,
            "this plan: unique task IDs, named files exist, every ticked box's check holds",
        )

    def add_performance_task(self, tasks: TaskList) -> None:
        """T304: the routes' latency measured in staging, a person's check."""
        tasks.add(
            304,
            "Performance check against staging: p95 latency of each route recorded in the Rollout section",
            [],
            2,
            False,
            [MANUAL],
        )

    @abstractmethod
    def phase_commands(self, phase: int) -> list[str]:
        """The commands that close a phase, run from the application root."""

    @property
    @abstractmethod
    def risks(self) -> list[Risk]:
        """The risks the answers make real, most specific first."""

    @property
    @abstractmethod
    def testing_strategy(self) -> list[StrategyRow]:
        """The generated test files by level, with what each covers."""

    @property
    @abstractmethod
    def rules(self) -> list[Rule]:
        """The host's rules the generated code satisfies, each with its check."""

    @property
    @abstractmethod
    def settings_variables(self) -> list[Setting]:
        """The fields of the settings slice, in declaration order."""

    @property
    @abstractmethod
    def log_events(self) -> list[str]:
        """Every structlog event the feature emits."""


def _load_generations() -> None:
    """Import every generation's kinds (once: later calls find them in ``sys.modules``)."""
    for generation in GENERATIONS:
        importlib.import_module(f"{__name__}.{generation}")


@lru_cache(maxsize=64)
def _cached(inputs: tuple[tuple[str, Any], ...]) -> Feature:
    answers = {key: _answer(value) for key, value in inputs}
    key = (answers.get("generation", GENERATIONS[0]), answers.get("kind", "module"))
    return REGISTRY[key](answers)


def _answer(value: Any) -> Any:
    """An answer back from its cache key (see :func:`_hashable`)."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, str) and value.startswith("json:"):
        return json.loads(value[len("json:") :])
    return value


def writes_for(answers: Mapping[str, Any]) -> bool:
    """Whether a kind of this template writes for the answers' generation and kind."""
    _load_generations()
    key = (answers.get("generation", GENERATIONS[0]), answers.get("kind", "module"))
    return key in REGISTRY


def feature_for(answers: Mapping[str, Any]) -> Feature:
    """The feature the answers describe, of their kind and host generation (built once)."""
    _load_generations()
    inputs = tuple((key, _hashable(answers[key])) for key in INPUTS if key in answers)
    return _cached(inputs)


def _hashable(value: Any) -> Any:
    """An answer as a key of the features' cache: lists as tuples, mappings as JSON."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return "json:" + json.dumps(value, sort_keys=True)
    return value
