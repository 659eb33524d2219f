"""Registry of the Incident Notes providers, filled when their modules are imported."""

from collections.abc import Callable
from typing import TypeVar

from infrastructure.configuration.features.incident_notes import IncidentNotesSettings
from modules.incident_notes.providers.base import IncidentNotesProvider

ProviderT = TypeVar("ProviderT", bound=IncidentNotesProvider)

_PROVIDERS: dict[str, type[IncidentNotesProvider]] = {}


def register_provider(name: str) -> Callable[[type[ProviderT]], type[ProviderT]]:
    """Register a provider class under ``name``.

    Args:
        name: The provider's name, as ``INCIDENT_NOTES_PRIMARY_PROVIDER`` spells it.

    Returns:
        A class decorator that records the class and returns it unchanged.
    """

    def decorator(provider_class: type[ProviderT]) -> type[ProviderT]:
        registered = _PROVIDERS.get(name)
        if registered is not None and registered is not provider_class:
            owner = registered.__name__
            raise ValueError(f"provider {name!r} is already registered by {owner}")
        provider_class.name = name
        _PROVIDERS[name] = provider_class
        return provider_class

    return decorator


def registered_providers() -> list[str]:
    """Return the names of every registered provider, sorted."""
    return sorted(_PROVIDERS)


def get_provider(name: str, settings: IncidentNotesSettings) -> IncidentNotesProvider:
    """Build the provider registered under ``name``.

    Args:
        name: A registered provider name.
        settings: The feature's settings slice, handed to the provider.

    Returns:
        A new provider instance.

    Raises:
        ValueError: When no provider has that name.
    """
    provider_class = _PROVIDERS.get(name)
    if provider_class is None:
        known = ", ".join(registered_providers()) or "none"
        raise ValueError(f"unknown provider {name!r}; registered: {known}")
    return provider_class(settings)


def get_primary_provider(settings: IncidentNotesSettings) -> IncidentNotesProvider:
    """Build the primary provider, the one ``INCIDENT_NOTES_PRIMARY_PROVIDER`` names.

    Args:
        settings: The feature's settings slice.

    Returns:
        The primary provider.

    Raises:
        ValueError: When the configured name is not a registered provider.
    """
    return get_provider(settings.INCIDENT_NOTES_PRIMARY_PROVIDER, settings)
