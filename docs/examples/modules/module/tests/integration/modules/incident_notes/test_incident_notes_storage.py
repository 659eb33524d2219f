"""Incident Notes end to end on the bot's own storage: every route and Slack subcommand against DynamoDB.

moto stands for DynamoDB; everything between the request and the table is the feature's
and the host's real code: the service as ``build_incident_notes_service()`` builds it, on
the storage provider, on the host's ``get_storage_service()``. Each test reads the table
back.
"""

import re
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import boto3
import moto
import pluggy
import pytest
from fastapi.testclient import TestClient

import infrastructure.services.providers as TRANSLATIONS
import modules.incident_notes as feature
import modules.incident_notes.platforms.slack as slack_command
from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.hookspecs import features as SPECS
from infrastructure.i18n.factory import create_translator
from infrastructure.i18n.resources import I18nResourceRegistry
from infrastructure.i18n.service import TranslationService
from infrastructure.platforms.models import CommandPayload, CommandResponse
from infrastructure.platforms.providers.slack import SlackPlatformProvider
from infrastructure.services import get_aws_clients, get_settings, get_storage_service
from modules.incident_notes.controllers import build_incident_notes_service
from modules.incident_notes.providers.storage import PARTITION
from modules.incident_notes.service import IncidentNotesService
from tests.unit.modules.incident_notes.fakes import CHANGED_JSON, SAMPLE_JSON

pytestmark = pytest.mark.integration

TABLE = "sre_bot_incident_notes"
BASE = "/api/v1/incident-notes"
# Every field as the table holds it after the sample is created, then after it is changed.
STORED = {
    "title": {"S": "Disk full on db-1"},
    "body": {"S": "Paged at 03:12, cleaned up old WAL files."},
    "severity": {"S": "low"},
    "pinned": {"BOOL": True},
    "follow_up_on": {"S": "2026-03-01"},
}
CHANGED = {
    "title": {"S": "Disk full on db-2"},
    "body": {"S": "Moved to the replica."},
    "severity": {"S": "medium"},
    "pinned": {"BOOL": False},
    "follow_up_on": {"S": "2026-03-02"},
}


def forget() -> None:
    """Drop every singleton the providers built, so the next call builds them on the mock and the environment."""
    get_settings.cache_clear()
    get_aws_clients.cache_clear()
    get_storage_service.cache_clear()
    build_incident_notes_service.cache_clear()


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The feature's table in moto's DynamoDB, keyed as PLAN.md's section 4 declares it."""
    region = get_settings().aws.AWS_REGION
    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SECURITY_TOKEN",
        "AWS_SESSION_TOKEN",
    ):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", region)
    monkeypatch.setenv("INCIDENT_NOTES_PRIMARY_PROVIDER", "storage")
    with moto.mock_aws():
        client = boto3.client("dynamodb", region_name=region)
        client.create_table(
            TableName=TABLE,
            KeySchema=[
                {"AttributeName": "PK", "KeyType": "HASH"},
                {"AttributeName": "SK", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "PK", "AttributeType": "S"},
                {"AttributeName": "SK", "AttributeType": "S"},
            ],
            ProvisionedThroughput={"ReadCapacityUnits": 2, "WriteCapacityUnits": 2},
        )
        forget()
        yield client
    forget()


@pytest.fixture
def service(table: Any) -> IncidentNotesService:
    """The service the routes get: the one the bot builds, on the storage provider and the table."""
    return build_incident_notes_service()


@pytest.fixture
def ask(
    table: Any, monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], CommandResponse]:
    """Send ``/sre incident-notes <text>`` through the host's Slack provider, with the bot's translations."""
    host_settings = SimpleNamespace(
        incident_notes=IncidentNotesSettings(
            _env_file=None, INCIDENT_NOTES_ENABLED=True
        )
    )
    monkeypatch.setattr(slack_command, "get_settings", lambda: host_settings)
    manager = pluggy.PluginManager("sre_bot")
    manager.add_hookspecs(SPECS)
    manager.register(feature)
    registry = I18nResourceRegistry()
    manager.hook.register_i18n_resources(registry=registry)
    translations = TranslationService(translator=create_translator())
    loaded = translations.initialize(resources=registry.list_specs(), strict=True)
    assert loaded.is_success, loaded.message
    monkeypatch.setattr(TRANSLATIONS, "get_translation_service", lambda: translations)
    provider = SlackPlatformProvider(
        settings=SimpleNamespace(ENABLED=True, SOCKET_MODE=True)
    )
    provider.set_translator(translations.translator)
    manager.hook.register_slack_commands(provider=provider)

    def _ask(text: str) -> CommandResponse:
        payload = CommandPayload(
            text=text, user_id="U0SRE", channel_id="C0SRE", user_locale="en-US"
        )
        return provider.route_hierarchical_command(
            "sre", f"incident-notes {text}", payload
        )

    return _ask


