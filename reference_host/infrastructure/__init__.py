"""Shared infrastructure: operations, configuration, services and plugin discovery."""
