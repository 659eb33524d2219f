"""The operations a feature can offer: one row per verb, what each looks like in every layer.

``TABLE`` maps a verb to the function that fills its row from the feature's names;
``Operations`` is the selection of one feature, in create/get/list/update/delete order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

from .names import Names, with_article

VERBS = ("create", "get", "list", "update", "delete")


@dataclass(frozen=True, kw_only=True)
class Param:
    """One parameter of a generated function: its name, annotation, default and docstring line."""

    name: str
    type: str
    doc: str
    default: str = ""

    @property
    def code(self) -> str:
        """The parameter as it stands in a ``def`` line."""
        return f"{self.name}: {self.type}" + (
            f" = {self.default}" if self.default else ""
        )


@dataclass(frozen=True, kw_only=True)
class Operation:
    """One operation as every layer of the feature spells it.

    Attributes:
        verb: create, get, list, update or delete.
        method: The service's (and provider's, and client's) method.
        params: The method's parameters after ``self``.
        data: What a success carries (``OperationResult[data]``).
        returns_doc: The method's ``Returns:`` line.
        event: The structlog event of a success.
        summary: One line saying what it does, also the route's summary.
        http_method: The route's HTTP method.
        path: The route's path below the feature's prefix.
        status_code: The route's success status.
        http_params: The route handler's own parameters (the host's ones are added).
        http_returns: The route handler's return annotation.
        http_returns_doc: The route handler's ``Returns:`` line.
    """

    verb: str
    method: str
    params: tuple[Param, ...]
    data: str
    returns_doc: str
    event: str
    summary: str
    http_method: str
    path: str
    status_code: int
    http_params: tuple[Param, ...]
    http_returns: str
    http_returns_doc: str

    @property
    def args(self) -> str:
        """The method's parameters as the arguments of a call."""
        return ", ".join(param.name for param in self.params)

    @property
    def args_tuple(self) -> str:
        """The method's parameters as a tuple expression: ``(limit,)``, ``(limit, before)``."""
        return f"({self.args}{',' if len(self.params) == 1 else ''})"

    @property
    def http_args(self) -> str:
        """The route handler's own parameters as the arguments of a call."""
        return ", ".join(param.name for param in self.http_params)

    @property
    def impl(self) -> str:
        """The provider's protected method that makes the back-end call."""
        return f"_{self.verb}_impl"

    @property
    def result_type(self) -> str:
        return f"OperationResult[{self.data}]"

    @property
    def by_id(self) -> bool:
        """Whether it addresses one item by its id."""
        return self.verb in ("get", "update", "delete")


def _create(n: Names) -> Operation:
    words = n.entity_words
    return Operation(
        verb="create",
        method=f"create_{n.entity_snake}",
        params=(
            Param(name="draft", type=f"{n.entity}Draft", doc=f"The {words} to create."),
        ),
        data=n.entity,
        returns_doc=f"The created {words}, or why it could not be created.",
        event=f"{n.entity_snake}_created",
        summary=f"Create {with_article(words)}",
        http_method="POST",
        path="",
        status_code=201,
        http_params=(
            Param(
                name="body", type=f"{n.entity}CreateRequest", doc="The request body."
            ),
        ),
        http_returns=f"{n.entity}Response",
        http_returns_doc=f"The created {words}.",
    )


def _item_id(n: Names) -> Param:
    return Param(
        name=n.id_param, type="str", doc=f"Identifier of the {n.entity_words}."
    )


def _route_id(n: Names) -> Param:
    return Param(
        name=n.id_param,
        type=f"{n.entity}Id",
        doc=f"Identifier of the {n.entity_words}.",
    )


def _get(n: Names) -> Operation:
    words = n.entity_words
    return Operation(
        verb="get",
        method=f"get_{n.entity_snake}",
        params=(_item_id(n),),
        data=n.entity,
        returns_doc=f"The {words}, or why it could not be fetched (NOT_FOUND when it does not exist).",
        event=f"{n.entity_snake}_fetched",
        summary=f"Get one {words}",
        http_method="GET",
        path=f"/{{{n.id_param}}}",
        status_code=200,
        http_params=(_route_id(n),),
        http_returns=f"{n.entity}Response",
        http_returns_doc=f"The {words}.",
    )


