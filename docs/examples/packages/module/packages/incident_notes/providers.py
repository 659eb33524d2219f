"""How Incident Notes is assembled: one cached getter per singleton.

The only module that names the concrete classes. To swap one in a test, patch the
getter where it is used (``monkeypatch.setattr``), never the classes behind it.
"""

from collections.abc import Callable
from functools import lru_cache

from infrastructure.storage import get_storage_service
from packages.incident_notes.adapters.google import GoogleBackend
from packages.incident_notes.ports import IncidentNotesBackend
from packages.incident_notes.service import IncidentNotesService
from packages.incident_notes.settings import get_incident_notes_settings
from packages.incident_notes.store import IncidentNotesStore


def get_incident_notes_store() -> IncidentNotesStore:
    """The storage back-end: the feature's table, through the host's storage service."""
    return IncidentNotesStore(storage=get_storage_service(), table=get_incident_notes_settings().table_name)


# Every back-end the feature can use, by the name INCIDENT_NOTES_PRIMARY_PROVIDER gives.
BACKENDS: dict[str, Callable[[], IncidentNotesBackend]] = {
    "storage": get_incident_notes_store,
    "google": GoogleBackend,
}


@lru_cache(maxsize=1)
def get_incident_notes_backend() -> IncidentNotesBackend:
    """The back-end that is the source of truth: the one INCIDENT_NOTES_PRIMARY_PROVIDER names."""
    return BACKENDS[get_incident_notes_settings().primary_provider]()


@lru_cache(maxsize=1)
def get_incident_notes_service() -> IncidentNotesService:
    """The feature's service, built once on its settings and back-end."""
    return IncidentNotesService(settings=get_incident_notes_settings(), backend=get_incident_notes_backend())
