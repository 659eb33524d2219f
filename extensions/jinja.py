"""The template's Jinja extensions: the feature in the context, and the filters.

Loaded by copier through ``copier_template_extensions.TemplateExtensionLoader``
(see ``_jinja_extensions`` in ``copier.yml``). The helpers themselves live in the
sibling modules, plain Python that the tests import directly.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from copier_template_extensions import ContextHook
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache
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


def todo_places(feature: Any, destination: Any) -> dict[str, int]:
    """How many ``TODO(<module>)`` markers each file the feature wrote holds, read from the files.

    Its code and its catalogues count; the plan names the markers, and the answers file
    is copier's.
    """
    marker = f"TODO({feature.names.module})"
    found = {}
    for path in feature.files:
        written = Path(str(destination)) / path
        if (
            path.endswith((".py", ".yml"))
            and not path.startswith(".")
            and written.is_file()
        ):
            count = written.read_text().count(marker)
            if count:
                found[path] = count
    return found


def folders(paths: Any) -> list[str]:
    """The distinct folders two levels deep (``modules/notes``) that hold ``paths``, sorted."""
    return sorted({"/".join(str(path).split("/")[:2]) for path in paths})


_helpers()
answers = importlib.import_module(f"{PACKAGE}.answers")
features = importlib.import_module(f"{PACKAGE}.features")
generations = importlib.import_module(f"{PACKAGE}.generations")
layout = importlib.import_module(f"{PACKAGE}.layout")
fields = importlib.import_module(f"{PACKAGE}.fields")
text_answers = importlib.import_module(f"{PACKAGE}.text_answers")
names = importlib.import_module(f"{PACKAGE}.names")
planfile = importlib.import_module(f"{PACKAGE}.planfile")

FILTERS = {
    "snake": names.snake,
    "pascal": names.pascal,
    "with_article": names.with_article,
    "sentence": names.sentence,
    "singular_pascal": names.singular_pascal,
    "module_name_problem": answers.module_name_problem,
    "generation_problem": answers.generation_problem,
    "host_generation": lambda destination: generations.detect(Path(str(destination))),
    "host_integrations": generations.host_integrations,
    "integrations_help": generations.integrations_help,
    "as_lines": text_answers.as_lines,
    "as_names": text_answers.as_names,
    "answers_yaml": text_answers.answers_yaml,
    "entity_name_problem": answers.entity_name_problem,
    "providers_problem": answers.providers_problem,
    "primary_provider_problem": answers.primary_provider_problem,
    "slack_command_problem": answers.slack_command_problem,
    "operations_problem": answers.operations_problem,
    "fields_problem": fields.problem,
    "one_line_problem": answers.one_line_problem,
    "feature_name_problem": answers.feature_name_problem,
    "text_problem": answers.text_problem,
    "docstring": layout.docstring,
    "python": layout.python,
    "pystr": layout.pystr,
    "yaml_str": layout.yaml_str,
    "md": layout.md,
    "md_block": layout.md_block,
    "shell_lines": layout.shell_lines,
    "plan_list_problem": answers.plan_list_problem,
    "link_problem": answers.link_problem,
    "control_character_problem": answers.control_character_problem,
    "task_line": planfile.task_line,
    "todo_places": todo_places,
    "folders": folders,
}
# A template of a Python file: its name ends in .py.jinja, whatever tags close its path.
PYTHON_TEMPLATE = re.compile(r"\.py(\{%[^%]*%\})*\.jinja$")
# What a feature is built from; the context has it all once the questions are answered.
NEEDED = ("feature_name", "module_name", "entity_name", "operations")


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's compiled templates, kept between copier runs in the user's cache folder.

    Copier renders from a fresh temporary clone each run, so a template's file name never
    repeats: the key is its name in the template, the code of these extensions (which
    rewrite every Python template before it compiles) and the environment's kind and
    settings (copier's sandbox compiles every call differently). Jinja itself checks the
    source.
    """

    def __init__(
        self, directory: Path, code: str, environment: Environment | None = None
    ) -> None:
        super().__init__(str(directory), "%s.cache")
        self._code = code
        self._environment = environment
        self._signature = ""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass  # a cache never stops a render: the template compiles as without one

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a full disk or a read-only cache folder: nothing is kept

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        if not self._signature:
            # Read at the first compilation: the environment is complete by then.
            self._signature = self._code + repr(_settings(self._environment))
        return hashlib.sha1(f"{self._signature}\0{name}".encode()).hexdigest()


