"""Throwaway template repositories with two tagged versions, for the update tests.

v1 is the template as it is in this checkout. v2 is v1 plus the kinds of change a real
release makes: a changed line in a module's service and in an integration's client,
a reworded reply of a Slack command, a new generated test, a new plan task, a renamed
file with the migration that carries the team's edits across, and a new question with
a default. ``rename=False`` builds the same
v2 without the rename: an ordinary release.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from extensions.text_answers import LISTS, as_text
from hosts import git
from support import ROOT

TEMPLATE_PARTS = ["copier.yml", "template", "extensions", "tasks"]

# The previous release (0.3.0 in CHANGELOG.md), read from this repository's history:
# features teams generated with it must update to this checkout cleanly.
PREVIOUS_RELEASE = "ad4078ed2179ccf7bbb44dfe345eac70cdb6677a"
# The last commit whose success_criteria, out_of_scope and providers were YAML lists (the
# packages generation had come by then): its features must update to the text answers.
LISTS_AS_YAML = "28242e71bfa525440921d419b7ccca310f7637dd"
MODULE = "modules/module/modules/{{ module_name }}"
INTEGRATION = "modules/integration/integrations/{{ module_name }}"
PACKAGES_MODULE = "packages/module/packages/{{ module_name }}"
PACKAGES_INTEGRATION = "packages/integration/integrations/{{ module_name }}"

# The rename of v2, as the migration in v2's copier.yml names it.
RENAMED_FROM = "modules/{module_name}/validation.py"
RENAMED_TO = "modules/{module_name}/rules.py"

# Inserted first in copier.yml's _migrations: a rename's migration runs before the
# migration of list answers, as copier.yml asks.
MIGRATION = """  - version: "0.2.0"
    when: "{{ true }}"
    command:
      - "{{ _copier_python }}"
      - "{{ _copier_conf.src_path }}/tasks/move.py"
      - "{{ _stage }}"
      - "{{ _copier_conf.answers_file }}"
      - "%s"
      - "%s"
""" % (
    RENAMED_FROM,
    RENAMED_TO,
)

NEW_QUESTION = """
runbook_url:
  type: str
  help: >-
    Where the on-call runbook of this feature lives, linked from the plan's rollout section.
  default: ""
"""

# v2's edits: (file, old text, new text, how many times the old text occurs).
V2_EDITS = [
    # A changed line in the service, and one in an integration's client.
    (
        f"template/{MODULE}/service.py.jinja",
        '"""Log how an operation ended and return its result unchanged."""',
        '"""Log how an operation ended (its event, or why it failed) and return the result."""',
        1,
    ),
    (
        f"template/{INTEGRATION}/client.py.jinja",
        '"""Log a failed call (its classification only, never the API\'s answer) and return it."""',
        '"""Log a failed call by its status and code (never the API\'s answer); return it."""',
        1,
    ),
    # The same kinds of change in the packages generation: a line of a feature
    # package's service, one of a vendor package's client, a new plan task.
    (
        f"template/{PACKAGES_MODULE}/service.py.jinja",
        '"""Log how an operation ended and return its result unchanged."""',
        '"""Log how an operation ended (its event, or why it failed) and return the result."""',
        1,
    ),
    (
        f"template/{PACKAGES_INTEGRATION}/client.py.jinja",
        '"""The seconds a ``Retry-After`` header asks to wait, when it gives a number."""',
        '"""The seconds a ``Retry-After`` header asks to wait (a number of them, not a date)."""',
        1,
    ),
    *(
        (
            f"extensions/features/packages/{kind}.py",
            "        self.readme_task(tasks)\n",
            '        add(306, "Runbook entry for on-call: symptoms, log events, the switch-off",'
            ' [], 1, False, ["manual"])\n'
            "        self.readme_task(tasks)\n",
            1,
        )
        for kind in ("module", "integration")
    ),
    # A changed line in the file that v2 renames (see RENAMED_FROM): the migration
    # merges it with the team's edits.
    (
        f"template/{MODULE}/validation.py.jinja",
        "that do not come through HTTP, such as Slack commands.\n",
        "that do not come through HTTP, such as Slack commands and scheduled jobs.\n",
        1,
    ),
    # A new plan task, for modules and integrations alike.
    *(
        (
            f"extensions/features/modules/{kind}.py",
            '        readme = f"{package}/README.md"\n',
            '        add(306, "Runbook entry for on-call: symptoms, log events, the switch-off",'
            ' [], 1, False, ["manual"])\n'
            '        readme = f"{package}/README.md"\n',
            1,
        )
        for kind in ("module", "integration")
    ),
    # A reworded reply in a Slack command's English catalogue, for both generations.
    (
        "template/shared/locales/en-US.yml.jinja",
        " cannot reach its back-end right now. Try again in a few minutes.",
        " cannot reach its back-end right now. Try again in a few minutes;"
        " tell the SRE team if it lasts.",
        1,
    ),
    # The new question, used by the plan.
    (
        "template/shared/PLAN.md.jinja",
        "Watch these log events:",
        "Runbook: {{ runbook_url if runbook_url else '_to write_' }}.\n\nWatch these log events:",
        1,
    ),
]

# The rename: every reference to the validation module follows it.
RENAME_REFERENCES = [
    (".validation import", ".rules import"),
    (".validation')", ".rules')"),
    ("import validation\n", "import rules as validation\n"),
    ("/validation.py", "/rules.py"),
    ('"validation.py"', '"rules.py"'),
]


def _commit_and_tag(repo: Path, tag: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"template {tag}")
    git(repo, "tag", tag)


