"""Email Delivery: Send email to people outside Slack through the mail provider's HTTP API.

What features use: the client's factory, the classification of its errors, and the settings.
"""

from integrations.email_delivery.client import EmailDeliveryClient, classify_email_delivery_error, get_email_delivery_client
from integrations.email_delivery.settings import EmailDeliverySettings, get_email_delivery_settings

__all__ = [
    "EmailDeliveryClient",
    "EmailDeliverySettings",
    "classify_email_delivery_error",
    "get_email_delivery_client",
    "get_email_delivery_settings",
]
