"""The template's benchmark: one table, every figure measured in this one run.

Usage: python bench/run.py [--runs N] [--test-runs N] [--rounds N] [--requests N]
                           [--with-suite] [--suite-runs N] [--profile N] [--scratch DIR]
                           [--smoke]

Run on demand (``make bench``); its exit status is 0 whether or not a target holds
(non-zero only when something it runs fails). CI runs it with ``--smoke`` (every figure
once, no target judged; tests/test_bench.py), so it cannot stop working unseen. The
figures:

  a. ``copier copy`` of docs/examples/modules/module/answers.yml (every operation, three providers)
     into a fresh copy of the real SRE Bot (hosts/, through tests/hosts.py) against
     ``copier copy`` of a one-file template, the floor; both from a packed git
     repository with ``--vcs-ref HEAD``, as users copy a release. The previous release
     copies the same answers, written in the form its questions read.
  b. ``copier update`` of that feature from 0.1.0 to 0.2.0 of a throwaway template
     repository (tests/versions.py) against ``copier copy`` of 0.1.0 from the same
     repository: once for an ordinary release, once for a release that renames a file
     and ships the migration for it; the ratio to (a)'s copy is shown too.
  c. The generated feature's own tests (unit and integration), wall time, run with the
     host's own virtualenv as the host's CI runs them.
  d. Requests per second of the generated GET route against a hand-written minimal
     synchronous route, through the same client (bench/endpoint.py, run with the host's
     virtualenv and its development token).
  e. The template's whole test suite as ``make test`` runs it, ``pytest -n auto --dist
     loadgroup`` (only with --with-suite: slow).

The two sides of each ratio are measured in alternation, and each ratio is the median of
the per-run ratios, so the machine's drift affects both sides alike. Every figure is a
median with its spread (min-max) over the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hosts  # noqa: E402  (lives with the tests: the real hosts, their virtualenvs)
import support  # noqa: E402  (the host the template writes for, the answers)
import versions  # noqa: E402  (the throwaway template repository with two versions)

PYTHON = sys.executable
ANSWERS = support.EXAMPLE_DIR / "answers.yml"
MODULE = str(support.CANONICAL_ANSWERS["module_name"])
ANSWERS_FILE = f".copier-answers.{MODULE}.yml"
ENDPOINT_SCRIPT = Path(__file__).resolve().parent / "endpoint.py"
# The template's whole suite, as ``make test`` runs it.
SUITE = [PYTHON, "-m", "pytest", "-n", "auto", "--dist", "loadgroup"]

SUITE_FIGURE = "(e) template's suite, -n auto"
# --smoke: requests per app of (d), enough to go through every route once and more.
SMOKE_REQUESTS = 50

# A development deployment of the host, as tests/test_host.py starts it: its pytest
# configuration's variables, not production (PREFIX), so its bypass token stands for a
# signed-in caller, and one token issuer configured, as every deployment has.
DEPLOYMENT = {
    **support.HOST.test_environment,
    "PREFIX": "dev-",
    "DEV_BYPASS_TOKEN": "bench-development-token",
    "ISSUER_CONFIG": '{"https://issuer.invalid": {"jwks_uri": "https://issuer.invalid/jwks"}}',
}

FLOOR_ANSWERS_FILE = ".copier-answers.floor.yml"
FLOOR_COPIER_YML = f"""_subdirectory: template
_answers_file: {FLOOR_ANSWERS_FILE}
name:
  type: str
  default: world
