"""Compiled templates are kept between copier runs, keyed by what can change them."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from jinja2.sandbox import SandboxedEnvironment

from extensions.jinja import CompiledTemplates

pytestmark = pytest.mark.fast


def test_the_key_ignores_the_temporary_clone_a_template_was_read_from(
    tmp_path: Path,
) -> None:
    cache = CompiledTemplates(tmp_path, code="v1")

    assert cache.get_cache_key("template/a.jinja", "/tmp/clone-1/a") == (
        cache.get_cache_key("template/a.jinja", "/tmp/clone-2/a")
    )


def test_the_key_changes_with_the_name_and_with_the_extensions_code(
    tmp_path: Path,
) -> None:
    keys = {
        CompiledTemplates(tmp_path, code).get_cache_key(name)
        for code in ("v1", "v2")
        for name in ("template/a.jinja", "template/b.jinja")
    }

    assert len(keys) == 4


def test_the_key_changes_with_the_kind_of_environment(tmp_path: Path) -> None:
    plain = CompiledTemplates(tmp_path, "v1", Environment())
    sandboxed = CompiledTemplates(tmp_path, "v1", SandboxedEnvironment())
    trimmed = CompiledTemplates(tmp_path, "v1", Environment(trim_blocks=True))

    keys = {cache.get_cache_key("a.jinja") for cache in (plain, sandboxed, trimmed)}

    assert len(keys) == 3


def test_a_second_environment_loads_the_compiled_template_and_its_source_is_checked(
    tmp_path: Path,
) -> None:
    sources = {"a.jinja": "{{ x }} one"}

    def render() -> str:
        environment = Environment(
            loader=DictLoader(sources),
            bytecode_cache=CompiledTemplates(tmp_path, code="v1"),
        )
        return environment.get_template("a.jinja").render(x=1)

    assert render() == "1 one"
    assert len(list(tmp_path.iterdir())) == 1
    sources["a.jinja"] = "{{ x }} two"

    assert render() == "1 two"


def test_a_cache_folder_that_cannot_be_used_costs_a_compilation_not_the_render(
    tmp_path: Path,
) -> None:
    # A file where the folder should be: every read and write of the cache fails.
    blocked = tmp_path / "cache"
    blocked.write_text("")
    environment = Environment(
        loader=DictLoader({"a.jinja": "{{ x }}"}),
        bytecode_cache=CompiledTemplates(blocked, code="v1"),
    )

    assert environment.get_template("a.jinja").render(x=1) == "1"
