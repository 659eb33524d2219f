"""`copier update` within the packages generation: a team's work and ticks survive, each feature on its own.

A feature package and a vendor package are generated at 0.1.0 into a fresh copy of the
packages host, finished by a team (a business rule, the authorization decision, a
setting, a test, the API's real path, plan ticks), then updated to 0.2.0 one after
the other. The host's checks of both features then pass in the Python 3.14 root.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import copier
import pytest
import yaml

import hosts
from hosts import git
from support import (
    CONFLICT,
    EXAMPLES_DIR,
    TEAM_ENGLISH,
    TEAM_FRENCH,
    failed_gates,
    fresh_host,
    only_conflicts_in,
    reword_the_replies,
    tick,
)
from versions import (
    LISTS_AS_YAML,
    answers_read_by,
    build_release_pair,
    build_versions,
    example_answers,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("packages-update")]

MODULE_ANSWERS = yaml.safe_load(
    (EXAMPLES_DIR / "packages/module/answers.yml").read_text()
)
INTEGRATION_ANSWERS = yaml.safe_load(
    (EXAMPLES_DIR / "packages/integration/answers.yml").read_text()
)
PACKAGE = "packages/incident_notes"
VENDOR = "integrations/email_delivery"

TEAM_RULE = (
    "    if len(draft.title.strip()) > 120:\n"
    '        raise IncidentNoteRejected("title must be 120 characters or fewer", INVALID_INCIDENT_NOTE)\n'
)
TEAM_DECISION = "# Every engineer granted the scope may read and write notes (decided in SRE-1234).\n"
TEAM_SETTING = (
    "\n\n"
    "# Added by the team: how long a note stays editable.\n"
    "EDIT_WINDOW_HOURS = 24\n"
)
TEAM_TEST = '''"""The team's own test of the domain rule it added."""

import dataclasses

import pytest

from packages.incident_notes.domain import IncidentNoteRejected, check_draft
from tests.unit.packages.incident_notes.fakes import DRAFT

pytestmark = pytest.mark.unit


def test_a_title_longer_than_120_characters_is_rejected() -> None:
    with pytest.raises(IncidentNoteRejected):
        check_draft(dataclasses.replace(DRAFT, title="x" * 121))
