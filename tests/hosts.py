"""The real SRE Bot hosts the template is judged in, with their own virtualenvs and CI targets.

``hosts/`` holds each host generation as an archive of its repository at one commit.
This module extracts an archive once per machine into ``build/hosts/`` as a git work
tree (the way a team has its checkout), hands out fresh copies of it, builds the host's
own virtualenv from its pinned requirements, and runs the host's CI targets
(``app/Makefile``) with that virtualenv first on ``PATH``.

Usage: python tests/hosts.py prepare   # extract every host and build its virtualenv
"""

from __future__ import annotations

import configparser
import fcntl
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the template's helpers, as `extensions`

from extensions.features.modules.module import (  # noqa: E402
    STORAGE_DEV_REQUIREMENTS,
)

ARCHIVES = ROOT / "hosts"
BUILD = ROOT / "build"
APP = "app"  # the application folder of a host checkout: the import root, copier's destination


@dataclass(frozen=True)
class CiStep:
    """One step of a host's CI workflow: ``make`` targets run from ``app/``.

    Attributes:
        name: The step's name in the workflow ("Lint", "Test").
        targets: The ``make`` targets it runs.
        secrets: Environment variables the workflow fills from its secrets; the host's
            tests only need them set, so a placeholder stands in for each.
    """

    name: str
    targets: list[str]
    secrets: tuple[str, ...]

    @property
    def command(self) -> list[str]:
        return ["make", "--no-print-directory", *self.targets]

    @property
    def environment(self) -> dict[str, str]:
        return {name: f"placeholder-{name.lower()}" for name in self.secrets}


@dataclass(frozen=True)
class Host:
    """One generation of SRE Bot, as its repository stood at one commit.

    Attributes:
        generation: ``modules`` (spring 2026) or ``packages`` (the main branch since).
        commit: The host repository's commit the archive holds.
        python: The interpreter the host's CI runs on.
        requirements: The host's pinned requirement files, relative to ``app/``.
        left_out: Requirements installed by the host but used by none of its gates.
        workflow: The host's CI workflow, relative to the repository root.
        in_root: Whether its tools run inside the Python root (``ROOT_SCRIPT``) rather
            than from a virtualenv on this machine; such a host installs its own
            environment, as its workflow's ``make install-ci`` does.
        added: Requirements a feature of the template adds to the host's (its wiring
            task writes them into the host's files): installed beside the host's own.
    """

    generation: str
    commit: str
    python: str
    requirements: tuple[str, ...]
    left_out: frozenset[str]
    workflow: str
    in_root: bool = False
    added: tuple[str, ...] = ()

    @property
    def archive(self) -> Path:
        """The archive of the host repository: it unpacks to ``sre-bot/``."""
        return ARCHIVES / f"sre-bot-{self.commit[:8]}.tar.gz"

    @property
    def pristine(self) -> Path:
        """Where the archive is extracted once, as a committed git work tree."""
        return BUILD / "hosts" / f"{self.generation}-{self.commit[:8]}" / "sre-bot"

    def read(self, path: str) -> str:
        """The text of one file of the host repository, straight from the archive."""
        with tarfile.open(self.archive) as archive:
            member = archive.extractfile(f"sre-bot/{path}")
            assert member is not None, path
            return member.read().decode()

    @cached_property
    def ci_steps(self) -> list[CiStep]:
        """The ``make`` steps of the host's CI workflow that check code, in order.

        Installing is left out where the host's virtualenv is built once, beforehand;
        a host run inside the Python root installs, as its workflow does.
        """
        workflow = yaml.safe_load(self.read(self.workflow))
        steps = []
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                words = str(step.get("run", "")).split()
                installs = words[1:2] and words[1].startswith("install")
                if words[:1] == ["make"] and (self.in_root or not installs):
                    secrets = [
                        name
                        for name, value in (step.get("env") or {}).items()
                        if "secrets." in str(value)
                    ]
                    steps.append(CiStep(step["name"], words[1:], tuple(secrets)))
        return steps

    @cached_property
    def test_environment(self) -> dict[str, str]:
        """The variables the host's pytest configuration sets (pytest-env's ``env``), as it sets them."""
        config = configparser.ConfigParser(interpolation=None)
        config.read_string(self.read(f"{APP}/pytest.ini"))
        found = {}
        for line in config["pytest"].get("env", "").splitlines():
            if "=" in line:
                name, value = line.split("=", 1)
                found[name.strip()] = value.strip().format(**os.environ)
        return found

    def pinned_requirements(self) -> str:
        """The requirement lines the host pins, without the ones no gate uses."""
        lines = []
        for name in self.requirements:
            for line in self.read(f"{APP}/{name}").splitlines():
                match = re.match(r"\s*([A-Za-z0-9._-]*)", line)
                project = match[1].lower() if match else ""
                if project and project not in self.left_out:
                    lines.append(line + "\n")
        return "".join(lines + [f"{line}\n" for line in self.added])

    @cached_property
    def venv(self) -> Path:
        """The host's own virtualenv, named after what is installed in it."""
        key = hashlib.sha256(
            f"{self.python}\n{self.pinned_requirements()}".encode()
        ).hexdigest()[:12]
        return BUILD / "venvs" / f"{self.generation}-{key}"


