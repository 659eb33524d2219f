"""Git, as the template's tasks use it: run a command, and tell whether a path is versioned.

Standard library only, importable from Python 3.9: the tasks run under copier's Python.
"""

from __future__ import annotations

from pathlib import Path


def git(root: Path, *args: str) -> str:
    """Run ``git args`` in ``root`` and return what it printed; raise if it fails."""
    # Imported here: the settings task, which only asks inside_git_work_tree, runs on
    # every copy and need not pay for it.
    import subprocess

    completed = subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    )
    return completed.stdout


def inside_git_work_tree(path: Path) -> bool:
    """Whether ``path`` or a parent holds ``.git`` (a folder, or a worktree's file)."""
    return any((folder / ".git").exists() for folder in [path, *path.parents])