"""
# The files the example feature writes besides its answers file (a floor template
# writes an answers file of its own too).
FEATURE_FILES = len(support.features.feature_for(support.CANONICAL_ANSWERS).files) - 1


@dataclass
class Sample:
    """Repeated measurements of one quantity."""

    values: list[float]

    @property
    def median(self) -> float:
        """The median of the values."""
        return statistics.median(self.values)

    def show(self, unit: str, digits: int = 2) -> str:
        """The median with its min-max spread, e.g. ``1.02 s (0.98-1.10)``."""
        low, high = min(self.values), max(self.values)
        return f"{self.median:.{digits}f}{unit} ({low:.{digits}f}-{high:.{digits}f})"


@dataclass
class Row:
    """One line of the table."""

    figure: str
    measured: str
    ratio: str
    target: str
    holds: bool | None


def ratios(numerators: Sample, denominators: Sample) -> Sample:
    """The per-run ratios of two samples measured in alternation."""
    return Sample([n / d for n, d in zip(numerators.values, denominators.values)])


def bench_env() -> dict[str, str]:
    """The environment of every command: no pytest or coverage leftovers, a git identity.

    The identity goes into this process's environment too: tests/versions.py commits
    the throwaway repositories from here.
    """
    for key, value in {
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.invalid",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.invalid",
    }.items():
        os.environ.setdefault(key, value)
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "COV_", "COVERAGE_"))
    }


ENV = bench_env()


def host_env(**extra: str) -> dict[str, str]:
    """The environment of a command run in the host: its own virtualenv first on PATH."""
    return hosts.environment(support.HOST, **extra)


def run(
    command: Sequence[str | Path],
    cwd: Path,
    quiet_stdout: bool = False,
    env: dict[str, str] | None = None,
) -> float:
    """Run ``command`` in ``cwd`` and return its wall time; fail loudly if it fails.

    ``env`` is the bench's own environment unless given (``host_env()`` for the host's
    tools).
    """
    started = time.perf_counter()
    completed = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=ENV if env is None else env,
        stdout=subprocess.DEVNULL if quiet_stdout else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        command_line = " ".join(str(part) for part in command)
        raise SystemExit(
            f"failed (exit {completed.returncode}) in {cwd}: {command_line}\n"
            f"{completed.stdout or ''}{completed.stderr}"
        )
    return elapsed


def copier_copy(
    source: Path, destination: Path, *options: str, answers: Path = ANSWERS
) -> list[str]:
    """``copier copy`` of the example answers (or ``answers``), as a user runs it."""
    return support.copy_command(
        destination, "--quiet", *options, source=source, answers_file=answers
    )


def answers_of_release(scratch: Path, ref: str) -> Path:
    """The example answers written in the form the template at ``ref`` reads them."""
    path = scratch / f"answers-{ref[:7]}.yml"
    example = yaml.safe_load(ANSWERS.read_text())
    path.write_text(yaml.safe_dump(versions.answers_read_by(ref, example, ROOT)))
    return path


def git(repo: Path, *args: str) -> None:
    """Run one git command in ``repo``."""
    run(["git", *args], repo)


def alternate(runs: int, *sides: Callable[[int], float]) -> tuple[Sample, ...]:
    """Time each side ``runs`` times, taking turns, the order rotating every run."""
    times: list[list[float]] = [[] for _ in sides]
    for index in range(runs):
        for offset in range(len(sides)):
            side = (index + offset) % len(sides)
            times[side].append(sides[side](index))
    return tuple(Sample(values) for values in times)


def packed_clone(source: Path, destination: Path) -> Path:
    """A clone of ``source``'s committed HEAD with its objects packed, as a server sends it.

    Copier clones the template for every copy and update. Cloning a local repository
    hard-links its object files, so a working repository that has never been packed
    (thousands of loose objects) makes that clone, and every copy, several times slower
    than a template fetched from a server; ``--no-local`` transfers one pack instead.
    """
    run(["git", "clone", "-q", "--no-local", source, destination], ROOT)
    return destination


def pack(repo: Path) -> Path:
    """Pack ``repo``'s objects (see ``packed_clone``) and return it."""
    git(repo, "gc", "-q", "--prune=now")
    return repo


