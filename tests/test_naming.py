"""The Jinja helpers: name derivation, answer validation, and black-exact layout."""

from __future__ import annotations

import keyword

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extensions import answers, layout, naming


BLACK = black.Mode(target_versions={black.TargetVersion.PY311})


class TestDerivedNames:
    @pytest.mark.parametrize(
        ("feature", "module", "entity"),
        [
            ("Incident Notes", "incident_notes", "IncidentNote"),
            ("Access Requests", "access_requests", "AccessRequest"),
            ("On-call  Schedules!", "on_call_schedules", "OnCallSchedule"),
            ("Geolocate", "geolocate", "Geolocate"),
        ],
    )
    def test_defaults_derive_module_and_entity_from_feature_name(
        self, feature: str, module: str, entity: str
    ) -> None:
        assert naming.snake(feature) == module
        assert naming.singular_pascal(naming.snake(feature)) == entity

    def test_feature_names_derive_every_identifier_once(self) -> None:
        names = naming.FeatureNames(
            title="Incident Notes",
            module="incident_notes",
            entity="IncidentNote",
            operations=("create", "get"),
            providers=("google",),
            primary_provider="google",
        )

        assert (names.settings_class, names.service_class, names.provider_base) == (
            "IncidentNotesSettings",
            "IncidentNotesService",
            "IncidentNotesProvider",
        )
        assert names.url_path == "/incident-notes"
        assert names.env("ENABLED") == "INCIDENT_NOTES_ENABLED"
        assert names.provider_token_env("google") == "INCIDENT_NOTES_GOOGLE_API_TOKEN"
        assert [op.event for op in names.ops] == [
            "incident_note_created",
            "incident_note_fetched",
        ]

    def test_http_args_are_the_handlers_parameters_whatever_the_entity_is_called(
        self,
    ) -> None:
        names = naming.FeatureNames(
            title="Drafts",
            module="drafts",
            entity="DraftChangesNote",
            operations=("create", "get", "list", "update", "delete"),
            providers=(),
            primary_provider="",
        )

        assert [op.http_args for op in names.ops] == [
            "body",
            "draft_changes_note_id",
            "limit",
            "draft_changes_note_id, body",
            "draft_changes_note_id",
        ]

    def test_primary_provider_falls_back_to_the_first_provider(self) -> None:
        context = {
            "feature_name": "X",
            "module_name": "x_notes",
            "entity_name": "XNote",
            "operations": ["get"],
            "providers": ["aws"],
            "primary_provider": "google",
        }

        assert naming.feature_names(context).primary_provider == "aws"


class TestAnswerValidation:
    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            ("", "empty"),
            ("class", "keyword"),
            ("match", "keyword"),
            ("json", "pydantic keeps"),
            ("copy", "pydantic keeps"),
            ("model_cards", "pydantic keeps"),
            ("9lives", "identifier"),
            ("Incident", "identifier"),
            ("incident-notes", "identifier"),
            ("incident notes", "identifier"),
            ("incident/notes", "identifier"),
            ("..", "identifier"),
            ("notés", "identifier"),
            ("x" * 25, "characters long"),
        ],
    )
    def test_module_name_refusal_names_the_rule(self, value: str, reason: str) -> None:
        problem = answers.module_name_problem(value)

        assert problem.startswith("module_name")
        assert reason in problem

    # Standard-library and third-party names work in the host: the feature's packages
    # are modules.<m>, integrations.<m>, unit.modules.<m>... (test_real_host.py generates
    # email, logging and schedule into the real host).
    @pytest.mark.parametrize(
        "value",
        ["incident_notes", "geolocate", "x2", "email", "logging", "schedule", "api"],
    )
    def test_module_name_accepts_a_lowercase_identifier(self, value: str) -> None:
        assert answers.module_name_problem(value) == ""

    def test_providers_refuse_the_modules_own_name(self) -> None:
        problem = answers.providers_problem(["aws", "google"], "google")

        assert problem.startswith("providers: 'google' is also the module's name")

    @pytest.mark.parametrize(
        "value",
        [
            "incidentNote",
            "Incident_Note",
            "",
            "X" * 25,
            "IncidentNotesService",
            "IncidentNotesSettings",
        ],
    )
    def test_entity_name_refuses_what_is_not_a_free_pascal_case_name(
        self, value: str
    ) -> None:
        assert answers.entity_name_problem(value, "incident_notes").startswith(
            "entity_name"
        )

    @pytest.mark.parametrize("value", ["IncidentNote", "AccessRequest", "Geolocation"])
    def test_entity_name_accepts_a_pascal_case_name(self, value: str) -> None:
        assert answers.entity_name_problem(value, "incident_notes") == ""

    @pytest.mark.parametrize(
        ("providers", "reason"),
        [
            (["Google"], "identifier"),
            (["google", "google"], "twice"),
            (["base"], "taken"),
            ("google", "list"),
            (["x" * 25], "characters long"),
            ([f"p{i}" for i in range(10)], "at most 9"),
        ],
    )
    def test_providers_refusal_names_the_rule(
        self, providers: object, reason: str
    ) -> None:
        assert reason in answers.providers_problem(providers)

    def test_operations_refuse_an_empty_selection(self) -> None:
        assert "at least one" in answers.operations_problem([])

    @pytest.mark.parametrize(
        ("text", "reason"), [("", "empty"), ("  ", "empty"), ("a\nb", "one line")]
    )
    def test_one_line_answers_refuse_blank_and_multiline_text(
        self, text: str, reason: str
    ) -> None:
        assert reason in answers.one_line_problem(text, "description")


identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,29}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name)
)
classes = st.from_regex(r"[A-Z][A-Za-z0-9]{0,29}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name)
)


def _black_stable(code: str) -> bool:
    return black.format_str(code, mode=BLACK) == code


class TestBlackLayout:
    @settings(max_examples=150, deadline=None, database=None)
    @given(
        name=identifiers,
        params=st.lists(st.tuples(identifiers, classes), min_size=0, max_size=4),
        ret=classes,
    )
    def test_pydef_lays_out_a_method_as_black_does(
        self, name: str, params: list[tuple[str, str]], ret: str
    ) -> None:
        signature = f"def {name}(self{''.join(f', {p}: {t}' for p, t in params)}) -> OperationResult[{ret}]:"

        code = "class C:\n" + layout.pydef(signature, 4) + "\n        pass\n"

        assert _black_stable(code), code

    @settings(max_examples=150, deadline=None, database=None)
    @given(
        target=identifiers,
        function=identifiers,
        args=st.lists(identifiers, min_size=1, max_size=4),
    )
    def test_pyline_lays_out_a_call_as_black_does(
        self, target: str, function: str, args: list[str]
    ) -> None:
        statement = f"{target} = self._{function}.bind({', '.join(args)})"

        code = "def f():\n    if x:\n" + layout.pyline(statement, 8) + "\n"

        assert _black_stable(code), code

    @settings(max_examples=100, deadline=None, database=None)
    @given(items=st.lists(identifiers, min_size=1, max_size=5))
    def test_pyline_explodes_a_list_literal_as_black_does(
        self, items: list[str]
    ) -> None:
        statement = f"NAMES = [{', '.join(repr(item).replace(chr(39), chr(34)) for item in items)}]"

        code = layout.pyline(statement) + "\n"

        assert _black_stable(code), code

    @settings(max_examples=100, deadline=None, database=None)
    @given(
        module=identifiers,
        imported=st.lists(classes, min_size=1, max_size=5, unique=True),
    )
    def test_import_from_lays_out_an_import_as_black_does(
        self, module: str, imported: list[str]
    ) -> None:
        code = layout.import_from(imported, f"modules.{module}.models") + "\n"

        assert _black_stable(code), code

    def test_import_from_refuses_an_empty_import(self) -> None:
        with pytest.raises(ValueError, match="nothing to import"):
            layout.import_from([], "modules.x")


class TestFreeText:
    @pytest.mark.parametrize(
        "text", ['say "hi"', "back\\slash", 'ends with quote"', "tab\there", '"""']
    )
    def test_docstring_escapes_read_back_exactly(self, text: str) -> None:
        source = f'"""{layout.docstring(text)}"""'

        assert (
            eval(source) == text
        )  # noqa: S307 - the test evaluates a literal it built

    @pytest.mark.parametrize(
        "text", ['say "hi"', "back\\slash", "emoji 🚨", "{{ jinja }}"]
    )
    def test_pystr_is_a_python_literal_of_the_text(self, text: str) -> None:
        assert eval(layout.pystr(text)) == text  # noqa: S307


free_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=120
)


@settings(max_examples=200, deadline=None, database=None)
@given(text=free_text)
def test_pystr_is_black_stable_and_reads_back_exactly(text: str) -> None:
    literal = layout.pystr(text)
    code = f"X = {literal}\n"

    assert eval(literal) == text  # noqa: S307 - the test evaluates a literal it built
    assert _black_stable(code), code


@settings(max_examples=200, deadline=None, database=None)
@given(
    text=free_text | st.sampled_from([" lead", "trail ", "\u2028in\u2029", "\t\nx\t"])
)
def test_docstring_text_is_black_stable_and_reads_back_exactly(text: str) -> None:
    code = f'"""{layout.docstring(text)}: the feature.\n\nMore about it.\n"""\n'

    assert eval(code) == f"{text}: the feature.\n\nMore about it.\n"  # noqa: S307
    assert _black_stable(code), code
