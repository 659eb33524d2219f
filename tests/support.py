"""Paths, answer sets and gate runners shared by the template's tests."""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the template's helpers, importable as `extensions`

from extensions import jinja as template_jinja  # noqa: E402

REFERENCE_HOST = ROOT / "reference_host"
EXAMPLE_DIR = ROOT / "docs" / "example"
PYTHON = sys.executable

# The golden example: docs/example holds the feature rendered from these answers.
CANONICAL_ANSWERS: dict[str, Any] = yaml.safe_load(
    (EXAMPLE_DIR / "answers.yml").read_text()
)
# Host files the wiring task edits; the example keeps their change as one diff.
WIRED_HOST_FILES = [
    "infrastructure/configuration/features/__init__.py",
    "infrastructure/configuration/settings.py",
    ".env.example",
]

_HOST_LEFTOVERS = shutil.ignore_patterns(
    ".mypy_cache", ".pytest_cache", "__pycache__", ".coverage", ".env"
)


def fresh_host(destination: Path) -> Path:
    """Copy the reference host to ``destination`` and return it."""
    shutil.copytree(REFERENCE_HOST, destination, ignore=_HOST_LEFTOVERS)
    return destination


def feature_paths(module: str) -> list[str]:
    """The paths, relative to the host root, that a module feature owns."""
    return [
        f"modules/{module}",
        f"api/v1/{module}.py",
        f"infrastructure/configuration/features/{module}.py",
        f"tests/unit/modules/{module}",
        f"tests/integration/modules/{module}",
        f".copier-answers.{module}.yml",
    ]


def copy_command(destination: Path, *options: str, source: Path = ROOT) -> list[str]:
    """``copier copy`` as a user runs it, with the example's answers file."""
    command = [PYTHON, "-m", "copier", "copy", "--trust", "--defaults", *options]
    return command + [
        "--data-file",
        str(EXAMPLE_DIR / "answers.yml"),
        str(source),
        str(destination),
    ]


def tree_digest(root: Path, paths: list[str] | None = None) -> dict[str, str]:
    """A hash of every file under ``paths`` of ``root`` (all of it by default), by relative path."""
    files = tree_files(root, paths) if paths is not None else tree_files(root, ["."])
    return {
        name: hashlib.sha256(content).hexdigest() for name, content in files.items()
    }


def tree_files(root: Path, paths: list[str]) -> dict[str, bytes]:
    """Every file under ``paths`` (relative to ``root``), by relative path, without caches."""
    files: dict[str, bytes] = {}
    for relative in paths:
        start = root / relative
        candidates = [start] if start.is_file() else sorted(start.rglob("*"))
        for path in candidates:
            if path.is_file() and "__pycache__" not in path.parts:
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def host_wiring_diff(before: Path, after: Path) -> str:
    """The unified diff of the host files the wiring task edits."""
    chunks = []
    for relative in WIRED_HOST_FILES:
        old = (before / relative).read_text().splitlines(keepends=True)
        new = (after / relative).read_text().splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(old, new, f"a/{relative}", f"b/{relative}"))
    return "".join(chunks)


@dataclass
class Gate:
    """One of the host's gates, run from the host root."""

    name: str
    command: list[str]


def host_gates(module: str) -> list[Gate]:
    """The host's gates, plus the stricter ones generated code is held to."""
    generated = [
        f"modules/{module}",
        f"api/v1/{module}.py",
        f"infrastructure/configuration/features/{module}.py",
    ]
    coverage = [
        f"--cov=modules.{module}",
        f"--cov=api.v1.{module}",
        f"--cov=infrastructure.configuration.features.{module}",
    ]
    return [
        Gate(
            "black",
            [PYTHON, "-m", "black", "--check", "-q", ".", "--target-version", "py311"],
        ),
        Gate("flake8", [PYTHON, "-m", "flake8", "."]),
        Gate("mypy", [PYTHON, "-m", "mypy", "."]),
        Gate(
            "mypy --strict",
            [PYTHON, "-m", "mypy", "--strict", "--follow-imports=silent", *generated],
        ),
        Gate(
            "pytest",
            [
                PYTHON,
                "-m",
                "pytest",
                "tests/",
                "-q",
                "-p",
                "no:cacheprovider",
                *coverage,
                "--cov-report=term-missing",
                "--cov-fail-under=90",
            ],
        ),
    ]


def run_gate(
    gate: Gate, host: Path, mypy_cache: Path
) -> subprocess.CompletedProcess[str]:
    """Run one gate in ``host`` with a clean environment of the host's kind."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "COV_", "COVERAGE_"))
    }
    env["MYPY_CACHE_DIR"] = str(mypy_cache)
    return subprocess.run(
        gate.command, cwd=host, env=env, capture_output=True, text=True, check=False
    )


def template_environment() -> Environment:
    """Jinja configured as copier.yml configures it, with the template's filters.

    Renders one template file directly, without a copier run: fast enough for
    property tests over many answers.
    """
    environment = Environment(
        loader=FileSystemLoader(ROOT / "template"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    environment.filters.update(template_jinja.FILTERS)
    return environment
