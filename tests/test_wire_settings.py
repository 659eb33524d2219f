"""Tests of tasks/wire_settings.py, the copier task that wires a settings slice.

The pure functions are tested on small texts; the script itself runs as copier
runs it (a subprocess, cwd = the host) on a copy of the real host, whose wired
result is pinned in ``wire_settings_cases/expected``.
"""

from __future__ import annotations

import ast
import keyword
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Callable, Optional

import black
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import hosts
from support import HOST, load_task, pristine_app

pytestmark = pytest.mark.fast

SCRIPT = Path(__file__).resolve().parents[1] / "tasks" / "wire_settings.py"
CASES = Path(__file__).resolve().parent / "wire_settings_cases"
FEATURES_INIT = "infrastructure/configuration/features/__init__.py"
INTEGRATIONS_INIT = "infrastructure/configuration/integrations/__init__.py"
SETTINGS = "infrastructure/configuration/settings.py"
ENV_EXAMPLE = ".env.example"
GOLDEN = {
    FEATURES_INIT: "features_init.py",
    SETTINGS: "settings.py",
    ENV_EXAMPLE: "env.example",
}
LONG_MODULE = "incident_notes_with_a_rather_long_descriptive_name"
BLACK = [sys.executable, "-m", "black", "--check", "--target-version", "py311"]
FLAKE8 = [sys.executable, "-m", "flake8", "--isolated", "--max-line-length=130"]


wire = load_task("wire_settings")


def class_name_of(module: str) -> str:
    return "".join(word.capitalize() for word in module.split("_")) + "Settings"


def slice_source(module: str, kind: str = "features") -> str:
    """A slice as the template renders it, for the module ``module``."""
    prefix = module.upper()
    base = "FeatureSettings" if kind == "features" else "IntegrationSettings"
    channel = "#" + module.replace("_", "-")
    return textwrap.dedent(
        f'''\
        """Settings of the {module} {kind[:-1]}."""

        from typing import Optional

        from pydantic import Field, SecretStr

        from infrastructure.configuration.base import {base}


        class {class_name_of(module)}({base}):
            """Settings of the {module} {kind[:-1]}, read from the environment."""

            {prefix}_ENABLED: bool = Field(
                default=False,
                alias="{prefix}_ENABLED",
                description="Serve the routes of this {kind[:-1]}.",
            )
            {prefix}_TIMEOUT_SECONDS: float = Field(
                default=10.0,
                gt=0,
                alias="{prefix}_TIMEOUT_SECONDS",
                description="Timeout of one provider call, in seconds.",
            )
            {prefix}_PRIMARY_PROVIDER: str = Field(
                default="google",
                alias="{prefix}_PRIMARY_PROVIDER",
                description="Name of the provider that is the source of truth.",
            )
            {prefix}_SLACK_CHANNEL: str = Field(
                default="{channel}",
                alias="{prefix}_SLACK_CHANNEL",
                description="Slack channel where new items are announced.",
            )
            {prefix}_GOOGLE_API_TOKEN: Optional[SecretStr] = Field(
                default=None,
                alias="{prefix}_GOOGLE_API_TOKEN",
                description="API token of the google provider.",
            )
        '''
    )


def make_slice(module: str = "incident_notes", kind: str = "features") -> Any:
    """The parsed SettingsSlice of ``slice_source(module, kind)``."""
    return wire.parse_slice(slice_source(module, kind), kind, module)


def host_texts() -> dict[str, Optional[str]]:
    """The real host's files the script edits, as texts."""
    paths = [FEATURES_INIT, INTEGRATIONS_INIT, SETTINGS, ENV_EXAMPLE]
    return {path: (pristine_app() / path).read_text() for path in paths}


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def make_host(tmp_path: Path) -> Callable[..., Path]:
    """Factory: a copy of the real host's application folder holding one rendered slice."""

    def make(
        module: str = "incident_notes", kind: str = "features", git: bool = True
    ) -> Path:
        host = tmp_path / "host"
        shutil.copytree(pristine_app(), host)
        if git:
            (host / ".git").mkdir()
        slice_file = host / "infrastructure" / "configuration" / kind / f"{module}.py"
        slice_file.write_text(slice_source(module, kind))
        return host

    return make


