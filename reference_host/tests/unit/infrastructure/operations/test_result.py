"""Tests of OperationResult and OperationStatus."""

from dataclasses import fields

import pytest

from infrastructure.operations import OperationResult, OperationStatus

pytestmark = pytest.mark.unit


class TestOperationStatus:
    def test_values_are_snake_case_names(self) -> None:
        # Act
        values = {status.name: status.value for status in OperationStatus}

        # Assert
        assert values == {
            "SUCCESS": "success",
            "TRANSIENT_ERROR": "transient_error",
            "PERMANENT_ERROR": "permanent_error",
            "UNAUTHORIZED": "unauthorized",
            "NOT_FOUND": "not_found",
        }


class TestOperationResultShape:
    def test_fields_are_declared_in_contract_order(self) -> None:
        # Act
        names = [field.name for field in fields(OperationResult)]

        # Assert
        assert names == [
            "status",
            "message",
            "data",
            "error_code",
            "retry_after",
            "provider",
            "operation",
        ]

    def test_fields_are_mutable_after_creation(self) -> None:
        # Arrange
        result: OperationResult[int] = OperationResult.success(data=1)

        # Act
        result.provider = "slack"

        # Assert
        assert result.provider == "slack"

    @pytest.mark.parametrize("helper", ["not_found", "unauthorized"])
    def test_has_no_status_specific_helper_beyond_contract(self, helper: str) -> None:
        # Act
        present = hasattr(OperationResult, helper)

        # Assert
        assert present is False


class TestIsSuccess:
    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            (OperationStatus.SUCCESS, True),
            (OperationStatus.TRANSIENT_ERROR, False),
            (OperationStatus.PERMANENT_ERROR, False),
            (OperationStatus.UNAUTHORIZED, False),
            (OperationStatus.NOT_FOUND, False),
        ],
    )
    def test_is_success_true_only_for_success_status(
        self, status: OperationStatus, expected: bool
    ) -> None:
        # Arrange
        result: OperationResult[None] = OperationResult(status=status, message="m")

        # Act
        is_success = result.is_success

        # Assert
        assert is_success is expected


class TestSuccess:
    def test_success_defaults_to_ok_without_data(self) -> None:
        # Act
        result: OperationResult[None] = OperationResult.success()

        # Assert
        assert result == OperationResult(status=OperationStatus.SUCCESS, message="ok")

    def test_success_keeps_data_and_observability_fields(self) -> None:
        # Act
        result = OperationResult.success(
            data=[1], message="listed", provider="aws", operation="list_users"
        )

        # Assert
        assert (result.data, result.message, result.provider, result.operation) == (
            [1],
            "listed",
            "aws",
            "list_users",
        )


class TestErrors:
    def test_error_keeps_every_field(self) -> None:
        # Act
        result = OperationResult.error(
            OperationStatus.NOT_FOUND,
            "no such group",
            error_code="NOT_FOUND",
            retry_after=5,
            data={"group": "g"},
            provider="google",
            operation="get_group",
        )

        # Assert
        assert result == OperationResult(
            status=OperationStatus.NOT_FOUND,
            message="no such group",
            data={"group": "g"},
            error_code="NOT_FOUND",
            retry_after=5,
            provider="google",
            operation="get_group",
        )

    def test_transient_error_has_transient_status_and_retry_after(self) -> None:
        # Act
        result: OperationResult[None] = OperationResult.transient_error(
            "slow down", error_code="RATE_LIMITED", retry_after=30
        )

        # Assert
        assert (result.status, result.error_code, result.retry_after) == (
            OperationStatus.TRANSIENT_ERROR,
            "RATE_LIMITED",
            30,
        )

    def test_permanent_error_has_permanent_status_and_code(self) -> None:
        # Act
        result: OperationResult[None] = OperationResult.permanent_error(
            "bad input", error_code="INVALID_REQUEST"
        )

        # Assert
        assert (result.status, result.message, result.error_code) == (
            OperationStatus.PERMANENT_ERROR,
            "bad input",
            "INVALID_REQUEST",
        )


class TestMap:
    def test_map_transforms_data_of_success(self) -> None:
        # Arrange
        result = OperationResult.success(data=5, provider="aws")

        # Act
        mapped = result.map(lambda value: value * 2)

        # Assert
        assert (mapped.is_success, mapped.data, mapped.provider) == (True, 10, "aws")

    def test_map_returns_error_unchanged(self) -> None:
        # Arrange
        result: OperationResult[int] = OperationResult.permanent_error("failed")

        # Act
        mapped = result.map(lambda value: value * 2)

        # Assert
        assert mapped is result

    def test_map_turns_success_without_data_into_permanent_error(self) -> None:
        # Arrange
        result: OperationResult[int] = OperationResult.success()

        # Act
        mapped = result.map(lambda value: value * 2)

        # Assert
        assert mapped.status == OperationStatus.PERMANENT_ERROR


class TestBind:
    def test_bind_returns_result_of_next_operation(self) -> None:
        # Arrange
        result = OperationResult.success(data=5)
        next_result = OperationResult.success(data="five")

        # Act
        bound = result.bind(lambda value: next_result)

        # Assert
        assert bound is next_result

    def test_bind_passes_data_to_next_operation(self) -> None:
        # Arrange
        result = OperationResult.success(data=5)

        # Act
        bound = result.bind(lambda value: OperationResult.success(data=value + 1))

        # Assert
        assert bound.data == 6

    def test_bind_returns_error_unchanged(self) -> None:
        # Arrange
        result: OperationResult[int] = OperationResult.transient_error("timeout")

        # Act
        bound = result.bind(lambda value: OperationResult.success(data=value))

        # Assert
        assert bound is result

    def test_bind_turns_success_without_data_into_permanent_error(self) -> None:
        # Arrange
        result: OperationResult[int] = OperationResult.success()

        # Act
        bound = result.bind(lambda value: OperationResult.success(data=value))

        # Assert
        assert bound.status == OperationStatus.PERMANENT_ERROR


class TestUnwrap:
    def test_unwrap_returns_data_of_success(self) -> None:
        # Arrange
        result = OperationResult.success(data=42)

        # Act
        value = result.unwrap()

        # Assert
        assert value == 42

    def test_unwrap_raises_value_error_on_error(self) -> None:
        # Arrange
        result: OperationResult[int] = OperationResult.permanent_error(
            "failed", error_code="BOOM"
        )

        # Act / Assert
        with pytest.raises(ValueError, match="BOOM"):
            result.unwrap()

    def test_unwrap_or_returns_data_of_success(self) -> None:
        # Arrange
        result = OperationResult.success(data=42)

        # Act
        value = result.unwrap_or(0)

        # Assert
        assert value == 42

    def test_unwrap_or_returns_default_on_error(self) -> None:
        # Arrange
        result: OperationResult[int] = OperationResult.permanent_error("failed")

        # Act
        value = result.unwrap_or(0)

        # Assert
        assert value == 0
