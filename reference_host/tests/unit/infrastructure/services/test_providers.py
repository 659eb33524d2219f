"""Tests of the process-wide providers."""

from collections.abc import Iterator

import pytest

from infrastructure.configuration import Settings
from infrastructure.services import get_settings

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def clear_settings_cache() -> Iterator[None]:
    """Forget the cached settings around each test."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


class TestGetSettings:
    def test_get_settings_returns_settings_from_environment(self) -> None:
        # Act
        settings = get_settings()

        # Assert
        assert (
            isinstance(settings, Settings),
            settings.atip.ATIP_ANNOUNCE_CHANNEL,
        ) == (
            True,
            "C-TEST",
        )

    def test_get_settings_returns_same_object_every_call(self) -> None:
        # Act
        first, second = get_settings(), get_settings()

        # Assert
        assert first is second
