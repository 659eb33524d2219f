"""``/sre incident-notes``, answered through the host's own Slack provider, parser and translations.

The fixtures start the bot's registration path for this feature alone: its plugin hooks,
registered on a plugin manager with the host's hook specifications, declare the command
on a real ``SlackPlatformProvider`` and add the catalogues to a ``TranslationService``, as
the bot's startup does. Only the service behind the command is a stand-in.
"""

import ast
import dataclasses
from collections.abc import Callable
from pathlib import Path
import re
from types import SimpleNamespace
from typing import Any

import pluggy
import pytest
import yaml

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.hookspecs import features as SPECS
from infrastructure.i18n.factory import create_translator
from infrastructure.i18n.models import Locale, TranslationKey
from infrastructure.i18n.resources import I18nResourceRegistry
from infrastructure.i18n.service import TranslationService
from infrastructure.operations import OperationResult, OperationStatus
from infrastructure.platforms.models import CommandPayload, CommandResponse
from infrastructure.platforms.providers.slack import SlackPlatformProvider
from infrastructure.services.plugins.base import auto_discover_plugins
import infrastructure.services.providers as TRANSLATIONS
import modules.incident_notes as feature
from modules.incident_notes.models import (
    IncidentNoteChanges,
    IncidentNoteDraft,
    changed,
)
import modules.incident_notes.platforms.slack as slack
from tests.unit.modules.incident_notes.fakes import (
    CHANGED,
    CHANGES,
    DRAFT,
    SAMPLE,
    sample_incident_note,
)

pytestmark = pytest.mark.unit

LOCALES = ("en-US", "fr-FR")
FOLDER = Path(feature.__file__).parent / "locales"
# A catalogue key, as the command's code writes one: dotted lowercase words.
KEY = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A key the code builds in an f-string: f"{DOMAIN}.<key>".
DOMAIN_KEY = re.compile(r"^f[\"']\{DOMAIN\}\.([a-z_.]+)[\"']$")
# One well-formed call of each subcommand, by operation.
CALLS = {
    "create": "add Disk full on db-1 --body Paged at 03:12, cleaned up old WAL files. --severity low --pinned true --follow-up-on 2026-03-01",
    "get": "get incident-note-7",
    "list": "list",
    "update": "update incident-note-7 Disk full on db-2 --body Moved to the replica. --severity medium --pinned false --follow-up-on 2026-03-02",
    "delete": "delete incident-note-7",
}
# How each error status is told, when the call names no item.
ERROR_KEYS = {
    OperationStatus.NOT_FOUND: "errors.failed",
    OperationStatus.PERMANENT_ERROR: "errors.rejected",
    OperationStatus.UNAUTHORIZED: "errors.unauthorized",
    OperationStatus.TRANSIENT_ERROR: "errors.unavailable",
}
# The feature's name, which both catalogues quote as it is.
FEATURE_NAME = "Incident Notes"
# The item the calls name.
ITEM = "incident-note-7"
# What a back-end may put in an error's message, which no reply may repeat.
BACKEND_DETAIL = "upstream said: token xoxb-1234 refused"


def catalogue(locale: str) -> dict[str, str]:
    """The command's messages in ``locale``, as its YAML file holds them."""
    path = FOLDER / f"{slack.DOMAIN}.{locale}.yml"
    return dict(yaml.safe_load(path.read_text(encoding="utf-8"))[slack.DOMAIN])


CATALOGUES = {locale: catalogue(locale) for locale in LOCALES}


