"""Feature packages. Each package here is discovered and registered as a plugin at startup."""