def _list(n: Names, paged: bool) -> Operation:
    words = n.entity_plural_words
    limit = f"How many {words} to return at most."
    before = Param(
        name="before",
        type="str | None",
        doc=f"The last id of the previous page: the {words} after it; None for the first page.",
        default="None",
    )
    return Operation(
        verb="list",
        method=f"list_{n.entity_plural_snake}",
        params=(Param(name="limit", type="int", doc=limit),)
        + ((before,) if paged else ()),
        data=f"list[{n.entity}]",
        returns_doc=(
            f"Up to ``limit`` {words}"
            + (", newest first" if paged else "")
            + ", or why they could not be listed."
        ),
        event=f"{n.entity_plural_snake}_listed",
        summary=f"List {words}",
        http_method="GET",
        path="",
        status_code=200,
        http_params=(Param(name="limit", type="PageLimit", doc=limit, default="50"),)
        + ((replace(before, type="PageStart"),) if paged else ()),
        http_returns=f"{n.entity}ListResponse",
        http_returns_doc=f"A page of {words}.",
    )


def _update(n: Names) -> Operation:
    words = n.entity_words
    changes = "The fields to change."
    return Operation(
        verb="update",
        method=f"update_{n.entity_snake}",
        params=(
            _item_id(n),
            Param(name="changes", type=f"{n.entity}Changes", doc=changes),
        ),
        data=n.entity,
        returns_doc=f"The updated {words}, or why it could not be updated (NOT_FOUND when it does not exist).",
        event=f"{n.entity_snake}_updated",
        summary=f"Update {with_article(words)}",
        http_method="PATCH",
        path=f"/{{{n.id_param}}}",
        status_code=200,
        http_params=(
            _route_id(n),
            Param(name="body", type=f"{n.entity}UpdateRequest", doc=changes),
        ),
        http_returns=f"{n.entity}Response",
        http_returns_doc=f"The updated {words}.",
    )


def _delete(n: Names) -> Operation:
    words = n.entity_words
    return Operation(
        verb="delete",
        method=f"delete_{n.entity_snake}",
        params=(_item_id(n),),
        data="None",
        returns_doc=f"Success, or why the {words} could not be deleted (NOT_FOUND when it does not exist).",
        event=f"{n.entity_snake}_deleted",
        summary=f"Delete {with_article(words)}",
        http_method="DELETE",
        path=f"/{{{n.id_param}}}",
        status_code=204,
        http_params=(_route_id(n),),
        http_returns="None",
        http_returns_doc="Nothing: 204 No Content.",
    )


TABLE: dict[str, Callable[[Names], Operation]] = {
    "create": _create,
    "get": _get,
    "list": partial(_list, paged=False),
    "update": _update,
    "delete": _delete,
}


class Operations(tuple[Operation, ...]):
    """The operations one feature offers, in create/get/list/update/delete order."""

    @classmethod
    def select(
        cls, names: Names, verbs: Iterable[str], paged: bool = False
    ) -> Operations:
        """The operations of ``verbs``; ``paged``: a list goes past its first page by id.

        A module's list is paged (its records are ordered by id, newest first); an
        integration's list is the vendor's, whose paging is the vendor's own.
        """
        chosen = set(verbs)
        made = {**TABLE, "list": partial(_list, paged=paged)}
        return cls(made[verb](names) for verb in VERBS if verb in chosen)

    @property
    def paged(self) -> bool:
        """Whether the list goes past its first page (takes ``before``)."""
        listing = self.first("list")
        return listing is not None and any(p.name == "before" for p in listing.params)

    def has(self, *verbs: str) -> bool:
        """Whether any of ``verbs`` is offered."""
        return any(op.verb in verbs for op in self)

    def first(self, *verbs: str) -> Operation | None:
        """The first offered operation among ``verbs``, or None."""
        return next((op for op in self if op.verb in verbs), None)

    @property
    def verbs(self) -> str:
        """The verbs offered, as a comma-separated phrase."""
        return ", ".join(op.verb for op in self)

    @property
    def needs_id(self) -> bool:
        """Whether some operation addresses one item by its id."""
        return self.has("get", "update", "delete")

    @property
    def returns_item(self) -> bool:
        """Whether some operation answers with one item."""
        return self.has("create", "get", "update")

    @property
    def returns_items(self) -> bool:
        """Whether some operation answers with item data (one item or a page)."""
        return self.has("create", "get", "update", "list")

    @property
    def takes_input(self) -> bool:
        """Whether some operation carries input to validate (a draft or changes)."""
        return self.has("create", "update")
