"""Carry the team's edits across a file the template renamed, during ``copier update``.

Copier deletes a file that the old template version rendered and the new one does not,
even when the team edited it, and sees the file's new name as added by both sides, so
it cannot merge the team's edits into it. A template release that renames a file ships
one migration in ``copier.yml`` that runs this script at both stages:

    _migrations:
      - version: "0.2.0"
        when: "{{ true }}"
        command: ["{{ _copier_python }}", "{{ _copier_conf.src_path }}/tasks/move.py", "{{ _stage }}",
                  "{{ _copier_conf.answers_file }}", "modules/{module_name}/old.py", "modules/{module_name}/new.py"]

- ``before``: renders the old template version of the file to learn it as it was
  generated (the merge base) and keeps the team's version, both in the git directory,
  out of the work tree. Copier then deletes the old file and writes the new one.
- ``after``: three-way merges the team's version into the file copier just wrote under
  the new name (base: as generated; ours: the team's; theirs: the new version). Where the
  edits do not overlap the result is staged as a rename; where they do, the file keeps
  the conflict blocks and is recorded unmerged in the index, as git leaves a conflict.
  Only the ``before`` stage starts copier: the new version is on disk by then.

Paths may name the feature's answers in braces (``{module_name}``): a migration's command
is rendered before copier loads the answers, so they are read from the answers file.
The script does nothing outside a git work tree (copier's temporary renders), nothing
when the old file is gone, and nothing twice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from git_tree import git, inside_git_work_tree

LABELS = ["-L", "before updating", "-L", "last update", "-L", "after updating"]


def render(answers: dict[str, Any], relative: str) -> bytes | None:
    """The content of ``relative`` as the template at ``answers['_commit']`` renders it."""
    # Imported here, not at the top: importing copier takes about 0.3 s, and only the
    # ``before`` stage renders.
    import copier

    with tempfile.TemporaryDirectory() as scratch:
        copier.run_copy(
            answers["_src_path"],
            scratch,
            data={
                key: value for key, value in answers.items() if not key.startswith("_")
            },
            vcs_ref=answers["_commit"],
            defaults=True,
            overwrite=True,
            unsafe=True,
            skip_tasks=True,
            quiet=True,
            # Only the one file is read: copier still walks the template, but renders
            # no other file's content, which is most of a copy's time.
            exclude=["*", f"!{relative}"],
        )
        path = Path(scratch) / relative
        return path.read_bytes() if path.exists() else None


def stash_dir(root: Path, key: str) -> Path:
    """Where the stages of the migration named ``key`` (its new-path pattern) meet."""
    git_dir = Path(git(root, "rev-parse", "--absolute-git-dir").strip())
    return git_dir / "feature-template-moves" / key.replace("/", "__")


def before(
    root: Path, answers: dict[str, Any], old: str, new: str, stash: Path
) -> None:
    # Whatever an interrupted update left here is not this update's.
    shutil.rmtree(stash, ignore_errors=True)
    if not (root / old).exists() or (root / new).exists():
        return
    base = render(answers, old)
    stash.mkdir(parents=True)
    shutil.copy2(root / old, stash / "ours")
    (stash / "base").write_bytes(base if base is not None else b"")
    (stash / "old").write_text(old)
    print(f"{old} becomes {new}; your changes will be merged into the new version")


def restore(root: Path, stash: Path) -> str:
    """Put the team's version back under its old name, drop the stash, return the name.

    If the new version writes a file under the old name too, copier has merged the
    team's edits into it already, and it is left alone.
    """
    old = (stash / "old").read_text()
    if not (root / old).exists():
        (root / old).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(stash / "ours", root / old)
    shutil.rmtree(stash)
    return old


def mark_unmerged(root: Path, new: str, stages: dict[int, Path]) -> None:
    """Record ``new`` as unmerged in the index (1: base, 2: ours, 3: theirs), as git does.

    The index names paths from the repository's top, and the destination (the host's
    ``app/``) is usually a folder below it.
    """
    mode = "100755" if (root / new).stat().st_mode & 0o111 else "100644"
    indexed = git(root, "rev-parse", "--show-prefix").strip() + new
    entries = "".join(
        f"{mode} {git(root, 'hash-object', '-w', '--', str(path)).strip()} {stage}\t{indexed}\n"
        for stage, path in stages.items()
    )
    subprocess.run(
        ["git", "update-index", "--index-info"],
        cwd=root,
        input=entries.encode(),
        check=True,
        capture_output=True,
    )


def after(root: Path, new: str, stash: Path) -> None:
    if not stash.is_dir():
        return
    if not (root / new).exists():
        # The new version has no such file (a migration naming the wrong path, or a
        # file the answers switch off): the team's version goes back where it was.
        old = restore(root, stash)
        print(f"kept your {old}: the new version has no {new}")
        return
    theirs = stash / "theirs"
    shutil.copy2(root / new, theirs)
    # Bytes throughout: line endings and encodings stay as they are.
    merged = subprocess.run(
        ["git", "merge-file", "-p", *LABELS, stash / "ours", stash / "base", theirs],
        capture_output=True,
    )
    if not 0 <= merged.returncode < 128:
        # git could not merge at all (a binary file, say): nothing is overwritten.
        old = restore(root, stash)
        reason = merged.stderr.decode(errors="replace").strip()
        print(
            f"{new}: git could not merge your changes ({reason}); your"
            f" version is back at {old}: carry your edits over by hand"
        )
        return
    (root / new).write_bytes(merged.stdout)
    old = (stash / "old").read_text()
    if not (root / old).exists():
        # Stage the old name's removal, so that git shows the rename.
        git(root, "rm", "--cached", "--quiet", "--ignore-unmatch", "--", old)
    if merged.returncode == 0:
        git(root, "add", "--", new)
        print(f"merged your changes into {new}")
    else:
        mark_unmerged(root, new, {1: stash / "base", 2: stash / "ours", 3: theirs})
        print(
            f"{new}: your changes and the template's overlap; resolve the conflict blocks"
        )
    shutil.rmtree(stash)


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[0] not in ("before", "after"):
        print(
            "usage: move.py before|after ANSWERS_FILE OLD_PATH NEW_PATH",
            file=sys.stderr,
        )
        return 2
    stage, answers_file, old_pattern, new_pattern = argv
    root = Path.cwd()
    if not inside_git_work_tree(root) or not (root / answers_file).is_file():
        return 0
    answers = yaml.safe_load((root / answers_file).read_text()) or {}
    old, new = old_pattern.format(**answers), new_pattern.format(**answers)
    # Keyed by the pattern, not the path: an update may change the answers it names.
    stash = stash_dir(root, new_pattern)
    if stage == "before":
        before(root, answers, old, new, stash)
    else:
        after(root, new, stash)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
