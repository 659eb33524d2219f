"""A fake of the Email Delivery client: the same calls, answered from memory, raising as the API does.

Features' adapter tests use it in place of ``get_email_delivery_client()``.
"""

from typing import Any

import httpx

from integrations.email_delivery.schemas import Message, MessageDraft


class FakeEmailDeliveryClient:
    """Keeps messages in a dict; set ``error`` to make the next calls raise it."""

    def __init__(self) -> None:
        self.messages: dict[str, Message] = {}
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.error: Exception | None = None

    def _record(self, operation: str, *args: Any) -> None:
        self.calls.append((operation, args))
        if self.error is not None:
            raise self.error

    def create_message(self, draft: MessageDraft) -> Message:
        self._record("create", draft)
        created = Message(id=f"message-{len(self.messages) + 1}", title=draft.title, details=draft.details)
        self.messages[created.id] = created
        return created

    def get_message(self, message_id: str) -> Message:
        self._record("get", message_id)
        return self._found(message_id)

    def _found(self, message_id: str) -> Message:
        if message_id not in self.messages:
            request = httpx.Request("GET", f"https://fake.invalid/{message_id}")
            raise httpx.HTTPStatusError("not found", request=request, response=httpx.Response(404, request=request))
        return self.messages[message_id]
