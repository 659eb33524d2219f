"""The template's own Python (helpers, task, tests, tools) meets the bar it sets for generated code."""

from __future__ import annotations

import subprocess

import pytest

from support import PYTHON, ROOT

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    "command",
    [[PYTHON, "-m", "black", "--check", "-q", "."], [PYTHON, "-m", "flake8", "."]],
    ids=["black", "flake8"],
)
def test_project_code_passes_its_linters(command: list[str]) -> None:
    completed = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr
