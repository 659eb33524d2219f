"""Git, as the template's tasks use it: run a command, and tell whether a path is versioned.

Standard library only, importable from Python 3.9: the tasks run under copier's Python.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(root: Path, *args: str) -> str:
    """Run ``git args`` in ``root`` and return what it printed; raise if it fails."""
    completed = subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    )
    return completed.stdout


def inside_git_work_tree(path: Path) -> bool:
    """Whether ``path`` or a parent holds ``.git`` (a folder, or a worktree's file)."""
    return any((folder / ".git").exists() for folder in [path, *path.parents])
