"""Feature settings slices, one module per feature."""

from infrastructure.configuration.features.atip import AtipSettings
from infrastructure.configuration.features.incident_notes import IncidentNotesSettings

__all__ = [
    "AtipSettings",
    "IncidentNotesSettings",
]
