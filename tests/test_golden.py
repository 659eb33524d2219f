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

from support import (
    EXAMPLES_DIR,
    feature_of,
    feature_paths,
    host_wiring_diff,
    pristine_app,
    tree_files,
)

pytestmark = pytest.mark.render

WIRING_DIFF = "host-wiring.diff"
KINDS = sorted(path.name for path in EXAMPLES_DIR.iterdir() if path.is_dir())


def _diff(example: str, expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    lines: list[str] = []
    for name in sorted(expected.keys() | actual.keys()):
        old = expected.get(name, b"").decode().splitlines(keepends=True)
        new = actual.get(name, b"").decode().splitlines(keepends=True)
        lines.extend(
            difflib.unified_diff(old, new, f"{example}/{name}", f"rendered/{name}")
        )
    return "".join(lines)


def test_there_is_an_example_of_each_kind() -> None:
    assert KINDS == ["integration", "module"]


@pytest.mark.parametrize("kind", KINDS)
def test_docs_example_matches_a_fresh_render(
    generate: Any, host: Path, request: pytest.FixtureRequest, kind: str
) -> None:
    example = EXAMPLES_DIR / kind
    answers = yaml.safe_load((example / "answers.yml").read_text())
    assert answers["kind"] == kind
    project = generate(host, **answers)
    # The answers file records where the template came from: it differs per machine.
    # Package markers the host already had are the host's, kept as they were.
    paths = [
        path
        for path in feature_paths(project, answers["module_name"])
        if not path.startswith(".copier-answers")
        and not (pristine_app() / path).exists()
    ]
    rendered = tree_files(project, paths)
    wired = feature_of(project, answers["module_name"]).wired_files
    rendered[WIRING_DIFF] = host_wiring_diff(pristine_app(), project, wired).encode()

    if request.config.getoption("--update-golden"):
        for child in example.iterdir():
            if child.name != "answers.yml":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        for name, content in rendered.items():
            (example / name).parent.mkdir(parents=True, exist_ok=True)
            (example / name).write_bytes(content)

    committed = tree_files(example, ["."])
    committed.pop("answers.yml")
    assert rendered == committed, (
        f"the template's output drifted from docs/examples/{kind} "
        "(run `make golden` if the change is intended):\n"
        + _diff(f"docs/examples/{kind}", committed, rendered)
    )
