"""Jinja helpers of the template: every name a feature uses, derived once.

Loaded by copier through ``copier_template_extensions.TemplateExtensionLoader``
(see ``_jinja_extensions`` in ``copier.yml``). Templates never re-derive a name:
they read ``names.<attribute>`` from the context, or call one of the filters.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Optional

import inflection
from copier_template_extensions import ContextHook
from jinja2 import Environment
from jinja2.ext import Extension

MAX_NAME_LENGTH = 24
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
_PASCAL = re.compile(r"^[A-Z][a-zA-Z0-9]*$")
# Top-level packages of the host's import root: a feature may not shadow them.
HOST_PACKAGES = frozenset(
    {"api", "infrastructure", "integrations", "modules", "packages", "server", "tests"}
)
OPERATIONS = ("create", "get", "list", "update", "delete")


def snake(text: str) -> str:
    """Return ``text`` as a snake_case identifier ("Incident Notes" -> "incident_notes")."""
    return inflection.parameterize(inflection.underscore(str(text)), separator="_")


def pascal(text: str) -> str:
    """Return ``text`` as PascalCase ("incident_notes" -> "IncidentNotes")."""
    return inflection.camelize(snake(text))


def singular_pascal(text: str) -> str:
    """Return the singular PascalCase entity name ("incident_notes" -> "IncidentNote")."""
    return inflection.camelize(inflection.singularize(snake(text)))


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
        return (
            f"module_name {name!r} is not a lowercase Python identifier: use a-z, 0-9 and _, "
            f"starting with a letter (for example {snake(name) or 'incident_notes'})."
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
    seen: set[str] = set()
    for name in providers:
        if (
            not isinstance(name, str)
            or not _IDENTIFIER.match(name)
            or keyword.iskeyword(name)
        ):
            return f"provider name {name!r} is not a lowercase Python identifier (a-z, 0-9, _)."
        if len(name) > MAX_NAME_LENGTH:
            return f"provider name {name!r} is {len(name)} characters long: keep it to {MAX_NAME_LENGTH} or fewer."
        if name in seen:
            return f"provider {name!r} is listed twice: each provider once."
        if name in {"base", "registry"}:
            return f"provider name {name!r} is taken by the providers package itself: choose another."
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
        return f"{question} is empty: write one sentence."
    if "\n" in text or "\r" in text:
        return f"{question} must fit on one line."
    return ""


def docstring(text: Any) -> str:
    """Escape free text so it reads back exactly from inside a triple-quoted docstring."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return escaped.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def _split_top_level(params: str) -> list[str]:
    """Split a parameter list on the commas that are not inside brackets."""
    parts, depth, current = [], 0, ""
    for char in params:
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def pydef(signature: str, indent: int = 0, line_length: int = 88) -> str:
    """Lay out a one-line ``def`` signature exactly as black does.

    Black splits a function definition at its first bracket: the parameters go on
    one indented line when they fit, otherwise one per line with a trailing comma.

    Args:
        signature: The whole definition on one line, e.g. ``def f(self, a: int) -> int:``.
        indent: The column the ``def`` starts at.
        line_length: Black's line length.

    Returns:
        The definition, on as many lines as black would use, indented.
    """
    pad = " " * indent
    if indent + len(signature) <= line_length:
        return pad + signature
    head, rest = signature.split("(", 1)
    params, tail = rest.rsplit(")", 1)
    inner = pad + " " * 4
    # Black adds a trailing comma to a lone parameter, which keeps it on its own line.
    if len(_split_top_level(params)) > 1 and len(inner) + len(params) <= line_length:
        return f"{pad}{head}(\n{inner}{params}\n{pad}){tail}"
    lines = "".join(f"{inner}{part},\n" for part in _split_top_level(params))
    return f"{pad}{head}(\n{lines}{pad}){tail}"


def with_article(words: str) -> str:
    """Prefix ``words`` with "a" or "an" by its first letter ("incident note" -> "an incident note")."""
    return f"{'an' if words[:1].lower() in 'aeiou' else 'a'} {words}"