MODULES = Host(
    generation="modules",
    commit="1a5f53fc27db24d89c114f31410e715b0db3ce8d",
    python="python3.11",
    requirements=("requirements.txt", "requirements_dev.txt"),
    # checkov (a Terraform scanner, hundreds of MB) is in requirements_dev.txt; no gate runs it.
    left_out=frozenset({"checkov"}),
    workflow=".github/workflows/ci_code.yml",
    # A module on the storage back-end adds moto to requirements_dev.txt.
    added=STORAGE_DEV_REQUIREMENTS,
)

# The packages generation needs Python 3.14, which no Debian release before sid ships
# and this machine's C library cannot run: its CI runs inside a sid root that
# tools/python314_root.sh builds (hosts/README.md). Its requirements are uv's lock.
PACKAGES = Host(
    generation="packages",
    commit="a0c00c1f3248118e5578c7f5f10da828fe9442db",
    python="python3.14",
    requirements=(),
    left_out=frozenset(),
    workflow=".github/workflows/ci_code.yml",
    in_root=True,
)

HOSTS = {host.generation: host for host in (MODULES, PACKAGES)}

# The Python 3.14 root, its tools and uv's download cache, shared by every run.
ROOT_SCRIPT = ROOT / "tools" / "python314_root.sh"
PYTHON_ROOT = BUILD / "python314-root"
UV_CACHE = BUILD / "uv-cache"
# The host's workflow installs uv unpinned; the template's suite pins it.
UV = "uv==0.13.9"
# What the host's workflow sets for every step.
ROOT_ENVIRONMENT = {
    "UV_PYTHON_DOWNLOADS": "never",
    "UV_PYTHON": "python3.14",
    "ENVIRONMENT": "ci",
    "SLACK__COMMAND_PREFIX": "",
}


