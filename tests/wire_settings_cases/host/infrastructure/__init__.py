"""Infrastructure of the fake host used by the wire_settings tests."""
