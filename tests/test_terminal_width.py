"""Every question and the closing message readable in full in an 80-column terminal.

copier prints a question's help as the first lines of its prompt, and the terminal cuts
a line at its width: the help is written in lines that fit. Each run answers every
question a person is asked in a real terminal 80 columns wide, emulated by pyte, and
checks that each help is on the screen whole, line after line; then that no line of the
closing message is wider than the terminal, so none wraps mid-word.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pexpect
import pyte
import pytest

import hosts
from support import PYTHON, ROOT, fresh_host, question_help

pytestmark = pytest.mark.slow

COLUMNS, ROWS = 80, 400
DOWN, ENTER, CLEAR_LINE, SUBMIT_MULTILINE = "\x1b[B", "\r", "\x15", "\x1b\r"
PLAN = [
    ("problem_statement", "Notes get lost." + SUBMIT_MULTILINE),
    ("beneficiaries", ENTER),
    (
        "success_criteria",
        "Notes are kept." + ENTER + "They are listed." + SUBMIT_MULTILINE,
    ),
    ("out_of_scope", SUBMIT_MULTILINE),
    ("owner", ENTER),
    ("tracking_link", ENTER),
]
NAMES = [
    ("feature_name", "Incident Notes" + ENTER),
    ("module_name", ENTER),
    ("description", "Keep short notes." + ENTER),
    ("entity_name", ENTER),
]
NAMING = [*NAMES, ("operations", ENTER)]
MODULE = [
    ("kind", ENTER),
    *NAMES,
    ("fields", SUBMIT_MULTILINE),
    ("operations", ENTER),
    ("providers", CLEAR_LINE + "google, aws" + ENTER),
    ("primary_provider", ENTER),
    ("require_auth", ENTER),
    ("slack", ENTER),
    ("slack_command", ENTER),
    *PLAN,
]
# The questions each kind asks in each generation, in order, with the keys typed.
SESSIONS = {
    "modules-module": MODULE,
    "packages-module": MODULE,
    "modules-integration": [
        ("kind", DOWN + ENTER),
        *NAMING,
        ("endpoint", "y"),
        ("require_auth", ENTER),
        *PLAN,
    ],
    "packages-integration": [("kind", DOWN + ENTER), *NAMING, *PLAN],
}


class Terminal:
    """copier copy in an emulated terminal of COLUMNS columns, its screen read as it draws."""

    def __init__(self, destination: Path) -> None:
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            PYTHON,
            [
                "-m",
                "copier",
                "copy",
                "--trust",
                "--vcs-ref",
                "HEAD",
                str(ROOT),
                str(destination),
            ],
            dimensions=(ROWS, COLUMNS),
            env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"},
        )
        self.output = io.BytesIO()
        self.child.logfile_read = self.output

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def read(self) -> None:
        """Feed the screen whatever copier drew in the next moment, if anything."""
        try:
            self.stream.feed(self.child.read_nonblocking(65536, timeout=0.2))
        except pexpect.TIMEOUT:
            pass

    def help_shown(self, help_lines: list[str], seconds: float = 30) -> list[str]:
        """The lines on screen where a question's help is drawn, once copier has drawn it.

        The prompt arrives in pieces: its first line may be on the screen before the
        rest. Reading goes on until the lines match the help or the drawing stops
        changing for a few seconds, so what is compared is what a person would see.
        """
        deadline = time.monotonic() + seconds
        shown: list[str] = []
        changed = time.monotonic()
        while time.monotonic() < deadline:
            screen = self.lines()
            first = [i for i, line in enumerate(screen) if line.endswith(help_lines[0])]
            if first:
                now = [
                    screen[first[-1]].removeprefix("🎤 ").strip(),
                    *screen[first[-1] + 1 : first[-1] + len(help_lines)],
                ]
                if now == help_lines:
                    return now
                if now != shown:
                    shown, changed = now, time.monotonic()
                elif time.monotonic() - changed >= 3:
                    return now
            self.read()
        raise AssertionError(
            f"never shown: {help_lines[0]!r}\n" + "\n".join(self.lines())
        )

    def close(self) -> int | None:
        self.child.expect(pexpect.EOF, timeout=120)
        self.child.close()
        return self.child.exitstatus

    def closing_message(self, first: str) -> list[str]:
        """The lines copier printed from the one that starts with ``first`` to the end."""
        lines = self.output.getvalue().decode().replace("\r\n", "\n").split("\n")
        start = max(index for index, line in enumerate(lines) if line.startswith(first))
        return lines[start:]


@pytest.mark.parametrize("session", SESSIONS)
def test_every_question_is_readable_in_full_at_80_columns(
    tmp_path: Path, session: str
) -> None:
    generation, _ = session.split("-")
    app = fresh_host(tmp_path / "host", hosts.HOSTS[generation])
    terminal = Terminal(app)
    cut = {}
    for question, keys in SESSIONS[session]:
        help_lines = question_help(question, app).split("\n")
        shown = terminal.help_shown(help_lines)
        if shown != help_lines:
            cut[question] = shown
        terminal.child.send(keys)

    assert terminal.close() == 0, "\n".join(terminal.lines())
    assert cut == {}
    assert all(len(line) <= COLUMNS for line in terminal.lines())
    message = terminal.closing_message("Incident Notes is in ")
    assert len(message) > 10
    assert [line for line in message if len(line) > COLUMNS] == []
