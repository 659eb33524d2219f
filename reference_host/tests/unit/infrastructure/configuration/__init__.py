"""Unit tests of ``infrastructure.configuration``."""
