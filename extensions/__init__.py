"""The template's helpers: names, answer validators, layout, and the plan's tasks."""
