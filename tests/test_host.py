"""The feature inside the real host: discovered through its hook, served, and alongside others.

That features side by side pass the host's CI is the real-host tier's to show
(test_real_host.py generates each group of the matrix into one host).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

import hosts
from support import (
    CANONICAL_ANSWERS,
    HOST,
    INTEGRATION_ANSWERS,
    ROOT,
    feature_paths,
    tree_digest,
)

pytestmark = pytest.mark.slow

# Runs inside the host as uvicorn serves it (main.app): the whole startup, plugin
# discovery and every feature's hooks included, then GETs each path as a caller with
# the host's development token.
SERVE = """
import json, os, sys
from fastapi.testclient import TestClient
from main import app

headers = {"Authorization": "Bearer " + os.environ["DEV_BYPASS_TOKEN"]}
with TestClient(app) as client:
    answers = {path: client.get(path, headers=headers) for path in sys.argv[1:]}
    print(json.dumps({path: [r.status_code, r.json()] for path, r in answers.items()}))
"""

# A development deployment of the host: not production (PREFIX), so its bypass token
# stands for a signed-in caller; one token issuer configured, as every deployment has.
DEPLOYMENT = {
    **HOST.test_environment,
    "PREFIX": "dev-",
    "DEV_BYPASS_TOKEN": "development-token",
    "ISSUER_CONFIG": '{"https://issuer.invalid": {"jwks_uri": "https://issuer.invalid/jwks"}}',
}


def start(host: Path, *paths: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Start the host app in a fresh interpreter and GET ``paths`` from it."""
    return hosts.run(HOST, host, ["python3", "-c", SERVE, *paths], **DEPLOYMENT, **env)


def serve(host: Path, *paths: str, **env: str) -> dict[str, Any]:
    """What the host app answers to a GET of each of ``paths``: (status, JSON body) by path."""
    completed = start(host, *paths, **env)
    assert completed.returncode == 0, completed.stderr[-5000:]
    return json.loads(completed.stdout.splitlines()[-1])


def test_host_serves_the_feature_through_its_hook(generate: Any, host: Path) -> None:
    project = generate(host, **CANONICAL_ANSWERS)

    answers = serve(
        project,
        "/api/v1/incident-notes/incident-note-1",
        "/openapi.json",
        INCIDENT_NOTES_ENABLED="true",
        INCIDENT_NOTES_PRIMARY_PROVIDER="google",
    )

    status, body = answers["/api/v1/incident-notes/incident-note-1"]
    # The route reached the google provider (chosen by the environment over the storage
    # back-end the answers made primary), whose API call is still to be written.
    assert (status, body["detail"]["error_code"]) == (400, "NOT_IMPLEMENTED")
    openapi = answers["/openapi.json"][1]
    assert "/api/v1/incident-notes/{incident_note_id}" in openapi["paths"]
    assert {
        "name": "Incident Notes",
        "description": CANONICAL_ANSWERS["description"],
    } in openapi["tags"]


def test_the_feature_creates_and_lists_records_in_the_hosts_storage(
    generate: Any, host: Path
) -> None:
    """What `make demo` shows: a POST then a GET through the feature's own routes, on moto's
    DynamoDB, answer 201 then 200 (tools/demo_record.py, run with the host's Python)."""
    project = generate(host, **CANONICAL_ANSWERS)
    spec = importlib.util.spec_from_file_location("demo", ROOT / "tools" / "demo.py")
    assert spec is not None and spec.loader is not None
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)

    assert demo.record(HOST, project, "incident_notes") == 0


def test_host_answers_503_while_the_feature_is_switched_off(
    generate: Any, host: Path
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)

    answers = serve(
        project, "/api/v1/incident-notes?limit=5", INCIDENT_NOTES_ENABLED="false"
    )

    assert answers["/api/v1/incident-notes?limit=5"][0] == 503


def test_host_refuses_to_start_with_an_unknown_primary_provider(
    generate: Any, host: Path
) -> None:
    project = generate(host, **CANONICAL_ANSWERS)

    completed = start(
        project,
        "/openapi.json",
        INCIDENT_NOTES_ENABLED="true",
        INCIDENT_NOTES_PRIMARY_PROVIDER="nope",
    )

    assert completed.returncode != 0
    assert "unknown provider 'nope'" in completed.stderr


def test_two_features_live_side_by_side(generate: Any, host: Path) -> None:
    first = generate(host, **CANONICAL_ANSWERS)
    first_files = tree_digest(first, feature_paths(first, "incident_notes"))

    both = generate(
        first,
        feature_name="Access Requests",
        description="Ask for temporary access to production systems.",
        operations=["create", "get", "list"],
        providers="",
        require_auth=True,
    )

    assert tree_digest(both, feature_paths(both, "incident_notes")) == first_files
    settings = (both / "infrastructure/configuration/settings.py").read_text()
    for module in ("incident_notes", "access_requests"):
        assert settings.count(f'"{module}":') == 1
    answers = serve(
        both,
        "/api/v1/incident-notes/incident-note-1",
        "/api/v1/access-requests?limit=3",
        INCIDENT_NOTES_ENABLED="true",
        ACCESS_REQUESTS_ENABLED="true",
    )
    assert [status for status, _ in answers.values()] == [400, 400]


def test_an_integration_lives_beside_a_module_and_its_endpoint_is_served(
    generate: Any, host: Path
) -> None:
    first = generate(host, **CANONICAL_ANSWERS)
    first_files = tree_digest(first, feature_paths(first, "incident_notes"))

    both = generate(first, **INTEGRATION_ANSWERS)

    assert tree_digest(both, feature_paths(both, "incident_notes")) == first_files
    settings = (both / "infrastructure/configuration/settings.py").read_text()
    assert '"email_delivery": EmailDeliverySettings' in settings
    answers = serve(
        both,
        "/api/v1/email-delivery/message-1",
        "/api/v1/incident-notes/incident-note-1",
        EMAIL_DELIVERY_ENDPOINT_ENABLED="true",
        INCIDENT_NOTES_ENABLED="true",
    )
    # The client is switched off (EMAIL_DELIVERY_ENABLED): it fails fast, and the
    # endpoint answers 502 with the client's code, without calling anything.
    status, body = answers["/api/v1/email-delivery/message-1"]
    assert (status, body["detail"]["error_code"]) == (502, "INTEGRATION_DISABLED")
    assert answers["/api/v1/incident-notes/incident-note-1"][0] == 400
