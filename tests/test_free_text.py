"""Any free text in the answers gives valid, black-clean Python that keeps the text exactly.

The Python templates are rendered directly with the template's Jinja settings and
helpers (no copier run), so hypothesis can try many texts quickly; the matrix's
hostile-text answer set runs the same kind of text through every gate of the host.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import black
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extensions import naming
from support import CANONICAL_ANSWERS, ROOT, template_environment

TEMPLATE = ROOT / "template"
PYTHON_TEMPLATES = sorted(
    str(path.relative_to(TEMPLATE)) for path in TEMPLATE.rglob("*.py.jinja")
)
BLACK = black.Mode(target_versions={black.TargetVersion.PY311})
ENVIRONMENT = template_environment()

# What the answers' validators let through: no control characters but tab and newline.
one_line = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
).filter(str.strip)
text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"),
    min_size=1,
    max_size=200,
).filter(str.strip)


def render_all(**answers: Any) -> dict[str, str]:
    """Every Python file of the feature, rendered from ``answers``."""
    context: dict[str, Any] = {
        **CANONICAL_ANSWERS,
        **answers,
        "provider": "google",
        "_copier_conf": {"answers_file": ".copier-answers.incident_notes.yml"},
    }
    context["names"] = naming.feature_names(context)
    return {
        name: ENVIRONMENT.get_template(name).render(context)
        for name in PYTHON_TEMPLATES
    }


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(feature_name=one_line, description=text)
def test_free_text_gives_valid_black_clean_python_and_reads_back_exactly(
    feature_name: str, description: str
) -> None:
    rendered = render_all(feature_name=feature_name, description=description)

    for name, source in rendered.items():
        tree = ast.parse(source, filename=name)
        assert black.format_str(source, mode=BLACK) == source, name
        assert tree is not None
    package = ast.parse(rendered["modules/{{ module_name }}/__init__.py.jinja"])
    assert ast.get_docstring(package, clean=False).startswith(
        f"{feature_name}: {description}\n"
    )
    router = ast.parse(rendered["api/v1/{{ module_name }}.py.jinja"])
    tag = next(
        node.value
        for node in router.body
        if isinstance(node, ast.AnnAssign) and node.target.id == "OPENAPI_TAG"
    )
    assert ast.literal_eval(tag) == {"name": feature_name, "description": description}


def test_every_python_template_is_covered() -> None:
    assert len(PYTHON_TEMPLATES) >= 20
    assert all(Path(TEMPLATE / name).is_file() for name in PYTHON_TEMPLATES)
