"""HTTP handlers of Incident Notes: translate the request, call one service method, render the result.

The routes themselves are declared in ``api/v1/incident_notes.py``.
"""

from functools import lru_cache
from typing import Annotated

from fastapi import HTTPException, Path, Query, status

from infrastructure.configuration import Settings
from infrastructure.services import CurrentUserDep, SettingsDep, get_settings
from modules.incident_notes.providers import get_primary_provider
from modules.incident_notes.responses import (
    raise_for_error,
    render_incident_note,
    render_incident_notes,
)
from modules.incident_notes.schemas import (
    IncidentNoteCreateRequest,
    IncidentNoteListResponse,
    IncidentNoteResponse,
    IncidentNoteUpdateRequest,
)
from modules.incident_notes.service import IncidentNotesService
from modules.incident_notes.validation import ID_PATTERN


@lru_cache(maxsize=1)
def build_incident_notes_service() -> IncidentNotesService:
    """Build the service once per process, from the settings singleton.

    Returns:
        The service every request of this process shares; it keeps no request data.
    """
    feature_settings = get_settings().incident_notes
    provider = get_primary_provider(feature_settings)
    return IncidentNotesService(settings=feature_settings, provider=provider)


def get_incident_notes_service(settings: Settings) -> IncidentNotesService:
    """The service for one request, while ``INCIDENT_NOTES_ENABLED`` is true.

    Each handler calls it with its ``settings`` rather than declaring it as a FastAPI
    dependency: FastAPI runs every synchronous dependency in its thread pool, so one
    dependency fewer is one thread hop fewer per request.

    Args:
        settings: The host's settings.

    Returns:
        The process-wide service.

    Raises:
        HTTPException: 503 on every route while the feature is switched off, as the
            host's records answer a feature that is not enabled.
    """
    if not settings.incident_notes.INCIDENT_NOTES_ENABLED:
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="Incident Notes is not enabled",
        )
    return build_incident_notes_service()


ID_DESCRIPTION = "Identifier of the incident note."
IncidentNoteId = Annotated[str, Path(pattern=ID_PATTERN, description=ID_DESCRIPTION)]
PageLimit = Annotated[int, Query(ge=1, description="How many items to return at most.")]
PageStart = Annotated[
    str | None,
    Query(
        pattern=ID_PATTERN,
        description="The last id of the previous page; leave it out for the first page.",
    ),
]

# TODO(incident_notes): authorize: decide which authenticated callers may use each route.


def create_incident_note(
    body: IncidentNoteCreateRequest, settings: SettingsDep, current_user: CurrentUserDep
) -> IncidentNoteResponse:
    """Create an incident note.

    Args:
        body: The request body.
        settings: The host's settings.
        current_user: The authenticated caller; anonymous requests never get here.

    Returns:
        The created incident note.
    """
    service = get_incident_notes_service(settings)
    result = service.create_incident_note(body.to_draft())
    return render_incident_note(result)


def get_incident_note(
    incident_note_id: IncidentNoteId,
    settings: SettingsDep,
    current_user: CurrentUserDep,
) -> IncidentNoteResponse:
    """Get one incident note.

    Args:
        incident_note_id: Identifier of the incident note.
        settings: The host's settings.
        current_user: The authenticated caller; anonymous requests never get here.

    Returns:
        The incident note.
    """
    service = get_incident_notes_service(settings)
    result = service.get_incident_note(incident_note_id)
    return render_incident_note(result)


def list_incident_notes(
    settings: SettingsDep,
    current_user: CurrentUserDep,
    limit: PageLimit = 50,
    before: PageStart = None,
) -> IncidentNoteListResponse:
    """List incident notes.

    Args:
        settings: The host's settings.
        current_user: The authenticated caller; anonymous requests never get here.
        limit: How many incident notes to return at most.
        before: The last id of the previous page: the incident notes after it; None for the first page.

    Returns:
        A page of incident notes.
    """
    service = get_incident_notes_service(settings)
    result = service.list_incident_notes(limit, before)
    return render_incident_notes(result, limit)


def update_incident_note(
    incident_note_id: IncidentNoteId,
    body: IncidentNoteUpdateRequest,
    settings: SettingsDep,
    current_user: CurrentUserDep,
) -> IncidentNoteResponse:
    """Update an incident note.

    Args:
        incident_note_id: Identifier of the incident note.
        body: The fields to change.
        settings: The host's settings.
        current_user: The authenticated caller; anonymous requests never get here.

    Returns:
        The updated incident note.
    """
    service = get_incident_notes_service(settings)
    result = service.update_incident_note(incident_note_id, body.to_changes())
    return render_incident_note(result)


def delete_incident_note(
    incident_note_id: IncidentNoteId,
    settings: SettingsDep,
    current_user: CurrentUserDep,
) -> None:
    """Delete an incident note.

    Args:
        incident_note_id: Identifier of the incident note.
        settings: The host's settings.
        current_user: The authenticated caller; anonymous requests never get here.

    """
    service = get_incident_notes_service(settings)
    result = service.delete_incident_note(incident_note_id)
    raise_for_error(result)
