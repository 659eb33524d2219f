"""Settings slices of the features, one module each."""

from infrastructure.configuration.features.atip import AtipSettings

__all__ = ["AtipSettings"]
