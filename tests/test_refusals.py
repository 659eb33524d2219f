"""Wrong destinations and existing features are refused before anything is written."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

import hosts
from support import (
    CANONICAL_ANSWERS,
    INTEGRATION_ANSWERS,
    INTEGRATION_EXAMPLE_DIR,
    copy_command,
    fresh_host,
    tree_digest,
)


pytestmark = pytest.mark.render


def copier_copy(
    destination: Path, *extra: str, **options: Any
) -> subprocess.CompletedProcess[str]:
    """Run copier as a user does, answers from an example's data file."""
    command = copy_command(destination, "--vcs-ref", "HEAD", *extra, **options)
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_a_destination_that_is_not_a_host_is_refused_untouched(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("the repository root, not app/\n")
    before = tree_digest(tmp_path)

    completed = copier_copy(tmp_path)

    assert completed.returncode != 0
    assert "is not an SRE Bot application root" in completed.stderr
    assert tree_digest(tmp_path) == before


def test_a_forced_modules_generation_in_a_packages_host_is_refused_untouched(
    tmp_path: Path,
) -> None:
    host = hosts.fresh_copy(hosts.PACKAGES, tmp_path / "host")
    before = tree_digest(host)

    completed = copier_copy(host, "--data", "generation=modules")

    assert completed.returncode != 0
    assert (
        f"generation 'modules' does not fit {host}: it is an SRE Bot of the packages"
        " generation."
    ) in completed.stderr
    assert tree_digest(host) == before


def test_a_package_the_packages_host_has_is_refused_untouched(tmp_path: Path) -> None:
    host = hosts.fresh_copy(hosts.PACKAGES, tmp_path / "host")
    before = tree_digest(host)

    completed = copier_copy(host, "--data", "module_name=geolocate")

    assert completed.returncode != 0
    assert (
        "module_name 'geolocate': the host already has packages/geolocate: choose"
        " another name."
    ) in completed.stderr
    assert tree_digest(host) == before


def test_a_forced_generation_that_does_not_fit_the_host_is_refused_untouched(
    host: Path,
) -> None:
    before = tree_digest(host)

    completed = copier_copy(host, "--data", "generation=packages")

    assert completed.returncode != 0
    assert (
        f"generation 'packages' does not fit {host}: it is an SRE Bot of the modules"
        " generation."
    ) in completed.stderr
    assert tree_digest(host) == before


def test_an_existing_feature_is_refused_and_the_host_left_byte_identical(
    generate: Any, host: Path
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)
    before = tree_digest(project)

    completed = copier_copy(project)

    assert completed.returncode != 0
    assert (
        "the host already has this feature (.copier-answers.incident_notes.yml)"
        in completed.stderr
    )
    assert (
        "copier update --trust -a .copier-answers.incident_notes.yml"
        in completed.stderr
    )
    assert tree_digest(project) == before


def test_overwrite_is_the_explicit_way_to_regenerate_a_feature(
    generate: Any, host: Path
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)

    completed = copier_copy(project, "--overwrite")

    assert completed.returncode == 0, completed.stderr
    assert "already wired" in completed.stdout


def test_a_fresh_host_accepts_the_feature(tmp_path: Path) -> None:
    host = fresh_host(tmp_path / "host")

    completed = copier_copy(host)

    assert completed.returncode == 0, completed.stderr
    assert (host / "modules/incident_notes/PLAN.md").is_file()


@pytest.mark.parametrize(
    ("existing", "taken"),
    [
        pytest.param(
            {**INTEGRATION_ANSWERS, "endpoint": False},
            "integrations/email_delivery",
            id="integration",
        ),
        pytest.param(
            {**CANONICAL_ANSWERS, "module_name": "email_delivery", "providers": ""},
            "modules/email_delivery",
            id="module-of-the-same-name",
        ),
    ],
)
def test_an_integration_whose_name_is_taken_is_refused_untouched(
    generate: Any, host: Path, existing: dict[str, Any], taken: str
) -> None:
    project = generate(host, **existing)
    # Without its answers file, as a package the team wrote by hand: its files alone
    # must stop the integration.
    (project / f".copier-answers.{existing['module_name']}.yml").unlink()
    before = tree_digest(project)

    completed = copier_copy(
        project, answers_file=INTEGRATION_EXAMPLE_DIR / "answers.yml"
    )

    assert completed.returncode != 0
    assert f"the host already has {taken}" in completed.stderr
    assert tree_digest(project) == before


@pytest.mark.parametrize(
    ("answers", "says"),
    [
        pytest.param(
            {**INTEGRATION_ANSWERS, "feature_name": "Google", "module_name": "google"},
            "module_name 'google': the host already has"
            " infrastructure/configuration/integrations/google.py: choose another name.",
            id="integration-settings-slice",
        ),
    ],
)
def test_an_integration_whose_settings_slice_the_host_has_is_refused_untouched(
    tmp_path: Path, answers: dict[str, Any], says: str
) -> None:
    host = fresh_host(tmp_path / "host")
    data = tmp_path / "answers.yml"
    data.write_text(yaml.safe_dump(answers))
    before = tree_digest(host)

    completed = copier_copy(host, answers_file=data)

    assert completed.returncode != 0
    assert says in completed.stderr
    assert tree_digest(host) == before
