"""Wire a freshly rendered settings slice into the host's configuration files.

Copier renders whole files only: it can write the new slice
``infrastructure/configuration/<kind>/<module>.py`` but cannot add one line to a
file the host already has. Attaching a slice to the SRE Bot needs exactly such
lines, so copier runs this script as a task after rendering::

    python wire_settings.py infrastructure/configuration/features/incident_notes.py

Everything is read from the slice file with ``ast``: the kind (its folder,
``features`` or ``integrations``), the module name (its file name), the settings
class (the one based on FeatureSettings or IntegrationSettings) and its
environment variables (``Field(default=..., alias="NAME", description=...)``).
The script then edits, relative to the current directory (the host's root):

* ``infrastructure/configuration/<kind>/__init__.py``: the import and the
  ``__all__`` entry that re-export the class;
* ``infrastructure/configuration/settings.py``: the class in the import from the
  kind's package, the attribute ``<module>: <Class>`` of class ``Settings`` and
  the entry ``"<module>": <Class>,`` of its ``settings_map`` dict;
* ``.env.example``: one commented ``NAME=value`` line per variable not there yet;
* ``requirements_dev.txt``, given ``--dev-requirements=<req> ...``: each requirement
  whose project the file does not name yet, at its end (a feature's tests need it).

Rules it keeps:

* Each edit is checked on its own and skipped when already there, so a second
  run, or a ``copier update`` bringing a new variable, only adds what is missing.
* Only the inserted lines change; the rest of each file stays byte-identical, and
  the output passes black (24.x, line length 88) whenever the input did.
* All or nothing: every new text is computed first. If a file or an anchor is
  missing, or a file is not writable, nothing is written and the edits left to
  do by hand are printed. The exit code is then still 0: copier must not stop
  half-way, and the message is the user's to-do.
* During ``copier update`` copier also runs tasks inside temporary renders
  holding no host and no ``.git``; there the script does nothing, silently.

Standard library only, Python 3.9+: copier runs it with its own interpreter.
"""

from __future__ import annotations

import ast
import bisect
import importlib.util
import os
import re
import stat
import sys
import tempfile
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from git_tree import inside_git_work_tree

LINE_LENGTH = 88  # black's default, which the host uses
INDENT = "    "
KINDS = ("features", "integrations")
BASE_CLASSES = ("FeatureSettings", "IntegrationSettings")
SECRET_TYPES = ("SecretStr", "SecretBytes")
SECRET_NOTE = "Secret: never commit a real value."
SETTINGS_FILE = "infrastructure/configuration/settings.py"
ENV_EXAMPLE_FILE = ".env.example"
DEV_REQUIREMENTS_FILE = "requirements_dev.txt"
USAGE = (
    "usage: wire_settings.py infrastructure/configuration/<kind>/<module>.py"
    " [--dev-requirements='<requirement> ...']"
)


class InvalidSlice(Exception):
    """The slice file given on the command line cannot be wired."""


class MissingAnchor(Exception):
    """A host file lacks the place where an edit goes; the message says which."""


@dataclass(frozen=True)
class EnvVariable:
    """One environment variable a slice reads."""

    name: str
    default: object  # the literal default; None when absent, required or not literal
    description: str
    secret: bool


@dataclass(frozen=True)
class SettingsSlice:
    """What the wiring needs to know about a rendered slice file."""

    kind: str  # "features" or "integrations"
    module: str  # file stem, also the attribute name on Settings
    class_name: str
    variables: tuple[EnvVariable, ...]

    @property
    def package(self) -> str:
        """The package re-exporting the slices of this kind."""
        return f"infrastructure.configuration.{self.kind}"

    @property
    def source_path(self) -> str:
        """The slice file, relative to the host's root."""
        return f"infrastructure/configuration/{self.kind}/{self.module}.py"


