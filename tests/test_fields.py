"""The ``fields`` answer: read as people type it, or refused with one line naming the line and the rule."""

from __future__ import annotations

import keyword
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extensions import fields
from extensions.fields import CHOICE, KINDS, EntityField, FieldsProblem, parse

pytestmark = pytest.mark.fast


def test_the_default_is_todays_two_fields() -> None:
    assert parse(fields.DEFAULT) == (
        EntityField("title", "str"),
        EntityField("details", "text"),
    )


def test_an_answers_file_without_the_question_reads_as_the_default() -> None:
    assert parse(None) == parse(fields.DEFAULT)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: str", EntityField("title", "str")),
        ("  title :str  ", EntityField("title", "str")),
        ("due: date?", EntityField("due", "date", optional=True)),
        ("due?: date", EntityField("due", "date", optional=True)),
        ("due ?: date", EntityField("due", "date", optional=True)),
        ("resolved: bool", EntityField("resolved", "bool")),
        ("count: int", EntityField("count", "int")),
        ("at: datetime", EntityField("at", "datetime")),
        (
            "severity: low | medium | high",
            EntityField("severity", CHOICE, choices=("low", "medium", "high")),
        ),
        (
            "severity: low|high?",
            EntityField("severity", CHOICE, optional=True, choices=("low", "high")),
        ),
        (
            "level: P1 | P2 | v1.2",
            EntityField("level", CHOICE, choices=("P1", "P2", "v1.2")),
        ),
        # Words that name things in Python, pydantic or FastAPI but not on a model.
        ("type: str", EntityField("type", "str")),
        ("status: str", EntityField("status", "str")),
        ("body: text", EntityField("body", "text")),
        ("query: str", EntityField("query", "str")),
        ("items: int", EntityField("items", "int")),
        ("match: str", EntityField("match", "str")),
    ],
)
def test_a_line_reads_as_name_and_type(line: str, expected: EntityField) -> None:
    assert parse(line) == (expected,)


def test_fields_keep_the_order_they_were_typed_in_and_blank_lines_are_skipped() -> None:
    found = parse("zeta: int\n\n  \nalpha: str\n")

    assert [field.name for field in found] == ["zeta", "alpha"]


def test_a_yaml_list_reads_as_one_field_an_item() -> None:
    assert parse(["title: str", "due: date?"]) == parse("title: str\ndue: date?")


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("", "fields is empty"),
        ("title", "is not name: type"),
        ("title: string", "'string' is none of str, text, int, bool, date, datetime"),
        ("Title: str", "is not a lowercase Python name"),
        ("2nd: str", "is not a lowercase Python name"),
        ("in-charge: str", "is not a lowercase Python name"),
        ("class: str", "a Python keyword"),
        ("None: str", "is not a lowercase Python name"),
        ("id: str", "the identifier every item has already"),
        ("json: str", "pydantic's BaseModel.json"),
        ("model_config: str", "pydantic's BaseModel.model_config"),
        ("model_dump: str", "pydantic's BaseModel.model_dump"),
        ("date: date", "a type the generated code annotates fields with"),
        ("str: text", "a type the generated code annotates fields with"),
        ("is_empty: bool", "a name of the generated models"),
        ("title: str\ntitle: text", "'title' is given twice"),
        ("severity: low | low", "two or more different choices"),
        ("severity: low |", "is not one word"),
        ("severity: low | very high", "'very high' is not one word"),
        ('severity: low | "high"', "is not one word"),
        ("x" * 31 + ": str", "31 characters long"),
        ("\n".join(f"f{index}: int" for index in range(13)), "13 fields, at most 12"),
    ],
)
def test_an_answer_that_cannot_work_is_refused_in_one_line(
    answer: str, says: str
) -> None:
    problem = fields.problem(answer)

    assert says in problem
    assert problem.startswith("fields") and "\n" not in problem


NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
TYPES = st.sampled_from(sorted(KINDS))


@given(
    rows=st.lists(
        st.tuples(NAMES, TYPES, st.booleans()),
        min_size=1,
        max_size=fields.MAX_FIELDS,
        unique_by=lambda row: row[0],
    )
)
def test_every_typed_answer_is_read_back_or_refused_for_a_reserved_name(
    rows: list[tuple[str, str, bool]],
) -> None:
    answer = "\n".join(
        f"{name}: {kind}{'?' if optional else ''}" for name, kind, optional in rows
    )
    reserved = [
        name
        for name, _, _ in rows
        if name in fields.RESERVED or keyword.iskeyword(name)
    ]

    if reserved:
        with pytest.raises(FieldsProblem, match=re.escape(repr(reserved[0]))):
            parse(answer)
    else:
        found = parse(answer)
        assert [field.line for field in found] == answer.split("\n")


@given(text=st.text(max_size=60))
def test_any_text_is_read_or_refused_never_crashes(text: str) -> None:
    try:
        found = parse(text)
    except FieldsProblem as refused:
        assert "\n" not in str(refused)
    else:
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", field.name) for field in found)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("optional", [False, True])
def test_each_kinds_sample_goes_into_storage_and_comes_back_equal(
    kind: str, optional: bool
) -> None:
    field = EntityField("value", kind, optional)
    namespace = {
        "date": date,
        "datetime": datetime,
        "UTC": UTC,
        "_iso": lambda moment: None if moment is None else moment.isoformat(),
        "_optional_int": lambda value: None if value is None else int(value),
        "_optional_date": lambda value: (
            None if value is None else date.fromisoformat(value)
        ),
        "_optional_datetime": lambda value: (
            None if value is None else datetime.fromisoformat(value)
        ),
    }
    value = eval(field.spec.sample[0], namespace)

    stored = eval(field.stored("value"), {**namespace, "value": value})
    # DynamoDB gives numbers back as Decimal.
    item = {
        "value": (
            Decimal(stored)
            if isinstance(stored, int) and not isinstance(stored, bool)
            else stored
        )
    }

    assert eval(field.loaded("item"), {**namespace, "item": item}) == value
    if optional:
        assert eval(field.stored("value"), {**namespace, "value": None}) is None
        assert eval(field.loaded("item"), {**namespace, "item": {}}) is None
