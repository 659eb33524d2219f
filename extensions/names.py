"""The identifiers of one feature, derived once from its answers, and the case helpers behind them."""

from __future__ import annotations

import re
from dataclasses import dataclass

import inflection

# A word as people type a name: letters and digits; what follows it up to the next word
# is its separator (a space, a hyphen).
_TYPED_WORD = re.compile(r"([A-Za-z0-9]+)([^A-Za-z0-9]*)")
# An acronym as typed, maybe plural: "AWS", "SLOs", "IPv6" is not one.
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+s?$")
# The words of a PascalCase name, acronyms kept whole: "AWSAccountID" -> AWS, Account, ID.
_PASCAL_WORD = re.compile(
    r"[A-Z0-9]{2,}s(?![a-z])|[A-Z0-9]+(?![a-z])|[A-Z0-9]?[a-z0-9]+"
)
# Letters whose English name starts with a vowel sound: "an SRE", "an HTTP route".
_VOWEL_SOUND_LETTERS = "AEFHILMNORSX"


def _typed_words(text: str) -> list[tuple[str, str]]:
    """The words of a name as typed, each with the separator after it, accents dropped."""
    return _TYPED_WORD.findall(inflection.transliterate(str(text)))


def _pieces(word: str) -> list[str]:
    """A typed word's snake_case pieces: "SLOs" -> slos, "PagerDuty" -> pager, duty."""
    if _ACRONYM.match(word):
        return [word.lower()]
    return inflection.underscore(word).split("_")


def snake(text: str) -> str:
    """Return ``text`` as a snake_case identifier ("Incident Notes" -> "incident_notes").

    Each typed word is split where its capitals start words ("PagerDuty" -> pager_duty),
    an acronym is one word ("Team SLOs" -> team_slos), and anything but letters and
    digits separates words.
    """
    return "_".join(
        piece for word, _ in _typed_words(text) for piece in _pieces(word) if piece
    )


def pascal(text: str) -> str:
    """Return ``text`` as PascalCase ("incident_notes" -> "IncidentNotes")."""
    return inflection.camelize(snake(text))


def singular_pascal(text: str) -> str:
    """Return the singular PascalCase entity name ("incident_notes" -> "IncidentNote")."""
    return inflection.camelize(inflection.singularize(snake(text)))


def with_article(words: str) -> str:
    """Prefix ``words`` with "a" or "an" as it is said: "an incident note", "an SRE page"."""
    first = words.split(" ", 1)[0].split("-", 1)[0]
    if _ACRONYM.match(first):
        vowel = first[0] in _VOWEL_SOUND_LETTERS
    else:
        vowel = first[:1].lower() in "aeiou"
    return f"{'an' if vowel else 'a'} {words}"


def _said(typed: str, last: bool, singular: bool) -> str:
    """A typed word in a sentence: lowercase unless it is an acronym or a brand's capitals.

    The last word of an entity's name takes its number: "Notes" -> "note", "SLOs" -> "SLO".
    """
    kept = _ACRONYM.match(typed) or any(char.isupper() for char in typed[1:])
    word = typed if kept else typed.lower()
    if last and singular:
        word = (
            word[:-1]
            if _ACRONYM.match(word) and word.endswith("s")
            else inflection.singularize(word)
        )
    return word


def spoken(snake_name: str, title: str, pascal_name: str) -> str:
    """The words of the entity's class name (``pascal_name``, ``snake_name`` in snake_case) in a sentence.

    Where the name comes from the feature's name as typed (``title``), its words keep
    how they were typed there: hyphens, acronyms and brands' capitals ("On-call
    Handover" -> "on-call handover", "AWS Access Requests" -> "AWS access request",
    "PagerDuty Syncs" -> "PagerDuty sync"). Otherwise they are the class name's words,
    acronyms kept ("SREPage" -> "SRE page").
    """
    wanted = snake_name.split("_")
    typed = _typed_words(title)
    for start in range(len(typed)):
        pieces: list[str] = []
        for end in range(start, len(typed)):
            pieces += _pieces(typed[end][0])
            if len(pieces) >= len(wanted):
                break
        if len(pieces) != len(wanted) or pieces[:-1] != wanted[:-1]:
            continue
        if inflection.singularize(pieces[-1]) != inflection.singularize(wanted[-1]):
            continue
        run = typed[start : end + 1]
        if len(run) == 1 and not _ACRONYM.match(run[0][0]):
            break  # one word typed: nothing to keep that the class name lacks
        singular = pieces[-1] != wanted[-1]
        said = [
            _said(word, index == len(run) - 1, singular)
            for index, (word, _) in enumerate(run)
        ]
        joins = ["-" if "-" in separator else " " for _, separator in run[:-1]]
        return "".join(word + join for word, join in zip(said, [*joins, ""]))
    found = _PASCAL_WORD.findall(pascal_name)
    return " ".join(word if _ACRONYM.match(word) else word.lower() for word in found)


def plural_words(words: str) -> str:
    """``words`` with the last one plural: "on-call handover" -> "on-call handovers", "SLO" -> "SLOs"."""
    head, last = re.match(r"(.*?)([A-Za-z0-9]+)$", words).groups()  # type: ignore[union-attr]
    return head + (last + "s" if _ACRONYM.match(last) else inflection.pluralize(last))


def sentence(text: str) -> str:
    """``text`` starting with a capital, the rest as it is ("AWS access" stays, "note" -> "Note")."""
    return text[:1].upper() + text[1:]


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
        """The entity in a sentence, as the feature's name spells it: "on-call handover"."""
        return spoken(self.entity_snake, self.title, self.entity)

    @property
    def entity_plural_words(self) -> str:
        """The entity's plural in a sentence: "on-call handovers"."""
        return plural_words(self.entity_words)

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
    def store_class(self) -> str:
        """The repository of the storage back-end: the feature's records in the bot's table."""
        return f"{self.pascal}Store"

    @property
    def storage_partition(self) -> str:
        """The partition key of every record in the feature's table ("INCIDENT_NOTE")."""
        return self.entity_snake.upper()

    @property
    def table(self) -> str:
        """The default name of the feature's table, as the host names its tables."""
        return f"sre_bot_{self.module}"

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
