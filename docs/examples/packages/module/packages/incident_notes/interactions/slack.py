"""The Slack command of Incident Notes: ``/sre incident-notes <subcommand>``.

Each handler keeps the host's handler discipline, as the HTTP routes do: it takes the
text the host's provider parsed against the subcommand's ``Argument`` schema, calls one
service method and renders the ``OperationResult`` in the caller's language, from the
``incident_notes`` catalogues of ``locales/``. ``add`` and ``update`` read their fields
from the rest of the line themselves (the host's router drops quotes) and check them
with the routes' request schemas. Replies are ephemeral: only the caller sees them.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

import structlog
from pydantic import ValidationError

from infrastructure.i18n import t
from infrastructure.operations import OperationResult, OperationStatus
from integrations.slack.models import Argument, ArgumentType, CommandPayload, CommandResponse
from packages.incident_notes.providers import get_incident_notes_service
from packages.incident_notes.schemas import IncidentNoteCreateRequest, IncidentNoteUpdateRequest
from packages.incident_notes.service import IncidentNotesService
from packages.incident_notes.settings import get_incident_notes_settings

if TYPE_CHECKING:
    from integrations.slack.provider import SlackPlatformProvider

logger = structlog.get_logger()

PARENT = "sre"
COMMAND = "incident-notes"
# The catalogues' domain: every text this command shows is "incident_notes.<key>" in locales/.
DOMAIN = "incident_notes"
# How many incident notes `list` shows when --limit is not given.
DEFAULT_LIMIT = 10
# The option that sets each field, after `add` or `update <id>`.
OPTIONS = {"--title": "title", "--body": "body", "--severity": "severity", "--pinned": "pinned", "--follow-up-on": "follow_up_on"}
# The fields an option alone sets to true.
FLAGS = frozenset({"pinned"})
# How each error status is told to the caller; a refusal by the domain shows its reason.
ERROR_KEYS = {
    OperationStatus.NOT_FOUND: "errors.not_found",
    OperationStatus.UNAUTHORIZED: "errors.unauthorized",
    OperationStatus.TRANSIENT_ERROR: "errors.unavailable",
}

# TODO(incident_notes): decide who may run each subcommand (payload.user_id, payload.user_email); today anyone in the workspace can.


def register_commands(provider: SlackPlatformProvider) -> None:
    """Declare ``/sre incident-notes`` and its subcommands; the host's provider parses and helps from them."""
    provider.register_command(command=COMMAND, handler=None, parent=PARENT, description_key=f"{DOMAIN}.description")
    provider.register_command(
        command="add",
        handler=handle_add,
        parent=f"{PARENT}.{COMMAND}",
        description_key=f"{DOMAIN}.add.description",
        usage_hint="<title> [--body <text>] --severity low|medium|high [--pinned [true|false]] [--follow-up-on <date>]",
        example_keys=[f"{DOMAIN}.add.example"],
    )
    provider.register_command(
        command="get",
        handler=handle_get,
        parent=f"{PARENT}.{COMMAND}",
        description_key=f"{DOMAIN}.get.description",
        usage_hint="<incident-note-id>",
        example_keys=[f"{DOMAIN}.get.example"],
        arguments=[
            Argument(name="incident_note_id", type=ArgumentType.STRING, required=True, description_key=f"{DOMAIN}.arguments.id"),
        ],
    )
    provider.register_command(
        command="list",
        handler=handle_list,
        fallback_handler=handle_list,
        parent=f"{PARENT}.{COMMAND}",
        description_key=f"{DOMAIN}.list.description",
        usage_hint="[--limit <n>] [--before <id>]",
        example_keys=[f"{DOMAIN}.list.example"],
        arguments=[
            Argument(name="--limit", type=ArgumentType.INTEGER, required=False, description_key=f"{DOMAIN}.arguments.limit"),
            Argument(name="--before", type=ArgumentType.STRING, required=False, description_key=f"{DOMAIN}.arguments.before"),
        ],
    )
    provider.register_command(
        command="update",
        handler=handle_update,
        parent=f"{PARENT}.{COMMAND}",
        description_key=f"{DOMAIN}.update.description",
        usage_hint="<incident-note-id> [<title>] [--body <text>] [--severity low|medium|high] [--pinned [true|false]] [--follow-up-on <date>]",
        example_keys=[f"{DOMAIN}.update.example"],
    )
    provider.register_command(
        command="delete",
        handler=handle_delete,
        parent=f"{PARENT}.{COMMAND}",
        description_key=f"{DOMAIN}.delete.description",
        usage_hint="<incident-note-id>",
        example_keys=[f"{DOMAIN}.delete.example"],
        arguments=[
            Argument(name="incident_note_id", type=ArgumentType.STRING, required=True, description_key=f"{DOMAIN}.arguments.id"),
        ],
    )


