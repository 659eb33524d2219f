"""The README's install lines, each run as a person runs it, then the copier it installed used."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import hosts
from support import EXAMPLES_DIR, ROOT, fresh_host

pytestmark = pytest.mark.slow

# `pip install copier...`, `pipx install copier...`, `uv tool install copier...`
INSTALL_LINES = re.findall(
    r"^(?:pip|pipx|uv tool) install copier==.*$",
    (ROOT / "README.md").read_text(),
    re.MULTILINE,
)
TOOLS = Path(sys.executable).parent


def test_the_readme_has_one_line_per_tool() -> None:
    assert [line.split(" install")[0] for line in INSTALL_LINES] == [
        "pip",
        "pipx",
        "uv tool",
    ]


@pytest.mark.parametrize(
    "line", INSTALL_LINES, ids=lambda line: line.split(" install")[0]
)
def test_each_install_line_gives_a_copier_that_renders_the_template(
    tmp_path: Path, line: str
) -> None:
    words = shlex.split(line)
    env = {
        **os.environ,
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(tmp_path / "bin"),
        "UV_TOOL_DIR": str(tmp_path / "uv-tools"),
        "UV_TOOL_BIN_DIR": str(tmp_path / "bin"),
        "UV_PYTHON_DOWNLOADS": "never",
    }
    if words[0] == "pip":
        venv = tmp_path / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        command, copier = [
            str(venv / "bin" / "pip"),
            *words[1:],
        ], venv / "bin" / "copier"
    else:
        command, copier = [
            str(TOOLS / words[0]),
            *words[1:],
        ], tmp_path / "bin" / "copier"
    installed = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    app = fresh_host(tmp_path / "host", hosts.PACKAGES)
    answers = EXAMPLES_DIR / "packages" / "module" / "answers.yml"

    copied = subprocess.run(
        [str(copier), "copy", "--trust", "--defaults", "--pretend", "--vcs-ref", "HEAD"]
        + ["--data-file", str(answers), str(ROOT), str(app)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert copied.returncode == 0, copied.stderr[-2000:]
    assert "Nothing was written (--pretend)." in copied.stdout + copied.stderr
