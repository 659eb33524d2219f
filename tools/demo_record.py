"""Create a record and list the records through a generated module's own routes, on moto's DynamoDB.

Usage, from the host's application folder with the host's own Python:
    python demo_record.py <generation> <module> <table> <path>

The feature is switched on through its environment variable and mounted on a FastAPI app
by its own ``register_routes`` hook; the host's authentication takes a caller the demo
names; the table is created in moto's DynamoDB as the plan's section 4 declares it. The
body is the sample the feature's tests create (``SAMPLE_JSON`` of its ``fakes.py``).
"""

from __future__ import annotations

import importlib
import json
import os
import sys

import boto3
from fastapi import FastAPI
from fastapi.testclient import TestClient
from moto import mock_aws


def caller(generation: str) -> tuple[object, object]:
    """The host's authentication dependency and a signed-in caller, for ``generation``."""
    if generation == "packages":
        from infrastructure.security import get_current_user
        from infrastructure.security.models import AuthPrincipalSource as Source
        from infrastructure.security.models import User
    else:
        from infrastructure.identity.models import IdentitySource as Source
        from infrastructure.identity.models import User
        from infrastructure.services import get_current_user
    email = "demo@example.org"
    user = User(
        user_id=email,
        email=email,
        display_name="Demo",
        source=Source.API_JWT,
        platform_id=email,
    )
    return get_current_user, user


def region(generation: str) -> str:
    """The host's AWS region, and its client pointed at AWS's own address (which moto answers)."""
    if generation == "packages":
        from integrations.aws import client as aws_client

        aws_client.app_settings.ENVIRONMENT = "demo"
        return str(aws_client.AWS_REGION)
    from infrastructure.services import get_settings

    return str(get_settings().aws.AWS_REGION)


def main() -> int:
    generation, module, table, path = sys.argv[1:5]
    root = "packages" if generation == "packages" else "modules"
    os.environ[f"{module.upper()}_ENABLED"] = "true"
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        os.environ[name] = "demo"
    where = region(generation)
    os.environ["AWS_DEFAULT_REGION"] = where
    feature = importlib.import_module(f"{root}.{module}")
    sample = importlib.import_module(f"tests.unit.{root}.{module}.fakes").SAMPLE_JSON
    with mock_aws():
        boto3.client("dynamodb", region_name=where).create_table(
            TableName=table,
            KeySchema=[
                {"AttributeName": "PK", "KeyType": "HASH"},
                {"AttributeName": "SK", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "PK", "AttributeType": "S"},
                {"AttributeName": "SK", "AttributeType": "S"},
            ],
            ProvisionedThroughput={"ReadCapacityUnits": 2, "WriteCapacityUnits": 2},
        )
        app = FastAPI()
        feature.register_routes(app)
        dependency, user = caller(generation)
        app.dependency_overrides[dependency] = lambda: user
        with TestClient(app) as client:
            created = client.post(path, json=sample)
            listed = client.get(path)
    print(f"POST {path} -> {created.status_code} {json.dumps(created.json())}")
    print(f"GET  {path} -> {listed.status_code} {json.dumps(listed.json())}")
    return 0 if (created.status_code, listed.status_code) == (201, 200) else 1


if __name__ == "__main__":
    sys.exit(main())
