"""`make bench` keeps working: its smoke run prints a measured row for every figure it documents.

CI never runs the full benchmark (minutes of repeated copies, updates and requests); it
runs ``bench/run.py --smoke``, every figure once with no target judged, so a change that
breaks a figure (an answers file the previous release cannot read, say) fails here.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from support import PYTHON, ROOT

pytestmark = pytest.mark.slow

# A figure's label as docs/benchmarks.md's table of figures opens its row: "| (a) |".
DOCUMENTED = re.compile(r"^\| (\([a-z0-9*'\-]+\))(?:, (\([a-z0-9*'\-]+\)))? \|", re.M)
NUMBER = re.compile(r"\d+(\.\d+)?")


def documented_figures() -> list[str]:
    """The figures docs/benchmarks.md explains, in its order."""
    text = (ROOT / "docs" / "benchmarks.md").read_text()
    return [
        label
        for match in DOCUMENTED.finditer(text)
        for label in match.groups()
        if label
    ]


def printed_rows(output: str) -> dict[str, list[str]]:
    """The printed table's rows, by the figure that opens each: its cells after the first."""
    rows: dict[str, list[str]] = {}
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| (") and len(cells) == 5:
            rows[cells[0].split()[0]] = cells[1:]
    return rows


def test_the_smoke_run_measures_every_documented_figure(tmp_path: Path) -> None:
    completed = subprocess.run(
        [PYTHON, "bench/run.py", "--smoke", "--scratch", str(tmp_path / "bench")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr[-3000:]
    rows = printed_rows(completed.stdout)
    figures = documented_figures()
    assert len(figures) >= 10
    missing = [figure for figure in figures if figure not in rows]
    assert missing == [], f"documented but not printed: {missing}"
    suite = "(e)"  # the template's own suite: only with --with-suite
    for figure, (measured, _ratio, _target, holds) in rows.items():
        assert holds == "-", f"{figure}: a smoke run judges no target"
        if figure != suite:
            assert NUMBER.search(measured), f"{figure} measured nothing: {measured!r}"
    assert "not run" in rows[suite][0]
