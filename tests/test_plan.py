"""PLAN.md: rendered for every answer combination, structured, verifiable, and robust to any text."""

from __future__ import annotations

import re
from html import unescape
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import hosts
from support import (
    CANONICAL_ANSWERS,
    HOST,
    plan_progress,
    render_context,
    template_environment,
    template_files,
)
from matrix import CASES, case_answers

# Every case of the matrix in every host generation.
GENERATION_CASES = [
    pytest.param(generation, case, id=f"{generation}:{case}")
    for generation in ("modules", "packages")
    for case in CASES
]

pytestmark = pytest.mark.render

SECTIONS = [
    "1. Overview",
    "2. Technical approach",
    "3. API design",
    "4. Data models",
    "5. Configuration",
    "6. Implementation phases",
    "7. Dependencies",
    "8. Risks and mitigations",
    "9. Testing strategy",
    "10. Rollout plan",
    "11. Architectural checklist",
]
ENVIRONMENT = template_environment()


def plan_template(answers: dict[str, Any]) -> str:
    """The PLAN.md template of the feature the answers describe."""
    feature = render_context(answers)["feature"]
    return f"template/{feature.tree}/{feature.package.split('/')[0]}/{{{{ module_name }}}}/PLAN.md.jinja"


MARKDOWN = MarkdownIt("commonmark").enable("table")
TASK_LINE = re.compile(r"^- \[[ x]\] \*\*(T\d{3})\*\*")


def render_plan(**answers: Any) -> str:
    """Render PLAN.md alone, with the template's Jinja settings and helpers (no copier run)."""
    context = {
        **CANONICAL_ANSWERS,
        "problem_statement": "",
        "beneficiaries": "",
        "owner": "",
        "tracking_link": "",
    }
    context.update(success_criteria=[], out_of_scope=[])
    context.update(answers)
    return ENVIRONMENT.get_template(plan_template(context)).render(
        render_context(context)
    )


def structure(plan: str) -> dict[str, Any]:
    """What a reader's Markdown renderer sees: headings, table shapes, checkboxes, fences."""
    tokens = MARKDOWN.parse(plan)
    headings = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    tables, row = [], 0
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            row += 1
        elif token.type == "tr_close":
            tables[-1].append(row)
    items = [
        tokens[i + 2].content
        for i, t in enumerate(tokens)
        if t.type == "list_item_open"
        and tokens[i + 2].type == "inline"
        and tokens[i + 2].content.startswith("[")
    ]
    fences = [t.info for t in tokens if t.type == "fence"]
    return {
        "headings": headings,
        "tables": tables,
        "checkboxes": items,
        "fences": fences,
    }


@pytest.mark.parametrize(("generation", "case"), GENERATION_CASES)
def test_plan_has_every_section_in_order_and_unique_task_ids(
    generation: str, case: str
) -> None:
    plan = render_plan(**case_answers(case), generation=generation)

    seen = structure(plan)
    ids = [m.group(1) for line in plan.splitlines() if (m := TASK_LINE.match(line))]

    assert seen["headings"] == SECTIONS
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    assert {task_id[1] for task_id in ids} == {"1", "2", "3"}


def test_plan_tables_keep_their_columns_and_checkboxes_are_list_items() -> None:
    plan = render_plan()

    seen = structure(plan)

    assert all(len(set(rows)) == 1 for rows in seen["tables"]), seen["tables"]
    assert len(seen["checkboxes"]) == plan.count("\n- [")
    assert "mermaid" in seen["fences"]


def test_plan_shows_marked_blanks_instead_of_invented_claims() -> None:
    plan = render_plan()

    assert plan.count("> **To write:**") == 4
    assert "_unassigned: add an owner_" in plan


def test_plan_uses_the_plan_answers() -> None:
    plan = render_plan(
        problem_statement="Notes get lost in Slack threads.",
        beneficiaries="On-call engineers",
        success_criteria=["a note is added in under 10 s"],
        out_of_scope=["editing notes from Slack"],
        owner="@sre-team",
        tracking_link="https://tracker.example.org/SRE-1",
    )

    assert "> **To write:**" not in plan
    for text in [
        "Notes get lost in Slack threads.",
        "On-call engineers",
        "@sre-team",
        "SRE-1",
    ]:
        assert text in plan
    assert "- a note is added in under 10 s" in plan


@pytest.mark.parametrize("generation", ["modules", "packages"])
def test_a_list_documents_how_to_page_past_its_first_page(generation: str) -> None:
    listing = render_plan(generation=generation, operations=["create", "list"])
    not_listing = render_plan(generation=generation, operations=["create", "get"])

    api_row = next(line for line in listing.splitlines() if line.startswith("| GET |"))
    assert "`?before=` (the last id of the previous page)" in api_row
    assert "`next`: the id to send as `before` for the next page" in listing
    assert "`?before=`" not in not_listing
    assert "`next`" not in not_listing


