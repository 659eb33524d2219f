"""The identifiers of one feature, derived once from its answers, and the case helpers behind them."""

from __future__ import annotations

from dataclasses import dataclass

import inflection


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
class Names:
    """Every identifier of one feature: class names, module names, environment names, URL path.

    Paths in the host depend on the host generation and the kind of feature: the
    feature's :class:`~features.Feature` owns them.
    """

    title: str
    module: str
    entity: str

    @property
    def pascal(self) -> str:
        return inflection.camelize(self.module)

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
    def entity_kebab(self) -> str:
        return self.entity_snake.replace("_", "-")

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
    def backend_port(self) -> str:
        """The Protocol a feature package's back-ends implement (packages generation)."""
        return f"{self.pascal}Backend"

    def backend_class(self, provider: str) -> str:
        """The adapter of one back-end ("google" -> "GoogleBackend")."""
        return f"{inflection.camelize(provider)}Backend"

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

    def env(self, suffix: str) -> str:
        """Environment variable of this feature ("ENABLED" -> "INCIDENT_NOTES_ENABLED")."""
        return f"{self.upper}_{suffix}"

    def provider_class(self, provider: str) -> str:
        """Class name of one provider plug-in ("aws" -> "AwsProvider")."""
        return f"{inflection.camelize(provider)}Provider"

    def provider_token_env(self, provider: str) -> str:
        """Environment variable holding one provider's API token."""
        return self.env(f"{provider.upper()}_API_TOKEN")
