"""Turn service results into HTTP answers: the data on success, the matching HTTP error otherwise."""

from typing import Any

from fastapi import HTTPException, status

from infrastructure.operations import OperationResult, OperationStatus
from modules.incident_notes.models import IncidentNote
from modules.incident_notes.schemas import (
    IncidentNoteListResponse,
    IncidentNoteResponse,
)

HTTP_STATUS_BY_ERROR: dict[OperationStatus, int] = {
    OperationStatus.PERMANENT_ERROR: status.HTTP_400_BAD_REQUEST,
    OperationStatus.UNAUTHORIZED: status.HTTP_401_UNAUTHORIZED,
    OperationStatus.NOT_FOUND: status.HTTP_404_NOT_FOUND,
    OperationStatus.TRANSIENT_ERROR: status.HTTP_503_SERVICE_UNAVAILABLE,
}
# An UNAUTHORIZED result with this code is a known caller without the right: 403, not 401
# (the host's classifiers in infrastructure/operations give it to an HTTP 403).
FORBIDDEN = "FORBIDDEN"


def raise_for_error(result: OperationResult[Any]) -> None:
    """Raise the HTTP error that matches a failed result; return quietly on success.

    The body carries the result's error code and message, never an exception's text.
    A transient error with a ``retry_after`` answers 503 with a ``Retry-After`` header.

    Args:
        result: What a service method returned.

    Raises:
        HTTPException: When the result is not a success.
    """
    if result.is_success:
        return
    headers = None
    if (
        result.status is OperationStatus.TRANSIENT_ERROR
        and result.retry_after is not None
    ):
        headers = {"Retry-After": str(result.retry_after)}
    status_code = HTTP_STATUS_BY_ERROR[result.status]
    if result.status is OperationStatus.UNAUTHORIZED and result.error_code == FORBIDDEN:
        status_code = status.HTTP_403_FORBIDDEN
    raise HTTPException(
        status_code=status_code,
        detail={"error_code": result.error_code, "message": result.message},
        headers=headers,
    )


def to_incident_note_response(incident_note: IncidentNote) -> IncidentNoteResponse:
    """Build the API model of one incident note.

    Args:
        incident_note: The domain object.

    Returns:
        Its response model.
    """
    return IncidentNoteResponse(
        id=incident_note.id,
        title=incident_note.title,
        body=incident_note.body,
        severity=incident_note.severity,
        pinned=incident_note.pinned,
        follow_up_on=incident_note.follow_up_on,
    )


def render_incident_note(result: OperationResult[IncidentNote]) -> IncidentNoteResponse:
    """Answer with one incident note, or raise the error the result carries.

    Args:
        result: A service result holding one incident note.

    Returns:
        The incident note's response model.
    """
    raise_for_error(result)
    return to_incident_note_response(result.unwrap())


def render_incident_notes(
    result: OperationResult[list[IncidentNote]], limit: int
) -> IncidentNoteListResponse:
    """Answer with a page of incident notes, or raise the error the result carries.

    Args:
        result: A service result holding a list of incident notes.
        limit: The page size asked for: a full page may have more after it.

    Returns:
        The page's response model, with the id the next page starts after.
    """
    raise_for_error(result)
    items = [to_incident_note_response(item) for item in result.unwrap()]
    last = items[-1].id if len(items) == limit else None
    return IncidentNoteListResponse(items=items, count=len(items), next=last)
