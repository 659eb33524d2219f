"""Unit tests of ``infrastructure.plugins``."""
