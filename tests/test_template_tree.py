"""The template's own files: questions, paths and pins."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import (
    CANONICAL_ANSWERS,
    INTEGRATION_ANSWERS,
    ROOT,
    render_context,
    template_environment,
    template_files,
)

pytestmark = pytest.mark.fast

COPIER_YML = yaml.safe_load((ROOT / "copier.yml").read_text())
QUESTIONS = [
    "generation",
    "kind",
    "feature_name",
    "module_name",
    "description",
    "entity_name",
    "fields",
    "operations",
    "providers",
    "primary_provider",
    "wired_providers",
    "endpoint",
    "require_auth",
    "slack",
    "slack_command",
    "problem_statement",
    "beneficiaries",
    "success_criteria",
    "out_of_scope",
    "owner",
    "tracking_link",
]
SETTINGS = {
    "_min_copier_version",
    "_subdirectory",
    "_answers_file",
    "_templates_suffix",
    "_envops",
    "_jinja_extensions",
    "_tasks",
    "_migrations",
    "_skip_if_exists",
    "_message_after_copy",
    "_message_after_update",
}
QUESTION_KEYS = {
    "type",
    "help",
    "default",
    "placeholder",
    "choices",
    "multiselect",
    "validator",
    "when",
    "secret",
    "multiline",
    "ask",
}
WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*\\]')
WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def test_copier_yml_has_only_known_settings_and_the_public_questions() -> None:
    settings = {key for key in COPIER_YML if key.startswith("_")}
    questions = [key for key in COPIER_YML if not key.startswith("_")]

    assert settings <= SETTINGS
    assert questions == QUESTIONS


@pytest.mark.parametrize("question", QUESTIONS)
def test_question_uses_only_known_keys(question: str) -> None:
    assert set(COPIER_YML[question]) <= QUESTION_KEYS


@pytest.mark.parametrize("question", QUESTIONS)
def test_question_explains_why_it_matters_and_shows_its_shape(question: str) -> None:
    spec = COPIER_YML[question]

    assert len(spec["help"]) > 40
    assert "default" in spec or "placeholder" in spec


def test_min_copier_version_is_the_pinned_copier() -> None:
    pins = (ROOT / "requirements" / "dev.txt").read_text()

    assert f"copier=={COPIER_YML['_min_copier_version']}\n" in pins


def _template_paths() -> list[Path]:
    return sorted((ROOT / "template").rglob("*"))


@pytest.mark.parametrize(
    "path", _template_paths(), ids=lambda path: str(path.relative_to(ROOT))
)
def test_template_path_is_valid_on_windows(path: Path) -> None:
    for part in path.relative_to(ROOT).parts:
        assert not WINDOWS_FORBIDDEN.search(part), part
        assert part == part.rstrip(" ."), part
        assert part.split(".")[0].upper() not in WINDOWS_RESERVED, part


def test_only_files_that_need_rendering_end_in_jinja() -> None:
    plain = [
        path
        for path in (ROOT / "template").rglob("*")
        if path.is_file() and not path.name.endswith(".jinja")
    ]

    assert all(path.read_text() == "" for path in plain), plain


# Questions of the first release that a user must answer: every later one needs a
# default, or `copier update --defaults` fails on features made before it existed.
ANSWERED_WITHOUT_DEFAULT = {"feature_name", "description"}


@pytest.mark.parametrize("question", sorted(set(QUESTIONS) - ANSWERED_WITHOUT_DEFAULT))
def test_question_has_a_default_so_non_interactive_updates_work(question: str) -> None:
    assert "default" in COPIER_YML[question]


@pytest.mark.parametrize(
    "answers", [CANONICAL_ANSWERS, INTEGRATION_ANSWERS], ids=["module", "integration"]
)
def test_every_generated_test_module_carries_the_hosts_marker_of_its_level(
    answers: dict[str, Any]
) -> None:
    context = render_context(answers)
    environment = template_environment()
    marked = {}
    for template, path, local in template_files(context):
        if path.split("/")[-1].startswith("test_") and path.endswith(".py"):
            level = path.split("/")[1]  # tests/<unit|integration>/...
            text = environment.get_template(template).render(local)
            marked[path] = f"\npytestmark = pytest.mark.{level}\n" in text

    assert marked and all(marked.values()), marked


@pytest.mark.parametrize("generation", ["modules", "packages"])
@pytest.mark.parametrize(
    "answers",
    [
        CANONICAL_ANSWERS,
        {**CANONICAL_ANSWERS, "slack": False},
        {**CANONICAL_ANSWERS, "operations": ["get"], "providers": "storage"},
        INTEGRATION_ANSWERS,
    ],
    ids=["module", "module-without-slack", "module-get-only", "integration"],
)
def test_no_words_run_together_where_a_template_tag_ended_a_line(
    generation: str, answers: dict[str, Any]
) -> None:
    """A block tag at the end of a line eats its newline (trim_blocks): the next word glues on.

    Caught by a closing parenthesis followed by a letter, as in ``(``locales/``)and``.
    """
    context = render_context({**answers, "generation": generation})
    environment = template_environment()
    glued = {}
    for template, path, local in template_files(context):
        text = environment.get_template(template).render(local)
        found = re.findall(r"\S*\)[A-Za-z]\w*", text)
        if found:
            glued[path] = found
    assert glued == {}


@pytest.mark.parametrize("generation", ["modules", "packages"])
def test_the_slack_provider_is_imported_for_typing_only(generation: str) -> None:
    """As the host's own Slack modules import it: under ``if TYPE_CHECKING:``, never at run time."""
    context = render_context({**CANONICAL_ANSWERS, "generation": generation})
    environment = template_environment()
    where = {}
    for template, path, local in template_files(context):
        text = environment.get_template(template).render(local)
        if not path.endswith(".py") or "SlackPlatformProvider" not in text:
            continue
        tree = ast.parse(text)
        at_run_time = [
            alias.name
            for node in tree.body
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        ]
        for_typing = [
            alias.name
            for node in tree.body
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
            for child in node.body
            if isinstance(child, ast.ImportFrom)
            for alias in child.names
        ]
        if path.split("/")[0] != "tests":
            where[path] = (
                "SlackPlatformProvider" in at_run_time,
                "SlackPlatformProvider" in for_typing,
            )

    assert where and set(where.values()) == {(False, True)}, where
