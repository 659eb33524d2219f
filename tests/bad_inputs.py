"""Every bad input the suite tries, with the one line a user sees. docs/bad-input.md shows this list."""

from __future__ import annotations

from typing import Any, NamedTuple


class BadAnswer(NamedTuple):
    question: str
    value: Any
    says: str


BAD_ANSWERS = [
    BadAnswer("feature_name", "", "feature_name is empty: write it on one line."),
    BadAnswer("feature_name", "   ", "feature_name is empty: write it on one line."),
    BadAnswer("feature_name", "Two\nlines", "feature_name must fit on one line."),
    BadAnswer(
        "feature_name",
        "Notes {beta}",
        "feature_name holds a brace, which the bot's translations read as a placeholder:"
        " write it without { or }.",
    ),
    BadAnswer(
        "module_name",
        "",
        "module_name is empty: type a lowercase Python identifier such as incident_notes.",
    ),
    BadAnswer(
        "module_name",
        "class",
        "module_name 'class' is a Python keyword: choose another name.",
    ),
    BadAnswer(
        "module_name",
        "json",
        "module_name 'json' would be settings.json on the host's Settings, a name pydantic"
        " keeps for itself: choose another name.",
    ),
    BadAnswer(
        "module_name",
        "9lives",
        "module_name '9lives' is not a lowercase Python identifier: use a-z, 0-9 and _,"
        " starting with a letter (for example incident_notes).",
    ),
    BadAnswer(
        "module_name",
        "Incident",
        "module_name 'Incident' is not a lowercase Python identifier: use a-z, 0-9 and _,"
        " starting with a letter (for example incident).",
    ),
    BadAnswer(
        "module_name",
        "incident-notes",
        "module_name 'incident-notes' is not a lowercase Python identifier: use a-z, 0-9 and _,"
        " starting with a letter (for example incident_notes).",
    ),
    BadAnswer(
        "module_name",
        "incident notes",
        "module_name 'incident notes' is not a lowercase Python identifier: use a-z, 0-9 and _,"
        " starting with a letter (for example incident_notes).",
    ),
    BadAnswer(
        "module_name",
        "incident/notes",
        "module_name 'incident/notes' is not a lowercase Python identifier: use a-z, 0-9 and _,"
        " starting with a letter (for example incident_notes).",
    ),
    BadAnswer(
        "module_name",
        "..",
        "module_name '..' is not a lowercase Python identifier: use a-z, 0-9 and _,"
        " starting with a letter (for example incident_notes).",
    ),
    BadAnswer(
        "module_name",
        "notés",
        "module_name 'notés' is not a lowercase Python identifier: use a-z, 0-9 and _,"
        " starting with a letter (for example notes).",
    ),
    BadAnswer(
        "module_name",
        "x" * 25,
        "module_name is 25 characters long: keep it to 24 or fewer.",
    ),
    BadAnswer(
        "module_name",
        "groups",
        "module_name 'groups': the host already has modules/groups: choose another name.",
    ),
    BadAnswer(
        "module_name",
        "retry",
        "module_name 'retry': the host's Settings already has the attribute retry"
        " (RetrySettings): choose another name.",
    ),
    BadAnswer(
        "module_name",
        "groups_feature",
        "module_name 'groups_feature': its settings class GroupsFeatureSettings would clash"
        " with the GroupsFeatureSettings of infrastructure/configuration/settings.py:"
        " choose another name.",
    ),
    BadAnswer(
        "module_name",
        "feature",
        "module_name 'feature': its settings class FeatureSettings would clash with the"
        " FeatureSettings of infrastructure/configuration/base.py: choose another name.",
    ),
    BadAnswer(
        "entity_name",
        "incident_note",
        "entity_name 'incident_note' is not PascalCase: type a class name such as IncidentNote.",
    ),
    BadAnswer(
        "entity_name",
        "IncidentNotesService",
        "entity_name 'IncidentNotesService' is the name of one of the feature's own classes:"
        " choose the domain object's name.",
    ),
    BadAnswer(
        "fields", "", "fields is empty: type one field a line, such as title: str"
    ),
    BadAnswer(
        "fields",
        "title",
        "fields: 'title' is not name: type (for example severity: low | high).",
    ),
    BadAnswer(
        "fields",
        "title: string",
        "fields: title's type 'string' is none of str, text, int, bool, date, datetime,"
        " a | b | c.",
    ),
    BadAnswer(
        "fields",
        "title: str\nclass: str",
        "fields: 'class' is a Python keyword: choose another name.",
    ),
    BadAnswer(
        "fields",
        "id: str",
        "fields: 'id' is the identifier every item has already: choose another name.",
    ),
    BadAnswer(
        "fields",
        "json: str",
        "fields: 'json' is pydantic's BaseModel.json, which a field would hide: choose"
        " another name.",
    ),
    BadAnswer(
        "fields",
        "date: date",
        "fields: 'date' is a type the generated code annotates fields with: choose another"
        " name.",
    ),
    BadAnswer(
        "fields",
        "title: str\ntitle: text",
        "fields: 'title' is given twice.",
    ),
    BadAnswer(
        "fields",
        "severity: low | very high",
        "fields: severity's choice 'very high' is not one word of letters, digits, -, _ or .",
    ),
    BadAnswer(
        "fields",
        "title: {{ 7 * 7 }}",
        "fields: title's type '{{ 7 * 7 }}' is none of str, text, int, bool, date, datetime,"
        " a | b | c.",
    ),
    BadAnswer(
        "operations",
        [],
        "operations: select at least one of create, get, list, update, delete.",
    ),
    BadAnswer(
        "providers",
        "Google",
        "providers: 'Google' is not a lowercase Python identifier (a-z, 0-9, _).",
    ),
    BadAnswer(
        "providers",
        "google, google",
        "providers: 'google' is listed twice: each provider once.",
    ),
    BadAnswer(
        "providers",
        "base",
        "providers: 'base' is taken by the providers package itself: choose another.",
    ),
    BadAnswer(
        "providers",
        "incident_notes",
        "providers: 'incident_notes' is also the module's name, and its class would be"
        " IncidentNotesProvider, the name of the feature's provider contract: choose another"
        " module or provider name.",
    ),
    BadAnswer(
        "providers",
        ", ".join(f"p{number}" for number in range(10)),
        "providers: at most 9 back-ends; a feature with more wants splitting.",
    ),
    BadAnswer(
        "primary_provider",
        "pagerduty",
        "primary_provider must be one of storage, google.",
    ),
    BadAnswer(
        "slack_command",
        "Incident Notes",
        "slack_command 'Incident Notes' is not a kebab-case word: use a-z, 0-9 and single"
        " hyphens, starting with a letter (for example incident-notes).",
    ),
    BadAnswer(
        "slack_command",
        "aide",
        "slack_command 'aide' is the host's help word: choose another name.",
    ),
    BadAnswer(
        "slack_command",
        "a" * 33,
        "slack_command is 33 characters long: keep it to 32 or fewer.",
    ),
    BadAnswer(
        "slack_command",
        "geolocate",
        "slack_command 'geolocate': packages/geolocate/platforms/slack.py already registers"
        " /sre geolocate: choose another name.",
    ),
    BadAnswer("description", "", "description is empty: write a sentence."),
    BadAnswer(
        "description",
        "bell \x07 here",
        "description contains the control character '\\x07': remove it.",
    ),
    BadAnswer(
        "success_criteria",
        "fast\nred \x1b[31m",
        "success_criteria contains the control character '\\x1b': remove it.",
    ),
    BadAnswer(
        "success_criteria",
        ["first", "second"],
        "an answer is a YAML list where text is asked: write success_criteria and"
        " out_of_scope one statement per line, and providers as names separated by commas.",
    ),
    BadAnswer("owner", "two\nlines", "owner must fit on one line."),
    BadAnswer(
        "tracking_link",
        "SRE-1234",
        "tracking_link must be empty or one http(s) URL without spaces, such as https://example.org/browse/SRE-123.",
    ),
]


def markdown_table() -> str:
    """The table docs/bad-input.md shows."""
    rows = [
        "| question | answer | what copier says (after `refused: `) |",
        "| --- | --- | --- |",
    ]
    for case in BAD_ANSWERS:
        shown = repr(case.value).replace("|", "\\|")
        said = case.says.replace("|", "\\|")
        rows.append(f"| `{case.question}` | `{shown}` | {said} |")
    return "\n".join(rows) + "\n"
