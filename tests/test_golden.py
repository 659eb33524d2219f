"""The committed examples under docs/examples are exactly what the template renders today.

After a deliberate template change, refresh them with ``make golden`` and review the
diff of docs/examples as the code users will get.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import hosts
from support import (
    EXAMPLES_DIR,
    feature_of,
    feature_paths,
    features,
    fresh_host,
    host_wiring_diff,
    pristine_app,
    tree_files,
)

pytestmark = pytest.mark.render

WIRING_DIFF = "host-wiring.diff"
# Each example, as generation/kind.
EXAMPLES = sorted(
    f"{generation.name}/{kind.name}"
    for generation in EXAMPLES_DIR.iterdir()
    if generation.is_dir()
    for kind in generation.iterdir()
    if kind.is_dir()
)


def _diff(example: str, expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    lines: list[str] = []
    for name in sorted(expected.keys() | actual.keys()):
        old = expected.get(name, b"").decode().splitlines(keepends=True)
        new = actual.get(name, b"").decode().splitlines(keepends=True)
        lines.extend(
            difflib.unified_diff(old, new, f"{example}/{name}", f"rendered/{name}")
        )
    return "".join(lines)


def test_there_is_an_example_of_each_kind_in_each_generation() -> None:
    assert EXAMPLES == [
        f"{generation}/{kind}"
        for generation in sorted(features.GENERATIONS)
        for kind in ("integration", "module")
    ]


@pytest.mark.parametrize("name", EXAMPLES)
def test_docs_example_matches_a_fresh_render(
    generate: Any, tmp_path: Path, request: pytest.FixtureRequest, name: str
) -> None:
    generation, kind = name.split("/")
    example = EXAMPLES_DIR / generation / kind
    answers = yaml.safe_load((example / "answers.yml").read_text())
    assert answers["kind"] == kind
    host = hosts.HOSTS[generation]
    project = generate(fresh_host(tmp_path / "host", host), **answers)
    assert feature_of(project, answers["module_name"]).generation == generation
    # The answers file records where the template came from: it differs per machine.
    # Package markers the host already had are the host's, kept as they were.
    paths = [
        path
        for path in feature_paths(project, answers["module_name"])
        if not path.startswith(".copier-answers")
        and not (pristine_app(host) / path).exists()
    ]
    rendered = tree_files(project, paths)
    wired = feature_of(project, answers["module_name"]).wired_files
    if wired:
        diff = host_wiring_diff(pristine_app(host), project, wired)
        rendered[WIRING_DIFF] = diff.encode()

    if request.config.getoption("--update-golden"):
        for child in example.iterdir():
            if child.name != "answers.yml":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        for relative, content in rendered.items():
            (example / relative).parent.mkdir(parents=True, exist_ok=True)
            (example / relative).write_bytes(content)

    committed = tree_files(example, ["."])
    committed.pop("answers.yml")
    assert rendered == committed, (
        f"the template's output drifted from docs/examples/{name} "
        "(run `make golden` if the change is intended):\n"
        + _diff(f"docs/examples/{name}", committed, rendered)
    )


@pytest.mark.parametrize("kind", ["module", "integration"])
def test_one_answers_file_serves_both_generations(kind: str) -> None:
    modules, packages = (
        yaml.safe_load((EXAMPLES_DIR / generation / kind / "answers.yml").read_text())
        for generation in ("modules", "packages")
    )
    # The packages generation does not ask for an integration's endpoint: its routes
    # belong to feature packages, so its example leaves out what would not be asked.
    not_asked = {"endpoint", "require_auth"} if kind == "integration" else set()

    assert "generation" not in modules
    assert {
        key: value for key, value in modules.items() if key not in not_asked
    } == packages
