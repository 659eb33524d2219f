"""Text helpers: free text made safe for Python source, and lines laid out exactly as black does.

The generated code must pass ``black --check`` for every accepted name, and a line's
layout under black depends on its length: these helpers make the same choice black
makes, so templates stay free of per-length special cases.
"""

from __future__ import annotations

import ast
import io
import json
import keyword
import re
import tokenize
from typing import Any

from .imports import import_from, member_key

_OPEN, _CLOSE = "([{", ")]}"
# A line of an import statement, or of the parenthesised names of one.
_IMPORT_LINE = re.compile(r"^(from \S+ import |import \S|\s+\w+,$|\)$)")
_LAYOUT_TOKENS = (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.COMMENT)
# Characters str.splitlines() breaks on besides \n and \r; black reads docstrings with it.
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Characters that start Markdown syntax inside a line; a backslash makes each literal.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!&{}])")
# Characters that start a block (list, heading, quote, rule) at the beginning of a line.
_MD_LINE_START = re.compile(r"^(\s*)(\d+(?=[.)])|)([-+=>.)])")


def _code(char: str) -> str:
    """A character as a Python escape sequence."""
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def docstring(text: Any) -> str:
    """Escape free text so it reads back exactly from inside a triple-quoted docstring.

    Quotes, backslashes, tabs and line breaks (including the ones only ``str.splitlines``
    knows) become escapes, and so does whitespace at either end, which black would
    otherwise strip from the docstring's line.
    """
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")
    escaped = "".join(_code(char) if char in _LINE_BREAKS else char for char in escaped)
    return re.sub(
        r"^\s+|\s+$", lambda match: "".join(map(_code, match.group())), escaped
    )


def _tokens(text: str) -> list[tokenize.TokenInfo]:
    """The tokens of one line of code (a statement, or one element of an exploded list)."""
    return list(tokenize.generate_tokens(io.StringIO(text + "\n").readline))


def _matching(tokens: list[tokenize.TokenInfo], index: int, step: int) -> int:
    """The index of the bracket that matches the one at ``index``, searching by ``step``."""
    depth = 0
    while True:
        token = tokens[index]
        if token.type == tokenize.OP and token.string in _OPEN + _CLOSE:
            depth += 1 if (token.string in _OPEN) == (step > 0) else -1
            if depth == 0:
                return index
        index += step


def _items(
    text: str, start: int, end: int, tokens: list[tokenize.TokenInfo]
) -> list[str]:
    """The comma-separated items of ``text[start:end]``, split at its top-level commas only."""
    cuts, depth = [], 0
    for token in tokens:
        column = token.start[1]
        if not start <= column < end or token.type != tokenize.OP:
            continue
        depth += token.string in _OPEN
        depth -= token.string in _CLOSE
        if token.string == "," and depth == 0:
            cuts.append(column)
    bounds = [start, *(cut + 1 for cut in cuts), end]
    parts = [
        text[a:b].strip().removesuffix(",").strip() for a, b in zip(bounds, bounds[1:])
    ]
    return [part for part in parts if part]


def _clauses(
    text: str, start: int, end: int, tokens: list[tokenize.TokenInfo]
) -> list[str]:
    """A comprehension in ``text[start:end]`` cut before its top-level ``for`` and ``if``.

    Black lays out a comprehension too long for one line as its element, then each
    clause on a line of its own. Anything else is one clause.
    """
    cuts, depth = [], 0
    for token in tokens:
        column = token.start[1]
        if not start <= column < end:
            continue
        if token.type == tokenize.OP:
            depth += token.string in _OPEN
            depth -= token.string in _CLOSE
        elif (
            token.type == tokenize.NAME and depth == 0 and token.string in ("for", "if")
        ):
            if token.string == "for" or cuts:
                cuts.append(column)
    bounds = [start, *cuts, end]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