def floor_template(repo: Path, files: int) -> Path:
    """A template of ``files`` one-line files (and its answers file), tagged 0.1.0 and 0.2.0.

    What copier costs whatever a template holds: with one file it is the floor of (a);
    with as many files as the feature writes, copier's own cost per file; its update
    from 0.1.0 to 0.2.0 (every line changed) is copier's own cost of an update.
    """
    (repo / "template").mkdir(parents=True)
    (repo / "copier.yml").write_text(FLOOR_COPIER_YML)
    answers = repo / "template" / "{{ _copier_conf.answers_file }}.jinja"
    answers.write_text("{{ _copier_answers | to_nice_yaml }}")
    paths = [
        repo / "template" / f"d{index % 6}" / "{{ name }}" / f"f{index}.py.jinja"
        for index in range(files)
    ]
    for line, tag in [
        ("hello = '{{ name }}'", "0.1.0"),
        ("hi = '{{ name }}'", "0.2.0"),
    ]:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(line + "\n")
        if tag == "0.1.0":
            git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", tag)
        git(repo, "tag", tag)
    return pack(repo)


def floor_copy(template: Path, destination: Path, ref: str = "HEAD") -> list[str]:
    """``copier copy`` of a floor template."""
    command = [PYTHON, "-m", "copier", "copy", "--trust", "--defaults", "--quiet"]
    return command + ["--vcs-ref", ref, str(template), str(destination)]


def measure_copies(
    scratch: Path, template: Path, runs: int
) -> tuple[Sample, Sample, Sample, Sample, Path]:
    """(a): the full copy, the one-file floor's, the per-file floor's, the previous release's.

    All four templates are packed git repositories copied with a ``--vcs-ref``, the way
    users copy a release, so each pays copier's clone. Each full copy goes into its own
    fresh copy of the real host (made before the clock starts). Returns the application
    folder of the last copy of this checkout too.
    """
    previous_answers = answers_of_release(scratch, versions.PREVIOUS_RELEASE)
    one_file = floor_template(scratch / "floor-1", 1)
    many_files = floor_template(scratch / f"floor-{FEATURE_FILES}", FEATURE_FILES)
    apps: list[Path] = []

    def full(index: int) -> float:
        app = support.fresh_host(scratch / f"copy-{index}" / "host")
        apps.append(app)
        return run(copier_copy(template, app, "--vcs-ref", "HEAD"), ROOT)

    def floor(index: int) -> float:
        return run(floor_copy(one_file, scratch / f"floor-1-{index}"), ROOT)

    def per_file(index: int) -> float:
        destination = scratch / f"floor-{FEATURE_FILES}-{index}"
        return run(floor_copy(many_files, destination), ROOT)

    def previous(index: int) -> float:
        app = support.fresh_host(scratch / f"previous-{index}" / "host")
        ref = versions.PREVIOUS_RELEASE
        command = copier_copy(template, app, "--vcs-ref", ref, answers=previous_answers)
        return run(command, ROOT)

    samples = alternate(runs, full, floor, per_file, previous)
    if not (apps[-1] / "modules" / MODULE / "service.py").is_file():
        raise SystemExit(f"the copy did not write modules/{MODULE}/service.py")
    return (*samples, apps[-1])


def timed_updates(
    host: Path,
    answers_file: str,
    expected: dict[str, str | None],
    copy_once: Callable[[int], float],
    runs: int,
) -> tuple[Sample, Sample]:
    """Update ``host`` (in a git work tree, committed at 0.1.0) to 0.2.0 ``runs`` times,
    resetting it after each, in turns with ``copy_once``.

    ``expected`` maps a path the update must leave to a text it must hold ("" for any),
    or to None for a path it must remove.
    """
    update = [PYTHON, "-m", "copier", "update", "--trust", "--defaults", "--quiet"]
    update += ["-a", answers_file, "-r", "0.2.0"]

    def update_once(index: int) -> float:
        elapsed = run(update, host)
        if "_commit: 0.2.0" not in (host / answers_file).read_text():
            raise SystemExit(f"copier update did not move {host} to 0.2.0")
        for relative, text in expected.items():
            path = host / relative
            if path.exists() != (text is not None):
                wrong = "left" if path.exists() else "did not write"
                raise SystemExit(f"copier update {wrong} {path}")
            if text and text not in path.read_text():
                raise SystemExit(f"copier update did not write {text!r} in {path}")
        git(host, "reset", "-q", "--hard")
        git(host, "clean", "-fdq")
        return elapsed

    updates, copies = alternate(runs, update_once, copy_once)
    return updates, copies