def pyline(statement: str, indent: int = 0, line_length: int = 88) -> str:
    """Lay out a one-line statement that ends in a bracket exactly as black does.

    Black splits at the bracket that closes the line: the content goes on one
    indented line when it fits, otherwise one item per line with a trailing comma.

    Args:
        statement: The statement on one line, e.g. ``x = f(a, b)``.
        indent: The column the statement starts at.
        line_length: Black's line length.

    Returns:
        The statement, on as many lines as black would use, indented.
    """
    pad = " " * indent
    if indent + len(statement) <= line_length:
        return pad + statement
    close = len(statement.rstrip(",:")) - 1
    depth = 0
    for position in range(close, -1, -1):
        depth += statement[position] in ")]}"
        depth -= statement[position] in "([{"
        if depth == 0:
            break
    head, body, tail = (
        statement[: position + 1],
        statement[position + 1 : close],
        statement[close:],
    )
    inner = pad + " " * 4
    before = head[:-1].rstrip()[-1:]
    is_literal = head[-1] == "{" or not (before.isalnum() or before in "_)]")
    # Black always explodes a collection literal that does not fit, one item per line.
    explode = is_literal and len(_split_top_level(body)) > 1
    if not explode and len(inner) + len(body) <= line_length:
        return f"{pad}{head}\n{inner}{body}\n{pad}{tail}"
    lines = "".join(f"{inner}{part},\n" for part in _split_top_level(body))
    return f"{pad}{head}\n{lines}{pad}{tail}"


def import_from(names: Iterable[str], module: str, line_length: int = 88) -> str:
    """Write ``from module import names`` as black lays it out, names sorted.

    Args:
        names: The names to import.
        module: The dotted module to import them from.
        line_length: Black's line length.

    Returns:
        One line when it fits, otherwise one name per line in parentheses.
    """
    ordered = sorted(set(names))
    line = f"from {module} import {', '.join(ordered)}"
    if not ordered:
        raise ValueError(f"nothing to import from {module}: guard the line with an if")
    if len(line) <= line_length:
        return line
    body = "".join(f"    {name},\n" for name in ordered)
    return f"from {module} import (\n{body})"


def pystr(text: Any) -> str:
    """Render free text as a double-quoted Python string literal (black's style)."""
    return json.dumps(str(text), ensure_ascii=False)


@dataclass(frozen=True)
class Operation:
    """One generated operation: its route, controller, service and provider methods."""

    verb: str
    method: str
    params: str
    args: str
    data_type: str
    event: str
    summary: str
    http_method: str
    path: str
    status_code: int
    arg_docs: tuple[tuple[str, str], ...]
    returns_doc: str
    http_params: tuple[tuple[str, str, str], ...] = ()
    http_returns: str = "None"
    http_returns_doc: str = ""

    def _controller_params(self, require_auth: bool) -> list[tuple[str, str, str]]:
        params = [p for p in self.http_params if "=" not in p[1]]
        params.append(("service", "ServiceDep", "The feature's service."))
        if require_auth:
            params.append(
                (
                    "current_user",
                    "CurrentUserDep",
                    "The authenticated caller; anonymous requests never get here.",
                )
            )
        return params + [p for p in self.http_params if "=" in p[1]]

    def controller_signature(self, require_auth: bool) -> str:
        """The route handler's ``def`` line on one line."""
        params = ", ".join(
            f"{name}: {kind}" for name, kind, _ in self._controller_params(require_auth)
        )
        return f"def {self.method}({params}) -> {self.http_returns}:"

    def controller_arg_docs(self, require_auth: bool) -> list[tuple[str, str]]:
        """(name, description) of each route handler parameter."""
        return [(name, doc) for name, _, doc in self._controller_params(require_auth)]

    @property
    def impl(self) -> str:
        """Name of the provider's protected method that does the back-end call."""
        return f"_{self.verb}_impl"

    @property
    def result_type(self) -> str:
        return f"OperationResult[{self.data_type}]"

    def signature(self, name: str = "", params: str = "") -> str:
        """The method's ``def`` line on one line (lay it out with the ``pydef`` filter)."""
        return f"def {name or self.method}(self, {params or self.params}) -> {self.result_type}:"


