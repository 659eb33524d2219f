"""Which generation of SRE Bot a destination is, read from what its application folder holds.

modules (spring 2026): features under ``modules/``, one ``Settings`` aggregator in
``infrastructure/configuration/settings.py`` (a first ``packages/`` may exist beside).
packages (the main branch since): features under ``packages/``, each settings slice with
its own getter, no aggregator.
"""

from __future__ import annotations

from pathlib import Path

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