@dataclass(frozen=True)
class Edit:
    """One idempotent change to one host file.

    ``apply`` returns the text unchanged when the edit is already there and
    raises MissingAnchor when the file has no place for it.
    """

    path: str
    todo: str  # where it goes and the exact line, for someone doing it by hand
    apply: Callable[[str], str]


@dataclass(frozen=True)
class Pending:
    """An edit that changes its file, and why it cannot be written (if so)."""

    edit: Edit
    problem: str = ""

    def describe(self) -> str:
        """One line for the user: the file, the problem if any, what to add."""
        problem = f"{self.problem}; " if self.problem else ""
        return f"{self.edit.path}: {problem}add by hand {self.edit.todo}"


# --- Reading the slice ----------------------------------------------------------------


def read_slice(path: Path) -> SettingsSlice:
    """Read and parse the rendered slice file given on the command line."""
    kind, module = path.parent.name, path.stem
    if kind not in KINDS or path.suffix != ".py" or not module.isidentifier():
        raise InvalidSlice(
            f"{path} is not infrastructure/configuration/<kind>/<module>.py"
        )
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidSlice(f"cannot read the slice file {path}: {error.strerror}")
    try:
        return parse_slice(source, kind, module)
    except SyntaxError as error:
        raise InvalidSlice(f"{path} is not valid Python (line {error.lineno})")
    except InvalidSlice as error:
        raise InvalidSlice(f"{path}: {error}")


def parse_slice(source: str, kind: str, module: str) -> SettingsSlice:
    """Find the settings class of a slice's source and the variables it reads."""
    classes = [
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.ClassDef)
        and any(_simple_name(base) in BASE_CLASSES for base in node.bases)
    ]
    if len(classes) != 1:
        found = "no class" if not classes else "more than one class"
        raise InvalidSlice(f"{found} based on {' or '.join(BASE_CLASSES)}")
    variables = []
    for statement in classes[0].body:
        variable = _env_variable(statement)
        if variable is not None:
            variables.append(variable)
    return SettingsSlice(kind, module, classes[0].name, tuple(variables))


def _env_variable(statement: ast.stmt) -> EnvVariable | None:
    """The variable declared by ``NAME: type = Field(..., alias="NAME")``, if any."""
    if not (
        isinstance(statement, ast.AnnAssign)
        and isinstance(statement.value, ast.Call)
        and _simple_name(statement.value.func) == "Field"
    ):
        return None
    call = statement.value
    keywords = {keyword.arg: keyword.value for keyword in call.keywords if keyword.arg}
    alias = _literal(keywords.get("alias"))
    if not isinstance(alias, str):
        return None
    default_node = keywords.get("default", call.args[0] if call.args else None)
    description = _literal(keywords.get("description"))
    annotation = ast.unparse(statement.annotation)
    return EnvVariable(
        name=alias,
        default=_literal(default_node),
        description=(
            " ".join(description.split()) if isinstance(description, str) else ""
        ),
        secret=any(secret_type in annotation for secret_type in SECRET_TYPES),
    )


def _literal(node: ast.expr | None) -> object:
    """The value of a literal expression; None when absent, ``...`` or not a literal."""
    if node is None:
        return None
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return None
    return None if value is Ellipsis else value