'''
TEAM_RESOURCE = '# Checked against the provider\'s v3 documentation (SRE-1301).\nRESOURCE = "/v3/messages"\n'


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new))


def commit(app: Path, message: str) -> None:
    git(app, "add", "-A")
    git(app, "commit", "-q", "--allow-empty", "-m", message)


def copy_feature(
    app: Path, template: Path, answers: dict[str, Any], ref: str = "0.1.0"
) -> None:
    copier.run_copy(
        str(template),
        str(app),
        data=answers,
        vcs_ref=ref,
        defaults=True,
        unsafe=True,
        quiet=True,
    )
    commit(app, f"feature {answers['module_name']} at {ref}")


def update_feature(app: Path, module: str, ref: str = "0.2.0") -> None:
    copier.run_update(
        str(app),
        answers_file=f".copier-answers.{module}.yml",
        vcs_ref=ref,
        defaults=True,
        overwrite=True,
        unsafe=True,
        quiet=True,
    )


def make_team_edits(app: Path) -> None:
    """A team's first weeks: a business rule, the authorization decision, a setting, a test, the real path."""
    domain = app / PACKAGE / "domain.py"
    _edit(
        domain,
        "    # TODO(incident_notes): add the business rules a new incident note must satisfy.\n",
        TEAM_RULE,
    )
    _edit(
        domain,
        "    # TODO(incident_notes): add the business rules a change to an incident note must satisfy.\n",
        "",
    )
    _edit(
        app / PACKAGE / "interactions/http.py",
        "# TODO(incident_notes): decide who is granted sre-bot:incident-notes,"
        " and whether writes need a scope of their own.\n",
        TEAM_DECISION,
    )
    settings = app / PACKAGE / "settings.py"
    settings.write_text(settings.read_text() + TEAM_SETTING)
    (app / "tests/unit/packages/incident_notes/test_team_rules.py").write_text(
        TEAM_TEST
    )
    plan = app / PACKAGE / "PLAN.md"
    for task in ("T204", "T206"):
        tick(plan, task)
    _edit(
        app / VENDOR / "client.py",
        "# TODO(email_delivery): check the API's path of messages and the payloads in"
        " schemas.py against its documentation.\n"
        'RESOURCE = "/messages"\n',
        TEAM_RESOURCE,
    )
    client_tests = (
        app / "tests/unit/integrations/email_delivery/test_email_delivery_client.py"
    )
    client_tests.write_text(
        client_tests.read_text().replace("/v1/messages", "/v1/v3/messages")
    )
    tick(app / VENDOR / "PLAN.md", "T201")
    reword_the_replies(app / PACKAGE)
    commit(
        app,
        "team: a business rule, the authorization decision, a setting, a test, the real path, ticks",
    )


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages host with both features generated at 0.1.0, finished by the team, updated to 0.2.0."""
    root = tmp_path_factory.mktemp("packages-update")
    template = build_versions(root / "template")
    app = fresh_host(root / "host", hosts.PACKAGES)
    copy_feature(app, template, MODULE_ANSWERS)
    copy_feature(app, template, INTEGRATION_ANSWERS)
    make_team_edits(app)
    update_feature(app, "incident_notes")
    commit(app, "update incident_notes to 0.2.0")
    update_feature(app, "email_delivery")
    return app


def test_the_update_keeps_every_team_edit(updated: Path) -> None:
    assert TEAM_RULE in (updated / PACKAGE / "domain.py").read_text()
    assert TEAM_DECISION in (updated / PACKAGE / "interactions/http.py").read_text()
    assert (updated / PACKAGE / "settings.py").read_text().endswith(TEAM_SETTING)
    assert (
        updated / "tests/unit/packages/incident_notes/test_team_rules.py"
    ).read_text() == TEAM_TEST
    assert TEAM_RESOURCE in (updated / VENDOR / "client.py").read_text()
    english = (updated / PACKAGE / "locales/incident_notes.en-US.yml").read_text()
    french = (updated / PACKAGE / "locales/incident_notes.fr-FR.yml").read_text()
    assert TEAM_ENGLISH in english
    assert "; tell the SRE team if it lasts." in english
    assert TEAM_FRENCH in french


@pytest.mark.parametrize(
    ("plan", "task"),
    [(PACKAGE, "T204"), (PACKAGE, "T206"), (PACKAGE, "T209"), (VENDOR, "T201")],
)
def test_the_update_keeps_the_ticks(updated: Path, plan: str, task: str) -> None:
    line = next(
        line
        for line in (updated / plan / "PLAN.md").read_text().splitlines()
        if f"**{task}**" in line
    )

    assert line.startswith("- [x]")


def test_the_update_applies_the_template_changes(updated: Path) -> None:
    assert (
        "(its event, or why it failed) and return the result."
        in (updated / PACKAGE / "service.py").read_text()
    )
    assert (
        "(a number of them, not a date)" in (updated / VENDOR / "client.py").read_text()
    )
    for plan in (PACKAGE, VENDOR):
        assert (
            "**T306** Runbook entry for on-call"
            in (updated / plan / "PLAN.md").read_text()
        )
    for module in ("incident_notes", "email_delivery"):
        answers = yaml.safe_load(
            (updated / f".copier-answers.{module}.yml").read_text()
        )
        assert (answers["_commit"], answers["runbook_url"], answers["generation"]) == (
            "0.2.0",
            "",
            "packages",
        )


def test_the_update_leaves_no_conflict(updated: Path) -> None:
    unmerged = [
        line
        for line in git(updated, "status", "--short", ".").splitlines()
        if line[:2] in ("UU", "AA")
    ]
    marked = [path for path in updated.rglob("*.py") if CONFLICT in path.read_text()]

    assert (unmerged, marked) == ([], [])


def test_the_updated_features_pass_their_gates(updated: Path, mypy_cache: Path) -> None:
    install = hosts.run_ci_step(hosts.PACKAGES, updated, hosts.PACKAGES.ci_steps[0])
    assert install.returncode == 0, install.stderr[-3000:]

    assert failed_gates(updated, ["incident_notes", "email_delivery"], mypy_cache) == {}


def test_features_whose_lists_were_yaml_update_to_what_this_version_generates(
    tmp_path: Path,
) -> None:
    """Generated while the plan's lists and the providers were YAML lists, then finished by
    a team, both features update to exactly what this checkout generates from the same
    answers typed as text: the lists are read, not dropped, and only the business rule the
    team wrote where this version rewrote the code shows as a conflict.
    """
    template = build_release_pair(tmp_path / "template", previous=LISTS_AS_YAML)
    updated = fresh_host(tmp_path / "updated", hosts.PACKAGES)
    fresh = fresh_host(tmp_path / "fresh", hosts.PACKAGES)
    # That version's own example: no fields question, vendor back-ends.
    then = example_answers(LISTS_AS_YAML, "packages")
    as_then = partial(answers_read_by, LISTS_AS_YAML)
    for app, ref, form in ((updated, "0.3.0", as_then), (fresh, "0.4.0", dict)):
        copy_feature(app, template, form(then), ref)
        copy_feature(app, template, form(INTEGRATION_ANSWERS), ref)
        make_team_edits(app)
    recorded = (updated / ".copier-answers.incident_notes.yml").read_text()

    update_feature(updated, "incident_notes", "0.4.0")
    commit(updated, "update incident_notes to 0.4.0")
    update_feature(updated, "email_delivery", "0.4.0")

    assert "providers:\n- google\n- aws\n- opsgenie\n" in recorded
    assert git(updated, "diff", "--name-only", "--diff-filter=U") == ""
    # That version checked the title by hand around the team's rule; this one trims every
    # field: the one place both changed shows as a conflict keeping both sides.
    trimming = "checked = replace(draft, **_trimmed(draft))"
    only_conflicts_in(updated, fresh, {f"{PACKAGE}/domain.py": (TEAM_RULE, trimming)})
