"""Operation results and the classifiers that build them from exceptions."""

from infrastructure.operations.classifiers import (
    classify_aws_error,
    classify_http_error,
    classify_integration_error,
)
from infrastructure.operations.result import OperationResult, OperationStatus

__all__ = [
    "OperationResult",
    "OperationStatus",
    "classify_aws_error",
    "classify_http_error",
    "classify_integration_error",
]
