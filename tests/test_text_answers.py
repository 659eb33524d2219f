"""List answers typed as text, the earlier YAML lists, and the answers file that records them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from extensions.text_answers import answers_yaml, as_lines, as_names, as_text
from support import ROOT

pytestmark = pytest.mark.fast

MIGRATION = ROOT / "tasks" / "list_answers.py"
HEADER = "# The answers that made this feature. Update it with: copier update ...\n"


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("google", ["google"]),
        ("google, aws", ["google", "aws"]),
        ("google,aws ,  opsgenie", ["google", "aws", "opsgenie"]),
        ("google aws", ["google", "aws"]),
        ("  ", []),
        ("", []),
        ("[google, aws]", ["google", "aws"]),
        ("[]", []),
        (["google", "aws"], ["google", "aws"]),
        (None, []),
    ],
)
def test_providers_are_names_separated_by_commas_or_spaces(
    typed: object, names: list[str]
) -> None:
    assert as_names(typed) == names


@pytest.mark.parametrize(
    ("typed", "lines"),
    [
        (
            "an engineer adds a note in under 10 s",
            ["an engineer adds a note in under 10 s"],
        ),
        (
            "first: with a colon\n\n  - second, with a dash\n",
            ["first: with a colon", "- second, with a dash"],
        ),
        (
            "[P1] incidents first\nthen the rest",
            ["[P1] incidents first", "then the rest"],
        ),
        ("[not, a list] # nor a comment", ["[not, a list] # nor a comment"]),
        ('["first", "second"]', ["first", "second"]),
        (["first", "second"], ["first", "second"]),
        ("", []),
    ],
)
def test_statements_are_one_per_line(typed: object, lines: list[str]) -> None:
    assert as_lines(typed) == lines


# One-line statements as an earlier version's answers file held them.
statements = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]))
    .map(lambda text: " ".join(text.split()))
    .filter(bool),
    max_size=5,
)


@given(statements)
def test_a_list_written_as_text_reads_back_as_the_same_list(items: list[str]) -> None:
    for question in ("success_criteria", "out_of_scope"):
        assert as_lines(as_text(question, items)) == items


@given(st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,23}", fullmatch=True), max_size=9))
def test_names_written_as_text_read_back_as_the_same_names(names: list[str]) -> None:
    assert as_names(as_text("providers", names)) == names


def test_a_statement_that_held_line_breaks_becomes_one_line() -> None:
    assert (
        as_text("success_criteria", ["one\nstatement", "two"]) == "one statement\ntwo"
    )


def test_other_answers_are_left_as_they_are() -> None:
    assert as_text("operations", ["create", "get"]) == ["create", "get"]
    assert as_text("providers", "google, aws") == "google, aws"


# What the validators let through: no control character but line breaks and tabs.
answer_text = st.text(
    st.characters(
        codec="utf-8", exclude_categories=["Cc", "Cs"], include_characters="\n\t"
    )
)


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), answer_text))
def test_the_answers_file_reads_back_without_trailing_line_breaks(
    answers: dict[str, str]
) -> None:
    recorded = {key: value.rstrip("\n") for key, value in answers.items()}

    assert yaml.safe_load(answers_yaml(answers)) == recorded


def test_the_answers_file_shows_text_of_several_lines_as_typed() -> None:
    written = answers_yaml(
        {"success_criteria": "first\nsecond\n", "providers": "google, aws"}
    )

    assert (
        written
        == "providers: google, aws\nsuccess_criteria: |-\n    first\n    second\n"
    )


def _migrate(answers_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MIGRATION), str(answers_file)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_migration_rewrites_an_earlier_answers_files_lists_as_text(
    tmp_path: Path,
) -> None:
    answers_file = tmp_path / ".copier-answers.incident_notes.yml"
    earlier = {
        "_commit": "0.3.0",
        "operations": ["create", "get"],
        "providers": ["google", "aws"],
        "success_criteria": ["a note in under 10 s", "two\nlines"],
        "out_of_scope": [],
        "wired_providers": {"google": {"entity_name": "Event", "operations": ["list"]}},
    }
    answers_file.write_text(HEADER + yaml.safe_dump(earlier))

    first = _migrate(answers_file)
    migrated = answers_file.read_text()
    second = _migrate(answers_file)

    assert first.returncode == second.returncode == 0
    assert "list answers rewritten as text" in first.stderr
    assert second.stderr == ""
    assert answers_file.read_text() == migrated
    assert migrated.startswith(HEADER)
    assert yaml.safe_load(migrated) == {
        **earlier,
        "providers": "google, aws",
        "success_criteria": "a note in under 10 s\ntwo lines",
        "out_of_scope": "",
    }


def test_the_migration_leaves_a_missing_file_and_text_answers_alone(
    tmp_path: Path,
) -> None:
    answers_file = tmp_path / ".copier-answers.incident_notes.yml"
    text = HEADER + answers_yaml({"providers": "google", "success_criteria": "a\nb"})
    answers_file.write_text(text)

    assert _migrate(tmp_path / "missing.yml").returncode == 0
    assert _migrate(answers_file).returncode == 0
    assert answers_file.read_text() == text
    assert not (tmp_path / "missing.yml").exists()
