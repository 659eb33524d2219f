"""Settings slices of the features, one module each."""

from infrastructure.configuration.features.atip import AtipSettings
from infrastructure.configuration.features.incident_notes import IncidentNotesSettings

__all__ = ["AtipSettings", "IncidentNotesSettings"]
