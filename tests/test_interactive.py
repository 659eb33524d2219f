"""copier copy as a person runs it: every prompt in a real terminal, a wrong answer corrected."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pexpect
import pytest
import yaml

import hosts
from support import (
    PYTHON,
    ROOT,
    copy_command,
    feature_of,
    feature_paths,
    fresh_host,
    tree_digest,
)

pytestmark = pytest.mark.slow

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")
DOWN, SPACE, ENTER, CLEAR_LINE, SUBMIT_MULTILINE = "\x1b[B", " ", "\r", "\x15", "\x1b\r"
BACKSPACE = "\x7f"


def copier_in_a_terminal(
    host: Path, screen: Path, steps: list[tuple[str, str]]
) -> tuple[int | None, str]:
    """``copier copy`` of this checkout into ``host`` in a terminal logged to ``screen``.

    Each step waits for a text on the screen, then types its keys. Returns copier's exit
    status and what the screen showed, without colours.
    """
    child = pexpect.spawn(
        PYTHON,
        ["-m", "copier", "copy", "--trust", "--vcs-ref", "HEAD", str(ROOT), str(host)],
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 200),
        env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"},
    )
    child.logfile_read = screen.open("w")
    for text, keys in steps:
        child.expect(text)
        child.send(keys)
    child.expect(pexpect.EOF, timeout=120)
    child.close()
    return child.exitstatus, ANSI.sub("", screen.read_text()).replace("\r", "")


def test_a_person_answers_every_prompt_and_fixes_a_refused_name(tmp_path: Path) -> None:
    host = fresh_host(tmp_path / "host")

    exitstatus, shown = copier_in_a_terminal(
        host,
        tmp_path / "screen.log",
        [
            ("What you are adding", ENTER),
            ("human name", "Incident Notes" + ENTER),
            ("The Python package", CLEAR_LINE + "Incident-Notes" + ENTER),
            (
                "not a lowercase Python identifier",
                CLEAR_LINE + "incident_notes" + ENTER,
            ),
            ("A sentence or two", "Keep short notes attached to an incident." + ENTER),
            ("main domain object", ENTER),
            ("The fields of the entity", SUBMIT_MULTILINE),
            ("The operations to generate", DOWN * 4 + SPACE + ENTER),  # add delete
            ("records live", ENTER),
            ("authenticated caller", ENTER),
            ("Also answer in Slack", ENTER),
            ("The word after /sre", CLEAR_LINE + "geolocate" + ENTER),
            ("already registers /sre geolocate", CLEAR_LINE + "notes" + ENTER),
            (
                "The problem this feature solves",
                "Notes get lost in threads." + SUBMIT_MULTILINE,
            ),
            ("Who benefits", "On-call engineers" + ENTER),
            ("looks like", SUBMIT_MULTILINE),
            ("deliberately does not do", SUBMIT_MULTILINE),
            ("accountable", "@sre" + ENTER),
            ("ticket or epic", ENTER),
        ],
    )

    assert exitstatus == 0, shown[-3000:]
    answers = yaml.safe_load((host / ".copier-answers.incident_notes.yml").read_text())
    assert answers["operations"] == ["create", "get", "list", "delete"]
    assert (answers["slack"], answers["slack_command"]) == (True, "notes")
    assert answers["problem_statement"] == "Notes get lost in threads."
    # The defaults: today's two fields, kept in the bot's own storage.
    assert (answers["fields"], answers["providers"]) == (
        "title: str\ndetails: text",
        "storage",
    )
    assert (host / "modules/incident_notes/providers/storage.py").is_file()
    assert (
        "Notes get lost in threads."
        in (host / "modules/incident_notes/PLAN.md").read_text()
    )
    # The closing message wraps its prose at 80 columns: read it as words.
    said = " ".join(shown.split())
    assert "with its plan in modules/incident_notes/PLAN.md" in said
    assert re.search(
        r"\(\d+ tasks open\)\. 4 places marked TODO\(incident_notes\)", said
    )
    assert "modules/incident_notes/validation.py (1)" in shown
    assert "make lint-ci fmt-ci test" in shown
    assert "python3 tests/unit/modules/incident_notes/test_plan.py" in shown


def test_a_person_adds_an_integration_with_its_endpoint(tmp_path: Path) -> None:
    host = fresh_host(tmp_path / "host")

    exitstatus, shown = copier_in_a_terminal(
        host,
        tmp_path / "screen.log",
        [
            ("What you are adding", DOWN + ENTER),
            ("human name", "Pager Duty" + ENTER),
            # The host has a settings slice of that name for its Google integration.
            ("The Python package", CLEAR_LINE + "google" + ENTER),
            (
                "the host already has infrastructure/configuration/integrations/google.py",
                CLEAR_LINE + "pager_duty" + ENTER,
            ),
            ("A sentence or two", "Page the on-call engineer." + ENTER),
            ("main domain object", CLEAR_LINE + "Incident" + ENTER),
            ("The operations to generate", ENTER),
            ("Also serve the integration over HTTP", "y" + ENTER),
            ("authenticated caller", ENTER),
            ("The problem this feature solves", SUBMIT_MULTILINE),
            ("Who benefits", ENTER),
            ("looks like", SUBMIT_MULTILINE),
            ("deliberately", SUBMIT_MULTILINE),
            ("accountable", ENTER),
            ("ticket", ENTER),
        ],
    )

    assert exitstatus == 0, shown[-3000:]
    assert "records live" not in shown  # a module's question only
    answers = yaml.safe_load((host / ".copier-answers.pager_duty.yml").read_text())
    assert answers["kind"] == "integration"
    assert answers["endpoint"] is True
    assert (host / "integrations/pager_duty/client.py").is_file()
    assert (host / "modules/pager_duty/controllers.py").is_file()
    said = " ".join(shown.split())
    assert "with its plan in integrations/pager_duty/PLAN.md" in said
    assert "python3 tests/unit/integrations/pager_duty/test_plan.py" in shown


# The answers file a team would write for the session below: lists as people type them.
TYPED_ANSWERS = """\
feature_name: Incident Notes
module_name: incident_notes
description: Keep short notes attached to an incident.
entity_name: IncidentNote
fields: |
  title: str
  severity: low | high
  due: date?