def _settings(environment: Environment | None) -> tuple[Any, ...]:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    if environment is None:
        return ()
    return (
        type(environment).__module__,
        type(environment).__qualname__,
        sorted(environment.extensions),
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.keep_trailing_newline,
        environment.newline_sequence,
        environment.autoescape,
        environment.optimized,
    )


def _bytecode_cache(environment: Environment) -> CompiledTemplates | None:
    """The cache of compiled templates, or None where no cache folder can be made."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    directory = base / "sre-bot-feature-template" / "jinja"
    code = hashlib.sha1(
        b"".join(path.read_bytes() for path in sorted(HERE.glob("**/*.py")))
    ).hexdigest()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return CompiledTemplates(directory, code, environment)


class Filters(Extension):
    """Register the template's filters with copier's Jinja environment, and cache its compiled templates."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters.update(FILTERS)
        # The plan's reader and checker, copied into each feature's test_plan.py.
        environment.globals["plan_verifier"] = planfile.verifier_source()
        if environment.bytecode_cache is None:
            environment.bytecode_cache = _bytecode_cache(environment)
        _compile_strings_once(environment)


def _compile_strings_once(environment: Environment) -> None:
    """Make ``environment.from_string`` compile each distinct string once per run.

    Copier renders every path segment, every question's default, help and validator, and
    the answers file's name through ``from_string``, hundreds of times a run with a few
    dozen distinct strings; Jinja compiles each call anew (about a quarter of a copy's
    time here). A compiled template renders any context, so each string keeps its first
    compilation (and the extensions still preprocess it on every call).
    """
    original = environment.from_string
    compiled: dict[str, Any] = {}

    def from_string(
        source: Any, globals: Any = None, template_class: Any = None
    ) -> Any:
        if (
            globals is not None
            or template_class is not None
            or not isinstance(source, str)
        ):
            return original(source, globals, template_class)
        if source not in compiled:
            compiled[source] = original(source)
        else:
            # The extensions' preprocessing runs as a compilation would run it: copier's
            # {% yield %} support resets its per-path state there.
            environment.preprocess(source)
        return compiled[source]

    environment.from_string = from_string  # type: ignore[method-assign]


class PythonFiles(Extension):
    """Finish every Python template with the ``python`` filter.

    Templates of Python files hold literal code; the filter drops the imports a file
    does not use and lays out, as black does, the lines whose length depends on names
    (``layout.python``). Wrapping each template here keeps that out of the templates.
    """

    def preprocess(
        self, source: str, name: str | None, filename: str | None = None
    ) -> str:
        # A template that extends another is finished by the one it extends.
        if (
            name
            and PYTHON_TEMPLATE.search(name)
            and not source.startswith("{% extends")
        ):
            # template/<generation>/<kind>/...: the generation's formatter sets the width.
            parts = name.split("/")
            width = generations.LINE_LENGTHS.get(parts[1] if len(parts) > 1 else "", 88)
            return f"{{% filter python({width}) %}}" + source + "{% endfilter %}"
        return source


class FeatureHook(ContextHook):
    """Put the feature in every template's context: ``feature``, its ``names`` and its ``ops``."""

    def hook(self, context: dict[str, Any]) -> None:
        # Until the answers are validated, they may name a generation no kind writes
        # for, or fields that cannot be read: the feature waits for valid ones.
        if (
            all(key in context for key in NEEDED)
            and features.writes_for(context)
            and not fields.problem(context.get("fields"))
        ):
            feature = features.feature_for(context)
            context.update(feature=feature, names=feature.names, ops=feature.ops)
