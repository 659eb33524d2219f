"""Requests per second of the generated GET route against a hand-written minimal one.

Run it from the application folder (``app/``) of a real SRE Bot the example feature was
generated into, with the host's own virtualenv (its packages, its uvicorn) and the
environment of a development deployment: the variables of the host's pytest
configuration, ``PREFIX=dev-`` (not production), ``ISSUER_CONFIG`` (one token issuer,
as every deployment has) and ``DEV_BYPASS_TOKEN``, the development token every request
sends. bench/run.py does: ``python3 /path/to/bench/endpoint.py --out result.json``.
The host's logging writes its events (the bypass's warning, the feature's event) to
stderr, one or two per request.

Four synchronous FastAPI apps answer ``GET /api/v1/incident-notes/incident-note-1``
with the same JSON, each through its own ``fastapi.testclient.TestClient`` (in-process,
its event loop kept open for the whole run), every request with the same bearer token:

- ``minimal``: one hand-written ``def`` route of the same path shape returning a dict.
- ``host_minimal``: the same hand-written route taking what every route of the host
  takes, the host's ``settings: SettingsDep`` and ``current_user: CurrentUserDep``: the
  floor for a route of this host, which the template cannot lower.
- ``wired``: the feature as the host runs it. Its ``register_routes`` hook mounts the
  routes; nothing is overridden. The settings come from the environment
  (``INCIDENT_NOTES_ENABLED=true``), the primary provider is a fake registered under the
  name ``bench`` whose ``_get_impl`` returns one note built up front, and the host's own
  ``get_current_user`` takes the development token (its bypass of the JWKS check).
- ``overridden``: the same routes wired the way the generated integration tests wire
  them, through ``app.dependency_overrides`` (the settings, the host's key set and
  identity service, the current user).

The rounds cycle through the apps, the order rotating each round, so drift on a noisy
machine hits every app alike; the ratios are taken round by round.

``--served`` measures ``minimal``, ``host_minimal`` and ``wired`` again as production
runs them: each app in its own process, served by the host's uvicorn on loopback, the
requests sent by one ``httpx.Client`` (keep-alive) in this process, the servers taking
turns in the same rounds. Under ``TestClient`` every thread-pool call is a round trip
between two threads of one busy process; behind a real server it is one hop among the
socket and HTTP work every request pays, so the two figures bracket the cost of the
feature's dependencies.

``--profile N`` adds, per app, a cProfile of N requests sent through
``httpx.AsyncClient`` on the main thread with FastAPI's thread-pool calls run inline,
so that the profile sees the route's own work (cProfile follows one thread only), and
the number of thread-pool calls each request costs.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import logging
import os
import pstats
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar
from unittest.mock import MagicMock

import fastapi.dependencies.utils
import fastapi.routing
import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

if not os.environ.get("DEV_BYPASS_TOKEN"):
    sys.exit(
        "endpoint.py: set DEV_BYPASS_TOKEN (and PREFIX=dev-, ISSUER_CONFIG): every"
        " request authenticates with the host's development token"
    )
os.environ["INCIDENT_NOTES_ENABLED"] = "true"
os.environ["INCIDENT_NOTES_PRIMARY_PROVIDER"] = "bench"
sys.path.insert(0, str(Path.cwd()))

# The host's and the generated feature's modules: importable from the host's app/ only.
from infrastructure.configuration.features.incident_notes import (  # noqa: E402
    IncidentNotesSettings,
)
from infrastructure.identity.models import IdentitySource, User  # noqa: E402
from infrastructure.operations import OperationResult  # noqa: E402
from infrastructure.services import (  # noqa: E402
    CurrentUserDep,
    SettingsDep,
    get_current_user,
    get_identity_service,
    get_jwks_manager,
    get_settings,
)
from modules.incident_notes import register_routes  # noqa: E402
from modules.incident_notes.models import IncidentNote  # noqa: E402
from modules.incident_notes.providers import register_provider  # noqa: E402
from tests.unit.modules.incident_notes.fakes import (  # noqa: E402
    SAMPLE_JSON,
    FakeIncidentNotesProvider,
    sample_incident_note,
)

# The client's own "HTTP Request: ..." line per request (the host's logging setup lets
# httpx log at INFO) is the measuring instrument's work, not the app's: keep it out.
logging.getLogger("httpx").setLevel(logging.WARNING)

T = TypeVar("T")

NOTE_ID = "incident-note-1"
PATH = f"/api/v1/incident-notes/{NOTE_ID}"
HEADERS = {"Authorization": f"Bearer {os.environ['DEV_BYPASS_TOKEN']}"}
# The note every app answers: the generated tests' sample, whatever its fields.
PAYLOAD = {"id": NOTE_ID, **SAMPLE_JSON}

# What the profile lists: the feature's and the host's code, what they call in
# structlog and pydantic, and FastAPI's per-request steps; not the client's work.
LISTED_CODE = re.compile(
    r"modules/incident_notes/|infrastructure/|structlog/|pydantic|fastapi/dependencies/"
)
LISTED_ROUTING = {"run_endpoint_function", "serialize_response"}


@register_provider("bench")
class FixedNoteProvider(FakeIncidentNotesProvider):
    """The generated tests' fake provider, answering every get with one prebuilt note."""

    def __init__(self, settings: IncidentNotesSettings) -> None:
        super().__init__(settings)
        self._found: OperationResult[IncidentNote] = OperationResult.success(
            data=sample_incident_note(id=NOTE_ID)
        )

    def _get_impl(self, incident_note_id: str) -> OperationResult[IncidentNote]:
        """Return the prebuilt note, whatever the id."""
        return self._found