def run_script(
    host: Path, *arguments: str, env: Optional[dict[str, str]] = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "COPIER_OPERATION"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, str(SCRIPT), *arguments],
        cwd=host,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def slice_argument(module: str = "incident_notes", kind: str = "features") -> str:
    return f"infrastructure/configuration/{kind}/{module}.py"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_tool(host: Path, command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=host, capture_output=True, text=True, check=False
    )


def black_format(source: str) -> str:
    mode = black.Mode(target_versions={black.TargetVersion.PY311})
    return black.format_str(source, mode=mode)


# --- Reading the slice ----------------------------------------------------------------


def test_parse_slice_finds_class_kind_and_module() -> None:
    parsed = make_slice("pager_duty", "integrations")

    assert (parsed.kind, parsed.module, parsed.class_name) == (
        "integrations",
        "pager_duty",
        "PagerDutySettings",
    )


def test_parse_slice_reads_every_aliased_field() -> None:
    parsed = make_slice()

    assert parsed.variables == (
        wire.EnvVariable(
            "INCIDENT_NOTES_ENABLED",
            False,
            "Serve the routes of this feature.",
            False,
        ),
        wire.EnvVariable(
            "INCIDENT_NOTES_TIMEOUT_SECONDS",
            10.0,
            "Timeout of one provider call, in seconds.",
            False,
        ),
        wire.EnvVariable(
            "INCIDENT_NOTES_PRIMARY_PROVIDER",
            "google",
            "Name of the provider that is the source of truth.",
            False,
        ),
        wire.EnvVariable(
            "INCIDENT_NOTES_SLACK_CHANNEL",
            "#incident-notes",
            "Slack channel where new items are announced.",
            False,
        ),
        wire.EnvVariable(
            "INCIDENT_NOTES_GOOGLE_API_TOKEN",
            None,
            "API token of the google provider.",
            True,
        ),
    )


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param(
            'A: int = Field(3, alias="A", description="Three.")',
            wire.EnvVariable("A", 3, "Three.", False),
            id="positional-default",
        ),
        pytest.param(
            'A: int = pydantic.Field(default=-1, alias="A")',
            wire.EnvVariable("A", -1, "", False),
            id="qualified-field-without-description",
        ),
        pytest.param(
            'A: str = Field(..., alias="A", description="Required.")',
            wire.EnvVariable("A", None, "Required.", False),
            id="required",
        ),
        pytest.param(
            'A: list[str] = Field(default_factory=list, alias="A")',
            wire.EnvVariable("A", None, "", False),
            id="default-factory",
        ),
        pytest.param(
            'A: "SecretStr" = Field(default="x", alias="A")',
            wire.EnvVariable("A", "x", "", True),
            id="secret-in-string-annotation",
        ),
        pytest.param(
            'A: str = Field(default="x", alias="A", description="One "\n"line.")',
            wire.EnvVariable("A", "x", "One line.", False),
            id="description-over-two-lines",
        ),
        pytest.param(
            'A: SecretStr | None = Field(default=None, alias="A")',
            wire.EnvVariable("A", None, "", True),
            id="secret-or-none",
        ),
        pytest.param('A: str = Field(default="x")', None, id="no-alias"),
        pytest.param('A: str = "x"', None, id="not-a-field"),
    ],
)
def test_parse_slice_reads_variable(field: str, expected: Optional[object]) -> None:
    source = "class S(FeatureSettings):\n    " + field.replace("\n", "\n    ")

    variables = wire.parse_slice(source, "features", "s").variables

    assert variables == ((expected,) if expected else ())


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("class S(BaseSettings):\n    pass\n", id="other-base"),
        pytest.param("X = 1\n", id="no-class"),
        pytest.param(
            "class A(FeatureSettings):\n    pass\n\n\n"
            "class B(IntegrationSettings):\n    pass\n",
            id="two-classes",
        ),
    ],
)
def test_parse_slice_rejects_source_without_one_settings_class(source: str) -> None:
    with pytest.raises(wire.InvalidSlice):
        wire.parse_slice(source, "features", "s")


