"""Process-wide providers of shared objects."""

from functools import lru_cache

from infrastructure.configuration import Settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the settings of the process, read once from the environment.

    Returns:
        The one Settings object of the process.
    """
    return Settings()
