"""The transports of Incident Notes: each translates its platform's input, calls the service, renders the result."""
