"""The reference table, compiled: one straight-line walk a record type.

:func:`compile_walk` writes, once, the Python one would write by hand to
walk a record type's places (:data:`~ddfacts.validation._refs.REFERENCES`)
and runs it as a function, as the shape check compiles the schemas: no call
a place, no object a reference.  A walk gives the ids a record refers to,
their :class:`~ddfacts.validation._refs.Site` in a parallel list, and the ids
it derives from.  A site depends on its place only (and on the list index
it sits at), so a walk hands out the same site objects for every record.

:data:`WALKS` read any JSON value (a part with the wrong JSON type is
skipped: the shape level reports it); :data:`SHAPED_WALKS` only records the
compiled shape check accepted, testing for presence alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..records._fields import is_id
from ._refs import IDS, OBJECT, OBJECTS, REFERENCES, UNTYPED, Path, Place, Site

__all__ = ["SHAPED_WALKS", "WALKS", "Walk", "compile_walk", "walk"]

#: A compiled walk: the ids a record refers to, their sites, and the ids it derives from.
Walk = Callable[[dict[str, Any]], tuple[list[str], list[Site], tuple[str, ...]]]

#: How many list positions of a place keep their site between records.
_CACHED_INDEXES = 64


class _Sites(dict[int, Site]):
    """The sites of one place inside a list, by the list index, made as indexes are met."""

    __slots__ = ("_after", "_before", "_expected", "_role")

    def __init__(self, place: Place, before: Path, after: Path) -> None:
        super().__init__()
        self._expected, self._role, self._before, self._after = (
            place.expected,
            place.role,
            before,
            after,
        )

    def make(self, index: int) -> Site:
        """The site at *index* (kept for the next record, unless the list is a long one)."""
        site = Site(self._expected, self._role, (*self._before, index, *self._after))
        return self.setdefault(index, site) if index < _CACHED_INDEXES else site


#: One step of a path while the walk is written: a key, or the name of an index variable.
_Step = tuple[str, bool]


class _Writer:
    """Writes the source of one walk: straight-line code, one block a place.

    A *trusting* walk is for records the compiled shape check accepted: each
    member it reads has the JSON type the schema gives it, so it tests for
    presence only.  Otherwise every step checks the JSON type.
    """

    def __init__(self, trusting: bool) -> None:
        self.trusting = trusting
        self.lines = [
            "def walk(value):",
            "    targets = []",
            "    sites = []",
            "    derived = None",
        ]
        self.names: dict[str, Any] = {"Site": Site, "new": tuple.__new__, "is_id": is_id}
        self._count = 0

    def name(self, prefix: str, value: Any = None) -> str:
        """A fresh variable name (bound to *value* in the namespace, if given)."""
        self._count += 1
        fresh = f"{prefix}{self._count}"
        if value is not None:
            self.names[fresh] = value
        return fresh

    def places(self, places: tuple[Place, ...], obj: str, path: list[_Step], depth: int) -> None:
        for place in places:
            self.place(place, obj, path, depth)

    def test(self, item: str, json_type: str) -> str:
        """The condition under which *item* is read on: present, or of its JSON type."""
        return f"{item} is not None" if self.trusting else f"isinstance({item}, {json_type})"

    def place(self, place: Place, obj: str, path: list[_Step], depth: int) -> None:
        pad, item, here = "    " * depth, self.name("v"), [*path, (place.key, False)]
        self.lines.append(f"{pad}{item} = {obj}.get({place.key!r})")
        if place.holds == OBJECT:
            self.lines.append(f"{pad}if {self.test(item, 'dict')}:")
            self.places(place.places, item, here, depth + 1)
        elif place.holds in (OBJECTS, IDS):
            index, entry = self.name("i"), self.name("e")
            self.lines.append(f"{pad}if {self.test(item, 'list')}:")
            self.lines.append(f"{pad}    for {index}, {entry} in enumerate({item}):")
            inner = depth + 2 if self.trusting else depth + 3
            if not self.trusting:
                json_type = "dict" if place.holds == OBJECTS else "str"
                self.lines.append(f"{pad}        if isinstance({entry}, {json_type}):")
            if place.holds == OBJECTS:
                self.places(place.places, entry, [*here, (index, True)], inner)
            else:
                self.ref(place, entry, [*here, (index, True)], inner)
        else:
            self.lines.append(f"{pad}if {self.test(item, 'str')}:")
            self.ref(place, item, here, depth + 1)
            if place.derives:
                self.derive(place, obj, item, depth + 1)

    def ref(self, place: Place, item: str, path: list[_Step], depth: int) -> None:
        """A reference to the id in *item* (a string), if it is a well-formed id."""
        pad = "    " * depth
        self.lines.append(f"{pad}if is_id({item}):")
        self.lines.append(f"{pad}    targets.append({item})")
        self.lines.append(f"{pad}    sites.append({self.site(place, path)})")

    def site(self, place: Place, path: list[_Step]) -> str:
        """An expression for the site at *path*: shared, cached by index, or made."""
        indexes = [at for at, (_, is_index) in enumerate(path) if is_index]
        if not indexes:
            keys = tuple(key for key, _ in path)
            return self.name("S", Site(place.expected, place.role, keys))
        if len(indexes) == 1:
            at = indexes[0]
            before = tuple(key for key, _ in path[:at])
            after = tuple(key for key, _ in path[at + 1 :])
            cache, index = self.name("C", _Sites(place, before, after)), path[at][0]
            return f"{cache}.get({index}) or {cache}.make({index})"
        steps = ", ".join(text if is_index else repr(text) for text, is_index in path)
        expected = self.name("E", place.expected)
        return f"new(Site, ({expected}, {place.role!r}, ({steps},)))"

    def derive(self, place: Place, obj: str, item: str, depth: int) -> None:
        """Add *item* to the derivation targets (when the enclosing object's kind says so)."""
        pad = "    " * depth
        if place.when_kind is not None:
            kinds, kind = self.name("K", place.when_kind), self.name("k")
            self.lines.append(f"{pad}{kind} = {obj}.get('kind')")
            self.lines.append(f"{pad}if isinstance({kind}, str) and {kind} in {kinds}:")
            pad += "    "
        self.lines.append(f"{pad}if derived is None:")
        self.lines.append(f"{pad}    derived = []")
        self.lines.append(f"{pad}derived.append({item})")


def compile_walk(places: tuple[Place, ...], name: str, *, trusting: bool = False) -> Walk:
    """The walk of *places* over a record, as straight-line Python made once from the table.

    A *trusting* walk is only for records the compiled shape check accepted.
    The source is the walk's ``__doc__``, for whoever debugs it.
    """
    writer = _Writer(trusting)
    writer.places(places, "value", [], 1)
    writer.lines.append("    return targets, sites, () if derived is None else tuple(derived)")
    source = "\n".join(writer.lines) + "\n"
    label = f"{name}, shape-valid" if trusting else name
    exec(compile(source, f"<ddfacts reference walk: {label}>", "exec"), writer.names)
    walk: Walk = writer.names["walk"]
    walk.__doc__ = source
    return walk


#: The table, compiled: one walk per record type, for any record value.
WALKS: Mapping[str, Walk] = {
    kind: compile_walk(places, kind) for kind, places in REFERENCES.items()
}
#: The same for records the compiled shape check accepted (the fast pass).
SHAPED_WALKS: Mapping[str, Walk] = {
    kind: compile_walk(places, kind, trusting=True) for kind, places in REFERENCES.items()
}
_UNTYPED_WALK = compile_walk(UNTYPED, "untyped")


def walk(value: dict[str, Any], kind: str | None) -> tuple[list[str], list[Site], tuple[str, ...]]:
    """The ids a record of type *kind* refers to, their sites, and the ids it derives from.

    A record of no known type has only the places every type has.
    """
    return WALKS.get(kind or "", _UNTYPED_WALK)(value)
