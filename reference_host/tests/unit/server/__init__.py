"""Unit tests of ``server``."""
