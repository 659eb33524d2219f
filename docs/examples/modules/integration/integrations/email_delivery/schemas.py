"""Payloads of the Email Delivery API, as it sends and receives them."""

from pydantic import BaseModel, ConfigDict


class Message(BaseModel):
    """A message as the API returns it; fields the bot does not use are ignored.

    Attributes:
        id: Identifier given by the API.
        title: Short title.
        details: Free-form details.
    """

    # TODO(email_delivery): replace title and details with the API's real fields (the fake client and the tests follow).
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    title: str
    details: str = ""


class MessageDraft(BaseModel):
    """A message to create, as the API expects it.

    Attributes:
        title: Short title.
        details: Free-form details.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    details: str = ""
