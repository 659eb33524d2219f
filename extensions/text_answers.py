"""Answers typed as text: the lists among them, and the answers file that records them.

``success_criteria`` and ``out_of_scope`` take one statement per line, ``providers`` names
separated by commas (or spaces). Every reader of these answers goes through
:func:`as_lines` or :func:`as_names`, which also read the two earlier forms: a YAML list
(answers files written before these answers were text, rewritten by
``tasks/list_answers.py`` before an update, and Python callers) and a YAML flow list
typed as text (``--data 'providers=[google, aws]'``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml


def _items(value: Any, split: str) -> list[Any]:
    """``value`` as a list: itself if it is one, a YAML flow list's items, or ``split``'s pieces."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if value is None:
        return []
    text = str(value).strip()
    if text.startswith("[") and text.endswith("]"):
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, list):
            return loaded
    return [piece.strip() for piece in re.split(split, text) if piece.strip()]


def as_lines(value: Any) -> list[Any]:
    """The statements of a ``success_criteria`` or ``out_of_scope`` answer: one per non-empty line."""
    return _items(value, r"\n")


def as_names(value: Any) -> list[Any]:
    """The names of a ``providers`` answer, separated by commas or spaces."""
    return _items(value, r"[,\s]+")


# Each question whose answer is a list: how its text is read, and how a list is written
# as that text.
LISTS: dict[str, tuple[Callable[[Any], list[Any]], str]] = {
    "success_criteria": (as_lines, "\n"),
    "out_of_scope": (as_lines, "\n"),
    "providers": (as_names, ", "),
}


def as_text(question: str, value: Any) -> Any:
    """A list answer of ``question`` as the text the question takes now; any other value as it is.

    A statement that held line breaks becomes one line: the plan prints each statement
    on one line already, so it reads the same.
    """
    if not isinstance(value, list) or question not in LISTS:
        return value
    items = [" ".join(str(item).split()) for item in value]
    return LISTS[question][1].join(item for item in items if item)


class _AnswersDumper(yaml.SafeDumper):
    """YAML as ``to_nice_yaml`` writes it, with text of several lines as a literal block."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_AnswersDumper.add_representer(str, _text)


def answers_yaml(answers: Mapping[str, Any]) -> str:
    """The answers file's YAML: keys sorted, multi-line answers as they were typed.

    Text is recorded without trailing line breaks, which no answer gives a meaning to:
    a statement typed at the terminal and the same one in a data file's ``|`` block
    record alike. PyYAML keeps to quotes where a block cannot hold the text exactly
    (trailing spaces).
    """
    recorded = {
        key: value.rstrip("\n") if isinstance(value, str) else value
        for key, value in answers.items()
    }
    return yaml.dump(
        recorded,
        Dumper=_AnswersDumper,
        indent=4,
        allow_unicode=True,
        default_flow_style=False,
        sort_keys=True,
    )
