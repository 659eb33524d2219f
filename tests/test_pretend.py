"""``copier copy --pretend``: nothing written, and the closing words say what would be."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

import hosts
from support import EXAMPLES_DIR, copy_command, fresh_host, tree_digest
from extensions import features

pytestmark = pytest.mark.render


@pytest.mark.parametrize(
    "host", [hosts.MODULES, hosts.PACKAGES], ids=lambda host: host.generation
)
def test_pretend_writes_nothing_and_lists_what_it_would_write(
    tmp_path: Path, host: hosts.Host
) -> None:
    app = fresh_host(tmp_path / "host", host)
    answers_file = EXAMPLES_DIR / host.generation / "module" / "answers.yml"
    before = tree_digest(app)
    command = copy_command(
        app, "--vcs-ref", "HEAD", "--pretend", answers_file=answers_file
    )

    completed = subprocess.run(command, capture_output=True, text=True, check=False)

    assert completed.returncode == 0, completed.stderr
    assert tree_digest(app) == before
    said = completed.stdout + completed.stderr
    closing = said[said.index("Nothing was written (--pretend).") :]
    answers = yaml.safe_load(answers_file.read_text())
    feature = features.feature_for({**answers, "generation": host.generation})
    listed = [line.strip() for line in closing.splitlines() if line.startswith("    ")]
    assert listed == feature.files + feature.wired_files
    assert f"{len(feature.files)} files:" in closing
    assert "is in " not in said
    assert "TODO(" not in said
    assert ("No file of the host would be edited" in closing) is not feature.wired_files
