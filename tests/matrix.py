"""The answer matrix: the combinations of answers every test tier that renders the template covers.

Each case is one feature's answers; feature names differ, so the cases of a group can
be generated side by side into one host.
"""

from __future__ import annotations

from typing import Any

from extensions.names import singular_pascal, snake

ALL_OPERATIONS = ["create", "get", "list", "update", "delete"]
THREE_PROVIDERS = "google, aws, opsgenie"
# Every type a field may have, required and optional.
EVERY_TYPE = """title: str
severity: low | medium | high
starts: datetime
ends: datetime?
approved: bool
attendees: int?
notes: text?
review_on: date?
incident_id: str?"""
# Names that are also Python, pydantic or FastAPI words, or the generated code's own.
FRAMEWORK_WORDS = """type: str
status: open | closed
body: text?
query: str?
request: int?
response: bool
items: int
count: int?
limit: date?
self: str?"""
HOSTILE_TEXT = 'Say """hi""" it\'s {{ x }} {% if %} | `x` <b> \\ end" 🚨 日本語'

CASES: dict[str, dict[str, Any]] = {
    # Modules: each operation alone; none, one and three providers (typed as people type
    # them: commas, spaces, or the YAML list of earlier versions); auth on and off.
    "create-1p-auth": {
        "feature_name": "Incident Notes",
        "operations": ["create"],
        "providers": "google",
        "require_auth": True,
    },
    "get-0p-open": {
        "feature_name": "Status Pages",
        "operations": ["get"],
        "providers": "",
        "require_auth": False,
        "slack": False,
    },
    "list-3p-auth": {
        "feature_name": "On-call Rotations",
        "operations": ["list"],
        "providers": THREE_PROVIDERS,
        "primary_provider": "aws",
        "require_auth": True,
    },
    "update-1p-open": {
        "feature_name": "Runbook Links",
        "operations": ["update"],
        "providers": "google",
        "require_auth": False,
    },
    # Names that are also modules of the standard library or of the host's dependencies:
    # every generated package lives inside one of the host's (modules.email, unit.modules.email).
    "named-email-2p-auth": {
        "feature_name": "Email",
        "operations": ["create", "get"],
        "providers": "google aws",
        "require_auth": True,
    },
    "named-logging-0p-open": {
        "feature_name": "Logging",
        "operations": ["list", "update"],
        "providers": "",
        "require_auth": False,
        "slack": False,
    },
    # A Slack command named otherwise than the module.
    "delete-0p-auth": {
        "feature_name": "Silenced Alerts",
        "operations": ["delete"],
        "providers": "",
        "require_auth": True,
        "slack_command": "mute",
    },
    # Modules with every operation, the longest names accepted, and hostile free text.
    "all-0p-open": {
        "feature_name": "Access Requests",
        "operations": ALL_OPERATIONS,
        "providers": "",
        "require_auth": False,
    },
    "all-1p-auth": {
        "feature_name": "Change Freezes",
        "operations": ALL_OPERATIONS,
        "providers": "google",
        "require_auth": True,
    },
    "all-3p-open": {
        "feature_name": "Escalation Policies",
        "operations": ALL_OPERATIONS,
        "providers": THREE_PROVIDERS,
        "primary_provider": "opsgenie",
        "require_auth": False,
    },
    "longest-names-3p-auth": {
        "feature_name": "Scheduled Maintenance Windows",
        "module_name": "maintenance_window_plans",
        "entity_name": "ScheduledMaintenanceSlot",
        "operations": ALL_OPERATIONS,
        # The form --data took when providers was a YAML list.
        "providers": "[pagerduty_escalations, statuspage_components, google]",
        "primary_provider": "statuspage_components",
        "require_auth": True,
    },
    "hostile-text": {
        "feature_name": 'Notes "quoted" \\ back',
        "module_name": "hostile_notes",
        "description": HOSTILE_TEXT,
        "problem_statement": "line one\n- not a list\n# not a heading\n\n{{ still text }}",
        "success_criteria": "| pipes |\n*stars*\n- a dash: and a colon\n\n{{ x }}\n",
        "out_of_scope": "[not, a list] # nor a comment",
        "owner": "@team <script>",
        "operations": ALL_OPERATIONS,
        "providers": "google",
        "require_auth": True,
    },
    # The bot's own storage, with fields of every type (optional or not), one field that
    # is no text, and names that are Python, pydantic or FastAPI words: each feature's
    # end-to-end test drives every route and Slack subcommand against moto's DynamoDB.
    "storage-every-type": {
        "feature_name": "Change Windows",
        "operations": ALL_OPERATIONS,
        "providers": "storage",
        "require_auth": True,
        "fields": EVERY_TYPE,
    },
    "storage-one-flag-open": {
        "feature_name": "Maintenance Flags",
        "operations": ALL_OPERATIONS,
        "providers": "storage",
        "require_auth": False,
        "fields": "active: bool",
    },
    "storage-words-2p": {
        "feature_name": "Service Requests",
        "operations": ALL_OPERATIONS,
        "providers": "storage, google",
        "primary_provider": "google",
        "require_auth": True,
        "fields": FRAMEWORK_WORDS,
    },
    # Integrations: with and without the endpoint, open and authenticated, the
    # smallest and the largest sets of calls, the longest names, hostile text.
    "integration-all-endpoint-auth-body-words": {
        "kind": "integration",
        "feature_name": "Pager Gateway",
        # The words of the request bodies' parameters (draft, changes) in the
        # entity's name, so in every id parameter's name.
        "entity_name": "DraftChangesNote",
        "operations": ALL_OPERATIONS,
        "endpoint": True,
        "require_auth": True,
    },
    "integration-create-get": {
        "kind": "integration",
        "feature_name": "Ticket Desk",
        "operations": ["create", "get"],
        "endpoint": False,
    },
    "integration-list-endpoint-open": {
        "kind": "integration",
        "feature_name": "Calendar Feed",
        "operations": ["list"],
        "endpoint": True,
        "require_auth": False,
    },
    "integration-delete": {
        "kind": "integration",
        "feature_name": "Status Board",
        "operations": ["delete"],
        "endpoint": False,
    },
    "integration-update-endpoint-auth": {
        "kind": "integration",
        "feature_name": "Asset Inventory",
        "operations": ["update"],
        "endpoint": True,
        "require_auth": True,
    },
    "integration-longest-names-endpoint": {
        "kind": "integration",
        "feature_name": "Statuspage Component Feeds",
        "module_name": "maintenance_window_feeds",
        "entity_name": "ScheduledMaintenanceSlot",
        "operations": ALL_OPERATIONS,
        "endpoint": True,
        "require_auth": True,
    },
    "integration-named-email": {
        "kind": "integration",
        "feature_name": "Email",
        "operations": ["create", "get"],
        "endpoint": False,
    },
    "integration-named-schedule-endpoint": {
        "kind": "integration",
        "feature_name": "Schedule",
        "operations": ["get", "list"],
        "endpoint": True,
        "require_auth": True,
    },
    "integration-hostile-text-endpoint": {
        "kind": "integration",
        "feature_name": 'Mail "quoted" \\ back',
        "module_name": "hostile_mail",
        "description": HOSTILE_TEXT,
        "operations": ["create", "update"],
        "endpoint": True,
        "require_auth": True,
    },
    # Modules whose back-ends are integrations of the same host (packages generation:
    # their adapters call the integration's client). Ticket Desk has create and get;
    # Calendar Feed has list.
    "wired-partial-2p-auth": {
        "feature_name": "Support Tickets",
        "operations": ["create", "get", "list", "update"],
        "providers": "ticket_desk,google",
        "primary_provider": "ticket_desk",
        "require_auth": True,
    },
    "wired-full-1p-open": {
        "feature_name": "Calendar Events",
        "operations": ["list"],
        "providers": "calendar_feed",
        "require_auth": False,
    },
}

