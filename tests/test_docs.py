"""The docs that are derived from the template stay in step with it."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

import hosts
from extensions.layout import md
from support import ROOT, pristine_app, question_help

pytestmark = pytest.mark.fast

QUESTIONS_DOC = ROOT / "docs" / "questions.md"
INTRO = """# Question reference

Generated from `copier.yml` by `make golden`; a test fails when the two drift apart.
The questions are asked in this order. Each one's answer is recorded in the feature's
answers file (`.copier-answers.<module>.yml`) and reused by `copier update`. A help
that depends on the destination is shown as it reads for SRE Bot's modules generation.
"""


def _shown(value: Any) -> str:
    return (
        "`"
        + (
            yaml.safe_dump(value, default_flow_style=True)
            .strip()
            .removesuffix("...")
            .strip()
        )
        + "`"
    )


def questions_reference() -> str:
    """The question reference, written from copier.yml."""
    spec = yaml.safe_load((ROOT / "copier.yml").read_text())
    host = pristine_app(hosts.MODULES)
    parts = [INTRO]
    for name, question in spec.items():
        if name.startswith("_"):
            continue
        parts.append(f"## `{name}`\n\n{md(question_help(name, host))}\n")
        facts = [
            f"- type: `{question.get('type', 'str')}`"
            + (" (several may be chosen)" if question.get("multiselect") else "")
        ]
        if question.get("multiline"):
            facts.append(
                "- several lines: copier ends the answer at Alt+Enter (or Esc, then Enter)"
            )
        if "choices" in question:
            choices = "; ".join(
                f"`{value}` ({label})" for label, value in question["choices"].items()
            )
            facts.append(f"- choices: {choices}")
        if "default" in question:
            default = question["default"]
            derived = isinstance(default, str) and "{{" in default
            facts.append(
                f"- default: {_shown(default)}"
                + (" (derived from earlier answers)" if derived else "")
            )
        else:
            facts.append(
                f"- no default; for example: {_shown(question['placeholder'])}"
            )
        if "when" in question:
            facts.append(f"- asked only when: `{question['when']}`")
        if "validator" in question:
            facts.append(
                "- checked before anything is written; see docs/bad-input.md for every refusal"
            )
        parts.append("\n".join(facts) + "\n")
    return "\n".join(parts)


def test_question_reference_matches_copier_yml(request: pytest.FixtureRequest) -> None:
    expected = questions_reference()
    if request.config.getoption("--update-golden"):
        QUESTIONS_DOC.write_text(expected)

    assert (
        QUESTIONS_DOC.read_text() == expected
    ), "docs/questions.md drifted from copier.yml: run `make golden`"
