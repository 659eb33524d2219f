"""HTTP API of the bot. Feature routers live under ``api/v1``."""