GROUPS: dict[str, list[str]] = {
    # One host for the modules: the host's own CI, the costliest step, runs once for
    # all of them (the packages host holds the same set side by side). Fourteen
    # features in one host also prove they mount once however often the host's tests
    # start its app (the host's lifespan tests do so about forty times).
    "modules": [
        "create-1p-auth",
        "get-0p-open",
        "list-3p-auth",
        "update-1p-open",
        "named-email-2p-auth",
        "storage-every-type",
        "storage-one-flag-open",
        "storage-words-2p",
        "all-0p-open",
        "all-1p-auth",
        "all-3p-open",
        "longest-names-3p-auth",
        "hostile-text",
        "named-logging-0p-open",
    ],
    # The integrations, and a module beside them.
    "integrations": [
        *(case for case in CASES if case.startswith("integration-")),
        "delete-0p-auth",
    ],
}

# The same cases in the packages generation, two groups to a host: a host holds one
# feature of a name. An integration's endpoint is not asked there (routes belong to
# feature packages): its answer is ignored, as a shared answers file's would be.
PACKAGES_GROUPS: dict[str, list[str]] = {
    "packages-modules": GROUPS["modules"] + ["delete-0p-auth"],
    "packages-integrations": GROUPS["integrations"]
    + ["wired-partial-2p-auth", "wired-full-1p-open"],
}

# The host generation each group is generated into.
GENERATION_OF = {
    **{group: "modules" for group in GROUPS},
    **{group: "packages" for group in PACKAGES_GROUPS},
}

DESCRIPTION = "Keep short notes attached to an incident while it is handled."


def case_answers(case: str) -> dict[str, Any]:
    """The case's answers, with the defaults copier derives filled in (module and entity names)."""
    found = {"description": DESCRIPTION, **CASES[case]}
    found.setdefault("module_name", snake(found["feature_name"]))
    found.setdefault("entity_name", singular_pascal(found["module_name"]))
    if found.get("kind", "module") == "module":
        found.setdefault("slack", True)
        if found["slack"]:
            found.setdefault("slack_command", found["module_name"].replace("_", "-"))
    return found
