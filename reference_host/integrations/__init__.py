"""Clients of third-party services (Slack, AWS, Google Workspace, ...)."""
