"""Provider plug-ins of Incident Notes: one external back-end per module.

Importing a provider module registers it. To add a back-end, write a module with a
class decorated ``@register_provider("<name>")`` and import it below.
"""

from modules.incident_notes.providers.base import IncidentNotesProvider
from modules.incident_notes.providers.registry import (
    get_primary_provider,
    get_provider,
    register_provider,
    registered_providers,
)
from modules.incident_notes.providers import google, storage

__all__ = [
    "IncidentNotesProvider",
    "get_primary_provider",
    "get_provider",
    "register_provider",
    "registered_providers",
    "google",
    "storage",
]
