"""Paths, answer sets and gate runners shared by the template's tests."""

from __future__ import annotations

import difflib
import glob
import hashlib
import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the template's helpers, importable as `extensions`

import hosts  # noqa: E402
from extensions import jinja as template_jinja  # noqa: E402
from extensions import features, inventory  # noqa: E402

# The host generation the template writes for: tests generate into fresh copies of it.
HOST = hosts.MODULES
# The golden examples: docs/examples/<generation>/<kind> holds the feature rendered from
# its answers.yml into a fresh copy of that generation's host.
EXAMPLES_DIR = ROOT / "docs" / "examples"
EXAMPLE_DIR = EXAMPLES_DIR / "modules" / "module"
INTEGRATION_EXAMPLE_DIR = EXAMPLES_DIR / "modules" / "integration"
PYTHON = sys.executable

CANONICAL_ANSWERS: dict[str, Any] = yaml.safe_load(
    (EXAMPLE_DIR / "answers.yml").read_text()
)
INTEGRATION_ANSWERS: dict[str, Any] = yaml.safe_load(
    (INTEGRATION_EXAMPLE_DIR / "answers.yml").read_text()
)


# The suite's lanes, fastest first: `make quick` runs the first two (pytest.ini).
LANES = ("fast", "render", "slow")


def outside_every_lane(items: Iterable[Any]) -> list[str]:
    """The node IDs of the collected tests that carry no lane marker."""
    return [
        item.nodeid
        for item in items
        if not any(marker.name in LANES for marker in item.iter_markers())
    ]


def load_task(name: str) -> ModuleType:
    """The script ``tasks/<name>.py`` as a module, for testing its functions directly."""
    if str(ROOT / "tasks") not in sys.path:
        sys.path.append(str(ROOT / "tasks"))  # its sibling modules, as when run
    spec = importlib.util.spec_from_file_location(name, ROOT / "tasks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def fresh_host(destination: Path, host: hosts.Host = HOST) -> Path:
    """Copy a real host's repository to ``destination``; return its application folder.

    The copy is a git work tree with the host committed, as a team's checkout is.
    """
    return hosts.fresh_copy(host, destination)


def pristine_app(host: hosts.Host = HOST) -> Path:
    """The application folder of a host as it was extracted, never written to by a test."""
    return hosts.extract(host) / hosts.APP


def feature_of(host: Path, module: str) -> features.Feature:
    """The feature ``module`` of ``host``, from its answers file."""
    answers = yaml.safe_load((host / f".copier-answers.{module}.yml").read_text())
    return features.feature_for(answers)


def feature_paths(host: Path, module: str) -> list[str]:
    """The files, relative to the host root, that the feature ``module`` of ``host`` owns."""
    return feature_of(host, module).files


def plan_progress(host: Path, module: str) -> subprocess.CompletedProcess[str]:
    """Run the feature's plan check as its closing message suggests: ``python3 .../test_plan.py``."""
    script = feature_of(host, module).plan_test
    return hosts.run(HOST, host, ["python3", script])


def copy_command(
    destination: Path,
    *options: str,
    source: Path = ROOT,
    answers_file: Path = EXAMPLE_DIR / "answers.yml",
) -> list[str]:
    """``copier copy`` as a user runs it, with the answers in a data file (the module example's by default)."""
    command = [PYTHON, "-m", "copier", "copy", "--trust", "--defaults", *options]
    return command + ["--data-file", str(answers_file), str(source), str(destination)]


# How copier marks a conflict block in place when an update's merge overlaps an edit.
CONFLICT = "<<<<<<< before updating"


def marked_files(root: Path) -> list[str]:
    """The Python and Markdown files under ``root`` holding a conflict block, sorted."""
    return sorted(
        found.relative_to(root).as_posix()
        for pattern in ("*.py", "*.md")
        for found in root.rglob(pattern)
        if CONFLICT in found.read_text()
    )


def only_conflicts_in(
    updated: Path, fresh: Path, kept: dict[str, tuple[str, ...]]
) -> None:
    """Assert that an update left conflict blocks in the files of ``kept`` alone, each
    block holding the texts ``kept`` names for its file, and that every other file of
    ``updated`` equals ``fresh``'s."""
    assert marked_files(updated) == sorted(kept)
    updated_files, fresh_files = tree_digest(updated), tree_digest(fresh)
    for path, texts in kept.items():
        block = (updated / path).read_text().partition(CONFLICT)[2]
        for text in texts:
            assert text in block, (path, text)
        assert updated_files.pop(path) != fresh_files.pop(path)
    assert updated_files == fresh_files


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


def host_wiring_diff(before: Path, after: Path, files: list[str]) -> str:
    """The unified diff of ``files`` (the host files the wiring task edits)."""
    chunks = []
    for relative in files:
        old = (before / relative).read_text().splitlines(keepends=True)
        new = (after / relative).read_text().splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(old, new, f"a/{relative}", f"b/{relative}"))
    return "".join(chunks)


