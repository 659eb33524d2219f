"""Every answer combination of the matrix, generated into the reference host, passes its gates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support import failed_gates

ALL_OPERATIONS = ["create", "get", "list", "update", "delete"]
THREE_PROVIDERS = ["google", "aws", "opsgenie"]

# Each operation alone and all five together; 0, 1 and 3 providers; auth on and off;
# and the longest names the questions accept.
MATRIX = [
    pytest.param(
        {"operations": ["create"], "providers": ["google"], "require_auth": True},
        id="create-1p-auth",
    ),
    pytest.param(
        {"operations": ["get"], "providers": [], "require_auth": False},
        id="get-0p-open",
    ),
    pytest.param(
        {
            "operations": ["list"],
            "providers": THREE_PROVIDERS,
            "primary_provider": "aws",
            "require_auth": True,
        },
        id="list-3p-auth",
    ),
    pytest.param(
        {"operations": ["update"], "providers": ["google"], "require_auth": False},
        id="update-1p-open",
    ),
    pytest.param(
        {"operations": ["delete"], "providers": [], "require_auth": True},
        id="delete-0p-auth",
    ),
    pytest.param(
        {"operations": ALL_OPERATIONS, "providers": [], "require_auth": False},
        id="all-0p-open",
    ),
    pytest.param(
        {"operations": ALL_OPERATIONS, "providers": ["google"], "require_auth": True},
        id="all-1p-auth",
    ),
    pytest.param(
        {
            "operations": ALL_OPERATIONS,
            "providers": THREE_PROVIDERS,
            "primary_provider": "opsgenie",
            "require_auth": False,
        },
        id="all-3p-open",
    ),
    pytest.param(
        {
            "feature_name": "Scheduled Maintenance Windows",
            "module_name": "maintenance_window_plans",
            "entity_name": "ScheduledMaintenanceSlot",
            "operations": ALL_OPERATIONS,
            "providers": ["pagerduty_escalations", "statuspage_components", "google"],
            "primary_provider": "statuspage_components",
            "require_auth": True,
        },
        id="longest-names-3p-auth",
    ),
    pytest.param(
        {
            "feature_name": 'Notes "quoted" \\ back',
            "module_name": "hostile_notes",
            "description": 'Say """hi""" it\'s {{ x }} {% if %} | `x` <b> \\ end" 🚨 日本語',
            "problem_statement": "line one\n- not a list\n# not a heading\n\n{{ still text }}",
            "success_criteria": ["| pipes |", "*stars*"],
            "owner": "@team <script>",
            "operations": ALL_OPERATIONS,
            "providers": ["google"],
            "require_auth": True,
        },
        id="hostile-text",
    ),
    # Integrations: with and without the endpoint, open and authenticated, the
    # smallest and the largest sets of calls, and the longest names.
    pytest.param(
        {
            "kind": "integration",
            # The words of the request bodies' parameters (draft, changes) in the
            # entity's name, so in every id parameter's name.
            "entity_name": "DraftChangesNote",
            "operations": ALL_OPERATIONS,
            "endpoint": True,
            "require_auth": True,
        },
        id="integration-all-endpoint-auth-body-words",
    ),
    pytest.param(
        {"kind": "integration", "operations": ["create", "get"], "endpoint": False},
        id="integration-create-get",
    ),
    pytest.param(
        {
            "kind": "integration",
            "operations": ["list"],
            "endpoint": True,
            "require_auth": False,
        },
        id="integration-list-endpoint-open",
    ),
    pytest.param(
        {"kind": "integration", "operations": ["delete"], "endpoint": False},
        id="integration-delete",
    ),
    pytest.param(
        {
            "kind": "integration",
            "operations": ["update"],
            "endpoint": True,
            "require_auth": True,
        },
        id="integration-update-endpoint-auth",
    ),
    pytest.param(
        {
            "kind": "integration",
            "feature_name": "Statuspage Component Feeds",
            "module_name": "maintenance_window_feeds",
            "entity_name": "ScheduledMaintenanceSlot",
            "operations": ALL_OPERATIONS,
            "endpoint": True,
            "require_auth": True,
        },
        id="integration-longest-names-endpoint",
    ),
    pytest.param(
        {
            "kind": "integration",
            "feature_name": 'Mail "quoted" \\ back',
            "module_name": "hostile_mail",
            "description": 'Say """hi""" it\'s {{ x }} {% if %} | `x` <b> \\ end" 🚨 日本語',
            "operations": ["create", "update"],
            "endpoint": True,
            "require_auth": True,
        },
        id="integration-hostile-text-endpoint",
    ),
]

BASE_ANSWERS: dict[str, Any] = {
    "feature_name": "Incident Notes",
    "description": "Keep short notes attached to an incident while it is handled.",
}


@pytest.mark.parametrize("answers", MATRIX)
def test_generated_feature_passes_every_gate(
    generate: Any, host: Path, mypy_cache: Path, answers: dict[str, Any]
) -> None:
    answers = {**BASE_ANSWERS, **answers}
    project = generate(host, **answers)
    module = answers.get("module_name", "incident_notes")

    failures = failed_gates(project, module, mypy_cache)

    assert not failures, "\n".join(failures.values())
