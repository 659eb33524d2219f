"""Integration tests of feature modules: one package per module."""
