"""The result every operation that can fail returns."""

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Generic, Optional, TypeVar, cast

T = TypeVar("T")
U = TypeVar("U")


class OperationStatus(Enum):
    """High-level outcome of an operation."""

    SUCCESS = "success"
    TRANSIENT_ERROR = "transient_error"
    PERMANENT_ERROR = "permanent_error"
    UNAUTHORIZED = "unauthorized"
    NOT_FOUND = "not_found"


@dataclass
class OperationResult(Generic[T]):
    """Outcome of an operation: a status, a message and, on success, the data.

    Attributes:
        status: High-level outcome.
        message: Human-readable message for logs and troubleshooting.
        data: Payload of a successful result.
        error_code: Machine-readable error code in SCREAMING_SNAKE case.
        retry_after: Seconds to wait before retrying, when rate limited.
        provider: Name of the provider that produced the result.
        operation: Name of the operation that produced the result.
    """

    status: OperationStatus
    message: str
    data: Optional[T] = None
    error_code: Optional[str] = None
    retry_after: Optional[int] = None
    provider: Optional[str] = None
    operation: Optional[str] = None

    @property
    def is_success(self) -> bool:
        """Whether the operation succeeded.

        Returns:
            True when the status is SUCCESS.
        """
        return self.status == OperationStatus.SUCCESS

    @classmethod
    def success(
        cls,
        data: Optional[T] = None,
        message: str = "ok",
        provider: Optional[str] = None,
        operation: Optional[str] = None,
    ) -> "OperationResult[T]":
        """Build a successful result.

        Args:
            data: Payload of the result.
            message: Human-readable message.
            provider: Name of the provider that produced the result.
            operation: Name of the operation that produced the result.

        Returns:
            A result with status SUCCESS.
        """
        return cls(
            status=OperationStatus.SUCCESS,
            message=message,
            data=data,
            provider=provider,
            operation=operation,
        )

    @classmethod
    def error(
        cls,
        status: OperationStatus,
        message: str,
        error_code: Optional[str] = None,
        retry_after: Optional[int] = None,
        data: Optional[T] = None,
        provider: Optional[str] = None,
        operation: Optional[str] = None,
    ) -> "OperationResult[T]":
        """Build an error result with any status.

        Args:
            status: The error status, e.g. ``OperationStatus.NOT_FOUND``.
            message: Human-readable message.
            error_code: Machine-readable error code.
            retry_after: Seconds to wait before retrying.
            data: Payload to keep with the error.
            provider: Name of the provider that produced the result.
            operation: Name of the operation that produced the result.

        Returns:
            A result with the given status.
        """
        return cls(
            status=status,
            message=message,
            data=data,
            error_code=error_code,
            retry_after=retry_after,
            provider=provider,
            operation=operation,
        )

    @classmethod
    def transient_error(
        cls,
        message: str,
        error_code: Optional[str] = None,
        retry_after: Optional[int] = None,
    ) -> "OperationResult[T]":
        """Build an error that may succeed when retried (timeouts, rate limits, outages).

        Args:
            message: Human-readable message.
            error_code: Machine-readable error code.
            retry_after: Seconds to wait before retrying.

        Returns:
            A result with status TRANSIENT_ERROR.
        """
        return cls.error(
            OperationStatus.TRANSIENT_ERROR,
            message,
            error_code=error_code,
            retry_after=retry_after,
        )

    @classmethod
    def permanent_error(
        cls, message: str, error_code: Optional[str] = None
    ) -> "OperationResult[T]":
        """Build an error that a retry will not fix (bad input, denied access).

        Args:
            message: Human-readable message.
            error_code: Machine-readable error code.

        Returns:
            A result with status PERMANENT_ERROR.
        """
        return cls.error(
            OperationStatus.PERMANENT_ERROR, message, error_code=error_code
        )

    def map(self, fn: Callable[[T], U]) -> "OperationResult[U]":
        """Transform the data of a successful result.

        Args:
            fn: Function applied to the data.

        Returns:
            A successful result holding ``fn(data)``; this result unchanged if it
            is an error; a PERMANENT_ERROR result if it succeeded without data.
        """
        if not self.is_success:
            return cast("OperationResult[U]", self)
        if self.data is None:
            return OperationResult.error(
                OperationStatus.PERMANENT_ERROR,
                "No data to map",
                provider=self.provider,
                operation=self.operation,
            )
        return OperationResult.success(
            data=fn(self.data),
            message=self.message,
            provider=self.provider,
            operation=self.operation,
        )

    def bind(self, fn: Callable[[T], "OperationResult[U]"]) -> "OperationResult[U]":
        """Chain an operation that itself returns an OperationResult.

        Args:
            fn: Operation applied to the data.

        Returns:
            The result of ``fn(data)``; this result unchanged if it is an error;
            a PERMANENT_ERROR result if it succeeded without data.
        """
        if not self.is_success:
            return cast("OperationResult[U]", self)
        if self.data is None:
            return OperationResult.error(
                OperationStatus.PERMANENT_ERROR,
                "No data to bind",
                provider=self.provider,
                operation=self.operation,
            )
        return fn(self.data)

    def unwrap(self) -> Any:
        """Return the data of a successful result.

        Returns:
            The data.

        Raises:
            ValueError: If the result is an error.
        """
        if not self.is_success:
            raise ValueError(
                f"unwrap() called on an error result: {self.message} "
                f"(status: {self.status.value}, code: {self.error_code})"
            )
        return self.data

    def unwrap_or(self, default: Any) -> Any:
        """Return the data of a successful result, or a default.

        Args:
            default: Value returned when the result is an error.

        Returns:
            The data on success, otherwise ``default``.
        """
        return self.data if self.is_success else default