def layout_line(line: str, line_length: int = 88) -> str:
    """Lay out one over-long line of code as black does; a line that fits is returned as it is.

    A ``def`` (or ``class``) line splits at its parameters' brackets; any other line
    that ends in a closing bracket (and maybe ``,`` or ``:``) splits at that bracket.
    The content goes on one indented line when it fits, otherwise one item per line
    with a trailing comma; black always puts a lone parameter of a ``def`` on a line of
    its own with a trailing comma, and explodes a collection literal of several items.
    A comprehension is one item, split before its ``for`` and ``if`` when it does not
    fit; a lone item too long for its line is laid out again, as is each exploded item.
    Other lines are returned unchanged.
    """
    if len(line) <= line_length:
        return line
    pad = line[: len(line) - len(line.lstrip())]
    text = line.strip()
    try:
        tokens = [t for t in _tokens(text) if t.type not in _LAYOUT_TOKENS]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return line
    brackets = [
        i
        for i, t in enumerate(tokens)
        if t.type == tokenize.OP and t.string in _OPEN + _CLOSE
    ]
    if not brackets:
        return line
    words = [t.string for t in tokens[:2]]
    is_def = words[:1] in (["def"], ["class"]) or words == ["async", "def"]
    if is_def:
        opening = brackets[0]
        closing = _matching(tokens, opening, 1)
    else:
        closing = len(tokens) - 1
        while closing >= 0 and tokens[closing].string in (",", ":"):
            closing -= 1
        if closing < 0 or tokens[closing].string not in _CLOSE:
            return line
        opening = _matching(tokens, closing, -1)
    open_at, close_at = tokens[opening].start[1], tokens[closing].start[1]
    head, tail = text[: open_at + 1], text[close_at:]
    clauses = _clauses(text, open_at + 1, close_at, tokens)
    if len(clauses) > 1:  # a comprehension: one item, whatever commas its parts hold
        items = [text[open_at + 1 : close_at].strip()]
    else:
        items = _items(text, open_at + 1, close_at, tokens)
    previous = tokens[opening - 1] if opening else None
    is_literal = head[-1] == "{" or not (
        previous is not None
        and (
            (previous.type == tokenize.NAME and not keyword.iskeyword(previous.string))
            or previous.string in (")", "]")
        )
    )
    hug = len(items) > 1 if is_def else not (is_literal and len(items) > 1)
    inner = pad + " " * 4
    body = ", ".join(items)
    if hug and len(inner) + len(body) <= line_length:
        return f"{pad}{head}\n{inner}{body}\n{pad}{tail}"
    if len(clauses) > 1:
        lines = "".join(
            f"{layout_line(inner + clause, line_length)}\n" for clause in clauses
        )
        return f"{pad}{head}\n{lines}{pad}{tail}"
    if hug and len(items) == 1 and not is_def:
        # One argument too long for its line: black splits it in turn, adding no comma.
        return f"{pad}{head}\n{layout_line(inner + body, line_length)}\n{pad}{tail}"
    lines = "".join(
        f"{layout_line(inner + item + ',', line_length)}\n" for item in items
    )
    return f"{pad}{head}\n{lines}{pad}{tail}"


def python(source: str, line_length: int = 88) -> str:
    """Generated Python, finished as black would leave it where names decide the layout.

    Templates hold the code literally, as one would write it on one line; this filter
    (``{% filter python %}``) drops the names a file imports but never uses (a template
    imports what any set of answers may need), writes each ``from ... import`` with its
    names sorted as isort sorts them (:func:`imports.member_key`), on one line or
    exploded as black does, and lays out each over-long line with :func:`layout_line`.
    Lines inside strings are left alone. The source is parsed once.
    """
    tree = ast.parse(source)
    used, inside_strings = _names_and_string_lines(tree)
    imports = [
        node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))
    ]
    import_lines = {
        number
        for node in imports
        for number in range(node.lineno, (node.end_lineno or node.lineno) + 1)
    }
    # One entry per line of the source, so the imports' line numbers stay valid.
    lines = source.split("\n")
    kept_as_is = inside_strings | import_lines
    for number, line in enumerate(lines, start=1):
        if len(line) > line_length and number not in kept_as_is:
            lines[number - 1] = layout_line(line, line_length)
    for node in reversed(imports):
        start, end = node.lineno - 1, node.end_lineno or node.lineno
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            kept = [
                a.name + (f" as {a.asname}" if a.asname else "")
                for a in node.names
                if (a.asname or a.name) in used
            ]
            module = "." * node.level + (node.module or "")
            lines[start:end] = (
                [import_from(sorted(set(kept), key=member_key), module, line_length)]
                if kept
                else []
            )
        elif isinstance(node, ast.Import):
            kept_names = [
                a for a in node.names if (a.asname or a.name).split(".")[0] in used
            ]
            if not kept_names:
                lines[start:end] = []
    return _tidy_import_block("\n".join(lines), imports[0].lineno if imports else 0)


