"""The answer matrix in the real SRE Bot, both generations: each case generated as a user does, the host's own CI green.

The cases are grouped: a group's features are generated side by side into one fresh
copy of the real host of the group's generation (so every group also proves its
features live together), then each step of that host's CI workflow runs once for the
group, with the host's pinned tools (the packages host installs its own with uv, in the
Python 3.14 root), and each feature's own gates (``support.feature_gates``) run for its
case.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

import hosts
from matrix import GENERATION_OF, GROUPS, PACKAGES_GROUPS, case_answers
from support import copy_command, failed_gates, feature_of

ALL_GROUPS = {**GROUPS, **PACKAGES_GROUPS}


def host_of(group: str) -> hosts.Host:
    return hosts.HOSTS[GENERATION_OF[group]]


pytestmark = pytest.mark.slow


@dataclass
class GroupRun:
    """One group generated into one fresh host, with the outcome of each CI step."""

    app: Path
    copies: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)
    ci: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)
    failures: dict[str, dict[str, str]] = field(default_factory=dict)


_RUNS: dict[str, GroupRun] = {}


def run_group(group: str, scratch: Path, mypy_cache: Path) -> GroupRun:
    """Generate the group's features into a fresh host, run the host's CI and the features' gates.

    Done once per test worker; every test of the group runs on the same worker.
    """
    if group in _RUNS:
        return _RUNS[group]
    host = host_of(group)
    hosts.build_venv(host)
    run = GroupRun(app=hosts.fresh_copy(host, scratch / group))
    for case in ALL_GROUPS[group]:
        data = scratch / f"{case}.yml"
        data.write_text(yaml.safe_dump(case_answers(case), allow_unicode=True))
        command = copy_command(
            run.app, "--quiet", "--vcs-ref", "HEAD", answers_file=data
        )
        run.copies[case] = subprocess.run(
            command, capture_output=True, text=True, check=False
        )
    for step in host.ci_steps:
        run.ci[step.name] = hosts.run_ci_step(host, run.app, step)
    generated = [
        module_of(case) for case in ALL_GROUPS[group] if not run.copies[case].returncode
    ]
    run.failures = failed_gates(run.app, generated, mypy_cache)
    _RUNS[group] = run
    return run


def module_of(case: str) -> str:
    return str(case_answers(case)["module_name"])


def _params(items: dict[str, list[str]]) -> list[Any]:
    return [
        pytest.param(
            group, item, id=f"{group}:{item}", marks=pytest.mark.xdist_group(group)
        )
        for group, values in items.items()
        for item in values
    ]


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("real-host")


@pytest.fixture
def run(group: str, scratch: Path, mypy_cache: Path) -> GroupRun:
    """The test's group, generated and checked (once per worker)."""
    return run_group(group, scratch, mypy_cache)


def test_the_packages_workflow_installs_then_checks() -> None:
    names = [step.targets for step in hosts.PACKAGES.ci_steps]

    assert names[0] == ["install-ci"]
    assert ["test"] in names


@pytest.mark.parametrize(("group", "case"), _params(ALL_GROUPS))
def test_feature_is_generated_and_passes_its_gates(run: GroupRun, case: str) -> None:
    copy = run.copies[case]
    failures = run.failures.get(module_of(case), {})

    assert copy.returncode == 0, copy.stderr
    assert not failures, "\n".join(failures.values())


@pytest.mark.parametrize(
    ("group", "step"),
    _params(
        {group: [step.name for step in host_of(group).ci_steps] for group in ALL_GROUPS}
    ),
)
def test_host_ci_step_passes_with_the_group_generated(run: GroupRun, step: str) -> None:
    completed = run.ci[step]

    assert completed.returncode == 0, (
        completed.stdout[-6000:] + completed.stderr[-3000:]
    )


@pytest.mark.parametrize(("group", "case"), _params(ALL_GROUPS))
def test_host_type_check_reports_nothing_in_the_feature(
    run: GroupRun, group: str, case: str
) -> None:
    feature = feature_of(run.app, module_of(case))
    lint = next(
        run.ci[step.name]
        for step in host_of(group).ci_steps
        if "lint-ci" in step.targets
    )

    ours = [
        line
        for line in lint.stdout.splitlines()
        if line.startswith(tuple(feature.source_paths))
    ]

    # The host's own errors, or its all-clear: its mypy did run.
    assert "error:" in lint.stdout or "Success:" in lint.stdout
    assert ours == []
