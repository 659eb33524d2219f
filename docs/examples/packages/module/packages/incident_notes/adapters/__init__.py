"""The back-ends of Incident Notes, one adapter each: the only files that import ``integrations/``.

An adapter implements ``IncidentNotesBackend`` (``ports.py``). Each call to a vendor
goes through the vendor's client from ``integrations/<vendor>/``, inside
``try/except``; the vendor's exception is turned into a result by the vendor's
``classify_<vendor>_error`` and the payload into the domain's dataclasses::

    try:
        payload = client.create(...)
    except VendorError as exc:
        status, error_code, retry_after = classify_vendor_error(exc)
        return OperationResult.error(status, "the vendor could not create", error_code=error_code, retry_after=retry_after)
    return OperationResult.success(data=to_domain(payload))
"""

from typing import Any

from infrastructure.operations import OperationResult, OperationStatus

NOT_IMPLEMENTED = "NOT_IMPLEMENTED"


def not_implemented(backend: str, operation: str) -> OperationResult[Any]:
    """The result of an operation whose call to the back-end is not written yet.

    Args:
        backend: The back-end's name, e.g. ``"google"``.
        operation: The operation, e.g. ``"create"``.

    Returns:
        A permanent NOT_IMPLEMENTED error naming the back-end and the operation.
    """
    return OperationResult.error(
        OperationStatus.PERMANENT_ERROR,
        f"the {backend} back-end does not implement {operation} yet",
        error_code=NOT_IMPLEMENTED,
        provider=backend,
        operation=operation,
    )
