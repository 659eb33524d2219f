"""Names, the operations table and the features built on them: derived once, from the answers."""

from __future__ import annotations

from typing import Any

import pytest

from hypothesis import given
from hypothesis import strategies as st

from extensions import features
from extensions.names import Names, singular_pascal, snake, with_article
from extensions.operations import Operations

pytestmark = pytest.mark.fast

ANSWERS: dict[str, Any] = {
    "kind": "module",
    "feature_name": "Incident Notes",
    "module_name": "incident_notes",
    "entity_name": "IncidentNote",
    "operations": ["create", "get"],
    "providers": ["google"],
}


@pytest.mark.parametrize(
    ("feature", "module", "entity"),
    [
        ("Incident Notes", "incident_notes", "IncidentNote"),
        ("Access Requests", "access_requests", "AccessRequest"),
        ("On-call  Schedules!", "on_call_schedules", "OnCallSchedule"),
        ("Geolocate", "geolocate", "Geolocate"),
        ("Team SLOs", "team_slos", "TeamSlo"),
        ("PagerDuty Syncs", "pager_duty_syncs", "PagerDutySync"),
        ("Café Notes", "cafe_notes", "CafeNote"),
    ],
)
def test_defaults_derive_module_and_entity_from_feature_name(
    feature: str, module: str, entity: str
) -> None:
    assert snake(feature) == module
    assert singular_pascal(snake(feature)) == entity


def words_of(feature: str, entity: str = "") -> tuple[str, str]:
    """The entity's words, singular and plural, for a feature named ``feature``."""
    module = snake(feature)
    names = Names(
        title=feature, module=module, entity=entity or singular_pascal(module)
    )
    return names.entity_words, names.entity_plural_words


@pytest.mark.parametrize(
    ("feature", "entity", "singular", "plural"),
    [
        ("On-call Handover", "", "on-call handover", "on-call handovers"),
        ("AWS Access Requests", "", "AWS access request", "AWS access requests"),
        ("SRE Pages", "", "SRE page", "SRE pages"),
        ("Team SLOs", "", "team SLO", "team SLOs"),
        ("PagerDuty Syncs", "", "PagerDuty sync", "PagerDuty syncs"),
        ("Incident Notes", "", "incident note", "incident notes"),
        ("IncidentNotes", "", "incident note", "incident notes"),
        ("People", "", "person", "people"),
        # An entity not named after the feature: its class name's words.
        ("Notify", "Channel", "channel", "channels"),
        ("Access", "AWSAccountID", "AWS account ID", "AWS account IDs"),
    ],
)
def test_the_entity_reads_as_the_feature_name_was_typed(
    feature: str, entity: str, singular: str, plural: str
) -> None:
    assert words_of(feature, entity) == (singular, plural)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("incident note", "an incident note"),
        ("note", "a note"),
        ("SRE page", "an SRE page"),
        ("AWS access request", "an AWS access request"),
        ("PagerDuty sync", "a PagerDuty sync"),
        ("on-call handover", "an on-call handover"),
    ],
)
def test_the_article_follows_how_the_first_word_is_said(
    words: str, expected: str
) -> None:
    assert with_article(words) == expected


ORDINARY = st.sampled_from(["access", "call", "handover", "incident", "note", "on"])
ACRONYM = st.sampled_from(["AWS", "SRE", "DNS", "EC2", "SLO"])


