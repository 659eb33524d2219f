"""Routes of Incident Notes, mounted under ``/api/v1`` by the ``register_routes`` hook of ``modules/incident_notes``."""

from typing import Any

from fastapi import APIRouter, Response, status

from modules.incident_notes import controllers
from modules.incident_notes.schemas import (
    IncidentNoteListResponse,
    IncidentNoteResponse,
)

OPENAPI_TAG: dict[str, Any] = {
    "name": "Incident Notes",
    "description": "Keep short notes attached to an incident while it is handled.",
}

router = APIRouter(
    prefix="/incident-notes",
    tags=[OPENAPI_TAG["name"]],
)
router.add_api_route(
    "",
    controllers.create_incident_note,
    methods=["POST"],
    status_code=status.HTTP_201_CREATED,
    response_model=IncidentNoteResponse,
    summary="Create an incident note",
)
router.add_api_route(
    "/{incident_note_id}",
    controllers.get_incident_note,
    methods=["GET"],
    status_code=status.HTTP_200_OK,
    response_model=IncidentNoteResponse,
    summary="Get one incident note",
)
router.add_api_route(
    "",
    controllers.list_incident_notes,
    methods=["GET"],
    status_code=status.HTTP_200_OK,
    response_model=IncidentNoteListResponse,
    summary="List incident notes",
)
router.add_api_route(
    "/{incident_note_id}",
    controllers.update_incident_note,
    methods=["PATCH"],
    status_code=status.HTTP_200_OK,
    response_model=IncidentNoteResponse,
    summary="Update an incident note",
)
router.add_api_route(
    "/{incident_note_id}",
    controllers.delete_incident_note,
    methods=["DELETE"],
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete an incident note",
)
