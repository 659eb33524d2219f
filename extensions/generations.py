"""Which generation of SRE Bot a destination is, read from what its application folder holds.

modules (spring 2026): features under ``modules/``, one ``Settings`` aggregator in
``infrastructure/configuration/settings.py`` (a first ``packages/`` may exist beside).
packages (the main branch since): features under ``packages/``, each settings slice with
its own getter, no aggregator.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import yaml

from .text_answers import as_names

AGGREGATOR = "infrastructure/configuration/settings.py"
# What each generation's application folder has, and what it lacks.
LAYOUTS = {
    "modules": (("modules", AGGREGATOR), ()),
    "packages": (("packages", "infrastructure/configuration"), (AGGREGATOR,)),
}

# The line length each generation's formatter keeps to: black's default in the modules
# generation, ruff's line-length in the packages generation's pyproject.toml.
LINE_LENGTHS = {"modules": 88, "packages": 130}


def detect(root: Path) -> str:
    """The generation of the SRE Bot application folder ``root``, or "" if it is neither."""
    for generation, (has, lacks) in LAYOUTS.items():
        if all((root / path).exists() for path in has) and not any(
            (root / path).exists() for path in lacks
        ):
            return generation
    return ""


def host_integrations(providers: Any, destination: Any) -> str:
    """The ``providers`` that are vendor packages this template wrote into ``destination``.

    Read from each one's answers file (``.copier-answers.<provider>.yml``): an integration
    of the packages generation, with its entity and operations, so a feature's adapter can
    call its client. Returned as JSON (which is YAML) for copier to record: an update
    renders from the recorded answer, never from a host it cannot see.
    """
    found: dict[str, dict[str, Any]] = {}
    root = Path(str(destination))
    for provider in as_names(providers):
        answers_file = root / f".copier-answers.{provider}.yml"
        try:
            answers = yaml.safe_load(answers_file.read_text())
        except (OSError, yaml.YAMLError):
            continue
        if (
            isinstance(answers, dict)
            and answers.get("kind") == "integration"
            and answers.get("generation") == "packages"
            and (root / "integrations" / str(provider) / "client.py").is_file()
        ):
            found[str(provider)] = {
                "entity_name": str(answers.get("entity_name", "")),
                "operations": [str(op) for op in answers.get("operations") or []],
            }
    return json.dumps(found, sort_keys=True)


# integrations/utils/ holds what the host's clients share; every other package is a client.
NOT_INTEGRATIONS = {"utils"}


def integrations(root: Path) -> list[str]:
    """The integrations the SRE Bot application folder ``root`` has: its client packages, sorted."""
    folder = root / "integrations"
    return sorted(
        path.name
        for path in (folder.iterdir() if folder.is_dir() else ())
        if (path / "__init__.py").is_file()
        and path.name not in NOT_INTEGRATIONS
        and not path.name.startswith("_")
    )


def integrations_help(destination: Any, width: int = 79) -> str:
    """The line of the ``providers`` question naming the host's integrations, or "".

    Starts with a line break, so the help ends where it did when there are none.
    """
    names = integrations(Path(str(destination)))
    if not names:
        return ""
    sentence = f"This host's integrations: {', '.join(names)}."
    lines = textwrap.wrap(
        sentence, width, break_on_hyphens=False, break_long_words=False
    )
    return "\n" + "\n".join(lines)
