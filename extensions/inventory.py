"""What a feature writes, read off the template tree: the one inventory of the generated files.

Copier writes a file for every path of the feature's template tree whose segments all
render non-empty; a ``{% yield x from xs %}`` segment gives one file per item of ``xs``
(a name or an attribute, ``feature.providers``). This module does the same with the
feature's answers, without rendering any file's content.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, Template

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "template"
SUFFIX = ".jinja"
_YIELD = re.compile(r"\{% yield (\w+) from ([\w.]+) %\}(.*?)\{% endyield %\}")
_ENVIRONMENT = Environment(keep_trailing_newline=True)


@lru_cache(maxsize=None)
def _template_paths(root: Path) -> tuple[str, ...]:
    """Every file of a template tree, relative to it, in path order."""
    return tuple(
        path.relative_to(root).as_posix()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    )


def rendered_paths(
    root: Path, context: Mapping[str, Any]
) -> list[tuple[str, str, dict[str, Any]]]:
    """The files the tree at ``root`` gives for ``context``.

    Returns:
        (template path relative to ``root``, destination path, the context to render it
        with), one per file, in the tree's path order.
    """
    if "_copier_conf" not in context:
        context = {**context, "_copier_conf": {"answers_file": answers_file(context)}}
    found = []
    for relative in _template_paths(root):
        match = _YIELD.search(relative)
        items = _expression(match[2])(**context) if match else [None]
        for item in items:
            local = {**context, match[1]: item} if match else dict(context)
            path = _YIELD.sub(match[3], relative) if match else relative
            destination = _rendered_path(path, local)
            if destination:
                found.append((relative, destination, local))
    return found


def claimed(tree: str, context: Mapping[str, Any], variable: str) -> list[str]:
    """The paths the tree ``tree`` writes under a name made of ``variable``, once each.

    For each file, its leading path up to the first segment that uses ``variable``
    (``modules/{{ module_name }}``, ``api/v1/{{ module_name }}.py``), rendered with
    ``context``; a path that renders empty is left out.
    """
    prefixes: list[str] = []
    for relative in _template_paths(TEMPLATES / tree):
        parts = relative.split("/")
        end = next((i for i, part in enumerate(parts, 1) if variable in part), 0)
        if end and "/".join(parts[:end]) not in prefixes:
            prefixes.append("/".join(parts[:end]))
    rendered = (_rendered_path(prefix, context) for prefix in prefixes)
    return [path for path in rendered if path]


def _rendered_path(path: str, context: Mapping[str, Any]) -> str:
    """A template path rendered segment by segment, without the template suffix; "" when
    a segment renders empty, as copier then writes nothing there."""
    parts = [_render(part, context) for part in path.split("/")]
    parts[-1] = parts[-1].removesuffix(SUFFIX)
    return "/".join(parts) if all(parts) else ""


def _render(text: str, context: Mapping[str, Any]) -> str:
    """One path segment rendered with ``context``; a segment without Jinja is itself."""
    return _compiled(text).render(context) if "{" in text else text


@lru_cache(maxsize=None)
def _compiled(text: str) -> Template:
    """A path segment compiled once per process: copier renders a tree's paths more than once."""
    return _ENVIRONMENT.from_string(text)


@lru_cache(maxsize=None)
def _expression(text: str) -> Any:
    """A ``{% yield %}`` segment's iterable, compiled once per process."""
    return _ENVIRONMENT.compile_expression(text)


@lru_cache(maxsize=1)
def _answers_file_pattern() -> str:
    """``_answers_file`` of copier.yml: where each feature's answers are recorded."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when it is there
    settings = yaml.load((ROOT / "copier.yml").read_text(), Loader=loader)
    return str(settings["_answers_file"])


def answers_file(context: Mapping[str, Any]) -> str:
    """The feature's answers file, as copier.yml names it."""
    return _render(_answers_file_pattern(), context)


def files(tree: str, context: Mapping[str, Any]) -> list[str]:
    """The destination paths of the files the template tree ``tree`` writes, sorted.

    Args:
        tree: The tree's folder under ``template/`` (``modules/module``).
        context: The answers.
    """
    return sorted(
        destination for _, destination, _ in rendered_paths(TEMPLATES / tree, context)
    )