@pytest.mark.parametrize(
    ("default", "secret", "expected"),
    [
        (False, False, "false"),
        (True, False, "true"),
        (None, False, ""),
        ("real-looking-token", True, ""),
        (10.0, False, "10.0"),
        (3, False, "3"),
        ("google", False, "google"),
        ("", False, ""),
        ("#incident-notes", False, "'#incident-notes'"),
        ("two words", False, "'two words'"),
        ("it's", False, "'it\\'s'"),
        (["a"], False, ""),
    ],
)
def test_render_env_value_writes_dotenv_value(
    default: object, secret: bool, expected: str
) -> None:
    variable = wire.EnvVariable("A", default, "", secret)

    assert wire.render_env_value(variable) == expected


# --- infrastructure/configuration/<kind>/__init__.py ----------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            '''\
            """Doc."""

            from x import A

            __all__ = ["A"]
            ''',
            '''\
            """Doc."""

            from x import A
            from infrastructure.configuration.features.incident_notes import IncidentNotesSettings

            __all__ = ["A"]
            ''',
            id="after-last-import",
        ),
        pytest.param(
            """\
            from x import (
                A,
            )
            __all__ = ["A"]
            """,
            """\
            from x import (
                A,
            )
            from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
            __all__ = ["A"]
            """,
            id="after-parenthesised-import",
        ),
        pytest.param(
            '''\
            """Doc."""

            __all__ = []
            ''',
            '''\
            """Doc."""
            from infrastructure.configuration.features.incident_notes import IncidentNotesSettings

            __all__ = []
            ''',
            id="after-docstring-without-imports",
        ),
    ],
)
def test_add_package_import_inserts_import(before: str, after: str) -> None:
    edited = wire.add_package_import(dedent(before), make_slice())

    assert edited == dedent(after)


def test_add_package_import_wraps_long_import() -> None:
    edited = wire.add_package_import("import os\n", make_slice(LONG_MODULE))

    assert edited == (
        "import os\n"
        f"from infrastructure.configuration.features.{LONG_MODULE} import (\n"
        f"    {class_name_of(LONG_MODULE)},\n"
        ")\n"
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            '__all__ = ["A", "Z"]\n',
            '__all__ = ["A", "IncidentNotesSettings", "Z"]\n',
            id="single-line-sorted",
        ),
        pytest.param(
            '__all__ = ("Z", "A")  # exports\n',
            '__all__ = ("Z", "A", "IncidentNotesSettings")  # exports\n',
            id="single-line-tuple-unsorted-keeps-comment",
        ),
        pytest.param(
            "__all__ = ()\n",
            '__all__ = ("IncidentNotesSettings",)\n',
            id="empty-tuple",
        ),
        pytest.param(
            '__all__ = "A", "Z"\n',
            '__all__ = ("A", "IncidentNotesSettings", "Z")\n',
            id="tuple-without-parentheses",
        ),
        pytest.param(
            '__all__ = ["AtipSettings", "PagerDutySettings", "SlackSettings"]\n',
            """\
            __all__ = [
                "AtipSettings",
                "IncidentNotesSettings",
                "PagerDutySettings",
                "SlackSettings",
            ]
            """,
            id="single-line-too-long-explodes",
        ),
        pytest.param(
            """\
            __all__ = [
                "A",  # first
                "Z",
            ]
            """,
            """\
            __all__ = [
                "A",  # first
                "IncidentNotesSettings",
                "Z",
            ]
            """,
            id="multi-line-sorted",
        ),
        pytest.param(
            """\
            __all__ = [
                "Z",
                "A",
                # more to come
            ]
            """,
            """\
            __all__ = [
                "Z",
                "A",
                # more to come
                "IncidentNotesSettings",
            ]
            """,
            id="multi-line-unsorted-appends",
        ),
        pytest.param(
            """\
            __all__ = [
                "A",
                "B"
            ]
            """,
            """\
            __all__ = [
                "A",
                "B",
                "IncidentNotesSettings",
            ]
            """,
            id="multi-line-without-trailing-comma",
        ),
        pytest.param(
            '__all__: list[str] = ["A"]\n',
            '__all__: list[str] = ["A", "IncidentNotesSettings"]\n',
            id="annotated",
        ),
    ],
)
def test_add_to_all_inserts_name(before: str, after: str) -> None:
    edited = wire.add_to_all(dedent(before), "IncidentNotesSettings")

    assert edited == dedent(after)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("from x import A\n", id="no-all"),
        pytest.param("__all__ = sorted(NAMES)\n", id="computed-all"),
    ],
)
def test_add_to_all_reports_missing_list(text: str) -> None:
    with pytest.raises(wire.MissingAnchor, match="__all__"):
        wire.add_to_all(text, "IncidentNotesSettings")


# --- infrastructure/configuration/settings.py -----------------------------------------

FEATURES = "from infrastructure.configuration.features import"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            f"{FEATURES} AtipSettings\n",
            f"{FEATURES} AtipSettings, IncidentNotesSettings\n",
            id="one-name",
        ),
        pytest.param(
            f"{FEATURES} A, Z\n",
            f"{FEATURES} A, IncidentNotesSettings, Z\n",
            id="several-names-sorted",
        ),
        pytest.param(
            f"{FEATURES} Z, A as B\n",
            f"{FEATURES} Z, A as B, IncidentNotesSettings\n",
            id="several-names-unsorted-with-alias",
        ),
        pytest.param(
            f"""\
            {FEATURES} (
                AtipSettings,
            )
            x = 1
            """,
            f"""\
            {FEATURES} (
                AtipSettings,
                IncidentNotesSettings,
            )
            x = 1
            """,
            id="parenthesised",
        ),
        pytest.param(
            f"{FEATURES} AtipSettings, BeaconSettings, CanarySettings\n",
            f"""\
            {FEATURES} (
                AtipSettings,
                BeaconSettings,
                CanarySettings,
                IncidentNotesSettings,
            )
            """,
            id="too-long-explodes",
        ),
        pytest.param(
            f"{FEATURES} AtipSettings  # noqa: F401\n",
            f"{FEATURES} AtipSettings  # noqa: F401\n"
            f"{FEATURES} IncidentNotesSettings\n",
            id="commented-import-left-alone",
        ),
        pytest.param(
            """\
            from typing import Any

            from infrastructure.configuration.integrations import SlackSettings
            from infrastructure.services import x

            X = 1
            """,
            f"""\
            from typing import Any

            from infrastructure.configuration.integrations import SlackSettings
            from infrastructure.services import x
            {FEATURES} IncidentNotesSettings

            X = 1
            """,
            id="no-import-of-kind-goes-after-infrastructure",
        ),
    ],
)
def test_add_settings_import_joins_import_of_kind(before: str, after: str) -> None:
    edited = wire.add_settings_import(dedent(before), make_slice())

    assert edited == dedent(after)


SETTINGS_CLASS = """\
from infrastructure.configuration.features import AtipSettings
from infrastructure.configuration.integrations import SlackSettings


class Settings(BaseSettings):
    atip: AtipSettings
    slack: SlackSettings
"""


@pytest.mark.parametrize(
    ("module", "kind", "after"),
    [
        pytest.param(
            "incident_notes",
            "features",
            """\
                atip: AtipSettings
                incident_notes: IncidentNotesSettings
                slack: SlackSettings
            """,
            id="feature-after-last-feature",
        ),
        pytest.param(
            "pager_duty",
            "integrations",
            """\
                atip: AtipSettings
                slack: SlackSettings
                pager_duty: PagerDutySettings
            """,
            id="integration-after-last-integration",
        ),
        pytest.param(
            LONG_MODULE,
            "features",
            f"""\
                atip: AtipSettings
                {LONG_MODULE}: (
                    {class_name_of(LONG_MODULE)}
                )
                slack: SlackSettings
            """,
            id="long-annotation-in-parentheses",
        ),
    ],
)
def test_add_settings_attribute_goes_after_last_slice_of_kind(
    module: str, kind: str, after: str
) -> None:
    edited = wire.add_settings_attribute(SETTINGS_CLASS, make_slice(module, kind))

    assert edited.endswith(textwrap.indent(dedent(after), "    "))


def test_add_settings_attribute_falls_back_to_last_attribute() -> None:
    text = "class Settings:\n    slack: SlackSettings\n    x: int = 1\n"

    edited = wire.add_settings_attribute(text, make_slice())

    assert edited == text + "    incident_notes: IncidentNotesSettings\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("class Config:\n    a: A\n", "no class Settings", id="no-class"),
        pytest.param(
            "class Settings:\n    x = 1\n", "no annotated attribute", id="no-attribute"
        ),
    ],
)
def test_add_settings_attribute_reports_missing_anchor(text: str, message: str) -> None:
    with pytest.raises(wire.MissingAnchor, match=message):
        wire.add_settings_attribute(text, make_slice())


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map: dict[str, type] = {
                        "atip": AtipSettings,
                    }
            """,
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map: dict[str, type] = {
                        "atip": AtipSettings,
                        "incident_notes": IncidentNotesSettings,
                    }
            """,
            id="multi-line",
        ),
        pytest.param(
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map = {
                        "atip": AtipSettings
                    }
            """,
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map = {
                        "atip": AtipSettings,
                        "incident_notes": IncidentNotesSettings,
                    }
            """,
            id="multi-line-without-trailing-comma",
        ),
        pytest.param(
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map = {"atip": AtipSettings}
            """,
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map = {"atip": AtipSettings, "incident_notes": IncidentNotesSettings}
            """,
            id="single-line-fits",
        ),
        pytest.param(
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map: dict[str, type[BaseSettings]] = {"atip": AtipSettings}
            """,
            """\
            class Settings:
                def __init__(self) -> None:
                    settings_map: dict[str, type[BaseSettings]] = {
                        "atip": AtipSettings,
                        "incident_notes": IncidentNotesSettings,
                    }
            """,
            id="single-line-too-long-explodes",
        ),
    ],
)
def test_add_settings_map_entry_appends_entry(before: str, after: str) -> None:
    edited = wire.add_settings_map_entry(dedent(before), make_slice())

    assert edited == dedent(after)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("X = 1\n", "no class Settings", id="no-class"),
        pytest.param(
            "class Settings:\n    def __init__(self) -> None:\n        pass\n",
            "settings_map",
            id="no-dict",
        ),
        pytest.param(
            "class Settings:\n    settings_map = dict(a=1)\n",
            "settings_map",
            id="not-a-dict-display",
        ),
    ],
)
def test_add_settings_map_entry_reports_missing_dict(text: str, message: str) -> None:
    with pytest.raises(wire.MissingAnchor, match=message):
        wire.add_settings_map_entry(text, make_slice())


# --- .env.example ---------------------------------------------------------------------

TOKEN = wire.EnvVariable("NOTES_TOKEN", "abc", "API token.", True)
BLOCK = (
    "# IncidentNotesSettings (infrastructure/configuration/features/incident_notes.py)\n"
    "# API token. Secret: never commit a real value.\n"
    "NOTES_TOKEN=\n"
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("A=1\n", f"A=1\n\n{BLOCK}", id="after-last-line"),
        pytest.param("A=1", f"A=1\n\n{BLOCK}", id="no-final-newline"),
        pytest.param("A=1\n\n\n", f"A=1\n\n{BLOCK}", id="trailing-blank-lines"),
        pytest.param("", BLOCK, id="empty-file"),
        pytest.param(
            "A=1\r\n", "A=1\r\n\r\n" + BLOCK.replace("\n", "\r\n"), id="crlf-file"
        ),
    ],
)
def test_add_env_variable_appends_block_after_one_blank_line(
    before: str, after: str
) -> None:
    edited = wire.add_env_variable(before, make_slice(), TOKEN)

    assert edited == after


def test_add_env_variable_joins_existing_block_of_slice() -> None:
    before = f"{BLOCK}\n# OtherSettings (x.py)\nB=2\n"
    variable = wire.EnvVariable("NOTES_RETRIES", 3, "", False)

    edited = wire.add_env_variable(before, make_slice(), variable)

    assert edited == f"{BLOCK}NOTES_RETRIES=3\n\n# OtherSettings (x.py)\nB=2\n"


@pytest.mark.parametrize(
    "line",
    ["NOTES_TOKEN=real", "# NOTES_TOKEN=", "export NOTES_TOKEN=x", "NOTES_TOKEN = x"],
)
def test_add_env_variable_skips_name_already_present(line: str) -> None:
    text = f"A=1\n{line}\n"

    assert wire.add_env_variable(text, make_slice(), TOKEN) == text


# --- Edits together -------------------------------------------------------------------


CODE_EDITS = [
    index
    for index, edit in enumerate(wire.plan_edits(make_slice()))
    if edit.path != ENV_EXAMPLE
]


@pytest.mark.parametrize("done", CODE_EDITS)
def test_apply_edits_adds_only_what_is_missing(done: int) -> None:
    """Any one edit already there: the others are added, the result is the same."""
    edits = wire.plan_edits(make_slice())
    wired, _ = wire.apply_edits(edits, host_texts())
    texts = host_texts()
    partly_wired, _ = wire.apply_edits([edits[done]], texts)
    texts.update(partly_wired)

    completed, pending = wire.apply_edits(edits, texts)

    assert {**texts, **completed} == {**host_texts(), **wired}
    assert edits[done] not in [item.edit for item in pending]


module_names = st.from_regex(
    r"[a-z][a-z0-9]{0,9}(_[a-z0-9]{1,10}){0,6}", fullmatch=True
)


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(module=module_names, kind=st.sampled_from(["features", "integrations"]))
def test_apply_edits_output_is_black_stable_for_any_module_name(
    module: str, kind: str
) -> None:
    assume(not keyword.iskeyword(module) and module not in ("atip", "slack"))
    edits = wire.plan_edits(make_slice(module, kind))

    wired, _ = wire.apply_edits(edits, host_texts())

    for path, text in wired.items():
        if path.endswith(".py"):
            assert black_format(text) == text, path


@settings(max_examples=30, deadline=None, database=None)
@given(module=module_names, kind=st.sampled_from(["features", "integrations"]))
def test_apply_edits_changes_nothing_the_second_time(module: str, kind: str) -> None:
    assume(not keyword.iskeyword(module) and module not in ("atip", "slack"))
    edits = wire.plan_edits(make_slice(module, kind))
    texts = host_texts()
    wired, _ = wire.apply_edits(edits, texts)
    texts.update(wired)

    rewired, pending = wire.apply_edits(edits, texts)

    assert (rewired, pending) == ({}, [])


def test_apply_edits_reports_every_edit_of_missing_file() -> None:
    edits = wire.plan_edits(make_slice())
    texts = {**host_texts(), SETTINGS: None}

    _, pending = wire.apply_edits(edits, texts)

    problems = [item.edit.todo for item in pending if item.problem]
    assert problems == [edit.todo for edit in edits if edit.path == SETTINGS]


# --- The script, end to end -----------------------------------------------------------


def test_script_wires_slice_into_host_files(make_host: Callable[..., Path]) -> None:
    host = make_host()

    run_script(host, slice_argument())

    for path, golden in GOLDEN.items():
        expected = (CASES / "expected" / golden).read_text()
        assert (host / path).read_text() == expected, path


def test_script_names_the_class_then_each_changed_file_on_its_line(
    make_host: Callable[..., Path],
) -> None:
    host = make_host()

    result = run_script(host, slice_argument())

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "wired IncidentNotesSettings into:",
        *(f"    {path}" for path in GOLDEN),
    ]


def test_script_second_run_changes_nothing_and_says_already_wired(
    make_host: Callable[..., Path],
) -> None:
    host = make_host()
    run_script(host, slice_argument())
    before = snapshot(host)

    result = run_script(host, slice_argument())

    assert snapshot(host) == before
    assert result.stdout == "IncidentNotesSettings already wired\n"


def test_script_adds_variable_of_later_template_version_to_block(
    make_host: Callable[..., Path],
) -> None:
    host = make_host()
    run_script(host, slice_argument())
    slice_file = host / slice_argument()
    slice_file.write_text(
        slice_file.read_text()
        + '    INCIDENT_NOTES_RETRIES: int = Field(default=3, alias="INCIDENT_NOTES_RETRIES")\n'
    )
    before = snapshot(host)

    result = run_script(host, slice_argument())

    expected_env = (CASES / "expected" / "env.example").read_text() + (
        "INCIDENT_NOTES_RETRIES=3\n"
    )
    assert (host / ENV_EXAMPLE).read_text() == expected_env
    assert result.stdout == "wired IncidentNotesSettings into:\n    .env.example\n"
    changed = {path for path, data in snapshot(host).items() if before[path] != data}
    assert changed == {ENV_EXAMPLE}


@pytest.mark.parametrize(
    ("module", "kind"),
    [
        ("incident_notes", "features"),
        ("pager_duty", "integrations"),
        (LONG_MODULE, "features"),
        (LONG_MODULE, "integrations"),
    ],
)
def test_script_output_passes_black_and_flake8(
    make_host: Callable[..., Path], module: str, kind: str
) -> None:
    host = make_host(module, kind)
    run_script(host, slice_argument(module, kind))
    changed = [SETTINGS, f"infrastructure/configuration/{kind}/__init__.py"]

    formatting = run_tool(host, BLACK + changed)
    lint = run_tool(host, FLAKE8 + changed)

    assert formatting.returncode == 0, formatting.stderr
    assert lint.returncode == 0, lint.stdout


def test_script_wiring_lets_settings_load_the_env_example(
    make_host: Callable[..., Path],
) -> None:
    host = make_host()
    run_script(host, slice_argument())
    shutil.copy(host / ENV_EXAMPLE, host / ".env")
    check = (
        "from infrastructure.configuration import Settings\n"
        "notes = Settings().incident_notes\n"
        "print(notes.INCIDENT_NOTES_ENABLED, notes.INCIDENT_NOTES_TIMEOUT_SECONDS,"
        " notes.INCIDENT_NOTES_SLACK_CHANNEL, notes.INCIDENT_NOTES_GOOGLE_API_TOKEN)\n"
    )

    result = hosts.run(HOST, host, ["python3", "-c", check])

    assert result.stdout == "False 10.0 #incident-notes \n", result.stderr


@pytest.mark.parametrize("missing", [FEATURES_INIT, SETTINGS, ENV_EXAMPLE])
def test_script_writes_nothing_when_host_file_is_missing(
    make_host: Callable[..., Path], missing: str
) -> None:
    host = make_host()
    (host / missing).unlink()
    before = snapshot(host)

    result = run_script(host, slice_argument())

    assert snapshot(host) == before
    assert result.returncode == 0
    assert f"{missing}: file missing or unreadable; add by hand" in result.stderr


@pytest.mark.parametrize(
    ("path", "anchor", "replacement", "todo"),
    [
        pytest.param(
            SETTINGS,
            "class Settings(",
            "class AppSettings(",
            "add by hand to class Settings: `incident_notes: IncidentNotesSettings`",
            id="no-class-settings",
        ),
        pytest.param(
            SETTINGS,
            "settings_map = {",
            "settings_table = {",
            'add by hand to settings_map in Settings.__init__: `"incident_notes": '
            "IncidentNotesSettings,`",
            id="no-settings-map",
        ),
        pytest.param(
            FEATURES_INIT,
            "__all__ = [\n",
            "EXPORTED = [\n",
            'add by hand to __all__: `"IncidentNotesSettings",`',
            id="no-all",
        ),
    ],
)
def test_script_writes_nothing_when_anchor_is_missing(
    make_host: Callable[..., Path], path: str, anchor: str, replacement: str, todo: str
) -> None:
    host = make_host()
    text = (host / path).read_text()
    (host / path).write_text(text.replace(anchor, replacement))
    before = snapshot(host)

    result = run_script(host, slice_argument())

    assert snapshot(host) == before
    assert result.returncode == 0
    problem_lines = [line for line in result.stderr.splitlines() if todo in line]
    assert len(problem_lines) == 1 and path in problem_lines[0]


def test_script_lists_every_pending_edit_when_it_writes_nothing(
    make_host: Callable[..., Path],
) -> None:
    host = make_host()
    (host / ENV_EXAMPLE).unlink()

    result = run_script(host, slice_argument())

    listed = result.stderr.splitlines()[1:]
    assert len(listed) == 5 + 5  # five code edits, five variables
    assert "  .env.example: file missing or unreadable; add by hand the line " in (
        listed[-1]
    )


def test_main_writes_nothing_when_a_file_is_not_writable(
    make_host: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    host = make_host()
    monkeypatch.chdir(host)
    monkeypatch.delenv("COPIER_OPERATION", raising=False)
    monkeypatch.setattr(wire, "is_writable", lambda path: path.name != "settings.py")
    before = snapshot(host)

    exit_code = wire.main([slice_argument()])

    assert (exit_code, snapshot(host)) == (0, before)
    assert f"{SETTINGS}: not writable; add by hand" in capsys.readouterr().err


def test_script_keeps_file_mode_and_leaves_no_temporary_file(
    make_host: Callable[..., Path],
) -> None:
    host = make_host()
    settings_file = host / SETTINGS
    settings_file.chmod(0o640)
    files_before = set(snapshot(host))

    run_script(host, slice_argument())

    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o640
    assert set(snapshot(host)) == files_before


def test_script_does_nothing_in_temporary_render_of_update(
    make_host: Callable[..., Path],
) -> None:
    host = make_host(git=False)
    assert not wire.inside_git_work_tree(host)
    (host / SETTINGS).unlink()  # temporary renders hold template files only
    before = snapshot(host)

    result = run_script(host, slice_argument(), env={"COPIER_OPERATION": "update"})

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert snapshot(host) == before


def test_script_wires_during_update_of_git_work_tree(
    make_host: Callable[..., Path],
) -> None:
    host = make_host(git=True)

    result = run_script(host, slice_argument(), env={"COPIER_OPERATION": "update"})

    assert (host / SETTINGS).read_text() == (
        CASES / "expected" / "settings.py"
    ).read_text()
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        pytest.param((), "usage:", id="no-argument"),
        pytest.param(("a.py", "b.py"), "usage:", id="two-arguments"),
        pytest.param(
            (slice_argument("absent"),), "cannot read the slice file", id="missing-file"
        ),
        pytest.param(
            ("infrastructure/configuration/settings.py",),
            "is not infrastructure/configuration/<kind>/<module>.py",
            id="not-in-a-kind-folder",
        ),
        pytest.param(
            ("infrastructure/configuration/features/__init__.py",),
            "no class based on FeatureSettings or IntegrationSettings",
            id="no-settings-class",
        ),
    ],
)
def test_script_rejects_invalid_invocation(
    make_host: Callable[..., Path], arguments: tuple[str, ...], reason: str
) -> None:
    host = make_host()
    before = snapshot(host)

    result = run_script(host, *arguments)

    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and reason in result.stderr
    assert snapshot(host) == before


# --- The script's own constraints -----------------------------------------------------


def test_script_imports_only_the_standard_library() -> None:
    imported = set()
    for node in ast.walk(ast.parse(SCRIPT.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])

    siblings = {path.stem for path in SCRIPT.parent.glob("*.py")}
    assert imported <= set(sys.stdlib_module_names) | siblings


def test_script_type_checks_for_python_3_9() -> None:
    """mypy knows which syntax and standard library calls 3.9 lacks."""
    command = [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.9"]

    result = run_tool(SCRIPT.parent, command + ["--cache-dir", os.devnull, str(SCRIPT)])

    assert result.returncode == 0, result.stdout
