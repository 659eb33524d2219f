"""Feature settings __init__ - exports all feature settings."""

from infrastructure.configuration.features.groups import GroupsFeatureSettings
from infrastructure.configuration.features.commands import CommandsSettings
from infrastructure.configuration.features.incident import IncidentFeatureSettings
from infrastructure.configuration.features.aws_ops import AWSFeatureSettings
from infrastructure.configuration.features.atip import AtipSettings
from infrastructure.configuration.features.sre_ops import SreOpsSettings
from infrastructure.configuration.features.incident_notes import IncidentNotesSettings

__all__ = [
    "GroupsFeatureSettings",
    "CommandsSettings",
    "IncidentFeatureSettings",
    "AWSFeatureSettings",
    "AtipSettings",
    "SreOpsSettings",
    "IncidentNotesSettings",
]