def _simple_name(node: ast.AST) -> str:
    """``Field`` for both ``Field`` and ``pydantic.Field``; "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


# --- Planning the edits ---------------------------------------------------------------


def plan_edits(
    slice_: SettingsSlice, dev_requirements: Sequence[str] = ()
) -> list[Edit]:
    """Every edit that wires the slice, in the order files are reported."""
    package_init = f"infrastructure/configuration/{slice_.kind}/__init__.py"
    edits = [
        Edit(
            package_init,
            f"after the last import: `from {slice_.package}.{slice_.module}"
            f" import {slice_.class_name}`",
            partial(add_package_import, slice_=slice_),
        ),
        Edit(
            package_init,
            f'to __all__: `"{slice_.class_name}",`',
            partial(add_to_all, class_name=slice_.class_name),
        ),
        Edit(
            SETTINGS_FILE,
            f"the import: `from {slice_.package} import {slice_.class_name}`",
            partial(add_settings_import, slice_=slice_),
        ),
        Edit(
            SETTINGS_FILE,
            f"to class Settings: `{slice_.module}: {slice_.class_name}`",
            partial(add_settings_attribute, slice_=slice_),
        ),
        Edit(
            SETTINGS_FILE,
            f"to settings_map in Settings.__init__:"
            f' `"{slice_.module}": {slice_.class_name},`',
            partial(add_settings_map_entry, slice_=slice_),
        ),
    ]
    for variable in slice_.variables:
        edits.append(
            Edit(
                ENV_EXAMPLE_FILE,
                f"the line `{variable.name}={render_env_value(variable)}`",
                partial(add_env_variable, slice_=slice_, variable=variable),
            )
        )
    for requirement in dev_requirements:
        edits.append(
            Edit(
                DEV_REQUIREMENTS_FILE,
                f"the line `{requirement}`",
                partial(add_requirement, requirement=requirement),
            )
        )
    return edits


def _project(line: str) -> str:
    """The project a requirement line names, normalised (``moto[dynamodb]==5`` -> moto)."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
    return re.sub(r"[-_.]+", "-", match[1]).lower() if match else ""


def add_requirement(text: str, requirement: str) -> str:
    """Append ``requirement`` to a requirements file that names no version of its project."""
    if any(_project(line) == _project(requirement) for line in text.splitlines()):
        return text
    newline = _newline_of(text)
    ending = "" if not text or text.endswith(("\n", "\r")) else newline
    return f"{text}{ending}{requirement}{newline}"


def apply_edits(
    edits: Sequence[Edit], texts: Mapping[str, str | None]
) -> tuple[dict[str, str], list[Pending]]:
    """Apply the edits to the host files' texts, without touching the disk.

    Args:
        edits: The edits, applied in order, each to the result of the previous
            ones on the same file.
        texts: Each file's current text, None when the file cannot be read.

    Returns:
        The new text of every file that changes, and every edit that changes
        something, with the problem that prevents it (empty if none).
    """
    new_texts: dict[str, str] = {}
    pending: list[Pending] = []
    for edit in edits:
        text = new_texts.get(edit.path, texts[edit.path])
        if text is None:
            pending.append(Pending(edit, "file missing or unreadable"))
            continue
        try:
            edited = edit.apply(text)
        except MissingAnchor as error:
            pending.append(Pending(edit, str(error)))
            continue
        except (SyntaxError, ValueError) as error:  # ValueError: e.g. a NUL byte
            pending.append(Pending(edit, f"cannot be parsed ({error})"))
            continue
        if edited != text:
            new_texts[edit.path] = edited
            pending.append(Pending(edit))
    return new_texts, pending


# --- infrastructure/configuration/<kind>/__init__.py ----------------------------------


def add_package_import(text: str, slice_: SettingsSlice) -> str:
    """Import the slice class in its package, after the last top-level import."""
    tree = ast.parse(text)
    if slice_.class_name in _imported_names(tree):
        return text
    statement = _extension("imports").import_from(
        [slice_.class_name], f"{slice_.package}.{slice_.module}"
    )
    return _insert_lines(text, _import_insertion_line(tree), statement.split("\n"))


def add_to_all(text: str, class_name: str) -> str:
    """Add the class name to ``__all__``, in sorted position if it is sorted."""
    tree = ast.parse(text)
    collection = None
    for node in tree.body:
        collection = _assigned_value(node, "__all__") or collection
    if not isinstance(collection, (ast.List, ast.Tuple)):
        raise MissingAnchor("no `__all__ = [...]` list or tuple")
    entries = [_literal(element) for element in collection.elts]
    if class_name in entries:
        return text
    names = [entry for entry in entries if isinstance(entry, str)]
    index = len(entries)
    if names == entries and names == sorted(names):
        index = bisect.bisect(names, class_name)
    return _add_to_collection(text, collection, f'"{class_name}"', index)