@dataclass(frozen=True)
class FeatureNames:
    """Every identifier of one feature, derived from the answers in one place."""

    title: str
    module: str
    entity: str
    operations: tuple[str, ...]
    providers: tuple[str, ...]
    primary_provider: Optional[str]

    @property
    def pascal(self) -> str:
        return inflection.camelize(self.module)

    @property
    def upper(self) -> str:
        return self.module.upper()

    @property
    def url_path(self) -> str:
        return "/" + self.module.replace("_", "-")

    @property
    def entity_snake(self) -> str:
        return inflection.underscore(self.entity)

    @property
    def entity_plural(self) -> str:
        return inflection.pluralize(self.entity)

    @property
    def entity_plural_snake(self) -> str:
        return inflection.underscore(self.entity_plural)

    @property
    def entity_words(self) -> str:
        return inflection.humanize(self.entity_snake).lower()

    @property
    def entity_plural_words(self) -> str:
        return inflection.humanize(self.entity_plural_snake).lower()

    @property
    def id_param(self) -> str:
        return f"{self.entity_snake}_id"

    @property
    def settings_class(self) -> str:
        return f"{self.pascal}Settings"

    @property
    def service_class(self) -> str:
        return f"{self.pascal}Service"

    @property
    def provider_base(self) -> str:
        return f"{self.pascal}Provider"

    @property
    def input_models(self) -> list[str]:
        """The domain dataclasses that carry input: a draft to create, changes to apply."""
        return [
            self.entity + suffix
            for op, suffix in (("create", "Draft"), ("update", "Changes"))
            if self.has(op)
        ]

    @property
    def domain_models(self) -> list[str]:
        """Every domain dataclass of the feature, sorted as an import line wants them."""
        return sorted([self.entity, *self.input_models])

    @property
    def signature_models(self) -> list[str]:
        """The domain dataclasses the operations' signatures name, sorted."""
        returned = [self.entity] if self.returns_items else []
        return sorted([*returned, *self.input_models])

    @property
    def needs_id(self) -> bool:
        """Whether some operation addresses one item by its id."""
        return any(self.has(op) for op in ("get", "update", "delete"))

    @property
    def has_providers(self) -> bool:
        return bool(self.providers)

    def provider_class(self, provider: str) -> str:
        """Class name of one provider plug-in ("aws" -> "AwsProvider")."""
        return f"{inflection.camelize(provider)}Provider"

    @property
    def provider_token_envs(self) -> list[str]:
        """The environment variables of the providers' API tokens, in provider order."""
        return [self.provider_token_env(provider) for provider in self.providers]

    def env(self, suffix: str) -> str:
        """Environment variable of this feature ("ENABLED" -> "INCIDENT_NOTES_ENABLED")."""
        return f"{self.upper}_{suffix}"

    def provider_token_env(self, provider: str) -> str:
        """Environment variable holding one provider's API token."""
        return self.env(f"{provider.upper()}_API_TOKEN")

    @property
    def ops(self) -> list[Operation]:
        """The selected operations, in create/get/list/update/delete order."""
        entity, one, many = self.entity, self.entity_snake, self.entity_plural_snake
        words, plural_words = self.entity_words, self.entity_plural_words
        item = f"/{{{self.id_param}}}"
        by_id = f"{self.id_param}: str"
        id_doc = (self.id_param, f"Identifier of the {words}.")
        every = {
            "create": Operation(
                "create",
                f"create_{one}",
                f"draft: {entity}Draft",
                "draft",
                entity,
                f"{one}_created",
                f"Create {with_article(words)}",
                "POST",
                "",
                201,
                (("draft", f"The {words} to create."),),
                f"The created {words}, or why it could not be created.",
                (("body", f"{entity}CreateRequest", "The request body."),),
                f"{entity}Response",
                f"The created {words}.",
            ),
            "get": Operation(
                "get",
                f"get_{one}",
                by_id,
                self.id_param,
                entity,
                f"{one}_fetched",
                f"Get one {words}",
                "GET",
                item,
                200,
                (id_doc,),
                f"The {words}, or why it could not be fetched (NOT_FOUND when it does not exist).",
                ((self.id_param, f"{entity}Id", f"Identifier of the {words}."),),
                f"{entity}Response",
                f"The {words}.",
            ),
            "list": Operation(
                "list",
                f"list_{many}",
                "limit: int",
                "limit",
                f"list[{entity}]",
                f"{many}_listed",
                f"List {plural_words}",
                "GET",
                "",
                200,
                (("limit", f"How many {plural_words} to return at most."),),
                f"Up to ``limit`` {plural_words}, or why they could not be listed.",
                (
                    (
                        "limit",
                        "PageLimit = 50",
                        f"How many {plural_words} to return at most.",
                    ),
                ),
                f"{entity}ListResponse",
                f"A page of {plural_words}.",
            ),
            "update": Operation(
                "update",
                f"update_{one}",
                f"{by_id}, changes: {entity}Changes",
                f"{self.id_param}, changes",
                entity,
                f"{one}_updated",
                f"Update {with_article(words)}",
                "PATCH",
                item,
                200,
                (id_doc, ("changes", "The fields to change.")),
                f"The updated {words}, or why it could not be updated (NOT_FOUND when it does not exist).",
                (
                    (self.id_param, f"{entity}Id", f"Identifier of the {words}."),
                    ("body", f"{entity}UpdateRequest", "The fields to change."),
                ),
                f"{entity}Response",
                f"The updated {words}.",
            ),
            "delete": Operation(
                "delete",
                f"delete_{one}",
                by_id,
                self.id_param,
                "None",
                f"{one}_deleted",
                f"Delete {with_article(words)}",
                "DELETE",
                item,
                204,
                (id_doc,),
                f"Success, or why the {words} could not be deleted (NOT_FOUND when it does not exist).",
                ((self.id_param, f"{entity}Id", f"Identifier of the {words}."),),
                "None",
                "Nothing: 204 No Content.",
            ),
        }
        return [every[verb] for verb in self.operations]

    @property
    def validators(self) -> list[str]:
        """The validation functions the service calls, sorted as an import line wants them."""
        found = []
        if self.needs_id and any(self.has(op) for op in ("get", "delete")):
            found.append(f"validate_{self.id_param}")
        if self.has("create"):
            found.append("validate_draft")
        if self.has("update"):
            found.append("validate_changes")
        if self.has("list"):
            found.append("validate_limit")
        return sorted(found)

    @property
    def returns_item(self) -> bool:
        """Whether some route answers with one item."""
        return any(self.has(op) for op in ("create", "get", "update"))

    @property
    def returns_items(self) -> bool:
        """Whether some route answers with item data (one item or a page)."""
        return self.returns_item or self.has("list")

    @property
    def response_models(self) -> list[str]:
        """The response schemas responses.py builds, sorted."""
        found = [f"{self.entity}Response"] if self.returns_items else []
        if self.has("list"):
            found.append(f"{self.entity}ListResponse")
        return sorted(found)

    @property
    def route_models(self) -> list[str]:
        """The response schemas the routes declare, sorted."""
        found = [f"{self.entity}Response"] if self.returns_item else []
        if self.has("list"):
            found.append(f"{self.entity}ListResponse")
        return sorted(found)

    @property
    def schema_models(self) -> list[str]:
        """The schemas the route handlers name, sorted."""
        found = [f"{self.entity}CreateRequest"] if self.has("create") else []
        if self.has("update"):
            found.append(f"{self.entity}UpdateRequest")
        if self.returns_item:
            found.append(f"{self.entity}Response")
        if self.has("list"):
            found.append(f"{self.entity}ListResponse")
        return sorted(found)

    @property
    def renderers(self) -> list[str]:
        """The functions of responses.py the route handlers call, sorted."""
        found = [f"render_{self.entity_snake}"] if self.returns_item else []
        if self.has("list"):
            found.append(f"render_{self.entity_plural_snake}")
        if self.has("delete"):
            found.append("raise_for_error")
        return sorted(found)

    def has(self, operation: str) -> bool:
        """Whether the feature offers ``operation``."""
        return operation in self.operations


