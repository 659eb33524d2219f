"""Generate a feature into an SRE Bot application; a refused answer prints just its reason.

Usage: python tools/new_feature.py APP_DIR [copier copy options...]

    python tools/new_feature.py ~/sre-bot/app                           # asks the questions
    python tools/new_feature.py ~/sre-bot/app --defaults --data-file answers.yml

It runs ``copier copy --trust`` with this checkout as the template. Run non-interactively,
copier reports a refused answer at the end of a Python traceback; this prints the one
line that matters instead, ``refused: <question>: <reason>``, and exits with status 2.
Any other failure is shown as copier printed it, with copier's exit status.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFUSAL = re.compile(
    r"^ValueError: Validation error for question '(?P<question>\w+)': (?P<reason>.*)$",
    re.M,
)
# copier's own refusal of a YAML list (an earlier version's form) where text is asked.
LIST_REFUSAL = re.compile(r"^ValueError: Could not convert \[.*\] to string$", re.M)
LIST_REASON = (
    "an answer is a YAML list where text is asked: write success_criteria and"
    " out_of_scope one statement per line, and providers as names separated by commas."
)


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    destination, options = argv[0], argv[1:]
    command = [
        sys.executable,
        "-m",
        "copier",
        "copy",
        "--trust",
        *options,
        str(ROOT),
        destination,
    ]
    completed = subprocess.run(command, stderr=subprocess.PIPE, text=True, check=False)
    refusal = REFUSAL.search(completed.stderr) if completed.returncode else None
    if refusal:
        reason = refusal["reason"]
        prefix = (
            f"{refusal['question']}: "
            if not reason.startswith(refusal["question"])
            else ""
        )
        print(f"refused: {prefix}{reason}", file=sys.stderr)
        return 2
    if completed.returncode and LIST_REFUSAL.search(completed.stderr):
        print(f"refused: {LIST_REASON}", file=sys.stderr)
        return 2
    sys.stderr.write(completed.stderr)
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
