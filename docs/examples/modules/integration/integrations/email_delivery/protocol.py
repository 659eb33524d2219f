"""What features may ask of Email Delivery: a Protocol, so they never depend on the HTTP client."""

from typing import Protocol

from infrastructure.operations import OperationResult
from integrations.email_delivery.schemas import Message, MessageDraft


class EmailDeliveryClient(Protocol):
    """The Email Delivery calls; each returns an ``OperationResult`` and never raises.

    ``HttpEmailDeliveryClient`` is the real implementation, ``FakeEmailDeliveryClient``
    (in ``tests/fixtures/fake_email_delivery_client.py``) the one for tests.
    """

    def create_message(self, draft: MessageDraft) -> OperationResult[Message]:
        """Create a message.

        Args:
            draft: The message to create.

        Returns:
            The created message, or why it could not be created.
        """
        ...

    def get_message(self, message_id: str) -> OperationResult[Message]:
        """Get one message.

        Args:
            message_id: Identifier of the message.

        Returns:
            The message, or why it could not be fetched (NOT_FOUND when it does not exist).
        """
        ...
