"""Email Delivery: Send email to people outside Slack through the mail provider's HTTP API.

Features depend on :class:`EmailDeliveryClient` and get the process-wide client from
:func:`get_email_delivery_client`; their tests pass ``FakeEmailDeliveryClient`` instead.
"""

from integrations.email_delivery.client import get_email_delivery_client
from integrations.email_delivery.protocol import EmailDeliveryClient

__all__ = ["EmailDeliveryClient", "get_email_delivery_client"]
