"""Text helpers: free text made safe for Python source, and lines laid out exactly as black does.

The generated code must pass ``black --check`` for every accepted name, and a line's
layout under black depends on its length: these helpers make the same choice black
makes, so templates stay free of per-length special cases.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

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


def _split_at_bracket(
    pad: str, head: str, body: str, tail: str, hug: bool, line_length: int
) -> str:
    """Black's split of a line at one bracket pair: ``head`` ends with the opening bracket.

    The body goes on one indented line when ``hug`` allows it and it fits; otherwise
    one item per line, each with a trailing comma.
    """
    inner = pad + " " * 4
    if hug and len(inner) + len(body) <= line_length:
        return f"{pad}{head}\n{inner}{body}\n{pad}{tail}"
    lines = "".join(f"{inner}{part},\n" for part in _split_top_level(body))
    return f"{pad}{head}\n{lines}{pad}{tail}"


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
    # Black adds a trailing comma to a lone parameter, which keeps it on its own line.
    hug = len(_split_top_level(params)) > 1
    return _split_at_bracket(pad, f"{head}(", params, f"){tail}", hug, line_length)


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
    before = head[:-1].rstrip()[-1:]
    is_literal = head[-1] == "{" or not (before.isalnum() or before in "_)]")
    # Black always explodes a collection literal that does not fit, one item per line.
    explode = is_literal and len(_split_top_level(body)) > 1
    return _split_at_bracket(pad, head, body, tail, not explode, line_length)


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
