"""Every name a feature uses, derived once from the answers.

Templates never re-derive a name: they read ``names.<attribute>`` (a
:class:`FeatureNames`) from the context, where ``jinja.py`` puts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import inflection

from . import plan
from .plan import Task, build_tasks

MAX_NAME_LENGTH = 24
OPERATIONS = ("create", "get", "list", "update", "delete")
# What every route handler takes besides its request: the settings it hands to the
# feature's service factory (or an integration's client factory).
SETTINGS_PARAMETER = ("settings", "SettingsDep", "The host's settings.")


def snake(text: str) -> str:
    """Return ``text`` as a snake_case identifier ("Incident Notes" -> "incident_notes")."""
    return inflection.parameterize(inflection.underscore(str(text)), separator="_")


def pascal(text: str) -> str:
    """Return ``text`` as PascalCase ("incident_notes" -> "IncidentNotes")."""
    return inflection.camelize(snake(text))


def singular_pascal(text: str) -> str:
    """Return the singular PascalCase entity name ("incident_notes" -> "IncidentNote")."""
    return inflection.camelize(inflection.singularize(snake(text)))


def with_article(words: str) -> str:
    """Prefix ``words`` with "a" or "an" by its first letter ("incident note" -> "an incident note")."""
    return f"{'an' if words[:1].lower() in 'aeiou' else 'a'} {words}"


@dataclass(frozen=True)
class Setting:
    """One field of the settings slice: its environment variable and what it means."""

    name: str
    type: str
    default: str
    constraints: tuple[str, ...]
    meaning: str

    @property
    def secret(self) -> bool:
        return "SecretStr" in self.type


@dataclass(frozen=True)
class Operation:
    """One generated operation: its route, controller, service and provider methods."""

    verb: str
    method: str
    params: str
    args: str
    data_type: str
    event: str
    summary: str
    http_method: str
    path: str
    status_code: int
    arg_docs: tuple[tuple[str, str], ...]
    returns_doc: str
    http_params: tuple[tuple[str, str, str], ...] = ()
    http_returns: str = "None"
    http_returns_doc: str = ""

    def _controller_params(
        self, require_auth: bool, types: dict[str, str]
    ) -> list[tuple[str, str, str]]:
        http = [
            (name, types.get(kind, kind), doc) for name, kind, doc in self.http_params
        ]
        params = [p for p in http if "=" not in p[1]]
        params.append(SETTINGS_PARAMETER)
        if require_auth:
            params.append(
                (
                    "current_user",
                    "CurrentUserDep",
                    "The authenticated caller; anonymous requests never get here.",
                )
            )
        return params + [p for p in http if "=" in p[1]]

    def controller_signature(
        self,
        require_auth: bool,
        types: Optional[dict[str, str]] = None,
        returns: str = "",
    ) -> str:
        """The route handler's ``def`` line on one line.

        ``types`` renames parameter types and ``returns`` replaces the return type, for
        an integration's endpoint.
        """
        params = ", ".join(
            f"{name}: {kind}"
            for name, kind, _ in self._controller_params(require_auth, types or {})
        )
        return f"def {self.method}({params}) -> {returns or self.http_returns}:"

    def controller_arg_docs(self, require_auth: bool) -> list[tuple[str, str]]:
        """(name, description) of each route handler parameter."""
        return [
            (name, doc) for name, _, doc in self._controller_params(require_auth, {})
        ]

    @property
    def http_args(self) -> str:
        """The route handler's own parameters as the arguments of a call, in order."""
        return ", ".join(name for name, _, _ in self.http_params)

    def endpoint_status_codes(self, require_auth: bool) -> str:
        """The status codes of an integration endpoint's route, for the plan's API table."""
        codes = [str(self.status_code)] + (["401"] if require_auth else [])
        return ", ".join(codes + ["404", "422", "502", "503"])

    @property
    def impl(self) -> str:
        """Name of the provider's protected method that does the back-end call."""
        return f"_{self.verb}_impl"

    @property
    def result_type(self) -> str:
        return f"OperationResult[{self.data_type}]"

    @property
    def request_doc(self) -> str:
        """The request of the route, for the plan's API table."""
        bodies = {"create": "CreateRequest", "update": "UpdateRequest"}
        if self.verb in bodies:
            return f"`{self.data_type}{bodies[self.verb]}` (JSON)"
        return "`?limit=` (1 to the max page size)" if self.verb == "list" else "—"

    @property
    def response_doc(self) -> str:
        """The response of the route, for the plan's API table."""
        if self.verb == "delete":
            return "no body"
        return "`" + self.http_returns + "`"

    @property
    def status_codes(self) -> str:
        """The status codes the route can answer, for the plan's API table."""
        return ", ".join([str(self.status_code), "400", "401", "404", "422", "503"])

    def signature(self, name: str = "", params: str = "") -> str:
        """The method's ``def`` line on one line (lay it out with the ``pydef`` filter)."""
        return f"def {name or self.method}(self, {params or self.params}) -> {self.result_type}:"


