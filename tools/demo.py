"""The main job: generate the example module and integration into the real SRE Bot, both generations, and run its CI.

Usage: python tools/demo.py [scratch folder, default build/demo] [generation...]

For each host generation (modules, then packages; or those named), it runs copier the
way a user does (the CLI, --data-file, --trust), once per example in
docs/examples/<generation>/, into one fresh copy of that real host (hosts/), then each
step of the host's own CI workflow with the host's pinned tools (the packages host
installs its own, with uv, in the Python 3.14 root), then the stricter gates the
template holds the features' code to, and prints a table. It ends by creating a record
and listing the records through the example module's own routes, on moto's DynamoDB
(tools/demo_record.py). Exit status 0 means every check passed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hosts  # noqa: E402  (lives with the tests, which run the same checks)
import support  # noqa: E402

KINDS = ("module", "integration")
# Run inside the host with its own Python: a record created and listed through the routes.
SCRIPT = ROOT / "tools" / "demo_record.py"
# The lines of a check's output worth a glance: pytest's totals, mypy's error count,
# coverage's total.
SUMMARY = re.compile(
    r"^=* ?(\d+ passed.* in [\d.]+s.*?) ?=*$"
    r"|^(Found \d+ errors? in \d+ files?)"
    r"|^(TOTAL .*%)$",
    re.M,
)


def summary(completed: subprocess.CompletedProcess[str], features: list[str]) -> str:
    """A check's totals; for mypy, how many of its errors are in the features' files."""
    found = ["".join(groups) for groups in SUMMARY.findall(completed.stdout)]
    if any(line.startswith("Found") for line in found):
        ours = [
            line
            for line in completed.stdout.splitlines()
            if line.startswith(tuple(features))
        ]
        found.append(f"{len(ours)} in the features' files")
    return "; ".join(" ".join(line.split()) for line in found)


def report(
    name: str,
    started: float,
    completed: subprocess.CompletedProcess[str],
    features: list[str],
) -> bool:
    """Print one row of the table; show the output of a failed check. Return whether it passed."""
    passed = completed.returncode == 0
    verdict = "pass" if passed else "FAIL"
    seconds = time.monotonic() - started
    print(f"{name:<47}{verdict:<7}{seconds:>6.1f}  {summary(completed, features)}")
    if not passed:
        print(completed.stdout[-6000:] + completed.stderr[-3000:])
    return passed


def demo(generation: str, scratch: Path) -> int:
    """Generate the examples of ``generation`` into a fresh host and run its checks; return the failures."""
    host_kind = hosts.HOSTS[generation]
    hosts.build_venv(host_kind)
    host = support.fresh_host(scratch / generation / "sre-bot", host_kind)
    modules = []
    for kind in KINDS:
        answers_file = support.EXAMPLES_DIR / generation / kind / "answers.yml"
        answers = support.yaml.safe_load(answers_file.read_text())
        print(
            f"generating the {kind} {answers['feature_name']!r} into {host}"
            f" ({generation} generation)"
        )
        command = support.copy_command(
            host, "--quiet", "--vcs-ref", "HEAD", answers_file=answers_file
        )
        if subprocess.run(command, check=False).returncode != 0:
            print("copier copy failed")
            return 1
        modules.append(answers["module_name"])

    features = [
        path
        for module in modules
        for path in support.feature_of(host, module).source_paths
    ]
    print(f"\n{'check':<47}{'result':<7}{'seconds':>6}  totals")
    failed = 0
    for step in host_kind.ci_steps:
        started = time.monotonic()
        completed = hosts.run_ci_step(host_kind, host, step)
        label = f"host CI: {' '.join(['make', *step.targets])}"
        failed += not report(label, started, completed, features)
    for gate in support.feature_gates(host, modules):
        started = time.monotonic()
        completed = support.run_gate(gate, host, scratch / "mypy-cache", host_kind)
        owner = gate.module or "features"
        failed += not report(f"{owner}: {gate.name}", started, completed, features)

    for module in modules:
        package = support.feature_of(host, module).package
        print(f"{module} is in {host / package}")
    print()
    return failed + record(host_kind, host, modules[0])


def record(host_kind: hosts.Host, host: Path, module: str) -> int:
    """Create a record and list them through the module's own routes, on moto's DynamoDB.

    Shows the generated feature at work, the way a developer first tries it; returns 1
    if it does not answer 201, then 200.
    """
    feature = support.feature_of(host, module)
    if not feature.stores:
        return 0
    script = host / SCRIPT.name
    shutil.copy(SCRIPT, script)
    arguments = [host_kind.generation, module, feature.names.table]
    arguments.append(f"/api/v1{feature.names.url_path}")
    python = ["uv", "run", "python"] if host_kind.in_root else ["python3"]
    print(f"{module}: a record created and listed through its routes (moto's DynamoDB)")
    completed = hosts.run(host_kind, host, [*python, script.name, *arguments])
    script.unlink()
    shown = [
        line
        for line in completed.stdout.splitlines()
        if line.startswith(("POST", "GET"))
    ]
    print("\n".join(shown) + "\n")
    if completed.returncode:
        print(completed.stdout[-3000:] + completed.stderr[-3000:])
    return 1 if completed.returncode else 0


def main() -> int:
    scratch = Path(
        sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "demo"
    ).resolve()
    generations = sys.argv[2:] or list(hosts.HOSTS)
    shutil.rmtree(scratch, ignore_errors=True)
    failed = sum(demo(generation, scratch) for generation in generations)
    print(f"{failed} check(s) failed" if failed else "every check passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