operations: [create, get, list]
providers: google, aws
primary_provider: aws
require_auth: true
slack: true
slack_command: incident-notes
problem_statement: Notes get lost in threads.
beneficiaries: On-call engineers
success_criteria: |
  A note is added in under 10 s.
  Every note of an incident is listed: newest first.
out_of_scope: |
  Editing notes from Slack.
owner: "@sre"
tracking_link: ""
"""


@pytest.mark.parametrize("generation", ["modules", "packages"])
def test_lists_typed_in_the_terminal_make_the_feature_an_answers_file_makes(
    tmp_path: Path, generation: str
) -> None:
    host = hosts.HOSTS[generation]
    typed = fresh_host(tmp_path / "typed", host)
    from_file = fresh_host(tmp_path / "from-file", host)
    answers_file = tmp_path / "answers.yml"
    answers_file.write_text(TYPED_ANSWERS)

    exitstatus, shown = copier_in_a_terminal(
        typed,
        tmp_path / "screen.log",
        [
            ("What you are adding", ENTER),
            ("human name", "Incident Notes" + ENTER),
            ("The Python package", ENTER),
            ("A sentence or two", "Keep short notes attached to an incident." + ENTER),
            ("main domain object", ENTER),
            (
                "The fields of the entity",
                # Replace the default's two lines with three typed ones.
                CLEAR_LINE
                + BACKSPACE
                + CLEAR_LINE
                + "title: str"
                + ENTER
                + "severity: low | high"
                + ENTER
                + "due: date?"
                + SUBMIT_MULTILINE,
            ),
            ("The operations to generate", ENTER),
            ("records live", CLEAR_LINE + "google, aws" + ENTER),
            ("source of truth", CLEAR_LINE + "aws" + ENTER),
            ("authenticated caller", ENTER),
            ("Also answer in Slack", ENTER),
            ("The word after /sre", ENTER),
            (
                "The problem this feature solves",
                "Notes get lost in threads." + SUBMIT_MULTILINE,
            ),
            ("Who benefits", "On-call engineers" + ENTER),
            (
                "looks like",
                "A note is added in under 10 s."
                + ENTER
                + "Every note of an incident is listed: newest first."
                + SUBMIT_MULTILINE,
            ),
            (
                "deliberately does not do",
                "Editing notes from Slack." + SUBMIT_MULTILINE,
            ),
            ("accountable", "@sre" + ENTER),
            ("ticket or epic", ENTER),
        ],
    )
    written = subprocess.run(
        copy_command(from_file, "--vcs-ref", "HEAD", answers_file=answers_file),
        capture_output=True,
        text=True,
        check=False,
    )

    assert exitstatus == 0, shown[-3000:]
    assert written.returncode == 0, written.stderr[-3000:]
    feature = feature_of(typed, "incident_notes")
    assert feature.files == feature_paths(from_file, "incident_notes")
    assert feature.providers == ("google", "aws")
    recorded = ".copier-answers.incident_notes.yml"
    code_and_plan = [path for path in feature.files if path != recorded]
    assert tree_digest(typed, code_and_plan) == tree_digest(from_file, code_and_plan)
    # Outside a clean checkout, each copier run commits the template's changes anew.
    assert _without_commit(typed / recorded) == _without_commit(from_file / recorded)
    plan = (typed / feature.package / "PLAN.md").read_text()
    assert (
        "- A note is added in under 10 s.\n"
        "- Every note of an incident is listed: newest first.\n"
    ) in plan
    assert "- Editing notes from Slack.\n" in plan


def _without_commit(answers_file: Path) -> str:
    return re.sub(r"(?m)^_commit: .*\n", "", answers_file.read_text())