def build_versions(repo: Path, rename: bool = True, source: Path = ROOT) -> Path:
    """Create a template repository at ``repo`` tagged 0.1.0 (v1) and 0.2.0 (v2).

    Args:
        repo: Where to create the repository (must not exist).
        rename: Whether v2 renames a file and ships the migration for it; without the
            rename v2 is an ordinary release (a changed line, a new test, a new plan task
            and a new question).
        source: The checkout v1 is copied from.

    Returns:
        ``repo``.
    """
    repo.mkdir(parents=True)
    for part in TEMPLATE_PARTS:
        path = source / part
        if path.is_dir():
            shutil.copytree(
                path, repo / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(path, repo / part)
    git(repo, "init", "-q")
    _commit_and_tag(repo, "0.1.0")

    for relative, old, new, count in V2_EDITS:
        path = repo / relative
        text = path.read_text()
        assert text.count(old) == count, (relative, old)
        path.write_text(text.replace(old, new))
    new_test = (
        repo
        / "template/modules/module/tests/unit/modules/{{ module_name }}/test_models.py.jinja"
    )
    new_test.write_text(
        '"""Unit tests of the {{ feature_name | docstring }} domain models."""\n\n'
        "import dataclasses\n\n"
        "import pytest\n\n"
        "from tests.unit.modules.{{ module_name }}.fakes import sample_{{ names.entity_snake }}\n\n\n"
        "def test_entity_is_frozen() -> None:\n"
        "    item = sample_{{ names.entity_snake }}()\n\n"
        "    with pytest.raises(dataclasses.FrozenInstanceError):\n"
        '        item.title = "changed"  # type: ignore[misc]\n'
    )
    if rename:
        git(
            repo,
            "mv",
            f"template/{MODULE}/validation.py.jinja",
            f"template/{MODULE}/rules.py.jinja",
        )
        for path in [
            *(repo / "template").rglob("*.jinja"),
            *(repo / "extensions").rglob("*.py"),
        ]:
            text = path.read_text()
            for old, new in RENAME_REFERENCES:
                text = text.replace(old, new)
            path.write_text(text)
    copier_yml = repo / "copier.yml"
    text = copier_yml.read_text()
    if rename:
        text = text.replace("_migrations:\n", "_migrations:\n" + MIGRATION, 1)
    copier_yml.write_text(text + NEW_QUESTION)
    _commit_and_tag(repo, "0.2.0")
    return repo


@lru_cache(maxsize=8)
def _questions_at(ref: str, source: Path) -> dict[str, Any]:
    """The questions of ``copier.yml`` as the commit ``ref`` of ``source`` has them."""
    shown = subprocess.run(
        ["git", "show", f"{ref}:copier.yml"],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        raise RuntimeError(
            f"{ref[:7]} is not in this clone's history (a shallow clone?):"
            f" {shown.stderr.strip()}"
        )
    loaded: dict[str, Any] = yaml.safe_load(shown.stdout)
    return loaded


def example_answers(
    ref: str, generation: str = "modules", source: Path = ROOT
) -> dict[str, Any]:
    """The module example's answers as the commit ``ref`` of ``source`` has them, its lists
    written as text (the form this checkout's questions take).

    ``generation``: whose example, where the commit has one per generation.
    """
    found = ""
    for path in (f"docs/examples/{generation}/module", "docs/examples/module"):
        shown = subprocess.run(
            ["git", "show", f"{ref}:{path}/answers.yml"],
            cwd=source,
            capture_output=True,
            text=True,
            check=False,
        )
        if shown.returncode == 0:
            found = shown.stdout
            break
    assert found, f"{ref[:7]} has no module example"
    answers: dict[str, Any] = yaml.safe_load(found)
    return {key: as_text(key, value) for key, value in answers.items()}


def answers_read_by(
    ref: str, answers: dict[str, Any], source: Path = ROOT
) -> dict[str, Any]:
    """``answers`` in the form the template at commit ``ref`` reads them.

    A list answer (``providers``, ``success_criteria``, ``out_of_scope``) is a YAML list
    where that version's question takes YAML, as versions up to :data:`LISTS_AS_YAML`
    did, and text where it takes text; every other answer is given as it is (a version
    ignores answers to questions it does not ask).
    """
    questions = _questions_at(ref, source)

    def takes_yaml(key: str) -> bool:
        question = questions.get(key)
        return isinstance(question, dict) and question.get("type") in ("yaml", "json")

    return {
        key: LISTS[key][0](value) if key in LISTS and takes_yaml(key) else value
        for key, value in answers.items()
    }


def build_release_pair(
    repo: Path, previous: str = PREVIOUS_RELEASE, source: Path = ROOT
) -> Path:
    """Create a template repository at ``repo``: ``previous`` tagged 0.3.0, ``source`` 0.4.0.

    Args:
        repo: Where to create the repository (must not exist).
        previous: The commit of this repository's history that was the last release.
        source: The checkout that is the next one.

    Returns:
        ``repo``.
    """
    archive = subprocess.run(
        ["git", "archive", "--format=tar", previous, *TEMPLATE_PARTS],
        cwd=source,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise RuntimeError(
            f"the previous release {previous[:7]} is not in this clone's history"
            f" (a shallow clone?): {archive.stderr.decode().strip()}"
        )
    repo.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(repo, filter="data")
    git(repo, "init", "-q")
    _commit_and_tag(repo, "0.3.0")
    for part in TEMPLATE_PARTS:
        path = repo / part
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        if (source / part).is_dir():
            shutil.copytree(
                source / part, path, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source / part, path)
    _commit_and_tag(repo, "0.4.0")
    return repo
