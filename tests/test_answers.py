"""The validators of the answers: each refusal names its rule in one line; what works is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

import hosts
import support
from extensions import answers, generations

pytestmark = pytest.mark.fast


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
            ("Google", "identifier"),
            ("google, google", "twice"),
            ("google aws google", "twice"),
            (["base"], "taken"),
            ({"google": "aws"}, "names separated by commas"),
            ("x" * 25, "characters long"),
            (", ".join(f"p{i}" for i in range(10)), "at most 9"),
        ],
    )
    def test_providers_refusal_names_the_rule(
        self, providers: object, reason: str
    ) -> None:
        assert reason in answers.providers_problem(providers)

    def test_a_slack_command_the_host_registers_is_refused_but_not_the_features_own(
        self,
    ) -> None:
        host = support.pristine_app(hosts.PACKAGES)

        taken = answers.slack_command_problem("geolocate", "incident_notes", host)
        own = answers.slack_command_problem(
            "geolocate", "geolocate", host, False, "packages"
        )
        update = answers.slack_command_problem(
            "geolocate", "incident_notes", host, True
        )

        assert taken.endswith("already registers /sre geolocate: choose another name.")
        assert (own, update) == ("", "")
        assert (
            answers.slack_command_problem("incident-notes", "incident_notes", host)
            == ""
        )

    def test_the_hosts_subcommands_of_sre_are_read_off_its_register_command_calls(
        self,
    ) -> None:
        found = answers.sre_subcommands(support.pristine_app(hosts.MODULES))

        assert found["modules/sre/platforms/slack.py"] >= {"version", "incident"}
        assert found["packages/geolocate/platforms/slack.py"] == {"geolocate"}

    def test_operations_refuse_an_empty_selection(self) -> None:
        assert "at least one" in answers.operations_problem([])

    @pytest.mark.parametrize(
        ("text", "reason"), [("", "empty"), ("  ", "empty"), ("a\nb", "one line")]
    )
    def test_one_line_answers_refuse_blank_and_multiline_text(
        self, text: str, reason: str
    ) -> None:
        assert reason in answers.one_line_problem(text, "description")


@pytest.mark.parametrize(
    ("host", "generation"),
    [(hosts.MODULES, "modules"), (hosts.PACKAGES, "packages")],
    ids=["modules", "packages"],
)
def test_a_hosts_generation_is_read_off_its_application_folder(
    host: hosts.Host, generation: str
) -> None:
    assert generations.detect(hosts.extract(host) / hosts.APP) == generation


def test_a_folder_of_neither_generation_has_none(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()

    assert generations.detect(tmp_path) == ""


class TestGeneration:
    @pytest.mark.parametrize(
        "host", [hosts.MODULES, hosts.PACKAGES], ids=["modules", "packages"]
    )
    def test_the_destinations_own_generation_is_accepted(
        self, host: hosts.Host
    ) -> None:
        app = hosts.extract(host) / hosts.APP

        assert answers.generation_problem(host.generation, app) == ""

    @pytest.mark.parametrize(
        ("host", "forced"),
        [(hosts.MODULES, "packages"), (hosts.PACKAGES, "modules")],
        ids=["packages-into-modules", "modules-into-packages"],
    )
    def test_a_forced_generation_must_fit_the_destination(
        self, host: hosts.Host, forced: str
    ) -> None:
        app = hosts.extract(host) / hosts.APP

        assert answers.generation_problem(forced, app) == (
            f"generation {forced!r} does not fit {app}: it is an SRE Bot of the "
            f"{host.generation} generation."
        )

    def test_an_unknown_generation_is_refused(self) -> None:
        assert answers.generation_problem("legacy", "/nowhere") == (
            "generation must be one of modules, packages, not 'legacy'."
        )

    def test_an_update_keeps_the_recorded_generation(self, tmp_path: Path) -> None:
        assert answers.generation_problem("modules", tmp_path, overwrite=True) == ""
