"""Unit tests of IncidentNotesStore: its key scheme and each operation, on the host's storage kept in memory."""

from collections.abc import Iterator

import pytest

from infrastructure.operations import OperationResult, OperationStatus
from packages.incident_notes.domain import IncidentNote, IncidentNoteChanges, changed
from packages.incident_notes.store import PARTITION, IncidentNotesStore
from tests.unit.packages.incident_notes.fakes import CHANGED, CHANGES, DRAFT, SAMPLE, FakeStorageService, sample_incident_note

pytestmark = pytest.mark.unit


@pytest.fixture
def store(storage: FakeStorageService) -> IncidentNotesStore:
    """The store on the host's storage kept in memory, its clock one millisecond later at each id."""
    clock = ticking()
    return IncidentNotesStore(storage=storage, table=TABLE, clock=lambda: next(clock))


TABLE = "sre_bot_incident_notes"
# 2026-03-01 12:00:00 UTC in nanoseconds: when the first item is made.
START = 1_772_366_400_000_000_000
# The sample fields, then the changed ones, as the storage service is given them.
STORED = {
    "title": "Disk full on db-1",
    "body": "Paged at 03:12, cleaned up old WAL files.",
    "severity": "low",
    "pinned": True,
    "follow_up_on": "2026-03-01",
}
STORED_CHANGES = {
    "title": "Disk full on db-2",
    "body": "Moved to the replica.",
    "severity": "medium",
    "pinned": False,
    "follow_up_on": "2026-03-02",
}
# What the storage may answer instead of a success.
ERRORS = [
    OperationResult.transient_error("Throttled: ProvisionedThroughputExceeded", error_code="ThrottlingException", retry_after=60),
    OperationResult.error(
        OperationStatus.UNAUTHORIZED, "AccessDenied for arn:aws:iam::123:role/x", error_code="AccessDeniedException"
    ),
    OperationResult.permanent_error("ValidationException: bad key", error_code="ValidationException"),
]


def ticking() -> Iterator[int]:
    """A clock one millisecond later at each call."""
    moment = START
    while True:
        yield moment
        moment += 1_000_000


def kept(storage: FakeStorageService, incident_note_id: str = "incident-note-1") -> None:
    """Put the sample incident note in the table, as the store writes one."""
    storage.items[(TABLE, PARTITION, incident_note_id)] = {"PK": PARTITION, "SK": incident_note_id, **STORED}


def test_create_writes_one_item_under_a_new_id(store: IncidentNotesStore, storage: FakeStorageService) -> None:
    result = store.create_incident_note(DRAFT)

    assert result.is_success and result.data is not None
    assert result.data == IncidentNote(id=result.data.id, **SAMPLE)
    assert storage.items == {(TABLE, PARTITION, result.data.id): {"PK": PARTITION, "SK": result.data.id, **STORED}}
    assert storage.calls == ["put_if_not_exists"]


def test_create_gives_ids_that_sort_by_age(store: IncidentNotesStore) -> None:
    first = store.create_incident_note(DRAFT).data
    second = store.create_incident_note(DRAFT).data

    assert first is not None and second is not None
    assert first.id.startswith(f"{START // 1_000_000:012x}")
    assert len(first.id) == 20
    assert first.id < second.id


def test_create_never_overwrites_an_item_whose_id_is_taken(store: IncidentNotesStore, storage: FakeStorageService) -> None:
    storage.answer = OperationResult.success(data=False)

    result = store.create_incident_note(DRAFT)

    assert (result.status, result.error_code) == (OperationStatus.TRANSIENT_ERROR, "ID_TAKEN")


def test_get_reads_the_item_back(store: IncidentNotesStore, storage: FakeStorageService) -> None:
    kept(storage)

    result = store.get_incident_note("incident-note-1")

    assert result.is_success
    assert result.data == sample_incident_note()


@pytest.mark.parametrize(
    ("method", "args"),
    [
        pytest.param("get_incident_note", ("missing",), id="get"),
        pytest.param("update_incident_note", ("missing", CHANGES), id="update"),
        pytest.param("delete_incident_note", ("missing",), id="delete"),
    ],
)
def test_an_id_the_table_lacks_is_not_found(
    store: IncidentNotesStore, storage: FakeStorageService, method: str, args: tuple[object, ...]
) -> None:
    result = getattr(store, method)(*args)

    assert result.status is OperationStatus.NOT_FOUND
    assert result.message == "no incident note has the id missing"
    assert storage.calls == ["get"]


