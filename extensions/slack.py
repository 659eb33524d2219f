"""A module's Slack command: ``/sre <command> <subcommand> ...``, one subcommand per operation.

The host's platform provider parses each subcommand's text with the ``Argument`` schema
declared here, shows help from the same schema, and calls one handler that calls one
service method. Both generations write the same command from this description; only
the imports and the way the service is reached differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Fields
from .names import Names
from .operations import Operation, Operations

# What each operation is called under the feature's command: people "add" a note.
SUBCOMMANDS = {
    "create": "add",
    "get": "get",
    "list": "list",
    "update": "update",
    "delete": "delete",
}
# How each catalogue says what an operation does, for the command's one-line description.
SAID = {
    "en-US": (
        "and",
        dict(create="add", get="show", list="list", update="change", delete="delete"),
    ),
    "fr-FR": (
        "et",
        dict(
            create="ajouter",
            get="afficher",
            list="lister",
            update="modifier",
            delete="supprimer",
        ),
    ),
}
# The words the host's provider keeps for help, in any command (integrations/slack/help.py).
HELP_WORDS = frozenset({"help", "aide"})
# Where the subcommands hang: the host's one slash command.
PARENT = "sre"


@dataclass(frozen=True)
class Argument:
    """One argument of a subcommand, as the host's ``Argument`` declares it.

    Attributes:
        name: ``title`` (positional) or ``--details`` (an option that takes a value).
        type: The host's ``ArgumentType`` member: ``STRING`` or ``INTEGER``.
        required: Whether the parser refuses the text without it.
        key: Its description's key in the catalogues, under ``arguments.``.
        value: What the usage hint shows for an option's value, if not its type's.
    """

    name: str
    type: str
    required: bool
    key: str
    value: str = ""

    @property
    def placeholder(self) -> str:
        """Its name in a usage hint: ``incident-note-id``."""
        return self.name.lstrip("-").replace("_", "-")

    @property
    def usage(self) -> str:
        """How the usage hint shows it."""
        if self.name.startswith("--"):
            value = self.value or ("<n>" if self.type == "INTEGER" else "<text>")
            return f"[{self.name} {value}]"
        return f"<{self.placeholder}>" if self.required else f"[{self.placeholder}]"


@dataclass(frozen=True)
class Subcommand:
    """One operation as a subcommand: its name, arguments, example and handler.

    The host's router joins the words of each level again and drops their quotes, so a
    text of several words cannot be one quoted argument: ``add`` and ``update`` read their
    fields from the rest of the line themselves (the words before any option are the
    headline field, each ``--<field>`` takes the words up to the next option), and
    declare no ``Argument`` (their usage is written out instead).

    Attributes:
        op: The operation it calls.
        name: Its word under the command (``add`` for create).
        arguments: What the host's parser reads, positional ones first.
        example: The text of a typical call after the subcommand's name.
        free_usage: The usage of a subcommand that reads the rest of the line itself.
    """

    op: Operation
    name: str
    arguments: tuple[Argument, ...]
    example: str
    free_usage: str = ""

    @property
    def handler(self) -> str:
        """The handler function's name."""
        return f"handle_{self.name}"

    @property
    def usage(self) -> str:
        """The usage hint the host's help prints after the subcommand."""
        return self.free_usage or " ".join(arg.usage for arg in self.arguments)


@dataclass(frozen=True)
class SlackCommand:
    """The feature's command under ``/sre``.

    Attributes:
        name: The word after ``/sre`` (kebab-case).
        names: The feature's names.
        subcommands: One per operation, in create/get/list/update/delete order.
    """

    name: str
    names: Names
    subcommands: tuple[Subcommand, ...]

    @classmethod
    def build(
        cls, name: str, names: Names, ops: Operations, fields: Fields
    ) -> SlackCommand:
        return cls(name, names, tuple(_subcommand(op, names, fields) for op in ops))

    @property
    def path(self) -> str:
        """The command's full path in the provider's tree (``sre.incident-notes``)."""
        return f"{PARENT}.{self.name}"

    @property
    def usage(self) -> str:
        """How people type it."""
        return f"/{PARENT} {self.name}"

    @property
    def domain(self) -> str:
        """The catalogues' domain and top-level key: the module's name."""
        return self.names.module

    @property
    def example_id(self) -> str:
        """The id the help's examples name (``incident-note-1``)."""
        return example_id(self.names)

    def said(self, locale: str) -> str:
        """What the command does, as the ``locale`` catalogue lists it: "add, show and list"."""
        conjunction, words = SAID[locale]
        said = [words[sub.op.verb] for sub in self.subcommands]
        if len(said) == 1:
            return said[0]
        return f"{', '.join(said[:-1])} {conjunction} {said[-1]}"

    def called(self, verb: str) -> str:
        """The subcommand's word for an operation's verb."""
        return SUBCOMMANDS[verb]


def _subcommand(op: Operation, n: Names, fields: Fields) -> Subcommand:
    item_id = Argument(n.id_param, "STRING", True, "id")
    first = example_id(n)
    if op.verb == "create":
        example = fields.slack_text(0, only_required=True)
        return Subcommand(op, SUBCOMMANDS[op.verb], (), example, fields_usage(fields))
    if op.verb == "list":
        arguments = (
            Argument("--limit", "INTEGER", False, "limit"),
            Argument("--before", "STRING", False, "before", "<id>"),
        )
        return Subcommand(op, SUBCOMMANDS[op.verb], arguments, "--limit 5")
    if op.verb == "update":
        usage = f"<{item_id.placeholder}> {fields_usage(fields, every_optional=True)}"
        change = fields.headline or fields[0]
        words = change.spec.typed[1] if change is fields.headline else change.typed(1)
        example = f"{first} {words}"
        return Subcommand(op, SUBCOMMANDS[op.verb], (), example, usage)
    return Subcommand(op, SUBCOMMANDS[op.verb], (item_id,), first)


def fields_usage(fields: Fields, every_optional: bool = False) -> str:
    """How the fields are typed after ``add`` (or, ``every_optional``, after ``update <id>``).

    The headline's words come first, then an option per other field; what may be left
    out is in brackets.
    """
    parts = []
    headline = fields.headline
    for field in fields:
        value = field.typed_usage
        shown = (
            f"<{field.name.replace('_', '-')}>"
            if field is headline
            else f"--{field.kebab} {value}"
        )
        optional = every_optional or not field.required
        parts.append(f"[{shown}]" if optional else shown)
    return " ".join(parts)


def example_id(n: Names) -> str:
    """The id the help's examples name: the entity's first (``incident-note-1``)."""
    return f"{n.entity_kebab}-1"
