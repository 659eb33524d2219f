"""Incident Notes end to end on the bot's own storage: every route and Slack subcommand against DynamoDB.

moto stands for DynamoDB, as in the host's own storage tests; everything between the
request and the table is the feature's and the host's real code: the getters of
``providers.py`` build the service on the store, the store on the host's
``get_storage_service()``. Each test reads the table back.
"""

import re
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import boto3
import moto
import pluggy
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import infrastructure.i18n.factory as TRANSLATIONS
import packages.incident_notes as feature
from infrastructure.i18n.factory import create_translator
from infrastructure.i18n.resources import I18nResourceRegistry
from infrastructure.i18n.service import TranslationService
from infrastructure.plugins.specs import FeatureLifecycleSpecs as SPECS
from infrastructure.security import get_current_user
from infrastructure.storage import get_storage_service
from integrations.aws import client as aws_client
from integrations.aws.client import AWS_REGION
from integrations.slack.models import CommandPayload, CommandResponse
from integrations.slack.provider import SlackPlatformProvider
from packages.incident_notes import providers
from packages.incident_notes.settings import IncidentNotesSettings, get_incident_notes_settings
from packages.incident_notes.store import PARTITION
from tests.integration.packages.incident_notes.conftest import CALLER
from tests.unit.packages.incident_notes.fakes import CHANGED_JSON, SAMPLE_JSON

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
    """Drop every singleton the getters built, so the next call builds them on the mock."""
    get_storage_service.cache_clear()
    get_incident_notes_settings.cache_clear()
    providers.get_incident_notes_backend.cache_clear()
    providers.get_incident_notes_service.cache_clear()


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The feature's table in moto's DynamoDB, keyed as PLAN.md's section 4 declares it, the feature switched on."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SECURITY_TOKEN", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", AWS_REGION)
    # Outside production the host points boto3 at a local DynamoDB; moto answers at AWS's own address.
    monkeypatch.setattr(aws_client.app_settings, "ENVIRONMENT", "test")
    monkeypatch.setitem(IncidentNotesSettings.model_config, "env_file", None)
    monkeypatch.setenv("INCIDENT_NOTES_ENABLED", "true")
    monkeypatch.setenv("INCIDENT_NOTES_PRIMARY_PROVIDER", "storage")
    with moto.mock_aws():
        client = boto3.client("dynamodb", region_name=AWS_REGION)
        client.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"}],
            ProvisionedThroughput={"ReadCapacityUnits": 2, "WriteCapacityUnits": 2},
        )
        forget()
        yield client
    forget()


@pytest.fixture
def client(table: Any) -> Iterator[TestClient]:
    """The bot's routes as the feature's hook mounts them, for an authenticated caller."""
    app = FastAPI()
    feature.register_routes(app)
    app.dependency_overrides[get_current_user] = lambda: CALLER
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def ask(table: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], CommandResponse]:
    """Send ``/sre incident-notes <text>`` through the host's Slack provider, with the bot's translations."""
    manager = pluggy.PluginManager("sre_bot")
    manager.add_hookspecs(SPECS)
    manager.register(feature)
    registry = I18nResourceRegistry()
    manager.hook.register_i18n_resources(registry=registry)
    translations = TranslationService(translator=create_translator())
    loaded = translations.initialize(resources=registry.list_specs(), strict=True)
    assert loaded.is_success, loaded.message
    monkeypatch.setattr(TRANSLATIONS, "get_translation_service", lambda: translations)
    provider = SlackPlatformProvider(settings=SimpleNamespace(ENABLED=True, SOCKET_MODE=True))
    provider.set_translator(translations.translator)
    manager.hook.register_slack_commands(provider=provider)

    def _ask(text: str) -> CommandResponse:
        payload = CommandPayload(text=text, user_id="U0SRE", channel_id="C0SRE", user_locale="en-US")
        return provider.route_hierarchical_command("sre", f"incident-notes {text}", payload)

    return _ask


def items(table: Any) -> dict[str, dict[str, Any]]:
    """Every item of the table by id, its fields as DynamoDB holds them."""
    found = table.scan(TableName=TABLE)["Items"]
    assert all(item["PK"] == {"S": PARTITION} for item in found)
    return {item["SK"]["S"]: {name: value for name, value in item.items() if name not in ("PK", "SK")} for item in found}


def test_the_routes_create_get_list_update_delete_in_the_table(client: TestClient, table: Any) -> None:
    created = client.post(BASE, json=SAMPLE_JSON)

    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    assert created.json() == {"id": item_id, **SAMPLE_JSON}
    assert items(table) == {item_id: STORED}

    fetched = client.get(f"{BASE}/{item_id}")

    assert (fetched.status_code, fetched.json()) == (200, {"id": item_id, **SAMPLE_JSON})

    listed = client.get(BASE)

    assert listed.json() == {"items": [{"id": item_id, **SAMPLE_JSON}], "count": 1, "next": None}

    updated = client.patch(f"{BASE}/{item_id}", json=CHANGED_JSON)

    assert (updated.status_code, updated.json()) == (200, {"id": item_id, **CHANGED_JSON})
    assert items(table) == {item_id: CHANGED}

    deleted = client.delete(f"{BASE}/{item_id}")

    assert deleted.status_code == 204
    assert items(table) == {}
    assert client.get(f"{BASE}/{item_id}").status_code == 404


def test_the_list_route_pages_through_the_table_newest_first(client: TestClient, table: Any) -> None:
    for item_id in ["0190000000000000aaaa", "0192000000000000aaaa", "0191000000000000aaaa"]:
        table.put_item(TableName=TABLE, Item={"PK": {"S": PARTITION}, "SK": {"S": item_id}, **STORED})

    first = client.get(f"{BASE}?limit=2").json()
    second = client.get(f"{BASE}?limit=2&before={first['next']}").json()

    assert [found["id"] for found in first["items"]] == ["0192000000000000aaaa", "0191000000000000aaaa"]
    assert first["next"] == "0191000000000000aaaa"
    assert [found["id"] for found in second["items"]] == ["0190000000000000aaaa"]
    assert second["next"] is None


def test_an_id_the_table_lacks_is_a_404(client: TestClient, table: Any) -> None:
    response = client.get(f"{BASE}/0190000000000000aaaa")

    message = response.json()["detail"]["message"]
    assert (response.status_code, message) == (404, "no incident note has the id 0190000000000000aaaa")


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
