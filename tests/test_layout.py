"""Generated Python laid out as black lays it out, and free text kept exactly."""

from __future__ import annotations

import keyword

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extensions import imports, layout

pytestmark = pytest.mark.fast

BLACK = black.Mode(target_versions={black.TargetVersion.PY311})


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
    def test_a_def_is_laid_out_as_black_does(
        self, name: str, params: list[tuple[str, str]], ret: str
    ) -> None:
        signature = f"def {name}(self{''.join(f', {p}: {t}' for p, t in params)}) -> OperationResult[{ret}]:"

        code = (
            "class C:\n" + layout.layout_line("    " + signature) + "\n        pass\n"
        )

        assert _black_stable(code), code

    @settings(max_examples=150, deadline=None, database=None)
    @given(
        target=identifiers,
        function=identifiers,
        args=st.lists(identifiers, min_size=1, max_size=4),
    )
    def test_a_call_is_laid_out_as_black_does(
        self, target: str, function: str, args: list[str]
    ) -> None:
        statement = f"{target} = self._{function}.bind({', '.join(args)})"

        code = "def f():\n    if x:\n" + layout.layout_line(" " * 8 + statement) + "\n"

        assert _black_stable(code), code

    @settings(max_examples=100, deadline=None, database=None)
    @given(items=st.lists(identifiers, min_size=1, max_size=5))
    def test_a_list_literal_is_exploded_as_black_does(self, items: list[str]) -> None:
        statement = f"NAMES = [{', '.join(repr(item).replace(chr(39), chr(34)) for item in items)}]"

        code = layout.layout_line(statement) + "\n"

        assert _black_stable(code), code

    @settings(max_examples=100, deadline=None, database=None)
    @given(
        target=identifiers,
        element=identifiers,
        name=identifiers,
        source=identifiers,
        condition=st.one_of(st.none(), identifiers),
        brackets=st.sampled_from(["[]", "{}", "()"]),
    )
    def test_a_comprehension_is_laid_out_as_black_does(
        self,
        target: str,
        element: str,
        name: str,
        source: str,
        condition: str | None,
        brackets: str,
    ) -> None:
        body = f"{element}.method({name}) for {name} in {source}.values"
        body += f" if {condition}" if condition else ""
        opening, closing = brackets
        if opening == "{":
            body = f"{name}: {body}"
        if opening == "(":
            opening, closing = "tuple(", ")"

        code = (
            "def f():\n"
            + layout.layout_line(f"    {target} = {opening}{body}{closing}")
            + "\n"
        )

        assert _black_stable(code), code

    @settings(max_examples=100, deadline=None, database=None)
    @given(
        module=identifiers,
        imported=st.lists(classes, min_size=1, max_size=5, unique=True),
    )
    def test_import_from_lays_out_an_import_as_black_does(
        self, module: str, imported: list[str]
    ) -> None:
        code = imports.import_from(imported, f"modules.{module}.models") + "\n"

        assert _black_stable(code), code

    def test_import_from_keeps_a_short_import_on_one_line_in_the_given_order(
        self,
    ) -> None:
        assert imports.import_from(["D", "C"], "a.b") == "from a.b import D, C"

    @pytest.mark.parametrize(
        ("names", "exploded"),
        [
            pytest.param(["AtipSettings", "A" * 70 + "Settings"], False, id="long"),
            pytest.param(["C"], True, id="exploded-on-request"),
        ],
    )
    def test_import_from_writes_one_name_per_line(
        self, names: list[str], exploded: bool
    ) -> None:
        statement = imports.import_from(names, "infrastructure.x", exploded=exploded)

        body = "".join(f"    {name},\n" for name in names)
        assert statement == f"from infrastructure.x import (\n{body})"

    def test_import_from_refuses_an_empty_import(self) -> None:
        with pytest.raises(ValueError, match="nothing to import"):
            imports.import_from([], "modules.x")


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
