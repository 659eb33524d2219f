"""The ``after`` stage of tasks/move.py on its own: what becomes of the team's stashed file.

The ``before`` stage and the whole migration run in test_update.py, inside real updates.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from support import ROOT

OLD = "modules/notes/validation.py"
NEW = "modules/notes/rules.py"
BASE = "one\ntwo\nthree\nfour\nfive\n"
OURS = "one\ntwo\nthree\nFOUR, as the team wrote it\nfive\n"


def load_move() -> ModuleType:
    spec = importlib.util.spec_from_file_location("move", ROOT / "tasks" / "move.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def move() -> ModuleType:
    return load_move()


@pytest.fixture
def host(tmp_path: Path, move: ModuleType) -> Path:
    """A git work tree whose stash holds the team's file and its merge base."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    stash = move.stash_dir(tmp_path, NEW)
    stash.mkdir(parents=True)
    (stash / "ours").write_text(OURS)
    (stash / "base").write_text(BASE)
    (stash / "old").write_text(OLD)
    return tmp_path


def staged(host: Path) -> list[str]:
    return subprocess.run(
        ["git", "diff", "--cached", "--name-only"],
        cwd=host,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()


def test_after_merges_the_team_edits_into_the_new_file(
    host: Path, move: ModuleType
) -> None:
    (host / NEW).parent.mkdir(parents=True)
    (host / NEW).write_text(
        "ONE, as the new version writes it\ntwo\nthree\nfour\nfive\n"
    )

    move.after(host, NEW)

    assert (host / NEW).read_text() == (
        "ONE, as the new version writes it\ntwo\nthree\nFOUR, as the team wrote it\nfive\n"
    )
    assert staged(host) == [NEW]
    assert not move.stash_dir(host, NEW).exists()


def test_after_leaves_conflict_blocks_where_both_changed_a_line(
    host: Path, move: ModuleType
) -> None:
    (host / NEW).parent.mkdir(parents=True)
    (host / NEW).write_text(
        "one\ntwo\nthree\nFOUR, as the new version writes it\nfive\n"
    )

    move.after(host, NEW)

    merged = (host / NEW).read_text()
    assert "<<<<<<< before updating\nFOUR, as the team wrote it\n" in merged
    assert "FOUR, as the new version writes it\n>>>>>>> after updating" in merged
    assert staged(host) == []


def test_after_puts_the_team_file_back_when_the_new_version_has_none(
    host: Path, move: ModuleType
) -> None:
    move.after(host, NEW)

    assert (host / OLD).read_text() == OURS
    assert not (host / NEW).exists()
    assert not move.stash_dir(host, NEW).exists()


def test_after_puts_the_team_file_back_when_git_cannot_merge(
    host: Path, move: ModuleType
) -> None:
    (move.stash_dir(host, NEW) / "base").write_bytes(b"binary\0base\n")
    (host / NEW).parent.mkdir(parents=True)
    (host / NEW).write_text("the new version\n")

    move.after(host, NEW)

    assert (host / NEW).read_text() == "the new version\n"
    assert (host / OLD).read_text() == OURS
    assert staged(host) == []
    assert not move.stash_dir(host, NEW).exists()


def test_after_without_a_stash_changes_nothing(
    tmp_path: Path, move: ModuleType
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / NEW).parent.mkdir(parents=True)
    (tmp_path / NEW).write_text(BASE)

    move.after(tmp_path, NEW)

    assert (tmp_path / NEW).read_text() == BASE
    assert staged(tmp_path) == []
