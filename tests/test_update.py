"""copier update refreshes a feature from a newer template version without losing a line.

Each test builds a throwaway template repository with two versions (see versions.py),
generates a feature at 0.1.0 into a fresh copy of the real host (a git work tree with
the host committed), makes the edits a team makes, commits, updates to 0.2.0 and checks
what came out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import partial
from pathlib import Path
from typing import Any

import copier
import pytest

import hosts
from support import (
    CANONICAL_ANSWERS,
    HOST,
    INTEGRATION_ANSWERS,
    PYTHON,
    TEAM_ENGLISH,
    TEAM_FRENCH,
    failed_gates,
    feature_paths,
    fresh_host,
    marked_files,
    only_conflicts_in,
    reword_the_replies,
    tick,
    tree_digest,
)
from versions import (
    PREVIOUS_RELEASE,
    answers_read_by,
    build_release_pair,
    build_versions,
    example_answers,
    git,
)

# The two-version template repository and the updated host are built once: on one worker.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("update")]

MODULE = "incident_notes"
PACKAGE = Path("modules") / MODULE

TEAM_SERVICE_LINE = (
    "        maximum = min(maximum, 50)  # pages of notes stay small in Slack\n"
)
TEAM_RULE = """\
    if len(draft.title.strip()) < 3:
        return OperationResult.permanent_error(
            "title must be at least 3 characters", error_code=INVALID_INCIDENT_NOTE
        )
"""
GOOGLE_GET = """\
        return OperationResult.error(
            OperationStatus.NOT_FOUND, f"no incident note {incident_note_id}"
        )
"""
PIN = """\
    provider = get_provider(name, make_settings())

    result = getattr(provider, method)(*args)
"""
PIN_SKIP = """\
    if (name, method) == ("google", "get_incident_note"):
        pytest.skip("implemented: see test_google_provider.py")
"""
TEAM_SETTING = (
    "\n    INCIDENT_NOTES_RETENTION_DAYS: int = Field(\n"
    "        default=90,\n        ge=1,\n"
    '        alias="INCIDENT_NOTES_RETENTION_DAYS",\n'
    '        description="How long notes are kept, in days.",\n    )\n'
)
TEAM_TEST = '''"""The google provider's get, as the team wrote it."""

from collections.abc import Callable

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.operations import OperationStatus
from modules.incident_notes.providers import get_provider


def test_google_get_answers_not_found_for_an_unknown_note(
    make_settings: Callable[..., IncidentNotesSettings],
) -> None:
    provider = get_provider("google", make_settings())

    result = provider.get_incident_note("missing-1")

    assert result.status is OperationStatus.NOT_FOUND
'''
TEAM_NOTE = "  - Decided with the incident commanders on 2026-11-20.\n"

INTEGRATION = INTEGRATION_ANSWERS["module_name"]
INTEGRATION_PACKAGE = Path("integrations") / INTEGRATION
TEAM_RESOURCE = (
    "# Checked against the provider's API reference, v3 (2026-11-24).\n"
    'RESOURCE = "/v3/messages"\n'
)
TEAM_FIELDS = "    # The provider's message object, trimmed to what features read.\n"
TEAM_INTEGRATION_TEST = '''"""The team's own test of the Email Delivery client."""

from collections.abc import Callable

import httpx

from integrations.email_delivery.client import HttpEmailDeliveryClient


def test_get_reads_the_v3_path(
    make_client: Callable[..., HttpEmailDeliveryClient],
) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"id": "m-1", "title": "t"})

    make_client(handler).get_message("m-1")

    assert seen == ["/v1/v3/messages/m-1"]
