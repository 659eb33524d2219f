"""The vocabulary of a feature's implementation plan: tasks and their checks, risks, rules, test rows.

Each kind of feature (``features/``) builds its plan from these; PLAN.md renders it and
the generated ``test_plan.py`` verifies it (``planfile.py``), so the plan and the code
start from the same facts. A task's check is what makes a ticked box trustworthy; its
grammar is documented in docs/plan.md.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

PHASES = ("Foundation", "Core functionality", "Polish & deploy")
SIZES = ((2, "Small"), (4, "Medium"))
MANUAL = "manual"
# An import statement inside a function or class body.
# An import inside a block, but the host's Slack provider, imported for typing only.
INDENTED_IMPORT = (
    r"^[ ]+(import [\w.]+|from (?!(integrations\.slack\.provider"
    r"|infrastructure\.platforms\.providers\.slack) import SlackPlatformProvider$)"
    r"[\w.]+ import )"
)


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


@dataclass(frozen=True)
class Task:
    """One checklist line of the plan (``planfile.task_line`` writes it)."""

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
    """Collects a plan's tasks; ``add`` takes a task's fixed number and fills in the rest.

    An ID is the task's phase and its place in that phase (T101, T102, ... T201, ...),
    fixed for each kind of task, so it stays the same across template versions: a new
    kind of task gets a new number, never one taken.
    """

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
        where: str = "",
        marker: str = "",
        new_files: tuple[str, ...] = (),
    ) -> None:
        """Add task ``T<number>``: phase from its first digit, size from ``points``."""
        self._tasks.append(
            Task(
                id=f"T{number:03d}",
                phase=number // 100,
                title=title,
                files=tuple(files),
                size=size(points),
                done=done,
                checks=tuple(checks),
                where=where,
                marker=marker or (self.marker if where else ""),
                new_files=new_files,
            )
        )

    def todo(
        self,
        number: int,
        title: str,
        files: list[str],
        points: int,
        where: str,
        marker: str = "",
    ) -> None:
        """Add an open task whose work is marked in ``where`` (by the list's marker, unless
        ``marker`` names another): it is done when no line of ``where`` holds the marker.
        """
        marker = marker or self.marker
        checks = [absent(where, marker)]
        self.add(
            number, title, files, points, False, checks, where=where, marker=marker
        )

    def in_order(self) -> list[Task]:
        return sorted(self._tasks, key=lambda task: task.id)


@dataclass(frozen=True)
class Risk:
    """One row of the risks table."""

    risk: str
    likelihood: str
    mitigation: str


@dataclass(frozen=True)
class StrategyRow:
    """One row of the testing strategy: a generated test file and what it covers."""

    level: str
    path: str
    covers: str


@dataclass(frozen=True)
class ApiRow:
    """One route of the API design table."""

    method: str
    path: str
    request: str
    response: str
    codes: str
    auth: str


@dataclass(frozen=True)
class Rule:
    """One host rule of the architectural checklist, with the check that shows it holds."""

    text: str
    check: str


@dataclass(frozen=True)
class Setting:
    """One field of the settings slice: its environment variable and what it means."""

    name: str
    type: str
    default: str
    constraints: tuple[str, ...]
    meaning: str
    # The field's Python name, where it is not the variable's own (a prefixed slice).
    field: str = ""

    @property
    def attribute(self) -> str:
        """The settings class's attribute that holds the variable."""
        return self.field or self.name

    @property
    def secret(self) -> bool:
        return "SecretStr" in self.type
