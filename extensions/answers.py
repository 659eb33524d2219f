"""Validators of the answers: each returns a one-line reason naming the question and the rule, or ""."""

from __future__ import annotations

import keyword
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from .naming import (
    HOST_PACKAGES,
    MAX_NAME_LENGTH,
    OPERATIONS,
    pascal,
    singular_pascal,
    snake,
)

MAX_PROVIDERS = 9
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
_PASCAL = re.compile(r"^[A-Z][a-zA-Z0-9]*$")


def module_name_problem(name: Any) -> str:
    """Say why ``name`` cannot be the feature's Python package, or return "".

    Args:
        name: The proposed ``module_name`` answer.

    Returns:
        A one-line reason naming the rule that was broken, or an empty string.
    """
    name = str(name)
    if not name:
        return "module_name is empty: type a lowercase Python identifier such as incident_notes."
    if len(name) > MAX_NAME_LENGTH:
        return f"module_name is {len(name)} characters long: keep it to {MAX_NAME_LENGTH} or fewer."
    if not _IDENTIFIER.match(name):
        suggestion = snake(name) if _IDENTIFIER.match(snake(name)) else "incident_notes"
        return (
            f"module_name {name!r} is not a lowercase Python identifier: use a-z, 0-9 and _, "
            f"starting with a letter (for example {suggestion})."
        )
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"module_name {name!r} is a Python keyword: choose another name."
    if name in sys.stdlib_module_names:
        return f"module_name {name!r} shadows the standard-library module {name}: choose another name."
    if name in HOST_PACKAGES:
        return f"module_name {name!r} is a top-level package of the host: choose another name."
    return ""


def entity_name_problem(name: Any, module_name: Any = "") -> str:
    """Say why ``name`` cannot be the domain entity's class name, or return ""."""
    name = str(name)
    if len(name) > MAX_NAME_LENGTH:
        return f"entity_name is {len(name)} characters long: keep it to {MAX_NAME_LENGTH} or fewer."
    if not _PASCAL.match(name):
        example = singular_pascal(name) or "IncidentNote"
        return f"entity_name {name!r} is not PascalCase: type a class name such as {example}."
    taken = {
        f"{pascal(str(module_name))}{suffix}"
        for suffix in ("Settings", "Service", "Provider")
    }
    if name in taken:
        return f"entity_name {name!r} is the name of one of the feature's own classes: choose the domain object's name."
    return ""


def providers_problem(providers: Any) -> str:
    """Say why the ``providers`` answer is not a list of distinct provider names, or return ""."""
    if not isinstance(providers, list):
        return 'providers must be a list of names, such as ["google", "aws"] or [] for none.'
    if len(providers) > MAX_PROVIDERS:
        return f"providers: at most {MAX_PROVIDERS} back-ends; a feature with more wants splitting."
    seen: set[str] = set()
    for name in providers:
        if (
            not isinstance(name, str)
            or not _IDENTIFIER.match(name)
            or keyword.iskeyword(name)
        ):
            return f"providers: {name!r} is not a lowercase Python identifier (a-z, 0-9, _)."
        if len(name) > MAX_NAME_LENGTH:
            return f"providers: {name!r} is {len(name)} characters long: keep it to {MAX_NAME_LENGTH} or fewer."
        if name in seen:
            return f"providers: {name!r} is listed twice: each provider once."
        if name in {"base", "registry"}:
            return f"providers: {name!r} is taken by the providers package itself: choose another."
        seen.add(name)
    return ""


def operations_problem(operations: Any) -> str:
    """Say why the ``operations`` answer is unusable, or return ""."""
    if not operations:
        return "operations: select at least one of create, get, list, update, delete."
    unknown = [op for op in operations if op not in OPERATIONS]
    if unknown:
        return f"operations: unknown {', '.join(map(str, unknown))}; choose among {', '.join(OPERATIONS)}."
    return ""


def one_line_problem(text: Any, question: str) -> str:
    """Say why a one-line free-text answer is unusable, or return ""."""
    text = str(text)
    if not text.strip():
        return f"{question} is empty: write it on one line."
    if "\n" in text or "\r" in text:
        return f"{question} must fit on one line."
    return control_character_problem(text, question)


def text_problem(text: Any, question: str) -> str:
    """Say why a free-text answer (line breaks and tabs allowed) is unusable, or return ""."""
    if not str(text).strip():
        return f"{question} is empty: write a sentence."
    return control_character_problem(text, question, allowed="\t\n")


def control_character_problem(text: Any, question: str, allowed: str = "") -> str:
    """Say why free text holds an invisible control character (other than ``allowed``), or return ""."""
    for char in str(text):
        if unicodedata.category(char) == "Cc" and char not in allowed:
            return f"{question} contains the control character {char!r}: remove it."
    return ""


def plan_list_problem(items: Any, question: str) -> str:
    """Say why a plan answer is not a list of one-line statements, or return ""."""
    if not isinstance(items, list):
        return f'{question} must be a YAML list of statements, such as ["first", "second"], or [] for none.'
    for item in items:
        if not isinstance(item, str) or not item.strip():
            return (
                f"{question}: every entry must be a non-empty sentence, not {item!r}."
            )
        if control_character_problem(item, question, allowed="\t\n"):
            return control_character_problem(item, question, allowed="\t\n")
    return ""


def link_problem(link: Any) -> str:
    """Say why ``tracking_link`` is not empty nor an http(s) link, or return ""."""
    link = str(link)
    if link and not re.fullmatch(r"https?://[^\s<>]+", link):
        example = "https://example.org/browse/SRE-123"
        return f"tracking_link must be empty or one http(s) URL without spaces, such as {example}."
    return ""


def destination_problem(module_name: Any, destination: Any) -> str:
    """Say why the feature cannot be written into ``destination``, or return "".

    Refuses a destination that is not an SRE Bot application root, and a feature whose
    files are already there (``copier update`` or ``--overwrite`` are the ways to touch
    an existing feature; copier only calls this when overwriting is off).
    """
    root = Path(str(destination))
    if (
        not (root / "modules").is_dir()
        or not (root / "infrastructure" / "configuration").is_dir()
    ):
        return (
            f"{root} is not an SRE Bot application root (no modules/ and infrastructure/configuration/): "
            "run copier with the bot's app/ folder as destination."
        )
    module = str(module_name)
    taken = [
        path
        for path in (
            f"modules/{module}",
            f"integrations/{module}",
            f"api/v1/{module}.py",
            f".copier-answers.{module}.yml",
        )
        if (root / path).exists()
    ]
    if taken:
        return (
            f"module_name {module!r}: the host already has {taken[0]}. Refresh it with "
            f"`copier update --trust -a .copier-answers.{module}.yml`, or choose another name."
        )
    return ""
