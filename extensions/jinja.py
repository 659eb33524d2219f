"""The template's Jinja extensions: the ``names`` context and the filters.

Loaded by copier through ``copier_template_extensions.TemplateExtensionLoader``
(see ``_jinja_extensions`` in ``copier.yml``). The helpers themselves live in the
sibling modules, plain Python that the tests import directly.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from copier_template_extensions import ContextHook
from jinja2 import Environment
from jinja2.ext import Extension

HERE = Path(__file__).resolve().parent
# One package per template checkout: `copier update` renders two template versions in
# one process, and each must use its own helpers.
PACKAGE = (
    "sre_bot_feature_template_" + hashlib.sha1(str(HERE).encode()).hexdigest()[:12]
)


def _helpers() -> ModuleType:
    """Import this folder as a package under a name no other code uses."""
    if PACKAGE not in sys.modules:
        here = HERE
        spec = importlib.util.spec_from_file_location(
            PACKAGE, here / "__init__.py", submodule_search_locations=[str(here)]
        )
        assert spec is not None and spec.loader is not None
        package = importlib.util.module_from_spec(spec)
        sys.modules[PACKAGE] = package
        spec.loader.exec_module(package)
    return sys.modules[PACKAGE]


_helpers()
answers = importlib.import_module(f"{PACKAGE}.answers")
layout = importlib.import_module(f"{PACKAGE}.layout")
naming = importlib.import_module(f"{PACKAGE}.naming")

FILTERS = {
    "snake": naming.snake,
    "pascal": naming.pascal,
    "with_article": naming.with_article,
    "singular_pascal": naming.singular_pascal,
    "module_name_problem": answers.module_name_problem,
    "entity_name_problem": answers.entity_name_problem,
    "providers_problem": answers.providers_problem,
    "operations_problem": answers.operations_problem,
    "one_line_problem": answers.one_line_problem,
    "text_problem": answers.text_problem,
    "docstring": layout.docstring,
    "pystr": layout.pystr,
    "pydef": layout.pydef,
    "pyline": layout.pyline,
    "import_from": layout.import_from,
    "md": layout.md,
    "md_block": layout.md_block,
    "plan_list_problem": answers.plan_list_problem,
    "link_problem": answers.link_problem,
    "control_character_problem": answers.control_character_problem,
    "destination_problem": answers.destination_problem,
}


class Filters(Extension):
    """Register the template's filters with copier's Jinja environment."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters.update(FILTERS)


class NamesHook(ContextHook):
    """Put ``names`` (a :class:`naming.FeatureNames`) in every template's context."""

    def hook(self, context: dict[str, Any]) -> None:
        names = naming.feature_names(context)
        if names is not None:
            context["names"] = names