def handle_add(payload: CommandPayload) -> CommandResponse:
    """``/sre incident-notes add <title> [--body <text>] --severity low|medium|high [--pinned [true|false]] [--follow-up-on <date>]``: create an incident note; the words before any option are its title."""
    locale = _received(payload, "add")
    service = _service()
    if service is None:
        return _reply(locale, "errors.disabled")
    typed = _typed_fields(payload.text)
    if not typed:
        return _reply(
            locale,
            "errors.usage",
            usage="/sre incident-notes add <title> [--body <text>] --severity low|medium|high [--pinned [true|false]] [--follow-up-on <date>]",
        )
    try:
        request = IncidentNoteCreateRequest.model_validate(typed)
    except ValidationError as error:
        return _reply(locale, "errors.rejected", reason=_first_problem(error))
    result = service.create_incident_note(request.to_draft())
    if not result.is_success or result.data is None:
        return _refusal(locale, result)
    return _reply(locale, "replies.added", id=result.data.id, title=result.data.title)


def handle_get(payload: CommandPayload, parsed_args: dict[str, Any]) -> CommandResponse:
    """``/sre incident-notes get <incident-note-id>``: show one incident note, a line per field."""
    locale = _received(payload, "get")
    service = _service()
    if service is None:
        return _reply(locale, "errors.disabled")
    incident_note_id = str(parsed_args["incident_note_id"])
    result = service.get_incident_note(incident_note_id)
    if not result.is_success or result.data is None:
        return _refusal(locale, result, incident_note_id)
    lines = [_text(locale, "replies.shown", id=result.data.id, title=result.data.title)]
    others: dict[str, object] = {
        "body": result.data.body,
        "severity": result.data.severity,
        "pinned": result.data.pinned,
        "follow_up_on": result.data.follow_up_on,
    }
    lines += [f"{name}: {_escaped(_shown(value))}" for name, value in others.items() if value is not None and value != ""]
    return CommandResponse(message="\n".join(lines), ephemeral=True)


def handle_list(payload: CommandPayload, parsed_args: dict[str, Any] | None = None) -> CommandResponse:
    """``/sre incident-notes list [--limit <n>] [--before <id>]``: the latest incident notes, one per line."""
    locale = _received(payload, "list")
    service = _service()
    if service is None:
        return _reply(locale, "errors.disabled")
    limit = int((parsed_args or {}).get("--limit", DEFAULT_LIMIT))
    before = (parsed_args or {}).get("--before")
    result = service.list_incident_notes(limit, before)
    if not result.is_success or result.data is None:
        return _refusal(locale, result)
    if not result.data:
        return _reply(locale, "replies.none")
    lines = [_text(locale, "replies.listed", count=len(result.data))]
    for item in result.data:
        lines.append(_text(locale, "replies.item", id=item.id, title=item.title))
    # A full page may have more after it: the reply says how to ask for them.
    if len(result.data) == limit:
        lines.append(_text(locale, "replies.more", id=result.data[-1].id))
    return CommandResponse(message="\n".join(lines), ephemeral=True)


