"""Unit tests of how Incident Notes results become HTTP answers."""

import dataclasses
from typing import Any

import pytest
from fastapi import HTTPException

from infrastructure.operations import OperationResult, OperationStatus
from modules.incident_notes import responses
from tests.unit.modules.incident_notes.fakes import sample_incident_note

pytestmark = pytest.mark.unit


class TestRaiseForError:
    def test_returns_quietly_on_success(self) -> None:
        responses.raise_for_error(OperationResult.success())

    @pytest.mark.parametrize(
        ("status", "http_status"),
        [
            (OperationStatus.PERMANENT_ERROR, 400),
            (OperationStatus.UNAUTHORIZED, 401),
            (OperationStatus.NOT_FOUND, 404),
            (OperationStatus.TRANSIENT_ERROR, 503),
        ],
    )
    def test_maps_each_error_status(
        self, status: OperationStatus, http_status: int
    ) -> None:
        result: OperationResult[Any] = OperationResult.error(
            status, "failed", error_code="CODE"
        )

        with pytest.raises(HTTPException) as raised:
            responses.raise_for_error(result)

        assert raised.value.status_code == http_status
        assert raised.value.detail == {"error_code": "CODE", "message": "failed"}

    def test_a_caller_without_the_right_is_forbidden(self) -> None:
        result: OperationResult[Any] = OperationResult.error(
            OperationStatus.UNAUTHORIZED, "not allowed", error_code=responses.FORBIDDEN
        )

        with pytest.raises(HTTPException) as raised:
            responses.raise_for_error(result)

        assert raised.value.status_code == 403

    def test_transient_error_carries_retry_after(self) -> None:
        result: OperationResult[Any] = OperationResult.transient_error(
            "busy", retry_after=30
        )

        with pytest.raises(HTTPException) as raised:
            responses.raise_for_error(result)

        assert raised.value.headers == {"Retry-After": "30"}

    def test_transient_error_without_retry_after_has_no_header(self) -> None:
        with pytest.raises(HTTPException) as raised:
            responses.raise_for_error(OperationResult.transient_error("busy"))

        assert raised.value.headers is None


class TestRenderIncidentNote:
    def test_renders_the_item(self) -> None:
        item = sample_incident_note()

        result = OperationResult.success(data=item)

        response = responses.render_incident_note(result)

        assert response.model_dump() == dataclasses.asdict(item)

    def test_raises_on_error(self) -> None:
        result: OperationResult[Any] = OperationResult.error(
            OperationStatus.NOT_FOUND, "gone"
        )

        with pytest.raises(HTTPException):
            responses.render_incident_note(result)


class TestRenderIncidentNotes:
    def test_renders_the_page_with_its_count(self) -> None:
        items = [sample_incident_note(id="a"), sample_incident_note(id="b")]
        result = OperationResult.success(data=items)

        page = responses.render_incident_notes(result, 10)

        assert [item.id for item in page.items] == ["a", "b"]
        assert page.count == 2
        assert page.next is None

    def test_a_full_page_names_the_id_the_next_one_starts_after(self) -> None:
        items = [sample_incident_note(id="b"), sample_incident_note(id="a")]

        page = responses.render_incident_notes(OperationResult.success(data=items), 2)

        assert page.next == "a"

    def test_raises_on_error(self) -> None:
        result: OperationResult[Any] = OperationResult.transient_error("busy")

        with pytest.raises(HTTPException):
            responses.render_incident_notes(result, 10)
