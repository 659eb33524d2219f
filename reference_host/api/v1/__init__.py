"""Version 1 of the HTTP API: one router module per feature, mounted under ``/api/v1``."""