def handle_update(payload: CommandPayload) -> CommandResponse:
    """``/sre incident-notes update <incident-note-id> [<title>] [--body <text>] [--severity low|medium|high] [--pinned [true|false]] [--follow-up-on <date>]``: change the fields given after the id, the words before any option being its new title."""
    locale = _received(payload, "update")
    service = _service()
    if service is None:
        return _reply(locale, "errors.disabled")
    incident_note_id, _, rest = payload.text.strip().partition(" ")
    typed = _typed_fields(rest)
    if not incident_note_id or not typed:
        return _reply(
            locale,
            "errors.usage",
            usage="/sre incident-notes update <incident-note-id> [<title>] [--body <text>] [--severity low|medium|high] [--pinned [true|false]] [--follow-up-on <date>]",
        )
    try:
        request = IncidentNoteUpdateRequest.model_validate(typed)
    except ValidationError as error:
        return _reply(locale, "errors.rejected", reason=_first_problem(error))
    result = service.update_incident_note(incident_note_id, request.to_changes())
    if not result.is_success or result.data is None:
        return _refusal(locale, result, incident_note_id)
    return _reply(locale, "replies.updated", id=result.data.id, title=result.data.title)


def handle_delete(payload: CommandPayload, parsed_args: dict[str, Any]) -> CommandResponse:
    """``/sre incident-notes delete <incident-note-id>``: delete one incident note."""
    locale = _received(payload, "delete")
    service = _service()
    if service is None:
        return _reply(locale, "errors.disabled")
    incident_note_id = str(parsed_args["incident_note_id"])
    result = service.delete_incident_note(incident_note_id)
    if not result.is_success:
        return _refusal(locale, result, incident_note_id)
    return _reply(locale, "replies.deleted", id=incident_note_id)


def _typed_fields(text: str) -> dict[str, str] | None:
    """The fields typed after a subcommand, by name, or None when the text reads as none.

    The words before any option are the title; each ``--<field>`` takes the
    words up to the next option (an option alone sets a yes-or-no field).
    """
    typed: dict[str, list[str]] = {}
    field: str | None = "title"
    for word in text.split():
        if word in OPTIONS:
            field = OPTIONS[word]
            typed[field] = []
        elif field is None:
            return None
        else:
            typed.setdefault(field, []).append(word)
    return {name: " ".join(words) or ("true" if name in FLAGS else "") for name, words in typed.items()}


def _first_problem(error: ValidationError) -> str:
    """What the request schema found wrong first, in pydantic's words, after the field it is about."""
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    return f"{where}: {problem['msg']}" if where else str(problem["msg"])


def _shown(value: object) -> str:
    """A field's value as a reply shows it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _received(payload: CommandPayload, subcommand: str) -> str:
    """Log the call and return the caller's locale."""
    logger.info(
        "incident_notes_slack_command_received", subcommand=subcommand, user_id=payload.user_id, channel_id=payload.channel_id
    )
    return payload.user_locale or "en-US"


def _refusal(locale: str, result: OperationResult[Any], item_id: str = "") -> CommandResponse:
    """Tell the caller why the operation did not happen, without the back-end's details."""
    if result.status is OperationStatus.PERMANENT_ERROR:
        return _reply(locale, "errors.rejected", reason=result.message or "")
    key = ERROR_KEYS.get(result.status, "errors.failed")
    if key == "errors.not_found" and not item_id:
        key = "errors.failed"
    return _reply(locale, key, id=item_id)


def _reply(locale: str, key: str, **values: Any) -> CommandResponse:
    """A reply only the caller sees (ephemeral), in their language."""
    return CommandResponse(message=_text(locale, key, **values), ephemeral=True)


def _text(locale: str, key: str, **values: Any) -> str:
    """The catalogue's text for ``key`` in ``locale``, its placeholders filled with ``values``.

    Values are escaped, so a title cannot mention a channel or a person. A key the
    catalogues lack shows itself rather than nothing.
    """
    escaped = {name: _escaped(str(value)) for name, value in values.items()}
    return t(f"{DOMAIN}.{key}", locale, key, **escaped)


def _escaped(text: str) -> str:
    """Text as Slack shows it literally: ``&``, ``<`` and ``>`` escaped as Slack requires."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _service() -> IncidentNotesService | None:
    """The feature's service, or None while ``INCIDENT_NOTES_ENABLED`` is false."""
    if not get_incident_notes_settings().enabled:
        return None
    return get_incident_notes_service()
