"""Unit tests of ``api.v1``."""
