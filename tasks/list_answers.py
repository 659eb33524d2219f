"""Rewrite an answers file's YAML lists as the text their questions take, before an update.

``success_criteria``, ``out_of_scope`` and ``providers`` were YAML lists until they became
text (one statement per line; names separated by commas). Copier drops a recorded answer
its question's type cannot read, so without this the update would render the feature as
if they had never been answered, and its merge would take the criteria out of PLAN.md.
``copier.yml`` runs it as the last ``before`` migration of every update:

    python tasks/list_answers.py .copier-answers.<module>.yml

It does nothing when the file is missing or holds no list, so it runs safely each time.
"""

from __future__ import annotations

import sys
from itertools import takewhile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extensions.text_answers import LISTS, answers_yaml, as_text  # noqa: E402


def rewrite(answers_file: Path) -> bool:
    """Rewrite the list answers of ``answers_file`` as text; say whether anything changed."""
    if not answers_file.is_file():
        return False
    text = answers_file.read_text()
    answers = yaml.safe_load(text)
    if not isinstance(answers, dict) or not any(
        isinstance(answers.get(question), list) for question in LISTS
    ):
        return False
    header = "".join(
        takewhile(lambda line: line.startswith("#"), text.splitlines(keepends=True))
    )
    migrated = {key: as_text(key, value) for key, value in answers.items()}
    answers_file.write_text(header + answers_yaml(migrated))
    return True


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[2])
    if rewrite(Path(sys.argv[1])):
        print(f"{sys.argv[1]}: list answers rewritten as text", file=sys.stderr)
