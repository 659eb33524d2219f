"""The main job: generate the example module and integration into a reference host, and run their gates.

Usage: python tools/demo.py [scratch folder, default build/demo]

It runs copier the way a user does (the CLI, --data-file, --trust), once per example in
docs/examples, into the same host, then every gate the host runs plus the stricter ones
the template holds its code to, and prints a table. Exit status 0 means every gate passed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import support  # noqa: E402  (lives with the tests, which run the same gates)

EXAMPLES = [
    (support.EXAMPLE_DIR, support.CANONICAL_ANSWERS),
    (support.INTEGRATION_EXAMPLE_DIR, support.INTEGRATION_ANSWERS),
]


def main() -> int:
    scratch = Path(
        sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "demo"
    ).resolve()
    shutil.rmtree(scratch, ignore_errors=True)
    host = support.fresh_host(scratch / "host")

    failed = 0
    for example, answers in EXAMPLES:
        module = answers["module_name"]
        print(
            f"generating the {answers['kind']} {answers['feature_name']!r} into {host}"
        )
        copy = subprocess.run(
            support.copy_command(host, "--quiet", "--vcs-ref", "HEAD", example=example),
            check=False,
        )
        if copy.returncode != 0:
            print(f"copier copy failed (exit {copy.returncode})")
            return copy.returncode

        print(f"\n{'gate':<16}{'result':<8}seconds")
        for gate in support.host_gates(host, module):
            started = time.monotonic()
            completed = support.run_gate(gate, host, scratch / "mypy-cache")
            elapsed = time.monotonic() - started
            verdict = "pass" if completed.returncode == 0 else "FAIL"
            print(f"{gate.name:<16}{verdict:<8}{elapsed:.1f}")
            if completed.returncode != 0:
                failed += 1
                print(completed.stdout + completed.stderr)
        package = support.feature_names(host, module).package
        print(f"\n{answers['feature_name']} is in {host / package}\n")
    print(f"{failed} gate(s) failed" if failed else "every gate passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
