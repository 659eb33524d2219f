"""The authenticated caller of an HTTP route."""

from typing import Annotated, Optional

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

ANONYMOUS_TOKEN_EMAIL = "token-holder@example.com"

bearer_scheme = HTTPBearer(auto_error=False)


class User(BaseModel):
    """The authenticated caller.

    Attributes:
        email: Email address of the caller.
    """

    email: str


def get_current_user(
    credentials: Annotated[
        Optional[HTTPAuthorizationCredentials], Depends(bearer_scheme)
    ],
) -> User:
    """Return the caller identified by the request's bearer token.

    This host does not verify tokens: a token that looks like an email address
    names the caller, any other token is ``token-holder@example.com``.

    Args:
        credentials: The ``Authorization: Bearer <token>`` credentials, if sent.

    Returns:
        The authenticated caller.

    Raises:
        HTTPException: 401 with ``WWW-Authenticate: Bearer`` when no bearer
            token is sent.
    """
    if credentials is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Not authenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    token = credentials.credentials
    return User(email=token if "@" in token else ANONYMOUS_TOKEN_EMAIL)