# --- infrastructure/configuration/settings.py -----------------------------------------


def add_settings_import(text: str, slice_: SettingsSlice) -> str:
    """Import the slice class from its package, joining an existing import of it."""
    tree = ast.parse(text)
    if slice_.class_name in _imported_names(tree):
        return text
    lines = _split_lines(text)
    mergeable = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        and node.level == 0
        and node.module == slice_.package
        and all(alias.name != "*" for alias in node.names)
        # Rewriting the statement would drop a comment inside it.
        and not any("#" in line for line in lines[slice(*_line_range(node))])
    ]
    if not mergeable:
        statement = _extension("imports").import_from(
            [slice_.class_name], slice_.package
        )
        anchor = _import_insertion_line(tree, within="infrastructure")
        return _insert_lines(text, anchor, statement.split("\n"))
    merged = mergeable[-1]
    names = [
        alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"
        for alias in merged.names
    ]
    plain = [alias.name for alias in merged.names]
    index = (
        bisect.bisect(plain, slice_.class_name)
        if plain == sorted(plain)
        else len(names)
    )
    names.insert(index, slice_.class_name)
    top, bottom = _line_range(merged)
    # An import already spread over several lines stays so (black keeps it too).
    statement = _extension("imports").import_from(
        names, slice_.package, exploded=bottom - top > 1
    )
    eol = _newline_of(text)
    lines[top:bottom] = [line + eol for line in statement.split("\n")]
    return "".join(lines)


def add_settings_attribute(text: str, slice_: SettingsSlice) -> str:
    """Declare ``<module>: <Class>`` on Settings, after the last slice of its kind."""
    settings = _settings_class(ast.parse(text))
    attributes = [node for node in settings.body if isinstance(node, ast.AnnAssign)]
    if any(_simple_name(node.target) == slice_.module for node in attributes):
        return text
    if not attributes:
        raise MissingAnchor("class Settings has no annotated attribute to add it after")
    same_kind = _names_imported_from(ast.parse(text), slice_.package)
    anchor = attributes[-1]
    for attribute in attributes:
        if {_simple_name(node) for node in ast.walk(attribute.annotation)} & same_kind:
            anchor = attribute
    indent = " " * anchor.col_offset
    new_lines = [f"{indent}{slice_.module}: {slice_.class_name}"]
    wrapped = f"{indent}{INDENT}{slice_.class_name}"
    if len(new_lines[0]) > LINE_LENGTH and len(wrapped) <= LINE_LENGTH:
        # black 24 wraps a long annotation in parentheses when that makes it fit.
        new_lines = [f"{indent}{slice_.module}: (", wrapped, f"{indent})"]
    return _insert_lines(text, anchor.end_lineno or anchor.lineno, new_lines)


def add_settings_map_entry(text: str, slice_: SettingsSlice) -> str:
    """Add ``"<module>": <Class>,`` as the last entry of the ``settings_map`` dict."""
    settings = _settings_class(ast.parse(text))
    mapping = None
    for node in ast.walk(settings):
        mapping = _assigned_value(node, "settings_map") or mapping
    if not isinstance(mapping, ast.Dict):
        raise MissingAnchor("no `settings_map = {...}` dict in class Settings")
    if slice_.module in [_literal(key) for key in mapping.keys]:
        return text
    entry = f'"{slice_.module}": {slice_.class_name}'
    return _add_to_collection(text, mapping, entry, len(mapping.keys))


def _settings_class(tree: ast.Module) -> ast.ClassDef:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Settings":
            return node
    raise MissingAnchor("no class Settings")


# --- .env.example ---------------------------------------------------------------------