def items(table: Any) -> dict[str, dict[str, Any]]:
    """Every item of the table by id, its fields as DynamoDB holds them."""
    found = table.scan(TableName=TABLE)["Items"]
    assert all(item["PK"] == {"S": PARTITION} for item in found)
    return {
        item["SK"]["S"]: {
            name: value for name, value in item.items() if name not in ("PK", "SK")
        }
        for item in found
    }


def test_the_routes_create_get_list_update_delete_in_the_table(
    client: TestClient, table: Any
) -> None:
    created = client.post(BASE, json=SAMPLE_JSON)

    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    assert created.json() == {"id": item_id, **SAMPLE_JSON}
    assert items(table) == {item_id: STORED}

    fetched = client.get(f"{BASE}/{item_id}")

    assert (fetched.status_code, fetched.json()) == (
        200,
        {"id": item_id, **SAMPLE_JSON},
    )

    listed = client.get(BASE)

    assert listed.json() == {
        "items": [{"id": item_id, **SAMPLE_JSON}],
        "count": 1,
        "next": None,
    }

    updated = client.patch(f"{BASE}/{item_id}", json=CHANGED_JSON)

    assert (updated.status_code, updated.json()) == (
        200,
        {"id": item_id, **CHANGED_JSON},
    )
    assert items(table) == {item_id: CHANGED}

    deleted = client.delete(f"{BASE}/{item_id}")

    assert deleted.status_code == 204
    assert items(table) == {}
    assert client.get(f"{BASE}/{item_id}").status_code == 404


def test_the_list_route_pages_through_the_table_newest_first(
    client: TestClient, table: Any
) -> None:
    for item_id in [
        "0190000000000000aaaa",
        "0192000000000000aaaa",
        "0191000000000000aaaa",
    ]:
        table.put_item(
            TableName=TABLE,
            Item={"PK": {"S": PARTITION}, "SK": {"S": item_id}, **STORED},
        )

    first = client.get(f"{BASE}?limit=2").json()
    second = client.get(f"{BASE}?limit=2&before={first['next']}").json()

    assert [found["id"] for found in first["items"]] == [
        "0192000000000000aaaa",
        "0191000000000000aaaa",
    ]
    assert first["next"] == "0191000000000000aaaa"
    assert [found["id"] for found in second["items"]] == ["0190000000000000aaaa"]
    assert second["next"] is None


def test_an_id_the_table_lacks_is_a_404(client: TestClient, table: Any) -> None:
    response = client.get(f"{BASE}/0190000000000000aaaa")

    message = response.json()["detail"]["message"]
    assert (response.status_code, message) == (
        404,
        "no incident note has the id 0190000000000000aaaa",
    )


def test_the_slack_subcommands_create_get_list_update_delete_in_the_table(
    ask: Callable[[str], CommandResponse], table: Any
) -> None:
    added = ask(
        "add Disk full on db-1 --body Paged at 03:12, cleaned up old WAL files. --severity low --pinned true --follow-up-on 2026-03-01"
    )

    [item_id] = items(table)
    assert f"`{item_id}`" in added.message
    assert items(table) == {item_id: STORED}

    shown = ask(f"get {item_id}")

    assert shown.message.startswith(f"`{item_id}`")

    listed = ask("list")

    assert re.findall(r"`(\w+)`", listed.message) == [item_id]

    updated = ask(
        f"update {item_id} Disk full on db-2 --body Moved to the replica. --severity medium --pinned false --follow-up-on 2026-03-02"
    )

    assert f"`{item_id}`" in updated.message
    assert items(table) == {item_id: CHANGED}

    deleted = ask(f"delete {item_id}")

    assert f"`{item_id}`" in deleted.message
    assert items(table) == {}