def _names_and_string_lines(tree: ast.Module) -> tuple[set[str], set[int]]:
    """The names the module uses without defining them, and the lines inside strings.

    A name the module defines itself is not imported (the definition would hide it);
    the names ``__all__`` lists count as used. A line inside a string is one that
    continues a string begun on an earlier line.
    """
    used: set[str] = set()
    inside: set[int] = set()
    # ast.walk, unrolled: the filter runs on every generated file, and this walk is
    # most of its time.
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        if not isinstance(node, ast.AST):
            continue  # the strings of Global.names, the None of a ** in a dict
        if isinstance(node, ast.Name):
            used.add(node.id)
            continue
        if isinstance(node, (ast.Constant, ast.JoinedStr)) and node.end_lineno:
            if node.end_lineno > node.lineno:
                inside.update(range(node.lineno + 1, node.end_lineno + 1))
        for value in vars(node).values():
            if isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, ast.AST):
                stack.append(value)
    defined: set[str] = set()
    listed: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {target.id for target in targets if isinstance(target, ast.Name)}
            defined |= names
            if "__all__" in names and isinstance(node.value, (ast.List, ast.Tuple)):
                listed |= {
                    str(element.value)
                    for element in node.value.elts
                    if isinstance(element, ast.Constant)
                }
    return (used - defined) | listed, inside


def _tidy_import_block(source: str, first: int) -> str:
    """Collapse the blank lines left where whole groups of imports were dropped."""
    if not first:
        return source
    lines = source.split("\n")
    head, rest = lines[: first - 1], lines[first - 1 :]
    end = 0
    for index, line in enumerate(rest):
        if line.strip() and not _IMPORT_LINE.match(line):
            end = index
            break
    block, code = rest[:end], rest[end:]
    gap = len(block) - len("\n".join(block).rstrip("\n").split("\n")) if block else 0
    kept: list[str] = []
    for line in block:
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    if not kept:
        # Every import was dropped: the blank line before them already parts the code.
        gap = 0
    return "\n".join(head + kept + [""] * gap + code)


def yaml_str(text: Any) -> str:
    """Text as one double-quoted YAML scalar that reads back exactly.

    A JSON string is a YAML double-quoted scalar; letters stay as they are, and the
    no-break spaces French puts before a colon are written ``\\u00a0``, so a reviewer sees them.
    """
    return json.dumps(str(text), ensure_ascii=False).replace("\u00a0", "\\u00a0")


def pystr(text: Any) -> str:
    """Render free text as a Python string literal, with the quotes black would choose.

    Black prefers double quotes, but switches a string to single quotes when that needs
    fewer backslashes (text holding double quotes and no single ones).
    """
    double = json.dumps(str(text), ensure_ascii=False)
    body = double[1:-1]
    single = body.replace('\\"', '"').replace("'", "\\'")
    if single.count("\\") < body.count("\\"):
        return f"'{single}'"
    return double


def md(text: Any) -> str:
    """Free text as one line of Markdown that renders literally (tables, list items, headings).

    Markdown's special characters are backslash-escaped and line breaks become spaces,
    so no answer can open a table cell, a list, a link or raw HTML.
    """
    flat = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), escaped
    )


def md_block(text: Any) -> str:
    """Free text as Markdown paragraphs that render literally.

    Blank lines separate paragraphs; every line is escaped like :func:`md`, so no line
    can start a list, a heading, a quote or a code block.
    """
    paragraphs = [
        block for block in re.split(r"\n\s*\n", str(text).strip()) if block.strip()
    ]
    return "\n\n".join(
        "\n".join(md(line) for line in block.splitlines() if line.strip())
        for block in paragraphs
    )


# The width of the terminal the closing messages are written for.
TERMINAL_WIDTH = 80


def shell_lines(command: str, indent: int = 4, width: int = TERMINAL_WIDTH) -> str:
    """``command`` laid out within ``width`` columns, each line indented by ``indent``.

    Its arguments (paths and flags, none holding a space) fill each line and continue
    on the next after a ``\\``; a trailing ``  # comment`` that does not fit goes on
    its own line above. Every line still pastes into a shell as it is.
    """
    code, _, comment = command.partition("  # ")
    first, *arguments = code.split(" ")
    lines = [" " * indent + first]
    for argument in arguments:
        if len(lines[-1]) + len(argument) + len(" \\") + 1 <= width:
            lines[-1] += " " + argument
        else:
            lines[-1] += " \\"
            lines.append(" " * (indent + 4) + argument)
    if comment and len(lines[-1]) + len(comment) + 4 <= width:
        lines[-1] += "  # " + comment
    elif comment:
        lines.insert(0, f"{' ' * indent}# {comment}")
    return "\n".join(lines)