def add_env_variable(text: str, slice_: SettingsSlice, variable: EnvVariable) -> str:
    """Document one variable in .env.example, unless its ``NAME=`` is there already.

    Variables go into the slice's block, headed by a comment naming the class and
    its file; the block is appended, after one blank line, if it is not there.
    """
    assignment = (
        rf"^[ \t]*(?:#[ \t]*)?(?:export[ \t]+)?{re.escape(variable.name)}[ \t]*="
    )
    if re.search(assignment, text, flags=re.MULTILINE):
        return text
    header = env_block_header(slice_)
    comment = variable.description
    if variable.secret:
        comment = f"{comment} {SECRET_NOTE}".strip()
    new_lines = [f"# {comment}"] if comment else []
    new_lines.append(f"{variable.name}={render_env_value(variable)}")
    lines = _split_lines(text)
    stripped = [line.strip() for line in lines]
    if header in stripped:
        block_end = stripped.index(header) + 1
        while block_end < len(lines) and stripped[block_end]:
            block_end += 1
        return _insert_lines(text, block_end, new_lines)
    while lines and not lines[-1].strip():
        lines.pop()  # trailing blank lines: the block is separated by exactly one
    separator = [""] if lines else []
    return _insert_lines("".join(lines), len(lines), separator + [header] + new_lines)


def env_block_header(slice_: SettingsSlice) -> str:
    """The comment heading a slice's block in .env.example."""
    return f"# {slice_.class_name} ({slice_.source_path})"


def render_env_value(variable: EnvVariable) -> str:
    """The default as written in a .env file: secrets and None stay empty."""
    value = variable.default
    if variable.secret or value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        if re.search(r"[\s#'\"\\$]", value):
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
        return value
    return ""  # collections and other literals: left to the user


# --- Text and syntax-tree helpers -----------------------------------------------------


def _imported_names(tree: ast.Module) -> set[str]:
    """Names bound by the module's top-level imports."""
    return {
        alias.asname or alias.name.split(".")[0]
        for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }


def _names_imported_from(tree: ast.Module, package: str) -> set[str]:
    """Names imported at top level from ``package`` or one of its modules."""
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and _imports_from(node, package)
        for alias in node.names
    }


def _imports_from(node: ast.ImportFrom, package: str) -> bool:
    """Whether it is ``from <package> import ...`` or ``from <package>.<x> import``."""
    module = node.module or ""
    return node.level == 0 and (module == package or module.startswith(package + "."))


def _import_insertion_line(tree: ast.Module, within: str = "") -> int:
    """The line after which a new import goes (0: the top of the file).

    After the last top-level import from package ``within`` if there is one,
    else after the last top-level import, else after the module docstring.
    """
    imports = [
        node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))
    ]
    preferred = [
        node
        for node in imports
        if within and isinstance(node, ast.ImportFrom) and _imports_from(node, within)
    ]
    anchors = preferred or imports
    if anchors:
        return anchors[-1].end_lineno or 0
    if tree.body and isinstance(tree.body[0], ast.Expr):
        if isinstance(tree.body[0].value, ast.Constant):
            return tree.body[0].end_lineno or 0
    return 0


def _assigned_value(node: ast.AST, name: str) -> ast.expr | None:
    """The value of ``name = value`` or ``name: type = value``; None for other nodes."""
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign):
        targets = [node.target]
    else:
        return None
    if any(isinstance(target, ast.Name) and target.id == name for target in targets):
        return node.value
    return None


