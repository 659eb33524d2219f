"""Paths, answer sets and gate runners shared by the template's tests."""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the template's helpers, importable as `extensions`

from extensions import jinja as template_jinja  # noqa: E402
from extensions import naming  # noqa: E402

REFERENCE_HOST = ROOT / "reference_host"
EXAMPLES_DIR = ROOT / "docs" / "examples"
EXAMPLE_DIR = EXAMPLES_DIR / "module"
INTEGRATION_EXAMPLE_DIR = EXAMPLES_DIR / "integration"
PYTHON = sys.executable

# The golden examples: docs/examples/<kind> holds the feature rendered from these answers.
CANONICAL_ANSWERS: dict[str, Any] = yaml.safe_load(
    (EXAMPLE_DIR / "answers.yml").read_text()
)
INTEGRATION_ANSWERS: dict[str, Any] = yaml.safe_load(
    (INTEGRATION_EXAMPLE_DIR / "answers.yml").read_text()
)

_HOST_LEFTOVERS = shutil.ignore_patterns(
    ".mypy_cache", ".pytest_cache", "__pycache__", ".coverage", ".env"
)


def load_task(name: str) -> ModuleType:
    """The script ``tasks/<name>.py`` as a module, for testing its functions directly."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tasks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def fresh_host(destination: Path) -> Path:
    """Copy the reference host to ``destination`` and return it."""
    shutil.copytree(REFERENCE_HOST, destination, ignore=_HOST_LEFTOVERS)
    return destination


def feature_names(host: Path, module: str) -> naming.FeatureNames:
    """The names of the feature ``module`` of ``host``, from its answers file."""
    answers = yaml.safe_load((host / f".copier-answers.{module}.yml").read_text())
    names = naming.feature_names(answers)
    assert names is not None
    return names


def feature_paths(host: Path, module: str) -> list[str]:
    """The files, relative to the host root, that the feature ``module`` of ``host`` owns."""
    return feature_names(host, module).generated_files


def plan_progress(host: Path, module: str) -> subprocess.CompletedProcess[str]:
    """Run the feature's plan check as its closing message suggests: ``python .../test_plan.py``."""
    script = f"{feature_names(host, module).unit_tests}/test_plan.py"
    return subprocess.run(
        [PYTHON, script], cwd=host, capture_output=True, text=True, check=False
    )


def wired_host_files(kind: str) -> list[str]:
    """Host files the wiring task edits for a feature of ``kind``; examples keep their change as one diff."""
    folder = "integrations" if kind == "integration" else "features"
    return [
        f"infrastructure/configuration/{folder}/__init__.py",
        "infrastructure/configuration/settings.py",
        ".env.example",
    ]


def copy_command(
    destination: Path,
    *options: str,
    source: Path = ROOT,
    example: Path = EXAMPLE_DIR,
) -> list[str]:
    """``copier copy`` as a user runs it, with an example's answers file."""
    command = [PYTHON, "-m", "copier", "copy", "--trust", "--defaults", *options]
    return command + [
        "--data-file",
        str(example / "answers.yml"),
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


def host_wiring_diff(before: Path, after: Path, kind: str = "module") -> str:
    """The unified diff of the host files the wiring task edits."""
    chunks = []
    for relative in wired_host_files(kind):
        old = (before / relative).read_text().splitlines(keepends=True)
        new = (after / relative).read_text().splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(old, new, f"a/{relative}", f"b/{relative}"))
    return "".join(chunks)


@dataclass
class Gate:
    """One of the host's gates, run from the host root."""

    name: str
    command: list[str]


def host_gates(host: Path, module: str) -> list[Gate]:
    """The host's gates, plus the stricter ones the feature ``module``'s code is held to."""
    names = feature_names(host, module)
    packages = [names.package] + ([f"modules/{module}"] if names.endpoint else [])
    generated = sorted(
        {
            next((p for p in packages if path.startswith(p + "/")), path)
            for path in names.generated_files
            if path.endswith(".py") and not path.startswith("tests/")
        }
    )
    coverage = [
        f"--cov={path.removesuffix('.py').replace('/', '.')}" for path in generated
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


def failed_gates(host: Path, module: str, mypy_cache: Path) -> dict[str, str]:
    """Run every gate of ``module`` in ``host``; the failed ones, by name, with their output."""
    failed = {}
    for gate in host_gates(host, module):
        completed = run_gate(gate, host, mypy_cache)
        if completed.returncode != 0:
            failed[gate.name] = (
                f"--- {gate.name} (exit {completed.returncode})\n"
                f"{completed.stdout}{completed.stderr}"
            )
    return failed


def template_environment() -> Environment:
    """Jinja configured as copier.yml configures it, with the template's filters.

    Renders one template file directly, without a copier run: fast enough for
    property tests over many answers. Template names start at the repository root
    (``template/module/...``), as the templates' own includes do.
    """
    environment = Environment(
        loader=FileSystemLoader(ROOT),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    environment.filters.update(template_jinja.FILTERS)
    return environment


_YIELD = re.compile(r"\{% yield (\w+) from (\w+) %\}(.*?)\{% endyield %\}")


def template_files(context: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """The files copier writes for ``context`` (answers plus ``names``), without running it.

    Returns (template name for :func:`template_environment`, destination path, the
    context to render it with), one per file: a path segment that renders empty drops
    the file, and a ``{% yield x from xs %}`` segment gives one file per item, as in copier.
    """
    environment = template_environment()
    kind_root = ROOT / "template" / str(context.get("kind", "module"))
    found = []
    for template in sorted(kind_root.rglob("*.jinja")):
        relative = template.relative_to(kind_root).as_posix()
        if relative.startswith("{{ _copier_conf"):
            continue  # the answers file, which copier itself writes
        match = _YIELD.search(relative)
        items = context[match[2]] if match else [None]
        for item in items:
            local = {**context, match[1]: item} if match else dict(context)
            path = _YIELD.sub(match[3], relative) if match else relative
            parts = [
                environment.from_string(part).render(local) for part in path.split("/")
            ]
            if all(parts):
                destination = "/".join(parts).removesuffix(".jinja")
                found.append(
                    (template.relative_to(ROOT).as_posix(), destination, local)
                )
    return found