'''


@pytest.fixture(scope="session")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-version template repository, built once per test worker."""
    return build_versions(tmp_path_factory.mktemp("template") / "repo")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new))


def host_repo(tmp_path: Path) -> Path:
    """The application folder of a fresh copy of the host's repository, committed."""
    return fresh_host(tmp_path / "host")


def commit(host: Path, message: str) -> None:
    git(host, "add", "-A")
    git(host, "commit", "-q", "--allow-empty", "-m", message)


def copy_feature(
    host: Path, template: Path, ref: str = "0.1.0", **answers: Any
) -> None:
    copier.run_copy(
        str(template),
        str(host),
        data=answers,
        vcs_ref=ref,
        defaults=True,
        unsafe=True,
        quiet=True,
    )
    commit(host, f"feature {answers['module_name']} at {ref}")


def update_feature(host: Path, module: str, ref: str = "0.2.0", **data: Any) -> None:
    copier.run_update(
        str(host),
        answers_file=f".copier-answers.{module}.yml",
        data=data,
        vcs_ref=ref,
        defaults=True,
        overwrite=True,
        unsafe=True,
        quiet=True,
    )


def make_team_edits(host: Path) -> None:
    """What a team does in the weeks after generating: code, a provider, a decision, tests, settings."""
    _edit(
        host / PACKAGE / "service.py",
        "        maximum = self._settings.INCIDENT_NOTES_MAX_PAGE_SIZE\n",
        "        maximum = self._settings.INCIDENT_NOTES_MAX_PAGE_SIZE\n"
        + TEAM_SERVICE_LINE,
    )
    validation = host / PACKAGE / "validation.py"
    _edit(
        validation,
        "    # TODO(incident_notes): add the business rules a new incident note must satisfy.\n",
        TEAM_RULE,
    )
    _edit(
        validation,
        "    # TODO(incident_notes): add the business rules a change to an incident note must satisfy.\n",
        "",
    )
    google = host / PACKAGE / "providers" / "google.py"
    _edit(
        google,
        "from infrastructure.operations import OperationResult\n",
        "from infrastructure.operations import OperationResult, OperationStatus\n",
    )
    _edit(
        google,
        "        # TODO(incident_notes): get through the google API; map its payload to IncidentNote.\n"
        '        return self.not_implemented("get")\n',
        GOOGLE_GET,
    )
    pins = host / "tests/unit/modules/incident_notes/test_providers.py"
    _edit(
        pins,
        PIN,
        PIN_SKIP + PIN,
    )
    (host / "tests/unit/modules/incident_notes/test_google_provider.py").write_text(
        TEAM_TEST
    )
    _edit(
        host / PACKAGE / "controllers.py",
        "# TODO(incident_notes): authorize: decide which authenticated callers may use each route.\n",
        "# Any authenticated engineer may read and write notes (decided in SRE-1234).\n",
    )
    plan = host / PACKAGE / "PLAN.md"
    lines = plan.read_text().splitlines(keepends=True)
    authorization = next(line for line in lines if "**T206**" in line)
    _edit(plan, authorization, authorization.replace("- [ ]", "- [x]") + TEAM_NOTE)
    slice_file = host / "infrastructure/configuration/features/incident_notes.py"
    slice_file.write_text(slice_file.read_text() + TEAM_SETTING)
    commit(host, "team: business rules, google get, plan ticks, a test, a setting")


def make_integration_edits(host: Path) -> None:
    """A team finishing an integration's open tasks: the real path, the real fields, a test, two ticks."""
    client = host / INTEGRATION_PACKAGE / "client.py"
    _edit(
        client,
        "# TODO(email_delivery): check the API's path of messages and the payloads in schemas.py"
        " against its documentation.\n"
        'RESOURCE = "/messages"\n',
        TEAM_RESOURCE,
    )
    _edit(
        host / INTEGRATION_PACKAGE / "schemas.py",
        "    # TODO(email_delivery): replace title and details with the API's real fields"
        " (the fake client and the tests follow).\n",
        TEAM_FIELDS,
    )
    _edit(
        host / "tests/unit/integrations/email_delivery/test_client.py",
        'PATH = "/v1/messages"\n',
        'PATH = "/v1/v3/messages"\n',
    )
    (host / "tests/unit/integrations/email_delivery/test_team.py").write_text(
        TEAM_INTEGRATION_TEST
    )
    plan = host / INTEGRATION_PACKAGE / "PLAN.md"
    for task in ("**T203**", "**T204**"):
        line = next(line for line in plan.read_text().splitlines(True) if task in line)
        _edit(plan, line, line.replace("- [ ]", "- [x]"))
    commit(host, "team: the email provider's real path and fields, plan ticks")


def status(host: Path) -> str:
    """``git status --short`` of the host's application folder: paths relative to it."""
    return git(host, "status", "--short", ".")


def conflicted(host: Path) -> list[str]:
    """Paths git reports unmerged, and files holding copier's conflict blocks."""
    status_lines = status(host)
    unmerged = [
        line[3:]
        for line in status_lines.splitlines()
        if line[:2] in ("UU", "AA", "DU", "UD")
    ]
    return sorted(set(unmerged) | set(marked_files(host)))


def edited_and_updated(root: Path, template_repo: Path) -> Path:
    """A host whose feature was generated at 0.1.0, edited by the team, then updated to 0.2.0."""
    host = host_repo(root)
    copy_feature(host, template_repo, **CANONICAL_ANSWERS)
    make_team_edits(host)
    reword_the_replies(host / PACKAGE)
    commit(host, "team: the Slack replies in its own words")
    update_feature(host, MODULE)
    return host


def copy_of(host: Path, destination: Path) -> Path:
    """A copy of the repository holding ``host``; return the copy's application folder."""
    shutil.copytree(host.parent, destination, symlinks=True)
    return destination / host.name


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory, template_repo: Path) -> Path:
    """A host with the example module and integration, each generated at 0.1.0, finished
    by the team and updated to 0.2.0, one after the other; shared by the tests that only read it.
    """
    host = edited_and_updated(tmp_path_factory.mktemp("updated"), template_repo)
    commit(host, f"update {MODULE} to 0.2.0")
    copy_feature(host, template_repo, **INTEGRATION_ANSWERS)
    make_integration_edits(host)
    update_feature(host, INTEGRATION)
    return host


@pytest.fixture(scope="module")
def integration_updated(updated: Path) -> Path:
    """The updated host, read for its integration."""
    return updated


@pytest.fixture(scope="module")
def updated_twice(tmp_path_factory: pytest.TempPathFactory, updated: Path) -> Path:
    """A copy of the updated host, committed, then updated to the same version again."""
    host = copy_of(updated, tmp_path_factory.mktemp("updated-twice") / "host")
    commit(host, "update to 0.2.0")
    update_feature(host, MODULE)
    return host


def test_update_keeps_every_team_edit(updated: Path) -> None:
    package = updated / PACKAGE

    assert TEAM_SERVICE_LINE in (package / "service.py").read_text()
    assert "OperationStatus.NOT_FOUND" in (package / "providers/google.py").read_text()
    assert (
        updated / "tests/unit/modules/incident_notes/test_google_provider.py"
    ).read_text() == TEAM_TEST
    assert (
        TEAM_SETTING
        in (
            updated / "infrastructure/configuration/features/incident_notes.py"
        ).read_text()
    )
    plan = (package / "PLAN.md").read_text()
    assert re.search(r"^- \[x\] \*\*T206\*\*", plan, re.M)
    assert re.search(r"^- \[x\] \*\*T209\*\*", plan, re.M)
    assert TEAM_NOTE in plan


def test_update_keeps_the_teams_wording_and_brings_the_templates(updated: Path) -> None:
    english = (updated / PACKAGE / "locales/incident_notes.en-US.yml").read_text()
    french = (updated / PACKAGE / "locales/incident_notes.fr-FR.yml").read_text()

    assert TEAM_ENGLISH in english
    assert "; tell the SRE team if it lasts." in english
    assert TEAM_FRENCH in french
    assert "TODO(incident_notes)" not in french


def test_update_applies_every_template_change(updated: Path) -> None:
    package = updated / PACKAGE

    assert "(its event, or why it failed)" in (package / "service.py").read_text()
    assert (updated / "tests/unit/modules/incident_notes/test_models.py").is_file()
    plan = (package / "PLAN.md").read_text()
    assert "**T306** Runbook entry" in plan
    assert "Runbook: _to write_." in plan
    assert (
        "runbook_url: ''"
        in (updated / ".copier-answers.incident_notes.yml").read_text()
    )
    assert (
        "_commit: 0.2.0" in (updated / ".copier-answers.incident_notes.yml").read_text()
    )


def test_renamed_file_carries_the_team_code(updated: Path) -> None:
    assert not (updated / PACKAGE / "validation.py").exists()
    rules = (updated / PACKAGE / "rules.py").read_text()

    assert TEAM_RULE in rules
    assert "TODO(incident_notes)" not in rules
    assert "such as Slack commands and scheduled jobs." in rules


def test_overlapping_edits_in_a_renamed_file_show_as_a_conflict(
    tmp_path: Path, template_repo: Path
) -> None:
    host = host_repo(tmp_path)
    copy_feature(host, template_repo, **CANONICAL_ANSWERS)
    _edit(
        host / PACKAGE / "validation.py",
        "such as Slack commands.\n",
        "such as Slack commands and the CLI.\n",
    )
    commit(host, "team: the line of the renamed file that the template changes")

    update_feature(host, MODULE)

    rules = (host / PACKAGE / "rules.py").read_text()
    assert conflicted(host) == ["modules/incident_notes/rules.py"]
    assert "UU modules/incident_notes/rules.py" in status(host)
    assert "such as Slack commands and the CLI." in rules
    assert "such as Slack commands and scheduled jobs." in rules
    assert not (host / PACKAGE / "validation.py").exists()


def test_an_ordinary_release_updates_in_place_without_a_rename_migration(
    tmp_path: Path,
) -> None:
    repo = build_versions(tmp_path / "repo", rename=False)
    host = edited_and_updated(tmp_path, repo)
    package = host / PACKAGE

    assert "tasks/move.py" not in git(repo, "show", "0.2.0:copier.yml")
    validation = (package / "validation.py").read_text()
    assert TEAM_RULE in validation
    assert "such as Slack commands and scheduled jobs." in validation
    assert not (package / "rules.py").exists()
    assert "(its event, or why it failed)" in (package / "service.py").read_text()
    assert conflicted(host) == []


def test_update_without_overlap_leaves_no_conflict_and_passes_the_gates(
    updated: Path, mypy_cache: Path
) -> None:
    assert conflicted(updated) == []

    assert failed_gates(updated, [MODULE, INTEGRATION], mypy_cache) == {}


@pytest.mark.parametrize("step", HOST.ci_steps, ids=lambda step: step.name)
def test_updated_host_passes_its_own_ci(
    updated: Path, tmp_path_factory: pytest.TempPathFactory, step: hosts.CiStep
) -> None:
    host = updated_copy(updated, tmp_path_factory)

    completed = hosts.run_ci_step(HOST, host, step)

    assert completed.returncode == 0, (
        completed.stdout[-6000:] + completed.stderr[-3000:]
    )


_COPIES: dict[Path, Path] = {}


def updated_copy(updated: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the updated host for the CI steps, which write caches and reports."""
    if updated not in _COPIES:
        _COPIES[updated] = copy_of(updated, tmp_path_factory.mktemp("ci") / "host")
    return _COPIES[updated]


def test_integration_update_keeps_the_team_work_and_its_ticks(
    integration_updated: Path,
) -> None:
    package = integration_updated / INTEGRATION_PACKAGE

    client = (package / "client.py").read_text()
    assert TEAM_RESOURCE in client
    assert TEAM_FIELDS in (package / "schemas.py").read_text()
    assert (
        integration_updated / "tests/unit/integrations/email_delivery/test_team.py"
    ).read_text() == TEAM_INTEGRATION_TEST
    plan = (package / "PLAN.md").read_text()
    assert re.search(r"^- \[x\] \*\*T203\*\*", plan, re.M)
    assert re.search(r"^- \[x\] \*\*T204\*\*", plan, re.M)


def test_integration_update_applies_the_template_changes(
    integration_updated: Path,
) -> None:
    package = integration_updated / INTEGRATION_PACKAGE

    assert "by its status and code" in (package / "client.py").read_text()
    assert "**T306** Runbook entry" in (package / "PLAN.md").read_text()
    assert conflicted(integration_updated) == []


def test_an_integration_gains_its_endpoint_by_an_update_with_a_new_answer(
    tmp_path: Path, template_repo: Path, mypy_cache: Path
) -> None:
    host = host_repo(tmp_path)
    copy_feature(host, template_repo, **{**INTEGRATION_ANSWERS, "endpoint": False})
    assert not (host / "modules" / INTEGRATION).exists()

    update_feature(host, INTEGRATION, "0.1.0", endpoint=True)

    assert (host / "modules" / INTEGRATION / "controllers.py").is_file()
    assert "EMAIL_DELIVERY_ENDPOINT_ENABLED=" in (host / ".env.example").read_text()
    assert "**T205**" in (host / INTEGRATION_PACKAGE / "PLAN.md").read_text()
    assert conflicted(host) == []
    assert failed_gates(host, [INTEGRATION], mypy_cache) == {}


def test_a_field_added_by_an_update_appears_everywhere_and_the_team_work_stays(
    tmp_path: Path, template_repo: Path, mypy_cache: Path
) -> None:
    host = host_repo(tmp_path)
    copy_feature(host, template_repo, **CANONICAL_ANSWERS)
    _edit(
        host / PACKAGE / "service.py",
        "        maximum = self._settings.INCIDENT_NOTES_MAX_PAGE_SIZE\n",
        "        maximum = self._settings.INCIDENT_NOTES_MAX_PAGE_SIZE\n"
        + TEAM_SERVICE_LINE,
    )
    _edit(
        host / PACKAGE / "controllers.py",
        "# TODO(incident_notes): authorize: decide which authenticated callers may use each route.\n",
        "# Any authenticated engineer may read and write notes (decided in SRE-1234).\n",
    )
    tick(host / PACKAGE / "PLAN.md", "T206")
    commit(host, "team: smaller pages, authorization decided")
    fields = CANONICAL_ANSWERS["fields"].rstrip("\n") + "\nowner: str?"

    update_feature(host, MODULE, "0.1.0", fields=fields)

    assert conflicted(host) == []
    assert TEAM_SERVICE_LINE in (host / PACKAGE / "service.py").read_text()
    plan = (host / PACKAGE / "PLAN.md").read_text()
    assert "- [x] **T206**" in plan
    assert "| `owner` | `str \\| None` | no, `None` |" in plan
    for path, text in {
        "models.py": "    owner: str | None\n",
        "schemas.py": "    owner: str | None = Field(",
        "providers/storage.py": '"owner": incident_note.owner,',
        "platforms/slack.py": '"--owner": "owner"',
    }.items():
        assert text in (host / PACKAGE / path).read_text(), path
    assert (
        '"owner": "Disk full on db-1"'
        in (host / "tests/unit/modules/incident_notes/fakes.py").read_text()
    )
    assert failed_gates(host, [MODULE], mypy_cache) == {}


def test_overlapping_edits_show_as_a_conflict_and_lose_no_line(
    tmp_path: Path, template_repo: Path
) -> None:
    host = host_repo(tmp_path)
    copy_feature(host, template_repo, **CANONICAL_ANSWERS)
    team_line = (
        '    """Log the outcome, and tell the incident channel about failures."""\n'
    )
    _edit(
        host / PACKAGE / "service.py",
        '    """Log how an operation ended and return its result unchanged."""\n',
        team_line,
    )
    commit(host, "team: the same line the template changes")

    update_feature(host, MODULE)

    service = (host / PACKAGE / "service.py").read_text()
    assert conflicted(host) == ["modules/incident_notes/service.py"]
    assert "UU modules/incident_notes/service.py" in status(host)
    assert team_line in service
    assert (
        '"""Log how an operation ended (its event, or why it failed) and return the result."""'
        in service
    )


def test_second_update_to_the_same_version_changes_nothing(updated_twice: Path) -> None:
    assert status(updated_twice) == ""


def test_update_leaves_another_feature_untouched(
    tmp_path: Path, template_repo: Path
) -> None:
    host = host_repo(tmp_path)
    copy_feature(host, template_repo, **CANONICAL_ANSWERS)
    other = {
        "feature_name": "Access Requests",
        "module_name": "access_requests",
        "description": "Ask for temporary access to production systems.",
        "operations": ["create", "get"],
        "providers": "",
    }
    copy_feature(host, template_repo, **other)
    before = tree_digest(host, feature_paths(host, "access_requests"))

    update_feature(host, MODULE)

    assert tree_digest(host, feature_paths(host, "access_requests")) == before
    assert (
        "_commit: 0.1.0" in (host / ".copier-answers.access_requests.yml").read_text()
    )


def test_settings_wiring_appears_exactly_once_after_updates(
    updated_twice: Path,
) -> None:
    settings = (updated_twice / "infrastructure/configuration/settings.py").read_text()
    features = (
        updated_twice / "infrastructure/configuration/features/__init__.py"
    ).read_text()
    env = (updated_twice / ".env.example").read_text()
    assert settings.count('"incident_notes": IncidentNotesSettings') == 1
    assert settings.count("incident_notes: IncidentNotesSettings") == 1
    assert (
        features.count(
            "from infrastructure.configuration.features.incident_notes import"
        )
        == 1
    )
    assert all(
        env.count(f"\n{name}=") == 1
        for name in re.findall(r"^(INCIDENT_NOTES_\w+)=", env, re.M)
    )


def test_wiring_task_stays_quiet_in_copiers_temporary_renders(
    tmp_path: Path, template_repo: Path
) -> None:
    host = host_repo(tmp_path)
    copy_feature(host, template_repo, **CANONICAL_ANSWERS)

    completed = subprocess.run(
        [
            PYTHON,
            "-m",
            "copier",
            "update",
            "--trust",
            "--defaults",
            "-a",
            ".copier-answers.incident_notes.yml",
            "-r",
            "0.2.0",
        ],
        cwd=host,
        capture_output=True,
        text=True,
    )

    assert completed.returncode == 0, completed.stderr
    output = completed.stdout + completed.stderr
    assert output.count("already wired") == 1
    assert "NOT wired" not in output


def _update_all_loop() -> str:
    """The shell loop docs/update.md gives for updating every feature of a host."""
    guide = (Path(__file__).resolve().parent.parent / "docs" / "update.md").read_text()
    section = guide.split("## Update every feature of a host", 1)[1]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_guides_loop_updates_every_feature_of_a_host(
    tmp_path: Path, template_repo: Path
) -> None:
    host = host_repo(tmp_path)
    copy_feature(host, template_repo, **CANONICAL_ANSWERS)
    copy_feature(
        host,
        template_repo,
        feature_name="Access Requests",
        module_name="access_requests",
        description="Ask for temporary access to production systems.",
        providers="",
    )
    copy_feature(host, template_repo, **INTEGRATION_ANSWERS)

    completed = subprocess.run(
        [
            "bash",
            "-c",
            f'copier() {{ "{PYTHON}" -m copier "$@"; }}\n' + _update_all_loop(),
        ],
        cwd=host,
        capture_output=True,
        text=True,
    )

    assert completed.returncode == 0, completed.stderr
    for module in ("incident_notes", "access_requests", INTEGRATION):
        assert "_commit: 0.2.0" in (host / f".copier-answers.{module}.yml").read_text()
    assert status(host) == ""
    assert len(git(host, "log", "--oneline").splitlines()) == 1 + 3 + 3


def test_features_of_the_previous_release_update_to_what_this_one_generates(
    tmp_path: Path,
) -> None:
    """The previous release's module and integration, finished by a team, update to exactly
    what this checkout generates with the same edits: nothing lost, nothing stale, and a
    conflict only where the team's business rule sits in code this release rewrote.
    """
    template = build_release_pair(tmp_path / "template")
    updated, fresh = host_repo(tmp_path / "updated"), host_repo(tmp_path / "fresh")
    # The previous release's own example: no fields question, vendor back-ends. Each
    # version gets the answers in the form it reads (the previous release took the
    # plan's lists and the providers as YAML lists).
    then = example_answers(PREVIOUS_RELEASE)
    for host, ref, form in (
        (updated, "0.3.0", partial(answers_read_by, PREVIOUS_RELEASE)),
        (fresh, "0.4.0", dict),
    ):
        copy_feature(host, template, ref, **form(then))
        make_team_edits(host)
        copy_feature(host, template, ref, **form(INTEGRATION_ANSWERS))
        make_integration_edits(host)

    update_feature(updated, MODULE, "0.4.0")
    commit(updated, f"update {MODULE} to 0.4.0")
    update_feature(updated, INTEGRATION, "0.4.0")

    # That release validated the title by hand around the team's rule; this one trims
    # every field. It checked a page's size where the team capped it; this one checks the
    # page's start too. The two places both changed show as conflicts keeping both sides.
    rules = (PACKAGE / "validation.py").as_posix()
    service = (PACKAGE / "service.py").as_posix()
    assert conflicted(updated) == [service, rules], f"updating {PREVIOUS_RELEASE[:7]}"
    trimming = "data=replace(draft, **_trimmed(draft))"
    paging = "checked = validate_page(limit, before, maximum)"
    only_conflicts_in(
        updated,
        fresh,
        {rules: (TEAM_RULE, trimming), service: (TEAM_SERVICE_LINE.strip(), paging)},
    )
    # Its answers file had no fields: the feature keeps the two it had.
    models = (updated / PACKAGE / "models.py").read_text()
    assert "    title: str\n    details: str\n" in models