@contextmanager
def _locked(name: str) -> Iterator[None]:
    """Hold a machine-wide lock, so parallel test workers build each thing once."""
    BUILD.mkdir(exist_ok=True)
    with open(BUILD / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` and return what it printed."""
    completed = subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    )
    return completed.stdout


def extract(host: Host) -> Path:
    """Extract the host once per machine and commit it; return the repository root."""
    done = host.pristine.parent / ".complete"
    with _locked(f"extract-{host.generation}"):
        if not done.exists():
            shutil.rmtree(host.pristine.parent, ignore_errors=True)
            host.pristine.parent.mkdir(parents=True)
            with tarfile.open(host.archive) as archive:
                archive.extractall(host.pristine.parent, filter="data")
            git(host.pristine, "init", "-q")
            git(host.pristine, "add", "-A")
            git(host.pristine, "commit", "-q", "-m", f"SRE Bot at {host.commit[:8]}")
            git(
                host.pristine, "gc", "-q"
            )  # one pack: copies of the repository stay cheap
            done.touch()
    return host.pristine


def fresh_copy(host: Host, destination: Path) -> Path:
    """Copy the committed host repository to ``destination``; return its application folder."""
    shutil.copytree(extract(host), destination, symlinks=True)
    return destination / APP


def build_root() -> Path:
    """Build the Python 3.14 root and install uv in it, once per machine."""
    with _locked("python-root"):
        done = PYTHON_ROOT / ".tools-complete"
        if not done.exists():
            subprocess.run(["bash", str(ROOT_SCRIPT), str(PYTHON_ROOT)], check=True)
            for folder in ("work", "cache"):
                (PYTHON_ROOT / folder).mkdir(exist_ok=True)
            UV_CACHE.mkdir(parents=True, exist_ok=True)
            install = (
                f"python3.14 -m venv /opt/tools && /opt/tools/bin/pip install -q {UV}"
            )
            completed = _in_root(BUILD, "/", install, {})
            if completed.returncode != 0:
                raise RuntimeError(
                    f"installing uv in the Python root failed:\n{completed.stderr}"
                )
            done.touch()
    return PYTHON_ROOT


def _in_root(
    repository: Path, folder: str, command: str, extra: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in ``folder`` of ``repository``, inside the Python root.

    The repository and uv's cache are bind-mounted at /work and /cache in a mount
    namespace of the command's own; the command sees no variable of the caller's but
    the host workflow's and ``extra``.
    """
    variables = {
        "PATH": "/opt/tools/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": "/root",
        "LANG": "C.UTF-8",
        "UV_CACHE_DIR": "/cache",
        "SSL_CERT_FILE": "/etc/ssl/certs/ca-certificates.crt",
        **ROOT_ENVIRONMENT,
        **extra,
    }
    inner = [
        "chroot",
        str(PYTHON_ROOT),
        "/usr/bin/env",
        "-i",
        *(f"{name}={value}" for name, value in variables.items()),
        "/bin/sh",
        "-c",
        f"cd /work/{folder} && {command}",
    ]
    mounts = (
        f"mount --bind {shlex.quote(str(repository))} {PYTHON_ROOT}/work"
        f" && mount --bind {shlex.quote(str(UV_CACHE))} {PYTHON_ROOT}/cache"
        f" && exec {shlex.join(inner)}"
    )
    return subprocess.run(
        [
            "unshare",
            "-m",
            "-p",
            "-f",
            f"--mount-proc={PYTHON_ROOT}/proc",
            "sh",
            "-c",
            mounts,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def build_venv(host: Host) -> Path:
    """Build the host's virtualenv from its pinned requirements, once per machine.

    A host run inside the Python root gets the root instead: each copy of it installs
    its own environment with uv (its CI's ``install-ci`` step).
    """
    if host.in_root:
        return build_root()
    venv = host.venv
    with _locked(f"venv-{host.generation}"):
        if not (venv / ".complete").exists():
            python = shutil.which(host.python)
            if python is None:
                raise RuntimeError(
                    f"the {host.generation} host needs {host.python}, which is not on PATH"
                )
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run([python, "-m", "venv", str(venv)], check=True)
            requirements = venv / "requirements.txt"
            requirements.write_text(host.pinned_requirements())
            subprocess.run(
                [
                    str(venv / "bin" / "python"),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "-r",
                    str(requirements),
                ],
                check=True,
            )
            (venv / ".complete").touch()
    return venv


def environment(host: Host, **extra: str) -> dict[str, str]:
    """The environment a host's tools run in: its virtualenv first, nothing of the caller's tests."""
    venv = host.venv
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "COV_", "COVERAGE_", "PYTHON"))
        and key != "VIRTUAL_ENV"
    }
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def run(
    host: Host, app: Path, command: list[str], **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in the application folder ``app`` with the host's tools."""
    if host.in_root:
        repository = app.parent
        return _in_root(repository, app.name, shlex.join(command), extra)
    return subprocess.run(
        command,
        cwd=app,
        env=environment(host, **extra),
        capture_output=True,
        text=True,
        check=False,
    )


def run_ci_step(
    host: Host, app: Path, step: CiStep
) -> subprocess.CompletedProcess[str]:
    """Run one step of the host's CI workflow, as the workflow runs it."""
    return run(host, app, step.command, **step.environment)


def prepare(generations: list[str]) -> None:
    """Extract each host and build its virtualenv, printing how long each took."""
    for generation in generations or list(HOSTS):
        host = HOSTS[generation]
        tools = "Python 3.14 root" if host.in_root else "virtualenv"
        for step, action in (("extract", extract), (tools, build_venv)):
            started = time.monotonic()
            action(host)
            print(
                f"{generation} host: {step} ready in {time.monotonic() - started:.1f} s",
                flush=True,
            )


if __name__ == "__main__":
    if sys.argv[1:2] != ["prepare"]:
        sys.exit(__doc__)
    prepare(sys.argv[2:])
