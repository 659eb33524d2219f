"""PLAN.md of Email Delivery holds: unique task IDs, named files exist, every ticked box's check passes.

Run ``python3 tests/unit/integrations/email_delivery/test_plan.py`` from the application root
for the progress of each phase.

A check is the HTML comment ending a checklist line, clauses separated by ``;``:
``exists PATH...``, ``absent PATH TEXT`` (TEXT in no file of PATH), ``contains PATH TEXT``,
``no-line PATH REGEX`` (no line of PATH matches) and ``manual`` (a person confirms it).
"""

import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

APP_ROOT = Path(__file__).resolve().parents[4]
PLAN = APP_ROOT / "integrations" / "email_delivery" / "PLAN.md"

_CHECK = r"(?:<!-- check: (?P<check>.*) -->)?"
_ITEM = re.compile(r"^- \[(?P<mark>[ xX])\] (?P<text>.*?)" + _CHECK + r"\s*$")
_TASK_ID = re.compile(r"^\*\*(?P<id>T\d{3})\*\*")
_PHASE = re.compile(r"^### (?P<phase>Phase \d+: .*)$")
_PATH = re.compile(r"`(?P<path>[\w./-]+\.\w+)`(?P<new> \(new\))?")


@dataclass(frozen=True)
class Item:
    """A checklist line of the plan."""

    line: int
    task_id: str
    phase: str
    done: bool
    text: str
    check: str

    @property
    def label(self) -> str:
        return self.task_id or f"line {self.line}"


def read_plan(text: str) -> list[Item]:
    """Every checklist line of ``text``, with the phase it belongs to."""
    items: list[Item] = []
    phase = ""
    for number, line in enumerate(text.splitlines(), start=1):
        heading = _PHASE.match(line)
        if heading:
            phase = heading["phase"]
        elif line.startswith("## "):
            phase = ""
        match = _ITEM.match(line)
        if match:
            task = _TASK_ID.match(match["text"])
            items.append(
                Item(
                    line=number,
                    task_id=task["id"] if task else "",
                    phase=phase,
                    done=match["mark"] != " ",
                    text=match["text"],
                    check=(match["check"] or "").strip(),
                )
            )
    return items


def named_paths(item: Item) -> list[tuple[str, bool]]:
    """The files a checklist line names, each with whether it is marked ``(new)``."""
    found = _PATH.finditer(item.text)
    return [(match["path"], bool(match["new"])) for match in found]


def _files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _matching_lines(path: Path, pattern: re.Pattern[str]) -> list[int]:
    lines = enumerate(path.read_text().splitlines(), start=1)
    return [number for number, line in lines if pattern.search(line)]


def failures(check: str, root: Path) -> list[str]:
    """Why ``check`` does not hold in ``root``; an empty list when it holds."""
    problems: list[str] = []
    for clause in filter(None, (part.strip() for part in check.split(";"))):
        kind, *args = shlex.split(clause)
        if kind == "manual":
            continue
        if kind == "exists":
            missing = [arg for arg in args if not (root / arg).exists()]
            problems += [f"{arg} does not exist" for arg in missing]
            continue
        target = root / args[0]
        files = _files(target)
        if not target.exists():
            problems.append(f"{args[0]} does not exist")
        elif kind == "absent":
            holding = [path for path in files if args[1] in path.read_text()]
            for path in holding:
                problems.append(f"{path.relative_to(root)} still contains {args[1]!r}")
        elif kind == "contains":
            if not any(args[1] in path.read_text() for path in files):
                problems.append(f"{args[0]} does not contain {args[1]!r}")
        elif kind == "no-line":
            pattern = re.compile(args[1])
            for path in files:
                for number in _matching_lines(path, pattern):
                    where = f"{path.relative_to(root)}:{number}"
                    problems.append(f"{where} matches {args[1]!r}")
        else:
            problems.append(f"unknown check {kind!r}")
    return problems


def progress(items: list[Item]) -> dict[str, tuple[int, int]]:
    """Done and total tasks of each phase."""
    counts: dict[str, tuple[int, int]] = {}
    for item in items:
        if item.task_id:
            done, total = counts.get(item.phase, (0, 0))
            counts[item.phase] = (done + item.done, total + 1)
    return counts


ITEMS = read_plan(PLAN.read_text())
TASKS = [item for item in ITEMS if item.task_id]


def test_task_ids_are_unique() -> None:
    ids = [task.task_id for task in TASKS]

    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_every_task_has_a_check() -> None:
    assert [task.label for task in TASKS if not task.check] == []


def test_every_task_belongs_to_a_phase() -> None:
    assert [task.label for task in TASKS if not task.phase] == []


def test_every_named_file_exists_or_is_marked_new() -> None:
    missing = [
        f"{task.label}: {path}"
        for task in TASKS
        for path, new in named_paths(task)
        if not new and "/" in path and not (APP_ROOT / path).exists()
    ]

    assert missing == []


@pytest.mark.parametrize(
    "item",
    [item for item in ITEMS if item.done and item.check],
    ids=lambda item: item.label,
)
def test_ticked_item_check_holds(item: Item) -> None:
    assert failures(item.check, APP_ROOT) == []


if __name__ == "__main__":
    for phase, (done, total) in progress(TASKS).items():
        print(f"{phase}: {done}/{total} done")
    ticked = [item for item in ITEMS if item.done]
    broken = [item.label for item in ticked if failures(item.check, APP_ROOT)]
    if broken:
        print(f"ticked but not true: {', '.join(broken)}")
    else:
        print("every ticked box holds")
    sys.exit(1 if broken else 0)
