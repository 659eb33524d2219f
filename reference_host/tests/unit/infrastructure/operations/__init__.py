"""Unit tests of ``infrastructure.operations``."""
