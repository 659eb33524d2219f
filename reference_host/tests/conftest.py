"""Fixtures shared by every test."""

import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import pytest

FEATURE_ROOT = "reference_test_features"


@pytest.fixture
def make_mock_settings() -> Callable[..., MagicMock]:
    """Return a factory of mock settings.

    Returns:
        ``make_mock_settings(**overrides)``: a MagicMock settings object, each
        override given by a dotted key, e.g.
        ``make_mock_settings(**{"atip.ATIP_ANNOUNCE_CHANNEL": "C1"})``.
    """

    def _make_mock_settings(**overrides: Any) -> MagicMock:
        settings = MagicMock()
        for dotted_key, value in overrides.items():
            *parents, leaf = dotted_key.split(".")
            target = settings
            for parent in parents:
                target = getattr(target, parent)
            setattr(target, leaf, value)
        return settings

    return _make_mock_settings


@pytest.fixture
def make_feature_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[dict[str, str]], str]]:
    """Return a factory of a throwaway top-level package of feature plugins.

    Yields:
        ``make_feature_root(files)``: writes ``files`` (path relative to the
        root package -> source) and returns the root package's name.
    """
    monkeypatch.syspath_prepend(str(tmp_path))

    def _make_feature_root(files: dict[str, str]) -> str:
        root = tmp_path / FEATURE_ROOT
        root.mkdir()
        (root / "__init__.py").write_text("")
        for relative_path, source in files.items():
            path = root / relative_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source))
        return FEATURE_ROOT

    yield _make_feature_root
    for name in list(sys.modules):
        if name == FEATURE_ROOT or name.startswith(f"{FEATURE_ROOT}."):
            del sys.modules[name]
