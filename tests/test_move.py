"""The stages of tasks/move.py on their own: what becomes of the team's stashed file.

The whole migration, ``before`` stage and copier's render included, runs in
test_update.py inside real updates; these tests cover what an update rarely meets.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from support import load_task
from versions import git

pytestmark = pytest.mark.fast

KEY = "modules/{module_name}/rules.py"
OLD = "modules/notes/validation.py"
NEW = "modules/notes/rules.py"
BASE = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n"
OURS = BASE.replace("six\n", "SIX, as the team wrote it\n")


@pytest.fixture
def move() -> ModuleType:
    return load_task("move")


@pytest.fixture(params=["", "app"], ids=["at-top", "in-app"])
def host(tmp_path: Path, move: ModuleType, request: pytest.FixtureRequest) -> Path:
    """A destination whose committed OLD copier has just deleted, the stash filled.

    The destination is the repository's top, or its ``app/`` folder as in SRE Bot.
    """
    git(tmp_path, "init", "-q")
    host = tmp_path / request.param
    (host / OLD).parent.mkdir(parents=True)
    (host / OLD).write_text(OURS)
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t")
    (host / OLD).unlink()
    stash = move.stash_dir(host, KEY)
    stash.mkdir(parents=True)
    (stash / "ours").write_text(OURS)
    (stash / "base").write_text(BASE)
    (stash / "old").write_text(OLD)
    return host


def write_new(host: Path, text: str) -> None:
    (host / NEW).write_bytes(text.encode())


def staged(host: Path) -> list[str]:
    """The staged changes, paths relative to the destination."""
    return git(
        host, "diff", "--cached", "--no-renames", "--name-status", "--relative"
    ).splitlines()


def test_after_merges_the_team_edits_and_stages_the_rename(
    host: Path, move: ModuleType
) -> None:
    write_new(host, BASE.replace("one\n", "ONE, as the new version writes it\n"))

    move.after(host, NEW, move.stash_dir(host, KEY))

    assert (host / NEW).read_text() == OURS.replace(
        "one\n", "ONE, as the new version writes it\n"
    )
    assert staged(host) == [f"A\t{NEW}", f"D\t{OLD}"]
    assert not move.stash_dir(host, KEY).exists()


def test_after_leaves_an_overlap_unmerged_with_conflict_blocks(
    host: Path, move: ModuleType
) -> None:
    write_new(host, BASE.replace("six\n", "SIX, as the new version writes it\n"))

    move.after(host, NEW, move.stash_dir(host, KEY))

    merged = (host / NEW).read_text()
    assert "<<<<<<< before updating\nSIX, as the team wrote it\n" in merged
    assert "SIX, as the new version writes it\n>>>>>>> after updating" in merged
    assert f"UU {NEW}" in git(host, "status", "--short", ".").splitlines()
    assert len(git(host, "ls-files", "--unmerged", "--", NEW).splitlines()) == 3
    assert not move.stash_dir(host, KEY).exists()


def test_after_keeps_crlf_line_endings(host: Path, move: ModuleType) -> None:
    stash = move.stash_dir(host, KEY)
    (stash / "ours").write_bytes(OURS.replace("\n", "\r\n").encode())
    (stash / "base").write_bytes(BASE.replace("\n", "\r\n").encode())
    write_new(host, BASE.replace("one\n", "ONE\n").replace("\n", "\r\n"))

    move.after(host, NEW, stash)

    expected = OURS.replace("one\n", "ONE\n").replace("\n", "\r\n")
    assert (host / NEW).read_bytes() == expected.encode()


def test_after_puts_the_team_file_back_when_the_new_version_has_none(
    host: Path, move: ModuleType
) -> None:
    move.after(host, NEW, move.stash_dir(host, KEY))

    assert (host / OLD).read_text() == OURS
    assert not (host / NEW).exists()
    assert not move.stash_dir(host, KEY).exists()


def test_after_leaves_the_old_name_alone_when_the_new_version_still_writes_it(
    host: Path, move: ModuleType
) -> None:
    (host / OLD).write_text("as copier merged it\n")

    move.after(host, NEW, move.stash_dir(host, KEY))

    assert (host / OLD).read_text() == "as copier merged it\n"
    assert not move.stash_dir(host, KEY).exists()


def test_after_puts_the_team_file_back_when_git_cannot_merge(
    host: Path, move: ModuleType
) -> None:
    (move.stash_dir(host, KEY) / "base").write_bytes(b"binary\0base\n")
    write_new(host, "the new version\n")

    move.after(host, NEW, move.stash_dir(host, KEY))

    assert (host / NEW).read_text() == "the new version\n"
    assert (host / OLD).read_text() == OURS
    assert staged(host) == []
    assert not move.stash_dir(host, KEY).exists()


def test_before_drops_what_an_interrupted_update_left(
    host: Path, move: ModuleType
) -> None:
    stash = move.stash_dir(host, KEY)

    # OLD is gone, so there is nothing to carry and nothing is rendered.
    move.before(host, {}, OLD, NEW, stash)
    write_new(host, BASE)
    move.after(host, NEW, stash)

    assert not stash.exists()
    assert (host / NEW).read_text() == BASE
