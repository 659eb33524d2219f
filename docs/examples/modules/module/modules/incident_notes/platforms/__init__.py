"""The chat platforms Incident Notes answers on: Slack (``slack.py``)."""
