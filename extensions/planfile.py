"""The checklist lines of a feature's PLAN.md: how they are written, read, checked and reopened.

One module holds the format. PLAN.md's template writes each task with
:func:`task_line`; the settings wiring task unticks one with :func:`reopen`; and the
part between the ``verifier`` markers below is copied, as it stands, into the feature's
generated ``test_plan.py``, which reads the plan and runs the checks of ticked boxes.
That part uses the standard library only and is laid out so that the host's formatter
(black at 88 columns, or ruff format at 130) leaves it as it is.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DONE_BY_SCAFFOLD = "done by the scaffold"
REOPENED = "to do by hand, as the wiring task said"

# --- verifier: begin
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


# --- verifier: end


def task_line(task: Any) -> str:
    """The checklist line of ``task`` (a ``plan.Task``), as PLAN.md holds it.

    ``- [x] **T101** Title · Small · `a.py`, `b.py` · `c.md` (new) · done by the
    scaffold <!-- check: ... -->``: the box, the ID, what to do, the size, the files
    it names, where its marker is when it is open, and its check.
    """
    parts = [f"- [{'x' if task.done else ' '}] **{task.id}** {task.title}", task.size]
    if task.files:
        parts.append(", ".join(f"`{path}`" for path in task.files))
    parts += [f"`{path}` (new)" for path in task.new_files]
    if task.done:
        parts.append(DONE_BY_SCAFFOLD)
    elif task.where:
        parts.append(f"at `{task.marker}` in `{task.where}`")
    return " · ".join(parts) + f" <!-- check: {task.check} -->"


def reopen(text: str, task_id: str) -> str:
    """``text`` with the ticked task ``task_id`` unticked, as work left to do by hand.

    Returns ``text`` unchanged when the task is not there or not ticked.
    """
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        match = _ITEM.match(line.rstrip("\r\n"))
        task = _TASK_ID.match(match["text"]) if match else None
        if match and task and task["id"] == task_id and match["mark"] != " ":
            reopened = line.replace(f"- [{match['mark']}]", "- [ ]", 1)
            lines[index] = reopened.replace(DONE_BY_SCAFFOLD, REOPENED)
            return "".join(lines)
    return text


def verifier_source() -> str:
    """The part of this module the generated ``test_plan.py`` carries, as it stands here."""
    source = Path(__file__).read_text()
    start = source.index("# --- verifier: begin\n") + len("# --- verifier: begin\n")
    return source[start : source.index("\n\n# --- verifier: end")].strip("\n") + "\n"