HOSTILE = [
    "pipes | in | cells",
    "*stars* _under_ `ticks` <b>html</b>",
    'quotes \' " """ and \\ backslashes',
    "new\nlines\n- like a list\n# like a heading",
    "{{ jinja }} {% if x %}block{% endif %}",
    "emoji 🚨 and 日本語 and עברית",
    "x" * 3000,
    "1. starts like an ordered list",
    "[link](javascript:alert(1))",
    "| --- | --- |",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_renders_literally_and_keeps_the_structure(text: str) -> None:
    plain = render_plan()
    plan = render_plan(
        problem_statement=text,
        beneficiaries=text.replace("\n", " "),
        success_criteria=[text.replace("\n", " ")],
        out_of_scope=[text.replace("\n", " ")],
        owner=text.replace("\n", " "),
    )

    assert owner_cell(plan) == " ".join(text.split())
    assert structure(plan)["headings"] == structure(plain)["headings"]
    assert structure(plan)["tables"] == structure(plain)["tables"]
    assert structure(plan)["checkboxes"] == structure(plain)["checkboxes"]


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    text=st.text(
        st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\r"),
        min_size=1,
        max_size=200,
    ).filter(str.strip)
)
def test_any_one_line_answer_keeps_the_plan_structure(text: str) -> None:
    line = " ".join(text.split())
    plan = render_plan(
        beneficiaries=line, owner=line, success_criteria=[line], problem_statement=text
    )

    seen = structure(plan)

    assert seen["headings"] == SECTIONS
    assert all(len(set(rows)) == 1 for rows in seen["tables"])
    assert owner_cell(plan) == line


def owner_cell(plan: str) -> str:
    """The text a reader sees in the owner cell of the plan's first table."""
    tokens = MARKDOWN.parse(plan)
    first_cell = next(i for i, t in enumerate(tokens) if t.type == "td_open")
    html = MARKDOWN.renderInline(tokens[first_cell + 1].content)
    return " ".join(unescape(html).split())


def test_every_named_path_exists_after_generation_and_the_plan_check_passes(
    generate: Any, host: Path
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)

    completed = plan_progress(project, "incident_notes")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Phase 1: Foundation: 5/5 done" in completed.stdout


def _tick(plan: Path, task_id: str) -> None:
    text = plan.read_text()
    plan.write_text(text.replace(f"- [ ] **{task_id}**", f"- [x] **{task_id}**"))


def _plan_tests(project: Path) -> subprocess.CompletedProcess[str]:
    """The plan's checks run as the host runs its tests, with the host's tools."""
    command = ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    return hosts.run(
        HOST, project, [*command, "tests/unit/modules/incident_notes/test_plan.py"]
    )


@pytest.mark.slow  # runs the generated tests with the host's pytest
def test_plan_check_fails_when_a_provider_task_is_ticked_falsely(
    generate: Any, host: Path
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)
    plan = project / "modules/incident_notes/PLAN.md"
    google_task = re.search(
        r"\*\*(T\d{3})\*\* `google` provider", plan.read_text()
    ).group(1)
    _tick(plan, google_task)

    completed = _plan_tests(project)

    assert completed.returncode == 1
    assert f"test_ticked_item_check_holds[{google_task}]" in completed.stdout
    assert "still contains 'TODO(incident_notes)'" in completed.stdout


@pytest.mark.slow  # runs the generated tests with the host's pytest
def test_plan_check_passes_once_the_ticked_work_is_done(
    generate: Any, host: Path
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)
    plan = project / "modules/incident_notes/PLAN.md"
    rules_task = re.search(r"\*\*(T\d{3})\*\* Business rules", plan.read_text()).group(
        1
    )
    validation = project / "modules/incident_notes/validation.py"
    validation.write_text(
        "\n".join(
            line
            for line in validation.read_text().splitlines()
            if "TODO(incident_notes)" not in line
        )
        + "\n"
    )
    _tick(plan, rules_task)

    assert _plan_tests(project).returncode == 0


@pytest.mark.slow  # runs the generated tests with the host's pytest
def test_plan_check_fails_on_a_repeated_task_id(generate: Any, host: Path) -> None:
    project = generate(host, **CANONICAL_ANSWERS)
    plan = project / "modules/incident_notes/PLAN.md"
    plan.write_text(plan.read_text().replace("**T102**", "**T101**"))

    completed = _plan_tests(project)

    assert completed.returncode == 1
    assert "test_task_ids_are_unique" in completed.stdout


@pytest.mark.parametrize(("generation", "case"), GENERATION_CASES)
def test_every_marker_of_left_work_is_an_open_task_and_every_open_task_has_its_marker(
    generation: str, case: str
) -> None:
    answers = {**CANONICAL_ANSWERS, **case_answers(case), "generation": generation}
    context = render_context(answers)
    feature = context["feature"]
    marker = f"TODO({feature.names.module})"
    marked: dict[str, list[str]] = {}
    for template, path, local in template_files(context):
        text = ENVIRONMENT.get_template(template).render(local)
        lines = [line for line in text.splitlines() if marker in line]
        if path.endswith((".py", ".yml")) and not path.startswith(".") and lines:
            marked[path] = lines
    open_tasks = [
        task
        for task in feature.tasks
        if not task.done and task.where and task.marker.startswith(marker)
    ]
    untracked = [
        f"{path}: {line.strip()}"
        for path, lines in marked.items()
        for line in lines
        if not any(task.where == path and task.marker in line for task in open_tasks)
    ]

    assert untracked == []
    assert {task.where for task in open_tasks} == set(marked)
