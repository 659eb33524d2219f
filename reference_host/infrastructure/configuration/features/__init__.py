"""Feature settings slices, one module per feature."""

from infrastructure.configuration.features.atip import AtipSettings

__all__ = [
    "AtipSettings",
]
