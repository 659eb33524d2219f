"""Bad input as users meet it: one line saying why, a non-zero exit, and a destination left byte for byte."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from bad_inputs import BAD_ANSWERS, BadAnswer, markdown_table
from support import (
    CANONICAL_ANSWERS,
    INTEGRATION_ANSWERS,
    PYTHON,
    ROOT,
    fresh_host,
    plan_progress,
    tree_digest,
)

pytestmark = pytest.mark.render

BAD_INPUT_DOC = ROOT / "docs" / "bad-input.md"
TABLE_START = "<!-- table: generated from tests/bad_inputs.py -->\n"


def new_feature(
    destination: Path, answers: dict[str, Any]
) -> subprocess.CompletedProcess[str]:
    """tools/new_feature.py with the answers in a data file, as a user runs it in CI."""
    data_file = destination.parent / "answers.yml"
    data_file.write_text(yaml.safe_dump(answers, allow_unicode=True))
    command = [PYTHON, str(ROOT / "tools" / "new_feature.py"), str(destination)]
    command += ["--defaults", "--vcs-ref", "HEAD", "--data-file", str(data_file)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    "case", BAD_ANSWERS, ids=lambda case: f"{case.question}={case.value!r}"
)
def test_bad_answer_is_refused_with_one_line_and_nothing_written(
    tmp_path: Path, case: BadAnswer
) -> None:
    host = fresh_host(tmp_path / "host")
    before = tree_digest(host)

    completed = new_feature(host, {**CANONICAL_ANSWERS, case.question: case.value})

    assert completed.returncode == 2
    assert completed.stderr == f"refused: {case.says}\n"
    assert tree_digest(host) == before


def test_docs_table_lists_every_bad_answer(request: pytest.FixtureRequest) -> None:
    text = BAD_INPUT_DOC.read_text()
    head, _, rest = text.partition(TABLE_START)
    _, _, tail = rest.partition("\n\n")
    if request.config.getoption("--update-golden"):
        BAD_INPUT_DOC.write_text(head + TABLE_START + markdown_table() + "\n" + tail)

    assert TABLE_START + markdown_table() + "\n" in BAD_INPUT_DOC.read_text()


def test_host_without_env_example_gets_the_feature_and_an_open_wiring_task(
    tmp_path: Path,
) -> None:
    host = fresh_host(tmp_path / "host")
    (host / ".env.example").unlink()
    settings = (host / "infrastructure/configuration/settings.py").read_bytes()

    completed = new_feature(host, CANONICAL_ANSWERS)

    assert completed.returncode == 0, completed.stderr
    assert (
        "IncidentNotesSettings was NOT wired, nothing was written" in completed.stderr
    )
    assert ".env.example: file missing" in completed.stderr
    assert (host / "infrastructure/configuration/settings.py").read_bytes() == settings
    plan = (host / "modules/incident_notes/PLAN.md").read_text()
    assert "- [ ] **T102**" in plan
    plan_check = plan_progress(host, "incident_notes")
    assert plan_check.returncode == 0, plan_check.stdout


def test_host_without_the_settings_map_anchor_is_left_untouched(tmp_path: Path) -> None:
    host = fresh_host(tmp_path / "host")
    settings_file = host / "infrastructure/configuration/settings.py"
    settings_file.write_text(
        settings_file.read_text().replace("settings_map", "slice_table")
    )
    host_files = {
        path: (host / path).read_bytes()
        for path in [
            "infrastructure/configuration/settings.py",
            "infrastructure/configuration/features/__init__.py",
        ]
    }

    completed = new_feature(host, CANONICAL_ANSWERS)

    assert completed.returncode == 0, completed.stderr
    assert "add by hand to settings_map in Settings.__init__" in completed.stderr
    assert {path: (host / path).read_bytes() for path in host_files} == host_files


def test_host_without_integration_slices_gets_the_integration_and_an_open_wiring_task(
    tmp_path: Path,
) -> None:
    host = fresh_host(tmp_path / "host")
    (host / "infrastructure/configuration/integrations/__init__.py").unlink()
    settings = (host / "infrastructure/configuration/settings.py").read_bytes()

    completed = new_feature(host, INTEGRATION_ANSWERS)

    assert completed.returncode == 0, completed.stderr
    assert "EmailDeliverySettings was NOT wired" in completed.stderr
    assert (host / "infrastructure/configuration/settings.py").read_bytes() == settings
    plan = (host / "integrations/email_delivery/PLAN.md").read_text()
    assert "- [ ] **T102**" in plan
    plan_check = plan_progress(host, "email_delivery")
    assert plan_check.returncode == 0, plan_check.stdout


def test_host_package_markers_with_content_are_left_as_they_are(tmp_path: Path) -> None:
    host = fresh_host(tmp_path / "host")
    markers = ["tests/fixtures/__init__.py", "tests/unit/integrations/__init__.py"]
    for marker in markers:
        (host / marker).parent.mkdir(parents=True, exist_ok=True)
        (host / marker).write_text(
            '"""The host\'s own package, with its own docstring."""\n'
        )
    before = {marker: (host / marker).read_bytes() for marker in markers}

    completed = new_feature(host, INTEGRATION_ANSWERS)

    assert completed.returncode == 0, completed.stderr
    assert {marker: (host / marker).read_bytes() for marker in markers} == before
    assert (host / "tests/fixtures/fake_email_delivery_client.py").is_file()