@dataclass(frozen=True)
class FeatureNames:
    """Every identifier of one feature, derived from the answers in one place."""

    title: str
    module: str
    entity: str
    operations: tuple[str, ...]
    providers: tuple[str, ...]
    primary_provider: Optional[str]
    require_auth: bool = True
    kind: str = "module"
    endpoint: bool = False

    @property
    def pascal(self) -> str:
        return inflection.camelize(self.module)

    @property
    def is_integration(self) -> bool:
        return self.kind == "integration"

    @property
    def package(self) -> str:
        """The feature's own folder: ``modules/<m>`` or ``integrations/<m>``."""
        return f"{'integrations' if self.is_integration else 'modules'}/{self.module}"

    @property
    def unit_tests(self) -> str:
        """The folder of the feature's unit tests, mirroring its package."""
        return f"tests/unit/{self.package}"

    @property
    def test_dirs(self) -> list[str]:
        """The folders of the feature's tests: its unit tests, and its route tests if it has routes."""
        routes = not self.is_integration or self.endpoint
        return [self.unit_tests] + (
            [f"tests/integration/modules/{self.module}"] if routes else []
        )

    @property
    def source_paths(self) -> list[str]:
        """The feature's code outside the tests: its packages and single modules."""
        found: list[str] = []
        for path in self.generated_files:
            if path.endswith(".py") and not path.startswith("tests/"):
                parts = path.split("/")
                top = (
                    "/".join(parts[:2])
                    if parts[0] in ("modules", "integrations")
                    else path
                )
                if top not in found:
                    found.append(top)
        return found

    @property
    def coverage_include(self) -> str:
        """The ``--include`` patterns of ``coverage report`` that select the feature's code."""
        return ",".join(
            path if path.endswith(".py") else f"{path}/*" for path in self.source_paths
        )

    @property
    def settings_kind(self) -> str:
        """The host's folder of settings slices this feature's slice belongs to."""
        return "integrations" if self.is_integration else "features"

    @property
    def settings_file(self) -> str:
        return f"infrastructure/configuration/{self.settings_kind}/{self.module}.py"

    @property
    def settings_module(self) -> str:
        return self.settings_file.removesuffix(".py").replace("/", ".")

    @property
    def settings_base(self) -> str:
        return "IntegrationSettings" if self.is_integration else "FeatureSettings"

    @property
    def client_protocol(self) -> str:
        """The Protocol features type an integration's client as."""
        return f"{self.pascal}Client"

    @property
    def client_class(self) -> str:
        """The integration's real client, on httpx."""
        return f"Http{self.pascal}Client"

    @property
    def client_factory(self) -> str:
        return f"get_{self.module}_client"

    @property
    def fake_client(self) -> str:
        return f"Fake{self.pascal}Client"

    @property
    def fake_module(self) -> str:
        """The file of the integration's fake client, shared by every feature's tests."""
        return f"tests/fixtures/fake_{self.module}_client.py"

    @property
    def resource_path(self) -> str:
        """The vendor API's path of the entity's collection ("/incident-notes")."""
        return "/" + self.entity_plural_snake.replace("_", "-")

    @property
    def endpoint_types(self) -> dict[str, str]:
        """An endpoint's handlers take the API's payloads as bodies, not a module's requests."""
        return {
            f"{self.entity}CreateRequest": f"{self.entity}Draft",
            f"{self.entity}UpdateRequest": f"{self.entity}Changes",
        }

    def endpoint_returns(self, op: Operation) -> str:
        """What an endpoint's handler answers with: the API's payload, a page, or nothing."""
        returns = {"list": f"{self.entity}Page", "delete": "None"}
        return returns.get(op.verb, self.entity)

    def endpoint_signature(self, op: Operation) -> str:
        """The ``def`` line of an integration endpoint's handler, on one line."""
        return op.controller_signature(
            self.require_auth, self.endpoint_types, self.endpoint_returns(op)
        )

    def endpoint_request_doc(self, op: Operation) -> str:
        if op.verb == "list":
            return "`?limit=` (1 to 100)"
        bodies = self.endpoint_types
        for kind in (f"{self.entity}CreateRequest", f"{self.entity}UpdateRequest"):
            if kind in op.request_doc:
                return op.request_doc.replace(kind, bodies[kind])
        return op.request_doc

    def endpoint_response_doc(self, op: Operation) -> str:
        returns = self.endpoint_returns(op)
        return "no body" if returns == "None" else f"`{returns}`"

    @property
    def endpoint_response_models(self) -> list[str]:
        """The payload schemas an integration endpoint's routes answer with, sorted."""
        found = [self.entity] if self.returns_item else []
        return sorted(found + ([f"{self.entity}Page"] if self.has("list") else []))

    @property
    def endpoint_models(self) -> list[str]:
        """The payload schemas an integration endpoint's handlers name, sorted."""
        bodies = [
            self.endpoint_types[kind]
            for kind in self.schema_models
            if kind in self.endpoint_types
        ]
        return sorted(self.endpoint_response_models + bodies)

    @property
    def client_test_models(self) -> list[str]:
        """The payload models an integration's client tests build, sorted."""
        calls = [self.sample_call(op) for op in self.ops]
        built = [f"{self.entity}("] if self.first_op("create", "get", "list") else []
        return self.models_used(*calls, *built)

    @property
    def fake_test_models(self) -> list[str]:
        """The payload models the fake client's tests build, sorted."""
        reading = self.first_op("get", "list", "update")
        by_id = self.first_op("get", "update", "delete")
        calls = [self.sample_call(op) for op in (self.ops[0], reading, by_id) if op]
        return self.models_used(*calls, *([f"{self.entity}("] if reading else []))

    def models_used(self, *code: str) -> list[str]:
        """The payload models that ``code`` builds (``Name(``), sorted as an import line wants them."""
        return [
            model
            for model in self.payload_models
            if any(f"{model}(" in text for text in code)
        ]

    def first_op(self, *verbs: str) -> Optional[Operation]:
        """The first selected operation among ``verbs``, or None."""
        return next((op for op in self.ops if op.verb in verbs), None)

    def client_request(self, op: Operation) -> str:
        """The arguments of the integration client's ``_call`` for ``op``: its HTTP request."""
        item = f"_item({self.id_param})"
        parse = f"_parse_{self.entity_snake}"
        requests = {
            "create": f'{parse}, "POST", RESOURCE, json=draft.model_dump(mode="json")',
            "get": f'{parse}, "GET", {item}',
            "list": f'_parse_{self.entity_plural_snake}, "GET", RESOURCE, params={{"limit": limit}}',
            "update": f'{parse}, "PATCH", {item}, '
            'json=changes.model_dump(mode="json", exclude_none=True)',
            "delete": f'_parse_nothing, "DELETE", {item}',
        }
        return f'"{op.verb}", {requests[op.verb]}'

    def sample_call(self, op: Operation) -> str:
        """A call of ``op`` on an integration's client, with sample arguments, for tests."""
        args = {
            "create": f'{self.entity}Draft(title="A title", details="Some details")',
            "get": '"item-1"',
            "list": "10",
            "update": f'"item-1", {self.entity}Changes(title="New title")',
            "delete": '"item-1"',
        }
        return f"{op.method}({args[op.verb]})"

    @property
    def payload_models(self) -> list[str]:
        """The vendor payload schemas an integration's client calls name, sorted: the
        names a module's operation signatures give their domain dataclasses."""
        return self.signature_models

    @property
    def upper(self) -> str:
        return self.module.upper()

    @property
    def url_path(self) -> str:
        return "/" + self.module.replace("_", "-")

    @property
    def entity_snake(self) -> str:
        return inflection.underscore(self.entity)

    @property
    def entity_plural(self) -> str:
        return inflection.pluralize(self.entity)

    @property
    def entity_plural_snake(self) -> str:
        return inflection.underscore(self.entity_plural)

    @property
    def entity_words(self) -> str:
        return inflection.humanize(self.entity_snake).lower()

    @property
    def entity_plural_words(self) -> str:
        return inflection.humanize(self.entity_plural_snake).lower()

    @property
    def id_param(self) -> str:
        return f"{self.entity_snake}_id"

    @property
    def settings_class(self) -> str:
        return f"{self.pascal}Settings"

    @property
    def service_class(self) -> str:
        return f"{self.pascal}Service"

    @property
    def provider_base(self) -> str:
        return f"{self.pascal}Provider"

    @property
    def input_models(self) -> list[str]:
        """The domain dataclasses that carry input: a draft to create, changes to apply."""
        return [
            self.entity + suffix
            for op, suffix in (("create", "Draft"), ("update", "Changes"))
            if self.has(op)
        ]

    @property
    def domain_models(self) -> list[str]:
        """Every domain dataclass of the feature, sorted as an import line wants them."""
        return sorted([self.entity, *self.input_models])

    @property
    def signature_models(self) -> list[str]:
        """The domain dataclasses the operations' signatures name, sorted."""
        returned = [self.entity] if self.returns_items else []
        return sorted([*returned, *self.input_models])

    @property
    def needs_id(self) -> bool:
        """Whether some operation addresses one item by its id."""
        return any(self.has(op) for op in ("get", "update", "delete"))

    @property
    def has_providers(self) -> bool:
        return bool(self.providers)

    def provider_class(self, provider: str) -> str:
        """Class name of one provider plug-in ("aws" -> "AwsProvider")."""
        return f"{inflection.camelize(provider)}Provider"

    @property
    def provider_token_envs(self) -> list[str]:
        """The environment variables of the providers' API tokens, in provider order."""
        return [self.provider_token_env(provider) for provider in self.providers]

    def env(self, suffix: str) -> str:
        """Environment variable of this feature ("ENABLED" -> "INCIDENT_NOTES_ENABLED")."""
        return f"{self.upper}_{suffix}"

    def provider_token_env(self, provider: str) -> str:
        """Environment variable holding one provider's API token."""
        return self.env(f"{provider.upper()}_API_TOKEN")

    @property
    def ops(self) -> list[Operation]:
        """The selected operations, in create/get/list/update/delete order."""
        entity, one, many = self.entity, self.entity_snake, self.entity_plural_snake
        words, plural_words = self.entity_words, self.entity_plural_words
        item = f"/{{{self.id_param}}}"
        by_id = f"{self.id_param}: str"
        id_doc = (self.id_param, f"Identifier of the {words}.")
        every = {
            "create": Operation(
                "create",
                f"create_{one}",
                f"draft: {entity}Draft",
                "draft",
                entity,
                f"{one}_created",
                f"Create {with_article(words)}",
                "POST",
                "",
                201,
                (("draft", f"The {words} to create."),),
                f"The created {words}, or why it could not be created.",
                (("body", f"{entity}CreateRequest", "The request body."),),
                f"{entity}Response",
                f"The created {words}.",
            ),
            "get": Operation(
                "get",
                f"get_{one}",
                by_id,
                self.id_param,
                entity,
                f"{one}_fetched",
                f"Get one {words}",
                "GET",
                item,
                200,
                (id_doc,),
                f"The {words}, or why it could not be fetched (NOT_FOUND when it does not exist).",
                ((self.id_param, f"{entity}Id", f"Identifier of the {words}."),),
                f"{entity}Response",
                f"The {words}.",
            ),
            "list": Operation(
                "list",
                f"list_{many}",
                "limit: int",
                "limit",
                f"list[{entity}]",
                f"{many}_listed",
                f"List {plural_words}",
                "GET",
                "",
                200,
                (("limit", f"How many {plural_words} to return at most."),),
                f"Up to ``limit`` {plural_words}, or why they could not be listed.",
                (
                    (
                        "limit",
                        "PageLimit = 50",
                        f"How many {plural_words} to return at most.",
                    ),
                ),
                f"{entity}ListResponse",
                f"A page of {plural_words}.",
            ),
            "update": Operation(
                "update",
                f"update_{one}",
                f"{by_id}, changes: {entity}Changes",
                f"{self.id_param}, changes",
                entity,
                f"{one}_updated",
                f"Update {with_article(words)}",
                "PATCH",
                item,
                200,
                (id_doc, ("changes", "The fields to change.")),
                f"The updated {words}, or why it could not be updated (NOT_FOUND when it does not exist).",
                (
                    (self.id_param, f"{entity}Id", f"Identifier of the {words}."),
                    ("body", f"{entity}UpdateRequest", "The fields to change."),
                ),
                f"{entity}Response",
                f"The updated {words}.",
            ),
            "delete": Operation(
                "delete",
                f"delete_{one}",
                by_id,
                self.id_param,
                "None",
                f"{one}_deleted",
                f"Delete {with_article(words)}",
                "DELETE",
                item,
                204,
                (id_doc,),
                f"Success, or why the {words} could not be deleted (NOT_FOUND when it does not exist).",
                ((self.id_param, f"{entity}Id", f"Identifier of the {words}."),),
                "None",
                "Nothing: 204 No Content.",
            ),
        }
        return [every[verb] for verb in self.operations]

    @property
    def controller_fastapi_imports(self) -> list[str]:
        """What controllers.py imports from fastapi."""
        found = ["HTTPException", "status"]
        found += ["Path"] if self.needs_id else []
        return found + (["Query"] if self.has("list") else [])

    def seam(self, op: Operation) -> str:
        """What the service calls to do ``op``: the primary provider, or its own method."""
        return (
            f"self._provider.{op.method}"
            if self.has_providers
            else f"self._{op.method}"
        )

    @property
    def has_param_types(self) -> bool:
        """Whether the route handlers take an annotated id or page limit (``Annotated``)."""
        return self.needs_id or self.has("list")

    @property
    def validators(self) -> list[str]:
        """The validation functions the service calls, sorted as an import line wants them."""
        found = []
        if self.needs_id and any(self.has(op) for op in ("get", "delete")):
            found.append(f"validate_{self.id_param}")
        if self.has("create"):
            found.append("validate_draft")
        if self.has("update"):
            found.append("validate_changes")
        if self.has("list"):
            found.append("validate_limit")
        return sorted(found)

    @property
    def returns_item(self) -> bool:
        """Whether some route answers with one item."""
        return any(self.has(op) for op in ("create", "get", "update"))

    @property
    def returns_items(self) -> bool:
        """Whether some route answers with item data (one item or a page)."""
        return self.returns_item or self.has("list")

    @property
    def response_models(self) -> list[str]:
        """The response schemas responses.py builds, sorted."""
        found = [f"{self.entity}Response"] if self.returns_items else []
        if self.has("list"):
            found.append(f"{self.entity}ListResponse")
        return sorted(found)

    @property
    def route_models(self) -> list[str]:
        """The response schemas the routes declare, sorted."""
        found = [f"{self.entity}Response"] if self.returns_item else []
        if self.has("list"):
            found.append(f"{self.entity}ListResponse")
        return sorted(found)

    @property
    def schema_models(self) -> list[str]:
        """The schemas the route handlers name, sorted."""
        found = [f"{self.entity}CreateRequest"] if self.has("create") else []
        if self.has("update"):
            found.append(f"{self.entity}UpdateRequest")
        if self.returns_item:
            found.append(f"{self.entity}Response")
        if self.has("list"):
            found.append(f"{self.entity}ListResponse")
        return sorted(found)

    @property
    def renderers(self) -> list[str]:
        """The functions of responses.py the route handlers call, sorted."""
        found = [f"render_{self.entity_snake}"] if self.returns_item else []
        if self.has("list"):
            found.append(f"render_{self.entity_plural_snake}")
        if self.has("delete"):
            found.append("raise_for_error")
        return sorted(found)

    @property
    def _integration_files(self) -> list[str]:
        unit = self.unit_tests
        files = [
            *(
                f"{self.package}/{name}"
                for name in (
                    "PLAN.md",
                    "__init__.py",
                    "client.py",
                    "protocol.py",
                    "schemas.py",
                )
            ),
            self.settings_file,
            "tests/fixtures/__init__.py",
            self.fake_module,
            "tests/unit/integrations/__init__.py",
            *(
                f"{unit}/{name}"
                for name in (
                    "__init__.py",
                    "conftest.py",
                    "test_client.py",
                    "test_fake.py",
                    "test_plan.py",
                    "test_settings.py",
                )
            ),
        ]
        if self.endpoint:
            integration = f"tests/integration/modules/{self.module}"
            files += [
                f"api/v1/{self.module}.py",
                f"modules/{self.module}/__init__.py",
                f"modules/{self.module}/controllers.py",
                f"{integration}/__init__.py",
                f"{integration}/conftest.py",
                f"{integration}/test_{self.module}_routes.py",
            ]
        return files + [f".copier-answers.{self.module}.yml"]

    @property
    def generated_files(self) -> list[str]:
        """Every file the template writes for this feature, relative to the application root."""
        if self.is_integration:
            return self._integration_files
        package = f"modules/{self.module}"
        files = [
            f"{package}/{name}"
            for name in ("__init__.py", "PLAN.md", "controllers.py", "models.py")
        ]
        if self.has_providers:
            modules = ["__init__", "base", "registry", *sorted(self.providers)]
            files += [f"{package}/providers/{name}.py" for name in modules]
        files += [
            f"{package}/{name}"
            for name in ("responses.py", "schemas.py", "service.py", "validation.py")
        ]
        files += [
            f"api/v1/{self.module}.py",
            f"infrastructure/configuration/features/{self.module}.py",
        ]
        integration = f"tests/integration/modules/{self.module}"
        files += [
            f"{integration}/{name}"
            for name in ("__init__.py", "conftest.py", f"test_{self.module}_routes.py")
        ]
        unit = f"tests/unit/modules/{self.module}"
        tests = [
            "__init__.py",
            "conftest.py",
            "fakes.py",
            "test_hooks.py",
            "test_plan.py",
        ]
        tests += ["test_providers.py"] if self.has_providers else []
        tests += [
            "test_responses.py",
            "test_service.py",
            "test_settings.py",
            "test_validation.py",
        ]
        files += ["tests/unit/modules/__init__.py"]
        files += [f"{unit}/{name}" for name in tests]
        return files + [f".copier-answers.{self.module}.yml"]

    @property
    def settings_variables(self) -> list[Setting]:
        """The fields of the settings slice, in declaration order."""
        if self.is_integration:
            return self._integration_settings
        found = [
            Setting(
                self.env("ENABLED"),
                "bool",
                "False",
                (),
                f"Serve the {self.title} routes. Off until the feature is rolled out.",
            ),
            Setting(
                self.env("TIMEOUT_SECONDS"),
                "float",
                "10.0",
                ("gt=0", "le=60"),
                "Timeout of one call to an external back-end, in seconds.",
            ),
        ]
        if self.has("list"):
            found.append(
                Setting(
                    self.env("MAX_PAGE_SIZE"),
                    "int",
                    "100",
                    ("ge=1", "le=1000"),
                    f"The largest page of {self.entity_plural_words} a list request may ask for.",
                )
            )
        if self.has_providers:
            found.append(
                Setting(
                    self.env("PRIMARY_PROVIDER"),
                    "str",
                    f'"{self.primary_provider}"',
                    (),
                    f"The provider that is the source of truth: one of {', '.join(self.providers)}.",
                )
            )
            for provider in self.providers:
                found.append(
                    Setting(
                        self.provider_token_env(provider),
                        "SecretStr | None",
                        "None",
                        (),
                        f"API token of the {provider} provider.",
                    )
                )
        return found

    @property
    def _integration_settings(self) -> list[Setting]:
        found = [
            Setting(
                self.env("ENABLED"),
                "bool",
                "False",
                (),
                f"Let the client call the {self.title} API. Off until the integration is rolled out;"
                " while off, every call fails fast with INTEGRATION_DISABLED.",
            ),
            Setting(
                self.env("BASE_URL"),
                "str",
                '""',
                (),
                f"Base URL of the {self.title} API, e.g. https://api.example.com/v1."
                f" Required, and https, when {self.env('ENABLED')} is true.",
            ),
            Setting(
                self.env("API_KEY"),
                "SecretStr | None",
                "None",
                (),
                "API key, sent as a bearer token (none when empty). Never logged.",
            ),
            Setting(
                self.env("TIMEOUT_SECONDS"),
                "float",
                "10.0",
                ("gt=0", "le=60"),
                "Timeout of each phase of one call (connect, write, read, pool), in seconds.",
            ),
        ]
        if self.endpoint:
            found.append(
                Setting(
                    self.env("ENDPOINT_ENABLED"),
                    "bool",
                    "False",
                    (),
                    f"Serve the {self.title} routes. Off until the endpoint is rolled out.",
                )
            )
        return found

    @property
    def todo_places(self) -> dict[str, int]:
        """How many ``TODO(<module>)`` markers each generated file holds: the work left."""
        if self.is_integration:
            places = {f"{self.package}/client.py": 1}
            if self.payload_models:
                places[f"{self.package}/schemas.py"] = 1
            if self.endpoint and self.require_auth:
                places[f"modules/{self.module}/controllers.py"] = 1
            return places
        package = f"modules/{self.module}"
        places = {f"{package}/models.py": 1}
        if self.input_models:
            places[f"{package}/validation.py"] = len(self.input_models)
        if self.require_auth:
            places[f"{package}/controllers.py"] = 1
        if self.has_providers:
            places.update(
                {
                    f"{package}/providers/{provider}.py": len(self.ops)
                    for provider in self.providers
                }
            )
        else:
            places[f"{package}/service.py"] = len(self.ops)
        return places

    @property
    def todo_roots(self) -> list[str]:
        """The feature's folders that hold ``TODO(<module>)`` markers, for a grep."""
        return sorted({"/".join(path.split("/")[:2]) for path in self.todo_places})

    @property
    def log_events(self) -> list[str]:
        """Every structlog event the feature emits."""
        if self.is_integration:
            events = [f"{self.module}_call_succeeded", f"{self.module}_call_failed"]
            if self.endpoint:
                events += [
                    f"{self.module}_endpoint_ready",
                    f"{self.module}_endpoint_disabled",
                ]
            return events
        events = [
            f"{self.module}_ready",
            f"{self.module}_disabled",
            *(op.event for op in self.ops),
        ]
        events.append(f"{self.module}_operation_failed")
        if self.has_providers:
            events.append(f"{self.module}_provider_call_failed")
        return events

    @property
    def risks(self) -> list[plan.Risk]:
        if self.is_integration:
            return plan.integration_risks(self)
        return plan.risks(self, self.require_auth)

    @property
    def test_files(self) -> list[plan.StrategyRow]:
        if self.is_integration:
            return plan.integration_testing_strategy(self)
        return plan.testing_strategy(self, self.require_auth)

    @property
    def architecture_rules(self) -> list[plan.Rule]:
        if self.is_integration:
            return plan.integration_architecture_rules(self)
        return plan.architecture_rules(self)

    def phase_title(self, phase: int) -> str:
        return plan.PHASES[phase - 1]

    def phase_commands(self, phase: int) -> list[str]:
        return plan.phase_commands(self, phase)

    def task_id(self, title_start: str) -> str:
        """The ID of the task whose title starts with ``title_start``."""
        return next(
            task.id for task in self.tasks if task.title.startswith(title_start)
        )

    @property
    def tasks(self) -> list[Task]:
        """The implementation plan's tasks (see plan.py)."""
        if self.is_integration:
            return plan.build_integration_tasks(self)
        return build_tasks(self, self.require_auth)

    def phase_tasks(self, phase: int) -> list[Task]:
        """The tasks of one phase (1, 2 or 3)."""
        return [task for task in self.tasks if task.phase == phase]

    def has(self, operation: str) -> bool:
        """Whether the feature offers ``operation``."""
        return operation in self.operations


def feature_names(context: dict[str, Any]) -> Optional[FeatureNames]:
    """Build the names of the feature described by the answers in ``context``."""
    needed = ("feature_name", "module_name", "entity_name", "operations")
    if any(key not in context for key in needed):
        return None
    kind = str(context.get("kind") or "module")
    providers = tuple(context.get("providers") or ()) if kind == "module" else ()
    primary = context.get("primary_provider") if len(providers) > 1 else None
    if primary not in providers:
        primary = providers[0] if providers else None
    return FeatureNames(
        title=str(context["feature_name"]),
        module=str(context["module_name"]),
        entity=str(context["entity_name"]),
        operations=tuple(
            op for op in OPERATIONS if op in (context["operations"] or ())
        ),
        providers=providers,
        primary_provider=primary,
        require_auth=bool(context.get("require_auth", True)),
        kind=kind,
        endpoint=kind == "integration" and bool(context.get("endpoint", False)),
    )