def minimal_app() -> FastAPI:
    """The floor: one synchronous route of the same path shape returning the same JSON."""
    app = FastAPI()

    @app.get("/api/v1/incident-notes/{incident_note_id}")
    def get_incident_note(incident_note_id: str) -> dict[str, object]:
        return {**PAYLOAD, "id": incident_note_id}

    return app


def host_minimal_app() -> FastAPI:
    """The floor for this host: the minimal route with the host's two dependencies."""
    app = FastAPI()

    @app.get("/api/v1/incident-notes/{incident_note_id}")
    def get_incident_note(
        incident_note_id: str, settings: SettingsDep, current_user: CurrentUserDep
    ) -> dict[str, object]:
        return {**PAYLOAD, "id": incident_note_id}

    return app


def wired_app() -> FastAPI:
    """The feature as the host mounts it, on the fake provider the environment names."""
    app = FastAPI()
    register_routes(app)
    return app


def overridden_app() -> FastAPI:
    """The feature wired as its integration tests wire it: dependency overrides."""
    feature_settings = IncidentNotesSettings(
        _env_file=None, INCIDENT_NOTES_ENABLED=True  # type: ignore[call-arg]
    )
    settings = SimpleNamespace(incident_notes=feature_settings)
    user = User(
        user_id="bench@example.org",
        email="bench@example.org",
        display_name="Bench Caller",
        source=IdentitySource.API_JWT,
        platform_id="bench@example.org",
    )

    app = wired_app()
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[get_jwks_manager] = lambda: MagicMock(name="jwks")
    app.dependency_overrides[get_identity_service] = lambda: MagicMock(name="identity")
    app.dependency_overrides[get_current_user] = lambda: user
    return app


APPS: dict[str, Callable[[], FastAPI]] = {
    "minimal": minimal_app,
    "host_minimal": host_minimal_app,
    "wired": wired_app,
    "overridden": overridden_app,
}


def requests_per_second(client: httpx.Client, count: int) -> float:
    """Send ``count`` GET requests through ``client`` and return their rate."""
    get = client.get
    started = time.perf_counter()
    for _ in range(count):
        get(PATH, headers=HEADERS)
    return count / (time.perf_counter() - started)


def check(name: str, client: httpx.Client) -> None:
    """Fail unless the app answers 200 with the expected payload."""
    response = client.get(PATH, headers=HEADERS)
    if response.status_code != 200 or response.json() != PAYLOAD:
        raise SystemExit(f"{name}: unexpected {response.status_code}: {response.text}")


def measure(rounds: int, count: int, warmup: int) -> dict[str, list[float]]:
    """The rate of every app in each round, the apps taking turns."""
    rates: dict[str, list[float]] = {name: [] for name in APPS}
    with ExitStack() as stack:
        clients = {
            name: stack.enter_context(TestClient(build()))
            for name, build in APPS.items()
        }
        for name, client in clients.items():
            check(name, client)
            requests_per_second(client, warmup)
        names = list(clients)
        for round_number in range(rounds):
            shift = round_number % len(names)
            for name in names[shift:] + names[:shift]:
                rates[name].append(requests_per_second(clients[name], count))
    return rates


