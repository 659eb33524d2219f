"""Unit tests of ``infrastructure.services``."""