def feature_names(context: dict[str, Any]) -> Optional[FeatureNames]:
    """Build the names of the feature described by the answers in ``context``."""
    needed = ("feature_name", "module_name", "entity_name", "operations", "providers")
    if any(key not in context for key in needed):
        return None
    providers = tuple(context["providers"] or ())
    primary = context.get("primary_provider") if len(providers) > 1 else None
    if primary not in providers:
        primary = providers[0] if providers else None
    return FeatureNames(
        title=str(context["feature_name"]),
        module=str(context["module_name"]),
        entity=str(context["entity_name"]),
        operations=tuple(
            op for op in OPERATIONS if op in (context["operations"] or ())
        ),
        providers=providers,
        primary_provider=primary,
    )


class NamesHook(ContextHook):
    """Put ``names`` (a :class:`FeatureNames`) in every template's context."""

    def hook(self, context: dict[str, Any]) -> None:
        names = feature_names(context)
        if names is not None:
            context["names"] = names


def _filters() -> Iterable[tuple[str, Any]]:
    yield from {
        "snake": snake,
        "pascal": pascal,
        "singular_pascal": singular_pascal,
        "module_name_problem": module_name_problem,
        "entity_name_problem": entity_name_problem,
        "providers_problem": providers_problem,
        "operations_problem": operations_problem,
        "one_line_problem": one_line_problem,
        "docstring": docstring,
        "pystr": pystr,
        "pydef": pydef,
        "pyline": pyline,
        "import_from": import_from,
    }.items()


class NamingFilters(Extension):
    """Register the naming and validation filters with copier's Jinja environment."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters.update(dict(_filters()))
