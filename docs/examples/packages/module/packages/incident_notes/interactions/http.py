"""The HTTP routes of Incident Notes, mounted under ``/api/v1/incident-notes``.

Each handler does what the host's handler discipline allows and no more: it takes the
request's typed values, calls one service method off the event loop (the service and
its back-ends block), and renders the ``OperationResult``: the success as the response
model, an error as an HTTP status with ``{"error_code", "message"}``.
"""

import asyncio
from typing import Annotated, Any, NoReturn

from fastapi import APIRouter, Depends, HTTPException, Query, Security

from infrastructure.operations import OperationResult, OperationStatus
from infrastructure.security import get_current_user
from infrastructure.security.models import User
from packages.incident_notes.providers import get_incident_notes_service
from packages.incident_notes.schemas import (
    IncidentNoteCreateRequest,
    IncidentNoteListResponse,
    IncidentNoteResponse,
    IncidentNoteUpdateRequest,
)
from packages.incident_notes.service import IncidentNotesService
from packages.incident_notes.settings import IncidentNotesSettings, get_incident_notes_settings

# The scope a caller's token must carry, named as the host names its features' scopes.
# TODO(incident_notes): decide who is granted sre-bot:incident-notes, and whether writes need a scope of their own.
SCOPE = "sre-bot:incident-notes"
# How each error status of a result is answered.
STATUS_CODES = {
    OperationStatus.NOT_FOUND: 404,
    OperationStatus.PERMANENT_ERROR: 400,
    OperationStatus.TRANSIENT_ERROR: 503,
    OperationStatus.UNAUTHORIZED: 401,
}
# An UNAUTHORIZED result with this code is a known caller without the right: 403, not 401
# (decisions/errors-and-http.md; the host's classifiers use it for an HTTP 403).
FORBIDDEN = "FORBIDDEN"
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "The request breaks a rule of the domain."},
    401: {"description": "No valid token."},
    403: {"description": "The token lacks the sre-bot:incident-notes scope."},
    503: {"description": "The feature is switched off, or its back-end is unavailable (see Retry-After)."},
}
NOT_FOUND_RESPONSE: dict[int | str, dict[str, Any]] = {404: {"description": "No incident note has this id."}}


def require_enabled(settings: Annotated[IncidentNotesSettings, Depends(get_incident_notes_settings)]) -> None:
    """503 on every route while ``INCIDENT_NOTES_ENABLED`` is false; it runs before the service is built."""
    if not settings.enabled:
        raise HTTPException(
            status_code=503, detail={"error_code": "FEATURE_DISABLED", "message": "Incident Notes is switched off"}
        )


router = APIRouter(
    prefix="/incident-notes", tags=["Incident Notes"], responses=ERROR_RESPONSES, dependencies=[Depends(require_enabled)]
)
# The service as a dependency, so tests swap it with app.dependency_overrides.
ServiceDep = Annotated[IncidentNotesService, Depends(get_incident_notes_service)]
CallerDep = Annotated[User, Security(get_current_user, scopes=[SCOPE])]


@router.post(
    "",
    response_model=IncidentNoteResponse,
    status_code=201,
    summary="Create an incident note",
    description="Creates an incident note from the body, once the domain's rules hold.",
)
async def create_incident_note(
    body: IncidentNoteCreateRequest,
    service: ServiceDep,
    current_user: CallerDep,
) -> IncidentNoteResponse:
    """Create an incident note for an authenticated caller."""
    result = await asyncio.to_thread(service.create_incident_note, body.to_draft())
    if not result.is_success or result.data is None:
        _raise(result)
    return IncidentNoteResponse.from_domain(result.data)


@router.get(
    "/{incident_note_id}",
    response_model=IncidentNoteResponse,
    status_code=200,
    summary="Get one incident note",
    description="Returns the incident note with this id.",
    responses=NOT_FOUND_RESPONSE,
)
async def get_incident_note(
    incident_note_id: str,
    service: ServiceDep,
    current_user: CallerDep,
) -> IncidentNoteResponse:
    """Get one incident note for an authenticated caller."""
    result = await asyncio.to_thread(service.get_incident_note, incident_note_id)
    if not result.is_success or result.data is None:
        _raise(result)
    return IncidentNoteResponse.from_domain(result.data)


@router.get(
    "",
    response_model=IncidentNoteListResponse,
    status_code=200,
    summary="List incident notes",
    description="Returns up to `limit` incident notes, at most INCIDENT_NOTES_MAX_PAGE_SIZE of them, newest first; send a page's `next` as `before` for the one after it.",
)
async def list_incident_notes(
    service: ServiceDep,
    current_user: CallerDep,
    limit: Annotated[int, Query(ge=1, description="How many incident notes to return at most.")] = 50,
    before: Annotated[str | None, Query(description="The last id of the previous page; leave it out for the first page.")] = None,
) -> IncidentNoteListResponse:
    """List incident notes for an authenticated caller."""
    result = await asyncio.to_thread(service.list_incident_notes, limit, before)
    if not result.is_success or result.data is None:
        _raise(result)
    return IncidentNoteListResponse.from_domain(result.data, limit)


@router.patch(
    "/{incident_note_id}",
    response_model=IncidentNoteResponse,
    status_code=200,
    summary="Update an incident note",
    description="Changes the fields the body sends; the others keep their value.",
    responses=NOT_FOUND_RESPONSE,
)
async def update_incident_note(
    incident_note_id: str,
    body: IncidentNoteUpdateRequest,
    service: ServiceDep,
    current_user: CallerDep,
) -> IncidentNoteResponse:
    """Update an incident note for an authenticated caller."""
    result = await asyncio.to_thread(service.update_incident_note, incident_note_id, body.to_changes())
    if not result.is_success or result.data is None:
        _raise(result)
    return IncidentNoteResponse.from_domain(result.data)


@router.delete(
    "/{incident_note_id}",
    status_code=204,
    summary="Delete an incident note",
    description="Deletes the incident note with this id.",
    responses=NOT_FOUND_RESPONSE,
)
async def delete_incident_note(
    incident_note_id: str,
    service: ServiceDep,
    current_user: CallerDep,
) -> None:
    """Delete an incident note for an authenticated caller."""
    result = await asyncio.to_thread(service.delete_incident_note, incident_note_id)
    if not result.is_success:
        _raise(result)


def _raise(result: OperationResult[Any]) -> NoReturn:
    """Answer an error result: its status code, its code and message, ``Retry-After`` when the back-end gave one.

    A success that carries no data where the route answers some is the service's bug: 500.
    """
    if result.is_success:
        raise HTTPException(status_code=500, detail={"error_code": "EMPTY_RESULT", "message": "the service returned no data"})
    headers = {"Retry-After": str(result.retry_after)} if result.retry_after else None
    detail = {"error_code": result.error_code or result.status.name, "message": result.message}
    forbidden = result.status is OperationStatus.UNAUTHORIZED and result.error_code == FORBIDDEN
    status_code = 403 if forbidden else STATUS_CODES.get(result.status, 500)
    raise HTTPException(status_code=status_code, detail=detail, headers=headers)