def committed(host: Path, message: str) -> Path:
    """Commit everything in ``host``, a folder of a git work tree (a real host's
    ``app/`` is one already), and return it."""
    git(host, "add", "-A")
    git(host, "commit", "-q", "-m", message)
    return host


def measure_update(
    scratch: Path, template: Path, runs: int, rename: bool
) -> tuple[Sample, Sample]:
    """(b): the update 0.1.0 -> 0.2.0 and the copy of 0.1.0 from the same repository.

    With ``rename`` the 0.2.0 release renames a file and ships the migration that
    carries the team's edits across (tests/versions.py); without, it is an ordinary
    release.
    """
    name = "rename" if rename else "plain"
    repo = versions.build_versions(
        scratch / f"versions-{name}", rename=rename, source=template
    )
    pack(repo)
    # The real host comes committed, in a work tree whose top is app/'s parent.
    host = support.fresh_host(scratch / f"update-{name}" / "host")
    run(copier_copy(repo, host, "--vcs-ref", "0.1.0"), host)
    committed(host, f"{MODULE} 0.1.0")

    def copy_once(index: int) -> float:
        destination = support.fresh_host(scratch / f"copy-{name}-{index}" / "host")
        return run(copier_copy(repo, destination, "--vcs-ref", "0.1.0"), ROOT)

    package = f"modules/{MODULE}"
    expected: dict[str, str | None] = {
        f"{package}/service.py": "(its event, or why it failed)",
        f"tests/unit/modules/{MODULE}/test_models.py": "",
    }
    if rename:
        expected |= {
            f"{package}/rules.py": "scheduled jobs",
            f"{package}/validation.py": None,
        }
    else:
        expected |= {f"{package}/validation.py": "scheduled jobs"}
    return timed_updates(host, ANSWERS_FILE, expected, copy_once, runs)


def measure_floor_update(scratch: Path, runs: int) -> tuple[Sample, Sample]:
    """(b0): copier's own cost of an update: the one-file floor's, against its copy."""
    repo = floor_template(scratch / "floor-update-template", 1)
    host = scratch / "floor-update"
    host.mkdir()
    (host / "README.md").write_text("a project\n")
    git(host, "init", "-q")
    committed(host, "project")
    run(floor_copy(repo, host, "0.1.0"), host)
    committed(host, "floor 0.1.0")

    def copy_once(index: int) -> float:
        return run(floor_copy(repo, scratch / f"floor-copy-{index}", "0.1.0"), ROOT)

    expected: dict[str, str | None] = {"d0/world/f0.py": "hi = "}
    return timed_updates(host, FLOOR_ANSWERS_FILE, expected, copy_once, runs)


def measure_feature_tests(host: Path, runs: int) -> Sample:
    """(c): the generated feature's unit and integration tests, wall time.

    They import the host's packages: they run with the host's own virtualenv, from its
    application folder, so the host's pytest configuration applies.
    """
    command = [
        "python3",
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        f"tests/unit/modules/{MODULE}",
        f"tests/integration/modules/{MODULE}",
    ]
    return Sample([run(command, host, env=host_env()) for _ in range(runs)])


