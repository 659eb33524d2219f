"""Unit tests of the Incident Notes provider registry and plug-ins."""

from collections.abc import Callable
from typing import Any

import pytest
from structlog.testing import capture_logs

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from infrastructure.operations import OperationResult, OperationStatus
from modules.incident_notes.providers import (
    IncidentNotesProvider,
    get_primary_provider,
    get_provider,
    register_provider,
    registered_providers,
)
from modules.incident_notes.providers.base import NOT_IMPLEMENTED
from tests.unit.modules.incident_notes.fakes import (
    CHANGES,
    DRAFT,
    FakeIncidentNotesProvider,
)

pytestmark = pytest.mark.unit

GENERATED_PROVIDERS = ["storage", "google"]
# The vendors' plug-ins, whose calls are left to write.
VENDORS = ["google"]

# Each operation with valid arguments: (provider method, arguments).
CALLS = [
    pytest.param("create_incident_note", (DRAFT,), id="create"),
    pytest.param("get_incident_note", ("item-1",), id="get"),
    pytest.param("list_incident_notes", (10,), id="list"),
    pytest.param("update_incident_note", ("item-1", CHANGES), id="update"),
    pytest.param("delete_incident_note", ("item-1",), id="delete"),
]


class TestRegistry:
    def test_registers_every_generated_provider(self) -> None:
        assert set(GENERATED_PROVIDERS) <= set(registered_providers())

    @pytest.mark.parametrize("name", GENERATED_PROVIDERS)
    def test_get_provider_builds_the_named_provider(
        self, make_settings: Callable[..., IncidentNotesSettings], name: str
    ) -> None:
        provider = get_provider(name, make_settings())

        assert isinstance(provider, IncidentNotesProvider)
        assert provider.name == name

    def test_get_provider_refuses_unknown_name(
        self, make_settings: Callable[..., IncidentNotesSettings]
    ) -> None:
        with pytest.raises(ValueError, match="unknown"):
            get_provider("no-such-provider", make_settings())

    @pytest.mark.parametrize("name", GENERATED_PROVIDERS)
    def test_get_primary_provider_follows_the_setting(
        self, make_settings: Callable[..., IncidentNotesSettings], name: str
    ) -> None:
        settings = make_settings(INCIDENT_NOTES_PRIMARY_PROVIDER=name)

        assert get_primary_provider(settings).name == name

    def test_register_provider_refuses_a_taken_name(self) -> None:
        with pytest.raises(ValueError, match="already registered"):
            decorate = register_provider(GENERATED_PROVIDERS[0])
            decorate(FakeIncidentNotesProvider)


class TestProviderContract:
    @pytest.mark.parametrize(("method", "args"), CALLS)
    def test_exception_becomes_an_error_result(
        self, fake: FakeIncidentNotesProvider, method: str, args: tuple[Any, ...]
    ) -> None:
        fake.error = TimeoutError("read timed out, token=s3cr3t")

        with capture_logs() as logs:
            result = getattr(fake, method)(*args)

        assert result.status is OperationStatus.TRANSIENT_ERROR
        assert (result.provider, result.operation) == ("fake", method.split("_")[0])
        assert logs[-1]["event"] == "incident_notes_provider_call_failed"
        assert "s3cr3t" not in repr(logs)
        assert "s3cr3t" not in result.message

    def test_result_of_the_back_end_is_returned_as_is(
        self, fake: FakeIncidentNotesProvider
    ) -> None:
        answer: OperationResult[Any] = OperationResult.success(data="anything")
        fake.answer = answer

        assert getattr(fake, CALLS[0].values[0])(*CALLS[0].values[1]) is answer


@pytest.mark.parametrize("name", VENDORS)
@pytest.mark.parametrize(("method", "args"), CALLS)
def test_provider_operation_is_not_implemented_yet(
    make_settings: Callable[..., IncidentNotesSettings],
    name: str,
    method: str,
    args: tuple[Any, ...],
) -> None:
    # Pins the skeleton: each provider answers NOT_IMPLEMENTED until its API calls are
    # written. Replace this test with the provider's real tests as you fill it in.
    provider = get_provider(name, make_settings())

    result = getattr(provider, method)(*args)

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert result.error_code == NOT_IMPLEMENTED
