"""Unit tests of feature modules: one package per module."""