def test_list_answers_the_newest_first_up_to_the_limit(store: IncidentNotesStore, storage: FakeStorageService) -> None:
    for incident_note_id in ["0001", "0003", "0002"]:
        kept(storage, incident_note_id)

    result = store.list_incident_notes(2)

    assert result.is_success and result.data is not None
    assert [item.id for item in result.data] == ["0003", "0002"]
    assert result.data[0] == sample_incident_note(id="0003")


def test_list_after_an_id_goes_on_with_the_older_ones(store: IncidentNotesStore, storage: FakeStorageService) -> None:
    for incident_note_id in ["0001", "0003", "0002", "0004"]:
        kept(storage, incident_note_id)

    result = store.list_incident_notes(2, "0003")

    assert result.is_success and result.data is not None
    assert [item.id for item in result.data] == ["0002", "0001"]


def test_list_of_an_empty_table_is_an_empty_page(store: IncidentNotesStore) -> None:
    result = store.list_incident_notes(10)

    assert (result.is_success, result.data) == (True, [])


def test_update_writes_the_changes_and_keeps_the_id(store: IncidentNotesStore, storage: FakeStorageService) -> None:
    kept(storage)

    result = store.update_incident_note("incident-note-1", CHANGES)

    assert result.is_success
    assert result.data == IncidentNote(id="incident-note-1", **CHANGED)
    assert storage.items == {(TABLE, PARTITION, "incident-note-1"): {"PK": PARTITION, "SK": "incident-note-1", **STORED_CHANGES}}


@pytest.mark.parametrize("field", sorted(CHANGED))
def test_update_changes_only_the_field_it_is_given(store: IncidentNotesStore, storage: FakeStorageService, field: str) -> None:
    kept(storage)
    changes = IncidentNoteChanges(**{field: CHANGED[field]})

    result = store.update_incident_note("incident-note-1", changes)

    assert result.data == changed(sample_incident_note(), changes)


@pytest.mark.parametrize("field", ["body", "follow_up_on"])
def test_update_removes_an_optional_field_it_clears(store: IncidentNotesStore, storage: FakeStorageService, field: str) -> None:
    kept(storage)

    result = store.update_incident_note("incident-note-1", IncidentNoteChanges(cleared=frozenset({field})))

    assert result.data is not None and getattr(result.data, field) is None
    assert field not in storage.items[(TABLE, PARTITION, "incident-note-1")]


def test_delete_removes_the_item(store: IncidentNotesStore, storage: FakeStorageService) -> None:
    kept(storage)

    result = store.delete_incident_note("incident-note-1")

    assert (result.is_success, result.data) == (True, None)
    assert storage.items == {}


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: str(error.error_code))
@pytest.mark.parametrize("verb", ["create", "get", "list", "update", "delete"])
def test_a_storage_error_keeps_its_status_and_code_never_its_words(
    store: IncidentNotesStore, storage: FakeStorageService, error: OperationResult[None], verb: str
) -> None:
    storage.answer = error

    result = call(store, verb)

    assert (result.status, result.error_code, result.retry_after) == (error.status, error.error_code, error.retry_after)
    assert (result.provider, result.operation) == ("storage", verb)
    assert result.message == f"the storage could not {verb}"


@pytest.mark.parametrize("verb", ["create", "get", "list", "update", "delete"])
def test_a_missing_table_is_an_error_of_the_deployment_not_a_missing_item(
    store: IncidentNotesStore, storage: FakeStorageService, verb: str
) -> None:
    storage.answer = OperationResult.error(
        OperationStatus.NOT_FOUND, "Requested resource not found", error_code="ResourceNotFoundException"
    )

    result = call(store, verb)

    assert result.status is OperationStatus.PERMANENT_ERROR
    assert result.message == f"the table {TABLE} does not exist"


def call(store: IncidentNotesStore, verb: str) -> OperationResult[object]:
    """Call one operation of the store with valid arguments."""
    calls = {
        "create": lambda: store.create_incident_note(DRAFT),
        "get": lambda: store.get_incident_note("incident-note-1"),
        "list": lambda: store.list_incident_notes(10),
        "update": lambda: store.update_incident_note("incident-note-1", CHANGES),
        "delete": lambda: store.delete_incident_note("incident-note-1"),
    }
    result: OperationResult[object] = calls[verb]()
    return result