def said(locale: str, key: str, **values: Any) -> str:
    """The catalogue's text for ``key``, its placeholders filled as the host fills them."""
    text = CATALOGUES[locale][key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


class FakeService:
    """Stands for the feature's service: records each call and answers ``answer``, or a success."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answer: OperationResult[Any] | None = None

    def _reply(
        self, method: str, args: tuple[Any, ...], default: OperationResult[Any]
    ) -> OperationResult[Any]:
        self.calls.append((method, args))
        return self.answer if self.answer is not None else default

    def create_incident_note(self, draft: IncidentNoteDraft) -> OperationResult[Any]:
        created = sample_incident_note(**dataclasses.asdict(draft))
        return self._reply(
            "create_incident_note", (draft,), OperationResult.success(data=created)
        )

    def get_incident_note(self, incident_note_id: str) -> OperationResult[Any]:
        found = sample_incident_note(id=incident_note_id)
        return self._reply(
            "get_incident_note",
            (incident_note_id,),
            OperationResult.success(data=found),
        )

    def list_incident_notes(
        self, limit: int, before: str | None = None
    ) -> OperationResult[Any]:
        page = [sample_incident_note()]
        return self._reply(
            "list_incident_notes", (limit, before), OperationResult.success(data=page)
        )

    def update_incident_note(
        self, incident_note_id: str, changes: IncidentNoteChanges
    ) -> OperationResult[Any]:
        updated = changed(sample_incident_note(id=incident_note_id), changes)
        return self._reply(
            "update_incident_note",
            (incident_note_id, changes),
            OperationResult.success(data=updated),
        )

    def delete_incident_note(self, incident_note_id: str) -> OperationResult[Any]:
        return self._reply(
            "delete_incident_note",
            (incident_note_id,),
            OperationResult.success(data=None),
        )


def keys_the_command_uses() -> set[str]:
    """Every key in the command's code: the literal ones, and the f-strings that start ``{DOMAIN}.``."""
    used: set[str] = set()
    tree = ast.parse(Path(slack.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and KEY.match(str(node.value)):
            used.add(str(node.value))
        elif isinstance(node, ast.JoinedStr):
            found = DOMAIN_KEY.match(ast.unparse(node))
            if found:
                used.add(found.group(1))
    return used


@pytest.fixture(scope="module")
def loaded(plugins: pluggy.PluginManager) -> TranslationService:
    """The host's translations with the feature's catalogues, loaded as the bot's startup loads them."""
    registry = I18nResourceRegistry()
    plugins.hook.register_i18n_resources(registry=registry)
    translations = TranslationService(translator=create_translator())
    result = translations.initialize(resources=registry.list_specs(), strict=True)
    assert result.is_success, result.message
    return translations


@pytest.fixture
def translations(
    loaded: TranslationService, monkeypatch: pytest.MonkeyPatch
) -> TranslationService:
    """The loaded translations, as the service ``t`` uses."""
    monkeypatch.setattr(TRANSLATIONS, "get_translation_service", lambda: loaded)
    return loaded


@pytest.fixture
def provider(
    plugins: pluggy.PluginManager, translations: TranslationService
) -> SlackPlatformProvider:
    """The host's Slack provider, its help translated, the command declared by the feature's own hook."""
    provider = SlackPlatformProvider(
        settings=SimpleNamespace(ENABLED=True, SOCKET_MODE=True)
    )
    provider.set_translator(translations.translator)
    plugins.hook.register_slack_commands(provider=provider)
    return provider


@pytest.fixture
def ask(provider: SlackPlatformProvider) -> Callable[..., CommandResponse]:
    """Send ``/sre incident-notes <text>`` as a person whose Slack speaks ``locale``; return the bot's reply."""

    def _ask(text: str, locale: str = "en-US") -> CommandResponse:
        payload = CommandPayload(
            text=text, user_id="U0SRE", channel_id="C0SRE", user_locale=locale
        )
        return provider.route_hierarchical_command(
            "sre", f"{slack.COMMAND} {text}".strip(), payload
        )

    return _ask


class TestCatalogues:
    def test_english_and_french_have_the_same_keys(self) -> None:
        assert set(CATALOGUES["en-US"]) == set(CATALOGUES["fr-FR"])

    @pytest.mark.parametrize("locale", LOCALES)
    def test_every_key_the_command_uses_is_in_the_catalogue(self, locale: str) -> None:
        used = keys_the_command_uses()

        assert "description" in used
        assert used - set(CATALOGUES[locale]) == set()

    def test_every_key_of_the_catalogues_is_used(self) -> None:
        assert set(CATALOGUES["en-US"]) - keys_the_command_uses() == set()

    @pytest.mark.parametrize("key", sorted(CATALOGUES["en-US"]))
    def test_each_message_fills_the_same_placeholders_in_both_languages(
        self, loaded: TranslationService, key: str
    ) -> None:
        found = {
            locale: set(PLACEHOLDER.findall(CATALOGUES[locale][key]))
            for locale in LOCALES
        }

        assert found["en-US"] == found["fr-FR"]
        for locale in LOCALES:
            values = {name: f"<{name}>" for name in found[locale]}
            message = TranslationKey.from_string(f"{slack.DOMAIN}.{key}")
            text = loaded.translator.translate_message(
                message, Locale.from_string(locale), variables=values
            )
            assert PLACEHOLDER.search(text) is None
            assert all(value in text for value in values.values())

    @pytest.mark.parametrize("key", sorted(CATALOGUES["en-US"]))
    def test_french_is_not_left_in_english(self, key: str) -> None:
        english = CATALOGUES["en-US"][key]
        # What is left once code, placeholders and the feature's own name are set aside.
        words = re.sub(r"`[^`]*`|\{\w+\}", "", english).replace(FEATURE_NAME, "")

        if re.search(r"[A-Za-z]{3}", words):
            assert CATALOGUES["fr-FR"][key] != english


class TestRegistration:
    def test_the_bots_discovery_registers_the_command_beside_the_hosts(
        self, translations: TranslationService
    ) -> None:
        manager = pluggy.PluginManager("sre_bot")
        manager.add_hookspecs(SPECS)
        provider = SlackPlatformProvider(
            settings=SimpleNamespace(ENABLED=True, SOCKET_MODE=True)
        )
        provider.set_translator(translations.translator)

        auto_discover_plugins(manager, base_paths=["packages", "modules"])
        manager.hook.register_slack_commands(provider=provider)

        assert feature in manager.get_plugins()
        payload = CommandPayload(text="help", user_id="U0SRE", user_locale="fr-FR")
        listed = provider.route_hierarchical_command("sre", "help", payload).message
        assert f"/sre {slack.COMMAND} - {said('fr-FR', 'description')}" in listed

    def test_the_catalogues_are_registered_for_the_bot_to_load(
        self, plugins: pluggy.PluginManager
    ) -> None:
        registry = I18nResourceRegistry()

        plugins.hook.register_i18n_resources(registry=registry)

        [spec] = registry.list_specs()
        assert (spec.domain, spec.required) == ("incident_notes", True)
        assert sorted(path.name for path in Path(spec.path).iterdir()) == [
            "incident_notes.en-US.yml",
            "incident_notes.fr-FR.yml",
        ]

    @pytest.mark.parametrize("locale", LOCALES)
    def test_the_command_alone_lists_every_subcommand_in_the_callers_language(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask("", locale)

        for call in CALLS.values():
            name = call.split()[0]
            line = f"{slack.COMMAND} {name} - {said(locale, name + '.description')}"
            assert line in reply.message
        assert reply.ephemeral
        assert service.calls == []

    @pytest.mark.parametrize("word", ["help", "aide"])
    def test_the_help_words_show_the_same_help_in_each_language(
        self, ask: Callable[..., CommandResponse], word: str
    ) -> None:
        english, french = ask(word, "en-US"), ask(word, "fr-FR")

        assert english.message == ask("", "en-US").message
        assert french.message == ask("", "fr-FR").message
        assert french.message != english.message

    @pytest.mark.parametrize("locale", LOCALES)
    def test_get_without_its_arguments_shows_its_usage(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask("get", locale)

        usage = "/sre incident-notes get <incident-note-id>"
        assert usage in reply.message
        assert said(locale, "get.description") in reply.message
        assert service.calls == []

    @pytest.mark.parametrize("locale", LOCALES)
    def test_delete_without_its_arguments_shows_its_usage(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask("delete", locale)

        usage = "/sre incident-notes delete <incident-note-id>"
        assert usage in reply.message
        assert said(locale, "delete.description") in reply.message
        assert service.calls == []


class TestReplies:
    @pytest.mark.parametrize("locale", LOCALES)
    def test_add_creates_with_the_fields_typed(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask(CALLS["create"], locale)

        assert service.calls == [("create_incident_note", (DRAFT,))]
        assert reply.message == said(
            locale, "replies.added", id="incident-note-1", title=SAMPLE["title"]
        )
        assert reply.ephemeral

    @pytest.mark.parametrize("locale", LOCALES)
    def test_get_shows_the_item_a_line_per_field(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask("get incident-note-7", locale)

        assert service.calls == [("get_incident_note", (ITEM,))]
        assert reply.message.split("\n") == [
            said(locale, "replies.shown", id=ITEM, title=SAMPLE["title"]),
            "body: Paged at 03:12, cleaned up old WAL files.",
            "severity: low",
            "pinned: true",
            "follow_up_on: 2026-03-01",
        ]
        assert reply.ephemeral

    @pytest.mark.parametrize("locale", LOCALES)
    def test_list_shows_one_line_per_item(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask("list", locale)

        listed = sample_incident_note()
        assert service.calls == [("list_incident_notes", (slack.DEFAULT_LIMIT, None))]
        assert reply.message.split("\n") == [
            said(locale, "replies.listed", count=1),
            said(locale, "replies.item", id=listed.id, title=listed.title),
        ]
        assert reply.ephemeral

    def test_list_passes_the_limit_and_the_start_it_is_given(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        ask("list --limit 5 --before incident-note-9")

        assert service.calls == [("list_incident_notes", (5, "incident-note-9"))]

    @pytest.mark.parametrize("locale", LOCALES)
    def test_list_ends_a_full_page_with_how_to_see_more(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        service.answer = OperationResult.success(
            data=[
                sample_incident_note(id="incident-note-2"),
                sample_incident_note(id="incident-note-1"),
            ]
        )

        reply = ask("list --limit 2", locale)

        assert reply.message.split("\n")[-1] == said(
            locale, "replies.more", id="incident-note-1"
        )

    @pytest.mark.parametrize("locale", LOCALES)
    def test_list_says_when_there_is_nothing(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        service.answer = OperationResult.success(data=[])

        assert ask("list", locale).message == said(locale, "replies.none")

    @pytest.mark.parametrize("locale", LOCALES)
    def test_update_changes_the_fields_typed_after_the_id(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask(CALLS["update"], locale)

        assert service.calls == [("update_incident_note", (ITEM, CHANGES))]
        assert reply.message == said(
            locale, "replies.updated", id=ITEM, title=CHANGED["title"]
        )
        assert reply.ephemeral

    def test_update_changes_one_field_alone(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        ask("update incident-note-7 --body Moved to the replica.")

        assert service.calls == [
            ("update_incident_note", (ITEM, IncidentNoteChanges(body=CHANGED["body"])))
        ]

    @pytest.mark.parametrize("locale", LOCALES)
    def test_delete_deletes_the_item(
        self, ask: Callable[..., CommandResponse], service: FakeService, locale: str
    ) -> None:
        reply = ask("delete incident-note-7", locale)

        assert service.calls == [("delete_incident_note", (ITEM,))]
        assert reply.message == said(locale, "replies.deleted", id=ITEM)
        assert reply.ephemeral

    def test_user_text_is_shown_literally_never_as_a_mention(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        reply = ask("add <!channel> & <@U0BOSS> --severity low")

        assert "&lt;!channel&gt; &amp; &lt;@U0BOSS&gt;" in reply.message
        assert "<!channel>" not in reply.message


class TestErrors:
    @pytest.mark.parametrize("locale", LOCALES)
    @pytest.mark.parametrize("verb", CALLS)
    @pytest.mark.parametrize("status", list(ERROR_KEYS))
    def test_each_error_status_is_told_without_the_backends_details(
        self,
        ask: Callable[..., CommandResponse],
        service: FakeService,
        locale: str,
        verb: str,
        status: OperationStatus,
    ) -> None:
        service.answer = OperationResult.error(
            status=status, message=BACKEND_DETAIL, error_code="UPSTREAM"
        )

        reply = ask(CALLS[verb], locale)

        named = ITEM if ITEM in CALLS[verb] else ""
        if status is OperationStatus.PERMANENT_ERROR:
            expected = said(locale, "errors.rejected", reason=BACKEND_DETAIL)
        elif status is OperationStatus.NOT_FOUND and named:
            expected = said(locale, "errors.not_found", id=named)
        else:
            expected = said(locale, ERROR_KEYS[status])
            assert "xoxb" not in reply.message
        assert reply.message == expected
        assert reply.ephemeral
        assert len(service.calls) == 1

    @pytest.mark.parametrize("locale", LOCALES)
    @pytest.mark.parametrize("verb", CALLS)
    def test_a_switched_off_feature_says_so_and_calls_nothing(
        self,
        ask: Callable[..., CommandResponse],
        service: FakeService,
        switched_off: None,
        verb: str,
        locale: str,
    ) -> None:
        reply = ask(CALLS[verb], locale)

        assert reply.message == said(locale, "errors.disabled")
        assert service.calls == []

    @pytest.mark.parametrize("locale", LOCALES)
    @pytest.mark.parametrize("text", ["add", "update incident-note-7"])
    def test_a_call_without_its_text_gets_the_usage(
        self,
        ask: Callable[..., CommandResponse],
        service: FakeService,
        text: str,
        locale: str,
    ) -> None:
        reply = ask(text, locale)

        assert reply.message.startswith(
            said(locale, "errors.usage", usage="").split("`")[0]
        )
        assert f"{slack.COMMAND} {text.split()[0]}" in reply.message
        assert service.calls == []

    @pytest.mark.parametrize("verb", ["create", "update"])
    @pytest.mark.parametrize(
        ("option", "value"),
        [
            pytest.param("--title", "x" * 201, id="title"),
            pytest.param("--body", "x" * 5001, id="body"),
            pytest.param("--severity", "nonsense", id="severity"),
            pytest.param("--pinned", "perhaps", id="pinned"),
            pytest.param("--follow-up-on", "someday", id="follow-up-on"),
        ],
    )
    def test_a_value_the_request_schema_refuses_is_refused_before_any_call(
        self,
        ask: Callable[..., CommandResponse],
        service: FakeService,
        verb: str,
        option: str,
        value: str,
    ) -> None:
        reply = ask(f"{CALLS[verb]} {option} {value}")

        assert reply.message.startswith(
            said(
                "en-US",
                "errors.rejected",
                reason=option.removeprefix("--").replace("-", "_"),
            )
        )
        assert service.calls == []

    def test_a_yes_or_no_option_alone_means_yes(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        ask("update incident-note-7 --pinned")

        assert service.calls[0][1][1].pinned is True

    def test_get_text_the_hosts_parser_refuses_calls_nothing(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        reply = ask("get incident-note-7 extra")

        assert reply.message.startswith("❌")
        assert service.calls == []

    def test_list_text_the_hosts_parser_refuses_calls_nothing(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        reply = ask("list --limit many")

        assert reply.message.startswith("❌")
        assert service.calls == []

    def test_delete_text_the_hosts_parser_refuses_calls_nothing(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        reply = ask("delete incident-note-7 extra")

        assert reply.message.startswith("❌")
        assert service.calls == []

    def test_an_unknown_subcommand_gets_the_commands_help(
        self, ask: Callable[..., CommandResponse], service: FakeService
    ) -> None:
        reply = ask("frobnicate incident-note-7")

        assert said("en-US", "add.description") in reply.message
        assert service.calls == []


@pytest.fixture(scope="module")
def plugins() -> pluggy.PluginManager:
    """A plugin manager on the host's hook specifications, the feature registered as the bot's discovery registers it."""
    manager = pluggy.PluginManager("sre_bot")
    manager.add_hookspecs(SPECS)
    manager.register(feature)
    return manager


@pytest.fixture
def service(
    monkeypatch: pytest.MonkeyPatch, make_settings: Callable[..., IncidentNotesSettings]
) -> FakeService:
    """The stand-in service behind the command, the feature switched on."""
    fake = FakeService()
    host_settings = SimpleNamespace(incident_notes=make_settings())
    monkeypatch.setattr(slack, "get_settings", lambda: host_settings)
    monkeypatch.setattr(slack, "build_incident_notes_service", lambda: fake)
    return fake


@pytest.fixture
def switched_off(
    monkeypatch: pytest.MonkeyPatch,
    make_settings: Callable[..., IncidentNotesSettings],
    service: FakeService,
) -> None:
    """``INCIDENT_NOTES_ENABLED`` is false."""
    host_settings = SimpleNamespace(
        incident_notes=make_settings(INCIDENT_NOTES_ENABLED=False)
    )
    monkeypatch.setattr(slack, "get_settings", lambda: host_settings)
