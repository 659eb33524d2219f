"""Unit tests of ``api``."""
