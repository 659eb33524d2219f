"""The packages generation's own CI, green in the Python 3.14 root the suite builds.

The template does not write for this generation yet (a destination of it is refused,
test_refusals.py); this tier proves the toolchain its features will be judged with:
tools/python314_root.sh's root, uv pinned, every step of the host's workflow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hosts

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("packages-host")]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the packages host, its environment installed by its own steps."""
    hosts.build_venv(hosts.PACKAGES)
    return hosts.fresh_copy(
        hosts.PACKAGES, tmp_path_factory.mktemp("packages") / "host"
    )


def test_the_workflow_installs_then_checks() -> None:
    names = [step.targets for step in hosts.PACKAGES.ci_steps]

    assert names[0] == ["install-ci"]
    assert ["test"] in names


@pytest.mark.parametrize(
    "step", hosts.PACKAGES.ci_steps, ids=lambda step: "-".join(step.targets)
)
def test_the_packages_host_passes_each_step_of_its_own_ci(
    app: Path, step: hosts.CiStep
) -> None:
    # Steps run in the workflow's order (pytest keeps the parametrization's order),
    # each on the environment the install step made.
    completed = hosts.run_ci_step(hosts.PACKAGES, app, step)

    assert completed.returncode == 0, (
        completed.stdout[-3000:] + completed.stderr[-3000:]
    )
