"""The entity's fields, typed as people type them: one ``name: type`` a line.

``fields`` is read once here into :class:`EntityField` rows; every layer of the feature
(domain, schemas, storage, HTTP, Slack, catalogues, tests, PLAN.md) spells a field from
its row and its :class:`Kind`, so the templates hold no per-type logic of their own.

A line is ``name: type``, the type one of :data:`KINDS` or a choice of words separated
by ``|`` (``severity: low | medium | high``); a ``?`` after the type (or after the name)
makes the field optional: it may be left out, and is then ``None``.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

import inflection
import pydantic

from .text_answers import as_lines

# Today's two fields: the default, and what an answers file without the question means.
DEFAULT = "title: str\ndetails: text"
MAX_FIELDS = 12
MAX_NAME_LENGTH = 30
MAX_CHOICES = 12
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CHOICE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LINE = re.compile(
    r"^(?P<name>[^:]*?)\s*(?P<mark>\?)?\s*:\s*(?P<type>.*?)\s*(?P<optional>\?)?$"
)


@dataclass(frozen=True, kw_only=True)
class Kind:
    """What one type of field is in every layer.

    Attributes:
        python: The domain's annotation (``str``, ``date``...).
        imports: What the domain imports for it (``from datetime import date``).
        draft_default: The value a new item takes when it is not given ("" if required).
        dynamo: The DynamoDB attribute type it is stored as (``S``, ``N``, ``BOOL``).
        stored: How the stored value is written from the domain's, ``{}`` standing for it.
        parser: What reads the domain's value back from the stored one ("" when the
            stored value is the domain's as it is).
        sample: Two values in Python source: the one a test creates, the one it changes to.
        json: The same two values as a request's JSON sends them, in Python source.
        typed: The same two values as a person types them in Slack.
        dynamo_sample: The same two values as DynamoDB stores them (its attribute's text).
        meaning: What the type is, for people (PLAN.md and the docs).
        default_note: What a required field holds when a draft leaves it out.
        limit: The schema's length limit's constant name suffix, if it has one.
    """

    python: str
    imports: tuple[str, ...] = ()
    draft_default: str = ""
    dynamo: str = "S"
    stored: str = "{}"
    parser: str = "str"
    sample: tuple[str, str]
    json: tuple[str, str]
    typed: tuple[str, str]
    dynamo_sample: tuple[Any, Any]
    meaning: str
    default_note: str = ""
    max_length: int = 0
    min_length: int = 0


KINDS: dict[str, Kind] = {
    "str": Kind(
        python="str",
        sample=('"Disk full on db-1"', '"Disk full on db-2"'),
        json=('"Disk full on db-1"', '"Disk full on db-2"'),
        typed=("Disk full on db-1", "Disk full on db-2"),
        dynamo_sample=("Disk full on db-1", "Disk full on db-2"),
        meaning="short text, 1 to 200 characters, trimmed",
        max_length=200,
        min_length=1,
    ),
    "text": Kind(
        python="str",
        draft_default='""',
        sample=(
            '"Paged at 03:12, cleaned up old WAL files."',
            '"Moved to the replica."',
        ),
        json=('"Paged at 03:12, cleaned up old WAL files."', '"Moved to the replica."'),
        typed=("Paged at 03:12, cleaned up old WAL files.", "Moved to the replica."),
        dynamo_sample=(
            "Paged at 03:12, cleaned up old WAL files.",
            "Moved to the replica.",
        ),
        meaning="free text up to 5000 characters",
        default_note="empty by default",
        max_length=5000,
    ),
    "int": Kind(
        python="int",
        dynamo="N",
        parser="int",
        sample=("3", "5"),
        json=("3", "5"),
        typed=("3", "5"),
        dynamo_sample=("3", "5"),
        meaning="a whole number",
    ),
    "bool": Kind(
        python="bool",
        draft_default="False",
        dynamo="BOOL",
        parser="bool",
        sample=("True", "False"),
        json=("True", "False"),
        typed=("true", "false"),
        dynamo_sample=(True, False),
        meaning="true or false",
        default_note="false by default",
    ),
    "date": Kind(
        python="date",
        imports=("from datetime import date",),
        stored="{}.isoformat()",
        parser="date.fromisoformat",
        sample=("date(2026, 3, 1)", "date(2026, 3, 2)"),
        json=('"2026-03-01"', '"2026-03-02"'),
        typed=("2026-03-01", "2026-03-02"),
        dynamo_sample=("2026-03-01", "2026-03-02"),
        meaning="a calendar day, YYYY-MM-DD",
    ),
    "datetime": Kind(
        python="datetime",
        imports=("from datetime import datetime",),
        stored="{}.isoformat()",
        parser="datetime.fromisoformat",
        sample=(
            "datetime(2026, 3, 1, 12, 30, tzinfo=UTC)",
            "datetime(2026, 3, 2, 8, 0, tzinfo=UTC)",
        ),
        json=('"2026-03-01T12:30:00Z"', '"2026-03-02T08:00:00Z"'),
        typed=("2026-03-01T12:30:00Z", "2026-03-02T08:00:00Z"),
        dynamo_sample=("2026-03-01T12:30:00+00:00", "2026-03-02T08:00:00+00:00"),
        meaning="a moment, ISO 8601 (2026-03-01T12:30:00Z)",
    ),
}
CHOICE = "choice"
TYPES = (*KINDS, "a | b | c")


@dataclass(frozen=True)
class EntityField:
    """One field of the entity, as the ``fields`` answer gives it.

    Attributes:
        name: Its snake_case name: the attribute, the JSON key, the stored attribute.
        kind: One of :data:`KINDS`, or ``choice``.
        optional: Whether it may be left out (it is then ``None``).
        choices: A choice's words, in the order typed.
    """

    name: str
    kind: str
    optional: bool = False
    choices: tuple[str, ...] = ()

    @property
    def is_choice(self) -> bool:
        return self.kind == CHOICE

    @property
    def spec(self) -> Kind:
        """What its type is in every layer (a choice is stored and read as text)."""
        if self.is_choice:
            first, second = (self.choices * 2)[:2]
            return Kind(
                python="",
                # The table holds what the schema let through; a Literal takes it as it is.
                parser="",
                sample=(f'"{first}"', f'"{second}"'),
                json=(f'"{first}"', f'"{second}"'),
                typed=(first, second),
                dynamo_sample=(first, second),
                meaning="one of " + ", ".join(self.choices),
            )
        return KINDS[self.kind]

    def python(self, entity: str) -> str:
        """The domain's annotation, ``None`` aside: a choice is ``<Entity><Name>Choice``."""
        return self.choice_type(entity) if self.is_choice else self.spec.python

    def annotation(self, entity: str) -> str:
        """Its annotation on the entity: ``str``, ``date | None``..."""
        return self.python(entity) + (" | None" if self.optional else "")

    def choice_type(self, entity: str) -> str:
        """The ``Literal`` alias of a choice's words (``IncidentNoteSeverityChoice``).

        The suffix keeps it apart from every class the feature defines: a choice named
        ``response`` would otherwise be ``IncidentNoteResponse``, the response schema.
        """
        return f"{entity}{inflection.camelize(self.name)}Choice"

    @property
    def literal(self) -> str:
        """A choice's words as a ``Literal`` type."""
        return "Literal[" + ", ".join(f'"{word}"' for word in self.choices) + "]"

    @property
    def default(self) -> str:
        """The value a new item takes when it is not given, in Python; "" when it must be."""
        return "None" if self.optional else self.spec.draft_default

    @property
    def required(self) -> bool:
        """Whether creating an item needs it."""
        return not self.default

    @property
    def trimmed(self) -> bool:
        """Whether the domain trims it and refuses it blank (short text)."""
        return self.kind == "str"

    def schema_arguments(self, update: bool = False) -> str:
        """The arguments of its request schema's ``Field(...)`` before the description.

        A create request takes its default when it has one; an ``update`` request takes
        ``None`` for every field: each may be left out.
        """
        found = []
        if update or not self.required:
            found.append(f"default={'None' if update else self.default}")
        if self.spec.min_length:
            found.append(f"min_length={self.spec.min_length}")
        if self.limit_constant:
            found.append(f"max_length={self.limit_constant}")
        return "".join(f"{argument}, " for argument in found)

    @property
    def description(self) -> str:
        """What the field is, for the API's documentation."""
        return f"{self.words[:1].upper()}{self.words[1:]}: {self.meaning}."

    @property
    def meaning(self) -> str:
        """What the field holds, for people: its kind, its default, or that it may be empty."""
        if self.optional:
            return f"{self.spec.meaning}, or none"
        note = self.spec.default_note
        return f"{self.spec.meaning}, {note}" if note else self.spec.meaning

    @property
    def kebab(self) -> str:
        """Its Slack option's name, after ``--``."""
        return self.name.replace("_", "-")

    @property
    def words(self) -> str:
        """Its name in a sentence ("incident id")."""
        return self.name.replace("_", " ")

    @property
    def limit_constant(self) -> str:
        """The schemas' constant of its length limit (``TITLE_MAX_LENGTH``), if it has one."""
        return f"{self.name.upper()}_MAX_LENGTH" if self.spec.max_length else ""

    def stored(self, value: str) -> str:
        """The code that turns the domain's ``value`` into what the table stores.

        An optional day or moment goes through the store's ``_iso`` (``None`` stays
        ``None``, which the storage leaves out).
        """
        if self.optional and self.spec.stored != "{}":
            return f"_iso({value})"
        return self.spec.stored.format(value)

    def loaded(self, item: str) -> str:
        """The code that reads the field back from a stored ``item`` (a dict).

        An optional field the item lacks is ``None``; a number, a day or a moment that is
        there is read by the store's ``_optional_<kind>``.
        """
        parser = self.spec.parser
        if self.optional:
            found = f'{item}.get("{self.name}")'
            return f"_optional_{self.kind}({found})" if self.needs_read else found
        value = f'{item}["{self.name}"]'
        return f"{parser}({value})" if parser else value

    def dynamo(self, index: int) -> str:
        """Sample ``index`` as DynamoDB holds it, in Python source: ``{"S": "2026-03-01"}``."""
        value = self.spec.dynamo_sample[index]
        if self.spec.dynamo == "BOOL":
            return f'{{"BOOL": {value}}}'
        return f'{{"{self.spec.dynamo}": "{value}"}}'

    def stored_sample(self, index: int) -> str:
        """Sample ``index`` as the storage service is given it, in Python source."""
        value = self.spec.dynamo_sample[index]
        return str(value) if self.spec.dynamo in ("N", "BOOL") else f'"{value}"'

    def shown_sample(self, index: int) -> str:
        """Sample ``index`` as a Slack reply shows it."""
        if self.kind == "bool":
            return str(self.spec.dynamo_sample[index]).lower()
        return str(self.spec.dynamo_sample[index])

    @property
    def refused(self) -> str:
        """A value its request schema refuses, as typed in Slack, in Python source."""
        if self.spec.max_length:
            return f'"x" * {self.spec.max_length + 1}'
        words = {
            "int": "many",
            "bool": "perhaps",
            "date": "someday",
            "datetime": "someday",
        }
        return f'"{words.get(self.kind, "nonsense")}"'

    def typed(self, index: int) -> str:
        """Sample ``index`` as a Slack option: ``--due 2026-03-01``."""
        return f"--{self.kebab} {self.spec.typed[index]}"

    @property
    def needs_iso(self) -> bool:
        """Whether its stored form goes through the store's ``_iso``."""
        return self.optional and self.spec.stored != "{}"

    @property
    def needs_read(self) -> bool:
        """Whether an optional value is read back through the store's ``_optional_<kind>``
        (a number comes back as ``Decimal``, a day or a moment as text)."""
        return self.optional and self.kind in ("int", "date", "datetime")

    @property
    def typed_usage(self) -> str:
        """How a Slack usage hint shows its value (``<date>``, ``low|medium|high``)."""
        if self.is_choice:
            return "|".join(self.choices)
        return {
            "str": "<text>",
            "text": "<text>",
            "int": "<n>",
            "bool": "[true|false]",
        }.get(self.kind, f"<{self.kind}>")

    @property
    def line(self) -> str:
        """The field as it is typed in the ``fields`` answer."""
        kind = " | ".join(self.choices) if self.is_choice else self.kind
        return f"{self.name}: {kind}{'?' if self.optional else ''}"


class FieldsProblem(ValueError):
    """A ``fields`` answer that cannot be read; its message is the one-line reason."""


def parse(answer: Any) -> tuple[EntityField, ...]:
    """The fields of a ``fields`` answer, in the order typed.

    Raises:
        FieldsProblem: A line cannot be read, or a name cannot be used; the message says
            which line and why.
    """
    lines = as_lines(DEFAULT if answer is None else answer)
    if not lines:
        raise FieldsProblem(
            "fields is empty: type one field a line, such as title: str"
        )
    if len(lines) > MAX_FIELDS:
        raise FieldsProblem(
            f"fields: {len(lines)} fields, at most {MAX_FIELDS}; an entity with more wants splitting."
        )
    found: list[EntityField] = []
    for line in lines:
        field = _field(str(line))
        if any(other.name == field.name for other in found):
            raise FieldsProblem(f"fields: {field.name!r} is given twice.")
        found.append(field)
    return tuple(found)


def problem(answer: Any) -> str:
    """Say why the ``fields`` answer cannot be used, or return ""."""
    try:
        parse(answer)
    except FieldsProblem as refused:
        return str(refused)
    return ""


def _field(line: str) -> EntityField:
    match = _LINE.match(line.strip())
    if not match or ":" not in line:
        raise FieldsProblem(
            f"fields: {line.strip()!r} is not name: type (for example severity: low | high)."
        )
    name, type_ = match["name"].strip(), match["type"].strip()
    optional = bool(match["mark"] or match["optional"])
    _check_name(name)
    if type_ in KINDS:
        return EntityField(name, type_, optional)
    if "|" in type_:
        choices = tuple(word.strip() for word in type_.split("|"))
        bad = [word for word in choices if not _CHOICE.match(word)]
        if bad:
            raise FieldsProblem(
                f"fields: {name}'s choice {bad[0]!r} is not one word of letters, digits, -, _ or ."
            )
        if len(set(choices)) != len(choices) or len(choices) < 2:
            raise FieldsProblem(
                f"fields: {name} must offer two or more different choices."
            )
        if len(choices) > MAX_CHOICES:
            raise FieldsProblem(
                f"fields: {name} offers {len(choices)} choices, at most {MAX_CHOICES}."
            )
        return EntityField(name, CHOICE, optional, choices)
    raise FieldsProblem(
        f"fields: {name}'s type {type_!r} is none of {', '.join(TYPES)}."
    )


def _check_name(name: str) -> None:
    if not _NAME.match(name):
        raise FieldsProblem(
            f"fields: {name!r} is not a lowercase Python name (a-z, 0-9 and _, starting with a letter)."
        )
    if len(name) > MAX_NAME_LENGTH:
        raise FieldsProblem(
            f"fields: {name!r} is {len(name)} characters long, at most {MAX_NAME_LENGTH}."
        )
    why = RESERVED.get(name)
    if why is None and keyword.iskeyword(name):
        why = "a Python keyword"
    if why:
        raise FieldsProblem(f"fields: {name!r} is {why}: choose another name.")


# The names a field cannot take, and why: what the generated code already uses for them.
RESERVED: dict[str, str] = {
    "id": "the identifier every item has already",
    **{
        name: "a type the generated code annotates fields with"
        for name in ("str", "int", "bool", "date", "datetime", "list", "dict", "float")
    },
    **{
        name: "a name of the generated models"
        for name in ("is_empty", "to_draft", "to_changes", "from_domain", "cleared")
    },
    **{
        name: f"pydantic's BaseModel.{name}, which a field would hide"
        for name in dir(pydantic.BaseModel)
        if not name.startswith("_")
    },
}


class Fields(tuple[EntityField, ...]):
    """The entity's fields, in the order typed, with the views the layers need."""

    @classmethod
    def read(cls, answer: Any) -> Fields:
        """The fields of a ``fields`` answer (the default when there is none)."""
        return cls(parse(answer))

    @property
    def headline(self) -> EntityField | None:
        """The field that names an item in a sentence: the first short text, else the first text."""
        for kinds in (("str",), ("text",)):
            for field in self:
                if field.kind in kinds:
                    return field
        return None

    @property
    def others(self) -> list[EntityField]:
        """Every field but the headline."""
        return [field for field in self if field is not self.headline]

    @property
    def in_draft_order(self) -> list[EntityField]:
        """The fields as a draft declares them: the ones it needs first (a dataclass asks so)."""
        return [field for field in self if field.required] + [
            field for field in self if not field.required
        ]

    @property
    def trimmed(self) -> list[EntityField]:
        """The short texts, which the domain trims and refuses blank."""
        return [field for field in self if field.trimmed]

    @property
    def optional(self) -> list[EntityField]:
        """The fields that may be left out, and cleared by an update."""
        return [field for field in self if field.optional]

    @property
    def choices(self) -> list[EntityField]:
        return [field for field in self if field.is_choice]

    @property
    def limited(self) -> list[EntityField]:
        """The fields whose length the request schemas limit."""
        return [field for field in self if field.limit_constant]

    def uses(self, *kinds: str) -> bool:
        """Whether some field is of one of ``kinds``."""
        return any(field.kind in kinds for field in self)

    def slack_text(self, index: int, only_required: bool = False) -> str:
        """Sample ``index`` as a person types it after ``add``: the headline's words first,
        then an option for each other field (``only_required``: each one an item needs).
        """
        words = [self.headline.spec.typed[index]] if self.headline else []
        others = [field for field in self.others if field.required or not only_required]
        return " ".join(words + [field.typed(index) for field in others])

    def source(self, index: int, form: str = "sample") -> str:
        """Every field's sample ``index`` as a dict in Python source.

        ``form``: ``sample`` (the domain's values), ``json`` (as a request sends them),
        ``stored`` (as the storage service is given them) or ``dynamo`` (as DynamoDB
        holds them).
        """

        def value(field: EntityField) -> str:
            if form == "stored":
                return field.stored_sample(index)
            if form == "dynamo":
                return field.dynamo(index)
            return getattr(field.spec, form)[index]

        return (
            "{" + ", ".join(f'"{field.name}": {value(field)}' for field in self) + "}"
        )

    def required_options(self, index: int) -> str:
        """Sample ``index`` of every field but the headline that an item needs, as options."""
        return " ".join(field.typed(index) for field in self.others if field.required)

    @property
    def names(self) -> str:
        """The fields' names as a phrase: "title, details or due"."""
        names = [field.name for field in self]
        return (
            names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        )