@dataclass
class Gate:
    """One check run from the host's application folder with the host's own tools.

    Attributes:
        name: What the check is called in reports.
        command: The command line.
        module: The one feature the check is about, or None for a check of every
            feature at once (its failures are told apart by the paths they name).
    """

    name: str
    command: list[str]
    module: str | None = None


def feature_gates(host: Path, modules: list[str]) -> list[Gate]:
    """The host's CI checks narrowed to the features ``modules``, plus the stricter ones their code is held to.

    The host's own configuration applies to each (``.flake8``, ``mypy.ini``,
    ``.coveragerc``, ``pytest.ini``): black and flake8 on every file the features wrote
    or the wiring edited; mypy as ``make lint-ci`` runs it, but failing on any error in
    the features' code; ``mypy --strict``; the features' tests, then at least 90%
    coverage of each feature's code; each feature's plan check.
    """
    found = [feature_of(host, module) for module in modules]
    if found and found[0].generation == "packages":
        return _packages_gates(host, found)
    python_files = _unique(
        path
        for feature in found
        for path in feature.files + feature.wired_files
        if path.endswith(".py") and (host / path).is_file()
    )
    sources = _unique(path for feature in found for path in feature.source_paths)
    tests = _unique(path for feature in found for path in feature.test_dirs)
    mypy = ["python3", "-m", "mypy", "--follow-imports=silent"]
    coverage = ["python3", "-m", "coverage"]
    gates = [
        Gate(
            "black",
            ["black", "--check", "-q", "--target-version", "py311", *python_files],
        ),
        Gate("flake8", ["flake8", *python_files]),
        Gate("mypy", [*mypy, "--check-untyped-defs", *sources]),
        Gate("mypy --strict", [*mypy, "--strict", *sources]),
        Gate(
            "pytest",
            [*coverage, "run", "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        ),
    ]
    for feature in found:
        gates += [
            Gate(
                "coverage",
                [*coverage, "report", "-m", "--fail-under=90", *code(host, feature)],
                feature.names.module,
            ),
            Gate(
                "plan",
                ["python3", feature.plan_test],
                feature.names.module,
            ),
        ]
    return gates


def _packages_gates(host: Path, found: list[features.Feature]) -> list[Gate]:
    """The packages generation's checks of ``found``, run with uv in the Python 3.14 root.

    ruff (lint and format) with the host's configuration on every file the features
    wrote, ``mypy --strict`` on their code, their tests with coverage, then each
    feature's 90% and its plan check. The host's whole CI runs beside these.
    """
    python_files = _unique(
        path
        for feature in found
        for path in feature.files
        if path.endswith(".py") and (host / path).is_file()
    )
    sources = _unique(path for feature in found for path in feature.source_paths)
    tests = _unique(path for feature in found for path in feature.test_dirs)
    mypy = ["uv", "run", "mypy", "--follow-imports=silent"]
    coverage = ["uv", "run", "coverage"]
    gates = [
        Gate("ruff", ["uv", "run", "ruff", "check", *python_files]),
        Gate("ruff format", ["uv", "run", "ruff", "format", "--check", *python_files]),
        Gate("mypy --strict", [*mypy, "--strict", *sources]),
        Gate(
            "pytest",
            [*coverage, "run", "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        ),
    ]
    for feature in found:
        gates += [
            Gate(
                "coverage",
                [*coverage, "report", "-m", "--fail-under=90", *code(host, feature)],
                feature.names.module,
            ),
            Gate(
                "plan",
                ["uv", "run", "python", feature.plan_test],
                feature.names.module,
            ),
        ]
    return gates


def code(host: Path, feature: features.Feature) -> list[str]:
    """The feature's code files in ``host``, as the shell expands its ``coverage_files``."""
    return [
        path
        for pattern in feature.coverage_files
        for path in sorted(glob.glob(pattern, root_dir=host))
    ]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def run_gate(
    gate: Gate, host: Path, mypy_cache: Path, generation: hosts.Host = HOST
) -> subprocess.CompletedProcess[str]:
    """Run one gate in ``host`` with the tools of its ``generation``; mypy's cache is the caller's.

    The packages generation's tools run in the Python root, where the caller's cache
    folder does not exist: its mypy keeps its cache in the host copy.
    """
    if generation.in_root:
        return hosts.run(generation, host, gate.command)
    return hosts.run(generation, host, gate.command, MYPY_CACHE_DIR=str(mypy_cache))


def failed_gates(
    host: Path, modules: list[str], mypy_cache: Path
) -> dict[str, dict[str, str]]:
    """Run the gates of ``modules`` in ``host``: what failed, by feature and gate, with its output.

    A check of every feature at once is charged to each feature whose files its
    output names, or to all of them when it names none. ``{}`` means every gate passed.
    """
    failed: dict[str, dict[str, str]] = {}
    generation = (
        hosts.HOSTS[feature_of(host, modules[0]).generation] if modules else HOST
    )
    for gate in feature_gates(host, modules):
        completed = run_gate(gate, host, mypy_cache, generation)
        if completed.returncode == 0:
            continue
        output = f"--- {gate.name} (exit {completed.returncode})\n{completed.stdout}{completed.stderr}"
        charged = (
            [gate.module]
            if gate.module
            else [module for module in modules if _names_files_of(host, module, output)]
        )
        for module in charged or modules:
            failed.setdefault(module, {})[gate.name] = output
    return failed


def _names_files_of(host: Path, module: str, output: str) -> bool:
    """Whether ``output`` names a file of the feature ``module``."""
    feature = feature_of(host, module)
    return any(path in output for path in feature.source_paths + feature.test_dirs)


def template_environment() -> Environment:
    """Jinja configured as copier.yml configures it, with the template's extensions.

    Renders one template file directly, without a copier run: fast enough for
    property tests over many answers. Template names start at the repository root
    (``template/modules/module/...``), as the templates' own includes do.
    """
    environment = Environment(
        loader=FileSystemLoader(ROOT),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        extensions=[template_jinja.Filters, template_jinja.PythonFiles],
    )
    return environment


@lru_cache(maxsize=1)
def _copier_yml() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "copier.yml").read_text())


def question_help(question: str, destination: Path) -> str:
    """A question's help as copier prints it for a feature written into ``destination``."""
    source = _copier_yml()[question]["help"]
    context = {"_copier_conf": {"dst_path": destination}}
    return template_environment().from_string(source).render(context)


def render_context(answers: dict[str, Any]) -> dict[str, Any]:
    """What a template sees: the answers, and the feature they describe."""
    feature = features.feature_for(answers)
    return {**answers, "feature": feature, "names": feature.names, "ops": feature.ops}


def template_files(context: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """The files copier writes for ``context`` (from :func:`render_context`), without running it.

    Returns (template name for :func:`template_environment`, destination path, the
    context to render it with), one per file, the answers file left out.
    """
    tree = context["feature"].tree
    return [
        (f"template/{tree}/{relative}", destination, local)
        for relative, destination, local in inventory.rendered_paths(
            inventory.TEMPLATES / tree, context
        )
        if not relative.startswith("{{ _copier_conf")
    ]


# How a team words two replies of a Slack command its own way (the update tests).
TEAM_FRENCH = '  replies.added: "✅ Note `{id}` ajoutée\\u00a0: {title}"\n'
TEAM_ENGLISH = '  replies.added: "✅ Note `{id}` added to the incident: {title}"\n'


def reword_the_replies(package: Path) -> None:
    """The team words two replies its own way, and the French is read: T209 is done."""
    english = package / "locales/incident_notes.en-US.yml"
    french = package / "locales/incident_notes.fr-FR.yml"
    _edit_line(english, "  replies.added: ", TEAM_ENGLISH)
    _edit_line(french, "  replies.added: ", TEAM_FRENCH)
    _edit_line(french, "# TODO(incident_notes): ", "")
    tick(package / "PLAN.md", "T209")


def _edit_line(path: Path, start: str, new: str) -> None:
    """Replace the one line of ``path`` that starts with ``start``."""
    lines = path.read_text().splitlines(keepends=True)
    [index] = [number for number, line in enumerate(lines) if line.startswith(start)]
    lines[index] = new
    path.write_text("".join(lines))


def tick(plan: Path, task: str) -> None:
    """Tick task ``task`` of a plan, as a team does."""
    lines = plan.read_text().splitlines(keepends=True)
    [index] = [number for number, line in enumerate(lines) if f"**{task}**" in line]
    lines[index] = lines[index].replace("- [ ]", "- [x]")
    plan.write_text("".join(lines))
