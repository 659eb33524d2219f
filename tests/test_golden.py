"""The committed example under docs/example is exactly what the template renders today.

After a deliberate template change, refresh it with ``make golden`` and review the
diff of docs/example as the code users will get.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

import pytest

from support import (
    CANONICAL_ANSWERS,
    EXAMPLE_DIR,
    REFERENCE_HOST,
    feature_paths,
    host_wiring_diff,
    tree_files,
)

MODULE = CANONICAL_ANSWERS["module_name"]
# The answers file records where the template came from: it differs per machine.
EXAMPLE_PATHS = [
    path for path in feature_paths(MODULE) if not path.startswith(".copier-answers")
]
WIRING_DIFF = "host-wiring.diff"


def _diff(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    lines: list[str] = []
    for name in sorted(expected.keys() | actual.keys()):
        old = expected.get(name, b"").decode().splitlines(keepends=True)
        new = actual.get(name, b"").decode().splitlines(keepends=True)
        lines.extend(
            difflib.unified_diff(old, new, f"docs/example/{name}", f"rendered/{name}")
        )
    return "".join(lines)


def test_docs_example_matches_a_fresh_render(
    generate: Any, host: Path, request: pytest.FixtureRequest
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)
    rendered = tree_files(project, EXAMPLE_PATHS)
    rendered[WIRING_DIFF] = host_wiring_diff(REFERENCE_HOST, project).encode()

    if request.config.getoption("--update-golden"):
        for path in EXAMPLE_PATHS:
            shutil.rmtree(EXAMPLE_DIR / path, ignore_errors=True)
            (EXAMPLE_DIR / path).unlink(missing_ok=True)
        for name, content in rendered.items():
            (EXAMPLE_DIR / name).parent.mkdir(parents=True, exist_ok=True)
            (EXAMPLE_DIR / name).write_bytes(content)

    committed = tree_files(EXAMPLE_DIR, [*EXAMPLE_PATHS, WIRING_DIFF])
    assert rendered == committed, "the template's output drifted from docs/example " + (
        "(run `make golden` if the change is intended):\n" + _diff(committed, rendered)
    )
