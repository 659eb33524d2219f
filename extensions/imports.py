"""Python import statements written as black lays them out.

Standard library only and free of the package's other modules: the settings task
(``tasks/wire_settings.py``) loads this file by path to write its imports the same way.
"""

from __future__ import annotations

from collections.abc import Iterable


def member_key(name: str) -> tuple[int, str, str]:
    """Where ``name`` goes in a ``from`` import's list, as isort and ruff order it by type.

    Constants (``MAX_SIZE``) first, then classes (``Note``), then functions and variables,
    each group alphabetically without regard to case.
    """
    bare = name.split(" as ")[0]
    if len(bare) > 1 and bare.upper() == bare and bare.lower() != bare:
        kind = 0
    elif bare[:1].isupper():
        kind = 1
    else:
        kind = 2
    return (kind, bare.lower(), name)


def import_from(
    names: Iterable[str], module: str, line_length: int = 88, exploded: bool = False
) -> str:
    """Write ``from module import names`` as black lays it out, names in the given order.

    Args:
        names: The names to import (``"x as y"`` for an alias).
        module: The dotted module to import them from.
        line_length: Black's line length.
        exploded: Whether to write one name per line even when the line would fit, as
            black keeps an import already spread over several lines.

    Returns:
        One line when it fits and ``exploded`` is false, otherwise one name per line in
        parentheses with a trailing comma; no final newline.
    """
    names = list(names)
    if not names:
        raise ValueError(f"nothing to import from {module}: guard the line with an if")
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= line_length and not exploded:
        return line
    body = "".join(f"    {name},\n" for name in names)
    return f"from {module} import (\n{body})"
