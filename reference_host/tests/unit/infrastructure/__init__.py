"""Unit tests of ``infrastructure``."""