SERVED = ("minimal", "host_minimal", "wired")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextmanager
def served(name: str) -> Iterator[httpx.Client]:
    """A client of ``name`` served by uvicorn in its own process, ready for requests."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", name, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    client.get("/openapi.json")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit(f"{name}: the server did not start")
                    time.sleep(0.1)
            yield client
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure_served(rounds: int, count: int, warmup: int) -> dict[str, list[float]]:
    """The rate of the served apps in each round, taking turns."""
    rates: dict[str, list[float]] = {name: [] for name in SERVED}
    with ExitStack() as stack:
        clients = {name: stack.enter_context(served(name)) for name in SERVED}
        for name, client in clients.items():
            check(name, client)
            requests_per_second(client, warmup)
        for round_number in range(rounds):
            shift = round_number % len(SERVED)
            for name in SERVED[shift:] + SERVED[:shift]:
                rates[name].append(requests_per_second(clients[name], count))
    return rates


@contextmanager
def inline_thread_pool(calls: list[int]) -> Iterator[None]:
    """Run FastAPI's thread-pool calls inline, counting them in ``calls[0]``."""

    async def inline(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        calls[0] += 1
        return func(*args, **kwargs)

    modules = [fastapi.routing, fastapi.dependencies.utils]
    saved = [module.run_in_threadpool for module in modules]
    for module in modules:
        setattr(module, "run_in_threadpool", inline)
    try:
        yield
    finally:
        for module, original in zip(modules, saved):
            setattr(module, "run_in_threadpool", original)


async def _send(
    app: FastAPI, count: int, profiler: cProfile.Profile, calls: list[int]
) -> float:
    """Send ``count`` requests to ``app`` on this thread, profiled; return the seconds."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://bench"
    ) as client:
        for _ in range(50):
            await client.get(PATH, headers=HEADERS)
        calls[0] = 0
        profiler.enable()
        started = time.perf_counter()
        for _ in range(count):
            await client.get(PATH, headers=HEADERS)
        elapsed = time.perf_counter() - started
        profiler.disable()
    return elapsed


def profile(name: str, count: int, top: int) -> str:
    """Where one app's requests spend their time, per request, as text."""
    profiler = cProfile.Profile()
    calls = [0]
    with inline_thread_pool(calls):
        elapsed = asyncio.run(_send(APPS[name](), count, profiler, calls))
    hops = calls[0] / count
    in_app = 0.0
    rows = []
    stats: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    for (filename, line, function), (_, ncalls, _, cumulative, _) in stats.items():
        if filename.endswith("fastapi/applications.py") and function == "__call__":
            in_app = cumulative
        elif _listed(filename, function):
            rows.append((cumulative, ncalls, f"{_short(filename)}:{line}({function})"))
    rows.sort(reverse=True)
    lines = [
        f"{name}: {hops:g} thread-pool calls per request (each a thread hop under"
        f" TestClient); with them inline, {count / elapsed:.0f} requests/s, of which"
        f" {in_app / count * 1e6:.0f} us per request inside the app:",
        f"  {'us/request':>10}  {'calls/req':>9}  function (cumulative)",
    ]
    for cumulative, ncalls, where in rows[:top]:
        lines.append(
            f"  {cumulative / count * 1e6:10.1f}  {ncalls / count:9.2f}  {where}"
        )
    return "\n".join(lines)


def _listed(filename: str, function: str) -> bool:
    """Whether a profiled function is one the profile lists."""
    if filename.endswith("fastapi/routing.py"):
        return function in LISTED_ROUTING
    return bool(LISTED_CODE.search(filename))


def _short(filename: str) -> str:
    """A path from its package onwards."""
    for marker in ("site-packages/", str(Path.cwd()) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main() -> int:
    """Measure the apps and write their rates (and profiles, if asked) as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="JSON result file")
    parser.add_argument("--rounds", type=int, default=7, help="rounds per app")
    parser.add_argument("--requests", type=int, default=1000, help="per round")
    parser.add_argument("--warmup", type=int, default=300, help="requests per app")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="profile N requests"
    )
    parser.add_argument("--top", type=int, default=25, help="profile rows per app")
    parser.add_argument(
        "--served", action="store_true", help="also measure through uvicorn"
    )
    parser.add_argument("--serve", choices=SERVED, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:  # the server side of --served, in its own process
        uvicorn.run(
            APPS[args.serve](), host="127.0.0.1", port=args.port, log_level="warning"
        )
        return 0

    result: dict[str, Any] = {"rates": measure(args.rounds, args.requests, args.warmup)}
    if args.served:
        result["served"] = measure_served(args.rounds, args.requests, args.warmup)
    if args.profile:
        result["profiles"] = [profile(name, args.profile, args.top) for name in APPS]
    args.out.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
