"""Fixtures of the template's test suite: fresh copies of the real host, and feature generation."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_copie.plugin import Result

from support import LANES, ROOT, fresh_host, outside_every_lane

Generate = Callable[..., Path]


pytest_plugins = ["pytester"]  # tests/test_lanes.py collects throwaway test files


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test that is in no lane: `make quick` would silently skip or include it."""
    lost = outside_every_lane(items)
    if lost:
        raise pytest.UsageError(
            f"{len(lost)} test(s) in no lane (mark them {', '.join(LANES)}): {lost[0]}"
        )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite docs/examples from a fresh render instead of only comparing",
    )


@pytest.fixture
def host(tmp_path: Path) -> Path:
    """The application folder of a fresh copy of the real host (a committed git work tree)."""
    return fresh_host(tmp_path / "host")


@pytest.fixture
def generate(copie: Any) -> Generate:
    """Render the template into a host (a copy of it, through pytest-copie).

    Returns a function ``generate(host, **answers)`` giving the host with the
    feature in it; it raises what copier raised when generation fails.
    """

    def _generate(host: Path, **answers: Any) -> Path:
        child = copie(parent_result=Result(project_dir=host), child_tpl=ROOT)
        result = child.copy(extra_answers=answers)
        if result.exception is not None:
            raise result.exception
        assert result.project_dir is not None
        return Path(result.project_dir)

    return _generate


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mypy cache per test worker: third-party modules are checked once."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return tmp_path_factory.getbasetemp() / f"mypy-cache-{worker}"