@given(
    words=st.lists(st.one_of(ORDINARY, ACRONYM), min_size=2, max_size=4),
    hyphens=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_typed_hyphens_and_acronyms_survive_in_the_entitys_words(
    words: list[str], hyphens: list[bool]
) -> None:
    joins = ["-" if hyphen else " " for hyphen in hyphens[: len(words) - 1]]
    feature = "".join(word + join for word, join in zip(words, joins)) + words[-1]

    singular, plural = words_of(feature + " Notes")

    # The ordinary words are typed in lowercase, the acronyms in capitals: both stay.
    expected = feature
    assert plural == expected + " notes"
    assert singular == expected + " note"


def test_names_derive_every_identifier_once() -> None:
    names = Names(
        title="Incident Notes", module="incident_notes", entity="IncidentNote"
    )

    assert (names.settings_class, names.service_class, names.provider_base) == (
        "IncidentNotesSettings",
        "IncidentNotesService",
        "IncidentNotesProvider",
    )
    assert names.url_path == "/incident-notes"
    assert names.env("ENABLED") == "INCIDENT_NOTES_ENABLED"
    assert names.provider_token_env("google") == "INCIDENT_NOTES_GOOGLE_API_TOKEN"


def test_operations_keep_the_table_order_whatever_the_answer_order() -> None:
    names = Names(title="Notes", module="notes", entity="Note")

    ops = Operations.select(names, ["delete", "create", "list"])

    assert [op.verb for op in ops] == ["create", "list", "delete"]
    assert [op.event for op in ops] == ["note_created", "notes_listed", "note_deleted"]
    assert (ops.needs_id, ops.returns_item, ops.takes_input) == (True, True, True)


def test_http_args_are_the_handlers_parameters_whatever_the_entity_is_called() -> None:
    names = Names(title="Drafts", module="drafts", entity="DraftChangesNote")

    ops = Operations.select(names, ["create", "get", "list", "update", "delete"])

    assert [op.http_args for op in ops] == [
        "body",
        "draft_changes_note_id",
        "limit",
        "draft_changes_note_id, body",
        "draft_changes_note_id",
    ]


def test_primary_provider_falls_back_to_the_first_provider() -> None:
    answers = {**ANSWERS, "providers": ["aws"], "primary_provider": "google"}

    assert features.feature_for(answers).primary_provider == "aws"


def test_the_feature_of_each_kind_is_its_own_class() -> None:
    module = features.feature_for(ANSWERS)
    integration = features.feature_for({**ANSWERS, "kind": "integration"})

    assert (module.kind, module.package) == ("module", "modules/incident_notes")
    assert (integration.kind, integration.package) == (
        "integration",
        "integrations/incident_notes",
    )


def test_the_inventory_is_read_off_the_template_tree() -> None:
    feature = features.feature_for(ANSWERS)

    assert "modules/incident_notes/providers/google.py" in feature.files
    assert "modules/incident_notes/providers/aws.py" not in feature.files
    assert ".copier-answers.incident_notes.yml" in feature.files
    assert "tests/unit/modules/incident_notes/test_providers.py" in feature.files


def test_an_integration_without_endpoint_writes_no_route() -> None:
    feature = features.feature_for({**ANSWERS, "kind": "integration"})

    assert not any(path.startswith(("api/", "modules/")) for path in feature.files)
    assert feature.test_dirs == ["tests/unit/integrations/incident_notes"]


def test_the_source_paths_start_with_the_package() -> None:
    feature = features.feature_for(ANSWERS)

    assert feature.source_paths == [
        "modules/incident_notes",
        "api/v1/incident_notes.py",
        "infrastructure/configuration/features/incident_notes.py",
    ]
    assert feature.coverage_files == [
        "modules/incident_notes/*.py",
        "modules/incident_notes/providers/*.py",
        "api/v1/incident_notes.py",
        "infrastructure/configuration/features/incident_notes.py",
    ]


def test_an_endpoint_handler_takes_the_apis_payloads_and_the_hosts_parameters() -> None:
    feature = features.feature_for(
        {**ANSWERS, "kind": "integration", "endpoint": True, "operations": ["update"]}
    )

    params = feature.handler_params(feature.ops[0])

    assert [p.code for p in params] == [
        "incident_note_id: IncidentNoteId",
        "body: IncidentNoteChanges",
        "settings: SettingsDep",
        "current_user: CurrentUserDep",
    ]


def test_the_paths_a_feature_claims_are_read_off_its_widest_inventory() -> None:
    module = features.feature_for({**ANSWERS, "module_name": "notes"})
    integration = features.feature_for(
        {**ANSWERS, "kind": "integration", "module_name": "mail", "endpoint": False}
    )

    assert sorted(module.claimed_paths) == [
        "api/v1/notes.py",
        "infrastructure/configuration/features/notes.py",
        "modules/notes",
        "tests/integration/modules/notes",
        "tests/unit/modules/notes",
    ]
    # An update may add the endpoint later: its paths are claimed without it.
    assert sorted(integration.claimed_paths) == [
        "api/v1/mail.py",
        "infrastructure/configuration/integrations/mail.py",
        "integrations/mail",
        "modules/mail",
        "tests/fixtures/fake_mail_client.py",
        "tests/integration/modules/mail",
        "tests/unit/integrations/mail",
    ]
