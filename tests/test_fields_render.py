"""Any accepted set of fields gives code the host's own formatter and linter accept, in both generations.

The module's Python templates are rendered directly (no copier run) for field sets that
hypothesis draws: every type, optional or not, one field or many, names that are also
Python, pydantic or FastAPI words, or names the generated code uses for its own
variables. Each rendering is checked with the host's tools and configuration: black and
flake8 (``.flake8``) for the modules generation, ruff's formatter and linter
(``pyproject.toml``) for the packages one. The real-host tier runs whole features with
chosen field sets through every gate, tests included.
"""

from __future__ import annotations

import ast
import os
import subprocess
from pathlib import Path
from typing import Any

import black
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hosts
from matrix import CASES, case_answers
from extensions import fields
from support import (
    CANONICAL_ANSWERS,
    PYTHON,
    render_context,
    template_environment,
    template_files,
)

pytestmark = pytest.mark.render

BLACK = black.Mode(target_versions={black.TargetVersion.PY311})
ENVIRONMENT = template_environment()
# Words a team may well name a field, which the generated code also uses, whether as a
# Python, pydantic or FastAPI name or as a local variable of its own.
WORDS = [
    "type",
    "status",
    "body",
    "query",
    "request",
    "response",
    "items",
    "count",
    "limit",
    "value",
    "name",
    "data",
    "message",
    "result",
    "settings",
    "service",
    "table",
    "item",
    "key",
    "text",
    "texts",
    "given",
    "blank",
    "changes",
    "draft",
    "found",
    "page",
    "written",
    "updated",
    "deleted",
    "locale",
    "typed",
    "lines",
    "others",
    "field",
    "words",
    "title",
    "details",
    "match",
    "case",
    "self",
    "cls",
    "storage",
    "clock",
    "partition",
    "provider",
    "operation",
    "error",
    "args",
]
NAMES = st.one_of(
    st.sampled_from(WORDS), st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True)
)
KINDS = st.one_of(
    st.sampled_from(sorted(fields.KINDS)),
    st.lists(
        st.sampled_from(["low", "high", "P1", "v1.2", "in-progress", "none"]),
        min_size=2,
        max_size=4,
        unique=True,
    ).map(" | ".join),
)


def accepted(rows: list[tuple[str, str, bool]]) -> bool:
    """Whether the validator accepts these fields (hypothesis draws only those)."""
    answer = "\n".join(
        f"{name}: {kind}{'?' if optional else ''}" for name, kind, optional in rows
    )
    return fields.problem(answer) == ""


FIELD_SETS = st.lists(
    st.tuples(NAMES, KINDS, st.booleans()),
    min_size=1,
    max_size=8,
    unique_by=lambda row: row[0],
).filter(accepted)


def render(generation: str, answer: str, **answers: Any) -> dict[str, str]:
    """Every Python file of a module with these fields, by destination path."""
    context = render_context(
        {
            **CANONICAL_ANSWERS,
            "generation": generation,
            "providers": "storage",
            "fields": answer,
            **answers,
        }
    )
    return {
        path: ENVIRONMENT.get_template(template).render(local)
        for template, path, local in template_files(context)
        if path.endswith(".py")
    }


def host_config(generation: str, name: str) -> Path:
    """A configuration file of the host, as extracted (read-only)."""
    return hosts.extract(hosts.HOSTS[generation]) / hosts.APP / name


def check_modules(rendered: dict[str, str], folder: Path) -> list[str]:
    """What black and flake8 (the host's configuration) find wrong with the rendering."""
    problems = [
        f"{path}: not as black lays it out"
        for path, source in rendered.items()
        if black.format_str(source, mode=BLACK) != source
    ]
    written = write(rendered, folder)
    flake8 = subprocess.run(
        [
            PYTHON,
            "-m",
            "flake8",
            "--config",
            str(host_config("modules", ".flake8")),
            *written,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return problems + flake8.stdout.splitlines()


def check_packages(rendered: dict[str, str], folder: Path) -> list[str]:
    """What ruff's formatter and linter (the host's configuration) find wrong with the rendering.

    The rendering sits beside a copy of the host's ``pyproject.toml``, so the
    configuration's paths (its per-file rules for ``tests/``) apply as in the host; the
    host's packages are named first-party, as they are inside it.
    """
    write(rendered, folder)
    app = host_config("packages", ".")
    (folder / "pyproject.toml").write_text((app / "pyproject.toml").read_text())
    first_party = sorted(
        path.name
        for path in app.iterdir()
        if path.is_dir() and not path.name.startswith(".")
    )
    ruff = [str(Path(PYTHON).parent / "ruff")]
    config = ["--config", f"lint.isort.known-first-party = {first_party!r}"]
    files = sorted(rendered)
    fmt = subprocess.run(
        [*ruff, "format", "--check", *config, *files],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    lint = subprocess.run(
        [*ruff, "check", "--quiet", *config, *files],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    found = [
        line for line in fmt.stdout.splitlines() if line.startswith("Would reformat")
    ]
    return found + ([lint.stdout] if lint.returncode else [])


def write(rendered: dict[str, str], folder: Path) -> list[str]:
    """The rendering written under ``folder``; the paths of its files."""
    paths = []
    for relative, source in rendered.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
        paths.append(str(path))
    return paths


CHECKS = {"modules": check_modules, "packages": check_packages}


@pytest.mark.parametrize("generation", sorted(CHECKS))
@settings(
    max_examples=int(os.environ.get("FIELD_EXAMPLES", "12")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=FIELD_SETS)
def test_any_accepted_fields_give_code_the_hosts_tools_accept(
    tmp_path: Path, generation: str, rows: list[tuple[str, str, bool]]
) -> None:
    answer = "\n".join(
        f"{name}: {kind}{'?' if optional else ''}" for name, kind, optional in rows
    )

    rendered = render(generation, answer)

    for path, source in rendered.items():
        ast.parse(source, filename=path)
    folder = tmp_path / f"example-{abs(hash(answer))}"
    assert CHECKS[generation](rendered, folder) == [], answer


def render_answers(answers: dict[str, Any]) -> dict[str, str]:
    """Every Python file these answers give, by destination path."""
    context = render_context(answers)
    return {
        path: ENVIRONMENT.get_template(template).render(local)
        for template, path, local in template_files(context)
        if path.endswith(".py")
    }


@pytest.mark.parametrize("generation", sorted(CHECKS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_case_of_the_matrix_gives_code_the_hosts_tools_accept(
    tmp_path: Path, generation: str, case: str
) -> None:
    """The real-host tier runs the same check with every other gate, minutes later."""
    rendered = render_answers({**case_answers(case), "generation": generation})

    assert CHECKS[generation](rendered, tmp_path / "example") == []