def measure_endpoint(
    host: Path, scratch: Path, rounds: int, requests: int, profile: int
) -> dict[str, object]:
    """(d): the rates of the apps of bench/endpoint.py, round by round.

    It imports the host's packages and serves with the host's uvicorn: it runs with the
    host's own virtualenv, as a development deployment of the host (``DEPLOYMENT``).
    """
    out = scratch / "endpoint.json"
    command: list[str | Path] = ["python3", ENDPOINT_SCRIPT, "--out", out]
    command += ["--rounds", str(rounds), "--requests", str(requests)]
    command += ["--profile", str(profile), "--served"]
    run(command, host, quiet_stdout=True, env=host_env(**DEPLOYMENT))
    result: dict[str, object] = json.loads(out.read_text())
    return result


def measure_suite(runs: int) -> tuple[Sample, str]:
    """(e): the template's whole suite as ``make test`` runs it; returns its last summary too."""
    seconds = []
    summary = ""
    for _ in range(runs):
        started = time.perf_counter()
        completed = subprocess.run(
            SUITE,
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds.append(time.perf_counter() - started)
        lines = completed.stdout.strip().splitlines()
        summary = lines[-1].strip("= ") if lines else f"exit {completed.returncode}"
    return Sample(seconds), summary


def machine(load_at_start: float) -> list[str]:
    """A short description of the machine, its load, and of what was measured."""
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kilobytes = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kilobytes / 1024 ** 2:.1f} GiB"
    cores = (
        len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count()
    )
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", ".", ":!bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    git_version = subprocess.run(
        ["git", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    from copier import __version__ as copier_version

    return [
        f"machine: {cores} cores available ({cpu}), {memory} memory,"
        f" {platform.system()} {platform.release()}",
        f"software: Python {platform.python_version()}, copier {copier_version},"
        f" {git_version}",
        f"host: SRE Bot at {support.HOST.commit[:8]} ({support.HOST.generation}),"
        f" its virtualenv: {host_versions()}",
        f"template: commit {commit}, "
        + (
            "with uncommitted changes (copies and updates measure the commit only)"
            if status
            else "clean checkout"
        ),
        f"load average (1 min): {load_at_start:.2f} at the start,"
        f" {os.getloadavg()[0]:.2f} at the end",
    ]


def host_versions() -> str:
    """The host virtualenv's Python and the versions of what serves (d) in it."""
    script = (
        "import platform, fastapi, uvicorn, httpx; print(f'Python"
        " {platform.python_version()}, FastAPI {fastapi.__version__},"
        " uvicorn {uvicorn.__version__}, httpx {httpx.__version__}')"
    )
    completed = hosts.run(support.HOST, ROOT, ["python3", "-c", script])
    return completed.stdout.strip() or f"unknown ({completed.stderr.strip()[-200:]})"


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    header = ["figure", "measured: median (min-max)", "ratio", "target", "holds"]
    lines = [
        [
            row.figure,
            row.measured,
            row.ratio,
            row.target,
            "-" if row.holds is None else ("yes" if row.holds else "NO"),
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(5)]

    def render(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths))
            + " |"
        )

    return "\n".join(
        [render(header), render(["-" * width for width in widths])]
        + [render(line) for line in lines]
    )


def main() -> int:
    """Measure every figure, print the table, and the profiles if asked."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=5, help="copies and updates")
    parser.add_argument("--test-runs", type=int, default=3, help="(c) runs")
    parser.add_argument("--rounds", type=int, default=7, help="(d) rounds per app")
    parser.add_argument("--requests", type=int, default=1000, help="(d) per round")
    parser.add_argument("--with-suite", action="store_true", help="measure (e)")
    parser.add_argument("--suite-runs", type=int, default=1, help="(e) runs")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="print where N requests of each app of (d) spend their time",
    )
    parser.add_argument(
        "--scratch", type=Path, default=ROOT / "build" / "bench", help="work folder"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="one run of each figure, few requests, no target judged (CI runs it)",
    )
    args = parser.parse_args()
    if args.smoke:
        args.runs = args.test_runs = args.rounds = 1
        args.requests = min(args.requests, SMOKE_REQUESTS)
    scratch = args.scratch.resolve()
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    load_at_start = os.getloadavg()[0]
    started = time.perf_counter()

    def step(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr)

    step("the real host and its virtualenv (built once per machine)")
    hosts.extract(support.HOST)
    hosts.build_venv(support.HOST)
    step(f"(a) {args.runs} full copies and {args.runs} of each floor template")
    template = packed_clone(ROOT, scratch / "template")
    copies = measure_copies(scratch, template, args.runs)
    full_copy, one_file_copy, per_file_copy, previous_copy, host = copies
    step(f"(b) {args.runs} updates and {args.runs} copies of 0.1.0, for each release")
    update, copy_010 = measure_update(scratch, template, args.runs, rename=False)
    renamed = measure_update(scratch, template, args.runs, rename=True)
    update_renamed, copy_renamed = renamed
    floor_update, floor_copy_010 = measure_floor_update(scratch, args.runs)
    step(f"(c) the generated tests, {args.test_runs} times")
    feature_tests = measure_feature_tests(host, args.test_runs)
    step(f"(d) {args.rounds} rounds of {args.requests} requests per app")
    endpoint = measure_endpoint(host, scratch, args.rounds, args.requests, args.profile)
    suite: tuple[Sample, str] | None = None
    if args.with_suite:
        suite_command = " ".join(SUITE[1:])
        step(f"(e) the template's suite, {suite_command}, {args.suite_runs} time(s)")
        suite = measure_suite(args.suite_runs)
    step("done")

    rates = endpoint["rates"]
    assert isinstance(rates, dict)
    minimal = Sample(rates["minimal"])
    wired = Sample(rates["wired"])
    overridden = Sample(rates["overridden"])
    copy_ratio = ratios(full_copy, one_file_copy)
    per_file_ratio = ratios(per_file_copy, one_file_copy)
    # The template's own render cost: what a copy costs above copier's copy of as many
    # one-line files, over that control; for this checkout and the previous release.
    own_cost = Sample(
        [(f - c) / c for f, c in zip(full_copy.values, per_file_copy.values)]
    )
    previous_own_cost = Sample(
        [(f - c) / c for f, c in zip(previous_copy.values, per_file_copy.values)]
    )
    floor_update_ratio = ratios(floor_update, floor_copy_010)
    update_ratio = ratios(update, copy_010)
    renamed_ratio = ratios(update_renamed, copy_renamed)
    update_to_a = Sample([u / full_copy.median for u in update.values])
    wired_ratio = ratios(wired, minimal)
    overridden_ratio = ratios(overridden, minimal)
    served = endpoint["served"]
    assert isinstance(served, dict)
    served_minimal = Sample(served["minimal"])
    served_wired = Sample(served["wired"])
    served_ratio = ratios(served_wired, served_minimal)
    host_minimal = Sample(rates["host_minimal"])
    host_ratio = ratios(wired, host_minimal)
    served_host_minimal = Sample(served["host_minimal"])
    served_host_ratio = ratios(served_wired, served_host_minimal)
    rows = [
        Row(
            "(a) copy: full answers / one-file template",
            f"{full_copy.show(' s')} / {one_file_copy.show(' s')}",
            copy_ratio.show(""),
            "<= 1.5",
            copy_ratio.median <= 1.5,
        ),
        Row(
            f"(a0) control: {FEATURE_FILES} one-line files / one-file template",
            f"{per_file_copy.show(' s')} / {one_file_copy.show(' s')}",
            per_file_ratio.show(""),
            "",
            None,
        ),
        Row(
            "(a-a0) the template's own render cost / (a0)",
            f"{full_copy.show(' s')} - {per_file_copy.show(' s')}",
            own_cost.show(""),
            "<= 0.3",
            own_cost.median <= 0.3,
        ),
        Row(
            f"(a-a0) of the previous release {versions.PREVIOUS_RELEASE[:7]} / (a0)",
            f"{previous_copy.show(' s')} - {per_file_copy.show(' s')}",
            previous_own_cost.show(""),
            "above (a-a0)",
            previous_own_cost.median > own_cost.median,
        ),
        Row(
            "(b) update 0.1.0->0.2.0 / copy of 0.1.0, same repo",
            f"{update.show(' s')} / {copy_010.show(' s')}",
            update_ratio.show(""),
            "<= 2.5",
            update_ratio.median <= 2.5,
        ),
        Row(
            "(b') the same update / (a)'s full copy (median)",
            f"{update.show(' s')} / {full_copy.median:.2f} s",
            update_to_a.show(""),
            "<= 2.5",
            update_to_a.median <= 2.5,
        ),
        Row(
            "(b-mv) the same, 0.2.0 renaming a file (migration)",
            f"{update_renamed.show(' s')} / {copy_renamed.show(' s')}",
            renamed_ratio.show(""),
            "<= 2.5",
            renamed_ratio.median <= 2.5,
        ),
        Row(
            "(b0) control: the one-file template's update / copy",
            f"{floor_update.show(' s')} / {floor_copy_010.show(' s')}",
            floor_update_ratio.show(""),
            "",
            None,
        ),
        Row(
            "(c) generated feature's tests, wall",
            feature_tests.show(" s"),
            "",
            "<= 3 s",
            feature_tests.median <= 3,
        ),
        Row(
            "(d) GET req/s: generated, host wiring / minimal",
            f"{wired.show('', 0)} / {minimal.show('', 0)}",
            wired_ratio.show(""),
            ">= 0.85",
            wired_ratio.median >= 0.85,
        ),
        Row(
            "(d*) generated / minimal with the host's two deps",
            f"{wired.show('', 0)} / {host_minimal.show('', 0)}",
            host_ratio.show(""),
            ">= 0.85",
            host_ratio.median >= 0.85,
        ),
        Row(
            "(d'') the same through uvicorn on loopback / minimal",
            f"{served_wired.show('', 0)} / {served_minimal.show('', 0)}",
            served_ratio.show(""),
            ">= 0.85",
            served_ratio.median >= 0.85,
        ),
        Row(
            "(d*'') through uvicorn / minimal with the host's deps",
            f"{served_wired.show('', 0)} / {served_host_minimal.show('', 0)}",
            served_host_ratio.show(""),
            ">= 0.85",
            served_host_ratio.median >= 0.85,
        ),
        Row(
            "(d') GET req/s: generated, test overrides / minimal",
            f"{overridden.show('', 0)} / {minimal.show('', 0)}",
            overridden_ratio.show(""),
            ">= 0.85",
            overridden_ratio.median >= 0.85,
        ),
    ]
    if suite is None:
        rows.append(Row(SUITE_FIGURE, "not run (--with-suite)", "", "", None))
    else:
        seconds, summary = suite
        runs = len(seconds.values)
        rows.append(
            Row(
                SUITE_FIGURE,
                f"{seconds.show(' s', 0)}, {runs} run(s), {summary}",
                "",
                "<= 600 s",
                seconds.median <= 600,
            )
        )

    if args.smoke:
        rows = [replace(row, holds=None) for row in rows]
    print("\n".join(machine(load_at_start)))
    print(
        f"runs: {args.runs} copies and updates per side, {args.test_runs} test runs,"
        f" {args.rounds} rounds of {args.requests} requests per app"
        + (
            " (smoke: every figure runs once, no target is judged)"
            if args.smoke
            else ""
        )
        + "\n"
    )
    print(table(rows))
    profiles = endpoint.get("profiles")
    if isinstance(profiles, list):
        print("\n" + "\n\n".join(str(text) for text in profiles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
