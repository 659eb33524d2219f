"""Any free text in the answers gives valid, black-clean Python that keeps the text exactly.

The Python templates are rendered directly with the template's Jinja settings and
helpers (no copier run), so hypothesis can try many texts quickly; the matrix's
hostile-text answer set runs the same kind of text through every gate of the host.
"""

from __future__ import annotations

import ast
from typing import Any

import black
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import (
    CANONICAL_ANSWERS,
    INTEGRATION_ANSWERS,
    render_context,
    template_environment,
    template_files,
)

KINDS = {"module": CANONICAL_ANSWERS, "integration": INTEGRATION_ANSWERS}
BLACK = black.Mode(target_versions={black.TargetVersion.PY311})
ENVIRONMENT = template_environment()
# Where each kind's package docstring and HTTP tag are rendered.
PACKAGE_INIT = {
    "module": "template/modules/module/modules/{{ module_name }}/__init__.py.jinja",
    "integration": "template/modules/integration/integrations/{{ module_name }}/__init__.py.jinja",
}
ROUTER = {
    "module": "template/modules/module/api/v1/{{ module_name }}.py.jinja",
    "integration": "template/modules/integration/api/v1/{% if endpoint %}{{ module_name }}.py{% endif %}.jinja",
}

# What the answers' validators let through: no control characters but tab and newline.
one_line = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
).filter(str.strip)
text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"),
    min_size=1,
    max_size=200,
).filter(str.strip)

pytestmark = pytest.mark.render


def render_all(kind: str, **answers: Any) -> dict[str, str]:
    """Every Python file of a feature of ``kind``, rendered from ``answers``, by template name."""
    context = render_context({**KINDS[kind], **answers})
    return {
        template: ENVIRONMENT.get_template(template).render(local)
        for template, path, local in template_files(context)
        if path.endswith(".py")
    }


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(kind=st.sampled_from(sorted(KINDS)), feature_name=one_line, description=text)
def test_free_text_gives_valid_black_clean_python_and_reads_back_exactly(
    kind: str, feature_name: str, description: str
) -> None:
    rendered = render_all(kind, feature_name=feature_name, description=description)

    for name, source in rendered.items():
        tree = ast.parse(source, filename=name)
        assert black.format_str(source, mode=BLACK) == source, name
        assert tree is not None
    package = ast.parse(rendered[PACKAGE_INIT[kind]])
    assert ast.get_docstring(package, clean=False).startswith(
        f"{feature_name}: {description}\n"
    )
    router = ast.parse(rendered[ROUTER[kind]])
    tag = next(
        node.value
        for node in router.body
        if isinstance(node, ast.AnnAssign) and node.target.id == "OPENAPI_TAG"
    )
    assert ast.literal_eval(tag) == {"name": feature_name, "description": description}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_python_template_is_covered(kind: str) -> None:
    rendered = render_all(kind)

    assert len(rendered) >= 15
    assert PACKAGE_INIT[kind] in rendered
    assert ROUTER[kind] in rendered
