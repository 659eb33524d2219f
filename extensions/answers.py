"""Validators of the answers: each returns a one-line reason naming the question and the rule, or ""."""

from __future__ import annotations

import ast
import keyword
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydantic

from . import generations, slack
from .features import feature_for
from .names import pascal, singular_pascal, snake
from .operations import VERBS
from .text_answers import as_lines, as_names

MAX_NAME_LENGTH = 24
MAX_PROVIDERS = 9
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
_PASCAL = re.compile(r"^[A-Z][a-zA-Z0-9]*$")


def module_name_problem(
    name: Any,
    kind: Any = "module",
    destination: Any = None,
    overwrite: Any = False,
    generation: Any = "modules",
) -> str:
    """Say why ``name`` cannot be the feature's Python package, or return "".

    Refused: what is not a short lowercase identifier, a keyword, a name pydantic keeps
    for itself on the host's ``Settings`` (the feature's slice becomes ``settings.<name>``)
    and, when ``destination`` is given, a destination that is not an SRE Bot application
    folder, or a name the host already uses there (unless ``overwrite``). A name that is
    also a standard-library or a third-party module is fine: every generated package sits
    inside one of the host's packages (``modules.<name>``, ``unit.modules.<name>``...).

    Args:
        name: The proposed ``module_name`` answer.
        kind: The ``kind`` answer, ``module`` or ``integration``.
        destination: The folder copier writes into, if known.
        overwrite: Whether copier was asked to overwrite what exists.
        generation: The host generation the feature is written for.

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
    if name in _PYDANTIC_NAMES or name.startswith("model_"):
        return (
            f"module_name {name!r} would be settings.{name} on the host's Settings, a name "
            "pydantic keeps for itself: choose another name."
        )
    # Updates render with overwrite on, in temporary folders that are no host: the
    # destination's checks are for a new feature only.
    if destination is None or overwrite:
        return ""
    return destination_problem(name, destination, str(kind), str(generation))


# What pydantic defines on every model: the host's Settings is one, and the feature's
# slice becomes its attribute named after the module.
_PYDANTIC_NAMES = frozenset(
    name for name in dir(pydantic.BaseModel) if not name.startswith("_")
)


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


def providers_problem(providers: Any, module_name: Any = "") -> str:
    """Say why the ``providers`` answer does not name distinct providers, or return ""."""
    if not isinstance(providers, (str, list)):
        return "providers must be names separated by commas, such as google, aws, or empty for none."
    providers = as_names(providers)
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
        if name == module_name:
            return (
                f"providers: {name!r} is also the module's name, and its class would be "
                f"{pascal(name)}Provider, the name of the feature's provider contract: "
                "choose another module or provider name."
            )
        seen.add(name)
    return ""


def primary_provider_problem(primary: Any, providers: Any) -> str:
    """Say why ``primary`` is not one of several ``providers``, or return ""."""
    names = as_names(providers)
    if len(names) > 1 and primary not in names:
        return f"primary_provider must be one of {', '.join(names)}."
    return ""


def operations_problem(operations: Any) -> str:
    """Say why the ``operations`` answer is unusable, or return ""."""
    if not operations:
        return "operations: select at least one of create, get, list, update, delete."
    unknown = [op for op in operations if op not in VERBS]
    if unknown:
        return f"operations: unknown {', '.join(map(str, unknown))}; choose among {', '.join(VERBS)}."
    return ""


def one_line_problem(text: Any, question: str) -> str:
    """Say why a one-line free-text answer is unusable, or return ""."""
    text = str(text)
    if not text.strip():
        return f"{question} is empty: write it on one line."
    if "\n" in text or "\r" in text:
        return f"{question} must fit on one line."
    return control_character_problem(text, question)


def feature_name_problem(name: Any) -> str:
    """Say why ``name`` cannot title the feature, or return "".

    Besides being one line, it holds no brace: the Slack replies quote it, and the host's
    translations read ``{word}`` as a placeholder to fill.
    """
    problem = one_line_problem(name, "feature_name")
    if not problem and ("{" in str(name) or "}" in str(name)):
        return (
            "feature_name holds a brace, which the bot's translations read as a "
            "placeholder: write it without { or }."
        )
    return problem


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
    """Say why a plan answer is not statements, one per line, or return ""."""
    if not isinstance(items, (str, list)):
        return f"{question} must be text, one statement per line, or empty for none."
    for item in as_lines(items):
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


def generation_problem(
    generation: Any, destination: Any, overwrite: Any = False
) -> str:
    """Say why a feature of ``generation`` cannot be written into ``destination``, or "".

    The answer is read from the destination unless given; a given answer must fit the
    destination. Refused: a destination of neither generation, and a generation the
    destination is not.
    Updates (``overwrite``) render in temporary folders that are no host: the recorded
    answer stands.
    """
    generation = str(generation)
    if generation not in generations.LAYOUTS:
        known = ", ".join(generations.LAYOUTS)
        return f"generation must be one of {known}, not {generation!r}."
    if overwrite:
        return ""
    root = Path(str(destination))
    found = generations.detect(root)
    if not found:
        return (
            f"{root} is not an SRE Bot application root (neither modules/ with "
            f"{generations.AGGREGATOR} nor packages/): run copier with the bot's app/ "
            "folder as destination."
        )
    if found != generation:
        return (
            f"generation {generation!r} does not fit {root}: it is an SRE Bot of the "
            f"{found} generation."
        )
    return ""


def destination_problem(
    module_name: Any, destination: Any, kind: str = "module", generation: str = ""
) -> str:
    """Say why a new feature cannot be written into ``destination``, or return "".

    Refuses a destination that is not an SRE Bot application folder, and a feature whose
    files or settings attribute the host already has (``copier update`` or
    ``--overwrite`` are the ways to touch an existing feature).
    """
    root = Path(str(destination))
    found = generations.detect(root)
    generation = generation or found
    if not found or generation != found:
        return ""  # the generation question has said why
    module = str(module_name)
    update = f"`copier update --trust -a .copier-answers.{module}.yml`"
    if (root / f".copier-answers.{module}.yml").exists():
        return (
            f"module_name {module!r}: the host already has this feature "
            f"(.copier-answers.{module}.yml). Refresh it with {update}, or choose another name."
        )
    feature = feature_for(
        {
            "generation": generation,
            "kind": kind,
            "module_name": module,
            "feature_name": module,
            "entity_name": singular_pascal(module),
        }
    )
    taken = [path for path in feature.claimed_paths if (root / path).exists()]
    if taken:
        return f"module_name {module!r}: the host already has {taken[0]}: choose another name."
    if generation != "modules":
        return ""  # no aggregator: the slice is the package's own
    attributes = _settings_attributes(root / SETTINGS_FILE)
    if module in attributes:
        return (
            f"module_name {module!r}: the host's Settings already has the attribute {module} "
            f"({attributes[module]}): choose another name."
        )
    settings_class = feature.names.settings_class
    for host_file in (SETTINGS_FILE, BASE_FILE):
        if settings_class in _bound_names(root / host_file):
            return (
                f"module_name {module!r}: its settings class {settings_class} would clash with "
                f"the {settings_class} of {host_file}: choose another name."
            )
    return ""


_KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
MAX_COMMAND_LENGTH = 32


def slack_command_problem(
    command: Any,
    module_name: Any = "",
    destination: Any = None,
    overwrite: Any = False,
    generation: Any = "modules",
) -> str:
    """Say why ``command`` cannot be the feature's subcommand of ``/sre``, or return "".

    Refused: what is not a short kebab-case word, a word the host's help keeps (``help``,
    ``aide``), and a subcommand of ``/sre`` another feature of the host already registers
    (its own package is not looked at, so an update keeps the name it has).

    Args:
        command: The proposed ``slack_command`` answer.
        module_name: The feature's package, whose own registrations do not count.
        destination: The folder copier writes into, if known.
        overwrite: Whether copier was asked to overwrite what exists.
        generation: The host generation the feature is written for.
    """
    command = str(command)
    if not _KEBAB.match(command):
        suggestion = snake(command).replace("_", "-") or "incident-notes"
        if not _KEBAB.match(suggestion):
            suggestion = "incident-notes"
        return (
            f"slack_command {command!r} is not a kebab-case word: use a-z, 0-9 and single "
            f"hyphens, starting with a letter (for example {suggestion})."
        )
    if len(command) > MAX_COMMAND_LENGTH:
        return f"slack_command is {len(command)} characters long: keep it to {MAX_COMMAND_LENGTH} or fewer."
    if command in slack.HELP_WORDS:
        return (
            f"slack_command {command!r} is the host's help word: choose another name."
        )
    if destination is None or overwrite:
        return ""
    root = Path(str(destination))
    own = f"{'packages' if generation == 'packages' else 'modules'}/{module_name}/"
    for path, registered in sre_subcommands(root).items():
        if command in registered and not path.startswith(own):
            return f"slack_command {command!r}: {path} already registers /sre {command}: choose another name."
    return ""


def sre_subcommands(root: Path) -> dict[str, set[str]]:
    """The subcommands of ``/sre`` each feature file of a host registers, by path."""
    found: dict[str, set[str]] = {}
    for folder in ("modules", "packages"):
        for path in sorted((root / folder).rglob("*.py")):
            try:
                stamp = path.stat().st_mtime_ns
            except OSError:
                continue
            registered = _registered_commands(path, stamp)
            if registered:
                found[path.relative_to(root).as_posix()] = registered
    return found


@lru_cache(maxsize=4096)
def _registered_commands(path: Path, stamp: int) -> set[str]:
    """The ``command=`` of each ``register_command(..., parent="sre")`` call in a file."""
    try:
        source = path.read_text()
    except (OSError, UnicodeDecodeError):
        return set()
    if "register_command(" not in source:
        return set()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return set()
    found = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "register_command":
            continue
        given = {
            argument.arg: argument.value.value
            for argument in node.keywords
            if isinstance(argument.value, ast.Constant)
        }
        if given.get("parent") == slack.PARENT and isinstance(
            given.get("command"), str
        ):
            found.add(given["command"])
    return found


SETTINGS_FILE = "infrastructure/configuration/settings.py"
# Where the host defines the slices' base classes (FeatureSettings, IntegrationSettings).
BASE_FILE = "infrastructure/configuration/base.py"


def _parsed(path: Path) -> ast.Module:
    """A host module's syntax tree; an unreadable file is an empty module."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return ast.Module(body=[], type_ignores=[])
    return _parsed_version(path, stamp)


@lru_cache(maxsize=8)
def _parsed_version(path: Path, stamp: int) -> ast.Module:
    """One version of a host module, parsed once: copier validates more than once."""
    try:
        return ast.parse(path.read_text())
    except (OSError, SyntaxError, ValueError):
        return ast.Module(body=[], type_ignores=[])


def _bound_names(path: Path) -> set[str]:
    """The names a host module binds at its top level: imports, classes, functions."""
    tree = _parsed(path)
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
    return names


def _settings_attributes(path: Path) -> dict[str, str]:
    """The annotated attributes of the host's ``class Settings``, with their annotations."""
    for node in _parsed(path).body:
        if isinstance(node, ast.ClassDef) and node.name == "Settings":
            return {
                statement.target.id: ast.unparse(statement.annotation)
                for statement in node.body
                if isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
            }
    return {}