def _add_to_collection(text: str, node: ast.expr, entry: str, index: int) -> str:
    """Insert the source ``entry`` as element ``index`` of a list, tuple or dict.

    A collection laid out one element per line gets one new line, indented like
    its elements; any other layout is rewritten the way black would write it.
    """
    elements = _element_spans(node)
    lines = _split_lines(text)
    closing_line = node.end_lineno or node.lineno
    # Each element starts below the line where the previous one (or the opening
    # bracket) ends, and the closing bracket sits below the last one.
    previous_ends = [node.lineno] + [end for _, end, _ in elements]
    next_starts = [start for start, _, _ in elements] + [closing_line]
    one_per_line = bool(elements) and all(
        end < start for end, start in zip(previous_ends, next_starts)
    )
    if not one_per_line:
        return _rewrite_collection(text, node, entry, index)
    new_line = _indentation(lines[elements[0][0] - 1]) + entry + ","
    _, last_end_line, last_end_col = elements[-1]
    last = lines[last_end_line - 1]
    column = _char_column(last, last_end_col)
    if not last[column:].lstrip().startswith(","):  # no trailing comma: add one
        lines[last_end_line - 1] = last[:column] + "," + last[column:]
    insert_before = elements[index][0] if index < len(elements) else closing_line
    return _insert_lines("".join(lines), insert_before - 1, [new_line])


def _rewrite_collection(text: str, node: ast.expr, entry: str, index: int) -> str:
    """Rewrite a collection with one more element, on one line if it fits."""
    lines = _split_lines(text)
    top, bottom = _line_range(node)
    start = _char_column(lines[top], node.col_offset)
    end = _char_column(lines[bottom - 1], node.end_col_offset or 0)
    prefix, suffix = lines[top][:start], lines[bottom - 1][end:]
    opening, closing = ("{", "}") if isinstance(node, ast.Dict) else ("[", "]")
    if isinstance(node, ast.Tuple):
        opening, closing = ("(", ")")
    elements = _element_sources(text, node)
    elements.insert(index, entry)
    single = opening + ", ".join(elements)
    single += ",)" if isinstance(node, ast.Tuple) and len(elements) == 1 else closing
    if len((prefix + single + suffix).rstrip("\r\n")) <= LINE_LENGTH:
        replacement = single
    else:
        eol = _newline_of(text)
        indent = _indentation(prefix)
        body = "".join(f"{indent}{INDENT}{element},{eol}" for element in elements)
        replacement = f"{opening}{eol}{body}{indent}{closing}"
    lines[top:bottom] = [prefix + replacement + suffix]
    return "".join(lines)


def _element_spans(node: ast.expr) -> list[tuple[int, int, int]]:
    """(first line, last line, end column in bytes) of each element."""
    if isinstance(node, ast.Dict):
        pairs = list(zip(node.keys, node.values))
        return [
            ((key or value).lineno, value.end_lineno or 0, value.end_col_offset or 0)
            for key, value in pairs
        ]
    elements = node.elts if isinstance(node, (ast.List, ast.Tuple)) else []
    return [(e.lineno, e.end_lineno or 0, e.end_col_offset or 0) for e in elements]


def _element_sources(text: str, node: ast.expr) -> list[str]:
    """The source text of each element (``key: value`` for a dict)."""

    def source(element: ast.expr) -> str:
        return ast.get_source_segment(text, element) or ""

    if isinstance(node, ast.Dict):
        return [
            f"{source(key)}: {source(value)}" if key else f"**{source(value)}"
            for key, value in zip(node.keys, node.values)
        ]
    elements = node.elts if isinstance(node, (ast.List, ast.Tuple)) else []
    return [source(element) for element in elements]


def _line_range(node: ast.stmt | ast.expr) -> tuple[int, int]:
    """The node's lines as slice bounds of a list of lines: ``lines[top:bottom]``."""
    return node.lineno - 1, node.end_lineno or node.lineno


def _indentation(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, split only at "\\n" (as the parser counts them)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def _newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _char_column(line: str, byte_column: int) -> int:
    """ast columns count UTF-8 bytes; string slicing counts characters."""
    return len(line.encode("utf-8")[:byte_column].decode("utf-8", errors="ignore"))


def _insert_lines(text: str, after_line: int, new_lines: Sequence[str]) -> str:
    """Insert lines (given without endings) after line ``after_line`` (1-based)."""
    eol = _newline_of(text)
    lines = _split_lines(text)
    if after_line > 0 and not lines[after_line - 1].endswith("\n"):
        lines[after_line - 1] += eol  # the file ended without a newline
    lines[after_line:after_line] = [line + eol for line in new_lines]
    return "".join(lines)


# --- The command ----------------------------------------------------------------------


def is_writable(path: Path) -> bool:
    """Whether the file can be replaced: a temporary file goes in its folder."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def read_host_file(path: Path) -> str | None:
    """The file's text, None if it cannot be read; any bytes survive the round trip."""
    try:
        return path.read_bytes().decode("utf-8", errors="surrogateescape")
    except OSError:
        return None


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step, keeping its permission bits."""
    mode = stat.S_IMODE(path.stat().st_mode)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8", errors="surrogateescape"))
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


WIRING_TASK = "T102"


def _extension(name: str) -> Any:
    """A standard-library-only module of the template's helpers (``extensions/<name>.py``).

    The plan's task format and the import statements' layout live there once; the task loads them by
    path because ``extensions`` is a package copier loads under a name of its own.
    """
    if name not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "extensions" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name]


def reopen_plan_task(root: Path, slice_: SettingsSlice) -> str:
    """Untick the plan's wiring task when the wiring could not be made.

    The plan (``<kind's package folder>/<module>/PLAN.md``) is generated with the task
    ticked; a ticked task whose check fails would fail the plan's test, and the work is
    in fact left to do by hand. Returns the plan's path when it changed it, else "".
    """
    folder = "modules" if slice_.kind == "features" else "integrations"
    plan = root / folder / slice_.module / "PLAN.md"
    if not plan.is_file():
        return ""
    text = plan.read_text()
    reopened = _extension("planfile").reopen(text, WIRING_TASK)
    if reopened == text:
        return ""
    write_atomically(plan, reopened)
    return str(plan.relative_to(root))


def main(argv: Sequence[str] | None = None) -> int:
    """Wire the slice named on the command line into the host in the current folder."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    root = Path.cwd()
    updating = os.environ.get("COPIER_OPERATION") == "update"
    if updating and not inside_git_work_tree(root):
        return 0  # a temporary render made by `copier update`: no host here
    # copier passes an empty argument where a feature adds no requirement.
    options = [argument for argument in arguments[1:] if argument]
    prefix = "--dev-requirements="
    if len(arguments) < 1 or any(not option.startswith(prefix) for option in options):
        print(USAGE, file=sys.stderr)
        return 2
    dev_requirements = [
        requirement
        for option in options
        for requirement in option.removeprefix(prefix).split()
    ]
    try:
        slice_ = read_slice(Path(arguments[0]))
    except InvalidSlice as error:
        print(f"wire_settings: {error}", file=sys.stderr)
        return 2

    edits = plan_edits(slice_, dev_requirements)
    paths = dict.fromkeys(edit.path for edit in edits)  # each file once, in order
    texts = {path: read_host_file(root / path) for path in paths}
    new_texts, pending = apply_edits(edits, texts)
    for index, item in enumerate(pending):
        if not item.problem and not is_writable(root / item.edit.path):
            pending[index] = replace(item, problem="not writable")
    if any(item.problem for item in pending):
        print(
            f"wire_settings: {slice_.class_name} was NOT wired, nothing was written."
            " Make these edits by hand:",
            file=sys.stderr,
        )
        for item in pending:
            print(f"  {item.describe()}", file=sys.stderr)
        reopened = reopen_plan_task(root, slice_)
        if reopened:
            print(f"  the plan keeps this as an open task: {reopened}", file=sys.stderr)
        return 0
    if not new_texts:
        print(f"{slice_.class_name} already wired")
        return 0
    # The class once, then one file a line: each line fits an 80-column terminal.
    print(f"wired {slice_.class_name} into:")
    for path, text in new_texts.items():
        write_atomically(root / path, text)
        print(f"    {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
